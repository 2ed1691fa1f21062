"""Contact services: create, edit, trash and purge, labels, conversations and counts."""

from __future__ import annotations

import pytest

from hubdesk.core.contacts import (
    ConcurrentEditError,
    empty_trash,
    get_contact,
    purge_contacts,
    restore_contacts,
    stats,
    trash_contacts,
    update_contact,
)
from hubdesk.core.conversations import add_message, start_conversation
from hubdesk.core.errors import NotFoundError, ValidationError
from hubdesk.core.labels import list_labels
from hubdesk.core.notes import add_note


def _stats(db) -> dict[str, int]:
    with db.read_session() as s:
        return stats(s)


def test_a_new_contact_reads_back_as_entered(add, show):
    cid = add(first_name="Ann", last_name="Lee", email="ann@example.com", phone="03-1234-5678",
              company="Acme", timezone="Europe/Paris", extra_emails=["ann@home.example"],
              labels=["vip"])
    contact = show(cid)
    assert (contact["first_name"], contact["last_name"]) == ("Ann", "Lee")
    assert contact["email"] == "ann@example.com"
    assert contact["phone"] == "+81312345678"
    assert contact["company"] == "Acme"
    assert contact["timezone"] == "Europe/Paris"
    assert [e["email"] for e in contact["emails"]] == ["ann@home.example"]
    assert [lb["name"] for lb in contact["labels"]] == ["vip"]
    assert contact["created_at"] and contact["last_activity_at"] is None


def test_an_unknown_id_is_not_found(db):
    with pytest.raises(NotFoundError), db.read_session() as s:
        get_contact(s, 4242)


def test_an_update_changes_only_the_given_fields_and_bumps_the_version(db, add, show):
    cid = add(first_name="Ann", email="ann@example.com", company="Acme")
    before = show(cid)
    with db.session() as s:
        new_version = update_contact(s, cid, {"company": "Globex"},
                                     expected_version=before["version"])
    after = show(cid)
    assert after["company"] == "Globex"
    assert (after["first_name"], after["email"]) == ("Ann", "ann@example.com")
    assert new_version == after["version"] > before["version"]


def test_an_update_with_a_stale_version_changes_nothing(db, add, show):
    cid = add(first_name="Ann", company="Acme")
    opened = show(cid)["version"]
    with db.session() as s:
        update_contact(s, cid, {"company": "Globex"}, expected_version=opened)
    saved = show(cid)
    with pytest.raises(ConcurrentEditError), db.session() as s:
        update_contact(s, cid, {"company": "Initech", "first_name": "Bob"},
                       expected_version=opened)
    assert show(cid) == saved


def test_an_update_that_would_leave_nothing_identifying_is_refused(db, add, show):
    cid = add(first_name="Ann")
    with pytest.raises(ValidationError), db.session() as s:
        update_contact(s, cid, {"first_name": " "})
    assert show(cid)["first_name"] == "Ann"


def test_trash_restore_purge_and_empty_trash(db, add, show):
    keep, binned, purged = add(first_name="Keep"), add(first_name="Bin"), add(first_name="Gone")
    with db.session() as s:
        assert trash_contacts(s, [binned, purged]) == 2
        assert trash_contacts(s, [binned]) == 0  # already in the Trash
    assert _stats(db)["contacts"] == 1 and _stats(db)["trashed"] == 2
    with pytest.raises(NotFoundError):
        show(binned)
    assert show(binned, include_trashed=True)["deleted_at"] is not None

    with db.session() as s:
        assert purge_contacts(s, [keep, purged]) == 1  # a live contact is never purged
    assert show(keep)["first_name"] == "Keep"
    with pytest.raises(NotFoundError):
        show(purged, include_trashed=True)

    with db.session() as s:
        assert restore_contacts(s, [binned]) == 1
    assert show(binned)["deleted_at"] is None

    with db.session() as s:
        trash_contacts(s, [binned])
        assert empty_trash(s) == 1
    assert _stats(db)["contacts"] == 1 and _stats(db)["trashed"] == 0
    assert show(keep)["first_name"] == "Keep"


def test_purging_a_contact_removes_its_notes_and_conversations(db, add):
    cid = add(first_name="Ann")
    with db.session() as s:
        add_note(s, cid, "Prefers email.")
        add_message(s, start_conversation(s, cid, "email", "Hello"), "incoming", "Hi")
        trash_contacts(s, [cid])
        purge_contacts(s, [cid])
    figures = _stats(db)
    assert (figures["notes"], figures["conversations"]) == (0, 0)


