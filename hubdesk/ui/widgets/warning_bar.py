"""A dismissible warning across the top of the list, for something about the database as a
whole the user should know before working (it lives on a network share, say)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class WarningBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("warningBar")
        # Fixed amber with dark text: readable the same in the light and the dark theme.
        self.setStyleSheet(
            "#warningBar { background: #fef3c7; border: 1px solid #f59e0b;"
            " border-radius: 4px; } #warningBar QLabel { color: #78350f; }")
        self._actions: list[QPushButton] = []
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # paths may hold anything
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setAutoDefault(False)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_warning(self, text: str) -> None:
        self.message.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def add_button(self, text: str) -> QPushButton:
        """A button before Dismiss, for what the warning offers to do."""
        button = QPushButton(text)
        button.setAutoDefault(False)
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.dismiss_button), button, 0,
                            Qt.AlignmentFlag.AlignTop)
        self._actions.append(button)
        return button

    def clear_buttons(self) -> None:
        for button in self._actions:
            button.deleteLater()
        self._actions.clear()
