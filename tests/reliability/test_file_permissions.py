"""Database files are private to their owner (0600 on POSIX), whatever the umask: contacts are
personal data, and the usual umask 022 leaves new files readable by every account."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hubdesk.core.db import open_database
from hubdesk.core.file_mode import create_private, is_private, make_private

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)  # what most desktop sessions run with
    yield
    os.umask(old)


def _modes(path: Path) -> dict[str, str]:
    return {p.name: oct(stat.S_IMODE(p.stat().st_mode))
            for p in sorted(path.parent.glob(path.name + "*"))}


def test_a_new_database_and_its_log_files_are_private(tmp_path):
    path = tmp_path / "contacts.db"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        s.connection().exec_driver_sql("CREATE TEMP TABLE t (x)")
    try:
        assert set(_modes(path).values()) == {"0o600"}, _modes(path)
    finally:
        db.dispose()


def test_a_backup_is_private(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'contacts.db'}")
    try:
        copy = db.backup(tmp_path / "copy.db")
    finally:
        db.dispose()
    assert is_private(copy), _modes(copy)


def test_a_file_created_private_keeps_sqlite_companions_private(tmp_path):
    """Why creating the file private is enough: SQLite gives -wal and -shm the mode
    of the database file."""
    path = tmp_path / "contacts.db"
    create_private(path)
    db = open_database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            s.connection().exec_driver_sql("CREATE TABLE t (x)")
        assert set(_modes(path)) >= {"contacts.db", "contacts.db-wal", "contacts.db-shm"}
        assert set(_modes(path).values()) == {"0o600"}, _modes(path)
    finally:
        db.dispose()


def test_make_private_narrows_an_existing_database_and_never_widens(tmp_path):
    path = tmp_path / "contacts.db"
    for suffix, mode in (("", 0o644), ("-wal", 0o664), ("-shm", 0o400)):
        Path(f"{path}{suffix}").write_bytes(b"")
        os.chmod(f"{path}{suffix}", mode)
    make_private(path)
    assert _modes(path) == {"contacts.db": "0o600", "contacts.db-shm": "0o400",
                            "contacts.db-wal": "0o600"}


def test_an_existing_readable_database_becomes_private_when_opened(tmp_path):
    path = tmp_path / "contacts.db"
    open_database(f"sqlite:///{path}").dispose()
    for suffix in ("", "-wal"):
        Path(f"{path}{suffix}").touch()
        os.chmod(f"{path}{suffix}", 0o644)  # as an earlier HubDesk left it
    db = open_database(f"sqlite:///{path}")
    try:
        assert _modes(path)["contacts.db"] == "0o600"
        assert set(_modes(path).values()) == {"0o600"}, _modes(path)
    finally:
        db.dispose()


def test_the_backup_made_before_a_migration_is_private(tmp_path):
    from hubdesk.core.db import make_engine, upgrade

    path = tmp_path / "contacts.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0006")  # a database of an earlier HubDesk, 0644 as it made them
    engine.dispose()
    open_database(f"sqlite:///{path}").dispose()
    backups = list(tmp_path.glob("contacts.db.before-*.bak"))
    assert len(backups) == 1 and is_private(backups[0]), _modes(path)


def test_a_moved_database_is_private(tmp_path):
    from hubdesk.core.relocate import copy_database

    db = open_database(f"sqlite:///{tmp_path / 'contacts.db'}")
    try:
        copied = copy_database(db, tmp_path / "moved.db")
    finally:
        db.dispose()
    assert is_private(copied.path), _modes(copied.path)


def test_a_restored_database_and_the_file_it_replaced_are_private(tmp_path):
    from hubdesk.core.restore import restore_backup

    path = tmp_path / "contacts.db"
    open_database(f"sqlite:///{path}").dispose()
    backup = tmp_path / "backup.db"
    open_database(f"sqlite:///{backup}").dispose()
    os.chmod(backup, 0o644)  # e.g. copied back from a USB stick
    restored = restore_backup(backup, path)
    assert restored.previous is not None
    assert is_private(path) and is_private(restored.previous), _modes(path)


def test_a_local_copy_of_a_database_is_private(tmp_path):
    from hubdesk.core.transfer import copy_database

    source = open_database(f"sqlite:///{tmp_path / 'contacts.db'}")
    target = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        copy_database(source, target)
    finally:
        source.dispose()
        target.dispose()
    assert set(_modes(tmp_path / "copy.db").values()) == {"0o600"}


def test_a_database_file_that_cannot_be_created_is_refused_clearly(tmp_path):
    from hubdesk.core.errors import DatabaseError

    name = "x" * 300 + ".db"  # longer than any file system allows, even for root
    with pytest.raises(DatabaseError, match=r"Cannot open database .*: File name too long"):
        open_database(f"sqlite:///{tmp_path / name}")
    assert list(tmp_path.iterdir()) == []
