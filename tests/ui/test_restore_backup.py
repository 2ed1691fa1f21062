"""File → Restore backup… and the checks made as the window opens. A restore: the backup is
checked and described first, the window closes, the
file is replaced (the old one kept beside it) and a new window opens on the restored data."""

from __future__ import annotations

import pytest

from hubdesk.config import sqlite_url
from hubdesk.core.contacts import create_contact
from hubdesk.core.db import open_database
from hubdesk.ui.restore_flow import RestoreBackup

WAIT = 20_000


def add(db, n: int, start: int = 0) -> None:
    with db.session() as s:
        for i in range(start, start + n):
            create_contact(s, {"first_name": f"Person{i}", "email": f"p{i}@example.com"})


@pytest.fixture
def file_db(tmp_path):
    db = open_database(sqlite_url(tmp_path / "contacts.db"))
    yield db
    db.dispose()


@pytest.fixture
def confirmations(monkeypatch):
    """What the confirmation showed, answered from `replies` (Restore unless told)."""
    shown, replies = [], []

    def confirm(_flow, info):
        shown.append(info)
        return replies.pop(0) if replies else True

    monkeypatch.setattr(RestoreBackup, "confirm", confirm)
    return shown, replies


def joined(window) -> None:
    if window.restore_flow is not None:
        window.restore_flow.jobs.wait()


def test_restore_replaces_the_database_and_reopens_on_it(window_factory, file_db, tmp_path,
                                                         qtbot, confirmations):
    add(file_db, 5)
    backup = tmp_path / "monday.db"
    file_db.backup(backup)
    add(file_db, 3, start=5)
    w = window_factory(file_db)
    assert w.total == 8
    with qtbot.waitSignal(w.windowReplaced, timeout=WAIT) as replaced:
        w.restore_backup(backup)
    new = replaced.args[0]
    qtbot.addWidget(new)
    try:
        shown, _ = confirmations
        assert [(i.contacts, i.trashed) for i in shown] == [(5, 0)]
        assert not w.isVisible() and new.isVisible()
        qtbot.waitUntil(lambda: new.total == 5, timeout=WAIT)
        assert new.db is not file_db and new.db.path == file_db.path
        assert "Backup restored." in new.statusBar().currentMessage()
        kept = list(tmp_path.glob("contacts.db.before-restore-*.bak"))
        assert len(kept) == 1  # the database as it was, 8 contacts, kept beside it
        copy = open_database(sqlite_url(kept[0]), migrate=False)
        try:
            from hubdesk.core.contacts import stats
            with copy.read_session() as s:
                assert stats(s)["contacts"] == 8
        finally:
            copy.dispose()
        assert backup.exists()  # the user's backup is read, never moved
    finally:
        joined(w)
        new.close()
        new.jobs.wait()
        new.db.dispose()


def test_cancel_at_the_confirmation_changes_nothing(window_factory, file_db, tmp_path, qtbot,
                                                    confirmations):
    add(file_db, 2)
    backup = tmp_path / "b.db"
    file_db.backup(backup)
    add(file_db, 1, start=2)
    _, replies = confirmations
    replies.append(False)
    w = window_factory(file_db)
    w.restore_backup(backup)
    qtbot.waitUntil(lambda: bool(confirmations[0]), timeout=WAIT)
    joined(w)
    assert w.isVisible() and w.db is file_db
    with file_db.read_session() as s:
        from hubdesk.core.contacts import stats
        assert stats(s)["contacts"] == 3
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_a_file_that_is_no_backup_is_refused_naming_it(window_factory, file_db, tmp_path, qtbot,
                                                       monkeypatch):
    warnings = []
    monkeypatch.setattr(RestoreBackup, "_warn", lambda _flow, text: warnings.append(text))
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    w = window_factory(file_db)
    w.restore_backup(bogus)
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT)
    joined(w)
    assert "cannot be restored" in warnings[0] and "notes.db" in warnings[0]
    assert w.isVisible() and w.db is file_db


def test_a_database_on_a_network_share_shows_a_warning_bar(window_factory, file_db, qtbot,
                                                           monkeypatch):
    from hubdesk.ui import database_warnings

    monkeypatch.setattr(database_warnings, "network_filesystem", lambda _path: "nfs4")
    w = window_factory(file_db)
    qtbot.waitUntil(lambda: w.warning_bar.isVisible(), timeout=WAIT)
    text = w.warning_bar.message.text()
    assert "network share (nfs4)" in text and str(file_db.path) in text
    w.warning_bar.dismiss_button.click()
    assert not w.warning_bar.isVisible()


def test_a_local_database_shows_no_warning_bar(window_factory, file_db, qtbot):
    w = window_factory(file_db)
    w.jobs.wait()
    qtbot.wait(50)  # the check's result is delivered through the event loop
    assert not w.warning_bar.isVisible()


def test_an_install_that_would_parse_xlsx_unsafely_says_so_at_start(window_factory, file_db,
                                                                     qtbot, monkeypatch):
    from hubdesk.core.io.xml_safety import UnsafeXmlError
    from hubdesk.ui import database_warnings

    def unsafe():
        raise UnsafeXmlError("defusedxml is not installed")

    monkeypatch.setattr(database_warnings, "ensure_defused", unsafe)
    w = window_factory(file_db)
    qtbot.waitUntil(lambda: w.warning_bar.isVisible(), timeout=WAIT)
    assert w.warning_bar.message.text() == \
        "Importing Excel workbooks is switched off: defusedxml is not installed"
