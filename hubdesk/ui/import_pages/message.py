"""A red (problem) or amber (note) line on a page, shown exactly as given.

Unlike the editor's FieldMessage it does not capitalise: import messages start with a
file name ("people.csv, line 2: …"), and a file name must read as it is spelled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hubdesk.ui.dialogs.field_message import ERROR_COLOR, NOTE_COLOR


class PageMessage(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Messages quote file names and cell values: never interpret them as markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOR)

    def show_note(self, text: str) -> None:
        self._show(text, NOTE_COLOR)

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def _show(self, text: str, color: str) -> None:
        self.setStyleSheet(f"color: {color};")
        self.setText(text.strip())
        self.setAccessibleDescription(self.text())
        self.setVisible(bool(self.text()))
