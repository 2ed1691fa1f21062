"""Contact services: create, read, update, trash, restore, purge. Plain values out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from hubdesk.core import attributes as attrs
from hubdesk.core.batches import chunks
from hubdesk.core.clock import utcnow
from hubdesk.core.conversations import conversations_for
from hubdesk.core.db import ConcurrentEditError, sync_id_sequences
from hubdesk.core.errors import NotFoundError, ValidationError
from hubdesk.core.fields import EDITABLE_KEYS
from hubdesk.core.labels import add_labels, set_contact_labels
from hubdesk.core.models import (
    Contact,
    ContactEmail,
    ContactLabel,
    ContactPhone,
    Conversation,
    Label,
    Note,
)
from hubdesk.core.normalize import display_name, initials
from hubdesk.core.notes import notes_for
from hubdesk.core.searchtext import derived_columns
from hubdesk.core.validation import clean_contact_fields, require_some_identity

CONTACT_FIELDS = (
    "first_name", "last_name", "first_name_reading", "last_name_reading", "email", "phone",
    "phone_valid", "company", "job_title", "timezone", "address_street", "address_city",
    "address_region", "address_postal_code", "address_country", "subscription_status",
    "external_id",
)


@dataclass(frozen=True)
class ListRow:
    """What one row of the contact list shows."""

    id: int
    name: str
    initials: str
    email: str
    phone: str
    phone_valid: bool
    company: str
    subscription_status: str
    last_activity_at: datetime | None
    labels: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (name, colour)


def _problems(values: Mapping[str, Any], before: str | None = None,
              changed: Iterable[str] = ()) -> str | None:
    """The contact's problem flags after a save: those recorded `before` (an import's, e.g. an
    unreadable birthday) stay unless the save changed their field; the phone is checked
    again whenever it changed."""
    changed = set(changed)
    kept = [p for p in (json.loads(before) if before else [])
            if not isinstance(p, dict) or p.get("field") not in changed]
    checked = not before or "phone" in changed or "phone_valid" in changed
    if checked and values.get("phone") and values.get("phone_valid") is False:
        kept.append({"field": "phone", "message": f"'{values['phone']}' is not a valid number"})
    return json.dumps(kept, ensure_ascii=False) if kept else None


def _refresh_derived(contact: Contact) -> None:
    row = {k: getattr(contact, k) for k in CONTACT_FIELDS}
    derived = derived_columns(
        row, [e.email for e in contact.emails], [p.phone for p in contact.phones]
    )
    for key, value in derived.items():
        setattr(contact, key, value)


def create_contact(
    session: Session,
    data: Mapping[str, Any],
    *,
    region: str | None = None,
    labels: Sequence[str] = (),
    attributes: Mapping[str, Any] | None = None,
    extra_emails: Sequence[str] = (),
    extra_phones: Sequence[str] = (),
    import_job_id: int | None = None,
    now: datetime | None = None,
    contact_id: int | None = None,
) -> int:
    values, emails, phones = _clean_all(data, extra_emails, extra_phones, region, False)
    require_some_identity(values)
    now = now or utcnow()
    contact = Contact(**values, problems=_problems(values), created_at=now, updated_at=now,
                      import_job_id=import_job_id, id=contact_id)
    contact.emails, contact.phones = emails, phones
    _refresh_derived(contact)
    session.add(contact)
    session.flush()
    if contact_id is not None:  # undo of a delete brings the contact back with its id
        sync_id_sequences(session, "contacts", "contact_emails", "contact_phones")
    if labels:
        add_labels(session, contact.id, list(labels))
    if attributes:
        attrs.set_attribute_values(session, contact.id, dict(attributes))
    return contact.id


def _live(session: Session, contact_id: int, *, include_trashed: bool = False) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or (contact.deleted_at is not None and not include_trashed):
        raise NotFoundError(f"no contact with id {contact_id}")
    return contact


def _clean_extras(
    emails: Sequence[str], phones: Sequence[str], region: str | None
) -> tuple[list[ContactEmail], list[ContactPhone]]:
    """Additional emails and phones; blank rows are skipped, but an error names the row as
    the user typed it (emails[2] is the third row, blank rows counted)."""
    errors: dict[str, str] = {}
    out_e: list[ContactEmail] = []
    out_p: list[ContactPhone] = []
    for i, email in enumerate(emails):
        if not (email or "").strip():
            continue
        try:
            value = clean_contact_fields({"email": email}, partial=True)["email"]
            out_e.append(ContactEmail(email=value, position=len(out_e)))
        except ValidationError as exc:
            errors[f"emails[{i}]"] = exc.errors["email"]
    for i, raw in enumerate(phones):
        if not (raw or "").strip():
            continue
        try:
            p = clean_contact_fields({"phone": raw}, region=region, partial=True)
            out_p.append(ContactPhone(phone=p["phone"], phone_valid=p["phone_valid"],
                                      position=len(out_p)))
        except ValidationError as exc:
            errors[f"phones[{i}]"] = exc.errors["phone"]
    if errors:
        raise ValidationError(errors)
    return out_e, out_p


def _clean_all(
    data: Mapping[str, Any], emails: Sequence[str], phones: Sequence[str],
    region: str | None, partial: bool,
) -> tuple[dict[str, Any], list[ContactEmail], list[ContactPhone]]:
    """Fields and additional values together, so every bad value is reported at once."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    extras: tuple[list[ContactEmail], list[ContactPhone]] = ([], [])
    try:
        values = clean_contact_fields(data, region=region, partial=partial)
    except ValidationError as exc:
        errors |= exc.errors
    try:
        extras = _clean_extras(emails, phones, region)
    except ValidationError as exc:
        errors |= exc.errors
    if errors:
        raise ValidationError(errors)
    return values, *extras


