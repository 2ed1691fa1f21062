"""One conversation in the Conversations tab: a summary line that expands, on click, to its
thread (status, messages as bubbles) and a box to reply. The thread is built on first
expanding, so a contact with many conversations opens quickly."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from hubdesk.ui.profile.channels import channel_name, status_name
from hubdesk.ui.profile.elided_label import ElidedLabel
from hubdesk.ui.profile.message_bubble import call_summary, is_logged_call
from hubdesk.ui.profile.plain import plain_label, set_muted
from hubdesk.ui.profile.reply_box import ReplyBox
from hubdesk.ui.profile.thread_context import ThreadContext
from hubdesk.ui.profile.thread_view import ThreadView
from hubdesk.ui.profile.times import local_text, when_text
from hubdesk.ui.widgets.format import plain_tooltip


class ConversationItem(QFrame):
    toggled = Signal(int, bool)  # conversation id, expanded

    def __init__(self, conversation: dict, expanded: bool = False,
                 context: ThreadContext | None = None, parent: QWidget | None = None):
        """context None: the thread is read-only (no store to write through)."""
        super().__init__(parent)
        self.conversation_id: int = conversation["id"]
        self._conversation = conversation
        self._context = context
        self.thread: ThreadView | None = None
        self.reply_box: ReplyBox | None = None
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
        self.channel_label = plain_label(channel_name(conversation["channel"]), muted=True)
        self.subject_label = ElidedLabel(subject or self.tr("(no subject)"))
        font = self.subject_label.font()
        font.setBold(True)
        self.subject_label.setFont(font)
        self.subject_label.setToolTip(plain_tooltip(subject))
        self.status_label = plain_label(status_name(conversation["status"]), muted=True)
        self.time_label = plain_label(when_text(when), muted=True)
        self.time_label.setToolTip(local_text(when))
        self.preview_label = ElidedLabel(self._preview(last, conversation["channel"]))
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
        self._thread_layout = QVBoxLayout(self.messages_box)
        self._thread_layout.setContentsMargins(self.toggle_button.sizeHint().width() + 6, 6, 4, 4)
        self._thread_layout.setSpacing(8)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(preview)
        layout.addWidget(self.messages_box)
        self.set_expanded(expanded)

    def _preview(self, last: dict | None, channel: str) -> str:
        if last is None:
            return self.tr("No messages")
        if is_logged_call(last):  # the call's line tells more than its notes alone
            summary = call_summary(last, channel)
            return f"{summary} — {last['body']}" if last.get("body") else summary
        return last["body"]

    @property
    def message_labels(self) -> list[QLabel]:
        """The message bodies shown, oldest first (none until expanded)."""
        return self.thread.body_labels if self.thread is not None else []

    def _build_thread(self) -> None:
        self.thread = ThreadView(self._conversation, self._context)
        self._thread_layout.addWidget(self.thread)
        if self._context is not None:
            self.reply_box = ReplyBox(self._conversation, self._context)
            self._thread_layout.addWidget(self.reply_box)

    def is_expanded(self) -> bool:
        return self.messages_box.isVisibleTo(self)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle_button.blockSignals(True)
        self.toggle_button.setChecked(expanded)
        self.toggle_button.blockSignals(False)
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if expanded
                                        else Qt.ArrowType.RightArrow)
        if expanded and self.thread is None:
            self._build_thread()
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
