"""The Conversations tab: the contact's past conversations, newest first, each expandable to
its messages. (The thread view, replying and new messages arrive with issue 8.)"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from hubdesk.ui.profile.conversation_item import ConversationItem
from hubdesk.ui.profile.plain import plain_label


class ConversationsTab(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._contact_id: int | None = None
        self._expanded: set[int] = set()  # kept while the same contact is refreshed
        self.items: list[ConversationItem] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._build([])

    def set_contact(self, contact: dict) -> None:
        same = contact["id"] == self._contact_id
        scroll = self.verticalScrollBar().value() if same else 0
        if not same:
            self._expanded = set()
        self._contact_id = contact["id"]
        # Newest first by last message (the core's order, kept explicit here for the view).
        self._build(sorted(contact.get("conversations") or [], reverse=True,
                           key=lambda c: (c.get("last_message_at") or c["created_at"], c["id"])))
        self.verticalScrollBar().setValue(scroll)

    def _build(self, conversations: list[dict]) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        self.items = []
        for conversation in conversations:
            item = ConversationItem(conversation, conversation["id"] in self._expanded)
            item.toggled.connect(self._remember)
            layout.addWidget(item)
            self.items.append(item)
        self.empty_label = plain_label(self.tr("No conversations yet"), muted=True)
        # Into the layout before it is shown: a parentless shown label is a window of its
        # own for a moment, which takes activation from the main window.
        layout.addWidget(self.empty_label)
        self.empty_label.setVisible(not self.items)
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.setWidget(content)

    def _remember(self, conversation_id: int, expanded: bool) -> None:
        if expanded:
            self._expanded.add(conversation_id)
        else:
            self._expanded.discard(conversation_id)
