"""File → Restore backup: put a backup copy in place of the database file.

The backup is checked first (SQLite's integrity check, a HubDesk schema this version knows),
the current file is kept as a copy beside it, and the switch is one rename, so an
interruption leaves either the old file or the restored one, never a mix. The database must
be closed everywhere first: a connection still open would go on writing into the file it
had, and its write-ahead log would then be replayed into the restored one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hubdesk.core.errors import DatabaseError
from hubdesk.core.file_mode import create_private, make_private

# SQLite's WAL-index locks live at byte 120 of the -shm file; every open connection holds a
# shared lock on the "DMS" byte (the ninth lock) until it closes.
_SHM_DMS_BYTE = 120 + 8


@dataclass
class Restored:
    path: Path
    previous: Path | None  # where the file it replaced was kept


def _open_here(path: Path) -> bool:
    """Whether this process has the database (or its log) open. Linux only: elsewhere the
    caller closes its connections first, and Windows refuses to replace an open file."""
    if not sys.platform.startswith("linux"):
        return False
    names = {os.path.realpath(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")}
    for fd in Path("/proc/self/fd").iterdir():
        try:
            if os.readlink(fd) in names:
                return True
        except OSError:
            continue  # closed meanwhile
    return False


def _open_elsewhere(path: Path) -> bool:
    """Whether another process has the database open: it then holds a lock on the -shm
    file's DMS byte (Linux: asked with F_GETLK, which takes no lock). Asked only once
    _open_here said no, because closing a descriptor drops the locks this process holds."""
    shm = Path(f"{path}-shm")
    if not sys.platform.startswith("linux") or not shm.exists():
        return False
    import fcntl
    import struct

    layout = "hhllhh"  # struct flock on Linux: type, whence, start, len, pid (+ padding)
    fd = os.open(shm, os.O_RDWR)
    try:
        probe = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, _SHM_DMS_BYTE, 1, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack(layout, answer)[0] != fcntl.F_UNLCK
    finally:
        os.close(fd)


def check_backup(path: Path) -> str:
    """Refuse a file that is not a sound HubDesk database; returns its schema revision."""
    from alembic.script import ScriptDirectory

    from hubdesk.core.db import alembic_config

    try:
        conn = sqlite3.connect(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                        if "alembic_version" in tables else None)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is not a HubDesk backup ({exc})") from None
    if result != ["ok"]:
        raise DatabaseError(f"{path} is damaged ({'; '.join(result[:3])}); it cannot be "
                            "restored")
    if revision is None or "contacts" not in tables:
        raise DatabaseError(f"{path} is not a HubDesk backup")
    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision[0] not in known:
        raise DatabaseError(f"{path} was written by a newer HubDesk (schema {revision[0]}); "
                            "update HubDesk to restore it")
    return revision[0]


def restore_backup(backup: Path | str, target: Path | str) -> Restored:
    """Replace the database file `target` with the backup; the database must be closed."""
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise DatabaseError(f"{backup}: no such backup file")
    if target.exists() and backup.resolve() == target.resolve():
        raise DatabaseError("a database cannot be restored from itself")
    if _open_here(target) or _open_elsewhere(target):
        raise DatabaseError(f"{target} is open; close it (every HubDesk window using it) "
                            "before restoring a backup")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    part = target.with_name(f"{target.name}.restore-{stamp}.part")
    try:
        # Checked and settled on a copy: the user's backup file is never written to.
        # Created owner-only first, so the contacts are never readable by others meanwhile.
        create_private(part)
        shutil.copyfile(backup, part)
        if Path(f"{backup}-wal").exists():
            create_private(f"{part}-wal")
            shutil.copyfile(f"{backup}-wal", f"{part}-wal")
        check_backup(part)
        conn = sqlite3.connect(part)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()  # the last connection: SQLite folds the log in and removes it
        previous = None
        if target.exists():
            previous = target.with_name(f"{target.name}.before-restore-{stamp}.bak")
            create_private(previous)
            source = sqlite3.connect(target)
            kept = sqlite3.connect(previous)
            try:
                source.backup(kept)
            finally:
                kept.close()
                source.close()
            make_private(previous)
        for suffix in ("-wal", "-shm"):
            # Left by a crash, they belong to the old file: replayed into the restored one
            # they would damage it.
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        make_private(part)
        try:
            os.replace(part, target)
        except PermissionError:  # Windows: another program has the file open
            raise DatabaseError(f"{target} is open in another program; close it before "
                                "restoring a backup") from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{part}{suffix}").unlink(missing_ok=True)
    return Restored(target, previous)
