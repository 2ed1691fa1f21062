"""Label services: attach and detach, exact sets, rename, recolour, describe, usage, delete."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hubdesk.core.errors import ValidationError
from hubdesk.core.labels import (
    delete_label,
    label_usage,
    labels_of,
    list_labels,
    remove_labels,
    set_contact_labels,
    update_label,
)


def _names(db, contact_id: int) -> list[str]:
    with db.read_session() as s:
        return [lb.name for lb in labels_of(s, contact_id)]


def _labels(db) -> dict[str, tuple]:
    """name → (id, colour, description, contacts) as the Manage labels dialog lists them."""
    with db.read_session() as s:
        return {lb.name: (lb.id, lb.color, lb.description, lb.contacts) for lb in list_labels(s)}


def _label_id(db, name: str) -> int:
    return _labels(db)[name][0]


def _link_count(db, label_id: int) -> int:
    with db.read_session() as s:
        return s.execute(text("SELECT count(*) FROM contact_labels WHERE label_id = :i"),
                         {"i": label_id}).scalar_one()


# --- remove_labels -----------------------------------------------------------------------

def test_remove_labels_detaches_only_the_named_labels_from_that_contact(db, add):
    ann = add(first_name="Ann", labels=["vip", "lead", "customer"])
    bob = add(first_name="Bob", labels=["vip"])
    with db.session() as s:
        removed = remove_labels(s, ann, ["VIP", "lead"])  # any case
    assert removed == 2
    assert _names(db, ann) == ["customer"]
    assert _names(db, bob) == ["vip"]  # other contacts keep it
    assert set(_labels(db)) == {"vip", "lead", "customer"}  # the labels themselves stay


def test_remove_labels_that_the_contact_lacks_or_that_do_not_exist_removes_nothing(db, add):
    ann = add(first_name="Ann", labels=["vip"])
    add(first_name="Bob", labels=["lead"])
    with db.session() as s:
        assert remove_labels(s, ann, ["lead", "no such label"]) == 0
    assert _names(db, ann) == ["vip"]


# --- set_contact_labels ------------------------------------------------------------------

def test_set_contact_labels_leaves_exactly_the_given_set(db, add):
    ann = add(first_name="Ann", labels=["vip", "lead", "customer"])
    with db.session() as s:
        set_contact_labels(s, ann, ["lead", "partner"])
    assert _names(db, ann) == ["lead", "partner"]
    with db.session() as s:
        set_contact_labels(s, ann, [])
    assert _names(db, ann) == []
    assert {"vip", "lead", "customer", "partner"} <= set(_labels(db))


def test_set_contact_labels_reuses_an_existing_label_whatever_the_case(db, add):
    add(first_name="Bob", labels=["VIP"])
    ann = add(first_name="Ann")
    with db.session() as s:
        set_contact_labels(s, ann, ["vip", "Vip"])
    assert _names(db, ann) == ["VIP"]  # the existing label, not a new "vip"
    labels = _labels(db)
    assert list(labels) == ["VIP"]
    assert labels["VIP"][3] == 2


def test_set_contact_labels_keeps_a_label_named_in_another_case(db, add):
    ann = add(first_name="Ann", labels=["Lead"])
    lead_id = _label_id(db, "Lead")
    with db.session() as s:
        set_contact_labels(s, ann, ["LEAD"])
    assert _names(db, ann) == ["Lead"]
    assert _link_count(db, lead_id) == 1


# --- update_label ------------------------------------------------------------------------

def test_rename_changes_the_name_everywhere_it_is_shown(db, add, show):
    ann = add(first_name="Ann", labels=["lead"])
    lead_id = _label_id(db, "lead")
    with db.session() as s:
        info = update_label(s, lead_id, name="  Prospect ")
    assert (info.id, info.name) == (lead_id, "Prospect")
    assert _names(db, ann) == ["Prospect"]
    assert [lb["name"] for lb in show(ann)["labels"]] == ["Prospect"]
    assert "lead" not in _labels(db)


def test_rename_may_change_only_the_case_of_the_same_label(db, add):
    add(first_name="Ann", labels=["vip"])
    vip_id = _label_id(db, "vip")
    with db.session() as s:
        update_label(s, vip_id, name="VIP")
    assert list(_labels(db)) == ["VIP"]


@pytest.mark.parametrize("new_name", ["customer", "CUSTOMER", "Customer"])
def test_rename_to_a_name_taken_ignoring_case_is_refused_naming_the_clash(db, add, new_name):
    add(first_name="Ann", labels=["lead", "customer"])
    lead_id = _label_id(db, "lead")
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_label(s, lead_id, name=new_name)
    assert "label" in caught.value.errors
    assert "'customer'" in caught.value.errors["label"]
    assert set(_labels(db)) == {"lead", "customer"}


@pytest.mark.parametrize("bad", ["", "   "])
def test_rename_to_nothing_is_refused(db, add, bad):
    add(first_name="Ann", labels=["lead"])
    lead_id = _label_id(db, "lead")
    with pytest.raises(ValidationError), db.session() as s:
        update_label(s, lead_id, name=bad)
    assert set(_labels(db)) == {"lead"}


def test_recolour_stores_the_colour_in_lower_case(db, add, show):
    ann = add(first_name="Ann", labels=["vip"])
    vip_id = _label_id(db, "vip")
    with db.session() as s:
        update_label(s, vip_id, color="#ABCDEF")
    assert _labels(db)["vip"][1] == "#abcdef"
    assert show(ann)["labels"] == [{"name": "vip", "color": "#abcdef"}]


@pytest.mark.parametrize("bad", ["red", "#12345", "#1234567", "123456", "#ggggg0", ""])
def test_a_bad_colour_is_refused_and_the_old_one_kept(db, add, bad):
    add(first_name="Ann", labels=["vip"])
    vip_id, old_color, *_ = _labels(db)["vip"]
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_label(s, vip_id, color=bad, name="renamed too")
    assert "color" in caught.value.errors
    assert _labels(db) == {"vip": (vip_id, old_color, "", 1)}  # the rename rolled back too


def test_describe_stores_a_trimmed_description_and_can_clear_it(db, add):
    add(first_name="Ann", labels=["vip"])
    vip_id = _label_id(db, "vip")
    with db.session() as s:
        update_label(s, vip_id, description="  Top accounts\n")
    assert _labels(db)["vip"][2] == "Top accounts"
    with db.session() as s:
        update_label(s, vip_id, description="")
    assert _labels(db)["vip"][2] == ""


def test_updating_an_unknown_label_is_a_validation_error(db):
    with pytest.raises(ValidationError), db.session() as s:
        update_label(s, 4242, name="x")


# --- usage and delete --------------------------------------------------------------------

def test_label_usage_counts_the_contacts_that_carry_the_label(db, add):
    for name in ("Ann", "Bob", "Cy"):
        add(first_name=name, labels=["vip"])
    add(first_name="Dee", labels=["lead"])
    with db.read_session() as s:
        assert label_usage(s, _label_id(db, "vip")) == 3
        assert label_usage(s, _label_id(db, "lead")) == 1


def test_delete_label_returns_how_many_contacts_lost_it_and_removes_the_links(db, add, show):
    ids = [add(first_name=name, labels=["vip", "lead"]) for name in ("Ann", "Bob", "Cy")]
    vip_id = _label_id(db, "vip")
    with db.session() as s:
        affected = delete_label(s, vip_id)
    assert affected == 3
    assert _link_count(db, vip_id) == 0
    assert set(_labels(db)) == {"lead"}
    for cid in ids:
        assert [lb["name"] for lb in show(cid)["labels"]] == ["lead"]  # contacts stay


def test_delete_an_unused_label_affects_nobody(db, add):
    bob = add(first_name="Bob", labels=["spare"])
    spare = _label_id(db, "spare")
    with db.session() as s:
        remove_labels(s, bob, ["spare"])
        assert delete_label(s, spare) == 0
    assert _labels(db) == {}
    assert _names(db, bob) == []
