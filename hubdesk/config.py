"""Where HubDesk keeps its data and how a database location given by the user becomes a URL."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

from hubdesk.core.errors import DatabaseError

APP_NAME = "HubDesk"
APP_AUTHOR = "HubDesk"
DATABASE_ENV = "HUBDESK_DATABASE_URL"
DEFAULT_DB_FILE = "contacts.db"


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def log_dir() -> Path:
    return user_log_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_FILE


def resolve_database_url(arg: str | None = None, environ: dict[str, str] | None = None) -> str:
    """`--db` wins, then HUBDESK_DATABASE_URL, then the file in the user's data folder.

    A value containing ``://`` is a SQLAlchemy URL (`postgresql://` without a driver means
    psycopg); anything else is a path to a SQLite file.
    """
    env = os.environ if environ is None else environ
    if arg is not None and not arg.strip():
        raise DatabaseError("--db is empty; give a file path or a database URL")
    value = arg or env.get(DATABASE_ENV) or ""
    if not value:
        return sqlite_url(default_database_path())  # data_dir() creates the folder
    if "://" in value:
        # Imported here: the engine module pulls in Alembic, which --version does not need.
        from hubdesk.core.db import normalize_url

        return normalize_url(value)
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def moved_database_url(url: str, moved_to: str | None) -> str:
    """What the app opens: `url`, or — when `url` is the default file and the user moved the
    database (Settings → Database → Move database…, stored in the app's settings and passed
    in as `moved_to`) — the file it was moved to. `--db` and HUBDESK_DATABASE_URL naming another
    database are left alone (naming the default file itself cannot be told from no choice)."""
    if moved_to and url == sqlite_url(default_database_path()):
        return sqlite_url(Path(moved_to))
    return url
