"""What is wrong with the editor's values, per field, as the core's validation says it.

No rule is written here: each value goes through core.validation on its own, so one bad field
does not hide the verdict on the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from hubdesk.core.errors import ValidationError
from hubdesk.core.validation import clean_contact_fields
from hubdesk.ui.dialogs.regions import country_name

# Keys of the form's standard fields (the core's field keys).
FORM_KEYS = (
    "first_name", "last_name", "first_name_reading", "last_name_reading", "email", "phone",
    "company", "job_title", "timezone", "address_street", "address_city", "address_region",
    "address_postal_code", "address_country", "subscription_status",
)
IDENTITY_KEYS = ("first_name", "last_name", "email", "phone")


# lupdate reads the context from each call, so it is written out there.
translate = QCoreApplication.translate


@dataclass
class Problems:
    errors: dict[str, str] = field(default_factory=dict)  # block Save
    notes: dict[str, str] = field(default_factory=dict)  # shown, but saving is allowed

    def __bool__(self) -> bool:
        return bool(self.errors)


def _check(key: str, value: Any, region: str) -> tuple[str | None, dict[str, Any]]:
    try:
        return None, clean_contact_fields({key: value}, region=region, partial=True)
    except ValidationError as exc:
        return exc.errors.get(key, str(exc)), {}


def contact_problems(values: Mapping[str, Any], region: str) -> Problems:
    """Keys of the errors: form keys, "emails[i]" / "phones[i]" (the additional rows, as the
    core names them) and "name" for a contact with nothing to recognise it by."""
    problems = Problems()
    not_a_number = translate(
        "ContactEditor", "Not a valid phone number in %1 — it will be saved as typed").replace(
        "%1", country_name(region))
    for key in FORM_KEYS:
        error, cleaned = _check(key, values.get(key, ""), region)
        if error:
            problems.errors[key] = error
        elif key == "phone" and cleaned.get("phone_valid") is False:
            problems.notes[key] = not_a_number
    for i, email in enumerate(values.get("extra_emails", ())):
        error, _ = _check("email", email, region)
        if error:
            problems.errors[f"emails[{i}]"] = error
    for i, phone in enumerate(values.get("extra_phones", ())):
        error, cleaned = _check("phone", phone, region)
        if error:
            problems.errors[f"phones[{i}]"] = error
        elif cleaned.get("phone_valid") is False:
            problems.notes[f"phones[{i}]"] = not_a_number
    # The issue asks for a name, email or phone (the core would also accept a company alone).
    if not any(str(values.get(k) or "").strip() for k in IDENTITY_KEYS):
        problems.errors["name"] = translate("ContactEditor",
                                            "Enter a name, an email or a phone number")
    return problems
