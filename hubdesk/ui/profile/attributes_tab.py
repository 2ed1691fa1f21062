"""The Attributes tab: the contact's standard fields (read-only here; the Edit dialog edits
them) and every custom attribute with its typed value, each editable in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.normalize import display_phone
from hubdesk.ui.dialogs.attribute_table_model import type_name
from hubdesk.ui.profile.attribute_row import AttributeRow
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.profile.times import local_text, time_in_zone, when_text
from hubdesk.ui.store import ContactStore
from hubdesk.ui.widgets.format import plain_tooltip, subscription_label

CLOCK_TICK_MS = 20_000  # the contact's local time stays right to the minute


def address_text(c: dict) -> str:
    """The address as it is written where it is: Japanese addresses go from the postal code
    and prefecture down to the street; most others from the street up."""
    street, city = c.get("address_street") or "", c.get("address_city") or ""
    region, postal = c.get("address_region") or "", c.get("address_postal_code") or ""
    country = c.get("address_country") or ""
    if country.upper() in ("JP", "JAPAN", "日本"):
        lines = [f"〒{postal}" if postal else "", "".join((region, city, street)), country]
    else:
        lines = [street, " ".join(v for v in (postal, city, region) if v), country]
    return "\n".join(line for line in lines if line)


def moment_text(iso: str | None) -> str:
    """'3 days ago (2024-03-05 14:22)', or just the local date and time when older."""
    full = local_text(iso)
    relative = when_text(iso)
    return full if not relative or full.startswith(relative) else f"{relative} ({full})"


class AttributesTab(QScrollArea):
    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._contact: dict | None = None
        self.rows: dict[str, AttributeRow] = {}
        self.fields: dict[str, QLabel] = {}  # standard field key → its value label
        self._focus_after_refresh: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self._tick)
        self.setWidget(QWidget())

    def set_contact(self, contact: dict, definitions: list[AttributeInfo]) -> None:
        same_contact = self._contact is not None and self._contact["id"] == contact["id"]
        scroll = self.verticalScrollBar().value() if same_contact else 0
        self._contact = contact
        self.rows, self.fields = {}, {}
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        # One form for both sections, so all values start in one column.
        form = self._form()
        form.addRow(plain_label(self.tr("Details"), bold=True))
        self._standard_fields(form, contact)
        spacer = QWidget()
        spacer.setFixedHeight(8)
        form.addRow(spacer)
        form.addRow(plain_label(self.tr("Custom attributes"), bold=True))
        self._custom_fields(form, contact, definitions)
        layout.addLayout(form)
        if not definitions:
            layout.addWidget(plain_label(
                self.tr("No custom attributes yet. Define them in Settings → Custom attributes."),
                wrap=True, muted=True))
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:  # deleted later: a click inside it may have caused this refresh
            old.hide()
            old.deleteLater()
        self.setWidget(content)
        self.verticalScrollBar().setValue(scroll)
        if contact.get("timezone"):
            self._clock.start()
        else:
            self._clock.stop()
        key, self._focus_after_refresh = self._focus_after_refresh, None
        if key in self.rows:
            self.rows[key].edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self._contact = None
        self._clock.stop()

    # --- standard fields -------------------------------------------------------------------
    def _standard_fields(self, form: QFormLayout, c: dict) -> None:
        self._field(form, "external_id", self.tr("Identifier"), c.get("external_id") or "")
        zone = c.get("timezone") or ""
        self._field(form, "timezone", self.tr("Time zone"), self._zone_text(zone))
        self._field(form, "address", self.tr("Address"), address_text(c))
        status = c.get("subscription_status") or "unknown"
        self._field(form, "subscription_status", self.tr("Subscription"),
                    subscription_label(status))
        self._field(form, "created_at", self.tr("Created"), local_text(c.get("created_at")))
        activity = c.get("last_activity_at")
        self._field(form, "last_activity_at", self.tr("Last activity"), moment_text(activity))
        extra_emails = ", ".join(e["email"] for e in c.get("emails") or ())
        if extra_emails:
            self._field(form, "emails", self.tr("Other emails"), extra_emails)
        extra_phones = ", ".join(display_phone(p["phone"], bool(p.get("valid", True)))
                                 for p in c.get("phones") or ())
        if extra_phones:
            self._field(form, "phones", self.tr("Other phones"), extra_phones)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        return form

    def _field(self, form: QFormLayout, key: str, caption: str, value: str) -> None:
        label = plain_label(value or "—", wrap=True, selectable=True, muted=not value)
        label.setToolTip(plain_tooltip(value) if len(value) > 40 else "")
        self.fields[key] = label
        form.addRow(plain_label(caption, muted=True), label)

    def _zone_text(self, zone: str) -> str:
        local = time_in_zone(zone)
        # Outside the f-string, where lupdate can find it.
        return f"{zone}\n" + self.tr("Local time %1").replace("%1", local) if local else zone

    def _tick(self) -> None:
        label = self.fields.get("timezone")
        if label is not None and self._contact is not None:
            label.setText(self._zone_text(self._contact.get("timezone") or ""))

    # --- custom attributes ----------------------------------------------------------------
    def _custom_fields(self, form: QFormLayout, c: dict,
                       definitions: list[AttributeInfo]) -> None:
        values = c.get("attributes") or {}
        for info in definitions:
            row = AttributeRow(self._store, c["id"], info, values.get(info.key))
            row.saved.connect(self._remember_focus)
            self.rows[info.key] = row
            caption = plain_label(info.label, muted=True)
            caption.setToolTip(plain_tooltip(f"{info.label} ({type_name(info.type)})"))
            form.addRow(caption, row)

    def _remember_focus(self, key: str) -> None:
        # The store's change signal normally rebuilt this tab during the save, so the row
        # under `key` is already a new one; otherwise focus moves at the next rebuild.
        row = self.rows.get(key)
        if row is not None and not row.is_editing():
            row.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_after_refresh = key
