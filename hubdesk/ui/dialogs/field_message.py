"""The message shown beside an input: red for a problem that blocks Save, amber for a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOR = "#b91c1c"
NOTE_COLOR = "#b45309"


class FieldMessage(QLabel):
    # Core messages are lower-case fragments; shown alone they read better capitalised.
    capitalise = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The message may quote what the user typed: never interpret it as markup.
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
        if not text:
            self.clear_message()
            return
        self.setStyleSheet(f"color: {color};")
        self.setText(_sentence(text) if self.capitalise else text.strip())
        self.setAccessibleDescription(self.text())
        self.show()


def _sentence(text: str) -> str:
    """Core messages are lower-case fragments ('too long (…)'); beside a field they read
    better as a sentence."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def add_checked_rows(form, rows, messages: dict) -> None:
    """Form rows of (label, input, key) with each input's message right under it, so an
    error shows beside what caused it; the label is also the input's accessible name."""
    from PySide6.QtWidgets import QVBoxLayout

    for label, widget, key in rows:
        widget.setAccessibleName(label)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(messages[key])
        form.addRow(label, box)
