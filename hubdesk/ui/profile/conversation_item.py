"""One conversation in the Conversations tab: a summary line that expands, on click, to its
messages as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from hubdesk.ui.profile.elided_label import ElidedLabel
from hubdesk.ui.profile.plain import plain_label, set_muted
from hubdesk.ui.profile.times import local_text, when_text
from hubdesk.ui.widgets.format import plain_tooltip

CHANNEL_NAMES = {"email": "Email", "sms": "SMS", "whatsapp": "WhatsApp", "phone": "Phone",
                 "meeting": "Meeting", "other": "Other"}
STATUS_NAMES = {"open": "Open", "pending": "Pending", "resolved": "Resolved"}


class ConversationItem(QFrame):
    toggled = Signal(int, bool)  # conversation id, expanded

    def __init__(self, conversation: dict, expanded: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.conversation_id: int = conversation["id"]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        messages = conversation.get("messages") or []
        last = max(messages, key=lambda m: m["sent_at"]) if messages else None
        when = conversation.get("last_message_at") or conversation.get("created_at")
        subject = conversation.get("subject") or ""

        self.toggle_button = QToolButton()
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.setCheckable(True)
        self.toggle_button.setAccessibleName(
            self.tr("Show messages of %1").replace("%1", subject or self.tr("conversation")))
        self.toggle_button.toggled.connect(self.set_expanded)
        self.channel_label = plain_label(CHANNEL_NAMES.get(conversation["channel"],
                                                           conversation["channel"]), muted=True)
        self.subject_label = ElidedLabel(subject or self.tr("(no subject)"))
        font = self.subject_label.font()
        font.setBold(True)
        self.subject_label.setFont(font)
        self.subject_label.setToolTip(plain_tooltip(subject))
        self.status_label = plain_label(STATUS_NAMES.get(conversation["status"],
                                                         conversation["status"]), muted=True)
        self.time_label = plain_label(when_text(when), muted=True)
        self.time_label.setToolTip(local_text(when))
        self.preview_label = ElidedLabel(last["body"] if last else self.tr("No messages"))
        set_muted(self.preview_label)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.toggle_button)
        top.addWidget(self.channel_label)
        top.addWidget(self.subject_label, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.time_label)
        preview = QHBoxLayout()
        preview.setContentsMargins(self.toggle_button.sizeHint().width() + 6, 0, 0, 0)
        preview.addWidget(self.preview_label)

        self.messages_box = QWidget()
        box = QVBoxLayout(self.messages_box)
        box.setContentsMargins(self.toggle_button.sizeHint().width() + 6, 4, 4, 4)
        box.setSpacing(8)
        self.message_labels = []
        for message in sorted(messages, key=lambda m: m["sent_at"]):
            arrow = "→" if message["direction"] == "outgoing" else "←"
            who = message.get("author") or (self.tr("You") if message["direction"] == "outgoing"
                                            else self.tr("Contact"))
            meta = plain_label(f"{arrow} {who} · {local_text(message['sent_at'])}", muted=True)
            body = plain_label(message["body"], wrap=True, selectable=True)
            self.message_labels.append(body)
            box.addWidget(meta)
            box.addWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(preview)
        layout.addWidget(self.messages_box)
        self.set_expanded(expanded)

    def is_expanded(self) -> bool:
        return self.messages_box.isVisibleTo(self)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle_button.blockSignals(True)
        self.toggle_button.setChecked(expanded)
        self.toggle_button.blockSignals(False)
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if expanded
                                        else Qt.ArrowType.RightArrow)
        self.messages_box.setVisible(expanded)
        self.preview_label.setVisible(not expanded)
        self.toggled.emit(self.conversation_id, expanded)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._on_summary(event):
            event.accept()  # so the release comes here too
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A click anywhere on the summary expands or collapses, not only on the arrow.
        if event.button() == Qt.MouseButton.LeftButton and self._on_summary(event):
            self.set_expanded(not self.is_expanded())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _on_summary(self, event: QMouseEvent) -> bool:
        return not self.is_expanded() or event.position().y() < self.messages_box.y()
