"""Settings → Database: this computer or the team server, the password in the keychain only,
Test connection, and copying this computer's contacts to the team server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import inspect

from hubdesk import config
from hubdesk.core.contacts import stats
from hubdesk.core.db import open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.db_choice import DatabaseChoice, ServerSettings, choice_file, load_choice, save_choice
from hubdesk.keychain import set_password
from hubdesk.ui.dialogs.settings_dialog import SettingsDialog
from hubdesk.ui.settings import WindowSettings
from tests.keychain_fakes import LockedKeyring, no_keychain, using_keyring
from tests.team_server import password_login, team_database

TEAM = ServerSettings(host="db.example.com", port=6543, database="crm", user="mika",
                      sslmode="require")
SECRET = "correct horse:battery/staple"


@pytest.fixture
def open_dialog(qtbot, settings, store, jobs, monkeypatch):
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)

    def make() -> SettingsDialog:
        d = SettingsDialog(WindowSettings(settings), store, jobs)
        qtbot.addWidget(d)
        qtbot.waitUntil(lambda: d.database_page.keychain is not None, timeout=5_000)
        return d

    return make


@pytest.fixture
def app_db(db, monkeypatch):
    """The test database plays the default file in the user's data folder."""
    monkeypatch.setattr(config, "default_database_path", lambda: db.path)
    return db


def _ok(d: SettingsDialog):
    return d.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _fill(page, server: ServerSettings, password: str = "") -> None:
    page.server_radio.setChecked(True)
    form = page.server_form
    form.host.setText(server.host)
    form.port.setValue(server.port)
    form.database.setText(server.database)
    form.user.setText(server.user)
    form.tls.setCurrentIndex(form.tls.findData(server.sslmode))
    form.password.setText(password)


def test_the_page_shows_the_stored_team_server(open_dialog, ring):
    save_choice(DatabaseChoice("server", "", TEAM))
    page = open_dialog().database_page
    assert page.server_radio.isChecked() and not page.local_radio.isChecked()
    form = page.server_form
    assert (form.host.text(), form.port.value(), form.database.text(), form.user.text(),
            form.tls.currentData()) == ("db.example.com", 6543, "crm", "mika", "require")
    assert form.isEnabled()
    assert [form.tls.itemData(i) for i in range(form.tls.count())] == [
        "disable", "prefer", "require", "verify-full"]
    assert form.password.echoMode() == form.password.EchoMode.Password
    assert form.password.text() == ""  # a saved password is never shown
    assert page.restart_note.isHidden()


def test_this_computer_is_the_default_and_the_server_fields_wait(open_dialog, ring):
    page = open_dialog().database_page
    assert page.local_radio.isChecked()
    assert page.local_radio.text() == "This computer (default)"
    assert page.server_radio.text() == "Team server"
    assert not page.server_form.isEnabled() and not page.test_button.isEnabled()


def test_choosing_the_team_server_is_stored_on_ok_with_the_password_in_the_keychain(
        open_dialog, ring):
    d = open_dialog()
    page = d.database_page
    assert "saved in the system keychain when you press OK" in page.keychain_note.text()
    _fill(page, TEAM, SECRET)
    assert not page.restart_note.isHidden()
    assert "next start" in page.restart_note.text()
    assert not choice_file().exists()  # nothing before OK
    _ok(d).click()
    assert d.result() == d.DialogCode.Accepted
    assert load_choice() == DatabaseChoice("server", "", TEAM)
    assert ring.passwords == {("HubDesk", "mika@db.example.com:6543/crm"): SECRET}
    assert "correct horse" not in choice_file().read_text(encoding="utf-8")


def test_a_saved_password_is_kept_when_none_is_typed(open_dialog, ring):
    save_choice(DatabaseChoice("server", "", TEAM))
    set_password(TEAM.key, SECRET)
    d = open_dialog()
    page = d.database_page
    assert page.server_form.password.placeholderText() == "Saved in the keychain"
    assert "saved in the system keychain" in page.keychain_note.text()
    _ok(d).click()
    assert ring.passwords[("HubDesk", TEAM.key)] == SECRET


def test_another_server_forgets_the_old_servers_password(open_dialog, ring):
    save_choice(DatabaseChoice("server", "", TEAM))
    set_password(TEAM.key, SECRET)
    d = open_dialog()
    d.database_page.server_form.host.setText("db2.example.com")
    d.database_page.server_form.password.setText("new one")
    _ok(d).click()
    assert ring.passwords == {("HubDesk", "mika@db2.example.com:6543/crm"): "new one"}


