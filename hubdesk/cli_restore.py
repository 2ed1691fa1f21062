"""`hubdesk [--db PATH] restore BACKUP`: put a backup in place of a SQLite database, as File →
Restore backup… does (checked first, the replaced file kept beside it, one rename). The
database must not be open anywhere; nothing is opened here, so no migration runs until the
next start."""

from __future__ import annotations

import argparse
from pathlib import Path

from hubdesk.core.errors import DatabaseError


def add_parser(sub) -> None:
    restore = sub.add_parser(
        "restore", help="replace the database with a backup (checked first; the current "
                        "file is kept beside it)")
    restore.add_argument("backup", type=Path)


def cmd_restore(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from hubdesk.config import database_source
    from hubdesk.core.backup_info import describe_backup
    from hubdesk.core.restore import restore_backup

    source = database_source(args.db)
    url = make_url(source.url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError(f"{source.shown} is not a database file: a team server is "
                            "restored by its administrator (pg_restore)")
    target = Path(url.database)
    info = describe_backup(args.backup)
    restored = restore_backup(args.backup, target)
    kept = (f"; the database before it was kept as {restored.previous}"
            if restored.previous else "")
    print(f"Restored {args.backup} ({info.contacts:,} contacts, {info.trashed:,} in the "
          f"Trash) into {target}{kept}.")
    return 0
