"""New message to a contact: channel, subject, body → a new conversation with that first
outgoing message. For email, "Send with mail app" hands it to the user's mail client
(mailto:) and records it once that worked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import HubDeskError, ValidationError
from hubdesk.core.models import CHANNELS
from hubdesk.ui.dialogs.field_message import FieldMessage, add_checked_rows
from hubdesk.ui.mail_link import open_in_mail_app
from hubdesk.ui.profile.channels import channel_name
from hubdesk.ui.store import ContactStore

SUBJECT_MAX = 500  # the database column's size


def show_error(messages: dict[str, FieldMessage], exc: HubDeskError) -> None:
    """Each field's problem beside that field; anything else in the dialog's general line."""
    if isinstance(exc, ValidationError):
        for key, text in exc.errors.items():
            messages.get(key, messages["general"]).show_error(text)
    else:
        messages["general"].show_error(str(exc))


class NewMessageDialog(QDialog):
    def __init__(self, store: ContactStore, contact_id: int, email: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.contact_id, self.email = store, contact_id, email.strip()
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New message"))
        self.setMinimumWidth(460)

        self.channel = QComboBox()
        for channel in CHANNELS:
            self.channel.addItem(channel_name(channel), channel)
        self.subject = QLineEdit()
        self.subject.setMaxLength(SUBJECT_MAX)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("What you wrote or said"))
        self.messages = {k: FieldMessage()
                         for k in ("channel", "subject", "body", "general")}
        form = QFormLayout()
        add_checked_rows(form, ((self.tr("Channel"), self.channel, "channel"),
                          (self.tr("Subject"), self.subject, "subject"),
                          (self.tr("Message"), self.body, "body")), self.messages)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add message"))
        self.ok_button.setToolTip(self.tr("Record the message in a new conversation"))
        self.mail_button = QPushButton(self.tr("Send with mail app"))
        self.mail_button.setAutoDefault(False)
        self.buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.mail_button.clicked.connect(self.send_with_mail_app)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.messages["general"])
        layout.addWidget(self.buttons)

        self.channel.currentIndexChanged.connect(self._update)
        self.body.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        has_body = bool(self.body.toPlainText().strip())
        self.ok_button.setEnabled(has_body)
        is_email = self.channel.currentData() == "email"
        self.mail_button.setVisible(is_email)
        self.mail_button.setEnabled(is_email and has_body and bool(self.email))
        self.mail_button.setToolTip(
            self.tr("Open the message in your mail app, addressed to %1, and record it")
            .replace("%1", self.email) if self.email
            else self.tr("This contact has no email address to send to"))

    def save(self) -> None:
        """Record the message (without sending it anywhere)."""
        if self._record():
            self.accept()

    def send_with_mail_app(self) -> None:
        if not self.email or not self.body.toPlainText().strip():
            return
        self._clear_messages()
        if not open_in_mail_app(self.email, self.subject.text().strip(),
                                self.body.toPlainText()):
            self.messages["general"].show_error(
                self.tr("No mail app could be opened; nothing was recorded."))
            return
        if self._record():
            self.accept()

    def _record(self) -> bool:
        self._clear_messages()
        try:
            self.created_id = self.store.start_conversation(
                self.contact_id, self.channel.currentData(), self.subject.text().strip(),
                self.body.toPlainText())
        except HubDeskError as exc:
            show_error(self.messages, exc)
            return False
        return True

    def _clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear_message()
