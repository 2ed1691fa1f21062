"""The top of the profile: who this is, how to reach them, and what can be done with them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hubdesk.core.normalize import display_phone, initials
from hubdesk.ui.profile.avatar import InitialsAvatar
from hubdesk.ui.profile.copy_field import CopyField
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.widgets.format import plain_tooltip


class ProfileHeader(QWidget):
    editClicked = Signal()
    deleteClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.avatar = InitialsAvatar(56)
        self.reading_label = plain_label(muted=True, scale=0.85)  # furigana for Japanese names
        self.name_label = plain_label(wrap=True, selectable=True, bold=True, scale=1.45)
        self.name_label.setObjectName("profileName")
        self.work_label = plain_label(wrap=True, selectable=True, muted=True)
        self.email = CopyField(self.tr("Email"))
        self.phone = CopyField(self.tr("Phone"))
        # Same caption width, so the two values start in one column.
        width = max(self.email.caption.sizeHint().width(), self.phone.caption.sizeHint().width())
        self.email.caption.setMinimumWidth(width)
        self.phone.caption.setMinimumWidth(width)

        self.edit_button = self._button(self.tr("Edit"), self.tr("Edit contact"))
        self.edit_button.clicked.connect(self.editClicked)
        # Hidden until issue 8 (conversations: thread view and new message) enables it.
        self.new_message_button = self._button(self.tr("New message"), self.tr("New message"))
        self.new_message_button.setVisible(False)
        # Hidden until issue 7 (duplicate suggestions and merge) enables it.
        self.merge_button = self._button(self.tr("Merge…"), self.tr("Merge with another contact"))
        self.merge_button.setVisible(False)
        self.delete_button = self._button(self.tr("Delete"), self.tr("Delete contact"))
        self.delete_button.clicked.connect(self.deleteClicked)

        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.reading_label)
        who.addWidget(self.name_label)
        who.addWidget(self.work_label)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.avatar)
        top.addLayout(who, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.new_message_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.email)
        layout.addWidget(self.phone)
        layout.addSpacing(4)
        layout.addLayout(buttons)

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        return button

    def set_contact(self, contact: dict) -> None:
        first, last = contact.get("first_name") or "", contact.get("last_name") or ""
        email = contact.get("email") or ""
        company = contact.get("company") or ""
        name = contact.get("name") or ""
        self.avatar.set_person(initials(first, last, email or company), name or email)
        reading = " ".join(r for r in (contact.get("last_name_reading") or "",
                                       contact.get("first_name_reading") or "") if r)
        self.reading_label.setText(reading)
        self.reading_label.setVisible(bool(reading))
        self.name_label.setText(name or email or company or self.tr("(no name)"))
        self.name_label.setToolTip(plain_tooltip(name))
        work = " · ".join(v for v in (company, contact.get("job_title") or "") if v)
        self.work_label.setText(work)
        self.work_label.setVisible(bool(work))
        self.email.set_value(email)
        phone = contact.get("phone") or ""
        self.phone.set_value(display_phone(phone, bool(contact.get("phone_valid", True))))
        self.phone.value_label.setToolTip(
            "" if contact.get("phone_valid", True) or not phone
            else self.tr("This number does not look valid"))
