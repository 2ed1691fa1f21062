"""Copy every row of one HubDesk database into another, empty one: "copy my contacts to the
team server" (SQLite → PostgreSQL) and back (a local copy of a team database).

The rows are read from one snapshot of the source, so a colleague writing meanwhile cannot
make the copy inconsistent, and written in one transaction on the target: the row counts of
every table are compared before it commits, and any failure (a mismatch, an error, Cancel)
rolls the whole copy back, leaving the target as it was. Ids are kept, so references between
tables need no translation; PostgreSQL's id sequences are then moved past them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.orm import Session

from hubdesk.core.db import Database, bulk_writes, shown_url, sync_id_sequences
from hubdesk.core.errors import DatabaseError
from hubdesk.core.models import Base

BATCH = 5_000
Progress = Callable[[int, int], None]  # rows copied, rows in all


class TransferError(DatabaseError):
    """The copy was refused or failed; the target is as it was."""


class CopyCancelled(TransferError):
    pass


@dataclass(frozen=True)
class CopyResult:
    counts: dict[str, int]  # rows per table, the same in source and target

    @property
    def contacts(self) -> int:
        return self.counts.get("contacts", 0)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _tables() -> list[Table]:
    """Every table of the schema, parents before the rows that refer to them."""
    return list(Base.metadata.sorted_tables)


def _counts(conn: Connection | Session) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in _tables()}


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """One read transaction over the whole source: its counts and rows agree."""
    with db.read_engine.connect() as conn:
        if db.dialect == "postgresql":
            # Read committed would show each table as of its own query.
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _refuse_non_empty(target: Database, session: Session) -> None:
    held = {name: n for name, n in _counts(session).items() if n}
    if held:
        listed = ", ".join(f"{name.replace('_', ' ')}: {n:,}" for name, n in sorted(held.items()))
        raise TransferError(
            f"{shown_url(target.url)} already holds data ({listed}); copy into an empty "
            "database so that nothing of either is mixed up or overwritten")


def _rows(conn: Connection, table: Table, batch: int) -> Iterator[list[dict]]:
    key = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True).execute(
        select(table).order_by(*key))
    try:
        for part in result.mappings().partitions(batch):
            yield [dict(row) for row in part]
    finally:
        result.close()  # also when the copy stops half-way


def copy_database(source: Database, target: Database, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, *,
                  batch: int = BATCH) -> CopyResult:
    """Copy every table of `source` into the empty `target`; return the verified counts.

    Raises TransferError (the target keeps nothing of the copy) when the target is not
    empty, a count differs, or `cancelled()` answered true (CopyCancelled)."""
    with _snapshot(source) as reading, target.session() as s, bulk_writes(s):
        _refuse_non_empty(target, s)
        expected = _counts(reading)
        total, done = sum(expected.values()), 0
        if progress:
            progress(0, total)
        writing = s.connection()
        for table in _tables():
            for rows in _rows(reading, table, batch):
                if cancelled is not None and cancelled():
                    raise CopyCancelled("Copy cancelled; the target database was left as it "
                                        "was")
                writing.execute(insert(table), rows)
                done += len(rows)
                if progress:
                    progress(done, total)
        copied = _counts(s)
        if copied != expected:
            differing = sorted(k for k in expected if copied.get(k) != expected[k])
            raise TransferError(
                "The copy does not hold the same rows as the original (tables "
                f"{', '.join(differing)}); nothing was copied")
        sync_id_sequences(s, *(t.name for t in _tables() if "id" in t.c))
    return CopyResult(expected)
