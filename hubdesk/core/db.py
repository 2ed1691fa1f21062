"""Engine, sessions, SQLite settings, migrate-on-open and backups; on PostgreSQL also
retried write transactions, id sequences and noticing other people's changes."""

from __future__ import annotations

import errno
import logging
import random
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from hubdesk.core.errors import DatabaseError, HubDeskError, NewerSchemaError
from hubdesk.core.file_mode import create_private, make_private
from hubdesk.paths import migrations_dir

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 16_384  # per connection; enough for the hot index pages of a million contacts
BULK_CACHE_KIB = 262_144  # while one connection writes hundreds of thousands of rows
WRITE_ATTEMPTS = 5  # a transaction that lost a race is run again this many times at most
# PostgreSQL's serialization_failure and deadlock_detected: the transaction was rolled back
# because of another one, and running it again is the documented cure.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
# How a full disk reads: SQLite's SQLITE_FULL, PostgreSQL's disk_full (SQLSTATE 53100, or an
# error that names it), the operating system's ENOSPC.
DISK_FULL_SQLSTATE = "53100"
DISK_FULL_MESSAGES = ("database or disk is full", "no space left on device",
                      "could not extend file")
# What revision 0007's triggers NOTIFY on every write (PostgreSQL); ChangeWatch listens.
CHANGES_CHANNEL = "hubdesk_changes"

log = logging.getLogger(__name__)
T = TypeVar("T")


class WriteConflictError(DatabaseError):
    """Another user's transaction collided with this one; nothing of it was saved."""


class ConcurrentEditError(HubDeskError):
    """Someone saved this contact after it was opened (its version moved on)."""


class DiskFullError(DatabaseError):
    """The disk holding the database filled up; the transaction was rolled back whole."""


def is_disk_full(exc: BaseException) -> bool:
    """True for SQLite's or PostgreSQL's "disk full" (wrapped by SQLAlchemy or not) and for
    the operating system's ENOSPC."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if getattr(orig, "sqlstate", None) == DISK_FULL_SQLSTATE:
        return True
    if not isinstance(exc, DBAPIError | sqlite3.Error):
        return False  # a message of our own that happens to say so is not the disk
    reason = str(orig).lower()
    return any(m in reason for m in DISK_FULL_MESSAGES)


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


def normalize_url(url: str) -> str:
    """A PostgreSQL URL without a driver (`postgresql://`, `postgres://`) means psycopg 3,
    the driver HubDesk ships; SQLAlchemy would otherwise pick psycopg2, which it does not."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
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
    # An unreachable server answers in seconds, not after the system's TCP timeout; the
    # server's activity view names the app. Either may be overridden in the URL.
    defaults = {"connect_timeout": 10, "application_name": "HubDesk"}
    connect_args = {k: v for k, v in defaults.items() if k not in parsed.query}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _warn_unindexed_japanese(engine: Engine) -> None:
    """pg_trgm takes trigrams only from characters the database's locale calls letters:
    under the C locale, Japanese has none, and its searches read the whole table."""
    with _reading(engine).connect() as conn:
        if conn.execute(text("SELECT show_trgm('山田太郎') = '{}'")).scalar():
            log.warning("This PostgreSQL database's locale (LC_CTYPE) is not a UTF-8 one: "
                        "searches for Japanese text cannot use the trigram index and will be "
                        "slow. Create the database with e.g. --locale=C.UTF-8.")


