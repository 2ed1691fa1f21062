"""Moving the database: a checked copy at a new file, never over an existing one."""

from __future__ import annotations

import sqlite3

import pytest

from hubdesk.core import relocate
from hubdesk.core.db import open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.errors import DatabaseError
from hubdesk.core.query import ContactQuery, count
from hubdesk.core.relocate import copy_database

pytestmark = pytest.mark.sqlite_only(reason="moving a SQLite file to another folder")


@pytest.fixture
def filled(tmp_path):
    """A SQLite file of its own: moving is about files, so this never runs on PostgreSQL."""
    db = open_database(f"sqlite:///{tmp_path / 'contacts.db'}")
    with db.session() as s:
        add_demo_contacts(s, 40, seed=2)
    yield db
    db.dispose()


def test_the_copy_holds_everything_and_opens_as_a_hubdesk_database(filled, tmp_path):
    dest = tmp_path / "elsewhere" / "moved.db"
    dest.parent.mkdir()
    copied = copy_database(filled, dest)
    assert copied.path == dest and dest.is_file()
    assert copied.contacts == 40
    assert copied.counts["labels"] > 0 and copied.counts["notes"] > 0
    moved = open_database(f"sqlite:///{dest}")
    try:
        with moved.read_session() as s:
            assert count(s, ContactQuery()) == 40
    finally:
        moved.dispose()
    assert sorted(p.name for p in dest.parent.iterdir()) == ["moved.db"]
    with filled.read_session() as s:  # the original is untouched
        assert count(s, ContactQuery()) == 40


def test_an_existing_file_is_never_overwritten(filled, tmp_path):
    dest = tmp_path / "taken.db"
    dest.write_bytes(b"someone else's data")
    with pytest.raises(DatabaseError, match="already exists"):
        copy_database(filled, dest)
    assert dest.read_bytes() == b"someone else's data"


def test_a_missing_folder_is_refused(filled, tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        copy_database(filled, tmp_path / "nowhere" / "moved.db")


def test_a_copy_that_does_not_match_is_removed(filled, tmp_path, monkeypatch):
    real = relocate._table_counts
    calls = []

    def off_by_one(conn):
        counts = real(conn)
        calls.append(1)
        if len(calls) == 2:  # the copy's counts
            counts["contacts"] -= 1
        return counts

    monkeypatch.setattr(relocate, "_table_counts", off_by_one)
    dest = tmp_path / "moved.db"
    with pytest.raises(DatabaseError, match="contacts"):
        copy_database(filled, dest)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("moved")]


def test_writes_during_the_copy_do_not_break_the_check(filled, tmp_path, monkeypatch):
    """Counts and pages come from one snapshot: a write that lands in between is in
    neither, so the check still passes (and the copy is consistent)."""
    real = relocate._table_counts
    path = filled.path

    def count_then_write(conn):
        counts = real(conn)
        if conn.execute("PRAGMA database_list").fetchone()[2] == str(path):
            other = sqlite3.connect(path, isolation_level=None)
            other.execute("UPDATE labels SET description = 'changed meanwhile'")
            other.execute("INSERT INTO labels (name, name_key, color, description, created_at) "
                          "VALUES ('late', 'late', '#000000', '', '2024-01-01')")
            other.close()
        return counts

    monkeypatch.setattr(relocate, "_table_counts", count_then_write)
    copied = copy_database(filled, tmp_path / "moved.db")
    with sqlite3.connect(copied.path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM labels")}
    assert "late" not in names


def test_only_sqlite_files_move(tmp_path):
    memory = open_database("sqlite://")
    try:
        with pytest.raises(DatabaseError, match="SQLite"):
            copy_database(memory, tmp_path / "moved.db")
    finally:
        memory.dispose()
