"""Copying a whole database to another (a local file to the team server and back): every row
arrives, counts are verified, a refused or failed copy leaves the target as it was, and the
copy works as a database of its own afterwards (new rows get fresh ids)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select, text

from hubdesk.core import transfer
from hubdesk.core.bulk import add_labels as bulk_add_labels
from hubdesk.core.bulk import redo_labels, undo_labels
from hubdesk.core.contacts import create_contact, get_contact, purge_contacts, trash_contacts
from hubdesk.core.db import Database, open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.duplicates import mark_not_duplicates
from hubdesk.core.labels import ensure_label
from hubdesk.core.models import Base
from hubdesk.core.notes import add_note, delete_note, restore_note
from hubdesk.core.query import ContactQuery, search_ids
from hubdesk.core.transfer import CopyCancelled, TransferError, copy_database


@pytest.fixture
def opened() -> Iterator[Callable[[str], Database]]:
    dbs: list[Database] = []

    def _open(url: str) -> Database:
        dbs.append(open_database(url))
        return dbs[-1]

    yield _open
    for db in dbs:
        db.dispose()


@pytest.fixture
def local(opened, tmp_path) -> Database:
    return opened(f"sqlite:///{tmp_path / 'local.db'}")


@pytest.fixture(params=["sqlite", "postgresql"])
def other(request, opened, tmp_path) -> Database:
    """An empty database of the given kind: a second file, or the team server."""
    if request.param == "sqlite":
        return opened(f"sqlite:///{tmp_path / 'other.db'}")
    return opened(request.getfixturevalue("postgres_url"))


def _fill(db: Database) -> None:
    """Demo contacts, plus what a real database also holds: trash, a marked pair, a label
    without contacts, a note by an author."""
    with db.session() as s:
        ids = add_demo_contacts(s, 60, seed=3)
        trash_contacts(s, ids[:3])
        mark_not_duplicates(s, ids[10:12])
        ensure_label(s, "unused", color="#123456")
        add_note(s, ids[20], "asked for a call-back", author="Mika")


def _everything(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, in key order, as plain values."""
    out = {}
    with db.read_session() as s:
        for table in Base.metadata.sorted_tables:
            key = list(table.primary_key.columns) or list(table.columns)
            out[table.name] = [tuple(r) for r in s.execute(select(table).order_by(*key))]
    return out


def test_every_row_arrives_and_searches_the_same(local, other):
    _fill(local)
    steps: list[tuple[int, int]] = []
    result = copy_database(local, other, progress=lambda done, total: steps.append((done, total)))
    assert result.contacts == 60
    assert _everything(other) == _everything(local)
    assert steps[0][0] == 0 and steps[-1] == (result.rows, result.rows)
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    for query in ("山田", "田", "example", "+81", "mika"):
        with local.read_session() as a, other.read_session() as b:
            q = ContactQuery(text=query)
            assert search_ids(b, q) == search_ids(a, q), query


def test_and_back_again(local, other, opened, tmp_path):
    """Local → other → a second local file: the round trip loses nothing."""
    _fill(local)
    copy_database(local, other)
    back = opened(f"sqlite:///{tmp_path / 'back.db'}")
    copy_database(other, back)
    assert _everything(back) == _everything(local)


def test_the_copy_gives_new_rows_fresh_ids(local, other):
    """Ids are copied as they are; new contacts, labels and notes must not collide with them
    (PostgreSQL's sequences are moved past the copied ids)."""
    _fill(local)
    copy_database(local, other)
    with other.session() as s:
        highest = s.execute(text("SELECT max(id) FROM contacts")).scalar_one()
        cid = create_contact(s, {"first_name": "New"}, labels=["brand new"])
        note = add_note(s, cid, "first note")
    assert cid > highest
    with other.read_session() as s:
        shown = get_contact(s, cid)
    assert shown["labels"][0]["name"] == "brand new"
    assert [n["id"] for n in shown["notes"]] == [note]


def test_a_target_with_data_is_refused_and_left_as_it_was(local, other):
    _fill(local)
    with other.session() as s:
        ensure_label(s, "theirs")
    before = _everything(other)
    with pytest.raises(TransferError, match=r"already holds data \(labels: 1\)"):
        copy_database(local, other)
    assert _everything(other) == before


def test_cancel_leaves_the_target_empty(local, other):
    _fill(local)
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CopyCancelled):
        copy_database(local, other, cancelled=cancelled, batch=10)
    assert all(rows == [] for rows in _everything(other).values())


def test_a_count_that_does_not_match_rolls_everything_back(local, other, monkeypatch):
    _fill(local)
    original = transfer._rows

    def loses_a_note(conn, table, batch):
        for rows in original(conn, table, batch):
            yield rows[1:] if table.name == "notes" else rows

    monkeypatch.setattr(transfer, "_rows", loses_a_note)
    with pytest.raises(TransferError, match="tables notes"):
        copy_database(local, other)
    assert all(rows == [] for rows in _everything(other).values())


def test_an_empty_database_copies_as_empty(local, other):
    assert copy_database(local, other).rows == 0


@pytest.fixture
def pg(opened, postgres_url) -> Database:
    return opened(postgres_url)


def test_rows_put_back_with_their_ids_do_not_collide_with_new_ones(pg):
    """Undo brings rows back with their old ids (restore_note, create_contact(contact_id=…),
    labels re-created by redo); on PostgreSQL the next new row must still get a free id."""
    with pg.session() as s:
        cid = create_contact(s, {"first_name": "Ann"})
        saved = delete_note(s, add_note(s, cid, "kept"))
        saved["id"] = 500  # as if it came from a database with more notes
        restore_note(s, saved)
        assert add_note(s, cid, "new") == 501
        create_contact(s, {"first_name": "Back"}, contact_id=900)
        assert create_contact(s, {"first_name": "New"}) == 901
        change = bulk_add_labels(s, [cid], ["fresh"])
    with pg.session() as s:
        undo_labels(s, change)
    with pg.session() as s:
        redo_labels(s, change)
        assert ensure_label(s, "after").id > change.created_labels[0][0]


def test_deleting_everything_then_copying_keeps_ids_apart(local, other):
    """Purged contacts leave gaps; the copy keeps the ids as they are."""
    _fill(local)
    with local.session() as s:
        ids = list(s.scalars(text("SELECT id FROM contacts ORDER BY id")))
        purge_contacts(s, ids[:5], include_live=True)
    copy_database(local, other)
    with other.read_session() as s:
        assert list(s.scalars(text("SELECT id FROM contacts ORDER BY id"))) == ids[5:]
