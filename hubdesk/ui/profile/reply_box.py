"""The box under an expanded thread that continues it: "Add reply" (Ctrl+Enter) records an
outgoing message; in an email conversation "Send with mail app" first hands the reply to the
user's mail client (a mailto: link) and records it once that worked."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from hubdesk.core.errors import HubDeskError
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.mail_link import open_in_mail_app, reply_subject
from hubdesk.ui.profile.note_keys import NoteKeys
from hubdesk.ui.profile.thread_context import ThreadContext


class ReplyBox(QWidget):
    def __init__(self, conversation: dict, context: ThreadContext,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.conversation_id: int = conversation["id"]
        self._subject = conversation.get("subject") or ""
        self._context = context
        name = self._subject or self.tr("conversation")

        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write a reply…  (Ctrl+Enter adds it)"))
        self.editor.setAccessibleName(self.tr("Reply to %1").replace("%1", name))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(64)
        self.editor.setPlainText(context.drafts.get(self.conversation_id, ""))
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # to go on where it was left
        NoteKeys(self.editor, self.add_reply)
        self.add_button = QPushButton(self.tr("Add reply"))
        self.add_button.setAccessibleName(self.tr("Add reply"))
        self.add_button.setToolTip(self.tr("Record this reply in the conversation (Ctrl+Enter)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_reply)
        self.mail_button: QPushButton | None = None
        if conversation["channel"] == "email":
            self.mail_button = self._mail_button()
        self.error = FieldMessage()

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.error, 1)
        buttons.addStretch()  # buttons at their own size on the right, under the text
        if self.mail_button is not None:
            buttons.addWidget(self.mail_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        self.editor.textChanged.connect(self._text_changed)
        self._text_changed()

    def _mail_button(self) -> QPushButton:
        button = QPushButton(self.tr("Send with mail app"))
        button.setAccessibleName(self.tr("Send with mail app"))
        button.setAutoDefault(False)
        button.clicked.connect(self.send_with_mail_app)
        return button

    def _text_changed(self) -> None:
        text = self.editor.toPlainText()
        # Kept outside the widget: a refresh of the tab rebuilds this box.
        if text:
            self._context.drafts[self.conversation_id] = text
        else:
            self._context.drafts.pop(self.conversation_id, None)
        has_text = bool(text.strip())
        self.add_button.setEnabled(has_text)
        if self.mail_button is not None:
            email = self._context.email
            self.mail_button.setEnabled(has_text and bool(email))
            self.mail_button.setToolTip(
                self.tr("Open the reply in your mail app, addressed to %1, and record it")
                .replace("%1", email) if email
                else self.tr("This contact has no email address to send to"))

    def add_reply(self) -> None:
        body = self.editor.toPlainText()
        if body.strip():
            self._record(body)

    def send_with_mail_app(self) -> None:
        body = self.editor.toPlainText()
        email = self._context.email
        if not body.strip() or not email:
            return
        self.error.clear_message()
        if not open_in_mail_app(email, reply_subject(self._subject), body):
            self.error.show_error(self.tr("No mail app could be opened; the reply was not "
                                          "recorded."))
            return
        self._record(body)

    def _record(self, body: str) -> bool:
        ctx = self._context
        # Off the drafts before the write: the store's change signal rebuilds the tab at
        # once, and the new box must come up empty. Focus goes back to it for the next one.
        ctx.drafts.pop(self.conversation_id, None)
        ctx.focus_reply = self.conversation_id
        self.error.clear_message()
        try:
            ctx.store.add_message(ctx.contact_id, self.conversation_id, body)
        except HubDeskError as exc:
            ctx.drafts[self.conversation_id] = body
            ctx.focus_reply = None
            self.error.show_error(str(exc))
            return False
        self.editor.clear()
        return True
