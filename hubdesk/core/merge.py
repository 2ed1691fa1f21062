"""Merging contacts field by field, losing nothing, undoable exactly.

The user picks, per field (or group of fields that belong together: the name, the address),
whose value the kept contact gets; by default the most recently updated contact that has
one. What is not picked is kept, not dropped: other emails and phones become additional
ones, every other differing value goes into a note "Merged from …". The kept contact gets
the union of labels, additional emails and phones, every note and conversation, the custom
attribute values picked (others noted), the earliest created and the latest activity time.
The others are then deleted. One transaction; `undo_merge` restores every contact as it was,
same ids, from the snapshot taken first.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core import merge_snapshot
from hubdesk.core.clock import utcnow
from hubdesk.core.contacts import _refresh_derived
from hubdesk.core.errors import HubDeskError
from hubdesk.core.labels import labels_of, set_contact_labels
from hubdesk.core.models import (
    AttributeValue,
    Contact,
    ContactEmail,
    ContactPhone,
    Conversation,
    Note,
)
from hubdesk.core.normalize import display_name
from hubdesk.core.notes import add_note

# Fields chosen together: a first name from one contact and a last name from another is
# never what anyone means.
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("first_name", "last_name", "first_name_reading", "last_name_reading"),
    "email": ("email",),
    "phone": ("phone", "phone_valid"),
    "company": ("company",),
    "job_title": ("job_title",),
    "timezone": ("timezone",),
    "address": ("address_street", "address_city", "address_region", "address_postal_code",
                "address_country"),
    "subscription_status": ("subscription_status",),
    "external_id": ("external_id",),
}
GROUP_LABELS = {"name": "Name", "email": "Email", "phone": "Phone", "company": "Company",
                "job_title": "Job title", "timezone": "Time zone", "address": "Address",
                "subscription_status": "Subscription", "external_id": "Identifier"}


class MergeError(HubDeskError):
    pass


@dataclass
class MergeChoice:
    """One line of the merge dialog: each contact's value, and whose is chosen."""

    key: str  # a FIELD_GROUPS key, or attr:KEY
    label: str
    values: dict[int, str]  # contact id → the value as shown ("" when it has none)
    chosen: int  # contact id


@dataclass
class MergePlan:
    ids: list[int]  # in the order to show them, the suggested keeper first
    names: dict[int, str]
    choices: list[MergeChoice]


@dataclass
class MergeRecord:
    keep_id: int
    other_ids: list[int]
    snapshot: merge_snapshot.Snapshot
    note_id: int | None = None
    kept_values: list[str] = field(default_factory=list)  # what went into the note


def _show(group: str, c: Contact) -> str:
    if group == "name":
        name = display_name(c.first_name, c.last_name)
        reading = " ".join(p for p in (c.last_name_reading, c.first_name_reading) if p)
        return f"{name} ({reading})" if reading and name else name or reading
    if group == "address":
        return ", ".join(p for p in (c.address_street, c.address_city, c.address_region,
                                     c.address_postal_code, c.address_country) if p)
    if group == "subscription_status":
        return "" if c.subscription_status == "unknown" else c.subscription_status
    if group == "phone":
        return c.phone or ""
    return str(getattr(c, FIELD_GROUPS[group][0]) or "")


def _live_contacts(session: Session, ids: Sequence[int]) -> list[Contact]:
    if len(ids) < 2:
        raise MergeError("choose at least two contacts to merge")
    if len(set(ids)) != len(ids):
        raise MergeError("a contact cannot be merged with itself")
    found = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))}
    for cid in ids:
        c = found.get(cid)
        if c is None:
            raise MergeError(f"no contact with id {cid}")
        if c.deleted_at is not None:
            raise MergeError(f"contact {cid} is in the Trash; restore it before merging")
    return [found[cid] for cid in ids]


def plan_merge(session: Session, ids: Sequence[int], keep_id: int | None = None) -> MergePlan:
    """What the merge dialog shows: per field each contact's value and the default choice
    (the most recently updated contact that has a value)."""
    contacts = _live_contacts(session, list(ids))
    newest_first = sorted(contacts, key=lambda c: (c.updated_at, c.id), reverse=True)
    keep = keep_id if keep_id is not None else newest_first[0].id
    if keep not in ids:
        raise MergeError(f"contact {keep} is not one of the contacts being merged")
    order = [keep] + [c.id for c in contacts if c.id != keep]
    by_id = {c.id: c for c in contacts}
    choices = []
    for group in FIELD_GROUPS:
        values = {cid: _show(group, by_id[cid]) for cid in order}
        if not any(values.values()):
            continue
        chosen = next(c.id for c in newest_first if values[c.id])
        choices.append(MergeChoice(group, GROUP_LABELS[group], values, chosen))
    for info in attrs.list_attributes(session):
        rows = {v.contact_id: v for v in session.scalars(select(AttributeValue).where(
            AttributeValue.definition_id == info.id, AttributeValue.contact_id.in_(order)))}
        values = {cid: _attr_text(info, rows.get(cid)) for cid in order}
        if not any(values.values()):
            continue
        chosen = next(c.id for c in newest_first if values[c.id])
        choices.append(MergeChoice(f"attr:{info.key}", info.label, values, chosen))
    names = {cid: _show("name", by_id[cid]) or by_id[cid].email or f"#{cid}" for cid in order}
    return MergePlan(order, names, choices)