def is_retryable(exc: BaseException) -> bool:
    """True for a PostgreSQL serialization failure or deadlock (wrapped or not)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return getattr(orig, "sqlstate", None) in RETRYABLE_SQLSTATES


class Database:
    """One opened, migrated database. Sessions are short: one per user action."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self.read_engine = engine.execution_options(hubdesk_read=True)
        self._write = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._watch: ChangeWatch | None = None
        self._watches: list[ChangeWatch] = []  # shared with the finalizer, which closes it
        self._watch_lock = threading.Lock()
        # A Database dropped without dispose() (a command run in-process, a script) still
        # closes its connections: a PostgreSQL server counts them, and psycopg warns.
        self._finalizer = weakref.finalize(self, _close, engine, self._watches)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        db = make_url(self.url).database
        return Path(db) if self.dialect == "sqlite" and db and db != ":memory:" else None

    def disk_full_error(self) -> DiskFullError:
        """What a write that found the disk full tells the user."""
        where = f"The disk holding {self.path}" if self.path else "The database server's disk"
        return DiskFullError(f"{where} is full; nothing was saved. Free some space and try "
                             "again.")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back whole on any error.

        A collision with another user's transaction (PostgreSQL) is a WriteConflictError;
        write() runs the work again instead. A full disk is a DiskFullError."""
        try:
            with self._write() as s, s.begin():
                yield s
        except DBAPIError as exc:
            if is_retryable(exc):
                raise WriteConflictError(
                    "Someone else changed the same data at the same moment; nothing was "
                    "saved. Try again.") from exc
            if is_disk_full(exc):
                raise self.disk_full_error() from exc
            raise
        except OSError as exc:
            if is_disk_full(exc):
                raise self.disk_full_error() from exc
            raise
        except StaleDataError as exc:
            # The version check of a contact saved through the ORM: never a silent overwrite.
            raise ConcurrentEditError(
                "A contact was changed by someone else meanwhile; nothing was saved. Reload "
                "it and try again.") from exc

    def write(self, work: Callable[[Session], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
        """work(session) in a write transaction, run again (after a short, random pause)
        when it collided with another user's transaction. `work` must do nothing outside
        the session that cannot be repeated."""
        for attempt in range(1, attempts + 1):
            try:
                with self.session() as s:
                    return work(s)
            except WriteConflictError:
                if attempt == attempts:
                    raise
                # Random, growing pauses: two colliding writers must not collide again.
                time.sleep(random.uniform(0.005, 0.02) * 2**attempt)
        raise AssertionError("unreachable")

    def changes_since(self, token: int | None) -> tuple[bool, int]:
        """(did anyone commit a change since `token`, the token to pass next time).

        Cheap enough to call every couple of seconds: one tiny query on a connection of its
        own. The first call (token None) starts watching and reports no change. Writes made
        through this Database count too, like anyone else's."""
        with self._watch_lock:
            if self._watch is None:
                self._watch = ChangeWatch.start(self)
                self._watches.append(self._watch)
            seen = self._watch.poll()
        return token is not None and seen != token, seen

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._read() as s:
            yield s

    def backup(self, dest: Path, *, overwrite: bool = False) -> Path:
        """A consistent copy in a SQLite file, safe while others write: SQLite's backup API,
        or for a team database every row of one snapshot (core.transfer).

        Written beside the destination and renamed, so a failed backup never leaves a
        half-written file (nor destroys the one it would have replaced)."""
        dest = Path(dest)
        if not dest.parent.is_dir():
            raise DatabaseError(f"{dest}: folder {dest.parent} does not exist")
        if dest.exists() and not overwrite:
            raise DatabaseError(f"{dest}: file already exists; choose another name")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        tmp.unlink(missing_ok=True)
        if self.dialect != "sqlite":
            self._copy_to_file(tmp)
            tmp.replace(dest)
            return dest
        raw = self.engine.raw_connection()
        try:
            create_private(tmp)  # a copy of the contacts is as personal as the database
            target = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(target)
            finally:
                target.close()
        except BaseException as exc:
            # With the copy's rollback journal: left by a failed write (a full disk), it
            # would otherwise stay beside the user's files.
            for suffix in ("", "-journal", "-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
            if is_disk_full(exc):
                raise DiskFullError(f"The disk holding {dest} is full; the backup was not "
                                    "made. Free some space and try again.") from exc
            raise
        finally:
            raw.close()
        tmp.replace(dest)
        return dest

    def _copy_to_file(self, tmp: Path) -> None:
        from hubdesk.core.transfer import copy_database  # it builds on this module

        copy = open_database(f"sqlite:///{tmp.resolve()}")
        try:
            copy_database(self, copy)
        except BaseException:
            copy.dispose()
            for suffix in ("", "-journal", "-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
            raise
        copy.dispose()

    def dispose(self) -> None:
        self._finalizer()


def _close(engine: Engine, watches: list[ChangeWatch]) -> None:
    for watch in watches:
        watch.close()
    watches.clear()
    engine.dispose()


class ChangeWatch:
    """Counts the commits others made, on a connection of its own that never writes.

    SQLite: `PRAGMA data_version` changes whenever another connection committed. PostgreSQL:
    revision 0007's triggers NOTIFY on every write; notifications arrive only once the
    writer commits, so a refresh never reads data that is not there yet."""

    def __init__(self, connect: Callable[[], Any], dialect: str, schema: str = ""):
        self._connect = connect
        self._dialect = dialect
        self._schema = schema
        self._conn: Any = None
        self._last: Any = None
        self.seen = 0  # grows by one for each poll that found changes

    @classmethod
    def start(cls, db: Database) -> ChangeWatch:
        if db.dialect == "sqlite":
            path = db.path

            def connect_sqlite() -> Any:
                # Without a file (":memory:") nobody else can write: a connection of our
                # own in memory never sees a change, which is the truth.
                return sqlite3.connect(str(path) if path else ":memory:",
                                       check_same_thread=False, isolation_level=None)

            watch = cls(connect_sqlite, "sqlite")
        else:
            def connect_postgres() -> Any:
                raw = db.engine.raw_connection()
                conn = raw.driver_connection
                raw.detach()  # ours for as long as we listen, never handed to a session
                conn.rollback()
                conn.autocommit = True
                return conn

            with db.read_session() as s:
                schema = s.execute(text("SELECT current_schema()")).scalar_one()
            watch = cls(connect_postgres, db.dialect, schema)
        watch.poll()
        return watch

    def poll(self) -> int:
        try:
            if self._conn is None:
                self._open()
            elif self._changed():
                self.seen += 1
        except Exception as exc:  # a lost connection must not stop the app
            # Whatever happened while we could not look is unknown: report a change, and
            # listen again from the next poll on.
            log.info("watching for changes: %s; reconnecting", exc)
            self.close()
            self.seen += 1
        return self.seen

    def _open(self) -> None:
        self._conn = self._connect()
        if self._dialect == "sqlite":
            self._last = self._conn.execute("PRAGMA data_version").fetchone()[0]
            return
        self._last = 0
        self._conn.add_notify_handler(self._notified)
        self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")

    def _notified(self, notify: Any) -> None:
        # One database can hold several HubDesk schemas (tests do): only ours counts.
        if notify.payload == self._schema:
            self._last += 1

    def _changed(self) -> bool:
        if self._dialect == "sqlite":
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            changed, self._last = version != self._last, version
            return changed
        before = self._last
        self._conn.execute("SELECT 1")  # delivers the notifications received meanwhile
        return self._last != before

    def close(self) -> None:
        if self._conn is not None:
            with suppress(Exception):  # closing a broken connection may fail too
                self._conn.close()
            self._conn = None


def sync_id_sequences(session: Session, *tables: str) -> None:
    """Call after inserting rows with ids of their own (undo, restore, a copy): PostgreSQL's
    id sequences do not notice explicit ids, so the next new row would collide with them.
    Moves each table's sequence past its highest id, never back (a concurrent insert may
    hold a higher number). SQLite needs nothing: a new row takes the highest id + 1."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in tables:
        session.execute(text(
            f"SELECT setval(s::regclass, m) FROM (SELECT pg_get_serial_sequence(:t, 'id') AS s,"
            f" (SELECT max(id) FROM {name}) AS m) AS x "
            "WHERE m > COALESCE(pg_sequence_last_value(s::regclass), 0)"), {"t": name})


def reserve_ids(session: Session, table: str, n: int) -> list[int]:
    """n ids for rows about to be inserted with explicit ids (bulk inserts that link child
    rows without reading ids back). SQLite: the next n after the highest, which nobody else
    can take while this transaction holds the write lock. PostgreSQL: drawn from the table's
    sequence, so a colleague inserting at the same time never gets the same ones (ids left
    unused are skipped, which is harmless)."""
    if n <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return list(session.scalars(text(
            "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table, "n": n}))
    start = (session.scalar(text(f"SELECT max(id) FROM {table}")) or 0) + 1
    return list(range(start, start + n))


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


def _sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine (None in memory, for a URI, or another dialect)."""
    name = engine.url.database
    if engine.dialect.name != "sqlite" or not name or name == ":memory:" \
            or name.startswith("file:"):
        return None
    return Path(name)


def _settle_interrupted_imports(db: Database) -> None:
    """Imports left "running" by a process that is gone become "interrupted", so the app
    and `hubdesk import --resume` can offer to resume or undo them."""
    from hubdesk.core.io.import_jobs import mark_interrupted  # it builds on this module

    try:
        mark_interrupted(db)
    except (SQLAlchemyError, HubDeskError) as exc:
        # Opening must not fail over bookkeeping (a read-only file, a busy server): the
        # next open tries again.
        log.warning("could not check for interrupted imports: %s", exc)


def shown_url(url: str) -> str:
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
        new_file = _sqlite_file(engine)
        if new_file is not None and not new_file.exists():
            # Created owner-only before SQLite first opens it: SQLite then gives its -wal
            # and -shm files the same mode.
            create_private(new_file)
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
                raise DatabaseError(
                    f"{shown_url(url)}: not a HubDesk database (it has other tables)")
            if has_tables and db.path is not None:
                stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
                db.backup(db.path.with_name(f"{db.path.name}.before-{head}-{stamp}.bak"))
            upgrade(engine)
        if db.dialect == "sqlite":
            _use_wal(engine)
            if db.path is not None:
                make_private(db.path)  # a file made by an earlier HubDesk, or copied in
        elif db.dialect == "postgresql":
            _warn_unindexed_japanese(engine)
        if migrate or current == head:
            _settle_interrupted_imports(db)
        return db
    except OperationalError as exc:
        raise DatabaseError(f"Cannot open database {shown_url(url)}: {exc.orig}") from exc
    except OSError as exc:  # the file cannot even be created (permissions, its name)
        raise DatabaseError(f"Cannot open database {shown_url(url)}: "
                            f"{exc.strerror or exc}") from exc
    except (ImportError, NoSuchModuleError) as exc:
        raise DatabaseError(
            f"Cannot open database {shown_url(url)}: this kind of database is not supported "
            f"here ({exc})") from exc
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise DatabaseError(f"Cannot open database {shown_url(url)}: {reason}") from exc
