"""The contact's initials in a coloured circle, painted exactly like the list's NameDelegate
so a person looks the same in both places."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from hubdesk.ui.widgets.delegates import avatar_color


class InitialsAvatar(QWidget):
    def __init__(self, size: int = 56, parent: QWidget | None = None):
        super().__init__(parent)
        self._size = size
        self._initials = ""
        self._color = QColor("#4b5563")
        self.setFixedSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_person(self, initials: str, seed: str) -> None:
        """`seed` is what the list colours by (the display name, else the email)."""
        self._initials = initials
        self._color = avatar_color(seed)
        self.setAccessibleName(initials)
        self.update()

    def initials(self) -> str:
        return self._initials

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        circle = QRectF(1, 1, self._size - 2, self._size - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawEllipse(circle)
        font = QFont(self.font())
        font.setPixelSize(max(9, int(self._size * 0.4)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, self._initials)
        painter.end()
