"""File → Import messages…: a CSV, XLSX or JSON of messages becomes conversations of the
contacts they name. A dry run first shows how many rows match a contact and lists the rows
that do not (with why); Import then runs in the background as one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.message_import import MessageImportResult, import_messages
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.store import ContactStore

SHOWN_PROBLEMS = 200


class ImportMessagesDialog(QDialog):
    def __init__(self, store: ContactStore, jobs: JobRunner, region: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs, self.region = store, jobs, region
        self.dry: MessageImportResult | None = None
        self.setWindowTitle(self.tr("Import messages"))
        self.setMinimumSize(560, 420)
        intro = QLabel(self.tr("A CSV, XLSX or JSON file with one message per row: the "
                               "contact's email or phone, channel, direction, time and text "
                               "(subject, author and a thread key are optional)."))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File"))
        self.path_edit.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.problems = QListWidget()  # list items never render markup
        self.problems.setAccessibleName(self.tr("Rows not imported"))
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import messages"), "",
            self.tr("Message files (*.csv *.tsv *.txt *.xlsx *.json)"))
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Read the file in a dry run (nothing written) and show what would happen."""
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading…"))
        self.problems.clear()
        self.message.clear_message()
        db, region = self.store.db, self.region

        def dry_run(_report, _cancelled) -> MessageImportResult:
            with db.read_session() as s:
                return import_messages(s, path, region=region, dry_run=True)

        self.jobs.start("messages dry run", dry_run, self._read, self._failed)

    def _read(self, result: MessageImportResult) -> None:
        self.dry = result
        self.summary.setText(
            self.tr("%1 of %2 messages match a contact and will be imported. %3 will not:")
            .replace("%1", f"{result.imported:,}").replace("%2", f"{result.read:,}")
            .replace("%3", f"{len(result.errors):,}") if result.errors else
            self.tr("All %1 messages match a contact and will be imported.")
            .replace("%1", f"{result.imported:,}"))
        for e in result.errors[:SHOWN_PROBLEMS]:
            self.problems.addItem(self.tr("Row %1: %2").replace("%1", str(e.row))
                                  .replace("%2", e.message))
        if len(result.errors) > SHOWN_PROBLEMS:
            self.problems.addItem(self.tr("… and %1 more").replace(
                "%1", f"{len(result.errors) - SHOWN_PROBLEMS:,}"))
        self.import_button.setEnabled(result.imported > 0)

    def _failed(self, message: str) -> None:
        self.summary.clear()
        self.message.show_error(message)

    def start_import(self) -> None:
        if self.dry is None or not self.dry.imported:
            return
        try:
            self.store.import_messages(self.path_edit.text(), self.region)
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            return
        self.accept()
