"""Bulk actions change exactly the contacts asked for, report exactly what they changed, and
undo puts every contact back as it was (redo does it again); a cancel changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hubdesk.core import attributes as attrs
from hubdesk.core import batches, bulk
from hubdesk.core.contacts import get_contact, trash_contacts
from hubdesk.core.errors import ValidationError
from hubdesk.core.labels import list_labels
from hubdesk.core.models import Contact


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    # Several chunks even for a handful of contacts, as a select-all of a million would be.
    monkeypatch.setattr(batches, "CHUNK", 2)
    monkeypatch.setattr(batches.chunks, "__defaults__", (2,))


@pytest.fixture
def people(db, add):
    with db.session() as s:
        attrs.define_attribute(s, "plan", "Plan", "list", options=["free", "pro"])
        attrs.define_attribute(s, "size", "Size", "number")
    ids = [add(first_name="Aoi", labels=["vip"], attributes={"plan": "free", "size": 5}),
           add(first_name="Ben", labels=["lead"]),
           add(first_name="Cho", attributes={"size": 9}),
           add(first_name="Dan", labels=["vip", "lead"]),
           add(first_name="Eri")]
    return ids


def snapshot(db) -> dict:
    """Everything a bulk action may touch, per contact (versions excluded: they move on)."""
    with db.read_session() as s:
        ids = s.scalars(select(Contact.id).order_by(Contact.id)).all()
        out = {}
        for cid in ids:
            c = get_contact(s, cid, include_trashed=True)
            out[cid] = (sorted(lb["name"] for lb in c["labels"]), c["attributes"],
                        c["subscription_status"], c.get("deleted_at"))
        out["labels"] = sorted((lb.name, lb.color) for lb in list_labels(s))
        return out


def run(db, fn, *args, **kw):
    with db.session() as s:
        return fn(s, *args, **kw)


def test_add_labels_adds_only_what_is_missing_and_undo_redo_are_exact(db, people):
    before = snapshot(db)
    change = run(db, bulk.add_labels, people, ["VIP", "新規"])
    after = snapshot(db)
    for cid in people:
        assert {"vip", "新規"} <= {n.lower() for n in after[cid][0]}
    # vip was on two of them already; 新規 is a new label on all five.
    assert len(change.pairs) == 3 + 5
    assert [name for _, name, _ in change.created_labels] == ["新規"]
    run(db, bulk.undo_labels, change)
    assert snapshot(db) == before
    run(db, bulk.redo_labels, change)
    assert snapshot(db) == after


def test_remove_labels_and_undo(db, people):
    before = snapshot(db)
    change = run(db, bulk.remove_labels, people[:4], ["vip"])
    assert change.contacts == 2
    assert all("vip" not in snapshot(db)[cid][0] for cid in people)
    run(db, bulk.undo_labels, change)
    assert snapshot(db) == before


def test_set_attribute_keeps_every_earlier_value_for_undo(db, people):
    before = snapshot(db)
    change = run(db, bulk.set_attribute, people, "size", "1,200")
    assert all(snapshot(db)[cid][1]["size"] == 1200 for cid in people)
    run(db, bulk.undo_values, change)
    assert snapshot(db) == before  # 5 and 9 back, the others without a value again
    run(db, bulk.redo_values, change)
    assert all(snapshot(db)[cid][1]["size"] == 1200 for cid in people)


def test_clearing_an_attribute_and_undo(db, people):
    before = snapshot(db)
    change = run(db, bulk.set_attribute, people, "plan", "")
    assert all("plan" not in snapshot(db)[cid][1] for cid in people)
    run(db, bulk.undo_values, change)
    assert snapshot(db) == before


def test_a_bad_value_is_refused_before_anything_changes(db, people):
    before = snapshot(db)
    with pytest.raises(ValidationError, match="not one of"):
        run(db, bulk.set_attribute, people, "plan", "gold")
    with pytest.raises(ValidationError, match="no such attribute"):
        run(db, bulk.set_attribute, people, "nope", "1")
    with pytest.raises(ValidationError):
        run(db, bulk.set_subscription, people, "maybe")
    assert snapshot(db) == before


def test_subscription_and_undo(db, people):
    run(db, bulk.set_subscription, people[:2], "unsubscribed")
    before = snapshot(db)
    change = run(db, bulk.set_subscription, people, "subscribed")
    assert {snapshot(db)[cid][2] for cid in people} == {"subscribed"}
    run(db, bulk.undo_values, change)
    assert snapshot(db) == before


def test_trash_skips_contacts_already_in_trash_and_undo_restores_only_what_it_moved(db,
                                                                                    people):
    with db.session() as s:
        trash_contacts(s, [people[0]])
    before = snapshot(db)
    moved = run(db, bulk.trash, people)
    assert sorted(moved) == sorted(people[1:])
    run(db, bulk.restore, moved)
    assert snapshot(db) == before  # the one trashed earlier is still in Trash


def test_a_cancel_raises_and_the_rollback_leaves_everything_as_it_was(db, people):
    before = snapshot(db)
    calls = iter([False, True])
    with pytest.raises(bulk.BulkCancelled):
        run(db, bulk.add_labels, people, ["x"], cancelled=lambda: next(calls))
    assert snapshot(db) == before


def test_progress_counts_up_to_the_number_of_contacts(db, people):
    seen = []
    run(db, bulk.set_subscription, people, "subscribed",
        progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5) and [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.sqlite_only(reason="SQLite's limit on bound values; with this file's tiny chunks "
                                 "it is 20,000 round trips to a server")
def test_more_ids_than_sqlite_takes_in_one_statement(db, add, monkeypatch):
    monkeypatch.setattr(batches.chunks, "__defaults__", (batches.CHUNK,))
    ids = [add(first_name="Real")]
    many = list(range(1, 40_001))  # beyond SQLite's 32,766 bound values
    with db.session() as s:
        assert trash_contacts(s, many) == 1
    moved = run(db, bulk.trash, many)
    assert list(moved) == []
    with db.read_session() as s:
        assert get_contact(s, ids[0], include_trashed=True)["deleted_at"]
