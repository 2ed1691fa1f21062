"""The top of the profile: who this is, how to reach them, and what can be done with them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hubdesk.core.normalize import display_phone, initials
from hubdesk.ui.core_strings import duplicate_reason
from hubdesk.ui.profile.avatar import InitialsAvatar
from hubdesk.ui.profile.copy_field import CopyField
from hubdesk.ui.profile.flow_layout import FlowLayout
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.widgets.format import plain_tooltip


class ProfileHeader(QWidget):
    editClicked = Signal()
    deleteClicked = Signal()
    mergeWithClicked = Signal()
    mergeDuplicateClicked = Signal(int)  # the other contact's id
    notDuplicateClicked = Signal(int)

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
        self.merge_button = self._button(self.tr("Merge with…"),
                                         self.tr("Merge with another contact"))
        self.merge_button.setToolTip(self.tr("Find another contact and merge the two"))
        self.merge_button.clicked.connect(self.mergeWithClicked)
        self._build_duplicate_hint()
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
        actions = ButtonRow()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.new_message_button)
        actions.addWidget(self.merge_button)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addLayout(actions, 1)
        buttons.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.email)
        layout.addWidget(self.phone)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.duplicate_hint)

    def _build_duplicate_hint(self) -> None:
        """A bar under the buttons, shown while the contact has a likely twin."""
        self._duplicate_id: int | None = None
        self.duplicate_hint = QFrame()
        self.duplicate_hint.setObjectName("duplicateHint")
        # Fixed light colours with dark text, so it reads the same on a dark theme.
        self.duplicate_hint.setStyleSheet(
            "#duplicateHint { background: #fef3c7; border: 1px solid #fcd34d;"
            " border-radius: 4px; } #duplicateHint QLabel { color: #78350f; }")
        self.duplicate_label = plain_label(wrap=True)
        self.duplicate_label.setObjectName("duplicateLabel")
        self.merge_duplicate_button = self._button(self.tr("Merge…"),
                                                   self.tr("Merge with the possible duplicate"))
        self.merge_duplicate_button.clicked.connect(
            lambda: self._emit_duplicate(self.mergeDuplicateClicked))
        self.not_duplicate_button = self._button(self.tr("Not a duplicate"),
                                                 self.tr("Not a duplicate"))
        self.not_duplicate_button.setToolTip(self.tr("Stop suggesting these two"))
        self.not_duplicate_button.clicked.connect(
            lambda: self._emit_duplicate(self.notDuplicateClicked))
        row = ButtonRow()
        row.addWidget(self.merge_duplicate_button)
        row.addWidget(self.not_duplicate_button)
        column = QVBoxLayout(self.duplicate_hint)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(4)
        column.addWidget(self.duplicate_label)
        column.addLayout(row)
        self.duplicate_hint.hide()

    def set_duplicates(self, duplicates: list[tuple[int, str, str]]) -> None:
        """(other id, name, reason) of the likely twins, most likely first; [] hides the bar.
        One is named; merging it brings up the next."""
        if not duplicates:
            self._duplicate_id = None
            self.duplicate_hint.hide()
            return
        other, name, reason = duplicates[0]
        self._duplicate_id = other
        # The reason first: a name may itself contain "%2".
        text = self.tr("Possible duplicate of %1 (%2)").replace("%2", duplicate_reason(reason))
        text = text.replace("%1", name or f"#{other}")
        if len(duplicates) > 1:
            text += " " + self.tr("and %n more").replace("%n", str(len(duplicates) - 1))
        self.duplicate_label.setText(text)
        self.duplicate_hint.show()

    def duplicate_id(self) -> int | None:
        return self._duplicate_id

    def _emit_duplicate(self, signal) -> None:
        if self._duplicate_id is not None:
            signal.emit(self._duplicate_id)

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


class ButtonRow(FlowLayout):
    """Buttons on one line while they fit, wrapped when the panel is narrow: a row of them
    must not make the profile (and so the window) wider than its tabs need."""

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal  # take the line, so the buttons sit on one

    def sizeHint(self) -> QSize:
        hints = [item.sizeHint() for item in (self.itemAt(i) for i in range(self.count()))
                 if item is not None and not (item.widget() and item.widget().isHidden())]
        width = sum(h.width() for h in hints) + self._spacing * max(len(hints) - 1, 0)
        return QSize(width, max((h.height() for h in hints), default=0))
