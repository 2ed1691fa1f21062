"""Page 5: what the import did, the rejected rows to fix and import again, and Undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from hubdesk.core.io.importer import undo_import
from hubdesk.core.io.rejected import write_rejected
from hubdesk.ui.import_pages.counts import CountsView
from hubdesk.ui.import_pages.message import PageMessage
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.jobs import JobFunction, JobRunner
from hubdesk.ui.store import ContactStore


class SummaryPage(QWizardPage):
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
        buttons = QHBoxLayout()
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
        self.undo_button.setEnabled(bool(result and result.job_id) and not self.state.undone
                                    and not self._busy)

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
        db, job_id = self.store.db, result.job_id
        self._start("undo import", lambda _report, _cancelled: undo_import(db, job_id),
                    self._undone)

    def _undone(self, affected: int) -> None:
        self.state.undone = True
        self._finish()
        self.setTitle(self.tr("Import undone"))
        self.message.show_note(self.tr("Import undone. Contacts removed or restored: %1")
                               .replace("%1", f"{affected:,}"))
        self.store.listChanged.emit()
        self.store.contactsChanged.emit([])  # contacts it updated have their old values again

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
