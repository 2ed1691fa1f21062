"""A write that waits out a busy database instead of failing at the first obstacle.

Database.write already runs a transaction again when it collided with another user's
(PostgreSQL). SQLite has a second obstacle: another program or HubDesk window holding the
file's write lock past the busy timeout (or SQLite refusing at once while it recovers a
journal) ends in "database is locked". That is worth one more try before the user is told.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from hubdesk.core.db import Database
from hubdesk.core.errors import DatabaseError

# Each attempt already waits up to the busy timeout (10 s) for the lock: two attempts keep
# the worst case bounded for a user who is waiting on it.
LOCKED_ATTEMPTS = 2
T = TypeVar("T")


class DatabaseBusyError(DatabaseError):
    """The database stayed locked by someone else for every attempt; nothing was saved."""


def is_locked(exc: BaseException) -> bool:
    """SQLite's "database is locked" / "busy" (another connection holds the write lock)."""
    if not isinstance(exc, OperationalError):
        return False
    message = str(exc.orig).lower()
    return "locked" in message or "busy" in message


def write_patiently(db: Database, work: Callable[[Session], T], *,
                    attempts: int = LOCKED_ATTEMPTS) -> T:
    """db.write(work), run again when the database was locked. Like db.write, `work` may run
    more than once, so it must change nothing outside its session."""
    for attempt in range(1, attempts + 1):
        try:
            return db.write(work)
        except OperationalError as exc:
            if not is_locked(exc):
                raise
            if attempt == attempts:
                raise DatabaseBusyError(
                    "The database is busy: another program or HubDesk window kept it locked "
                    "too long. Nothing was saved; try again in a moment.") from exc
            # A short random pause: two windows that both waited must not collide again.
            time.sleep(random.uniform(0.02, 0.06) * attempt)
    raise AssertionError("unreachable")
