"""At start, the team server chosen in Settings → Database: its password is asked for when
the keychain has none or the server refuses it, and Cancel offers this computer's database."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.engine import make_url

from hubdesk import config
from hubdesk.core.db import open_database
from hubdesk.core.errors import DatabaseError
from hubdesk.db_choice import DatabaseChoice, ServerSettings, save_choice
from hubdesk.keychain import set_password
from hubdesk.ui.app import open_start_database
from hubdesk.ui.dialogs.server_login import ServerLoginDialog, connect_team_server
from tests.keychain_fakes import no_keychain, using_keyring
from tests.team_server import password_login, team_database

TEAM = ServerSettings(host="db.example.com", port=5432, database="crm", user="mika")
SECRET = "open sesame"


@pytest.fixture
def server_choice(monkeypatch):
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    save_choice(DatabaseChoice("server", "", TEAM))


class FakeServer:
    """Accepts SECRET only; opens a temporary SQLite file in the server's place."""

    def __init__(self, tmp_path):
        self.tmp_path, self.tried, self.opened = tmp_path, [], []

    def __call__(self, url: str):
        password = make_url(url).password
        self.tried.append(password)
        if password is None:
            cause = Exception("connection failed: fe_sendauth: no password supplied")
        elif password != SECRET:
            cause = Exception('FATAL:  password authentication failed for user "mika"')
        else:
            db = open_database(f"sqlite:///{self.tmp_path / 'team.db'}")
            self.opened.append(db)
            return db
        raise DatabaseError(f"Cannot open database: {cause}") from cause

    def close(self):
        for db in self.opened:
            db.dispose()


@pytest.fixture
def fake_server(tmp_path):
    server = FakeServer(tmp_path)
    yield server
    server.close()


def _connect_with(monkeypatch, server) -> None:
    """open_start_database's team server is `server`."""
    import hubdesk.ui.dialogs.server_login as login

    monkeypatch.setattr(login, "connect_team_server", lambda source, jobs: (
        connect_team_server(source, jobs, connect=server)))


def _login(qtbot, dialog: ServerLoginDialog, typed: str) -> None:
    qtbot.waitUntil(lambda: not dialog.password_row.isHidden() and not dialog._running)
    dialog.password.setText(typed)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog._running, timeout=5_000)


def test_a_saved_password_that_works_opens_without_a_dialog(server_choice, ring, jobs,
                                                            fake_server, monkeypatch):
    set_password(TEAM.key, SECRET)
    monkeypatch.setattr(ServerLoginDialog, "exec", lambda d: pytest.fail("asked"))
    source = config.database_source()
    db = connect_team_server(source, jobs, connect=fake_server)
    assert db is not None and fake_server.tried == [SECRET]


def test_without_a_saved_password_it_is_asked_for_and_remembered(
        server_choice, ring, jobs, fake_server, qtbot, monkeypatch):
    seen = {}

    def exec_(dialog: ServerLoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.password_row.isHidden())
        seen["asked"] = dialog.message.text()
        seen["remember"] = not dialog.remember.isHidden() and dialog.remember.isChecked()
        _login(qtbot, dialog, "a wrong guess")
        seen["refused"] = dialog.message.text()
        _login(qtbot, dialog, SECRET)
        return dialog.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
    db = connect_team_server(config.database_source(), jobs, connect=fake_server)
    assert db is not None
    assert seen["asked"].startswith("The team server mika@db.example.com:5432/crm needs "
                                    "your password.")
    assert "no password supplied" in seen["asked"]
    assert seen["refused"].startswith("The team server mika@db.example.com:5432/crm refused "
                                      "the password:")
    assert seen["remember"]
    assert fake_server.tried == [None, "a wrong guess", SECRET]
    assert ring.passwords == {("HubDesk", TEAM.key): SECRET}


def test_not_remembering_leaves_the_keychain_alone(server_choice, ring, jobs, fake_server,
                                                   qtbot, monkeypatch):
    def exec_(dialog: ServerLoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.password_row.isHidden())
        dialog.remember.setChecked(False)
        _login(qtbot, dialog, SECRET)
        return dialog.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
    assert connect_team_server(config.database_source(), jobs, connect=fake_server)
    assert ring.passwords == {}


