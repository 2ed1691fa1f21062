"""What a backup file holds, shown before File → Restore backup replaces the database with it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hubdesk.core.errors import DatabaseError
from hubdesk.core.restore import check_backup


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str  # the schema revision; an older one is migrated when the backup is opened
    contacts: int  # not in the Trash
    trashed: int
    modified_at: datetime  # the file's time (UTC): when the backup was written


def describe_backup(path: Path | str) -> BackupInfo:
    """Check the backup (integrity, a HubDesk schema this version knows) and count what it
    holds; raises DatabaseError naming the file when it cannot be restored. Opened like
    check_backup opens it, not read-only: a read-only connection to a WAL-mode file leaves
    -wal and -shm files beside the user's backup, which the last ordinary connection removes."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"{path}: no such backup file")
    revision = check_backup(path)
    try:
        conn = sqlite3.connect(path)
        try:
            live, trashed = conn.execute(
                "SELECT COUNT(*) FILTER (WHERE deleted_at IS NULL), "
                "COUNT(*) FILTER (WHERE deleted_at IS NOT NULL) FROM contacts").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read ({exc})") from None
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return BackupInfo(path, revision, live, trashed, modified)
