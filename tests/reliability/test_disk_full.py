"""A full disk during an import or a bulk action: a clear message, nothing damaged, and the
next action works once space is freed.

On Linux as root (CI) the database lives on a real 16 MB tmpfs, filled up with a ballast
file; everywhere, SQLite's "database or disk is full" is also injected at the Nth write.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, select

from hubdesk.core import bulk
from hubdesk.core.db import DiskFullError, open_database
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.importer import undo_import
from hubdesk.core.models import Contact
from tests.reliability import sqlite_state
from tests.reliability.conftest import make_demo_db
from tests.reliability.test_kill_import import _write_csv

ROWS = 12_000


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("disk-full") / "contacts.csv"
    return path, _write_csv(path, ROWS)


@pytest.fixture
def small_disk(tmp_path) -> Path:
    """A 16 MB file system of its own, unmounted afterwards."""
    folder = tmp_path / "small"
    folder.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("a small file system needs root on Linux; the injected tests run anyway")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path, leave: int) -> Path:
    """Take all but `leave` bytes of the file system with a ballast file."""
    ballast = folder / "ballast"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with ballast.open("wb") as f:
        f.write(b"\0" * max(0, free - leave))
    return ballast


def _import(db, path: Path):
    from hubdesk.core.io.importer import run_import
    from hubdesk.core.io.mapping import guess_mapping
    from hubdesk.core.io.open_table import open_table

    table = open_table(path)
    return run_import(db, table, guess_mapping(table.headers))


def _imported(path: Path) -> tuple[int, tuple]:
    conn = sqlite_state.connect(path)
    try:
        job = conn.execute("SELECT id, status, rows_created, committed_batches "
                           "FROM import_jobs ORDER BY id DESC").fetchone()
        made = conn.execute("SELECT count(*) FROM contacts WHERE import_job_id = ?",
                            (job[0],)).fetchone()[0]
        return made, job
    finally:
        conn.close()


def _inject_full_disk(db, prefix: str, nth: int) -> None:
    """SQLite reports a full disk from the nth statement starting with `prefix` on."""
    seen = [0]

    def execute(cursor, statement, parameters, context):
        if statement.startswith(prefix):
            seen[0] += 1
            if seen[0] >= nth:
                raise sqlite3.OperationalError("database or disk is full")
        return False  # not handled: SQLAlchemy executes it as usual

    event.listen(db.engine, "do_execute", execute)
    event.listen(db.engine, "do_executemany", execute)


def _import_fails_clearly_then_recovers(path: Path, source, free_space) -> None:
    csv_path, accepted = source
    before = sqlite_state.dump(path)
    db = open_database(f"sqlite:///{path}")
    try:
        with pytest.raises(HubDeskError) as failed:
            _import(db, csv_path)
    finally:
        db.dispose()
    message = str(failed.value)
    assert "is full" in message and "Free some space" in message, message
    assert "sqlalche.me" not in message and "OperationalError" not in message

    assert sqlite_state.problems(path) == []
    assert sqlite_state.missing_rows(before, sqlite_state.dump(path)) == {}
    made, (job_id, status, rows_created, batches) = _imported(path)
    assert made == rows_created == min(batches * 2000, len(accepted)) < len(accepted)
    assert status in ("failed", "running")  # marking it failed may not fit on the disk either
    assert (f"after {made} new contact(s) (kept; Undo import {job_id}" in message if made
            else "before any contact was imported" in message)

    free_space()
    db = open_database(f"sqlite:///{path}")
    try:
        assert undo_import(db, job_id) == made
        result = _import(db, csv_path)
    finally:
        db.dispose()
    assert result.created == len(accepted)
    assert sqlite_state.problems(path) == []


def test_import_onto_a_full_file_system(small_disk, source):
    path = make_demo_db(small_disk / "contacts.db", 200)
    ballast = _fill(small_disk, leave=2 * 1024**2)
    _import_fails_clearly_then_recovers(path, source, ballast.unlink)


def test_import_with_injected_full_disk(tmp_path, source, monkeypatch):
    path = make_demo_db(tmp_path / "contacts.db", 200)
    real_open = open_database
    opened = []

    def failing_open(url, **kw):
        db = real_open(url, **kw)
        if not opened:  # the first open runs the import; the next one is after freeing
            _inject_full_disk(db, "INSERT INTO contacts ", nth=3)  # 2 batches get in
        opened.append(db)
        return db

    monkeypatch.setattr(sys.modules[__name__], "open_database", failing_open)
    _import_fails_clearly_then_recovers(path, source, lambda: None)


def _full_at_trash(db) -> None:
    _inject_full_disk(db, "UPDATE contacts SET deleted_at", 1)


def _bulk_delete(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read_session() as s:
            ids = list(s.scalars(select(Contact.id)))
        with db.session() as s:
            bulk.trash(s, ids)
    finally:
        db.dispose()


def _bulk_delete_on_full_disk(path: Path, make_full, free_space) -> HubDeskError | Exception:
    before = sqlite_state.dump(path)
    db = open_database(f"sqlite:///{path}")
    make_full(db)
    try:
        with db.read_session() as s:
            ids = list(s.scalars(select(Contact.id)))
        with pytest.raises(Exception) as failed, db.session() as s:
            bulk.add_labels(s, ids, ["Full disk"])
            bulk.trash(s, ids)
    finally:
        db.dispose()
    assert sqlite_state.problems(path) == []
    assert sqlite_state.differences(before, sqlite_state.dump(path)) == {}  # rolled back whole
    free_space()
    _bulk_delete(path)  # the next action succeeds
    return failed.value


def test_bulk_action_on_a_full_file_system_changes_nothing(small_disk):
    path = make_demo_db(small_disk / "contacts.db", 3000)
    ballast = []
    error = _bulk_delete_on_full_disk(
        path, lambda db: ballast.append(_fill(small_disk, leave=64 * 1024)),
        lambda: ballast[0].unlink())
    assert "full" in str(error)


def test_bulk_action_with_injected_full_disk_changes_nothing(tmp_path):
    path = make_demo_db(tmp_path / "contacts.db", 500)
    error = _bulk_delete_on_full_disk(path, _full_at_trash, lambda: None)
    assert "full" in str(error)


def test_bulk_action_on_a_full_disk_says_so_clearly(tmp_path):
    path = make_demo_db(tmp_path / "contacts.db", 500)
    error = _bulk_delete_on_full_disk(path, _full_at_trash, lambda: None)
    assert isinstance(error, HubDeskError), repr(error)
    assert "sqlalche.me" not in str(error)


def test_a_write_on_a_full_disk_names_the_disk_and_saves_nothing(tmp_path):
    from hubdesk.core.contacts import create_contact

    path = make_demo_db(tmp_path / "contacts.db", 50)
    before = sqlite_state.dump(path)
    db = open_database(f"sqlite:///{path}")
    _inject_full_disk(db, "INSERT INTO contacts ", 1)
    try:
        with pytest.raises(DiskFullError) as failed:
            db.write(lambda s: create_contact(s, {"first_name": "Nobody"}))
    finally:
        db.dispose()
    assert str(failed.value) == (f"The disk holding {path} is full; nothing was saved. Free "
                                 "some space and try again.")
    assert sqlite_state.differences(before, sqlite_state.dump(path)) == {}


def test_a_file_written_on_a_full_disk_inside_a_transaction_rolls_it_back(tmp_path):
    from hubdesk.core.contacts import create_contact

    path = make_demo_db(tmp_path / "contacts.db", 50)
    before = sqlite_state.dump(path)
    db = open_database(f"sqlite:///{path}")
    try:
        with pytest.raises(DiskFullError, match="is full; nothing was saved"), db.session() as s:
            create_contact(s, {"first_name": "Nobody"})
            raise OSError(errno.ENOSPC, "No space left on device")
    finally:
        db.dispose()
    assert sqlite_state.differences(before, sqlite_state.dump(path)) == {}


def test_a_backup_onto_a_full_file_system_leaves_no_part_file(small_disk):
    path = make_demo_db(small_disk.parent / "contacts.db", 3000)
    _fill(small_disk, leave=16 * 1024)
    db = open_database(f"sqlite:///{path}")
    try:
        with pytest.raises(DiskFullError) as failed:
            db.backup(small_disk / "copy.db")
    finally:
        db.dispose()
    assert str(failed.value) == (f"The disk holding {small_disk / 'copy.db'} is full; the "
                                 "backup was not made. Free some space and try again.")
    assert sorted(p.name for p in small_disk.iterdir()) == ["ballast"]
