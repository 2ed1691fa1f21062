"""A database of its own on the test PostgreSQL server, as a team's database would be, and
(where the server checks passwords) a login with a password."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from hubdesk.db_choice import ServerSettings


def _admin(server_url: URL):
    return create_engine(server_url, isolation_level="AUTOCOMMIT")


@contextmanager
def team_database(server_url: URL, owner: str | None = None) -> Iterator[ServerSettings]:
    """An empty database (dropped afterwards), reached as the test server's user or `owner`."""
    name = f"hubdesk_team_{uuid.uuid4().hex[:10]}"
    admin = _admin(server_url)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else "")))
        if owner:
            # What a team's administrator does once: the search index's extension.
            inside = _admin(server_url.set(database=name))
            with inside.connect() as db_conn:
                db_conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            inside.dispose()
    try:
        yield ServerSettings(host=server_url.host or "localhost", port=server_url.port or 5432,
                             database=name, user=owner or server_url.username or "",
                             sslmode="prefer")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def password_login(server_url: URL) -> Iterator[tuple[str, str] | None]:
    """(role, password) of a new login role, or None when the server lets a wrong password
    in (a server with trust authentication cannot show a refusal)."""
    role, password = f"hd_{uuid.uuid4().hex[:8]}", "s3cret pa:ss/wörd"
    admin = _admin(server_url)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
    try:
        try:
            psycopg.connect(host=server_url.host, port=server_url.port, user=role,
                            password="wrong", dbname=server_url.database,
                            connect_timeout=5).close()
            yield None
        except psycopg.OperationalError:
            yield role, password
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        admin.dispose()