def update_contact(
    session: Session,
    contact_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    region: str | None = None,
    extra_emails: Sequence[str] | None = None,
    extra_phones: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
) -> int:
    """Apply changed fields (and, when given, replace the additional emails, phones and
    labels); returns the new version. Refuses a stale expected_version."""
    contact = _live(session, contact_id)
    if expected_version is not None and contact.version != expected_version:
        raise ConcurrentEditError(
            f"contact {contact_id} was changed by someone else (version {contact.version}, "
            f"you opened version {expected_version})"
        )
    values, emails, phones = _clean_all(changes, extra_emails or (), extra_phones or (),
                                        region, True)
    current = {k: getattr(contact, k) for k in CONTACT_FIELDS}
    merged = current | values
    changed = [k for k, v in values.items() if current.get(k) != v]
    if extra_emails is not None and list(extra_emails) != [e.email for e in contact.emails]:
        changed.append("extra_emails")
    if extra_phones is not None and list(extra_phones) != [p.phone for p in contact.phones]:
        changed.append("extra_phones")
    require_some_identity(merged)
    # Any load below may flush the change early (autoflush): a colleague's save committed
    # meanwhile shows up there as a stale version, not only at the flush at the end.
    try:
        for key, value in values.items():
            setattr(contact, key, value)
        if extra_emails is not None:
            contact.emails = emails
        if extra_phones is not None:
            contact.phones = phones
        contact.problems = _problems(merged, contact.problems, changed)
        contact.updated_at = utcnow()
        _refresh_derived(contact)
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEditError(f"contact {contact_id} was changed by someone else") from exc
    if labels is not None:
        set_contact_labels(session, contact_id, list(labels))
    return contact.version


def editable_values(session: Session, contact_id: int) -> dict[str, Any]:
    """What the edit dialog shows and what undo restores: every editable field as text,
    the additional emails and phones, the label names and the version. `phone_valid` and
    `extra_phones_valid` say which numbers were kept as typed."""
    # Only what an edit touches (no notes, conversations or attributes): imports take
    # this snapshot for every contact they update.
    c = _live(session, contact_id)
    out: dict[str, Any] = {key: ("" if getattr(c, key) is None else getattr(c, key))
                           for key in EDITABLE_KEYS}
    out["phone_valid"] = c.phone_valid
    out["extra_emails"] = [e.email for e in c.emails]
    out["extra_phones"] = [p.phone for p in c.phones]
    out["extra_phones_valid"] = [p.phone_valid for p in c.phones]
    out["labels"] = [lb.name for lb in c.labels]
    out["problems"] = c.problems  # so undo puts back flags an edit cleared
    out["version"] = c.version
    return out


