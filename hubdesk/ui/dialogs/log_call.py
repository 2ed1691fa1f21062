"""Log a call or meeting that happened: who started it, how long it took, how it went, notes.
It becomes a conversation of its own (channel phone or meeting) with one message."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import HubDeskError
from hubdesk.ui.dialogs.field_message import FieldMessage, add_checked_rows
from hubdesk.ui.dialogs.new_message import SUBJECT_MAX, show_error
from hubdesk.ui.store import ContactStore

MAX_MINUTES = 24 * 60
OUTCOME_MAX = 64  # the database column's size
# Suggestions only: the outcome box is editable. Marked here, translated when shown.
OUTCOMES = {
    "phone": (QT_TRANSLATE_NOOP("LogCallDialog", "Reached"),
              QT_TRANSLATE_NOOP("LogCallDialog", "Left voicemail"),
              QT_TRANSLATE_NOOP("LogCallDialog", "No answer"),
              QT_TRANSLATE_NOOP("LogCallDialog", "Busy"),
              QT_TRANSLATE_NOOP("LogCallDialog", "Wrong number"),
              QT_TRANSLATE_NOOP("LogCallDialog", "Scheduled follow-up")),
    "meeting": (QT_TRANSLATE_NOOP("LogCallDialog", "Held"),
                QT_TRANSLATE_NOOP("LogCallDialog", "Scheduled follow-up"),
                QT_TRANSLATE_NOOP("LogCallDialog", "Rescheduled"),
                QT_TRANSLATE_NOOP("LogCallDialog", "No-show"),
                QT_TRANSLATE_NOOP("LogCallDialog", "Cancelled")),
}


class LogCallDialog(QDialog):
    def __init__(self, store: ContactStore, contact_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.contact_id = store, contact_id
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("Log call or meeting"))
        self.setMinimumWidth(440)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Phone call"), "phone")
        self.kind.addItem(self.tr("Meeting"), "meeting")
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Outgoing (you reached out)"), "outgoing")
        self.direction.addItem(self.tr("Incoming (they reached out)"), "incoming")
        self.subject = QLineEdit()
        self.subject.setMaxLength(SUBJECT_MAX)
        self.subject.setPlaceholderText(self.tr("Optional, e.g. Renewal"))
        self.duration = QSpinBox()
        self.duration.setRange(0, MAX_MINUTES)
        self.duration.setValue(15)
        self.duration.setSuffix(self.tr(" min"))
        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        self.outcome.lineEdit().setMaxLength(OUTCOME_MAX)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was discussed, next steps"))
        self.messages = {k: FieldMessage()
                         for k in ("channel", "direction", "subject", "duration", "outcome",
                                   "body", "general")}
        form = QFormLayout()
        add_checked_rows(form, ((self.tr("Kind"), self.kind, "channel"),
                          (self.tr("Direction"), self.direction, "direction"),
                          (self.tr("Subject"), self.subject, "subject"),
                          (self.tr("Duration"), self.duration, "duration"),
                          (self.tr("Outcome"), self.outcome, "outcome"),
                          (self.tr("Notes"), self.notes, "body")), self.messages)
        # The spin box's own text field is what a screen reader lands on.
        self.duration.findChild(QLineEdit).setAccessibleName(self.tr("Duration in minutes"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.messages["general"])
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        typed = self.outcome.currentText().strip()
        suggested = {self.outcome.itemText(i) for i in range(self.outcome.count())}
        self.outcome.clear()
        for outcome in OUTCOMES[kind]:
            self.outcome.addItem(self.tr(outcome))
        # An outcome the user typed stays; a suggestion gives way to the new kind's first.
        if typed and typed not in suggested:
            self.outcome.setEditText(typed)
        self.ok_button.setText(self.tr("Log meeting") if kind == "meeting"
                               else self.tr("Log call"))

    def save(self) -> None:
        for message in self.messages.values():
            message.clear_message()
        try:
            self.created_id = self.store.start_conversation(
                self.contact_id, self.kind.currentData(), self.subject.text().strip(),
                self.notes.toPlainText(), direction=self.direction.currentData(),
                duration_minutes=self.duration.value(),
                outcome=self.outcome.currentText().strip() or None)
        except HubDeskError as exc:
            show_error(self.messages, exc)
            return
        self.accept()
