"""The contact editor's inputs, laid out in two columns, each with its message beneath it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.models import SUBSCRIPTION_STATUSES
from hubdesk.core.normalize import default_region
from hubdesk.ui.dialogs.contact_checks import FORM_KEYS
from hubdesk.ui.dialogs.country_combo import CountryCombo, PhoneRegionCombo
from hubdesk.ui.dialogs.extra_rows import ExtraValueRows
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.dialogs.labels_edit import LabelsEdit
from hubdesk.ui.dialogs.phone_edit import PhoneEdit, editable_phone
from hubdesk.ui.dialogs.searchable_combo import SearchableCombo
from hubdesk.ui.dialogs.timezone_combo import TimezoneCombo

# Where family names are written first, the form asks for the family name first too.
FAMILY_NAME_FIRST = {"JP", "CN", "KR", "TW", "HK", "MO", "HU", "VN"}


class ContactForm(QWidget):
    changed = Signal()  # any input changed (validation is debounced by the dialog)

    def __init__(self, region: str, label_names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self._build_inputs(region, label_names)
        person, work = QGroupBox(self.tr("Person")), QGroupBox(self.tr("Work and address"))
        self._fill_person(QFormLayout(person), region)
        self._fill_work(QFormLayout(work))
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(person, 1)
        columns.addWidget(work, 1)
        for widget in self.inputs.values():
            _connect_changed(widget, self.changed.emit)
        self.extra_emails.changed.connect(self.changed.emit)
        self.extra_phones.changed.connect(self.changed.emit)
        self.region.valueChanged.connect(self._region_changed)

    # --- building --------------------------------------------------------------------------
    def _build_inputs(self, region: str, label_names: list[str]) -> None:
        texts = {
            "first_name": self.tr("First name"), "last_name": self.tr("Last name"),
            "first_name_reading": self.tr("First name reading"),
            "last_name_reading": self.tr("Last name reading"),
            "email": self.tr("Email"), "company": self.tr("Organization"),
            "job_title": self.tr("Job title"), "address_street": self.tr("Street"),
            "address_city": self.tr("City"), "address_region": self.tr("State or prefecture"),
            "address_postal_code": self.tr("Postal code"),
        }
        for key, text in texts.items():
            self._add(key, QLineEdit(), text)
        for key in ("first_name_reading", "last_name_reading"):
            self.inputs[key].setPlaceholderText(self.tr("Reading (optional)"))
        self.inputs["email"].setPlaceholderText("name@example.com")
        self.region = PhoneRegionCombo()
        self.region.setAccessibleName(self.tr("Phone region"))
        self.region.setToolTip(self.tr("Numbers typed without +country code are read as from"
                                       " this region"))
        self.region.set_value(region)
        self.region.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region.setMinimumContentsLength(16)
        self.messages["region"] = FieldMessage()
        self.phone = PhoneEdit(region)
        self._add("phone", self.phone, self.tr("Phone"))
        self._add("timezone", TimezoneCombo(), self.tr("Time zone"))
        self._add("address_country", CountryCombo(), self.tr("Country"))
        status = QComboBox()
        names = {"unknown": self.tr("Unknown"), "subscribed": self.tr("Subscribed"),
                 "unsubscribed": self.tr("Unsubscribed")}
        for value in SUBSCRIPTION_STATUSES:
            status.addItem(names.get(value, value), value)
        self._add("subscription_status", status, self.tr("Subscription"))
        self.labels = LabelsEdit(label_names)
        self._add("labels", self.labels, self.tr("Labels"))
        self.messages["name"] = FieldMessage()
        self.extra_emails = ExtraValueRows(QLineEdit, self.tr("Additional email"),
                                           self.tr("Add email"))
        self.extra_phones = ExtraValueRows(lambda: PhoneEdit(self.region_code()),
                                           self.tr("Additional phone"), self.tr("Add phone"))

    def _add(self, key: str, widget: QWidget, text: str) -> None:
        widget.setAccessibleName(text)
        self.inputs[key] = widget
        self.messages[key] = FieldMessage()

    def _with_message(self, key: str) -> QWidget:
        return _stacked(self.inputs[key], self.messages[key])

    def _fill_person(self, form: QFormLayout, region: str) -> None:
        names = QGridLayout()
        order = ["last_name", "first_name"] if region in FAMILY_NAME_FIRST else [
            "first_name", "last_name"]
        for row, key in enumerate(order):
            names.addWidget(QLabel(self.inputs[key].accessibleName()), row, 0)
            names.addWidget(self._with_message(key), row, 1)
            names.addWidget(self._with_message(f"{key}_reading"), row, 2)
        names.addWidget(self.messages["name"], 2, 0, 1, 3)
        form.addRow(names)
        form.addRow(self.tr("Email"), self._with_message("email"))
        form.addRow(self.tr("More emails"), self.extra_emails)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self._with_message("phone"), 1)
        phone_row.addWidget(_stacked(self.region, self.messages["region"]), 0,
                            Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Phone"), phone_row)
        form.addRow(self.tr("More phones"), self.extra_phones)
        form.addRow(self.tr("Time zone"), self._with_message("timezone"))

    def _fill_work(self, form: QFormLayout) -> None:
        for key in ("company", "job_title", "address_street", "address_city", "address_region",
                    "address_postal_code", "address_country", "subscription_status", "labels"):
            form.addRow(self.inputs[key].accessibleName(), self._with_message(key))

    def _region_changed(self) -> None:
        # The same digits may be valid in one region and not in another: check them again.
        region = self.region_code()
        self.phone.set_region(region)
        for edit in self.extra_phones.edits:
            edit.set_region(region)
        self.changed.emit()

    # --- values ----------------------------------------------------------------------------
    def region_code(self) -> str:
        """The chosen region, or the default while the region box holds unlisted text."""
        return self.region.value() if self.region.is_listed() else default_region()

    def values(self) -> dict[str, Any]:
        """Everything typed, keyed as core.contacts.editable_values; additional rows keep
        their blanks so their messages line up with the rows."""
        out: dict[str, Any] = {key: _value_of(self.inputs[key]) for key in FORM_KEYS}
        out["extra_emails"] = [e.text().strip() for e in self.extra_emails.edits]
        out["extra_phones"] = [e.text().strip() for e in self.extra_phones.edits]
        out["labels"] = self.labels.labels()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        region = self.region_code()
        for key in FORM_KEYS:
            value = str(values.get(key) or "")
            if key == "phone":
                value = editable_phone(value, region)
            _set_value(self.inputs[key], value)
        self.extra_emails.set_values(list(values.get("extra_emails", ())))
        self.extra_phones.set_values(
            [editable_phone(p, region) for p in values.get("extra_phones", ())])
        self.labels.set_labels(list(values.get("labels", ())))


def _stacked(widget: QWidget, message: FieldMessage) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(message)
    return box


def _value_of(widget: QWidget) -> str:
    if isinstance(widget, SearchableCombo):
        return widget.value()
    if isinstance(widget, QComboBox):
        return str(widget.currentData())
    assert isinstance(widget, QLineEdit)
    return widget.text().strip()


def _set_value(widget: QWidget, value: str) -> None:
    if isinstance(widget, SearchableCombo):
        widget.set_value(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value or "unknown")))
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(value)


def _connect_changed(widget: QWidget, slot) -> None:
    if isinstance(widget, SearchableCombo):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: slot())
    else:
        widget.textChanged.connect(lambda _t: slot())