def test_labels_are_one_whatever_the_case(db, add, show):
    first = add(first_name="Ann", labels=["VIP"])
    second = add(first_name="Bob", labels=["vip", "Vip"])
    with db.read_session() as s:
        labels = list_labels(s)
    assert [(lb.name, lb.contacts) for lb in labels] == [("VIP", 2)]
    assert show(second)["labels"] == show(first)["labels"]


@pytest.fixture
def attrs(db):
    from hubdesk.core.attributes import define_attribute

    with db.session() as s:
        define_attribute(s, "seats", "Seats", "number")
        define_attribute(s, "mrr", "Monthly revenue", "currency")
        define_attribute(s, "discount", "Discount", "percent")
        define_attribute(s, "renewal", "Renewal", "date")
        define_attribute(s, "plan", "Plan", "list", ["free", "pro"])
        define_attribute(s, "beta", "Beta tester", "checkbox")
        define_attribute(s, "website", "Website", "link")
        define_attribute(s, "tier", "Tier", "text")


def test_attribute_values_are_stored_typed(add, show, attrs):
    cid = add(first_name="Ann", attributes={
        "seats": "12", "mrr": "¥1,200", "discount": "15%", "renewal": "2024/03/31",
        "plan": "pro", "beta": "yes", "website": "https://example.com", "tier": " gold ",
    })
    assert show(cid)["attributes"] == {
        "seats": 12, "mrr": 1200, "discount": 15, "renewal": "2024-03-31", "plan": "pro",
        "beta": True, "website": "https://example.com", "tier": "gold",
    }
    assert show(add(first_name="Bob", attributes={"beta": "no", "seats": "2.5"}))[
        "attributes"] == {"beta": False, "seats": 2.5}


@pytest.mark.parametrize(("key", "value"), [
    ("seats", "twelve"), ("mrr", "lots"), ("discount", "NaN%"), ("renewal", "31st of March"),
    ("plan", "enterprise"), ("beta", "perhaps"), ("website", "example.com"),
    ("website", "ftp://example.com"), ("undefined_key", "1"),
])
def test_a_value_that_does_not_fit_its_attribute_is_refused(db, add, attrs, key, value):
    with pytest.raises(ValidationError) as info:
        add(first_name="Ann", attributes={key: value})
    assert list(info.value.errors) == [key]
    assert _stats(db)["contacts"] == 0


def test_a_message_moves_last_activity_forward_never_back(db, add, show):
    from datetime import datetime

    cid = add(first_name="Ann")
    t1, t2, t3 = datetime(2024, 1, 1, 9), datetime(2024, 2, 1, 9), datetime(2024, 3, 1, 9)
    with db.session() as s:
        conv = start_conversation(s, cid, "email", "Renewal", at=t1)
        add_message(s, conv, "incoming", "Hello", at=t2)
    assert show(cid)["last_activity_at"] == t2.isoformat()
    with db.session() as s:
        add_message(s, conv, "outgoing", "An old one, logged late", at=t1)
    assert show(cid)["last_activity_at"] == t2.isoformat()
    with db.session() as s:
        add_message(s, conv, "outgoing", "Newest", at=t3)
    contact = show(cid)
    assert contact["last_activity_at"] == t3.isoformat()
    [conversation] = contact["conversations"]
    assert conversation["last_message_at"] == t3.isoformat()
    assert [m["body"] for m in conversation["messages"]] == [
        "An old one, logged late", "Hello", "Newest"]


def test_stats_counts_what_is_there(db, add):
    ids = [add(first_name=n, labels=lb) for n, lb in
           [("Ann", ["vip"]), ("Bob", ["vip", "lead"]), ("Cy", []), ("Di", ["partner"])]]
    add(first_name="Ed", phone="not a phone")
    with db.session() as s:
        add_note(s, ids[0], "one")
        add_note(s, ids[0], "two")
        add_note(s, ids[1], "three")
        start_conversation(s, ids[2], "sms")
        trash_contacts(s, [ids[3]])
    assert _stats(db) == {"contacts": 4, "trashed": 1, "labels": 3, "conversations": 1,
                          "notes": 3, "invalid_phones": 1}


@pytest.mark.parametrize(("key", "typed", "stored"), [
    ("mrr", "￥1,200", 1200), ("mrr", "￥１，２００", 1200), ("discount", "１５％", 15),
    ("seats", "１２", 12), ("renewal", "２０２４／０３／３１", "2024-03-31"),
])
def test_attribute_values_typed_in_full_width_are_understood(add, show, attrs, key, typed,
                                                              stored):
    # A Japanese input method types ￥, full-width digits, ， ％ and ／ (phones accept them too).
    assert show(add(first_name="Ann", attributes={key: typed}))["attributes"] == {key: stored}
