"""Another person's change is noticed by a cheap poll (Database.changes_since), on both
databases, and only once it is committed."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from hubdesk.core.contacts import create_contact, trash_contacts
from hubdesk.core.db import Database, open_database
from hubdesk.core.labels import add_labels
from hubdesk.core.notes import add_note


@pytest.fixture
def colleague(db_url: str) -> Iterator[Database]:
    other = open_database(db_url)
    yield other
    other.dispose()


def _poll(db: Database, token: int, wait: float = 2.0) -> tuple[bool, int]:
    """A change may take a moment to arrive (a notification travels over the network)."""
    deadline = time.monotonic() + wait
    while True:
        changed, token = db.changes_since(token)
        if changed or time.monotonic() > deadline:
            return changed, token
        time.sleep(0.02)


def test_nothing_changed_is_reported_as_nothing(db):
    changed, token = db.changes_since(None)
    assert not changed
    assert db.changes_since(token) == (False, token)
    assert _poll(db, token, wait=0.2) == (False, token)


def test_a_colleagues_new_contact_note_and_label_are_each_noticed(db, colleague):
    _, token = db.changes_since(None)
    with colleague.session() as s:
        cid = create_contact(s, {"first_name": "Ann"})
    changed, token = _poll(db, token)
    assert changed
    assert db.changes_since(token) == (False, token)  # reported once
    with colleague.session() as s:
        add_note(s, cid, "called back", author="Mika")
    changed, token = _poll(db, token)
    assert changed
    with colleague.session() as s:
        add_labels(s, cid, ["vip"])
    changed, token = _poll(db, token)
    assert changed
    with colleague.session() as s:
        trash_contacts(s, [cid])
    assert _poll(db, token)[0]


def test_an_uncommitted_change_is_not_reported_until_it_is_committed(db, colleague):
    _, token = db.changes_since(None)
    s = colleague._write()  # a transaction left open on purpose, as a long save would
    try:
        s.begin()
        create_contact(s, {"first_name": "Ann"})
        s.flush()
        assert _poll(db, token, wait=0.3) == (False, token)
        s.commit()
    finally:
        s.close()
    assert _poll(db, token)[0]


def test_a_rolled_back_change_is_never_reported_on_postgresql(db, colleague):
    if db.dialect != "postgresql":
        pytest.skip("SQLite reports any commit to the file; a rollback writes nothing there")
    _, token = db.changes_since(None)
    with pytest.raises(RuntimeError), colleague.session() as s:
        create_contact(s, {"first_name": "Ann"})
        raise RuntimeError("cancelled")
    assert _poll(db, token, wait=0.3) == (False, token)


def test_a_lost_connection_counts_as_a_change_and_watching_goes_on(db, colleague):
    _, token = db.changes_since(None)
    assert db._watch is not None
    db._watch._conn.close()  # the server restarted, the laptop slept…
    changed, token = db.changes_since(token)
    assert changed  # whatever happened meanwhile is unknown: refresh
    changed, token = db.changes_since(token)  # watching again from here
    assert not changed
    with colleague.session() as s:
        create_contact(s, {"first_name": "Ben"})
    assert _poll(db, token)[0]


def test_dispose_closes_the_watching_connection(db_url):
    db = open_database(db_url)
    db.changes_since(None)
    watch = db._watch
    assert watch is not None and watch._conn is not None
    db.dispose()
    assert watch._conn is None