def test_missing_fields_are_named_and_nothing_is_stored(open_dialog, ring):
    d = open_dialog()
    page = d.database_page
    d.tabs.setCurrentIndex(0)
    _fill(page, TEAM, SECRET)
    page.server_form.host.setText("  ")
    page.server_form.user.setText("")
    _ok(d).click()
    assert d.result() != d.DialogCode.Accepted
    assert d.tabs.currentWidget() is page
    assert not page.choice_status.isHidden()
    assert "Enter the server's name or address." in page.choice_status.text()
    assert "Enter the user name" in page.choice_status.text()
    assert not choice_file().exists()
    assert ring.passwords == {}


def test_a_host_with_spaces_is_refused_by_name(open_dialog, ring):
    d = open_dialog()
    _fill(d.database_page, TEAM)
    d.database_page.server_form.host.setText("db example")
    _ok(d).click()
    assert "“db example” is not a server name or address." in \
        d.database_page.choice_status.text()
    assert not choice_file().exists()


def test_without_a_keychain_the_page_says_so_and_the_password_is_not_stored(
        open_dialog, own_config_dir):
    with using_keyring(no_keychain()):
        d = open_dialog()
        page = d.database_page
        assert "no system keychain" in page.keychain_note.text()
        assert "PGPASSWORD" in page.keychain_note.text()
        _fill(page, TEAM, SECRET)
        _ok(d).click()
    assert d.result() == d.DialogCode.Accepted
    assert load_choice().kind == "server"
    for path in own_config_dir.rglob("*"):  # never in a plain file instead
        assert "correct horse" not in path.read_text(encoding="utf-8")


def test_a_locked_keychain_stops_ok_with_its_reason_and_stores_nothing(open_dialog):
    with using_keyring(LockedKeyring()):
        d = open_dialog()
        _fill(d.database_page, TEAM, SECRET)
        _ok(d).click()
    assert d.result() != d.DialogCode.Accepted
    assert "locked" in d.database_page.choice_status.text()
    assert not choice_file().exists()


def test_going_back_to_this_computer_keeps_the_server_for_later(open_dialog, ring):
    save_choice(DatabaseChoice("server", "/data/moved.db", TEAM))
    d = open_dialog()
    d.database_page.local_radio.setChecked(True)
    assert not d.database_page.restart_note.isHidden()
    _ok(d).click()
    assert load_choice() == DatabaseChoice("local", "/data/moved.db", TEAM)


def test_a_run_named_with_the_variable_says_the_choice_applies_without_it(
        open_dialog, ring, monkeypatch, tmp_path):
    monkeypatch.setenv(config.DATABASE_ENV, str(tmp_path / "x.db"))
    page = open_dialog().database_page
    assert not page.named_note.isHidden()
    assert "HUBDESK_DATABASE_URL is set" in page.named_note.text()


def test_a_run_named_with_db_says_the_choice_applies_from_the_next_plain_start(
        open_dialog, ring):
    page = open_dialog().database_page  # the test database is neither chosen nor default
    assert not page.named_note.isHidden()
    assert "next start without --db" in page.named_note.text()
    assert not page.move_button.isEnabled()
    assert page.copy_button.isEnabled()  # what is open can still be copied to the server


def test_this_computers_own_database_is_not_called_named(open_dialog, ring, app_db):
    page = open_dialog().database_page
    assert page.named_note.isHidden()
    assert page.move_button.isEnabled() and page.copy_button.isEnabled()


def test_the_team_server_in_use_is_not_called_named(qtbot, ring, jobs, tmp_path, monkeypatch):
    """A team database that is open now (seen here through a stand-in object)."""
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    save_choice(DatabaseChoice("server", "", TEAM))

    class OnServer:
        url = TEAM.url("typed at start").render_as_string(hide_password=False)
        path = None

    from hubdesk.ui.dialogs.database_page import DatabasePage

    page = DatabasePage(OnServer(), jobs)
    qtbot.addWidget(page)
    assert page.named_note.isHidden()
    assert page.location.text() == \
        "postgresql+psycopg://mika:***@db.example.com:6543/crm?sslmode=require"
    assert not page.move_button.isEnabled() and not page.copy_button.isEnabled()
    qtbot.waitUntil(lambda: page.keychain is not None)


# --- against a real PostgreSQL server (skipped without one) ----------------------------------
@pytest.fixture
def team(postgres_server, ring):
    """An empty database on the test server, the form's way: host, port, name, user."""
    with team_database(postgres_server.url) as server:
        if postgres_server.url.password:
            set_password(server.key, postgres_server.url.password)
        yield server


def _server_db(server: ServerSettings, password: str | None = None):
    return open_database(server.url(password).render_as_string(hide_password=False))


def _test(qtbot, page) -> str:
    with qtbot.waitSignal(page.tested, timeout=15_000):
        page.test_button.click()
    assert page.test_status.textFormat() == Qt.TextFormat.PlainText
    return page.test_status.text()


