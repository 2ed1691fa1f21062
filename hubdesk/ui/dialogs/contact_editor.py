"""Create or edit one contact: every field, checked as it is typed, saved through the store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from hubdesk.core.contacts import ConcurrentEditError
from hubdesk.core.errors import NotFoundError, ValidationError
from hubdesk.core.normalize import default_region, display_name
from hubdesk.ui.dialogs import ask
from hubdesk.ui.dialogs.contact_checks import Problems, contact_problems
from hubdesk.ui.dialogs.contact_form import FAMILY_NAME_FIRST, ContactForm
from hubdesk.ui.dialogs.edit_conflict import EditConflictDialog, merged
from hubdesk.ui.store import ContactStore

VALIDATE_DELAY_MS = 250


class ContactEditor(QDialog):
    def __init__(self, store: ContactStore, contact_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.contact_id = contact_id
        self.saved_id: int | None = None
        self.conflict_dialog: EditConflictDialog | None = None
        self._original: dict[str, Any] = store.editable(contact_id) if contact_id else {}
        self._touched = contact_id is not None  # a blank new form is not yet "missing a name"

        self.form = ContactForm(default_region(), store.label_names())
        if self._original:
            self.form.set_values(self._original)
        self._initial = self.form.values()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # A form that scrolls sideways hides its own messages; the dialog is kept wide instead.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save contact"))
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)

        self.validation_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self.validation_timer.timeout.connect(self.validate)
        self.form.changed.connect(self._changed)
        name = display_name(self._original.get("first_name", ""),
                            self._original.get("last_name", ""))
        self.setWindowTitle(self.tr("Edit %1").replace("%1", name or self.tr("contact"))
                            if contact_id else self.tr("New contact"))
        # Room for every field and a few messages without scrolling, unless the screen is small.
        self.setMinimumWidth(self.form.minimumSizeHint().width() + 40)
        self.resize(960, min(max(self.form.sizeHint().height() + 90, 540), 760))
        self.validate()
        family_first = default_region() in FAMILY_NAME_FIRST
        self.form.inputs["last_name" if family_first else "first_name"].setFocus()

    # --- validation ------------------------------------------------------------------------
    def _changed(self) -> None:
        self._touched = True
        self.validation_timer.start()

    def validate(self) -> Problems:
        """Show every field's message; Save is enabled only when nothing blocks it."""
        self.validation_timer.stop()
        values = self.form.values()
        problems = contact_problems(values, self.form.region_code())
        for key, combo in (("address_country", self.form.inputs["address_country"]),
                           ("region", self.form.region)):
            if combo.currentText().strip() and not combo.is_listed():
                problems.errors[key] = self.tr("Choose a country from the list")
        if not self._touched:
            problems.errors.pop("name", None)
        self._show(problems)
        self.save_button.setEnabled(self._touched and not problems)
        return problems

    def _show(self, problems: Problems) -> None:
        messages = dict(self.form.messages)
        for i, message in enumerate(self.form.extra_emails.messages):
            messages[f"emails[{i}]"] = message
        for i, message in enumerate(self.form.extra_phones.messages):
            messages[f"phones[{i}]"] = message
        for key, message in messages.items():
            if key in problems.errors:
                message.show_error(problems.errors[key])
            elif key in problems.notes:
                message.show_note(problems.notes[key])
            else:
                message.clear_message()

    def has_unsaved_changes(self) -> bool:
        return self._touched and self.form.values() != self._initial

    def cancel(self) -> None:
        """Cancel or Esc: typed values are only thrown away once the user says so."""
        if self.has_unsaved_changes() and not ask.confirm(
                self, self.tr("Discard changes"),
                self.tr("Discard what you typed in this contact?"),
                yes_text=self.tr("Discard")):
            return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    # --- saving ----------------------------------------------------------------------------
    def _values_to_save(self) -> dict[str, Any]:
        values = {**self._original, **self.form.values()}
        values["extra_emails"] = [e for e in values["extra_emails"] if e]
        values["extra_phones"] = [p for p in values["extra_phones"] if p]
        return values

    def _resolve_conflict(self, mine: dict[str, Any]) -> None:
        """Their saved version beside ours; nothing is written until the user chooses."""
        try:
            theirs = self.store.editable(self.contact_id)
        except NotFoundError:
            ask.tell(self, self.tr("Not saved"), self.tr(
                "Someone deleted this contact after you opened it, so your changes were not "
                "saved. It may be in the Trash."))
            return
        dialog = EditConflictDialog(mine, self._initial, self._original, theirs, self)
        self.conflict_dialog = dialog  # for tests
        dialog.exec()
        if dialog.choice == EditConflictDialog.SAVE_MINE:
            combined = merged(mine, self._initial, theirs)
            self._load(theirs, shown=combined)
            self.save()
        elif dialog.choice == EditConflictDialog.USE_THEIRS:
            self._load(theirs)

    def _load(self, saved: dict[str, Any], shown: dict[str, Any] | None = None) -> None:
        """Start again from `saved` (the version a save must follow), showing `shown`."""
        self._original = saved
        self.form.set_values(saved)
        self._initial = self.form.values()
        if shown is not None:
            self.form.set_values(shown)

    def save(self) -> None:
        self._touched = True
        if self.validate():
            return
        if self.contact_id is not None and self.form.values() == self._initial:
            self.saved_id = self.contact_id
            self.accept()  # nothing changed: no write, no empty undo step
            return
        values, region = self._values_to_save(), self.form.region_code()
        try:
            if self.contact_id is None:
                self.saved_id = self.store.create_contact(values, region)
            else:
                self.store.edit_contact(self.contact_id, values, region)
                self.saved_id = self.contact_id
        except ConcurrentEditError:
            self._resolve_conflict(values)
            return
        except NotFoundError as exc:
            ask.tell(self, self.tr("Not saved"), str(exc))
            return
        except ValidationError as exc:
            self._show(Problems(errors=exc.errors))
            self.save_button.setEnabled(False)
            return
        self.accept()
