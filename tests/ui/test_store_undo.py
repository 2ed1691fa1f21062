"""ContactStore: every change lands in the database, is announced, and undoes/redoes exactly."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hubdesk.core import contacts
from hubdesk.core.attributes import attribute_values
from hubdesk.core.contacts import ConcurrentEditError
from hubdesk.core.errors import NotFoundError, ValidationError
from hubdesk.core.labels import list_labels
from hubdesk.core.notes import add_note as core_add_note
from hubdesk.ui.store import ContactStore

TIMEOUT = 1000  # signals are emitted synchronously; this only bounds a failure


@pytest.fixture
def store(qtbot, demo_db) -> ContactStore:
    """A store over the demo data (labels and the six demo attributes already defined)."""
    return ContactStore(demo_db, author="mika")


def _new(db, *, labels=(), attributes=None, **fields) -> int:
    with db.session() as s:
        return contacts.create_contact(s, fields, labels=labels, attributes=attributes)


def _full(db, contact_id: int) -> dict:
    """Everything about the contact, trashed or not, minus what every write moves on."""
    with db.read_session() as s:
        c = contacts.get_contact(s, contact_id, include_trashed=True)
    return {k: v for k, v in c.items() if k not in ("version", "updated_at")}


def _live(db, contact_id: int) -> bool:
    with db.read_session() as s:
        try:
            contacts.get_contact(s, contact_id)
        except NotFoundError:
            return False
    return True


def _live_count(db) -> int:
    with db.read_session() as s:
        return s.execute(text("SELECT count(*) FROM contacts WHERE deleted_at IS NULL")
                         ).scalar_one()


def _row_exists(db, contact_id: int) -> bool:
    with db.read_session() as s:
        return s.execute(text("SELECT count(*) FROM contacts WHERE id = :i"),
                         {"i": contact_id}).scalar_one() == 1


def _attrs(db, contact_id: int) -> dict:
    with db.read_session() as s:
        return attribute_values(s, contact_id)


def _label_names(db) -> list[str]:
    with db.read_session() as s:
        return [lb.name for lb in list_labels(s)]


def _undo(qtbot, store: ContactStore, contact_ids: list[int] | None = None) -> None:
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT) as blocker:
        store.undo_stack.undo()
    if contact_ids is not None:
        assert blocker.args == [contact_ids]


def _redo(qtbot, store: ContactStore, contact_ids: list[int] | None = None) -> None:
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT) as blocker:
        store.undo_stack.redo()
    if contact_ids is not None:
        assert blocker.args == [contact_ids]


# --- create ------------------------------------------------------------------------------

def test_create_contact_is_stored_announced_undone_and_redone(qtbot, store, demo_db):
    live = _live_count(demo_db)
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        cid = store.create_contact({
            "first_name": "Ann", "email": "ann@example.com", "labels": ["vip", "brand new"],
            "extra_emails": ["ann2@example.com"], "extra_phones": ["090-1234-5678"],
            "version": 99,
        })
    created = _full(demo_db, cid)
    assert (created["first_name"], created["email"]) == ("Ann", "ann@example.com")
    assert sorted(lb["name"] for lb in created["labels"]) == ["brand new", "vip"]
    assert [e["email"] for e in created["emails"]] == ["ann2@example.com"]
    assert [p["phone"] for p in created["phones"]] == ["+819012345678"]
    assert _live_count(demo_db) == live + 1
    assert store.undo_stack.count() == 1
    assert "Ann" in store.undo_stack.undoText()

    _undo(qtbot, store, [cid])
    assert not _live(demo_db, cid)
    assert _live_count(demo_db) == live
    assert store.undo_stack.redoText() and store.undo_stack.canRedo()

    _redo(qtbot, store, [cid])
    assert _live(demo_db, cid)
    assert _full(demo_db, cid) == created


def test_undo_and_redo_of_a_create_announce_that_the_list_changed(qtbot, store):
    store.create_contact({"first_name": "Ann"})
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        store.undo_stack.undo()
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        store.undo_stack.redo()


def test_an_invalid_new_contact_is_refused_and_not_recorded(qtbot, store, demo_db):
    live = _live_count(demo_db)
    with pytest.raises(ValidationError):
        store.create_contact({"first_name": "Ann", "email": "not an email"})
    with pytest.raises(ValidationError):
        store.create_contact({"first_name": "", "company": ""})
    assert store.undo_stack.count() == 0
    assert _live_count(demo_db) == live


# --- edit --------------------------------------------------------------------------------

def test_edit_contact_undoes_and_redoes_exactly(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", last_name="Lee", email="ann@example.com",
               company="Acme", labels=["vip"])
    original = _full(demo_db, cid)
    after = store.editable(cid) | {
        "company": "Globex", "email": "ann@globex.example", "timezone": "Europe/Paris",
        "extra_emails": ["ann@home.example"], "extra_phones": ["03-1234-5678"],
        "labels": ["lead", "customer"],
    }
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT) as blocker:
        store.edit_contact(cid, after)
    assert blocker.args == [[cid]]
    edited = _full(demo_db, cid)
    assert (edited["company"], edited["email"], edited["timezone"]) == (
        "Globex", "ann@globex.example", "Europe/Paris")
    assert [e["email"] for e in edited["emails"]] == ["ann@home.example"]
    assert [p["phone"] for p in edited["phones"]] == ["+81312345678"]
    assert sorted(lb["name"] for lb in edited["labels"]) == ["customer", "lead"]
    assert "Ann Lee" in store.undo_stack.undoText()

    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid) == original
    _redo(qtbot, store, [cid])  # not refused although the version moved on
    assert _full(demo_db, cid) == edited
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid) == original



def test_undoing_an_edit_made_under_another_region_keeps_the_phone_as_it_was(
    qtbot, store, demo_db
):
    # Entered with the user's region US, 03-1234-5678 is not a valid number and is kept as
    # typed. Editing only the company (same region) and undoing must not touch the phone.
    cid = store.create_contact({"first_name": "Ann", "phone": "03-1234-5678"}, region="US")
    original = _full(demo_db, cid)
    assert (original["phone"], original["phone_valid"]) == ("03-1234-5678", False)
    store.edit_contact(cid, store.editable(cid) | {"company": "Acme"}, region="US")
    assert _full(demo_db, cid)["phone"] == "03-1234-5678"
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid) == original

def test_edit_contact_with_a_bad_email_raises_and_records_nothing(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", email="ann@example.com")
    store.set_field(cid, "company", "Acme")
    before = _full(demo_db, cid)
    after = store.editable(cid) | {"email": "ann at example", "company": "Globex"}
    with pytest.raises(ValidationError) as caught:
        store.edit_contact(cid, after)
    assert "email" in caught.value.errors
    assert store.undo_stack.count() == 1
    assert _full(demo_db, cid) == before


def test_edit_contact_with_a_bad_additional_email_raises_and_records_nothing(
    qtbot, store, demo_db
):
    cid = _new(demo_db, first_name="Ann")
    before = _full(demo_db, cid)
    after = store.editable(cid) | {"extra_emails": ["ok@example.com", "nope"]}
    with pytest.raises(ValidationError) as caught:
        store.edit_contact(cid, after)
    assert set(caught.value.errors) == {"emails[1]"}
    assert store.undo_stack.count() == 0
    assert _full(demo_db, cid) == before


def test_edit_contact_with_a_stale_version_is_refused(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", company="Acme")
    opened = store.editable(cid)
    with demo_db.session() as s:  # someone else saves in between
        contacts.update_contact(s, cid, {"company": "Theirs"})
    theirs = _full(demo_db, cid)
    with pytest.raises(ConcurrentEditError):
        store.edit_contact(cid, opened | {"company": "Mine"})
    assert store.undo_stack.count() == 0
    assert _full(demo_db, cid) == theirs


# --- one field ---------------------------------------------------------------------------

def test_set_field_undoes_and_redoes(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", company="Acme")
    original = _full(demo_db, cid)
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT) as blocker:
        store.set_field(cid, "company", "Globex")
    assert blocker.args == [[cid]]
    assert _full(demo_db, cid)["company"] == "Globex"
    assert store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid) == original
    _redo(qtbot, store, [cid])
    assert _full(demo_db, cid)["company"] == "Globex"


def test_set_field_from_blank_and_back(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    original = _full(demo_db, cid)
    store.set_field(cid, "timezone", "Asia/Tokyo")
    store.set_field(cid, "external_id", "crm-1")
    assert (_full(demo_db, cid)["timezone"], _full(demo_db, cid)["external_id"]) == (
        "Asia/Tokyo", "crm-1")
    _undo(qtbot, store)
    _undo(qtbot, store)
    assert _full(demo_db, cid) == original


def test_set_field_with_a_bad_value_records_nothing(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    before = _full(demo_db, cid)
    with pytest.raises(ValidationError):
        store.set_field(cid, "timezone", "Mars/Olympus")
    assert store.undo_stack.count() == 0
    assert _full(demo_db, cid) == before


# --- trash and restore -------------------------------------------------------------------

def test_trash_undoes_and_redoes(qtbot, store, demo_db):
    ids = [_new(demo_db, first_name="Ann"), _new(demo_db, first_name="Bob")]
    live = _live_count(demo_db)
    original = [_full(demo_db, i) for i in ids]
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        assert store.trash(ids) == 2
    assert not any(_live(demo_db, i) for i in ids)
    assert _live_count(demo_db) == live - 2
    assert "2" in store.undo_stack.undoText()
    _undo(qtbot, store, ids)
    assert [_full(demo_db, i) for i in ids] == original
    assert _live_count(demo_db) == live
    _redo(qtbot, store, ids)
    assert not any(_live(demo_db, i) for i in ids)


def test_undo_and_redo_of_a_trash_announce_that_the_list_changed(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    store.trash([cid])
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        store.undo_stack.undo()
    assert _live(demo_db, cid)
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        store.undo_stack.redo()
    assert not _live(demo_db, cid)


def test_restore_undoes_and_redoes(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    with demo_db.session() as s:
        contacts.trash_contacts(s, [cid])
    trashed = _full(demo_db, cid)
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        assert store.restore([cid]) == 1
    assert _live(demo_db, cid)
    assert store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert not _live(demo_db, cid) and _row_exists(demo_db, cid)
    assert _full(demo_db, cid)["deleted_at"] is not None
    assert _full(demo_db, cid) | {"deleted_at": None} == trashed | {"deleted_at": None}
    _redo(qtbot, store, [cid])
    assert _live(demo_db, cid)


def test_undo_of_a_restore_announces_that_the_list_changed(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    with demo_db.session() as s:
        contacts.trash_contacts(s, [cid])
    store.restore([cid])
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        store.undo_stack.undo()


# --- purge and empty trash ---------------------------------------------------------------

def test_purge_deletes_the_rows_and_clears_the_undo_stack(qtbot, store, demo_db):
    keep = _new(demo_db, first_name="Keep")
    gone = _new(demo_db, first_name="Gone", labels=["vip"])
    with demo_db.session() as s:
        core_add_note(s, gone, "bye")
    store.set_field(keep, "company", "Acme")
    store.trash([gone])
    assert store.undo_stack.count() == 2
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        assert store.purge([gone, keep]) == 1  # a live contact is never purged
    assert store.undo_stack.count() == 0 and not store.undo_stack.canUndo()
    assert not _row_exists(demo_db, gone)
    assert _live(demo_db, keep)
    with demo_db.read_session() as s:
        leftovers = s.execute(text(
            "SELECT (SELECT count(*) FROM notes WHERE contact_id = :i) + "
            "(SELECT count(*) FROM contact_labels WHERE contact_id = :i)"), {"i": gone}
        ).scalar_one()
    assert leftovers == 0


def test_empty_trash_deletes_every_trashed_row_and_clears_the_undo_stack(qtbot, store, demo_db):
    ids = [_new(demo_db, first_name=n) for n in ("Ann", "Bob", "Cy")]
    live = _live_count(demo_db)
    store.trash(ids[:2])
    assert store.undo_stack.count() == 1
    with qtbot.waitSignal(store.listChanged, timeout=TIMEOUT):
        assert store.empty_trash() == 2
    assert store.undo_stack.count() == 0
    assert [_row_exists(demo_db, i) for i in ids] == [False, False, True]
    assert _live_count(demo_db) == live - 2
    with demo_db.read_session() as s:
        assert s.execute(text("SELECT count(*) FROM contacts WHERE deleted_at IS NOT NULL")
                         ).scalar_one() == 0


# --- labels ------------------------------------------------------------------------------

def test_add_label_undoes_and_redoes(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", labels=["lead"])
    original = _full(demo_db, cid)
    with qtbot.waitSignal(store.labelsChanged, timeout=TIMEOUT), \
            qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT):
        store.add_label(cid, "VIP")  # the demo's "vip", whatever the case
    assert sorted(lb["name"] for lb in _full(demo_db, cid)["labels"]) == ["lead", "vip"]
    assert "VIP" in store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid) == original
    _redo(qtbot, store, [cid])
    assert sorted(lb["name"] for lb in _full(demo_db, cid)["labels"]) == ["lead", "vip"]


def test_adding_a_label_the_contact_has_records_nothing(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", labels=["vip"])
    store.add_label(cid, " Vip ")
    assert store.undo_stack.count() == 0
    assert [lb["name"] for lb in _full(demo_db, cid)["labels"]] == ["vip"]


def test_a_new_label_gets_its_colour_and_undo_takes_it_away_again(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    labels_before = _label_names(demo_db)
    store.add_label(cid, "Gold", "#AABBCC")
    assert _full(demo_db, cid)["labels"] == [{"name": "Gold", "color": "#aabbcc"}]
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid)["labels"] == []
    assert _label_names(demo_db) == labels_before  # the label it created is gone too
    _redo(qtbot, store, [cid])
    assert _full(demo_db, cid)["labels"] == [{"name": "Gold", "color": "#aabbcc"}]


def test_a_new_label_with_a_bad_colour_is_refused_and_not_recorded(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    labels_before = _label_names(demo_db)
    with pytest.raises(ValidationError):
        store.add_label(cid, "Gold", "gold")
    assert store.undo_stack.count() == 0
    assert _label_names(demo_db) == labels_before


def test_remove_label_undoes_and_redoes(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", labels=["vip", "lead"])
    original = _full(demo_db, cid)
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT):
        store.remove_label(cid, "vip")
    assert [lb["name"] for lb in _full(demo_db, cid)["labels"]] == ["lead"]
    assert "vip" in store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid) == original
    _redo(qtbot, store, [cid])
    assert [lb["name"] for lb in _full(demo_db, cid)["labels"]] == ["lead"]


# --- custom attributes -------------------------------------------------------------------

@pytest.mark.parametrize(("key", "start", "value", "stored"), [
    ("account_size", 10, "1,250", 1250),
    ("account_size", None, "７", 7),
    ("plan", "free", "enterprise", "enterprise"),
    ("renewal_date", "2024-03-05", "2025/1/31", "2025-01-31"),
    ("beta_tester", False, "yes", True),
    ("beta_tester", True, False, False),
    ("mrr", 99.5, "¥1,000", 1000),
    ("website", None, "https://example.com", "https://example.com"),
])
def test_set_attribute_undoes_and_redoes(qtbot, store, demo_db, key, start, value, stored):
    cid = _new(demo_db, first_name="Ann", attributes={} if start is None else {key: start})
    original = _attrs(demo_db, cid)
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT) as blocker:
        store.set_attribute(cid, key, value)
    assert blocker.args == [[cid]]
    assert _attrs(demo_db, cid)[key] == stored
    assert key in store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert _attrs(demo_db, cid) == original
    _redo(qtbot, store, [cid])
    assert _attrs(demo_db, cid)[key] == stored


@pytest.mark.parametrize("empty", [None, ""])
def test_clearing_an_attribute_undoes_and_redoes(qtbot, store, demo_db, empty):
    cid = _new(demo_db, first_name="Ann", attributes={"account_size": 42, "plan": "pro"})
    store.set_attribute(cid, "account_size", empty)
    assert _attrs(demo_db, cid) == {"plan": "pro"}
    _undo(qtbot, store, [cid])
    assert _attrs(demo_db, cid) == {"account_size": 42, "plan": "pro"}
    _redo(qtbot, store, [cid])
    assert _attrs(demo_db, cid) == {"plan": "pro"}


@pytest.mark.parametrize(("key", "bad"), [
    ("account_size", "abc"), ("plan", "platinum"), ("renewal_date", "soon"),
    ("beta_tester", "maybe"), ("website", "example.com"), ("no_such_attribute", "x"),
])
def test_an_invalid_attribute_value_raises_and_records_nothing(qtbot, store, demo_db, key, bad):
    cid = _new(demo_db, first_name="Ann", attributes={"account_size": 5})
    store.set_field(cid, "company", "Acme")
    with pytest.raises(ValidationError) as caught:
        store.set_attribute(cid, key, bad)
    assert key in caught.value.errors
    assert store.undo_stack.count() == 1
    assert _attrs(demo_db, cid) == {"account_size": 5}


# --- notes -------------------------------------------------------------------------------

def test_add_note_undoes_and_redoes_with_the_same_id_author_and_times(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT):
        note_id = store.add_note(cid, "Wants a call back\n折り返し希望")
    (note,) = _full(demo_db, cid)["notes"]
    assert (note["id"], note["body"], note["author"]) == (
        note_id, "Wants a call back\n折り返し希望", "mika")
    assert store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid)["notes"] == []
    _redo(qtbot, store, [cid])
    assert _full(demo_db, cid)["notes"] == [note]
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid)["notes"] == []


def test_an_empty_note_is_refused_and_not_recorded(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    with pytest.raises(ValidationError):
        store.add_note(cid, "  ")
    assert store.undo_stack.count() == 0
    assert _full(demo_db, cid)["notes"] == []


def test_edit_note_undoes_and_redoes(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    note_id = store.add_note(cid, "first draft")
    (original,) = _full(demo_db, cid)["notes"]
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT):
        store.edit_note(cid, note_id, "final text", "first draft")
    (edited,) = _full(demo_db, cid)["notes"]
    assert (edited["id"], edited["body"]) == (note_id, "final text")
    assert store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    (undone,) = _full(demo_db, cid)["notes"]
    assert (undone["id"], undone["body"], undone["author"], undone["created_at"]) == (
        note_id, "first draft", "mika", original["created_at"])
    _redo(qtbot, store, [cid])
    assert [n["body"] for n in _full(demo_db, cid)["notes"]] == ["final text"]


def test_edit_note_to_empty_is_refused_and_not_recorded(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    note_id = store.add_note(cid, "keep")
    with pytest.raises(ValidationError):
        store.edit_note(cid, note_id, "", "keep")
    assert store.undo_stack.count() == 1
    assert [n["body"] for n in _full(demo_db, cid)["notes"]] == ["keep"]


def test_delete_note_undoes_exactly_and_redoes(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann")
    with demo_db.session() as s:
        other = core_add_note(s, cid, "someone else's note", "ken")
        target = core_add_note(s, cid, "to delete", "ken")
    original = _full(demo_db, cid)["notes"]
    with qtbot.waitSignal(store.contactsChanged, timeout=TIMEOUT):
        store.delete_note(cid, target)
    assert [n["id"] for n in _full(demo_db, cid)["notes"]] == [other]
    assert store.undo_stack.undoText()
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid)["notes"] == original  # same id, author and times
    _redo(qtbot, store, [cid])
    assert [n["id"] for n in _full(demo_db, cid)["notes"]] == [other]
    _undo(qtbot, store, [cid])
    assert _full(demo_db, cid)["notes"] == original


# --- several steps -----------------------------------------------------------------------

def test_a_mixed_series_of_changes_undoes_back_to_the_start(qtbot, store, demo_db):
    cid = _new(demo_db, first_name="Ann", company="Acme", labels=["lead"],
               attributes={"plan": "free"})
    with demo_db.session() as s:
        core_add_note(s, cid, "existing", "ken")
    original = _full(demo_db, cid)
    store.set_field(cid, "company", "Globex")
    store.add_label(cid, "vip")
    store.set_attribute(cid, "plan", "pro")
    note_id = store.add_note(cid, "new")
    store.edit_note(cid, note_id, "newer", "new")
    store.edit_contact(cid, store.editable(cid) | {"last_name": "Lee", "labels": ["customer"]})
    store.remove_label(cid, "customer")
    store.trash([cid])
    assert store.undo_stack.count() == 8
    while store.undo_stack.canUndo():
        store.undo_stack.undo()
    assert _full(demo_db, cid) == original
    while store.undo_stack.canRedo():
        store.undo_stack.redo()
    assert not _live(demo_db, cid)
    final = _full(demo_db, cid)
    assert (final["company"], final["last_name"], final["labels"]) == ("Globex", "Lee", [])
    assert [n["body"] for n in final["notes"]] == ["newer", "existing"]
    assert final["attributes"]["plan"] == "pro"


def test_merge_is_one_undo_step_that_brings_both_contacts_back(store, qtbot):
    a = store.create_contact({"first_name": "Ann", "email": "ann@x.com", "labels": ["vip"]})
    b = store.create_contact({"first_name": "Anne", "email": "anne@x.com", "labels": ["lead"]})
    before = (store.contact(a), store.contact(b))
    with qtbot.waitSignal(store.listChanged):
        store.merge_contacts(a, [b], {"name": b})
    kept = store.contact(a)
    assert kept["first_name"] == "Anne"
    assert {lb["name"] for lb in kept["labels"]} == {"vip", "lead"}
    assert store.undo_stack.undoText().startswith("Merge ")
    store.undo_stack.undo()
    assert (store.contact(a), store.contact(b)) == before
    store.undo_stack.redo()
    assert store.contact(a)["first_name"] == "Anne"
    assert store.undo_stack.canUndo()
