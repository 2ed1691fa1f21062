"""Checking a filter against the database: what a user sees for a field, operator or value
that does not fit, and which field a name reaches."""

from __future__ import annotations

import pytest

from hubdesk.core.attributes import define_attribute
from hubdesk.core.filters import Condition, FilterError, resolve
from hubdesk.core.filters.resolve import filter_fields
from hubdesk.core.segments import compile_where


@pytest.fixture
def check(db):
    """check(text) → the resolved tree; raises what the user would be told."""
    with db.session() as s:
        define_attribute(s, "size", "Size", "number")
        define_attribute(s, "renewal", "Renewal", "date")
        define_attribute(s, "tier", "Tier", "list", options=["Gold", "Silver"])
        define_attribute(s, "vip", "VIP", "checkbox")
        define_attribute(s, "city", "City (custom)", "text")
        define_attribute(s, "address_country", "Country (custom)", "text")
        define_attribute(s, "has", "Has (custom)", "text")
        define_attribute(s, "or", "Or (custom)", "text")

    def _check(text: str):
        with db.read_session() as s:
            return compile_where(s, text)

    return _check


def refused(check, text: str) -> str:
    with pytest.raises(FilterError) as caught:
        check(text)
    return str(caught.value)


@pytest.mark.parametrize(("text", "suggestion"), [
    ("compnay:acme", "company"), ("lable:vip", "label"), ("sise>1", "size"),
    ("renewl:2024-01-01", "renewal"), ("emial:x", "email"),
])
def test_unknown_field_suggests_the_closest(check, text, suggestion):
    message = refused(check, text)
    assert f"unknown field '{text.split(':')[0].split('>')[0]}'" in message
    assert f"did you mean '{suggestion}'?" in message
    assert "position 1" in message


def test_unknown_field_without_anything_close(check):
    message = refused(check, "label:vip and xyzzy:1")
    assert message == "unknown field 'xyzzy' (at position 15)"


@pytest.mark.parametrize(("text", "usable", "not_usable"), [
    ("company<5", ["~", "^", "is-empty", "not-contains"], ["<", "between"]),
    ("company between 1..2", ["~", "starts-with"], ["between"]),
    ("size~5", ["<", "<=", ">=", "between", "is-empty"], ["~", "^"]),
    ("created~2024", ["before", "after", "in-last", "older-than", "between"], ["~"]),
    ("label<3", ["has-all", "has-any", "has-none"], ["<", "is-empty"]),
    ("vip is-empty", ["is-false", "is-true"], ["is-empty"]),
    ("tier>1", ["any-of", "none-of", "is-empty"], [">"]),
])
def test_operator_not_for_the_kind_names_the_usable_ones(check, text, usable, not_usable):
    message = refused(check, text)
    field = text.split(" ")[0].rstrip("<>~0123456789")
    assert message.startswith(f"'{field}' cannot use ")
    offered = message.split("use one of: ")[1].split(", ")
    assert set(usable) <= set(offered)
    assert not set(not_usable) & set(offered)


@pytest.mark.parametrize(("text", "message"), [
    ("size:abc", "'size': 'abc' is not a number (at position 1)"),
    ("size:1..abc", "'size': 'abc' is not a number (at position 1)"),
    ("size>nan", "'size': 'nan' is not a number (at position 1)"),
    ("size<inf", "'size': 'inf' is not a number (at position 1)"),
    ("renewal:2024-13-01", "'renewal': '2024-13-01' is not a date like 2024-03-31"),
    ("renewal:tomorrow", "'renewal': 'tomorrow' is not a date like 2024-03-31"),
    ("created:2024-02-30", "'created': '2024-02-30' is not a date like 2024-03-31"),
    ("renewal:2024-01-01..someday", "'renewal': 'someday' is not a date"),
    ("renewal in-last x", "'renewal': 'x' is not a number of days like 30d"),
    ("created older-than -3d", "'created': '-3d' is not a number of days like 30d"),
    ("tier:platinum", "'tier': 'platinum' is not one of Gold, Silver"),
    ("tier:gold,bronze", "'tier': 'bronze' is not one of Gold, Silver"),
    ("subscription:gold", "'subscription': 'gold' is not one of unknown, subscribed, "
                          "unsubscribed"),
    ("conversation:closed", "'conversation': 'closed' is not one of open, pending, resolved"),
    ("vip:maybe", "'vip' is yes or no"),
    ("notes:maybe", "'notes' is yes or no"),
    ("size:1,2", "'size'"),
])
def test_bad_values_are_refused_naming_the_field(check, text, message):
    assert message in refused(check, text)


@pytest.mark.parametrize("text", ["has:pets", "has:city", "has:notes,conversations"])
def test_has_with_something_else_than_notes_conversations_problems(check, text):
    assert refused(check, text) == \
        "'has' takes one of notes, conversations, problems, labels (at position 1)"


def test_errors_in_a_later_condition_name_its_position(check):
    assert refused(check, "label:vip and size:abc") == \
        "'size': 'abc' is not a number (at position 15)"


def test_builder_conditions_have_no_position_to_report(db, check):
    with db.read_session() as s, pytest.raises(FilterError) as caught:
        resolve(s, Condition("size", "gt", ("abc",)))
    assert str(caught.value) == "'size': 'abc' is not a number"


def test_values_are_typed_and_ranges_ordered(check):
    c = check("size:100..10")
    assert (c.field, c.op, c.values, c.kind) == ("attr:size", "between", (10.0, 100.0), "number")
    c = check("tier:gold,SILVER")  # options as defined, whatever the case typed
    assert (c.op, c.values) == ("any_of", ("Gold", "Silver"))
    assert check("renewal in-last 30").values == (30,)
    assert check("vip:はい").op == "is_true"
    assert check("notes:no").op == "is_false"
    assert check("has:Notes").field == "has_notes"


def test_attribute_named_like_a_standard_field_is_attr_key(check, db):
    # `city` is the standard address city; the custom attribute is attr.city.
    assert check("city:Tokyo").field == "address_city"
    assert check("attr.city:Tokyo").field == "attr:city"
    assert check("ATTR.CITY:Tokyo").field == "attr:city"
    # Same for a standard field's key: address_country is the standard column.
    assert check("address_country:JP").field == "address_country"
    assert check("attr.address_country:JP").field == "attr:address_country"
    with db.read_session() as s:
        names = {f.key: f.name for f in filter_fields(s)}
    assert names["attr:city"] == "attr.city"
    assert names["attr:address_country"] == "attr.address_country"


def test_attribute_named_like_the_syntax_is_attr_key(check, db):
    with db.read_session() as s:
        names = {f.key: f.name for f in filter_fields(s)}
    assert names["attr:has"] == "attr.has"
    assert names["attr:or"] == "attr.or"
    assert check("attr.has:x").field == "attr:has"
    assert check("attr.or is-empty").field == "attr:or"
    assert check("or:x").field == "attr:or"  # where nothing else is called `or`, still found


def test_unknown_attr_prefix(check):
    assert refused(check, "attr.nope:x").startswith("unknown field 'attr.nope' (at position 1)")
