"""Settings → Preferences…: what the user chooses is stored, applied, and read back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from hubdesk import config
from hubdesk.core.normalize import default_region
from hubdesk.db_choice import DatabaseChoice, choice_file, load_choice, save_choice
from hubdesk.ui.app import apply_preferences, startup_source
from hubdesk.ui.dialogs.export_dialog import ExportDialog, ExportScopes
from hubdesk.ui.dialogs.settings_dialog import SettingsDialog
from hubdesk.ui.settings import WindowSettings
from hubdesk.ui.theme import AppTheme, is_dark


@pytest.fixture
def prefs(settings) -> WindowSettings:
    return WindowSettings(settings)


@pytest.fixture
def light_again(qapp):
    yield
    AppTheme.of(qapp).set_theme("system")
    assert not is_dark(qapp.palette())


@pytest.fixture
def dialog(qtbot, prefs, store, jobs, light_again, monkeypatch):
    monkeypatch.setenv("HUBDESK_REGION", "JP")  # whatever a test sets is undone
    d = SettingsDialog(prefs, store, jobs)
    qtbot.addWidget(d)
    return d


def _ok(d: SettingsDialog):
    return d.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_preferences_is_in_the_settings_menu_with_its_shortcut(window_factory, db,
                                                               monkeypatch):
    window = window_factory(db)
    action = window.preferences_action
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    settings_menu = next(a.menu() for a in window.menuBar().actions()
                         if a.text() == "&Settings")
    assert action in settings_menu.actions()
    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda d: opened.append(d) or 0)
    action.trigger()
    assert len(opened) == 1 and opened[0].tabs.count() == 4
    assert [opened[0].tabs.tabText(i) for i in range(4)] == [
        "General", "Appearance", "Database", "Export"]
    assert window.isVisible()  # nothing moved: the window stays


def test_your_name_signs_notes_now_and_after_a_restart(dialog, prefs, store, db, settings,
                                                       window_factory):
    dialog.author.setText("  Mika Sato ")
    _ok(dialog).click()
    assert prefs.author() == "Mika Sato"
    assert store.author == "Mika Sato"
    window = window_factory(db)
    assert window.store.author == "Mika Sato"


def test_the_phone_region_is_stored_and_used_at_once(dialog, prefs):
    assert dialog.region.value() == "JP"  # what the core uses now
    dialog.region.set_value("DE")
    _ok(dialog).click()
    assert prefs.phone_region() == "DE"
    assert os.environ["HUBDESK_REGION"] == "DE"
    assert default_region() == "DE"


def test_an_unchanged_region_is_not_pinned(dialog, prefs):
    _ok(dialog).click()
    assert prefs.phone_region() == ""  # still follows HUBDESK_REGION / the locale


def test_the_language_is_stored_for_the_next_start(dialog, prefs):
    assert [dialog.language.itemText(i) for i in range(3)] == [
        "System default", "English", "日本語"]
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    _ok(dialog).click()
    assert prefs.language() == "ja"


def test_the_theme_applies_at_once_and_cancel_takes_it_back(dialog, prefs, qapp):
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert is_dark(qapp.palette())
    dialog.reject()
    assert not is_dark(qapp.palette())
    assert prefs.theme() == "system"


def test_a_chosen_theme_is_kept(dialog, prefs, qapp):
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    _ok(dialog).click()
    assert prefs.theme() == "dark" and is_dark(qapp.palette())


def test_export_defaults_are_what_the_export_dialog_starts_with(dialog, prefs, store, jobs,
                                                                qtbot):
    prefs.set_export_choices({"format": "xlsx", "columns": ["email"]})
    dialog = SettingsDialog(prefs, store, jobs)
    qtbot.addWidget(dialog)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp932"))
    dialog.neutralize.setChecked(False)
    _ok(dialog).click()
    assert prefs.export_defaults() == ("cp932", False)
    export = ExportDialog(store, jobs, prefs, ExportScopes(all_count=0))
    qtbot.addWidget(export)
    assert export.encoding_combo.currentData() == "cp932"
    assert not export.neutralize.isChecked()
    assert export.format_combo.currentData() == "xlsx"  # the other choices are kept


def test_a_database_named_with_db_is_shown_but_not_moved_from_here(dialog, db):
    page = dialog.database_page
    assert page.location.text() == str(db.path)
    assert not page.move_button.isEnabled()


@pytest.fixture
def app_db(db, monkeypatch):
    """The test database plays the default file in the user's data folder."""
    monkeypatch.setattr(config, "default_database_path", lambda: db.path)
    return db


