"""A row's draft checked field by field: what will be stored, and what is questionable.

Curation means fixing data, so a questionable value does not lose the person: the value is
kept (as typed, where its column can hold it) and recorded in the contact's problems, and
the row is imported unless the user chose to skip such rows. Only a row with nothing to
identify a person is rejected outright.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hubdesk.core.attributes import AttributeInfo, coerce_value
from hubdesk.core.errors import ValidationError
from hubdesk.core.io.draft import ContactDraft
from hubdesk.core.normalize import normalize_phone
from hubdesk.core.validation import clean_contact_fields


@dataclass
class Problem:
    field: str
    message: str
    value: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message, "value": self.value}

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass
class PreparedRow:
    values: dict[str, Any]  # standard fields, cleaned (phone_valid included)
    extra_emails: list[str] = field(default_factory=list)
    extra_phones: list[tuple[str, bool]] = field(default_factory=list)  # (value, valid)
    labels: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attributes: dict[int, dict[str, Any]] = field(default_factory=dict)  # def id → columns
    new_attributes: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rejected: str = ""  # why the row cannot become a contact at all

    @property
    def email_key(self) -> str:
        return (self.values.get("email") or "").strip().lower()

    @property
    def phone_key(self) -> str:
        phone = self.values.get("phone") or ""
        return phone if self.values.get("phone_valid") else ""


def _clean_field(key: str, text: str, region: str | None, out: PreparedRow) -> None:
    try:
        out.values.update(clean_contact_fields({key: text}, region=region, partial=True))
    except ValidationError as exc:
        message = exc.errors.get(key, str(exc))
        out.problems.append(Problem(key, message, text))
        if key == "email":
            out.values["email"] = text.strip()[:320]  # kept as typed, flagged
        # other columns cannot hold an invalid value (a time zone that is not one, a
        # status that does not exist): the raw value lives on in the problem record


def prepare(draft: ContactDraft, *, region: str | None,
            attributes: dict[str, AttributeInfo]) -> PreparedRow:
    out = PreparedRow(values={})
    out.problems += [Problem("row", p) for p in draft.problems]
    present = {k: t for k, t in draft.fields.items() if t and t.strip()}
    try:  # most rows are clean: check them in one go
        out.values.update(clean_contact_fields(present, region=region, partial=True))
    except ValidationError:  # then field by field, so one bad value spoils nothing else
        for key, text in present.items():
            _clean_field(key, text, region, out)
    if out.values.get("phone") and out.values.get("phone_valid") is False:
        out.problems.append(Problem("phone", "not a valid phone number; kept as typed",
                                    out.values["phone"]))
    for email in draft.extra_emails:
        probe = PreparedRow(values={})
        _clean_field("email", email, region, probe)
        out.extra_emails.append(probe.values.get("email") or email.strip())
        out.problems += probe.problems
    for raw in draft.extra_phones:
        phone = normalize_phone(raw, region)
        if phone.value:
            out.extra_phones.append((phone.value, phone.valid))
            if not phone.valid:
                out.problems.append(Problem("phone", "not a valid phone number; kept as typed",
                                            raw))
    out.labels = [lb.strip()[:100] for lb in draft.labels if lb and lb.strip()]
    out.notes = [n for n in draft.notes if n and n.strip()]
    for key, text in draft.attributes.items():
        info = attributes.get(key)
        if info is None or not (text and text.strip()):
            continue
        try:
            out.attributes[info.id] = coerce_value(info, text)
        except ValueError as exc:
            out.problems.append(Problem(key, str(exc), text))
    out.new_attributes = {k: v for k, v in draft.new_attributes.items() if v and v.strip()}
    has_phone = any(ch.isdigit() for ch in str(out.values.get("phone") or ""))
    identified = has_phone or any(out.values.get(k) for k in ("first_name", "last_name", "email"))
    if not identified:
        out.rejected = "nothing identifies a person (no name, email or phone)"
    return out
