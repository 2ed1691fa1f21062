"""Writing prepared rows: new contacts in bulk, existing ones updated with a record of what
they were (so the import can be undone)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core import contacts
from hubdesk.core.db import reserve_ids
from hubdesk.core.fields import EDITABLE_KEYS
from hubdesk.core.io.prepared import PreparedRow
from hubdesk.core.labels import ensure_label
from hubdesk.core.models import (
    AttributeValue,
    Contact,
    ContactEmail,
    ContactLabel,
    ContactPhone,
    ImportChange,
    Note,
)
from hubdesk.core.searchtext import derived_columns

NOTE_AUTHOR = "Import"
_EMPTY_FIELDS = {k: ("unknown" if k == "subscription_status" else
                     None if k in ("email", "phone", "timezone", "external_id") else "")
                 for k in EDITABLE_KEYS}


class LabelCache:
    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def id_for(self, session: Session, name: str) -> int:
        key = name.casefold()
        if key not in self._ids:
            self._ids[key] = ensure_label(session, name).id
        return self._ids[key]


def reserve_contact_ids(session: Session, n: int) -> list[int]:
    """Ids for up to n new contacts of one batch (see db.reserve_ids)."""
    return reserve_ids(session, Contact.__tablename__, n)


def create_many(session: Session, rows: list[tuple[int, PreparedRow]], job_id: int,
                now: datetime, labels: LabelCache) -> None:
    """Insert new contacts with the ids already chosen for them, in a few statements."""
    if not rows:
        return
    contact_rows, emails, phones, links, values, notes = [], [], [], [], [], []
    for cid, row in rows:
        record: dict[str, Any] = {**_EMPTY_FIELDS, "phone_valid": True, **row.values}
        record.update(
            id=cid, created_at=now, updated_at=now, last_activity_at=None, deleted_at=None,
            import_job_id=job_id, version=1,
            problems=json.dumps([p.as_dict() for p in row.problems], ensure_ascii=False)
            if row.problems else None,
        )
        record.update(derived_columns(record, row.extra_emails, [p for p, _ in row.extra_phones]))
        contact_rows.append(record)
        emails += [{"contact_id": cid, "email": e, "label": "", "position": i}
                   for i, e in enumerate(row.extra_emails)]
        phones += [{"contact_id": cid, "phone": p, "phone_valid": ok, "label": "", "position": i}
                   for i, (p, ok) in enumerate(row.extra_phones)]
        for label_id in dict.fromkeys(labels.id_for(session, n) for n in row.labels):
            links.append({"contact_id": cid, "label_id": label_id})
        for definition_id, cols in row.attributes.items():
            values.append({"contact_id": cid, "definition_id": definition_id, **cols})
        notes += [{"contact_id": cid, "body": n, "author": NOTE_AUTHOR, "created_at": now,
                   "updated_at": now} for n in row.notes]
    conn = session.connection()
    conn.execute(insert(Contact.__table__), contact_rows)
    for table, data in ((ContactEmail, emails), (ContactPhone, phones),
                        (ContactLabel, links), (AttributeValue, values), (Note, notes)):
        if data:
            conn.execute(insert(table.__table__), data)


def _attribute_columns(session: Session, contact_id: int) -> dict[int, dict[str, Any]]:
    out = {}
    for v in session.scalars(select(AttributeValue).where(AttributeValue.contact_id == contact_id)):
        out[v.definition_id] = {"value_text": v.value_text, "value_number": v.value_number,
                                "value_date": v.value_date.isoformat() if v.value_date else None,
                                "value_bool": v.value_bool}
    return out


def update_one(session: Session, contact_id: int, row: PreparedRow, job_id: int,
               now: datetime, labels: LabelCache, *, fill_empty_only: bool) -> None:
    """Merge a row into an existing contact: blanks never overwrite; with fill_empty_only
    only empty fields are filled. What it was before is recorded for Undo import."""
    before = contacts.editable_values(session, contact_id)
    before_attrs = _attribute_columns(session, contact_id)
    contact = session.get(Contact, contact_id)
    assert contact is not None
    for key, value in row.values.items():
        if key == "phone_valid" or value in (None, ""):
            continue
        current = getattr(contact, key)
        if fill_empty_only and current not in (None, "", "unknown"):
            continue
        setattr(contact, key, value)
        if key == "phone":
            contact.phone_valid = bool(row.values.get("phone_valid", True))
    have_emails = {e.email.lower() for e in contact.emails} | {(contact.email or "").lower()}
    for email in row.extra_emails:
        if email.lower() not in have_emails:
            contact.emails.append(ContactEmail(email=email, position=len(contact.emails)))
            have_emails.add(email.lower())
    have_phones = {p.phone for p in contact.phones} | {contact.phone or ""}
    for phone, ok in row.extra_phones:
        if phone not in have_phones:
            contact.phones.append(ContactPhone(phone=phone, phone_valid=ok,
                                               position=len(contact.phones)))
            have_phones.add(phone)
    old_problems = json.loads(contact.problems) if contact.problems else []
    new_problems = old_problems + [p.as_dict() for p in row.problems
                                   if p.as_dict() not in old_problems]
    contact.problems = json.dumps(new_problems, ensure_ascii=False) if new_problems else None
    contact.updated_at = now
    contacts._refresh_derived(contact)
    session.flush()
    linked = set(session.scalars(select(ContactLabel.label_id)
                                 .where(ContactLabel.contact_id == contact_id)))
    for name in row.labels:
        label_id = labels.id_for(session, name)
        if label_id not in linked:
            session.add(ContactLabel(contact_id=contact_id, label_id=label_id))
            linked.add(label_id)
    for definition_id, cols in row.attributes.items():
        if fill_empty_only and definition_id in before_attrs:
            continue
        session.merge(AttributeValue(contact_id=contact_id, definition_id=definition_id, **cols))
    added_notes = []
    for body in row.notes:
        note = Note(contact_id=contact_id, body=body, author=NOTE_AUTHOR, created_at=now,
                    updated_at=now)
        session.add(note)
        session.flush()
        added_notes.append(note.id)
    session.add(ImportChange(job_id=job_id, contact_id=contact_id, before=json.dumps(
        {"values": before, "attributes": {str(k): v for k, v in before_attrs.items()},
         "notes": added_notes}, ensure_ascii=False, default=str)))


def restore_change(session: Session, change: ImportChange) -> None:
    """Put a contact back as it was before the import updated it."""
    saved = json.loads(change.before)
    contacts.apply_values(session, change.contact_id, saved["values"])
    session.execute(AttributeValue.__table__.delete().where(
        AttributeValue.contact_id == change.contact_id))
    for definition_id, cols in saved["attributes"].items():
        if cols.get("value_date"):
            cols["value_date"] = attrs.parse_date(cols["value_date"])
        session.add(AttributeValue(contact_id=change.contact_id,
                                   definition_id=int(definition_id), **cols))
    if saved["notes"]:
        session.execute(Note.__table__.delete().where(Note.id.in_(saved["notes"])))
