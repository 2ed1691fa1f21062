"""Writing fixed contacts back in bulk: the fix's columns, the changed additional emails and
phones, and the search columns where they change."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from hubdesk.core.health_fixes.state import _KEPT, _SEARCH, _TOUCHED, ContactState
from hubdesk.core.models import Contact, ContactEmail, ContactPhone
from hubdesk.core.searchtext import derived_columns


def _store(session: Session, fix: str, writes: dict[int, tuple[ContactState, ContactState]]
           ) -> None:
    """Write each contact's new state over its stored one: the fix's columns, changed
    additional emails and phones, and the search columns only where they change (writing
    them re-indexes the contact for search, the costly part; a time zone is not searched)."""
    if not writes:
        return
    own = (*_TOUCHED[fix], *_KEPT)
    rows, searched, emails, phones = [], [], [], []
    for cid, (old, new) in writes.items():
        rows.append({"b_id": cid, **{f"b_{k}": new.values[k] for k in own}})
        if _searchable(old) != _searchable(new):  # else the search columns stay right
            derived = derived_columns({**new.names, **new.values},
                                      list(new.extra_emails.values()),
                                      [p for p, _ in new.extra_phones.values()])
            if any(derived[k] != old.values[k] for k in _SEARCH):
                searched.append({"b_id": cid, **{f"b_{k}": derived[k] for k in _SEARCH}})
        emails += [{"b_id": rid, "b_email": v} for rid, v in new.extra_emails.items()
                   if old.extra_emails.get(rid) != v]
        phones += [{"b_id": rid, "b_phone": v, "b_valid": ok}
                   for rid, (v, ok) in new.extra_phones.items()
                   if old.extra_phones.get(rid) != (v, ok)]
    conn = session.connection()
    conn.execute(_update(own), rows)
    if searched:
        conn.execute(_update(_SEARCH, bump=False), searched)
    if emails:
        conn.execute(_EMAIL_UPDATE, emails)
    if phones:
        conn.execute(_PHONE_UPDATE, phones)


def _searchable(state: ContactState) -> tuple:
    """What of a fix's columns the search columns are made of (names never change here)."""
    return (state.values["email"], state.values["phone"], tuple(state.extra_emails.values()),
            tuple(p for p, _ in state.extra_phones.values()))


_EMAIL_UPDATE = (update(ContactEmail.__table__)
                 .where(ContactEmail.__table__.c.id == bindparam("b_id"))
                 .values(email=bindparam("b_email")))
_PHONE_UPDATE = (update(ContactPhone.__table__)
                 .where(ContactPhone.__table__.c.id == bindparam("b_id"))
                 .values(phone=bindparam("b_phone"), phone_valid=bindparam("b_valid")))


@lru_cache(maxsize=16)
def _update(columns: tuple[str, ...], bump: bool = True):
    table = Contact.__table__
    values: dict[str, Any] = {k: bindparam(f"b_{k}") for k in columns}
    if bump:  # a newer version, also on undo: an editor open on the contact notices
        values["version"] = table.c.version + 1
    return update(table).where(table.c.id == bindparam("b_id")).values(**values)
