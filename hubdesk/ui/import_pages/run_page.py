"""Page 4: the import itself, on a worker, with rows and rows/s, and Cancel.

Cancel is checked between batches (each a transaction), so what was written stays
consistent and undoable; the partial result still reaches the summary. The job's own cancel
is not used for that, since a cancelled job delivers no result.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from hubdesk.core.io.importer import ImportResult, run_import
from hubdesk.ui.import_pages.message import PageMessage
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.jobs import Job, JobRunner
from hubdesk.ui.store import ContactStore


class RunPage(QWizardPage):
    # The import ended (done or cancelled) and state.result holds what it did.
    imported = Signal()

    def __init__(self, state: ImportState, store: ContactStore, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.state, self.store, self.jobs = state, store, jobs
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("You can keep working; cancelling keeps what was imported "
                                 "so far, and it can be undone."))
        self.setCommitPage(True)  # the summary cannot go back to a finished import
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Show summary"))
        self._stop = threading.Event()
        self._job: Job | None = None
        self._started = 0.0
        self._error = ""

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.rows = QLabel()
        self.rows.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.error = PageMessage()
        row = QHBoxLayout()
        row.addWidget(self.rows, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(2)

    def initializePage(self) -> None:
        table = self.state.table
        if table is None or self._job is not None or self.state.result is not None:
            return
        db, mapping, options = self.store.db, list(self.state.mapping), self.state.options
        stop = self._stop
        dry = self.state.dry_run
        # The dry run counted the rows with the same options: a real bar instead of a busy one.
        self._total = dry.read if dry is not None and not dry.cancelled else 0
        self.progress.setRange(0, self._total)
        self.progress.setValue(0)
        self.rows.setText(self.tr("Starting…"))
        self._started = time.monotonic()
        self._job = self.jobs.start(
            "import",
            # The job's own cancel comes from the window closing (JobRunner.cancel_all).
            lambda report, cancelled: run_import(
                db, table, mapping, options, progress=report,
                cancelled=lambda: stop.is_set() or cancelled()),
            self._done, self._failed, self._progress)

    def running(self) -> bool:
        return self._job is not None

    def cancel(self) -> None:
        if self._job is not None:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, _total: int) -> None:
        elapsed = max(time.monotonic() - self._started, 1e-6)
        if self._total:
            self.progress.setValue(min(done, self._total))
        rate = round(done / elapsed)
        of = self.tr(" of %1").replace("%1", f"{self._total:,}") if self._total else ""
        self.rows.setText(self.tr("%1%2 rows · %3 rows/s").replace("%1", f"{done:,}")
                          .replace("%2", of).replace("%3", f"{rate:,}"))

    def _done(self, result: ImportResult) -> None:
        self._job = None
        self.state.result = result
        if result.job_id and self.state.table is not None:
            self.store.record_import(result.job_id, self.state.table.path.name,
                                     result.created, result.updated)
        self.cancel_button.setEnabled(False)
        self._progress(result.read, result.read)
        self.store.announce_outside_write()
        self.completeChanged.emit()
        self.imported.emit()

    def _failed(self, message: str) -> None:
        self._job = None
        self._error = message
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.error.show_error(self.tr("The import stopped: %1").replace("%1", message))
        # Batches written before the failure are real contacts now: the list must show them.
        self.store.announce_outside_write()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.result is not None
