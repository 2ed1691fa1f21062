"""Custom attribute definitions: rename, options, order, delete, clear, and type changes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from hubdesk.core.attributes import (
    attribute_values,
    change_attribute_type,
    clear_attribute_values,
    define_attribute,
    delete_attribute,
    list_attributes,
    reorder_attributes,
    set_attribute_values,
    update_attribute,
)
from hubdesk.core.errors import ValidationError


def _define(db, key: str, type_: str, options: list[str] | None = None, label: str = "") -> int:
    with db.session() as s:
        return define_attribute(s, key, label or key.title(), type_, options).id


def _values(db, contact_id: int) -> dict:
    with db.read_session() as s:
        return attribute_values(s, contact_id)


def _definitions(db) -> list:
    with db.read_session() as s:
        return list_attributes(s)


def _definition(db, definition_id: int):
    return next(d for d in _definitions(db) if d.id == definition_id)


def _raw_values(db, definition_id: int) -> list[tuple]:
    """The stored columns, so a test sees exactly what a conversion wrote."""
    with db.read_session() as s:
        rows = s.execute(text(
            "SELECT contact_id, value_text, value_number, value_date, value_bool "
            "FROM attribute_values WHERE definition_id = :d ORDER BY contact_id"
        ), {"d": definition_id})
        return [tuple(r) for r in rows]


def _set(db, contact_id: int, **values) -> None:
    with db.session() as s:
        set_attribute_values(s, contact_id, values)


# --- clear -------------------------------------------------------------------------------

def test_clear_attribute_values_removes_only_the_named_keys_of_that_contact(db, add):
    _define(db, "plan", "list", ["free", "pro"])
    _define(db, "seats", "number")
    ann = add(first_name="Ann", attributes={"plan": "pro", "seats": 5})
    bob = add(first_name="Bob", attributes={"plan": "free", "seats": 2})
    with db.session() as s:
        clear_attribute_values(s, ann, ["plan", "no_such_key"])
    assert _values(db, ann) == {"seats": 5}
    assert _values(db, bob) == {"plan": "free", "seats": 2}


# --- rename and options ------------------------------------------------------------------

def test_rename_changes_the_label_and_keeps_key_type_and_values(db, add):
    seats = _define(db, "seats", "number", label="Seats")
    ann = add(first_name="Ann", attributes={"seats": 12})
    with db.session() as s:
        info = update_attribute(s, seats, label="  Licensed seats ")
    assert (info.key, info.label, info.type) == ("seats", "Licensed seats", "number")
    assert _definition(db, seats).label == "Licensed seats"
    assert _values(db, ann) == {"seats": 12}


def test_rename_to_a_blank_label_is_refused(db):
    seats = _define(db, "seats", "number", label="Seats")
    with pytest.raises(ValidationError), db.session() as s:
        update_attribute(s, seats, label="   ")
    assert _definition(db, seats).label == "Seats"


def test_list_options_can_be_added_reordered_and_unused_ones_removed(db, add):
    plan = _define(db, "plan", "list", ["free", "pro", "legacy"])
    ann = add(first_name="Ann", attributes={"plan": "pro"})
    with db.session() as s:
        update_attribute(s, plan, options=["pro", " enterprise ", "free", "pro", ""])
    assert _definition(db, plan).options == ("pro", "enterprise", "free")
    assert _values(db, ann) == {"plan": "pro"}
    _set(db, ann, plan="enterprise")  # a new option is usable at once
    assert _values(db, ann) == {"plan": "enterprise"}
    with pytest.raises(ValidationError), db.session() as s:  # a removed one no longer is
        set_attribute_values(s, ann, {"plan": "legacy"})


def test_removing_options_still_in_use_is_refused_and_the_message_lists_them(db, add):
    plan = _define(db, "plan", "list", ["free", "pro", "enterprise"])
    add(first_name="Ann", attributes={"plan": "pro"})
    add(first_name="Bob", attributes={"plan": "enterprise"})
    add(first_name="Cy", attributes={"plan": "pro"})
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_attribute(s, plan, options=["free"], label="Renamed")
    message = caught.value.errors["options"]
    assert "pro" in message and "enterprise" in message
    assert "free" not in message
    assert _definition(db, plan).options == ("free", "pro", "enterprise")
    assert _definition(db, plan).label == "Plan"  # nothing of the refused change was kept


def test_options_on_a_non_list_attribute_or_an_empty_list_are_refused(db):
    seats = _define(db, "seats", "number")
    plan = _define(db, "plan", "list", ["free"])
    with pytest.raises(ValidationError), db.session() as s:
        update_attribute(s, seats, options=["a"])
    with pytest.raises(ValidationError), db.session() as s:
        update_attribute(s, plan, options=["", "  "])
    assert _definition(db, plan).options == ("free",)


# --- order -------------------------------------------------------------------------------

def test_reorder_changes_the_order_list_attributes_returns(db):
    a, b, c = (_define(db, key, "text") for key in ("alpha", "beta", "gamma"))
    assert [d.id for d in _definitions(db)] == [a, b, c]
    with db.session() as s:
        reorder_attributes(s, [c, a, b])
    assert [d.key for d in _definitions(db)] == ["gamma", "alpha", "beta"]
    with db.session() as s:
        reorder_attributes(s, [b, c, a])
    assert [d.key for d in _definitions(db)] == ["beta", "gamma", "alpha"]


def test_an_attribute_defined_after_a_reorder_comes_last(db):
    a, b = (_define(db, key, "text") for key in ("alpha", "beta"))
    with db.session() as s:
        reorder_attributes(s, [b, a])
    _define(db, "gamma", "text")
    assert [d.key for d in _definitions(db)] == ["beta", "alpha", "gamma"]


def test_reorder_with_an_unknown_id_changes_nothing(db):
    a, b = (_define(db, key, "text") for key in ("alpha", "beta"))
    with pytest.raises(ValidationError), db.session() as s:
        reorder_attributes(s, [b, 4242, a])
    assert [d.id for d in _definitions(db)] == [a, b]


# --- delete ------------------------------------------------------------------------------

def test_delete_returns_how_many_values_went_and_removes_them(db, add, show):
    seats = _define(db, "seats", "number")
    _define(db, "plan", "list", ["free", "pro"])
    ann = add(first_name="Ann", attributes={"seats": 3, "plan": "pro"})
    bob = add(first_name="Bob", attributes={"seats": 4})
    add(first_name="Cy", attributes={"plan": "free"})
    with db.session() as s:
        assert delete_attribute(s, seats) == 2
    assert [d.key for d in _definitions(db)] == ["plan"]
    assert _raw_values(db, seats) == []
    assert show(ann)["attributes"] == {"plan": "pro"}  # contacts and other values stay
    assert show(bob)["attributes"] == {}


def test_delete_an_unknown_attribute_is_a_validation_error(db):
    with pytest.raises(ValidationError), db.session() as s:
        delete_attribute(s, 4242)


# --- type changes ------------------------------------------------------------------------

def test_number_to_text_converts_every_value_to_its_text(db, add):
    seats = _define(db, "seats", "number")
    ann = add(first_name="Ann", attributes={"seats": 120})
    bob = add(first_name="Bob", attributes={"seats": "2.5"})
    with db.session() as s:
        assert change_attribute_type(s, seats, "text", apply=True) == []
    assert _definition(db, seats).type == "text"
    assert _values(db, ann) == {"seats": "120"}
    assert _values(db, bob) == {"seats": "2.5"}
    assert _raw_values(db, seats) == [(ann, "120", None, None, None),
                                      (bob, "2.5", None, None, None)]


def test_a_dry_run_reports_but_changes_nothing(db, add):
    seats = _define(db, "seats", "number")
    ann = add(first_name="Ann", attributes={"seats": 120})
    with db.session() as s:
        assert change_attribute_type(s, seats, "text") == []  # apply defaults to False
    assert _definition(db, seats).type == "number"
    assert _values(db, ann) == {"seats": 120}


def test_text_to_number_with_a_non_number_reports_it_and_changes_nothing_even_applied(db, add):
    code = _define(db, "code", "text")
    ann = add(first_name="Ann", attributes={"code": "42"})
    bob = add(first_name="Bob", attributes={"code": "abc"})
    cy = add(first_name="Cy", attributes={"code": "1,200"})
    before = _raw_values(db, code)
    with db.session() as s:
        failures = change_attribute_type(s, code, "number", apply=True)
    assert failures == [(bob, "abc")]
    assert _definition(db, code).type == "text"
    assert _raw_values(db, code) == before
    assert _values(db, ann) == {"code": "42"} and _values(db, cy) == {"code": "1,200"}


def test_text_to_number_without_failures_stores_numbers_that_compare(db, add):
    code = _define(db, "code", "text")
    ann = add(first_name="Ann", attributes={"code": "42"})
    cy = add(first_name="Cy", attributes={"code": "1,200"})
    with db.session() as s:
        assert change_attribute_type(s, code, "number", apply=True) == []
    assert _values(db, ann) == {"code": 42} and _values(db, cy) == {"code": 1200}
    assert _raw_values(db, code) == [(ann, None, 42.0, None, None), (cy, None, 1200.0, None, None)]


def test_checkbox_to_text_gives_yes_and_no(db, add):
    beta = _define(db, "beta", "checkbox")
    ann = add(first_name="Ann", attributes={"beta": True})
    bob = add(first_name="Bob", attributes={"beta": False})
    with db.session() as s:
        assert change_attribute_type(s, beta, "text", apply=True) == []
    assert _definition(db, beta).type == "text"
    assert _values(db, ann) == {"beta": "yes"}
    assert _values(db, bob) == {"beta": "no"}
    assert [r[4] for r in _raw_values(db, beta)] == [None, None]  # no stale bool left


def test_text_to_date_reads_slashed_dates(db, add):
    when = _define(db, "when", "text")
    ann = add(first_name="Ann", attributes={"when": "2024/3/5"})
    bob = add(first_name="Bob", attributes={"when": "2023年12月31日"})
    with db.session() as s:
        assert change_attribute_type(s, when, "date", apply=True) == []
    assert _definition(db, when).type == "date"
    assert _values(db, ann) == {"when": "2024-03-05"}
    assert _values(db, bob) == {"when": "2023-12-31"}
    with db.read_session() as s:
        stored = s.execute(text("SELECT value_date, value_text FROM attribute_values "
                                "WHERE contact_id = :c AND definition_id = :d"),
                           {"c": ann, "d": when}).one()
    assert str(stored[0]).startswith(date(2024, 3, 5).isoformat()) and stored[1] is None


def test_text_to_list_takes_the_new_options_and_reports_values_outside_them(db, add):
    tier = _define(db, "tier", "text")
    ann = add(first_name="Ann", attributes={"tier": "gold"})
    bob = add(first_name="Bob", attributes={"tier": "silver"})
    with db.session() as s:
        assert change_attribute_type(s, tier, "list", ["gold"], apply=True) == [(bob, "silver")]
    assert _definition(db, tier).type == "text"
    with db.session() as s:
        assert change_attribute_type(s, tier, "list", ["gold", "silver"], apply=True) == []
    info = _definition(db, tier)
    assert (info.type, info.options) == ("list", ("gold", "silver"))
    assert _values(db, ann) == {"tier": "gold"} and _values(db, bob) == {"tier": "silver"}
    with pytest.raises(ValidationError), db.session() as s:
        set_attribute_values(s, ann, {"tier": "bronze"})  # the options now apply


def test_a_list_type_without_options_or_an_unknown_type_is_refused(db):
    tier = _define(db, "tier", "text")
    with pytest.raises(ValidationError), db.session() as s:
        change_attribute_type(s, tier, "list", apply=True)
    with pytest.raises(ValidationError), db.session() as s:
        change_attribute_type(s, tier, "colour", apply=True)
    assert _definition(db, tier).type == "text"
