"""Finding the contact a row is about: by email (ignoring case and surrounding spaces), then
by phone (E.164, so notation does not matter) — in the database and earlier in the file."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.core.models import Contact, ContactEmail, ContactPhone

CHUNK = 500


def existing_by_email(session: Session, keys: Iterable[str]) -> dict[str, int]:
    keys = sorted({k for k in keys if k})
    found: dict[str, int] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        primary = session.execute(
            select(func.lower(Contact.email), func.min(Contact.id))
            .where(Contact.deleted_at.is_(None), func.lower(Contact.email).in_(chunk))
            .group_by(func.lower(Contact.email)))
        for key, cid in primary:
            found.setdefault(key, cid)
        extra = session.execute(
            select(func.lower(ContactEmail.email), func.min(ContactEmail.contact_id))
            .join(Contact, Contact.id == ContactEmail.contact_id)
            .where(Contact.deleted_at.is_(None), func.lower(ContactEmail.email).in_(chunk))
            .group_by(func.lower(ContactEmail.email)))
        for key, cid in extra:
            found.setdefault(key, cid)
    return found


def existing_by_phone(session: Session, keys: Iterable[str]) -> dict[str, int]:
    keys = sorted({k for k in keys if k})
    found: dict[str, int] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        primary = session.execute(
            select(Contact.phone, func.min(Contact.id))
            .where(Contact.deleted_at.is_(None), Contact.phone.in_(chunk))
            .group_by(Contact.phone))
        for key, cid in primary:
            found.setdefault(key, cid)
        extra = session.execute(
            select(ContactPhone.phone, func.min(ContactPhone.contact_id))
            .join(Contact, Contact.id == ContactPhone.contact_id)
            .where(Contact.deleted_at.is_(None), ContactPhone.phone.in_(chunk))
            .group_by(ContactPhone.phone))
        for key, cid in extra:
            found.setdefault(key, cid)
    return found
