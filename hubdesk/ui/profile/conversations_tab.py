"""The Conversations tab: "New message…" and "Log call or meeting…" on top, then the contact's
conversations, newest first, each expandable to its thread with a reply box."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.ui.profile.conversation_item import ConversationItem
from hubdesk.ui.profile.flow_layout import FlowLayout
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.profile.thread_context import ThreadContext
from hubdesk.ui.store import ContactStore


class ConversationsTab(QWidget):
    def __init__(self, store: ContactStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._contact: dict | None = None
        self._context: ThreadContext | None = None  # drafts etc. of the contact shown
        self._expanded: set[int] = set()  # kept while the same contact is refreshed
        self.items: list[ConversationItem] = []
        self.dialog: QDialog | None = None  # the one open (tests drive it)

        self.new_message_button = QPushButton(self.tr("New message…"))
        self.new_message_button.setAccessibleName(self.tr("New message"))
        self.new_message_button.clicked.connect(self.new_message)
        self.log_call_button = QPushButton(self.tr("Log call or meeting…"))
        self.log_call_button.setAccessibleName(self.tr("Log call or meeting"))
        self.log_call_button.clicked.connect(self.log_call)
        for button in (self.new_message_button, self.log_call_button):
            button.setAutoDefault(False)
            button.setEnabled(False)  # until there is a contact (and a store) to write to
        # Wrapping, so a narrow profile panel does not widen the whole window.
        buttons = FlowLayout(spacing=6)
        buttons.setContentsMargins(12, 10, 12, 0)
        buttons.addWidget(self.new_message_button)
        buttons.addWidget(self.log_call_button)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(self.scroll, 1)
        self._build([])

    def store(self) -> ContactStore | None:
        return self._store

    def set_contact(self, contact: dict) -> None:
        same = self._contact is not None and contact["id"] == self._contact["id"]
        if not same:
            self._expanded = set()
            store = self.store()
            self._context = (ThreadContext(store, contact["id"]) if store is not None
                             else None)
        if self._context is not None:
            self._context.update(contact)
        self._contact = contact
        for button in (self.new_message_button, self.log_call_button):
            button.setEnabled(self._context is not None)
        self._rebuild(keep_scroll=same)

    def _rebuild(self, keep_scroll: bool = True) -> None:
        scroll = self.scroll.verticalScrollBar().value() if keep_scroll else 0
        focused = QApplication.focusWidget()
        if self._context is not None and focused is not None:
            # Someone typing a reply while the contact changed keeps typing in the new box.
            self._context.focus_reply = next(
                (i.conversation_id for i in self.items
                 if i.reply_box is not None and i.reply_box.editor is focused),
                self._context.focus_reply)
        contact = self._contact or {}
        # Newest first by last message (the core's order, kept explicit here for the view).
        self._build(sorted(contact.get("conversations") or [], reverse=True,
                           key=lambda c: (c.get("last_message_at") or c["created_at"], c["id"])))
        self.scroll.verticalScrollBar().setValue(scroll)
        self._restore_focus()

    def _build(self, conversations: list[dict]) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        self.items = []
        for conversation in conversations:
            item = ConversationItem(conversation, conversation["id"] in self._expanded,
                                    self._context)
            item.toggled.connect(self._remember)
            layout.addWidget(item)
            self.items.append(item)
        self.empty_label = plain_label(self.tr("No conversations yet"), muted=True)
        # Into the layout before it is shown: a parentless shown label is a window of its
        # own for a moment, which takes activation from the main window.
        layout.addWidget(self.empty_label)
        self.empty_label.setVisible(not self.items)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:  # deleted later: its button or combo may be what got us here
            old.hide()
            old.deleteLater()
        self.scroll.setWidget(content)

    def _restore_focus(self) -> None:
        # After a reply the box it was written in is a new one: the cursor goes back there.
        ctx = self._context
        if ctx is None or ctx.focus_reply is None:
            return
        item = self.item(ctx.focus_reply)
        ctx.focus_reply = None
        if item is not None and item.reply_box is not None:
            item.reply_box.editor.setFocus()

    def item(self, conversation_id: int) -> ConversationItem | None:
        return next((i for i in self.items if i.conversation_id == conversation_id), None)

    def _remember(self, conversation_id: int, expanded: bool) -> None:
        if expanded:
            self._expanded.add(conversation_id)
        else:
            self._expanded.discard(conversation_id)

    # --- new conversations -----------------------------------------------------------------
    def new_message(self) -> QDialog | None:
        """Open the New message dialog (also for a button elsewhere, e.g. the header)."""
        from hubdesk.ui.dialogs.new_message import NewMessageDialog

        ctx = self._context
        if ctx is None:
            return None
        return self._open(NewMessageDialog(ctx.store, ctx.contact_id, ctx.email, self))

    def log_call(self) -> QDialog | None:
        from hubdesk.ui.dialogs.log_call import LogCallDialog

        ctx = self._context
        if ctx is None:
            return None
        return self._open(LogCallDialog(ctx.store, ctx.contact_id, self))

    def _open(self, dialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._created(dialog.created_id))
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _created(self, conversation_id: int | None) -> None:
        # The store's signal already showed it; opened, at the top, it is where the user
        # looks next.
        if conversation_id is None:
            return
        self._expanded.add(conversation_id)
        self._rebuild(keep_scroll=False)
