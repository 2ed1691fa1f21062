"""Where each live contact stands in name order, kept in memory while nobody changes the data.

A search term common among a million contacts matches tens of thousands of them; putting
its first page in name order in SQL means looking up every match's sort name (about 0.6 µs
each, 15–40 ms for such terms). With every contact's position in an array (4 bytes a
contact, built in ~0.4 s) the same first page is the index's matching ids and a heap over
their positions: a few milliseconds on top of reading the ids.

The array is only ever used for exactly the data it was built from: it carries the change
token (Database.changes_since) taken before it was read, and a search checks the token
*after* it read its matches, inside the same read transaction — had anyone committed in
between, the check says so and the search answers in SQL instead. Any change at all (an
edit, a delete, an import) retires the array; the app builds a new one in the background
after its next search (`refresh`). SQLite only: on PostgreSQL reading the matches is the
expensive part.
"""

from __future__ import annotations

import heapq
import threading
import weakref
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from hubdesk.core.db import Database

NOT_LIVE = 2**31 - 1  # the rank of an id that is not a live contact (trashed, or no contact)

_cache: weakref.WeakKeyDictionary[Database, SortRanks] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_building: weakref.WeakSet[Database] = weakref.WeakSet()


@dataclass(frozen=True)
class SortRanks:
    db: Database
    token: int  # Database.changes_since's token before the ranks were read
    rank: array  # rank[id]: the contact's position in name order (NOT_LIVE if none)
    order: array  # order[position]: the contact id there

    def still_current(self) -> bool:
        changed, _ = self.db.changes_since(self.token)
        return not changed

    def first(self, ids: Sequence[int], n: int, descending: bool = False) -> list[int] | None:
        """The first n of `ids` (live ones only) in name order, or None when an id is newer
        than the ranks (it cannot be placed)."""
        rank = self.rank
        if ids and max(ids) >= len(rank):
            return None
        positions = map(rank.__getitem__, ids)
        if descending:
            best = heapq.nlargest(n, (p for p in positions if p != NOT_LIVE))
        else:
            best = [p for p in heapq.nsmallest(n, positions) if p != NOT_LIVE]
        return [self.order[p] for p in best]


def current(db: Database) -> SortRanks | None:
    """The ranks for the data as it is now, or None (never built, or something changed)."""
    with _lock:
        ranks = _cache.get(db)
    if ranks is None or not ranks.still_current():
        return None
    return ranks


def refresh(db: Database) -> SortRanks | None:
    """Build the ranks again unless they are current or another thread is building them
    (then None). Meant for a background job: ~0.4 s and 8 MB for a million contacts."""
    if db.dialect != "sqlite":
        return None
    with _lock:
        ranks = _cache.get(db)
        if db in _building:
            return None
        _building.add(db)
    try:
        if ranks is not None and ranks.still_current():
            return ranks
        _, token = db.changes_since(None)  # before reading: a change meanwhile retires it
        with db.read_session() as s:
            ranks = _read(s, db, token)
        with _lock:
            _cache[db] = ranks
        return ranks
    finally:
        with _lock:
            _building.discard(db)


def forget(db: Database) -> None:
    with _lock:
        _cache.pop(db, None)


def _read(session: Session, db: Database, token: int) -> SortRanks:
    conn = session.connection()
    top = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM contacts")).scalar_one()
    rank = array("i", [NOT_LIVE]) * (top + 1)
    order = array("i")
    # The order of query._order_by for sort "name" (sort_name is never NULL), read along
    # the index made for it.
    rows = conn.execute(text(
        "SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY sort_name, id"))
    for position, (contact_id,) in enumerate(rows):
        rank[contact_id] = position
        order.append(contact_id)
    return SortRanks(db, token, rank, order)
