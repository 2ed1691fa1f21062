"""Shared fixtures: temporary databases only, and Qt warnings fail the test.

Core and command-line tests that use a database run on SQLite always, and once more on
PostgreSQL when a server is given (`--postgres URL` or HUBDESK_TEST_POSTGRES_URL): the `db_url`
fixture is then parametrized `[sqlite]` / `[postgresql]`. PostgreSQL tests run in a database
made for this run (dropped at the end), in a schema emptied before each test, so tests never
see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Phones typed without a country code are read as Japanese in tests, whatever the machine's
# locale, so results do not depend on where CI runs.
os.environ.setdefault("HUBDESK_REGION", "JP")

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
TESTS = Path(__file__).resolve().parent
POSTGRES_ENV = "HUBDESK_TEST_POSTGRES_URL"
# The UI tests stay on SQLite: what they add over core tests is widgets, not SQL.
BOTH_DIALECTS = (TESTS / "core", TESTS / "cli")
NO_POSTGRES = f"PostgreSQL not configured (set {POSTGRES_ENV} or pass --postgres URL)"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres", metavar="URL", default=None,
        help=f"also run core and CLI tests on this PostgreSQL server (default: ${POSTGRES_ENV})",
    )


def postgres_server_url(config: pytest.Config) -> str:
    return config.getoption("--postgres") or os.environ.get(POSTGRES_ENV, "")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test is about SQLite itself (files, pragmas, "
        "FTS5); its [postgresql] run is skipped with the reason")


def pytest_report_header(config: pytest.Config) -> str:
    url = postgres_server_url(config)
    if not url:
        return f"databases: sqlite only — {NO_POSTGRES}"
    from hubdesk.core.db import shown_url

    return f"databases: sqlite and postgresql ({shown_url(url)})"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = Path(str(metafunc.definition.path))
    if "db_url" not in metafunc.fixturenames or not any(
        path.is_relative_to(folder) for folder in BOTH_DIALECTS
    ):
        return
    # Without a server there are no [postgresql] runs at all (hundreds of skips would bury
    # the summary); the header says so, and test_postgres_is_configured skips once.
    if postgres_server_url(metafunc.config):
        metafunc.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        callspec = getattr(item, "callspec", None)
        if marker and callspec and callspec.params.get("db_url") == "postgresql":
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


class PostgresServer:
    """A database of its own for this test run on the given server. Tests share one migrated
    schema, emptied before each (migrating a new schema per test would cost more than most
    tests); fresh_schema() gives a schema nobody else uses."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        from hubdesk.core.db import normalize_url

        server = make_url(normalize_url(url))
        self.name = f"hubdesk_pytest_{uuid.uuid4().hex[:10]}"
        self._admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = server.set(database=self.name)
        self.engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        with self.engine.connect() as conn:
            # In public, which every test's search_path ends with: created per schema, the
            # extension would vanish with the first schema dropped.
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        self._shared: tuple[str, str] | None = None

    def empty_schema(self) -> str:
        """The URL of the shared schema, migrated and with every table emptied (ids start
        at 1 again). A test that left a transaction open gets the next test a new schema."""
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError

        from hubdesk.core.db import open_database

        if self._shared is not None:
            schema, url = self._shared
            with self.engine.connect() as conn:
                conn.execute(text("SET lock_timeout = '2s'"))
                tables = conn.execute(text(
                    "SELECT string_agg(quote_ident(table_name), ', ') FROM "
                    "information_schema.tables WHERE table_schema = :s AND "
                    "table_type = 'BASE TABLE' AND table_name <> 'alembic_version'"),
                    {"s": schema}).scalar_one()
                try:
                    conn.execute(text(f"SET search_path = {schema}"))
                    conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
                    return url
                except OperationalError:
                    pass
        self._shared = self.fresh_schema()
        open_database(self._shared[1]).dispose()
        return self._shared[1]

    def fresh_schema(self) -> tuple[str, str]:
        """(schema, URL whose connections use only that schema and public)."""
        from sqlalchemy import text

        schema = f"t_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        url = self.url.update_query_dict({"options": f"-csearch_path={schema},public"})
        return schema, url.render_as_string(hide_password=False)

    def drop_schema(self, schema: str) -> None:
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError

        with self.engine.connect() as conn:
            # A test that leaked a connection must not hang the run: the schema then goes
            # with the whole database at the end.
            conn.execute(text("SET lock_timeout = '2s'"))
            with suppress(OperationalError):
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))

    def close(self) -> None:
        from sqlalchemy import text

        self.engine.dispose()
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self._admin.dispose()


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Each test's stored database choice (hubdesk.db_choice) is its own, never the user's;
    the folder is made only when a test saves a choice."""
    path = tmp_path_factory.getbasetemp() / f"config-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("HUBDESK_CONFIG_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def postgres_server(pytestconfig: pytest.Config) -> Iterator[PostgresServer]:
    url = postgres_server_url(pytestconfig)
    if not url:
        pytest.skip(NO_POSTGRES)
    server = PostgresServer(url)
    yield server
    server.close()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """An empty PostgreSQL database at head (skips the test when no server is configured)."""
    return postgres_server.empty_schema()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if getattr(request, "param", "sqlite") == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'contacts.db'}"


@pytest.fixture
def dialect(db_url: str) -> str:
    return "sqlite" if db_url.startswith("sqlite") else "postgresql"


@pytest.fixture
def db(db_url: str) -> Iterator:
    from hubdesk.core.db import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"sample files not found at {SAMPLES} (../shared/samples beside the checkout)")
    return SAMPLES