def test_moving_copies_checks_and_uses_the_copy_from_the_next_start(
        dialog, app_db, prefs, tmp_path, qtbot, monkeypatch):
    from hubdesk.core.demo import add_demo_contacts

    with app_db.session() as s:
        add_demo_contacts(s, 12, seed=1)
    dialog = SettingsDialog(prefs, dialog.store, dialog.database_page.jobs)
    qtbot.addWidget(dialog)
    page = dialog.database_page
    assert page.move_button.isEnabled()
    dest = tmp_path / "Dropbox" / "contacts.db"
    dest.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(dest), "SQLite database (*.db)"))
    with qtbot.waitSignal(page.moved, timeout=10_000):
        page.move_button.click()
    assert dest.is_file()
    assert load_choice().moved_to == str(dest)
    assert page.location.text() == str(dest)
    assert "12 contacts" in page.status.text()
    assert dialog.database_moved
    assert _ok(dialog).text() == "Close HubDesk"
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isVisible()
    # The next start (and every command without --db) opens the copy; --db naming another
    # database still wins.
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    assert config.resolve_database_url() == config.sqlite_url(dest)
    other = tmp_path / "other.db"
    assert config.resolve_database_url(str(other)) == config.sqlite_url(other)


def test_moving_onto_an_existing_file_is_refused(dialog, app_db, prefs, tmp_path, qtbot,
                                                 monkeypatch):
    dialog = SettingsDialog(prefs, dialog.store, dialog.database_page.jobs)
    qtbot.addWidget(dialog)
    page = dialog.database_page
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"keep me")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(taken), ""))
    page.move_button.click()
    qtbot.waitUntil(lambda: page.move_button.isEnabled(), timeout=10_000)
    assert "already exists" in page.status.text()
    assert taken.read_bytes() == b"keep me"
    assert not choice_file().exists()
    assert not dialog.database_moved


def test_the_window_closes_after_a_move(window_factory, db, monkeypatch):
    window = window_factory(db)

    def moved(d):
        d.database_page.copied = object()  # as if the copy had finished
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", moved)
    window.open_preferences()
    assert not window.isVisible()


def test_the_stored_preferences_apply_at_start(qapp, settings, tmp_path, light_again,
                                               monkeypatch):
    monkeypatch.delenv("HUBDESK_REGION", raising=False)
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    monkeypatch.setattr(config, "default_database_path", lambda: tmp_path / "contacts.db")
    moved = tmp_path / "moved.db"
    moved.write_bytes(b"")
    save_choice(DatabaseChoice("local", str(moved)))
    prefs = WindowSettings(settings)
    prefs.set_theme("dark")
    prefs.set_phone_region("FR")
    apply_preferences(qapp, settings)
    assert is_dark(qapp.palette())
    assert os.environ["HUBDESK_REGION"] == "FR"
    assert startup_source(None, settings).url == config.sqlite_url(moved)
    other = tmp_path / "named-with-db.db"
    assert startup_source(str(other), settings).url == config.sqlite_url(other)


def test_a_location_moved_by_an_earlier_version_is_carried_over_once(
        qapp, settings, tmp_path, monkeypatch):
    """Earlier versions kept it in QSettings, which the command line never read."""
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    monkeypatch.setattr(config, "default_database_path", lambda: tmp_path / "contacts.db")
    moved = tmp_path / "moved last week.db"
    moved.write_bytes(b"")
    settings.setValue("database/location", str(moved))
    assert startup_source(None, settings).url == config.sqlite_url(moved)
    assert load_choice().moved_to == str(moved)  # where the command line reads it too
    assert settings.value("database/location") is None
    assert config.resolve_database_url() == config.sqlite_url(moved)


def test_a_newer_location_is_not_overwritten_by_the_old_one(qapp, settings, tmp_path,
                                                            monkeypatch):
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    newer = tmp_path / "newer.db"
    newer.write_bytes(b"")
    save_choice(DatabaseChoice("local", str(newer)))
    settings.setValue("database/location", str(tmp_path / "older.db"))
    assert startup_source(None, settings).url == config.sqlite_url(newer)
    assert settings.value("database/location") is None


def test_a_broken_choice_file_is_shown_by_name_at_start(qapp, settings, monkeypatch,
                                                        own_config_dir):
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    own_config_dir.mkdir()
    choice_file().write_text("{oops", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.textFormat())) or 0)
    assert startup_source(None, settings) is None
    assert str(choice_file()) in shown[0][0]
    assert shown[0][1] == Qt.TextFormat.PlainText


def _store_missing_move(tmp_path: Path) -> None:
    save_choice(DatabaseChoice("local", str(tmp_path / "unplugged" / "contacts.db")))


def test_a_moved_database_that_is_gone_is_not_recreated_empty(qapp, settings, tmp_path,
                                                              monkeypatch):
    monkeypatch.setattr(config, "default_database_path", lambda: tmp_path / "contacts.db")
    _store_missing_move(tmp_path)
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    assert startup_source(None, settings) is None
    assert "unplugged" in asked[0]
    assert load_choice().moved_to  # kept: the drive may come back
    assert not (tmp_path / "unplugged").exists()


def test_the_default_location_can_be_chosen_instead(qapp, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "default_database_path", lambda: tmp_path / "contacts.db")
    _store_missing_move(tmp_path)

    def choose_default(box: QMessageBox) -> int:
        button = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        assert button.text() == "Use the default location"
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_default)
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    default_url = config.sqlite_url(tmp_path / "contacts.db")
    assert startup_source(None, settings).url == default_url
    assert load_choice().moved_to == ""