def test_without_a_keychain_the_password_is_for_this_session_only(
        server_choice, jobs, fake_server, qtbot, monkeypatch):
    seen = {}

    def exec_(dialog: ServerLoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.password_row.isHidden())
        seen["remember shown"] = not dialog.remember.isHidden()
        seen["note"] = dialog.keychain_note.text()
        _login(qtbot, dialog, SECRET)
        return dialog.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
    with using_keyring(no_keychain()):
        source = config.database_source()
        assert connect_team_server(source, jobs, connect=fake_server)
    assert seen["remember shown"] is False
    assert "used for this session only" in seen["note"] and "~/.pgpass" in seen["note"]


def test_an_unreachable_server_offers_to_try_again(server_choice, ring, jobs, qtbot,
                                                   monkeypatch, fake_server):
    attempts = []

    def flaky(url: str):
        attempts.append(url)
        if len(attempts) == 1:
            raise DatabaseError("Cannot open database: connection refused <b>here</b>")
        return fake_server(TEAM.url(SECRET).render_as_string(hide_password=False))

    seen = {}

    def exec_(dialog: ServerLoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog._running)
        seen["text"] = dialog.message.text()
        seen["button"] = dialog.connect_button.text()
        seen["password shown"] = not dialog.password_row.isHidden()
        dialog.connect_button.click()
        qtbot.waitUntil(lambda: not dialog._running)
        return dialog.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
    assert connect_team_server(config.database_source(), jobs, connect=flaky)
    assert seen["text"].startswith("HubDesk could not connect to the team server")
    assert "<b>here</b>" in seen["text"]  # shown as it is, as plain text
    assert seen["button"] == "Try again" and not seen["password shown"]


def test_cancel_offers_this_computers_database(server_choice, ring, jobs, fake_server, qtbot,
                                              monkeypatch, tmp_path):
    local = tmp_path / "data" / "contacts.db"
    local.parent.mkdir()
    monkeypatch.setattr(config, "default_database_path", lambda: local)

    def give_up(dialog: ServerLoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.password_row.isHidden())
        dialog.reject()
        return dialog.result()

    offered = []

    def use_local(box: QMessageBox) -> int:
        offered.append(box.text())
        next(b for b in box.buttons()
             if b.text() == "Use this computer's database").click()
        return 0

    monkeypatch.setattr(ServerLoginDialog, "exec", give_up)
    monkeypatch.setattr(QMessageBox, "exec", use_local)
    _connect_with(monkeypatch, fake_server)
    db = open_start_database(config.database_source(), jobs)
    try:
        assert db is not None and db.path == local
        assert "did not connect to the team server mika@db.example.com:5432/crm" in offered[0]
    finally:
        db.dispose()


def test_cancel_and_close_does_not_start(server_choice, ring, jobs, fake_server, qtbot,
                                         monkeypatch, tmp_path):
    monkeypatch.setattr(config, "default_database_path", lambda: tmp_path / "contacts.db")
    monkeypatch.setattr(ServerLoginDialog, "exec", lambda d: d.reject() or 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
        b for b in box.buttons() if b.text() == "Close HubDesk").click() or 0)
    _connect_with(monkeypatch, fake_server)
    assert open_start_database(config.database_source(), jobs) is None
    assert not (tmp_path / "contacts.db").exists()


def test_a_real_server_asks_for_the_password_and_opens(postgres_server, ring, jobs, qtbot,
                                                       monkeypatch):
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    with password_login(postgres_server.url) as login:
        if login is None:
            pytest.skip("the test server lets any password in (trust authentication)")
        role, password = login
        with team_database(postgres_server.url, owner=role) as server:
            save_choice(DatabaseChoice("server", "", server))
            asked = []

            def exec_(dialog: ServerLoginDialog) -> int:
                qtbot.waitUntil(lambda: not dialog.password_row.isHidden(), timeout=10_000)
                asked.append(dialog.message.text())
                _login(qtbot, dialog, password)
                qtbot.waitUntil(lambda: dialog.database is not None, timeout=30_000)
                return dialog.result()

            monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
            db = open_start_database(config.database_source(), jobs)
            try:
                assert db is not None and db.dialect == "postgresql"
                assert "no password supplied" in asked[0]
                assert ring.passwords == {("HubDesk", server.key): password}
            finally:
                db.dispose()
