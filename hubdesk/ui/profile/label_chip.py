"""One label on the contact: its name on its colour, and a × that removes it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.widgets.delegates import chip_border_color, readable_text_color
from hubdesk.ui.widgets.format import plain_tooltip


class LabelChip(QFrame):
    removeClicked = Signal(str)

    def __init__(self, name: str, color: str, description: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        background = QColor(color)
        if not background.isValid():
            background = QColor("#4b5563")
        self.background = background
        self.foreground = readable_text_color(background)
        self.setObjectName("labelChip")
        # All chips one height, whatever script the name is in (CJK fallback fonts are
        # taller).
        self.setFixedHeight(self.fontMetrics().height() + 10)
        # The chip itself is painted in paintEvent, so its outline follows the theme live;
        # only QColor.name() output (#rrggbb) reaches the style sheet, never stored text.
        self.setStyleSheet(
            f"#labelChip QLabel, #labelChip QToolButton {{ color: {self.foreground.name()};"
            " background: transparent; border: none; }"
        )
        self.name_label = plain_label(name)
        self.name_label.setToolTip(plain_tooltip(description))
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName(self.tr("Remove label %1").replace("%1", name))
        self.remove_button.setToolTip(plain_tooltip(self.tr("Remove label %1")
                                                    .replace("%1", name)))
        self.remove_button.clicked.connect(lambda: self.removeClicked.emit(self.name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 0, 6, 0)
        layout.setSpacing(2)
        layout.addWidget(self.name_label)
        layout.addWidget(self.remove_button)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        behind = self.parentWidget() or self
        surface = behind.palette().color(behind.backgroundRole())
        border = chip_border_color(self.background, surface)
        if border is None:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(QPen(border, 1.0))
            rect.adjust(0.5, 0.5, -0.5, -0.5)
        painter.setBrush(self.background)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
