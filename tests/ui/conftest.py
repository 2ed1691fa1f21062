from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from hubdesk.core.demo import add_demo_contacts


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """Window settings in a temporary file, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_db(db):
    with db.session() as s:
        add_demo_contacts(s, 300, seed=7)
    return db


@pytest.fixture
def window_factory(qtbot, settings) -> Iterator:
    """Opens MainWindows and makes sure their worker threads are joined before teardown."""
    from hubdesk.ui.main_window import MainWindow

    windows = []

    def make(database):
        w = MainWindow(database, settings)
        qtbot.addWidget(w)
        windows.append(w)
        with qtbot.waitSignal(w.listUpdated, timeout=10_000):
            w.show()
        return w

    yield make
    for w in windows:
        w.jobs.cancel_all()
        w.jobs.wait()


@pytest.fixture(autouse=True)
def no_unexpected_message_box(monkeypatch) -> None:
    """A message box nobody expected fails the test instead of waiting for a click."""

    def unexpected(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture
def jobs(qapp):
    """A job runner of the test's own, joined at teardown."""
    from hubdesk.ui.jobs import JobRunner

    runner = JobRunner()
    yield runner
    runner.wait()


@pytest.fixture
def ring():
    """An in-memory system keychain for the test."""
    from tests.keychain_fakes import MemoryKeyring, using_keyring

    with using_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def store(db):
    from hubdesk.ui.store import ContactStore

    return ContactStore(db)


@pytest.fixture
def answers(monkeypatch):
    """Every confirmation is answered from this list (Yes unless told otherwise)."""
    asked: list[str] = []
    replies: list[QMessageBox.StandardButton] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return replies.pop(0) if replies else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, replies
