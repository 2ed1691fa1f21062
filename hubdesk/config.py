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

    A value containing ``://`` is a SQLAlchemy URL; anything else is a path to a SQLite file.
    """
    env = os.environ if environ is None else environ
    if arg is not None and not arg.strip():
        raise DatabaseError("--db is empty; give a file path or a database URL")
    value = arg or env.get(DATABASE_ENV) or ""
    if not value:
        return sqlite_url(default_database_path())  # data_dir() creates the folder
    if "://" in value:
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"
