"""An expanded conversation's thread: its status (changeable), then its messages oldest to
newest as bubbles. A long thread shows its last messages first and builds earlier ones on
request, a page at a time, so opening it stays quick however long it grew."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import HubDeskError
from hubdesk.core.models import CONVERSATION_STATUSES
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.profile.channels import status_name
from hubdesk.ui.profile.message_bubble import MessageBubble
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.profile.thread_context import ThreadContext

PAGE = 50
BUBBLE_SHARE = 0.85  # of the thread's width: the free side shows who wrote what at a glance


class ThreadView(QWidget):
    def __init__(self, conversation: dict, context: ThreadContext | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.conversation_id: int = conversation["id"]
        self._channel = conversation["channel"]
        self._context = context
        self._status = conversation["status"]
        self._messages = sorted(conversation.get("messages") or [],
                                key=lambda m: (m["sent_at"], m["id"]))
        self.bubbles: list[MessageBubble] = []  # oldest first, as shown
        subject = conversation.get("subject") or self.tr("conversation")

        self.status_combo = QComboBox()
        for status in CONVERSATION_STATUSES:
            self.status_combo.addItem(status_name(status), status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(
            conversation["status"])))
        self.status_combo.setAccessibleName(self.tr("Status of %1").replace("%1", subject))
        self.status_combo.setEnabled(context is not None)
        self.status_combo.activated.connect(self._status_chosen)  # the user's choices only
        self.status_error = FieldMessage()
        status_row = QHBoxLayout()
        status_row.setSpacing(6)
        status_row.addWidget(plain_label(self.tr("Status"), muted=True))
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.status_error, 1)
        status_row.addStretch()

        self.earlier_button = QPushButton()
        self.earlier_button.setFlat(True)
        self.earlier_button.setAutoDefault(False)
        self.earlier_button.clicked.connect(self.show_earlier)
        self.bubble_rows = QVBoxLayout()
        self.bubble_rows.setSpacing(6)
        self.bubble_rows.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(status_row)
        layout.addWidget(self.earlier_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(self.bubble_rows)
        if not self._messages:
            layout.addWidget(plain_label(self.tr("No messages"), muted=True))

        wanted = context.shown.get(self.conversation_id, PAGE) if context else PAGE
        self._first = len(self._messages)  # index of the oldest message shown
        self._show_from(max(0, len(self._messages) - max(wanted, PAGE)))

    @property
    def body_labels(self) -> list[QLabel]:
        return [b.body_label for b in self.bubbles]

    def hidden_count(self) -> int:
        return self._first

    def show_earlier(self) -> None:
        self._show_from(max(0, self._first - PAGE))

    def _show_from(self, start: int) -> None:
        """Build the bubbles for messages[start:first] above those already shown."""
        new = [self._bubble(m) for m in self._messages[start:self._first]]
        for row, bubble in enumerate(new):
            self.bubble_rows.insertLayout(row, self._row(bubble))
        self.bubbles[:0] = new
        self._first = start
        if self._context is not None:
            self._context.shown[self.conversation_id] = len(self._messages) - start
        self._fit_bubbles()
        hidden = self._first
        if hidden == 1:
            text = self.tr("Show 1 earlier message")
        elif hidden <= PAGE:
            text = self.tr("Show %n earlier messages").replace("%n", f"{hidden:,}")
        else:
            text = (self.tr("Show %1 of %2 earlier messages")
                    .replace("%1", str(PAGE)).replace("%2", f"{hidden:,}"))
        self.earlier_button.setText(text)
        self.earlier_button.setAccessibleName(text)
        self.earlier_button.setVisible(hidden > 0)

    def _bubble(self, message: dict) -> MessageBubble:
        ctx = self._context
        return MessageBubble(message, channel=self._channel,
                             contact_name=ctx.contact_name if ctx else "",
                             contact_zone=ctx.timezone if ctx else None)

    @staticmethod
    def _row(bubble: MessageBubble) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if bubble.alignment == Qt.AlignmentFlag.AlignRight:
            row.addStretch(1)
        row.addWidget(bubble)
        if bubble.alignment == Qt.AlignmentFlag.AlignLeft:
            row.addStretch(1)
        return row

    def _status_chosen(self, index: int) -> None:
        status = self.status_combo.itemData(index)
        ctx = self._context
        if ctx is None or status == self._status:
            return  # choosing the status it has is no change (and no undo step)
        self.status_error.clear_message()
        try:
            # Refreshes the tab (contactsChanged), which rebuilds this thread.
            ctx.store.set_conversation_status(ctx.contact_id, self.conversation_id, status)
        except HubDeskError as exc:
            self.status_error.show_error(str(exc))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bubbles()

    def _fit_bubbles(self) -> None:
        width = max(160, int(self.width() * BUBBLE_SHARE))
        for bubble in self.bubbles:
            bubble.set_max_width(width)
