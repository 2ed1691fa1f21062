"""Additional emails or phones: one line per value, each with its own message and Remove."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.ui.dialogs.action_button import action_button
from hubdesk.ui.dialogs.field_message import FieldMessage


class ExtraValueRows(QWidget):
    changed = Signal()

    def __init__(self, make_edit: Callable[[], QLineEdit], item_name: str, add_text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._make_edit = make_edit
        self._item_name = item_name  # e.g. "Additional email", for accessible names
        self.edits: list[QLineEdit] = []
        self.messages: list[FieldMessage] = []
        self._removes: list[QPushButton] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = action_button(add_text)
        self.add_button.setAccessibleName(add_text)
        self.add_button.clicked.connect(lambda: self.add_row("", focus=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addLayout(buttons)

    def values(self) -> list[str]:
        return [e.text().strip() for e in self.edits if e.text().strip()]

    def set_values(self, values: list[str]) -> None:
        while self.edits:
            self._remove(0, announce=False)
        for value in values:
            self.add_row(value)

    def add_row(self, text: str = "", *, focus: bool = False) -> QLineEdit:
        edit = self._make_edit()
        edit.setText(text)
        edit.textChanged.connect(lambda _t: self.changed.emit())
        message = FieldMessage()
        remove = action_button(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(self.edits.index(edit)))
        self.edits.append(edit)
        self.messages.append(message)
        self._removes.append(remove)
        self._relayout()
        if focus:
            edit.setFocus()
        self.changed.emit()
        return edit

    def _remove(self, row: int, *, announce: bool = True) -> None:
        for widgets in (self.edits, self.messages, self._removes):
            widget = widgets.pop(row)
            widget.hide()
            widget.deleteLater()
        self._relayout()
        if announce:
            self.changed.emit()

    def _relayout(self) -> None:
        # Rows are re-placed after a removal so no empty grid row is left behind.
        while self._grid.count():
            self._grid.takeAt(0)
        for i, (edit, message, remove) in enumerate(
                zip(self.edits, self.messages, self._removes, strict=True)):
            name = f"{self._item_name} {i + 1}"
            edit.setAccessibleName(name)
            remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))
            self._grid.addWidget(edit, 2 * i, 0)
            self._grid.addWidget(remove, 2 * i, 1)
            self._grid.addWidget(message, 2 * i + 1, 0, 1, 2)
