"""Without --db, commands open what the app opens: the database moved in Settings →
Database, or the team server chosen there (with the keychain's password)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubdesk import config
from hubdesk.cli import main
from hubdesk.core.db import open_database
from hubdesk.db_choice import DatabaseChoice, choice_file, save_choice
from hubdesk.keychain import set_password
from tests.cli.conftest import Result
from tests.keychain_fakes import MemoryKeyring, no_keychain, using_keyring
from tests.team_server import password_login, team_database


@pytest.fixture
def hubdesk(capsys):
    """hubdesk("stats") runs `hubdesk stats` in-process, without --db unless given."""

    def run(*args: str, db: Path | None = None) -> Result:
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        capsys.readouterr()
        try:
            code = main(argv)
        except SystemExit as exc:  # --help
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def plain(monkeypatch, tmp_path):
    """A run with neither --db nor HUBDESK_DATABASE_URL; the default file is a temp one."""
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    default = tmp_path / "data" / "contacts.db"
    default.parent.mkdir()
    monkeypatch.setattr(config, "default_database_path", lambda: default)
    return default


def test_commands_use_the_database_moved_in_settings(hubdesk, plain, tmp_path):
    moved = tmp_path / "Dropbox" / "contacts.db"
    moved.parent.mkdir()
    open_database(config.sqlite_url(moved)).dispose()
    save_choice(DatabaseChoice("local", str(moved)))
    assert hubdesk("add", "--first-name", "Aiko", ).code == 0
    stats = hubdesk("stats", "--json", )
    assert json.loads(stats.out)["contacts"] == 1
    assert not plain.exists()  # the default file was not touched
    # --db still names another database for one command.
    other = hubdesk("stats", "--json", db=tmp_path / "other.db")
    assert json.loads(other.out)["contacts"] == 0


def test_a_moved_database_that_is_gone_is_refused_not_recreated(hubdesk, plain, tmp_path):
    gone = tmp_path / "usb" / "contacts.db"
    gone.parent.mkdir()
    save_choice(DatabaseChoice("local", str(gone)))
    result = hubdesk("add", "--first-name", "Aiko", )
    assert result.code == 2
    assert str(gone) in result.err and "not there now" in result.err
    assert not gone.exists() and not plain.exists()


def test_a_broken_choice_file_is_named_and_nothing_is_opened(hubdesk, plain, own_config_dir):
    own_config_dir.mkdir()
    choice_file().write_text('{"kind": "server"}', encoding="utf-8")
    result = hubdesk("stats", )
    assert result.code == 2
    assert str(choice_file()) in result.err and "no server is given" in result.err
    assert not plain.exists()


def test_help_says_where_the_database_comes_from(hubdesk):
    shown = " ".join(hubdesk("--help").out.split())
    assert "then the database chosen in Settings > Database, then the file" in shown


def test_commands_open_the_team_server_chosen_in_settings(hubdesk, plain, postgres_server):
    with using_keyring(MemoryKeyring()), team_database(postgres_server.url) as team:
        if postgres_server.url.password:
            set_password(team.key, postgres_server.url.password)
        save_choice(DatabaseChoice("server", "", team))
        assert hubdesk("add", "--first-name", "Team", ).code == 0
        assert json.loads(hubdesk("stats", "--json", ).out)["contacts"] == 1
        db = open_database(team.url(postgres_server.url.password)
                           .render_as_string(hide_password=False))
        try:
            from hubdesk.core.contacts import stats
            with db.read_session() as s:
                assert stats(s)["contacts"] == 1
        finally:
            db.dispose()
    assert not plain.exists()


def test_the_team_servers_password_comes_from_the_keychain(hubdesk, plain, postgres_server,
                                                           monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # the machine's ~/.pgpass plays no part
    with password_login(postgres_server.url) as login:
        if login is None:
            pytest.skip("the test server lets any password in (trust authentication)")
        role, password = login
        with team_database(postgres_server.url, owner=role) as team:
            save_choice(DatabaseChoice("server", "", team))
            with using_keyring(no_keychain()):
                refused = hubdesk("stats", )
            assert refused.code == 2
            assert "no password supplied" in refused.err
            assert "PGPASSWORD" in refused.err and password not in refused.err
            with using_keyring(MemoryKeyring()):
                set_password(team.key, "wrong")
                wrong = hubdesk("stats", )
                assert wrong.code == 2 and "refused the password saved" in wrong.err
                assert "wrong" not in wrong.err.replace("wrong.", "")
                set_password(team.key, password)
                assert hubdesk("stats", "--json", ).code == 0
            monkeypatch.setenv("PGPASSWORD", password)
            with using_keyring(no_keychain()):
                assert hubdesk("stats", ).code == 0  # libpq's own way works too
