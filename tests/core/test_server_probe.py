"""Test connection's look at a team server: what is there, read without changing anything,
and which failures a password would cure."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from hubdesk.core.db import open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.errors import DatabaseError
from hubdesk.core.server_probe import ServerConnectionError, password_refused, probe_server
from tests.team_server import team_database


class FakeLibpqError(Exception):
    def __init__(self, message: str, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("cause", "refused"), [
    (FakeLibpqError("connection failed: fe_sendauth: no password supplied"), True),
    (FakeLibpqError('FATAL:  password authentication failed for user "mika"'), True),
    (FakeLibpqError("FATAL:  Passwort-Authentifizierung fehlgeschlagen", "28P01"), True),
    (FakeLibpqError("connection refused"), False),
    (FakeLibpqError('FATAL:  database "x" does not exist', "3D000"), False),
])
def test_a_refused_login_is_told_from_other_failures(cause, refused):
    try:
        try:
            raise cause
        except FakeLibpqError as exc:
            raise DatabaseError(f"Cannot open database: {exc}") from exc
    except DatabaseError as wrapped:
        assert password_refused(wrapped) is refused


@pytest.fixture
def team_url(postgres_server):
    with team_database(postgres_server.url) as server:
        yield server.url(postgres_server.url.password).render_as_string(hide_password=False)


def _execute(url: str, sql: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def test_an_empty_database_is_empty_and_stays_so(team_url):
    probe = probe_server(team_url)
    assert (probe.schema, probe.contacts) == ("empty", None)
    assert probe.version[0].isdigit()
    engine = create_engine(team_url)
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_a_hubdesk_database_is_ready_with_its_contacts(team_url):
    db = open_database(team_url)
    try:
        with db.session() as s:
            add_demo_contacts(s, 5, seed=1)
    finally:
        db.dispose()
    probe = probe_server(team_url)
    assert (probe.schema, probe.contacts) == ("ready", 5)


def test_another_programs_database_is_foreign(team_url):
    _execute(team_url, "CREATE TABLE invoices (id int)")
    assert probe_server(team_url).schema == "foreign"


def test_a_newer_hubdesks_database_is_newer(team_url):
    _execute(team_url, "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
    _execute(team_url, "INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    assert probe_server(team_url).schema == "newer"


def test_a_database_that_does_not_exist_is_the_servers_own_message(team_url):
    missing = team_url.replace("hubdesk_team_", "nope_")
    with pytest.raises(ServerConnectionError, match="does not exist") as failed:
        probe_server(missing)
    assert not failed.value.password_refused
