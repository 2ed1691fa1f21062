"""The bar over the profile that says someone else changed the contact while the user was
editing in it: reloading would throw away what they are typing, so it waits for them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hubdesk.ui.widgets.warning_bar import WarningBar


class ReloadBar(WarningBar):
    reloadClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, tone="info", dismissible=False)
        self.message.setText(self.tr("This contact was changed by someone else."))
        self.reload_button = self.add_button(self.tr("Reload"))
        self.reload_button.setAccessibleName(self.tr("Reload the contact"))
        self.reload_button.setToolTip(self.tr("Show the saved contact; what you have not "
                                              "saved yet is discarded"))
        self.reload_button.clicked.connect(self.reloadClicked)
