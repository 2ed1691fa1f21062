"""A row of chips above the list naming what narrows it (an import, later filter
conditions); each chip has its own remove button, and the row hides when it is empty."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class FilterChips(QWidget):
    removed = Signal(str)  # the chip's key
    clearedAll = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterChips")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.setSpacing(6)
        self._title = QLabel(self.tr("Showing only:"))
        self._layout.addWidget(self._title)
        self._chips: dict[str, QToolButton] = {}
        self._clear = QToolButton()
        self._clear.setText(self.tr("Clear all"))
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clearedAll)
        self._layout.addWidget(self._clear)
        self._layout.addStretch(1)
        self.setVisible(False)

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        """(key, text) pairs; text is shown as plain text (file names come from users)."""
        for button in self._chips.values():
            button.deleteLater()
        self._chips = {}
        for position, (key, text) in enumerate(chips, start=1):
            button = QToolButton()
            # A tool button never interprets markup; "×" is the remove affordance.
            button.setText(f"{text}  ×")
            button.setToolTip(self.tr("Remove this condition"))
            button.setAccessibleName(self.tr("Remove: %1").replace("%1", text))
            button.setProperty("chipKey", key)
            button.setStyleSheet("QToolButton { border: 1px solid palette(mid); "
                                 "border-radius: 10px; padding: 2px 8px; }")
            button.clicked.connect(lambda _checked=False, k=key: self.removed.emit(k))
            self._layout.insertWidget(position, button)
            self._chips[key] = button
        self._clear.setVisible(len(chips) > 1)
        self.setVisible(bool(chips))

    def texts(self) -> list[str]:
        return [button.text() for button in self._chips.values()]

    def chip(self, key: str) -> QToolButton | None:
        return self._chips.get(key)


