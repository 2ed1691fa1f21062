"""The bar over the profile that says someone else changed the contact while the user was
editing in it: reloading would throw away what they are typing, so it waits for them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from hubdesk.ui.profile.plain import plain_label


class ReloadBar(QFrame):
    reloadClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reloadBar")
        # Fixed light colours with dark text, like the duplicate hint: the same on a dark theme.
        self.setStyleSheet(
            "#reloadBar { background: #e0f2fe; border: 1px solid #7dd3fc;"
            " border-radius: 4px; } #reloadBar QLabel { color: #0c4a6e; }")
        self.message = plain_label(self.tr("This contact was changed by someone else."),
                                   wrap=True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setAccessibleName(self.tr("Reload the contact"))
        self.reload_button.setToolTip(self.tr("Show the saved contact; what you have not "
                                              "saved yet is discarded"))
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.reloadClicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reload_button)
        self.hide()
