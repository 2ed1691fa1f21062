"""A link shown as plain text that opens in the browser on click (or Enter/Space), and only
for http, https and mailto."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from hubdesk.ui.profile.attribute_values import safe_url
from hubdesk.ui.widgets.format import plain_tooltip


def open_link(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class LinkLabel(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # never an <a href>: the text is untrusted
        self.setText(text)
        self.url = safe_url(text)
        if self.url is None:
            return
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(plain_tooltip(self.tr("Open %1 in the browser").replace("%1", text)))
        self.setAccessibleName(self.tr("Open link %1").replace("%1", text))

    def open(self) -> bool:
        return self.url is not None and open_link(self.url)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (self.url is not None and event.button() == Qt.MouseButton.LeftButton
                and self.rect().contains(event.position().toPoint())):
            self.open()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.url is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                    Qt.Key.Key_Space):
            self.open()
            event.accept()
            return
        super().keyPressEvent(event)
