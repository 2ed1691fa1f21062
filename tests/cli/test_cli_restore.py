"""`hubdesk restore BACKUP` puts a checked backup in place of the database file and keeps the
replaced one; anything else is refused naming what is wrong, with nothing changed. A database
on a network share is warned about on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubdesk.cli import main
from tests.cli.conftest import Result


@pytest.fixture
def run(capsys):
    def hubdesk(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return hubdesk


def contacts(run, db: Path) -> int:
    return json.loads(run("--db", str(db), "stats", "--json").out)["contacts"]


def test_restore_replaces_the_file_and_keeps_the_old_one(run, tmp_path):
    db, backup = tmp_path / "contacts.db", tmp_path / "monday.db"
    assert run("--db", str(db), "demo-data", "12").code == 0
    assert run("--db", str(db), "backup", str(backup)).code == 0
    assert run("--db", str(db), "demo-data", "5").code == 0
    result = run("--db", str(db), "restore", str(backup))
    assert result.code == 0, result.err
    assert "12 contacts" in result.out and "kept as" in result.out
    assert contacts(run, db) == 12
    [kept] = tmp_path.glob("contacts.db.before-restore-*.bak")
    assert contacts(run, kept) == 17
    assert sorted(p.name for p in tmp_path.glob("monday.db*")) == ["monday.db"]


@pytest.mark.parametrize("content", [b"", b"not a database at all"])
def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(run, tmp_path, content):
    db, bogus = tmp_path / "contacts.db", tmp_path / "notes.db"
    assert run("--db", str(db), "demo-data", "3").code == 0
    bogus.write_bytes(content)
    before = db.read_bytes()
    result = run("--db", str(db), "restore", str(bogus))
    assert result.code == 2 and "notes.db" in result.err
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_a_team_server_is_not_restored_here(run, tmp_path):
    result = run("--db", "postgresql://mika@db.example.com/hubdesk", "restore",
                 str(tmp_path / "x.db"))
    assert result.code == 2 and "pg_restore" in result.err


def test_a_database_on_a_network_share_is_warned_about(run, tmp_path, monkeypatch):
    from hubdesk.core import fs_check

    monkeypatch.setattr(fs_check, "network_filesystem", lambda _path: "cifs")
    result = run("--db", str(tmp_path / "shared.db"), "stats")
    assert result.code == 0
    assert "warning:" in result.err and "network share (cifs)" in result.err
