"""ContactStore writes are retried when the database was locked or the transaction collided
with someone else's, and a retried step leaves the undo stack exactly as one success would."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest

from hubdesk.core import contacts
from hubdesk.core import db as core_db
from hubdesk.core.db import WriteConflictError, open_database
from hubdesk.core.errors import NotFoundError
from hubdesk.core.patient_write import DatabaseBusyError
from hubdesk.ui.store import ContactStore


@pytest.fixture
def two_windows(tmp_path, monkeypatch):
    """Two Databases on one SQLite file, as two HubDesk windows would have, waiting 0.2 s
    for a lock (not 10 s) so that a lock outlasting the wait is quick to produce."""
    monkeypatch.setattr(core_db, "BUSY_TIMEOUT_MS", 200)
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    mine, theirs = open_database(url), open_database(url)
    yield mine, theirs
    mine.dispose()
    theirs.dispose()


def _hold_write_lock(db, seconds: float) -> tuple[threading.Thread, threading.Event]:
    """Another connection writes and keeps its transaction (the write lock) open."""
    locked = threading.Event()

    def hold() -> None:
        with db.session() as s:
            contacts.create_contact(s, {"first_name": "Their", "last_name": "Import"})
            locked.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(5)
    return thread, locked


def _get(db, contact_id: int) -> dict:
    with db.read_session() as s:
        return contacts.get_contact(s, contact_id)


def test_an_edit_waits_out_a_lock_held_past_the_busy_timeout(two_windows, qtbot):
    mine, theirs = two_windows
    store = ContactStore(mine)
    cid = store.create_contact({"first_name": "Kim", "company": "Acme"})
    thread, _ = _hold_write_lock(theirs, 0.35)
    began = time.monotonic()
    try:
        store.set_field(cid, "company", "Globex")
    finally:
        thread.join()
    # Longer than one busy wait: the first attempt really met the lock.
    assert time.monotonic() - began >= 0.2
    assert _get(mine, cid)["company"] == "Globex"
    assert store.undo_stack.count() == 2  # the create and this edit, each once
    store.undo_stack.undo()
    assert _get(mine, cid)["company"] == "Acme"


def test_a_lock_that_never_goes_away_is_a_clear_message_and_changes_nothing(two_windows,
                                                                             qtbot):
    mine, theirs = two_windows
    store = ContactStore(mine)
    cid = store.create_contact({"first_name": "Kim", "company": "Acme"})
    thread, _ = _hold_write_lock(theirs, 1.5)
    try:
        with pytest.raises(DatabaseBusyError) as raised:
            store.set_field(cid, "company", "Globex")
    finally:
        thread.join()
    assert str(raised.value) == (
        "The database is busy: another program or HubDesk window kept it locked too long. "
        "Nothing was saved; try again in a moment.")
    assert _get(mine, cid)["company"] == "Acme"
    assert store.undo_stack.count() == 1  # only the create


@contextmanager
def _colliding(monkeypatch, db, times: int = 1):
    """The next `times` write transactions run their work, then collide at commit (as a
    PostgreSQL serialization failure does) and are rolled back."""
    real = db.session
    left = [times]

    @contextmanager
    def session():
        with real() as s:
            yield s
            if left[0]:
                left[0] -= 1
                raise WriteConflictError("collided")

    monkeypatch.setattr(db, "session", session)
    yield left
    monkeypatch.undo()


def test_a_collision_during_undo_of_a_merge_is_retried_with_the_same_record(
        demo_db, monkeypatch, qtbot):
    store = ContactStore(demo_db, author="mika")
    a = store.create_contact({"first_name": "Ann", "email": "ann@x.com", "labels": ["vip"]})
    b = store.create_contact({"first_name": "Anne", "email": "anne@x.com"})
    before = (store.contact(a), store.contact(b))
    with _colliding(monkeypatch, demo_db) as left:
        store.merge_contacts(a, [b], {"name": b})
        assert left == [0]  # the merge itself collided once and was run again
    assert store.contact(a)["first_name"] == "Anne"
    with _colliding(monkeypatch, demo_db) as left:
        store.undo_stack.undo()
        assert left == [0]
    assert (store.contact(a), store.contact(b)) == before
    with _colliding(monkeypatch, demo_db):
        store.undo_stack.redo()
    assert store.contact(a)["first_name"] == "Anne"
    with pytest.raises(NotFoundError):
        store.contact(b)
    store.undo_stack.undo()  # the record kept was the committed merge's, once
    assert (store.contact(a), store.contact(b)) == before


def test_a_collision_while_deleting_a_note_still_lets_undo_bring_it_back(
        demo_db, monkeypatch, qtbot):
    store = ContactStore(demo_db, author="mika")
    cid = store.create_contact({"first_name": "Kim"})
    note_id = store.add_note(cid, "call back on Monday")
    with _colliding(monkeypatch, demo_db) as left:
        store.delete_note(cid, note_id)
        assert left == [0]
    assert store.contact(cid)["notes"] == []
    with _colliding(monkeypatch, demo_db):
        store.undo_stack.undo()
    assert [n["body"] for n in store.contact(cid)["notes"]] == ["call back on Monday"]
    assert store.undo_stack.count() == 3  # create, add note, delete note: nothing doubled
