"""An editable combo box whose items are found by any part of their text.

Each item shows a description and carries the value that is stored (its user data). Typing
filters a completer popup; leaving the field with text that matches exactly one item picks it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class SearchableCombo(QComboBox):
    # The stored value may have changed (typed, picked from the list, or set in code).
    valueChanged = Signal()

    # Another text that names an item exactly, e.g. "Japan" for "Japan (JP)".
    ALIAS_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None):
        """items: (value, shown text); an empty first item means "none"."""
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.addItem("", "")
        for value, text in items:
            self.addItem(text, value)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._pick_unique_match)
        self.lineEdit().textEdited.connect(lambda _text: self.valueChanged.emit())
        self.currentIndexChanged.connect(lambda _index: self.valueChanged.emit())
        completer.activated.connect(lambda _text: self.valueChanged.emit())

    def value(self) -> str:
        """The picked item's value; typed text that names no item is returned as typed."""
        text = self.currentText().strip()
        index = self._exact(text)
        return self.itemData(index) if index >= 0 else self.unmatched_value(text)

    def unmatched_value(self, text: str) -> str:
        return text

    def is_listed(self) -> bool:
        return self._exact(self.currentText().strip()) >= 0

    def set_value(self, value: str) -> None:
        index = self.findData(value or "")
        if index < 0:
            # A value from an import or an older version that is not in the list: keep it
            # rather than losing it when the contact is saved.
            self.addItem(value, value)
            index = self.count() - 1
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))

    def _exact(self, text: str) -> int:
        folded = text.casefold()
        for i in range(self.count()):
            names = (self.itemText(i), self.itemData(i), self.itemData(i, self.ALIAS_ROLE))
            if any(str(n).casefold() == folded for n in names if n):
                return i
        return -1

    def _pick_unique_match(self) -> None:
        text = self.currentText().strip()
        if not text or self._exact(text) >= 0:
            return
        folded = text.casefold()
        matches = [i for i in range(1, self.count()) if folded in self.itemText(i).casefold()]
        if len(matches) == 1:
            self.setCurrentIndex(matches[0])
            self.setEditText(self.itemText(matches[0]))
            self.valueChanged.emit()