def _attr_text(info: attrs.AttributeInfo, row: AttributeValue | None) -> str:
    if row is None:
        return ""
    value = attrs.typed_value(info, row)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def merge_contacts(session: Session, keep_id: int, other_ids: Sequence[int],
                   choices: dict[str, int] | None = None, *, author: str = "") -> MergeRecord:
    """Merge others into keep; `choices` maps a field group or attr:KEY to the contact whose
    value wins (the rest follow plan_merge's defaults)."""
    other_ids = list(other_ids)
    if keep_id in other_ids:
        raise MergeError("a contact cannot be merged with itself")
    ids = [keep_id, *other_ids]
    plan = plan_merge(session, ids, keep_id)
    picked = {c.key: c.chosen for c in plan.choices} | dict(choices or {})
    for key, cid in picked.items():
        if cid not in ids:
            raise MergeError(f"{key}: contact {cid} is not one of the contacts being merged")
    snapshot = merge_snapshot.take(session, ids)
    contacts = {c.id: c for c in _live_contacts(session, ids)}
    keep = contacts[keep_id]
    record = MergeRecord(keep_id, other_ids, snapshot)
    noted: list[str] = []

    # Fields: the chosen contact's values; emails and phones not chosen become additional.
    # Everything is read before the kept contact (one of them) is changed.
    shown = {g: {cid: _show(g, c) for cid, c in contacts.items()} for g in FIELD_GROUPS}
    originals = {cid: {col: getattr(c, col) for cols in FIELD_GROUPS.values() for col in cols}
                 for cid, c in contacts.items()}
    extra_emails = [e.email for c in contacts.values() for e in c.emails]
    extra_phones = [(p.phone, p.phone_valid) for c in contacts.values() for p in c.phones]
    for group, columns in FIELD_GROUPS.items():
        source = picked.get(group, keep_id)
        for col in columns:
            setattr(keep, col, originals[source][col])
        for cid in ids:
            value = shown[group][cid]
            if cid == source or not value or value == shown[group][source]:
                continue
            if group == "email":
                extra_emails.append(originals[cid]["email"] or "")
            elif group == "phone":
                extra_phones.append((originals[cid]["phone"] or "", originals[cid]["phone_valid"]))
            else:
                noted.append(f"{GROUP_LABELS[group]}: {value} ({plan.names[cid]}, #{cid})")
    seen_emails = {(keep.email or "").lower()}
    keep.emails = []
    for email in extra_emails:
        if email and email.lower() not in seen_emails:
            seen_emails.add(email.lower())
            keep.emails.append(ContactEmail(email=email, position=len(keep.emails)))
    seen_phones = {keep.phone or ""}
    keep.phones = []
    for phone, valid in extra_phones:
        if phone and phone not in seen_phones:
            seen_phones.add(phone)
            keep.phones.append(ContactPhone(phone=phone, phone_valid=valid,
                                            position=len(keep.phones)))
    keep.created_at = min(c.created_at for c in contacts.values())
    activity = [c.last_activity_at for c in contacts.values() if c.last_activity_at]
    keep.last_activity_at = max(activity) if activity else None
    problems = []
    for c in contacts.values():
        try:
            problems += json.loads(c.problems or "[]")
        except ValueError:
            continue
    unique = list({json.dumps(p, sort_keys=True): p for p in problems}.values())
    keep.problems = json.dumps(unique, ensure_ascii=False) if unique else None
    keep.updated_at = utcnow()
    _refresh_derived(keep)
    session.flush()

    # Labels: every one any of them had.
    names = [lb.name for cid in ids for lb in labels_of(session, cid)]
    set_contact_labels(session, keep_id, list(dict.fromkeys(names)))

    # Custom attributes: the chosen value; the others' differing values go into the note.
    for info in attrs.list_attributes(session):
        key = f"attr:{info.key}"
        rows = {v.contact_id: v for v in session.scalars(select(AttributeValue).where(
            AttributeValue.definition_id == info.id, AttributeValue.contact_id.in_(ids)))}
        if not rows:
            continue
        source = picked.get(key, keep_id)
        chosen = rows.get(source)
        for cid, row in rows.items():
            text = _attr_text(info, row)
            if cid != source and text and text != _attr_text(info, chosen):
                noted.append(f"{info.label}: {text} ({plan.names[cid]}, #{cid})")
        session.execute(delete(AttributeValue).where(AttributeValue.contact_id == keep_id,
                                                     AttributeValue.definition_id == info.id))
        if chosen is not None:
            session.add(AttributeValue(contact_id=keep_id, definition_id=info.id,
                                       value_text=chosen.value_text,
                                       value_number=chosen.value_number,
                                       value_date=chosen.value_date,
                                       value_bool=chosen.value_bool))
    session.flush()

    # Notes and conversations move; the others go.
    for table in (Note, Conversation):
        session.execute(update(table).where(table.contact_id.in_(other_ids))
                        .values(contact_id=keep_id).execution_options(synchronize_session=False))
    merged_from = ", ".join(f"{plan.names[cid]} (#{cid})" for cid in other_ids)
    body = f"Merged from {merged_from}."
    if noted:
        body += "\nValues not kept:\n" + "\n".join(f"• {line}" for line in noted)
    record.note_id = add_note(session, keep_id, body, author=author)
    record.kept_values = noted
    session.execute(delete(Contact).where(Contact.id.in_(other_ids))
                    .execution_options(synchronize_session=False))
    session.flush()
    session.expire_all()
    return record


def undo_merge(session: Session, record: MergeRecord) -> None:
    """Every contact of the merge back exactly as it was, same ids."""
    if record.note_id is not None:
        session.execute(delete(Note).where(Note.id == record.note_id))
    merge_snapshot.restore(session, record.snapshot)
