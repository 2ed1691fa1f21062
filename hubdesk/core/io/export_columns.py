"""What an export can hold: column keys, the header each preset writes for them, and which
columns a preset writes when the caller names none.

Keys: the standard field keys of core.fields, EMAILS / PHONES (the additional ones), LABELS,
NOTES and "attr:<key>" for each custom attribute. Headers are chosen so that HubDesk's own
importer maps every column back to where it came from (see mapping.guess_mapping): a custom
attribute is headed by its name, unless the importer would read that name as a field or as
another attribute (then by its key, then by its vCard property name X-HUBDESK-<KEY>, which
mapping.py recognises exactly).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from hubdesk.core.attributes import AttributeInfo, list_attributes
from hubdesk.core.errors import HubDeskError
from hubdesk.core.fields import STANDARD_FIELDS
from hubdesk.core.io.draft import ATTRIBUTE_PREFIX, IGNORE
from hubdesk.core.io.presets import header_key

EMAILS, PHONES, LABELS, NOTES = "emails", "phones", "labels", "notes"
SEVERAL = "several"  # the kind of a column holding several values (EMAILS … NOTES)
NUMBER_TYPES = frozenset({"number", "currency", "percent"})
PROPERTY_PREFIX = "X-HUBDESK-"


class ExportError(HubDeskError):
    """The export cannot be made as asked; nothing was written."""


@dataclass(frozen=True)
class ExportColumn:
    key: str
    header: str
    # text, email, phone, timezone, choice, datetime (standard fields); SEVERAL (EMAILS,
    # PHONES, LABELS, NOTES); an attribute's type (text, number, list, …) for "attr:" columns
    kind: str
    definition_id: int | None = None  # for "attr:" columns


@dataclass(frozen=True)
class ExportPreset:
    name: str
    label: str  # shown in the export dialog
    headers: dict[str, str]  # key → header, where the target program has a name of its own
    defaults: tuple[str, ...]  # the columns written when the caller chooses none
    attribute_header: str = "label"  # "label" or "key": how custom attribute columns are headed
    # labels as the target program writes them: "; "-joined, or Google's " ::: " list
    labels_style: str = "plain"


_STANDARD_HEADERS = {f.key: f.label for f in STANDARD_FIELDS}
_EXTRA_HEADERS = {EMAILS: "Other emails", PHONES: "Other phones", LABELS: "Labels",
                  NOTES: "Notes"}
_EDITABLE = tuple(f.key for f in STANDARD_FIELDS if f.editable)
_TIMESTAMPS = tuple(f.key for f in STANDARD_FIELDS if not f.editable)

HUBDESK = ExportPreset(
    "hubdesk", "HubDesk (every field)", {},
    (*_EDITABLE, EMAILS, PHONES, LABELS, *_TIMESTAMPS),
)

# Chatwoot's contact import (MessageHub uses the same): its own spelling for the columns it
# knows; every other column becomes a custom attribute named after the header, so those are
# headed by their keys.
CHATWOOT = ExportPreset(
    "chatwoot", "MessageHub / Chatwoot import",
    {**{k: k for k in _EDITABLE}, "phone": "phone_number", "external_id": "identifier",
     "address_city": "city", EMAILS: "additional_emails", PHONES: "additional_phones",
     LABELS: "labels", NOTES: "notes"},
    ("first_name", "last_name", "email", "phone", "external_id", "company", "address_city"),
    attribute_header="key",
)

# Google Contacts' current CSV. The additional values share the second group's cell, joined
# with " ::: " as Google itself does when a group holds several values.
GOOGLE = ExportPreset(
    "google", "Google Contacts CSV",
    {"first_name": "First Name", "last_name": "Last Name",
     "first_name_reading": "Phonetic First Name", "last_name_reading": "Phonetic Last Name",
     "email": "E-mail 1 - Value", EMAILS: "E-mail 2 - Value",
     "phone": "Phone 1 - Value", PHONES: "Phone 2 - Value",
     "company": "Organization Name", "job_title": "Organization Title",
     "address_street": "Address 1 - Street", "address_city": "Address 1 - City",
     "address_region": "Address 1 - Region", "address_postal_code": "Address 1 - Postal Code",
     "address_country": "Address 1 - Country", LABELS: "Labels", NOTES: "Notes"},
    ("first_name", "last_name", "first_name_reading", "last_name_reading", "email", EMAILS,
     "phone", PHONES, "company", "job_title", "address_street", "address_city",
     "address_region", "address_postal_code", "address_country", LABELS),
    labels_style="google",
)

EXPORT_PRESETS: dict[str, ExportPreset] = {p.name: p for p in (HUBDESK, CHATWOOT, GOOGLE)}


def export_preset(name: str | None) -> ExportPreset:
    preset = EXPORT_PRESETS.get((name or "hubdesk").strip().lower())
    if preset is None:
        raise ExportError(f"unknown preset '{name}' (known: {', '.join(EXPORT_PRESETS)})")
    return preset


def property_name(attribute_key: str) -> str:
    """The vCard property of a custom attribute: X-HUBDESK-<KEY>, "_" written as "-" (an
    x-name holds only letters, digits and "-"; keys never hold "-", so it reads back)."""
    return PROPERTY_PREFIX + attribute_key.upper().replace("_", "-")


def _base_columns(attributes: Sequence[AttributeInfo]) -> list[ExportColumn]:
    columns = [ExportColumn(f.key, _STANDARD_HEADERS[f.key], f.type) for f in STANDARD_FIELDS]
    columns += [ExportColumn(k, h, SEVERAL) for k, h in _EXTRA_HEADERS.items()]
    columns += [ExportColumn(ATTRIBUTE_PREFIX + a.key, a.label, a.type, a.id)
                for a in attributes]
    return columns


def available_columns(session: Session, preset: str | None = None) -> list[ExportColumn]:
    """Every column an export can hold, with the header the preset writes for it: the
    standard fields, the additional emails and phones, labels, notes, then each custom
    attribute in the Attributes tab's order."""
    chosen = export_preset(preset)
    attributes = list_attributes(session)
    return _headed(_base_columns(attributes), chosen, attributes)


