"""Page 5: what the import did, the rejected rows to fix and import again, and Undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from hubdesk.core.io.rejected import write_rejected
from hubdesk.ui.import_pages.counts import CountsView
from hubdesk.ui.import_pages.message import PageMessage
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.jobs import JobFunction, JobRunner
from hubdesk.ui.store import ContactStore


class SummaryPage(QWizardPage):
    showImported = Signal(int)  # import job id: the user wants the list narrowed to it

    def __init__(self, state: ImportState, store: ContactStore, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.state, self.store, self.jobs = state, store, jobs
        self.setTitle(self.tr("Import finished"))
        self.setSubTitle(self.tr("What the import did. Undo removes what it created and puts "
                                 "back what it changed."))
        self.setFinalPage(True)
        self._busy = False

        self.counts = CountsView([
            ("read", self.tr("Rows read")), ("created", self.tr("Created")),
            ("updated", self.tr("Updated")), ("skipped", self.tr("Skipped")),
            ("failed", self.tr("Failed"))])
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save rejected rows…"))
        self.save_button.clicked.connect(self.save_rejected)
        self.undo_button = QPushButton(self.tr("Undo import"))
        self.undo_button.clicked.connect(self.undo)
        self.show_button = QPushButton(self.tr("Show imported contacts"))
        self.show_button.setToolTip(self.tr("Close the wizard and list only the contacts this "
                                            "import created or updated"))
        self.show_button.clicked.connect(self._show_imported)
        store.importUndone.connect(self._undone)
        store.importUndoFailed.connect(self._undo_failed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        self.message = PageMessage()
        self.message.setAccessibleName(self.tr("Result"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addSpacing(8)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.state.result
        if result is None:
            return
        self.counts.set_counts({"read": result.read, "created": result.created,
                                "updated": result.updated, "skipped": result.skipped,
                                "failed": result.failed})
        lines = []
        if result.cancelled:
            self.setTitle(self.tr("Import cancelled"))
            lines.append(self.tr("Cancelled after row %1: the rest of the file was not read.")
                         .replace("%1", f"{result.read:,}"))
        if result.warnings:
            lines.append(self.tr("Imported with questionable values, kept as written and "
                                 "flagged as having problems: %1")
                         .replace("%1", f"{len(result.warnings):,}"))
        if result.failed:
            lines.append(self.tr("Not imported: %1. Save these rows, fix them in a "
                                 "spreadsheet and import that file.")
                         .replace("%1", f"{result.failed:,}"))
        self.note.setText("\n".join(lines))
        self._update_buttons()

    def _update_buttons(self) -> None:
        result = self.state.result
        self.save_button.setEnabled(bool(result and result.errors) and not self._busy)
        undoable = bool(result and result.job_id) and not self.state.undone
        self.undo_button.setEnabled(undoable and not self._busy)
        self.show_button.setEnabled(undoable and not self._busy
                                    and bool(result and (result.created or result.updated)))

    def save_rejected(self) -> None:
        result, table = self.state.result, self.state.table
        if result is None or table is None or not result.errors:
            return
        suggested = table.path.with_name(f"{table.path.stem}-rejected.csv")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(suggested), self.tr("CSV files (*.csv)"))
        if not name:
            return
        headers, rows = list(table.headers), list(result.errors)
        self._start("save rejected rows",
                    lambda _report, _cancelled: write_rejected(Path(name), headers, rows),
                    self._saved)

    def _saved(self, path: Path) -> None:
        self._finish()
        self.message.show_note(self.tr("Rejected rows saved (%1) to %2").replace(
            "%1", f"{len(self.state.result.errors) if self.state.result else 0:,}").replace(
            "%2", str(path)))

    def undo(self) -> None:
        result = self.state.result
        if result is None or not result.job_id or self.state.undone:
            return
        text = self.tr("Undo this import? The %1 contacts it created are removed and the %2 "
                       "it updated get their earlier values back.")
        answer = QMessageBox.question(
            self, self.tr("Undo import"),
            text.replace("%1", f"{result.created:,}").replace("%2", f"{result.updated:,}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_confirmed()

    def undo_confirmed(self) -> None:
        """Undo through the store, so Edit → Undo no longer offers this import."""
        result = self.state.result
        if result is None or not result.job_id or self.state.undone:
            return
        self._busy = True
        self._update_buttons()
        self.message.clear_message()
        self.store.undo_import(result.job_id)

    def _mine(self, job_id: int) -> bool:
        return bool(self.state.result and self.state.result.job_id == job_id)

    def _undone(self, job_id: int, affected: int) -> None:
        if not self._mine(job_id):
            return
        self.state.undone = True
        self._finish()
        self.setTitle(self.tr("Import undone"))
        self.message.show_note(self.tr("Import undone. Contacts removed or restored: %1")
                               .replace("%1", f"{affected:,}"))

    def _undo_failed(self, job_id: int, message: str) -> None:
        if self._mine(job_id):
            self._failed(message)

    def _show_imported(self) -> None:
        result = self.state.result
        if result is not None and result.job_id:
            self.showImported.emit(result.job_id)
            self.wizard().accept()

    # --- background work -----------------------------------------------------------------
    def _start(self, name: str, fn: JobFunction, on_done: Callable[[Any], None]) -> None:
        self._busy = True
        self._update_buttons()
        self.message.clear_message()
        self.jobs.start(name, fn, on_done, self._failed)

    def _failed(self, message: str) -> None:
        self._finish()
        self.message.show_error(message)

    def _finish(self) -> None:
        self._busy = False
        self._update_buttons()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._busy  # Finish waits for a save or an undo in progress
