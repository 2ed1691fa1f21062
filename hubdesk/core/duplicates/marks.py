"""The "not duplicates" marks: pairs of contacts the user said are different people, which
the scan and the lookup no longer link."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.orm import Session

from hubdesk.core.batches import chunks
from hubdesk.core.clock import utcnow
from hubdesk.core.errors import HubDeskError, NotFoundError
from hubdesk.core.models import Contact, NotDuplicate

MARK_LIMIT = 200  # "Not duplicates" is for a group, and records every pair in it


def _pairs(ids: Iterable[int]) -> list[tuple[int, int]]:
    return list(combinations(sorted(set(ids)), 2))


def mark_not_duplicates(session: Session, ids: Iterable[int]) -> list[tuple[int, int]]:
    """Remember that these contacts are different people: every pair among them. Returns the
    pairs newly recorded; unmarking exactly those (pair by pair) undoes it."""
    unique = sorted(set(ids))
    if len(unique) > MARK_LIMIT:
        raise HubDeskError(f"'Not duplicates' takes at most {MARK_LIMIT} contacts at once")
    if len(unique) < 2:
        return []
    known = set(session.scalars(select(Contact.id).where(Contact.id.in_(unique))))
    if missing := [i for i in unique if i not in known]:
        raise NotFoundError(f"no contact with id {missing[0]}")
    existing = {(a, b) for a, b in session.execute(
        select(NotDuplicate.low_id, NotDuplicate.high_id).where(
            NotDuplicate.low_id.in_(unique), NotDuplicate.high_id.in_(unique)))}
    new = [pair for pair in _pairs(unique) if pair not in existing]
    if new:
        now = utcnow()
        session.execute(insert(NotDuplicate), [
            {"low_id": a, "high_id": b, "created_at": now} for a, b in new])
    return new


def unmark_not_duplicates(session: Session, ids: Iterable[int]) -> int:
    """Forget every "not duplicates" pair among these contacts; returns how many."""
    pairs = _pairs(ids)
    if not pairs:
        return 0
    removed = 0
    for chunk in chunks(pairs, 400):
        result = session.execute(delete(NotDuplicate).where(
            tuple_(NotDuplicate.low_id, NotDuplicate.high_id).in_(chunk)))
        removed += result.rowcount or 0
    return removed
