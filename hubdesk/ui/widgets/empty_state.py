"""A calm message in place of an empty list, with the actions that make it not empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the user's query
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(placeholder-text);")
        self._buttons = QHBoxLayout()
        self._buttons.addStretch()
        self._buttons_end = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(self._buttons)
        layout.addStretch(3)

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        self._buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self._buttons.addStretch()

    def show_message(self, title: str, message: str) -> None:
        self.title.setText(title)
        self.message.setText(message)