def test_testing_an_empty_database_says_hubdesk_creates_its_tables_and_creates_none(
        open_dialog, qtbot, team, postgres_server):
    page = open_dialog().database_page
    _fill(page, team)
    text = _test(qtbot, page)
    assert text.startswith("Connected: PostgreSQL 1"), text
    assert "HubDesk creates them when it first opens it" in text
    probe = _server_db_engine(postgres_server, team)
    try:
        with probe.connect() as conn:
            assert inspect(conn).get_table_names() == []  # testing changed nothing
    finally:
        probe.dispose()


def _server_db_engine(postgres_server, server: ServerSettings):
    from sqlalchemy import create_engine

    return create_engine(postgres_server.url.set(database=server.database))


def test_testing_a_hubdesk_database_counts_its_contacts(open_dialog, qtbot, team):
    db = _server_db(team)
    try:
        with db.session() as s:
            add_demo_contacts(s, 7, seed=2)
    finally:
        db.dispose()
    page = open_dialog().database_page
    _fill(page, team)
    text = _test(qtbot, page)
    assert text.startswith("Connected: PostgreSQL 1") and text.endswith(", 7 contacts"), text
    assert page.test_button.isEnabled()


def test_testing_shows_the_servers_own_error_as_plain_text(open_dialog, qtbot, team):
    page = open_dialog().database_page
    _fill(page, team)
    page.server_form.database.setText("no_such_database_here")
    text = _test(qtbot, page)
    assert text.startswith("Could not connect: ")
    assert 'database "no_such_database_here" does not exist' in text


def test_testing_a_closed_port_says_so(open_dialog, qtbot, team):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    page = open_dialog().database_page
    _fill(page, ServerSettings(host="127.0.0.1", port=free, database="x", user="y"))
    text = _test(qtbot, page)
    assert text.startswith("Could not connect: ") and "refused" in text.lower()


def test_a_refused_password_is_named(open_dialog, qtbot, postgres_server, ring):
    with password_login(postgres_server.url) as login:
        if login is None:
            pytest.skip("the test server lets any password in (trust authentication)")
        role, password = login
        with team_database(postgres_server.url, owner=role) as server:
            page = open_dialog().database_page
            _fill(page, server, "not the password")
            text = _test(qtbot, page)
            assert "password authentication failed" in text
            assert text.endswith("Check the user name and the password.")
            page.server_form.password.setText(password)
            assert "HubDesk creates them" in _test(qtbot, page)


def test_copying_my_contacts_to_the_team_server_shows_the_verified_counts(
        open_dialog, qtbot, team, app_db):
    with app_db.session() as s:
        add_demo_contacts(s, 12, seed=4)
    d = open_dialog()
    page = d.database_page
    _fill(page, team)
    page.local_radio.setChecked(True)
    with qtbot.waitSignal(page.copyEnded, timeout=60_000):
        page.copy_button.click()
        assert not _ok(d).isEnabled()  # the dialog waits for the copy
        assert not page.cancel_copy_button.isHidden()
    assert page.status.textFormat() == Qt.TextFormat.PlainText
    assert page.status.text().startswith("Copied and checked: 12 contacts ("), \
        page.status.text()
    assert "every table's row count matches" in page.status.text()
    assert _ok(d).isEnabled() and page.cancel_copy_button.isHidden()
    assert page.server_radio.isChecked()  # OK now switches to the team server
    server = _server_db(team)
    try:
        with server.read_session() as s:
            assert stats(s)["contacts"] == 12
    finally:
        server.dispose()
    # A second copy would mix two databases: refused, and the server keeps its 12.
    with qtbot.waitSignal(page.copyEnded, timeout=60_000):
        page.copy_button.click()
    assert page.status.text().startswith("Nothing was copied: ")
    assert "already holds data" in page.status.text()
    _ok(d).click()
    assert load_choice() == DatabaseChoice("server", "", team)


def test_a_cancelled_copy_leaves_the_team_server_empty(open_dialog, qtbot, team, app_db):
    with app_db.session() as s:
        add_demo_contacts(s, 30, seed=5)
    page = open_dialog().database_page
    _fill(page, team)
    with qtbot.waitSignal(page.copyEnded, timeout=60_000):
        page.copy_button.click()
        page.cancel_copy_button.click()
    assert page.status.text() == "Copy cancelled; nothing was copied to the team server."
    server = _server_db(team)
    try:
        with server.read_session() as s:
            assert stats(s)["contacts"] == 0
    finally:
        server.dispose()


def test_copying_needs_the_server_filled_in(open_dialog, ring, app_db):
    page = open_dialog().database_page
    page.copy_button.click()
    assert "Fill in the team server above first." in page.status.text()
    assert page.server_radio.isChecked() and page.server_form.isEnabled()
