"""Copy the SQLite database to a new file the user chose, and prove the copy is whole.

The copy and the row counts it is checked against come from one read snapshot, so a write
made meanwhile (by the CLI, say) cannot make a good copy look bad or a bad one look good.
The original file is never touched: moving means "from the next start, use the copy".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hubdesk.core.db import Database
from hubdesk.core.errors import DatabaseError
from hubdesk.core.file_mode import create_private


@dataclass(frozen=True)
class CopiedDatabase:
    path: Path
    counts: dict[str, int]  # rows per table, equal in the original and the copy

    @property
    def contacts(self) -> int:
        return self.counts.get("contacts", 0)


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names}


def _check(copy: Path, expected: dict[str, int]) -> None:
    conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise DatabaseError(f"The copy at {copy} failed its integrity check: "
                                + "; ".join(problems[:3]))
        counts = _table_counts(conn)
    finally:
        conn.close()
    if counts != expected:
        differing = sorted(k for k in expected.keys() | counts.keys()
                           if counts.get(k) != expected.get(k))
        raise DatabaseError(f"The copy at {copy} does not hold the same rows as the original "
                            f"(tables {', '.join(differing)}); nothing was moved")


def _remove(part: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        part.with_name(part.name + suffix).unlink(missing_ok=True)


def copy_database(db: Database, dest: Path) -> CopiedDatabase:
    """Copy `db` to `dest` (a new file), check it, and return what it holds.

    Refuses a destination that exists, so no database (another HubDesk's, or this one's own
    backup) is ever replaced. On any failure nothing is left at `dest`."""
    source = db.path
    if db.dialect != "sqlite" or source is None:
        raise DatabaseError("Only a SQLite database file can be moved")
    dest = Path(dest).expanduser().absolute()
    if dest.exists():
        raise DatabaseError(f"{dest} already exists; HubDesk does not overwrite it. "
                            "Choose a new file name.")
    if not dest.parent.is_dir():
        raise DatabaseError(f"{dest}: folder {dest.parent} does not exist")
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("BEGIN")  # one snapshot for the counts and the copy
        try:
            expected = _table_counts(conn)
            create_private(part)  # the copy becomes the database: owner-only like it
            target = sqlite3.connect(part)
            try:
                conn.backup(target)
                # The pages carry the original's WAL mode; a plain journal lets the check
                # below read the copy without leaving -wal/-shm files beside the temporary
                # name. Opening the moved database turns WAL back on.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            conn.execute("ROLLBACK")
        _check(part, expected)
        if dest.exists():  # appeared while we copied
            raise DatabaseError(f"{dest} already exists; HubDesk does not overwrite it. "
                                "Choose a new file name.")
        part.replace(dest)
    except sqlite3.Error as exc:
        _remove(part)
        raise DatabaseError(f"Cannot copy the database to {dest}: {exc}") from exc
    except BaseException:
        _remove(part)
        raise
    finally:
        raw.close()
    return CopiedDatabase(dest, expected)
