"""Opening a database: schema at head, SQLite settings, transactions, refusals and backups."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from hubdesk.core.contacts import create_contact, stats
from hubdesk.core.db import current_revision, head_revision, open_database
from hubdesk.core.errors import DatabaseError, NewerSchemaError


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def test_a_new_file_gets_the_whole_schema_at_head(tmp_path):
    path = tmp_path / "new.db"
    db = open_database(_url(path))
    try:
        assert path.is_file()
        assert head_revision()
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"contacts", "labels", "notes", "conversations", "messages"} <= tables
    finally:
        db.dispose()


def _pragmas(conn) -> dict:
    settings = {
        name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }
    conn.rollback()  # a write connection holds the write lock until its transaction ends
    return settings


@pytest.mark.sqlite_only(reason="SQLite's pragmas")
@pytest.mark.parametrize("engine_name", ["engine", "read_engine"])
def test_every_connection_has_the_sqlite_settings(db, engine_name):
    engine = getattr(db, engine_name)
    # Two connections checked out at once are two different SQLite connections.
    with engine.connect() as first:
        first_settings = _pragmas(first)
        with engine.connect() as second:
            assert second.connection.dbapi_connection is not first.connection.dbapi_connection
            second_settings = _pragmas(second)
        for settings in (first_settings, second_settings):
            assert settings["journal_mode"] == "wal"
            assert settings["synchronous"] == 2  # FULL
            assert settings["foreign_keys"] == 1
            assert settings["busy_timeout"] >= 5000


def _try_begin_immediate(path: Path) -> str | None:
    """The error another program gets when it tries to start writing, or None."""
    other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return None
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        other.close()


@pytest.mark.sqlite_only(reason="SQLite's database-wide write lock (PostgreSQL locks rows)")
def test_a_write_session_takes_the_write_lock_as_soon_as_it_starts(db):
    started, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            with db.session() as s:
                # Only a read: a deferred BEGIN would not hold the write lock yet.
                s.execute(text("SELECT count(*) FROM contacts")).scalar()
                started.set()
                release.wait(10)
        except BaseException as exc:  # reported in the main thread
            failures.append(exc)
            started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(10)
        assert _try_begin_immediate(db.path) == "database is locked"
    finally:
        release.set()
        thread.join(10)
    assert not thread.is_alive()
    assert failures == []
    assert _try_begin_immediate(db.path) is None  # the lock was the session's


@pytest.mark.sqlite_only(reason="another program writes the file (test_concurrency.py: "
                                 "two PostgreSQL connections)")
def test_a_read_session_is_not_blocked_by_an_open_write_transaction(db, add):
    contact_id = add(first_name="Ann", company="Before")
    writer = sqlite3.connect(db.path, timeout=0.05, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE contacts SET company = 'During' WHERE id = ?", (contact_id,))
        with db.read_session() as s:
            company = s.execute(
                text("SELECT company FROM contacts WHERE id = :id"), {"id": contact_id}
            ).scalar()
        assert company == "Before"  # the committed state, without waiting for the writer
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_failing_write_session_rolls_back_everything(db):
    with pytest.raises(RuntimeError, match="boom"), db.session() as s:
        create_contact(s, {"first_name": "Ann", "email": "ann@example.com"}, labels=["vip"])
        raise RuntimeError("boom")
    with db.read_session() as s:
        figures = stats(s)
    assert figures["contacts"] == 0
    assert figures["labels"] == 0


def test_a_database_from_a_newer_hubdesk_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    db = open_database(_url(path))
    with db.session() as s:
        create_contact(s, {"first_name": "Ann"})
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    before = path.read_bytes()

    with pytest.raises(NewerSchemaError, match="newer"):
        open_database(_url(path))

    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_a_sqlite_file_of_another_program_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('miso soup')")
    other.commit()
    other.close()
    before = path.read_bytes()

    with pytest.raises(DatabaseError, match="not a HubDesk database"):
        open_database(_url(path))

    # DESIGN §5: a refused database means nothing was written to it (not even journal mode).
    assert path.read_bytes() == before
    check = sqlite3.connect(path)
    try:
        assert check.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]
    finally:
        check.close()


def test_a_backup_opens_and_holds_the_same_contacts(db, add, tmp_path):
    names = {add(first_name="Ann", email="ann@example.com"),
             add(last_name="山田", phone="0312345678")}
    (tmp_path / "copies").mkdir()
    dest = db.backup(tmp_path / "copies" / "backup.db")

    copy = open_database(_url(dest))
    try:
        with copy.read_session() as s:
            rows = s.execute(text("SELECT id, first_name, last_name, email, phone FROM contacts"))
            copied = {tuple(r) for r in rows}
    finally:
        copy.dispose()
    with db.read_session() as s:
        rows = s.execute(text("SELECT id, first_name, last_name, email, phone FROM contacts"))
        original = {tuple(r) for r in rows}
    assert {r[0] for r in copied} == names
    assert copied == original


def test_a_backup_never_overwrites_an_existing_file(db, add, tmp_path):
    add(first_name="Ann")
    dest = tmp_path / "precious.db"
    dest.write_bytes(b"keep me")
    with pytest.raises(DatabaseError, match="exists"):
        db.backup(dest)
    assert dest.read_bytes() == b"keep me"
