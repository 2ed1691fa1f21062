"""Engine, sessions, SQLite settings, migrate-on-open and backups."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hubdesk.core.errors import DatabaseError, NewerSchemaError
from hubdesk.paths import migrations_dir

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 16_384  # per connection; enough for the hot index pages of a million contacts
BULK_CACHE_KIB = 262_144  # while one connection writes hundreds of thousands of rows


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Python's sqlite3 would otherwise open transactions itself; we emit BEGIN ourselves below.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cur.close()


def _sqlite_begin(conn) -> None:
    # Writers take the write lock up front so two writers never deadlock on lock upgrade;
    # readers stay deferred so page fetches never wait for an import batch.
    if conn.get_execution_options().get("hubdesk_read"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def bulk_writes(session: Session) -> Iterator[None]:
    """A bigger page cache for this session's connection while it inserts in bulk: index
    pages stay in memory instead of being re-read for every batch."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    session.execute(text(f"PRAGMA cache_size = -{BULK_CACHE_KIB}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size = -{CACHE_KIB}"))


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.is_dir():
                # A typo in --db must not quietly create folders and an empty database.
                raise DatabaseError(f"{parsed.database}: folder {folder} does not exist")
            if Path(parsed.database).is_dir():
                raise DatabaseError(f"{parsed.database} is a folder, not a database file")
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One opened, migrated database. Sessions are short: one per user action."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self.read_engine = engine.execution_options(hubdesk_read=True)
        self._write = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        db = make_url(self.url).database
        return Path(db) if self.dialect == "sqlite" and db and db != ":memory:" else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back whole on any error."""
        with self._write() as s, s.begin():
            yield s

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._read() as s:
            yield s

    def backup(self, dest: Path, *, overwrite: bool = False) -> Path:
        """A consistent copy taken with SQLite's backup API, safe while others write.

        Written beside the destination and renamed, so a failed backup never leaves a
        half-written file (nor destroys the one it would have replaced)."""
        if self.dialect != "sqlite":
            raise DatabaseError("backup is only available for SQLite databases")
        dest = Path(dest)
        if not dest.parent.is_dir():
            raise DatabaseError(f"{dest}: folder {dest.parent} does not exist")
        if dest.exists() and not overwrite:
            raise DatabaseError(f"{dest}: file already exists; choose another name")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        tmp.unlink(missing_ok=True)
        raw = self.engine.raw_connection()
        try:
            target = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(target)
            finally:
                target.close()
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        finally:
            raw.close()
        tmp.replace(dest)
        return dest

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def _reading(engine: Engine) -> Engine:
    # Checks made while opening only read: they must not wait for (or block) a writer.
    return engine.execution_options(hubdesk_read=True)


def current_revision(engine: Engine) -> str | None:
    with _reading(engine).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _use_wal(engine: Engine) -> None:
    # WAL is a property of the file, set once it is known to be ours: a file that is refused
    # (another program's, or a newer HubDesk's) must be left exactly as it was.
    raw = engine.raw_connection()
    try:
        mode = raw.driver_connection.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")
    finally:
        raw.close()


def _shown(url: str) -> str:
    """A SQLite file by its path (what the user typed), other URLs without a password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "(not a database URL)"  # never echo what may hold a password
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate to head, backing up an existing file first."""
    try:
        engine = make_engine(url)
        script = ScriptDirectory.from_config(alembic_config())
        known = {rev.revision for rev in script.walk_revisions()}
        current = current_revision(engine)
        if current is not None and current not in known:
            engine.dispose()
            raise NewerSchemaError(
                f"This database was written by a newer HubDesk (schema {current}); "
                "update HubDesk to open it."
            )
        head = script.get_current_head()
        db = Database(url, engine)
        if migrate and current != head:
            with _reading(engine).connect() as conn:
                has_tables = bool(inspect(conn).get_table_names())
            if current is None and has_tables:
                engine.dispose()
                raise DatabaseError(f"{url}: not a HubDesk database (it has other tables)")
            if has_tables and db.path is not None:
                stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
                db.backup(db.path.with_name(f"{db.path.name}.before-{head}-{stamp}.bak"))
            upgrade(engine)
        if db.dialect == "sqlite":
            _use_wal(engine)
        return db
    except OperationalError as exc:
        raise DatabaseError(f"Cannot open database {_shown(url)}: {exc.orig}") from exc
    except (ImportError, NoSuchModuleError) as exc:
        raise DatabaseError(
            f"Cannot open database {_shown(url)}: this kind of database is not supported "
            f"here ({exc})") from exc
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise DatabaseError(f"Cannot open database {_shown(url)}: {reason}") from exc
