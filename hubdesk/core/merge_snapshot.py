"""Everything a merge may change, kept so undo puts every contact back exactly: the contact
rows, every row of every table that refers to them (additional emails and phones, labels,
attribute values, import records, "not duplicates" marks — found from the schema's foreign
keys, so a table added later is covered), and which notes and conversations belonged to whom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from hubdesk.core.db import sync_id_sequences
from hubdesk.core.models import Base, Contact, Conversation, Note

_CONTACTS = Contact.__table__
_MOVED = (Note.__table__, Conversation.__table__)  # re-parented by a merge, not copied


def _dependents() -> list[tuple[Table, list[Any]]]:
    """(table, its columns referring to contacts.id), every such table but the moved ones."""
    out = []
    for table in Base.metadata.sorted_tables:
        if table is _CONTACTS or table in _MOVED:
            continue
        cols = [fk.parent for fk in table.foreign_keys if fk.column.table is _CONTACTS]
        if cols:
            out.append((table, cols))
    return out


@dataclass
class Snapshot:
    ids: list[int]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table → rows
    owners: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # notes → (id, owner)


def take(session: Session, ids: Sequence[int]) -> Snapshot:
    ids = list(ids)
    snap = Snapshot(ids)
    snap.contacts = [dict(r._mapping) for r in session.execute(
        select(_CONTACTS).where(_CONTACTS.c.id.in_(ids)))]
    for table, cols in _dependents():
        snap.rows[table.name] = [dict(r._mapping) for r in session.execute(
            select(table).where(or_(*(c.in_(ids) for c in cols))))]
    for table in _MOVED:
        snap.owners[table.name] = [(r.id, r.contact_id) for r in session.execute(
            select(table.c.id, table.c.contact_id).where(table.c.contact_id.in_(ids)))]
    return snap


def restore(session: Session, snap: Snapshot) -> None:
    """Put the contacts of the snapshot back as they were (some may not exist any more)."""
    session.flush()
    existing = set(session.scalars(select(Contact.id).where(Contact.id.in_(snap.ids))))
    for table, cols in reversed(_dependents()):
        session.execute(delete(table).where(or_(*(c.in_(snap.ids) for c in cols))))
    for row in snap.contacts:
        values = {k: v for k, v in row.items() if k != "id"}
        if row["id"] in existing:
            session.execute(update(_CONTACTS).where(_CONTACTS.c.id == row["id"]).values(values))
        else:
            session.execute(insert(_CONTACTS).values(row))
    for table, _cols in _dependents():
        if snap.rows.get(table.name):
            session.execute(insert(table), snap.rows[table.name])
    sync_id_sequences(session, _CONTACTS.name,
                      *(table.name for table, _ in _dependents() if "id" in table.c))
    for table in _MOVED:
        for row_id, owner in snap.owners.get(table.name, []):
            session.execute(update(table).where(table.c.id == row_id).values(contact_id=owner))
    session.expire_all()  # the ORM's copies of these contacts are out of date now
