"""The stored database choice (Settings → Database) that the app and the command line both
read: the order of --db, HUBDESK_DATABASE_URL, the choice and the default file; the password
only in the keychain; a broken file named in a clear error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from hubdesk import config
from hubdesk.core.errors import DatabaseError
from hubdesk.db_choice import (
    DatabaseChoice,
    DatabaseChoiceError,
    ServerSettings,
    choice_file,
    load_choice,
    save_choice,
)
from hubdesk.keychain import (
    NoKeychainError,
    delete_password,
    get_password,
    keychain_available,
    set_password,
)
from tests.keychain_fakes import LockedKeyring, MemoryKeyring, no_keychain, using_keyring

TEAM = ServerSettings(host="db.example.com", port=6543, database="crm", user="mika",
                      sslmode="require")
SECRET = "p@ss:w/rd ü"


@pytest.fixture
def default_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data" / "contacts.db"
    monkeypatch.setattr(config, "default_database_path", lambda: path)
    return path


@pytest.fixture
def memory_keyring():
    with using_keyring(MemoryKeyring()) as ring:
        yield ring


def test_tests_never_read_the_users_own_choice(own_config_dir):
    assert choice_file() == own_config_dir / "database.json"
    assert os.environ["HUBDESK_CONFIG_DIR"] == str(own_config_dir)


def test_without_a_stored_choice_the_default_file_opens_and_no_file_is_written(
        default_file, own_config_dir):
    source = config.database_source(None, {})
    assert source.origin == "default"
    assert source.url == config.sqlite_url(default_file)
    assert not own_config_dir.exists()  # reading a choice nobody made leaves no trace


def test_db_wins_then_the_variable_then_the_stored_choice_then_the_default(
        default_file, tmp_path, memory_keyring):
    moved = tmp_path / "moved.db"
    save_choice(DatabaseChoice("local", str(moved)))
    assert config.database_source(None, {}).url == config.sqlite_url(moved)
    assert config.database_source(None, {}).origin == "moved"
    env = {config.DATABASE_ENV: "postgresql://ana@other/x"}
    assert config.database_source(None, env).url == "postgresql+psycopg://ana@other/x"
    assert config.database_source(None, env).origin == "environment"
    named = config.database_source(str(tmp_path / "named.db"), env)
    assert (named.origin, named.url) == ("option", config.sqlite_url(tmp_path / "named.db"))
    save_choice(DatabaseChoice("server", str(moved), TEAM))
    url = make_url(config.resolve_database_url(None, {}))
    assert (url.drivername, url.host, url.port, url.database, url.username) == (
        "postgresql+psycopg", "db.example.com", 6543, "crm", "mika")
    assert url.query["sslmode"] == "require"
    with pytest.raises(DatabaseError, match="--db is empty"):
        config.database_source("  ", {})


def test_the_server_url_carries_the_keychain_password_but_never_shows_it(memory_keyring):
    set_password(TEAM.key, SECRET)
    assert memory_keyring.passwords == {("HubDesk", "mika@db.example.com:6543/crm"): SECRET}
    save_choice(DatabaseChoice("server", "", TEAM))
    source = config.database_source(None, {})
    assert (source.origin, source.password_from) == ("server", "keychain")
    assert make_url(source.url).password == SECRET
    for shown in (source.shown, repr(source), str(source)):
        assert SECRET not in shown and "p%40ss" not in shown
    assert source.shown == "postgresql+psycopg://mika:***@db.example.com:6543/crm?sslmode=require"
    stored = choice_file().read_text(encoding="utf-8")
    assert "p@ss" not in stored and "password" not in stored


def test_without_a_keychain_the_url_has_no_password_and_says_what_works_instead():
    with using_keyring(no_keychain()):
        assert not keychain_available()
        save_choice(DatabaseChoice("server", "", TEAM))
        source = config.database_source(None, {})
        with pytest.raises(NoKeychainError, match="PGPASSWORD") as refused:
            set_password(TEAM.key, SECRET)
    assert make_url(source.url).password is None
    assert source.password_from == ""
    assert "no system keychain" in source.keychain_problem
    assert "~/.pgpass" in str(refused.value)


def test_a_locked_keychain_is_reported_like_none_with_its_reason():
    with using_keyring(LockedKeyring()):
        with pytest.raises(NoKeychainError, match="locked"):
            get_password(TEAM.key)
        with pytest.raises(NoKeychainError, match="could not save"):
            set_password(TEAM.key, SECRET)
        save_choice(DatabaseChoice("server", "", TEAM))
        source = config.database_source(None, {})
    assert make_url(source.url).password is None
    assert "locked" in source.keychain_problem


def test_deleting_a_password_that_is_not_saved_is_fine(memory_keyring):
    delete_password(TEAM.key)
    set_password(TEAM.key, SECRET)
    delete_password(TEAM.key)
    assert get_password(TEAM.key) is None


def test_without_password_the_keychain_is_not_asked():
    with using_keyring(LockedKeyring()):
        save_choice(DatabaseChoice("server", "", TEAM))
        source = config.database_source(None, {}, with_password=False)
    assert source.keychain_problem == ""


def test_a_choice_round_trips_through_its_file(own_config_dir):
    choice = DatabaseChoice("server", "/media/usb/連絡先.db", TEAM)
    path = save_choice(choice)
    assert path == own_config_dir / "database.json"
    assert load_choice() == choice
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "kind": "server", "moved_to": "/media/usb/連絡先.db",
        "server": {"host": "db.example.com", "port": 6543, "database": "crm", "user": "mika",
                   "sslmode": "require"}}
    assert [p.name for p in own_config_dir.iterdir()] == ["database.json"]  # no temp left


def test_a_failed_save_keeps_the_old_choice_whole(own_config_dir, monkeypatch):
    save_choice(DatabaseChoice("local", "/old/contacts.db"))
    before = choice_file().read_bytes()

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(DatabaseChoiceError, match="No space left") as failed:
        save_choice(DatabaseChoice("server", "", TEAM))
    assert str(choice_file()) in str(failed.value)
    assert choice_file().read_bytes() == before
    assert [p.name for p in own_config_dir.iterdir()] == ["database.json"]


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "Expecting property name"),
    ("[]", "expected a JSON object"),
    ('{"kind": "cloud"}', "kind must be"),
    ('{"kind": "server"}', "no server is given"),
    ('{"kind": "local", "moved_to": 5}', "moved_to must be a path"),
    ('{"kind": "server", "server": {"host": "", "database": "d", "user": "u"}}',
     "name or address is missing"),
    ('{"kind": "server", "server": {"host": "h", "port": "5432", "database": "d", '
     '"user": "u"}}', "port must be a whole number"),
    ('{"kind": "server", "server": {"host": "h", "port": 70000, "database": "d", '
     '"user": "u"}}', "not a port number"),
    ('{"kind": "server", "server": {"host": "h", "database": "d", "user": "u", '
     '"sslmode": "maybe"}}', "not one of disable, prefer, require, verify-full"),
])
def test_a_broken_choice_file_is_a_clear_error_naming_it(own_config_dir, content, reason):
    own_config_dir.mkdir()
    choice_file().write_text(content, encoding="utf-8")
    with pytest.raises(DatabaseChoiceError) as broken:
        config.database_source(None, {})
    message = str(broken.value)
    assert str(choice_file()) in message and reason in message
    assert "delete it" in message
    assert choice_file().read_text(encoding="utf-8") == content  # left for the user to see


def test_an_unreadable_choice_file_is_a_clear_error(own_config_dir):
    choice_file().mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(DatabaseChoiceError, match="cannot be read") as broken:
        load_choice()
    assert str(choice_file()) in str(broken.value)


def test_db_and_the_variable_work_even_when_the_stored_choice_is_broken(own_config_dir,
                                                                        tmp_path):
    own_config_dir.mkdir()
    choice_file().write_text("{", encoding="utf-8")
    assert config.database_source(str(tmp_path / "x.db"), {}).origin == "option"
    assert config.database_source(None, {config.DATABASE_ENV: "x.db"}).origin == "environment"


def test_a_moved_file_that_is_not_there_is_reported_missing(tmp_path):
    gone = tmp_path / "unplugged" / "contacts.db"
    save_choice(DatabaseChoice("local", str(gone)))
    assert config.database_source(None, {}).missing_file == gone.resolve()
    here = tmp_path / "here.db"
    here.write_bytes(b"")
    save_choice(DatabaseChoice("local", str(here)))
    assert config.database_source(None, {}).missing_file is None


def test_same_database_ignores_passwords():
    assert config.same_database("postgresql+psycopg://a:x@h/db", "postgresql+psycopg://a@h/db")
    assert not config.same_database("postgresql+psycopg://a@h/db", "postgresql+psycopg://a@h/o")
    assert config.same_database("sqlite:////tmp/a.db", "sqlite:////tmp/a.db")
