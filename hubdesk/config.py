"""Where HubDesk keeps its data, and which database it opens: `--db`, then
HUBDESK_DATABASE_URL, then the choice stored in Settings → Database (hubdesk.db_choice),
then the file in the user's data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from platformdirs import user_data_path, user_log_path

from hubdesk.core.errors import DatabaseError

if TYPE_CHECKING:
    from hubdesk.db_choice import DatabaseChoice, ServerSettings

APP_NAME = "HubDesk"
APP_AUTHOR = "HubDesk"
DATABASE_ENV = "HUBDESK_DATABASE_URL"
DEFAULT_DB_FILE = "contacts.db"
# option: --db; environment: HUBDESK_DATABASE_URL; moved: the local file moved in Settings;
# server: the team server chosen in Settings; default: the file in the data folder.
Origin = Literal["option", "environment", "moved", "server", "default"]


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def log_dir() -> Path:
    return user_log_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_FILE


@dataclass(frozen=True)
class DatabaseSource:
    """The database to open and why. `url` may hold a password: show `shown`, never `url`."""

    url: str = field(repr=False)  # a logged or printed source must not show a password
    origin: Origin = "default"
    # The team server (origin "server"); where its password came from: "keychain", or ""
    # (libpq's PGPASSWORD / ~/.pgpass, or the server needs none).
    server: ServerSettings | None = None
    password_from: str = ""
    keychain_problem: str = ""  # why the keychain could not be asked, when it could not

    @property
    def shown(self) -> str:
        from hubdesk.core.db import shown_url

        return shown_url(self.url)

    @property
    def named(self) -> bool:
        """Named for this run (--db or the variable) rather than chosen in Settings."""
        return self.origin in ("option", "environment")

    @property
    def missing_file(self) -> Path | None:
        """The file the database was moved to, when it is not there (an unplugged drive):
        opening would quietly create an empty database in its place."""
        if self.origin != "moved":
            return None
        path = Path(self.url.removeprefix("sqlite:///"))
        return None if path.is_file() else path


def database_source(arg: str | None = None, environ: dict[str, str] | None = None, *,
                    with_password: bool = True) -> DatabaseSource:
    """What HubDesk opens. with_password=False leaves the keychain alone (to compare
    locations without a possible unlock prompt). Raises DatabaseError (an empty --db) and
    db_choice.DatabaseChoiceError (an unreadable stored choice)."""
    env = os.environ if environ is None else environ
    if arg is not None and not arg.strip():
        raise DatabaseError("--db is empty; give a file path or a database URL")
    if arg:
        return DatabaseSource(_url_of(arg), "option")
    if env.get(DATABASE_ENV):
        return DatabaseSource(_url_of(env[DATABASE_ENV]), "environment")
    from hubdesk.db_choice import load_choice

    choice = load_choice()
    if choice.kind == "server" and choice.server is not None:
        return _server_source(choice.server, with_password)
    return local_source(choice)


def local_source(choice: DatabaseChoice | None = None) -> DatabaseSource:
    """This computer's database: where it was moved to, or the default file (data_dir()
    creates its folder). `choice`: the stored one, read when not given."""
    from hubdesk.db_choice import load_choice

    choice = load_choice() if choice is None else choice
    if choice.moved_to:
        return DatabaseSource(sqlite_url(Path(choice.moved_to)), "moved")
    return default_source()


def default_source() -> DatabaseSource:
    return DatabaseSource(sqlite_url(default_database_path()), "default")


def _server_source(server: ServerSettings, with_password: bool) -> DatabaseSource:
    from hubdesk.keychain import NoKeychainError, get_password

    password, problem = None, ""
    if with_password:
        try:
            password = get_password(server.key)
        except NoKeychainError as exc:
            problem = str(exc)
    url = server.url(password).render_as_string(hide_password=False)
    return DatabaseSource(url, "server", server=server,
                          password_from="keychain" if password else "",
                          keychain_problem=problem)


def resolve_database_url(arg: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The URL of database_source(): what the app and every command open."""
    return database_source(arg, environ).url


def _url_of(value: str) -> str:
    """A value containing ``://`` is a SQLAlchemy URL (`postgresql://` without a driver
    means psycopg); anything else is a path to a SQLite file."""
    if "://" in value:
        # Imported here: the engine module pulls in Alembic, which --version does not need.
        from hubdesk.core.db import normalize_url

        return normalize_url(value)
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def same_database(a: str, b: str) -> bool:
    """Whether two URLs name the same database, whatever password either carries."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    def place(url: str) -> tuple:
        u = make_url(url)
        return u.drivername, u.username, u.host, u.port, u.database, sorted(u.query.items())

    try:
        return place(a) == place(b)
    except ArgumentError:
        return a == b
