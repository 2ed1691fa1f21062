"""One message of a thread as a bubble: who wrote it and when above the text; the contact's
messages on the left, the user's own on the right. A logged call or meeting reads as one
compact line ("Call · 15 min · Reached") with its notes under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hubdesk.ui.profile.message_text import linked_html, open_message_link
from hubdesk.ui.profile.message_times import duration_text, message_times
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.profile.times import local_text
from hubdesk.ui.widgets.format import plain_tooltip


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * amount),
                  round(a.green() + (b.green() - a.green()) * amount),
                  round(a.blue() + (b.blue() - a.blue()) * amount))


def is_logged_call(message: dict) -> bool:
    return message.get("duration_minutes") is not None or bool(message.get("outcome"))


def call_summary(message: dict, channel: str) -> str:
    """'Call · 15 min · Reached' for a logged call, 'Meeting · 1 h · Held' for a meeting."""
    translate = QCoreApplication.translate
    parts = [translate("MessageBubble", "Meeting") if channel == "meeting"
             else translate("MessageBubble", "Call")]
    if message.get("duration_minutes") is not None:
        parts.append(duration_text(message["duration_minutes"]))
    if message.get("outcome"):
        parts.append(message["outcome"])
    return " · ".join(parts)


class MessageBubble(QFrame):
    def __init__(self, message: dict, *, channel: str, contact_name: str = "",
                 contact_zone: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.message_id: int = message["id"]
        self.direction: str = message["direction"]
        outgoing = self.direction == "outgoing"
        # Which side of the thread the bubble sits on (the thread lays it out so).
        self.alignment = Qt.AlignmentFlag.AlignRight if outgoing else Qt.AlignmentFlag.AlignLeft
        self.setObjectName("messageBubble")
        self._paint(outgoing)

        author = message.get("author") or (self.tr("You") if outgoing
                                           else contact_name or self.tr("Contact"))
        self.author_label = plain_label(author, bold=True)
        mine, theirs = message_times(message["sent_at"], contact_zone)
        self.time_label = plain_label(mine, muted=True, scale=0.9)
        self.time_label.setToolTip(plain_tooltip(local_text(message["sent_at"])))
        # On a line of its own: beside the author it would squeeze the bubble's header.
        self.their_time_label = plain_label(theirs, muted=True, scale=0.9)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.author_label)
        top.addWidget(self.time_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.their_time_label)
        # Hidden only once in the layout: shown while parentless, it would be a window.
        self.their_time_label.setVisible(bool(theirs))
        self.call_label: QLabel | None = None
        if is_logged_call(message):
            self.call_label = plain_label(call_summary(message, channel), bold=True)
            layout.addWidget(self.call_label)
        self.body_label = self._body(message.get("body") or "")
        layout.addWidget(self.body_label)
        self.body_label.setVisible(bool(message.get("body")))
        self.setAccessibleName(self.tr("Message from %1").replace("%1", author))
        self._natural = self._natural_width()

    def _natural_width(self) -> int:
        """How wide the bubble would be with no line wrapped."""
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self.body_label.font())
        if self.body_label.textFormat() == Qt.TextFormat.PlainText:
            document.setPlainText(self.body_label.text())
        else:
            document.setHtml(self.body_label.text())
        spacing = self.layout().itemAt(0).layout().spacing()
        widths = [int(document.idealWidth()) + 2,
                  self.author_label.sizeHint().width() + spacing
                  + self.time_label.sizeHint().width(),
                  self.their_time_label.sizeHint().width() if self.their_time_label.text()
                  else 0,
                  self.call_label.sizeHint().width() if self.call_label is not None else 0]
        margins = self.layout().contentsMargins()
        border = 6  # the style sheet's border and rounding, unknown until the bubble is polished
        return max(widths) + margins.left() + margins.right() + border

    def sizeHint(self) -> QSize:
        # A word-wrapped label asks for a narrow, tall shape; a bubble rather grows as wide
        # as its longest line (up to its maximum) before it wraps, like any chat.
        hint = super().sizeHint()
        width = min(self._natural, self.maximumWidth())
        return QSize(width, self.heightForWidth(width) if self.hasHeightForWidth()
                     else hint.height())

    def _paint(self, outgoing: bool) -> None:
        # Tints of the palette's own colours, so the bubbles follow a dark theme too.
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        tint = (palette.color(QPalette.ColorRole.Highlight) if outgoing
                else palette.color(QPalette.ColorRole.Mid))
        fill = _mix(base, tint, 0.18 if outgoing else 0.06)
        border = _mix(base, tint, 0.45 if outgoing else 0.35)
        self.setStyleSheet(f"QFrame#messageBubble {{ background: {fill.name()};"
                           f" border: 1px solid {border.name()}; border-radius: 10px; }}")

    def _body(self, body: str) -> QLabel:
        html = linked_html(body)
        if html is None:
            return plain_label(body, wrap=True, selectable=True)
        # Built from escaped pieces (message_text): the only markup is our own <a href>.
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(html)
        label.setWordWrap(True)
        label.setOpenExternalLinks(False)  # every click goes through the scheme check
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.linkActivated.connect(open_message_link)
        label.linkHovered.connect(lambda link: label.setToolTip(plain_tooltip(link)))
        return label

    def time_text(self) -> str:
        """When it was sent, as shown: the user's time, and the contact's when it differs."""
        return " · ".join(t for t in (self.time_label.text(), self.their_time_label.text()) if t)

    def body_text(self) -> str:
        """The body as the user reads it (without markup)."""
        if self.body_label.textFormat() == Qt.TextFormat.PlainText:
            return self.body_label.text()
        document = QTextDocument()
        document.setHtml(self.body_label.text())
        return document.toPlainText()

    def set_max_width(self, width: int) -> None:
        """Bubbles take at most this much of the thread's width; a wrapped label needs the
        bound too, or it sizes itself for 80 characters."""
        self.setMaximumWidth(width)
        margins = self.layout().contentsMargins()
        inner = max(40, width - margins.left() - margins.right())
        for label in (self.body_label, self.call_label):
            if label is not None:
                label.setMaximumWidth(inner)
