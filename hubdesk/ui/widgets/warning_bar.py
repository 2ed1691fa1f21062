"""A bar across the top of a view: a dismissible warning about the database as a whole (it
lives on a network share, say), with buttons for what it offers to do; or, in the info tone,
a notice such as the profile's "changed by someone else"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# background, border, text: fixed light colours with dark text, readable the same in the
# light and the dark theme.
TONES = {"warning": ("#fef3c7", "#f59e0b", "#78350f"),
         "info": ("#e0f2fe", "#7dd3fc", "#0c4a6e")}


class WarningBar(QFrame):

    def __init__(self, parent: QWidget | None = None, *, tone: str = "warning",
                 dismissible: bool = True):
        super().__init__(parent)
        name = f"{tone}Bar"
        self.setObjectName(name)
        background, border, text = TONES[tone]
        self.setStyleSheet(
            f"#{name} {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #{name} QLabel {{ color: {text}; }}")
        self._actions: list[QPushButton] = []
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # paths may hold anything
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message, 1)
        self.dismiss_button: QPushButton | None = None
        if dismissible:
            self.dismiss_button = QPushButton(self.tr("Dismiss"))
            self.dismiss_button.setAutoDefault(False)
            self.dismiss_button.clicked.connect(self.hide)
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
        before = (layout.indexOf(self.dismiss_button) if self.dismiss_button is not None
                  else layout.count())
        layout.insertWidget(before, button, 0, Qt.AlignmentFlag.AlignTop)
        self._actions.append(button)
        return button

    def clear_buttons(self) -> None:
        for button in self._actions:
            button.deleteLater()
        self._actions.clear()
