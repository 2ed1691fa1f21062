"""Settings → Database → Test connection: can HubDesk reach the team server, and what is
there? Only reads: testing never creates tables or changes anything on the server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import create_engine, func, inspect, select, table, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from hubdesk.core.db import head_revision, normalize_url
from hubdesk.core.errors import DatabaseError

TEST_TIMEOUT_S = 5  # a person is waiting for the answer
# SQLSTATEs of a refused login; libpq reports a missing password with no state, in words.
AUTH_SQLSTATES = frozenset({"28P01", "28000"})
Schema = Literal["ready", "empty", "older", "newer", "foreign"]


class ServerConnectionError(DatabaseError):
    """The server did not answer or refused the connection; the message is its own."""

    def __init__(self, message: str, *, password_refused: bool = False):
        super().__init__(message)
        self.password_refused = password_refused


@dataclass(frozen=True)
class ServerProbe:
    version: str  # e.g. "15.6"
    schema: Schema  # what HubDesk finds in the database
    contacts: int | None  # None unless the schema is HubDesk's


def password_refused(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) is the server refusing the login or asking for a
    password none was given for: then asking the user for one is the cure."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ServerConnectionError) and seen.password_refused:
            return True
        orig = seen.orig if isinstance(seen, DBAPIError) else seen
        if getattr(orig, "sqlstate", None) in AUTH_SQLSTATES:
            return True
        message = str(orig).lower()
        if "password authentication failed" in message or "no password supplied" in message:
            return True
        seen = seen.__cause__
    return False


def probe_server(url: str, timeout: int = TEST_TIMEOUT_S) -> ServerProbe:
    """Connect once with a short timeout and look. Raises ServerConnectionError with the
    server's (or libpq's) own message."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError as exc:
        raise DatabaseError(f"Not a database URL ({exc})") from exc
    engine = create_engine(parsed, poolclass=NullPool, connect_args={
        "connect_timeout": timeout, "application_name": "HubDesk"})
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar_one()).split()[0]
            tables = set(inspect(conn).get_table_names())
            schema = _schema(conn, tables)
            contacts = None
            if schema in ("ready", "older"):
                contacts = int(conn.execute(
                    select(func.count()).select_from(table("contacts"))).scalar_one())
            conn.rollback()
    except DBAPIError as exc:
        raise ServerConnectionError(str(exc.orig).strip(),
                                     password_refused=password_refused(exc)) from exc
    except SQLAlchemyError as exc:
        raise ServerConnectionError(str(exc)) from exc
    finally:
        engine.dispose()
    return ServerProbe(version, schema, contacts)


def _schema(conn, tables: set[str]) -> Schema:
    if "alembic_version" not in tables:
        return "foreign" if tables else "empty"
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from hubdesk.core.db import alembic_config

    current = MigrationContext.configure(conn).get_current_revision()
    if current == head_revision():
        return "ready"
    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        return "newer"
    # A database that lists HubDesk's revisions but not the contacts table is no use yet.
    return "older" if "contacts" in tables else "empty"
