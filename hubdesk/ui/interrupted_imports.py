"""Imports a HubDesk process left half-done (killed, crashed, the computer switched off):
found as the window opens and offered, one at a time, in a bar over the list — Resume where
it stopped, or Undo what it wrote. Opening the database already marked such jobs
"interrupted" (core.io.import_jobs), so a job really running in another HubDesk is not one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from hubdesk.core.io.import_jobs import InterruptedImport
    from hubdesk.ui.main_window import MainWindow


class InterruptedImports(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.bar = window.import_bar
        self.pending: list[InterruptedImport] = []
        self.current: InterruptedImport | None = None
        window.store.importUndone.connect(self._undone)
        window.store.importUndoFailed.connect(lambda _job, _message: self._show_next())

    def check(self) -> None:
        db = self.window.db

        def work(_report, _cancelled) -> list[InterruptedImport]:
            # Imported here, in the worker: the window opens without the import engine.
            from hubdesk.core.io.import_jobs import interrupted_jobs

            with db.read_session() as s:
                return interrupted_jobs(s)

        self.window.jobs.start("interrupted imports", work, self._found,
                               lambda _message: None)  # nothing to offer then; logged

    def _found(self, jobs: list[InterruptedImport]) -> None:
        self.pending = list(jobs)
        self._show_next()

    def _show_next(self) -> None:
        self.bar.clear_buttons()
        if not self.pending:
            self.current = None
            self.bar.hide()
            return
        job = self.current = self.pending.pop(0)
        text = self.tr("The import of %1 was interrupted after %2 rows (%3 contacts "
                       "created).").replace("%1", job.file_name).replace(
            "%2", f"{job.rows_committed:,}").replace("%3", f"{job.contacts_created:,}")
        if not job.can_resume:
            text += " " + self.tr("It cannot be resumed: %1").replace("%1", job.why_not)
        self.bar.show_warning(text)
        if job.can_resume:
            self.bar.add_button(self.tr("Resume import")).clicked.connect(self.resume)
        self.bar.add_button(self.tr("Undo import")).clicked.connect(self.undo)

    def resume(self) -> None:
        job, db, window = self.current, self.window.db, self.window
        if job is None:
            return
        self.bar.hide()
        window.progress.setVisible(True)
        window.progress.setRange(0, 0)

        def work(report, cancelled):
            from hubdesk.core.io.import_resume import resume_import

            return resume_import(db, job.job_id, progress=report, cancelled=cancelled)

        def progress(done: int, total: int) -> None:
            window.progress.setRange(0, max(total, 0))
            window.progress.setValue(done)

        def finished(result) -> None:
            window.progress.setVisible(False)
            window.store.record_import(job.job_id, job.file_name, result.created,
                                       result.updated)
            window.statusBar().showMessage(
                self.tr("Import of %1 resumed and finished: %2 created, %3 updated, %4 "
                        "rejected").replace("%1", job.file_name)
                .replace("%2", f"{result.created:,}").replace("%3", f"{result.updated:,}")
                .replace("%4", f"{result.failed:,}"), 15_000)
            self.window.store.announce_outside_write()
            self._show_next()

        def failed(message: str) -> None:
            window.progress.setVisible(False)
            window._show_error(self.tr("The import was not resumed: %1").replace(
                "%1", message))
            self.window.store.announce_outside_write()  # batches written before it are in
            self._show_next()

        window.jobs.start("resume import", work, finished, failed, progress)

    def undo(self) -> None:
        job = self.current
        if job is None or not self.window.contact_actions.confirm(
                self.tr("Undo import"),
                self.tr("Undo the interrupted import of %1? The %2 contacts it created are "
                        "removed and the contacts it updated get their earlier values back.")
                .replace("%1", job.file_name).replace("%2", f"{job.contacts_created:,}")):
            return
        self.bar.hide()
        self.window.store.undo_import(job.job_id)

    def _undone(self, job_id: int, _affected: int) -> None:
        if self.current is not None and job_id == self.current.job_id:
            self._show_next()