def default_columns(session: Session, preset: str | None = None) -> list[str]:
    """The column keys written when the caller names none: the preset's own, then every
    custom attribute."""
    chosen = export_preset(preset)
    return [*chosen.defaults, *(ATTRIBUTE_PREFIX + a.key for a in list_attributes(session))]


def resolve_columns(session: Session, keys: Sequence[str] | None,
                    preset: str | None = None) -> list[ExportColumn]:
    """The columns for `keys` in the caller's order (None: the defaults); an unknown or
    repeated key is an ExportError naming it."""
    chosen = export_preset(preset)
    attributes = list_attributes(session)
    by_key = {c.key: c for c in _base_columns(attributes)}
    if keys is None:
        keys = [*chosen.defaults, *(ATTRIBUTE_PREFIX + a.key for a in attributes)]
    picked: list[ExportColumn] = []
    seen: set[str] = set()
    for raw in keys:
        key = raw.strip()
        column = by_key.get(key)
        if column is None:
            raise ExportError(f"unknown column '{key}' (known: {', '.join(by_key)})")
        if key in seen:
            raise ExportError(f"column '{key}' is named twice")
        seen.add(key)
        picked.append(column)
    if not picked:
        raise ExportError("choose at least one column")
    return _headed(picked, chosen, attributes)


def _maps_back(name: str, key: str, attributes: Sequence[AttributeInfo]) -> bool:
    """Whether the importer puts a column headed `name` into attribute `key`: it must not
    read as a field ("Company", "Tags", "Notes"), nor as another attribute of the user."""
    from hubdesk.core.io.mapping import guess_mapping  # rapidfuzz: only when exporting

    others = [a for a in attributes if a.key != key]
    return (guess_mapping([name], attributes=others)[0].target == IGNORE
            and guess_mapping([name], attributes=attributes)[0].target
            == ATTRIBUTE_PREFIX + key)


def _headed(columns: list[ExportColumn], preset: ExportPreset,
            attributes: Sequence[AttributeInfo]) -> list[ExportColumn]:
    fixed = {c.key: preset.headers.get(c.key, c.header)
             for c in columns if c.definition_id is None}
    used = {header_key(h) for h in fixed.values()}
    out: list[ExportColumn] = []
    for column in columns:
        header = fixed.get(column.key) or _attribute_header(column, preset, used, attributes)
        used.add(header_key(header))
        out.append(ExportColumn(column.key, header, column.kind, column.definition_id))
    return out


def _attribute_header(column: ExportColumn, preset: ExportPreset, used: set[str],
                      attributes: Sequence[AttributeInfo]) -> str:
    key = column.key[len(ATTRIBUTE_PREFIX):]
    names = [column.header, key] if preset.attribute_header == "label" else [key]
    for name in names:
        if name.strip() and header_key(name) not in used and _maps_back(name, key, attributes):
            return name
    return property_name(key)
