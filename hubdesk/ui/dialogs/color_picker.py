"""The label colours as one-click swatches, plus "Other…" for any colour."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QToolButton, QWidget

from hubdesk.core.labels import PALETTE
from hubdesk.ui.dialogs.action_button import action_button


def swatch_icon(color: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ColorPicker(QWidget):
    picked = Signal(str)  # "#rrggbb"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._current = PALETTE[0]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.swatches: dict[str, QToolButton] = {}
        for color in PALETTE:
            button = QToolButton()
            button.setIcon(swatch_icon(color))
            button.setIconSize(QSize(16, 16))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(color)
            button.setAccessibleName(self.tr("Colour %1").replace("%1", color))
            button.clicked.connect(lambda _checked=False, c=color: self.picked.emit(c))
            layout.addWidget(button)
            self.swatches[color] = button
        self.other_button = action_button(self.tr("Other…"))
        self.other_button.setAccessibleName(self.tr("Choose another colour"))
        self.other_button.clicked.connect(self._choose_other)
        layout.addWidget(self.other_button)
        layout.addStretch(1)

    def set_current(self, color: str) -> None:
        self._current = color
        for value, button in self.swatches.items():
            button.setChecked(value == color.lower())

    def _choose_other(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._current), self, self.tr("Label colour"))
        if chosen.isValid():
            self.picked.emit(chosen.name())