def apply_values(session: Session, contact_id: int, values: Mapping[str, Any]) -> int:
    """Put back exactly what editable_values() saw (undo of an edit). The values came from
    the database, so they are written as they were — a number kept as typed stays so, even
    if today's default region would read it differently."""
    contact = _live(session, contact_id)
    for key in EDITABLE_KEYS:
        if key in values:
            value = values[key]
            nullable = key in ("email", "phone", "timezone", "external_id")
            setattr(contact, key, (value or None) if nullable else value)
    contact.phone_valid = bool(values.get("phone_valid", True))
    if "extra_emails" in values:
        contact.emails = [ContactEmail(email=e, position=i)
                          for i, e in enumerate(values["extra_emails"])]
    if "extra_phones" in values:
        valid = values.get("extra_phones_valid") or [True] * len(values["extra_phones"])
        contact.phones = [ContactPhone(phone=p, phone_valid=v, position=i)
                          for i, (p, v) in enumerate(zip(values["extra_phones"], valid,
                                                         strict=False))]
    if "problems" in values:  # a snapshot from editable_values: put back as it was
        contact.problems = values["problems"] or None
    else:
        contact.problems = _problems({k: getattr(contact, k) for k in CONTACT_FIELDS})
    contact.updated_at = utcnow()
    _refresh_derived(contact)
    session.flush()
    if "labels" in values:
        set_contact_labels(session, contact_id, list(values["labels"]))
    return contact.version


def trash_contacts(session: Session, ids: Iterable[int]) -> int:
    """Move to Trash; returns how many were live. Restorable until purged."""
    now, done = utcnow(), 0
    for batch in chunks(ids):
        result = session.execute(
            update(Contact).where(Contact.id.in_(batch), Contact.deleted_at.is_(None))
            .values(deleted_at=now).execution_options(synchronize_session=False)
        )
        done += result.rowcount or 0
    return done


def restore_contacts(session: Session, ids: Iterable[int]) -> int:
    done = 0
    for batch in chunks(ids):
        result = session.execute(
            update(Contact).where(Contact.id.in_(batch), Contact.deleted_at.is_not(None))
            .values(deleted_at=None).execution_options(synchronize_session=False)
        )
        done += result.rowcount or 0
    return done


def purge_contacts(session: Session, ids: Iterable[int], *, include_live: bool = False) -> int:
    """Delete for good, only from Trash unless include_live (undoing a create): a live
    contact is never purged by accident."""
    done = 0
    for batch in chunks(ids):
        stmt = delete(Contact).where(Contact.id.in_(batch))
        if not include_live:
            stmt = stmt.where(Contact.deleted_at.is_not(None))
        done += session.execute(stmt.execution_options(synchronize_session=False)).rowcount or 0
    return done


