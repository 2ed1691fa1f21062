"""The database a command opens when `--db` does not name one: the same as the app's
(HubDesk's stored choice), with messages that say what to do when it cannot be opened."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from hubdesk.config import DatabaseSource, database_source
from hubdesk.core.errors import DatabaseError

if TYPE_CHECKING:
    from hubdesk.core.db import Database


def open_for_command(arg: str | None) -> Database:
    from hubdesk.core.db import open_database

    source = database_source(arg)
    missing = source.missing_file
    if missing is not None:
        raise DatabaseError(
            f"Your database was moved to {missing} (Settings > Database), but that file is "
            "not there now (is the drive connected?). Connect it, or name a database with "
            "--db.")
    try:
        db = open_database(source.url)
    except DatabaseError as exc:
        if source.origin == "server":
            raise DatabaseError(f"{exc}\n{_server_hint(source, exc)}") from exc
        raise
    if db.path is not None:
        _warn_if_on_a_share(db.path)
    return db


def _warn_if_on_a_share(path) -> None:
    from hubdesk.core.fs_check import network_filesystem

    kind = network_filesystem(path)
    if kind:
        print(f"hubdesk: warning: {path} is on a network share ({kind}); a database file can "
              "be damaged when computers write to it over a share. Keep it on this computer "
              "and share a backup, or use a team server.", file=sys.stderr)


def _server_hint(source: DatabaseSource, exc: DatabaseError) -> str:
    from hubdesk.core.server_probe import password_refused

    where = "This is the team server chosen in Settings > Database"
    if not password_refused(exc):
        return f"{where}; --db names another database for one command."
    if source.password_from == "keychain":
        return (f"{where}: it refused the password saved in the system keychain. Enter the "
                "right one there (the app also asks for it when it starts).")
    if source.keychain_problem:
        return f"{where}. {source.keychain_problem}"
    return (f"{where}: no password is saved for it. Save it there, or set PGPASSWORD or "
            "add it to ~/.pgpass.")
