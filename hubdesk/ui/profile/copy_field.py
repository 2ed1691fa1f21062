"""A value (email, phone) with a one-click Copy button that confirms briefly."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.widgets.format import plain_tooltip

CONFIRM_MS = 1500


class CopyField(QWidget):
    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._value = ""
        self.caption = plain_label(caption, muted=True)
        self.value_label: QLabel = plain_label(selectable=True)
        # A long address must not set the whole window's minimum width: the label may be
        # narrower than its text (the full value is its tooltip and what Copy copies).
        self.value_label.setMinimumWidth(60)
        self.copy_button = QToolButton()
        self.copy_button.setAutoRaise(True)
        self.copy_button.setAccessibleName(self.tr("Copy %1").replace("%1", caption.lower()))
        self.copy_button.clicked.connect(self.copy)
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(CONFIRM_MS)
        self._reset.timeout.connect(self._show_idle)
        # As wide as its confirmation, so the row does not jump when the text changes.
        self.copy_button.setText(self.tr("Copied ✓"))
        self.copy_button.setMinimumWidth(self.copy_button.sizeHint().width())
        self._show_idle()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.caption)
        layout.addWidget(self.value_label)
        layout.addWidget(self.copy_button)
        layout.addStretch(1)

    def set_value(self, value: str) -> None:
        self._value = value
        self.value_label.setText(value)
        self.value_label.setToolTip(plain_tooltip(value))
        self.setVisible(bool(value))
        self._reset.stop()
        self._show_idle()

    def value(self) -> str:
        return self._value

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._value)
        self.copy_button.setText(self.tr("Copied ✓"))
        self.copy_button.setToolTip(self.tr("Copied to the clipboard"))
        self._reset.start()

    def is_confirming(self) -> bool:
        return self._reset.isActive()

    def _show_idle(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy to the clipboard"))
