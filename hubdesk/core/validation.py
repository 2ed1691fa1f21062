"""Turn what a user typed into storable contact values, or say per field what is wrong."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from hubdesk.core.errors import ValidationError
from hubdesk.core.fields import EDITABLE_KEYS, FIELDS_BY_KEY
from hubdesk.core.models import SUBSCRIPTION_STATUSES
from hubdesk.core.normalize import clean_text, normalize_email, normalize_phone, normalize_timezone

MAX_LENGTHS = {"email": 320, "phone": 64, "address_postal_code": 32, "timezone": 64,
               "address_street": 500, "address_country": 64}


def clean_contact_fields(
    data: Mapping[str, Any], *, region: str | None = None, partial: bool = False
) -> dict[str, Any]:
    """Validated, normalised values for the standard fields in `data`.

    Raises ValidationError naming every bad field; unknown keys are an error too, so a typo
    never silently drops what was typed.
    """
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in EDITABLE_KEYS:
            errors[key] = "unknown field" if key not in FIELDS_BY_KEY else "cannot be edited"
            continue
        text = clean_text(None if raw is None else str(raw))
        limit = MAX_LENGTHS.get(key, 255)
        if len(text) > limit:
            errors[key] = f"too long ({len(text)} characters, at most {limit})"
            continue
        bad = _invisible(text)
        if bad:
            errors[key] = f"contains {bad}; remove it (it would break how the value shows)"
            continue
        try:
            out.update(_clean_one(key, text, region))
        except ValueError as exc:
            errors[key] = str(exc)
    if not partial:
        for key in EDITABLE_KEYS:
            out.setdefault(key, None if key in ("email", "phone", "timezone", "external_id")
                           else "unknown" if key == "subscription_status" else "")
    if errors:
        raise ValidationError(errors)
    return out


# Direction overrides and isolates can make a name display as something else.
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _invisible(text: str) -> str:
    """A description of the first control character in a one-line value, or ''."""
    if _SUSPECT.search(text) is None:  # the usual case, answered in C
        return ""
    for ch in text:
        if ch in "\n\r":
            return "a line break"
        if ch == "\t":
            return "a tab"
        if unicodedata.category(ch) == "Cc":
            return f"the control character U+{ord(ch):04X}"
        if ch in _BIDI_CONTROLS:
            return f"the text-direction control U+{ord(ch):04X}"
    return ""


invisible_character = _invisible  # for names checked outside contact fields


def _clean_one(key: str, text: str, region: str | None) -> dict[str, Any]:
    if key == "email":
        return {"email": normalize_email(text) if text else None}
    if key == "phone":
        if not text:
            return {"phone": None, "phone_valid": True}
        phone = normalize_phone(text, region)
        return {"phone": phone.value, "phone_valid": phone.valid}
    if key == "timezone":
        return {"timezone": normalize_timezone(text) if text else None}
    if key == "subscription_status":
        value = (text or "unknown").lower()
        if value not in SUBSCRIPTION_STATUSES:
            raise ValueError(f"must be one of {', '.join(SUBSCRIPTION_STATUSES)}")
        return {key: value}
    if key == "external_id":
        return {key: text or None}
    return {key: text}


def require_some_identity(values: Mapping[str, Any]) -> None:
    """A contact needs something to recognise it by."""
    phone = str(values.get("phone") or "")
    # A "phone" with no digit at all ("call reception") is kept, but identifies nobody.
    has_phone = any(ch.isdigit() for ch in phone)
    if not (has_phone or any(values.get(k) for k in ("first_name", "last_name", "email",
                                                     "company"))):
        raise ValidationError({"name": "enter a name, email, phone or company"})
