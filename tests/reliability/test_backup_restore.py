"""Backups taken while another process writes are consistent copies, and restoring one
(core.restore.restore_backup, what File → Restore backup is to call) checks it, keeps the file
it replaces, and refuses while the database is open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hubdesk.core import attributes, contacts
from hubdesk.core.db import open_database
from hubdesk.core.errors import DatabaseError
from hubdesk.core.file_mode import is_private
from hubdesk.core.restore import restore_backup
from tests.reliability import killing, sqlite_state
from tests.reliability.conftest import make_demo_db


def _writer_database(path: Path) -> None:
    make_demo_db(path, 500)
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        attributes.define_attribute(s, "visits", "Visits", "number")
        for name in ("A", "shared"):
            contacts.create_contact(s, {"first_name": name}, attributes={"visits": 0})
    db.dispose()


def _rounds_and_visits(path: Path) -> tuple[int, dict[str, float]]:
    conn = sqlite_state.connect(path)
    try:
        rounds = conn.execute("SELECT count(*) FROM contacts WHERE first_name = 'A' "
                              "AND last_name LIKE 'round %'").fetchone()[0]
        visits = dict(conn.execute(
            "SELECT c.first_name, v.value_number FROM attribute_values v "
            "JOIN contacts c ON c.id = v.contact_id WHERE c.first_name IN ('A', 'shared') "
            "AND c.last_name = ''").fetchall())
        return rounds, visits
    finally:
        conn.close()


def test_backups_taken_while_another_process_writes_are_consistent(tmp_path, figure):
    path = tmp_path / "live.db"
    _writer_database(path)
    writer = subprocess.Popen(killing.driver("write", str(path), "A", "6"), cwd=killing.ROOT,
                              env=killing.env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    db = open_database(f"sqlite:///{path}")
    copies = []
    try:
        while writer.poll() is None:
            copies.append(db.backup(tmp_path / f"copy-{len(copies)}.db"))
            time.sleep(0.2)
    finally:
        db.dispose()
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    final = sqlite_state.dump(path)
    seen_rounds = set()
    for copy in copies:
        assert sqlite_state.problems(copy) == []
        rounds, visits = _rounds_and_visits(copy)
        # One commit point: every round in it is whole, none half there.
        assert visits == {"A": rounds, "shared": rounds}
        # And it is the file as it was then: its rows (but the two counters, which went on
        # counting) are the final file's rows, byte for byte.
        copied = sqlite_state.dump(copy)
        for table, rows in copied.items():
            if table != "attribute_values":
                assert sqlite_state.missing_rows(
                    {table: [r for r in rows if table != "contacts" or r[4] != ""
                             or r[2] not in ("A", "shared")]}, final) == {}
        seen_rounds.add(rounds)
    assert len(seen_rounds) >= 3, seen_rounds  # copies really were taken mid-way
    figure(f"backup while writing: {len(copies)} copies during {out.strip()} transactions, "
           "each whole and sound")


@pytest.fixture
def saved(tmp_path) -> tuple[Path, Path]:
    """A database with contacts, and a backup of it taken before one more was added."""
    path = make_demo_db(tmp_path / "contacts.db", 200)
    db = open_database(f"sqlite:///{path}")
    backup = db.backup(tmp_path / "backup.db")
    with db.session() as s:
        contacts.create_contact(s, {"first_name": "Added", "last_name": "After backup"})
    db.dispose()
    return path, backup


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_file(saved):
    path, backup = saved
    replaced = sqlite_state.dump(path)
    result = restore_backup(backup, path)
    assert sqlite_state.dump(path) == sqlite_state.dump(backup)
    assert result.previous is not None and sqlite_state.dump(result.previous) == replaced
    assert is_private(path) and is_private(result.previous)
    db = open_database(f"sqlite:///{path}")  # the app opens the restored file
    with db.read_session() as s:
        assert contacts.stats(s)["contacts"] == 200
    db.dispose()
    assert sqlite_state.problems(path) == []


ON_LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"),
                              reason="open files are found through /proc and F_GETLK")


@ON_LINUX
def test_restore_is_refused_while_this_process_has_the_database_open(saved):
    path, backup = saved
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read_session() as s:
            contacts.stats(s)
        before = sqlite_state.dump(path)
        with pytest.raises(DatabaseError, match="is open; close it"):
            restore_backup(backup, path)
        assert sqlite_state.dump(path) == before
    finally:
        db.dispose()
    restore_backup(backup, path)  # once closed, it goes through


@ON_LINUX
def test_restore_is_refused_while_another_process_has_it_open(saved):
    path, backup = saved
    holder = subprocess.Popen(killing.driver("hold", str(path)), cwd=killing.ROOT,
                              env=killing.env(), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseError, match="is open; close it"):
            restore_backup(backup, path)
    finally:
        holder.kill()
        holder.communicate()
    restore_backup(backup, path)


def _edited(sql: str):
    def edit(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.execute(sql)
        conn.commit()
        conn.close()

    return edit


@pytest.mark.parametrize(("spoil", "why"), [
    (lambda p: p.write_bytes(b"not a database at all" * 100), "not a HubDesk backup"),
    (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "damaged|not a"),
    (_edited("DROP TABLE alembic_version"), "not a HubDesk backup"),
    (_edited("UPDATE alembic_version SET version_num = '9999'"), "newer HubDesk"),
])
def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(saved, spoil, why):
    path, backup = saved
    spoil(backup)
    before = sqlite_state.dump(path)
    with pytest.raises(DatabaseError, match=why):
        restore_backup(backup, path)
    assert sqlite_state.dump(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["backup.db", "contacts.db"]
