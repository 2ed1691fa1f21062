"""The phone fix: numbers kept as typed (primary and additional) that parse for a chosen
region become E.164; the others are left as they are and counted."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.core.health import whole_table
from hubdesk.core.health_fixes.preview import (
    PHONES,
    Cancelled,
    FieldChange,
    FixPreview,
    _checked,
    _live,
)
from hubdesk.core.models import Contact, ContactPhone
from hubdesk.core.normalize import normalize_phone


def plan_phones(session: Session, region: str, *, cancelled: Cancelled | None = None
                ) -> FixPreview:
    """Numbers kept as typed (or stored without +) that are valid numbers of `region`."""
    not_e164 = (Contact.phone_valid.is_(False)) | Contact.phone.not_like("+%")
    primary = session.execute(whole_table(select(Contact.id, Contact.phone).where(
        _live(), Contact.phone.is_not(None), Contact.phone != "", not_e164)))
    extra_bad = (ContactPhone.phone_valid.is_(False)) | ContactPhone.phone.not_like("+%")
    extras = session.execute(
        select(ContactPhone.contact_id, ContactPhone.id, ContactPhone.phone)
        .join(Contact, Contact.id == ContactPhone.contact_id)
        .where(_live(), ContactPhone.phone != "", extra_bad))
    candidates = [(cid, "phone", raw) for cid, raw in primary]
    candidates += [(cid, f"extra_phone:{rid}", raw) for cid, rid, raw in extras]
    preview = FixPreview(PHONES, [])
    for n, (cid, key, raw) in enumerate(sorted(candidates)):
        if n % 5000 == 0:
            _checked(n, len(candidates), None, cancelled)
        phone = normalize_phone(raw, region)
        if phone.valid and phone.value != raw:
            preview.changes.append(FieldChange(cid, key, raw, phone.value))
        elif not phone.valid:
            preview.skipped["not_a_number"] = preview.skipped.get("not_a_number", 0) + 1
    return preview
