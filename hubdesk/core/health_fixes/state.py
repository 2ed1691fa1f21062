"""A contact as a Health fix reads it: the values a fix may touch and what the search columns
are made of, copied to make the changed state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.core.health_fixes.preview import EMAILS, PHONES, TIMEZONES, _live
from hubdesk.core.models import Contact, ContactEmail, ContactPhone

# What a fix writes on each contact it changes: its own columns, then these. The search
# columns are recomputed from what the contact holds, and written only when they change.
_TOUCHED = {PHONES: ("phone", "phone_valid"), EMAILS: ("email",), TIMEZONES: ("timezone",)}
_KEPT = ("problems", "updated_at")
_SEARCH = ("sort_name", "search_text", "search_grams")
_READ = ("email", "phone", "phone_valid", "timezone", *_KEPT, *_SEARCH)
_NAMES = ("first_name", "last_name", "first_name_reading", "last_name_reading", "company")


@dataclass
class ContactState:
    """One contact as stored: the values a fix may touch, and what the search columns are
    made of."""

    values: dict[str, Any]  # _READ
    names: dict[str, Any]  # _NAMES (never changed here)
    extra_emails: dict[int, str]  # row id → email, in order
    extra_phones: dict[int, tuple[str, bool]]  # row id → (phone, valid), in order

    def get(self, key: str) -> str:
        kind, _, row = key.partition(":")
        if kind == "extra_email":
            return self.extra_emails.get(int(row), "\x00gone")
        if kind == "extra_phone":
            return self.extra_phones.get(int(row), ("\x00gone", False))[0]
        return self.values.get(key) or ""

    def set(self, key: str, value: str) -> None:
        kind, _, row = key.partition(":")
        if kind == "extra_email":
            self.extra_emails[int(row)] = value
        elif kind == "extra_phone":
            self.extra_phones[int(row)] = (value, True)
        else:
            self.values[key] = value
            if key == "phone":
                self.values["phone_valid"] = True

    def row(self, fix: str) -> tuple:
        """What undo and redo need of it: the columns the fix writes, compactly."""
        return tuple(self.values[k] for k in (*_TOUCHED[fix], *_KEPT))

    def extra(self, key: str) -> tuple[str, bool]:
        kind, _, row = key.partition(":")
        if kind == "extra_email":
            return self.extra_emails[int(row)], True
        return self.extra_phones[int(row)]


def _read_states(session: Session, ids: list[int], *, live_only: bool = True
                 ) -> dict[int, ContactState]:
    cols = [getattr(Contact, k) for k in (*_READ, *_NAMES)]
    out = {}
    stmt = select(Contact.id, *cols).where(Contact.id.in_(ids))
    for cid, *values in session.execute(stmt.where(_live()) if live_only else stmt):
        out[cid] = ContactState(dict(zip(_READ, values[:len(_READ)], strict=True)),
                                dict(zip(_NAMES, values[len(_READ):], strict=True)), {}, {})
    for rid, cid, email in session.execute(
            select(ContactEmail.id, ContactEmail.contact_id, ContactEmail.email)
            .where(ContactEmail.contact_id.in_(list(out)))
            .order_by(ContactEmail.contact_id, ContactEmail.position, ContactEmail.id)):
        out[cid].extra_emails[rid] = email
    for rid, cid, phone, valid in session.execute(
            select(ContactPhone.id, ContactPhone.contact_id, ContactPhone.phone,
                   ContactPhone.phone_valid)
            .where(ContactPhone.contact_id.in_(list(out)))
            .order_by(ContactPhone.contact_id, ContactPhone.position, ContactPhone.id)):
        out[cid].extra_phones[rid] = (phone, bool(valid))
    return out


def _copy(state: ContactState) -> ContactState:
    return replace(state, values=dict(state.values), extra_emails=dict(state.extra_emails),
                   extra_phones=dict(state.extra_phones))