def empty_trash(session: Session) -> int:
    result = session.execute(
        delete(Contact).where(Contact.deleted_at.is_not(None))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def get_contact(session: Session, contact_id: int, *, include_trashed: bool = False) -> dict:
    """Everything about one contact as plain values (the `show --json` shape)."""
    c = session.scalar(
        select(Contact).where(Contact.id == contact_id)
        .options(selectinload(Contact.emails), selectinload(Contact.phones),
                 selectinload(Contact.labels))
    )
    if c is None or (c.deleted_at is not None and not include_trashed):
        raise NotFoundError(f"no contact with id {contact_id}")
    out: dict[str, Any] = {"id": c.id, "name": display_name(c.first_name, c.last_name)}
    out |= {k: getattr(c, k) for k in CONTACT_FIELDS}
    out |= {
        "problems": json.loads(c.problems) if c.problems else [],
        "created_at": _iso(c.created_at), "updated_at": _iso(c.updated_at),
        "last_activity_at": _iso(c.last_activity_at), "deleted_at": _iso(c.deleted_at),
        "version": c.version,
        "emails": [{"email": e.email, "label": e.label} for e in c.emails],
        "phones": [{"phone": p.phone, "label": p.label, "valid": p.phone_valid}
                   for p in c.phones],
        "labels": [{"name": lb.name, "color": lb.color} for lb in c.labels],
        "attributes": attrs.attribute_values(session, c.id),
        "notes": notes_for(session, c.id),
        "conversations": conversations_for(session, c.id),
    }
    return out


IDS_PER_QUERY = 900  # below every database's limit on bound parameters


def list_rows(session: Session, ids: Sequence[int]) -> dict[int, ListRow]:
    """The list's columns for ids: two queries per 900 ids, so any number works."""
    if len(ids) > IDS_PER_QUERY:
        out: dict[int, ListRow] = {}
        for start in range(0, len(ids), IDS_PER_QUERY):
            out |= list_rows(session, ids[start : start + IDS_PER_QUERY])
        return out
    if not ids:
        return {}
    cols = (Contact.id, Contact.first_name, Contact.last_name, Contact.email, Contact.phone,
            Contact.phone_valid, Contact.company, Contact.subscription_status,
            Contact.last_activity_at)
    labels: dict[int, list[tuple[str, str]]] = {}
    for cid, name, color in session.execute(
        select(ContactLabel.contact_id, Label.name, Label.color)
        .join(Label, Label.id == ContactLabel.label_id)
        .where(ContactLabel.contact_id.in_(ids))
        .order_by(Label.name_key)
    ):
        labels.setdefault(cid, []).append((name, color))
    rows: dict[int, ListRow] = {}
    for r in session.execute(select(*cols).where(Contact.id.in_(ids))):
        email = r.email or ""
        rows[r.id] = ListRow(
            id=r.id,
            name=display_name(r.first_name, r.last_name),
            initials=initials(r.first_name, r.last_name, email or r.company or "#"),
            email=email,
            phone=r.phone or "",
            phone_valid=bool(r.phone_valid),
            company=r.company or "",
            subscription_status=r.subscription_status,
            last_activity_at=r.last_activity_at,
            labels=tuple(labels.get(r.id, ())),
        )
    return rows


def stats(session: Session) -> dict[str, int]:
    def count(stmt) -> int:
        return int(session.scalar(stmt) or 0)

    return {
        "contacts": count(select(func.count()).select_from(Contact)
                          .where(Contact.deleted_at.is_(None))),
        "trashed": count(select(func.count()).select_from(Contact)
                         .where(Contact.deleted_at.is_not(None))),
        "labels": count(select(func.count()).select_from(Label)),
        "conversations": count(select(func.count()).select_from(Conversation)),
        "notes": count(select(func.count()).select_from(Note)),
        "invalid_phones": count(select(func.count()).select_from(Contact)
                                .where(Contact.deleted_at.is_(None),
                                       Contact.phone_valid.is_(False))),
    }



def first_last_names(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[start : start + IDS_PER_QUERY]
        rows = session.execute(select(Contact.id, Contact.first_name, Contact.last_name)
                               .where(Contact.id.in_(chunk)))
        out |= {r.id: (r.first_name, r.last_name) for r in rows}
    return out


def contacts_with_email(session: Session, email: str) -> list[int]:
    """Live contacts that have this email, primary or additional, ignoring case.

    Two contacts may share an email (people share inboxes; imports bring duplicates); this is
    how the editor, the importer and the duplicate finder notice it.
    """
    key = (email or "").strip().lower()
    if not key:
        return []
    primary = select(Contact.id).where(Contact.deleted_at.is_(None),
                                       func.lower(Contact.email) == key)
    additional = (
        select(ContactEmail.contact_id)
        .join(Contact, Contact.id == ContactEmail.contact_id)
        .where(Contact.deleted_at.is_(None), func.lower(ContactEmail.email) == key)
    )
    return sorted(set(session.scalars(primary)) | set(session.scalars(additional)))
