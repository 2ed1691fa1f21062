"""Saved filters (segments): what is stored, how names are matched, and that refused input
writes nothing."""

from __future__ import annotations

import pytest

from hubdesk.core.attributes import define_attribute, delete_attribute, list_attributes
from hubdesk.core.errors import HubDeskError
from hubdesk.core.filters import FilterError, FilterSyntaxError
from hubdesk.core.query import ContactQuery, search_ids
from hubdesk.core.segments import (
    NAME_LENGTH,
    compile_where,
    delete_segment,
    get_segment,
    list_segments,
    rename_segment,
    save_segment,
)


@pytest.fixture
def seg(db):
    """Run one segment operation in its own session (committed unless it raises)."""
    with db.session() as s:
        define_attribute(s, "size", "Size", "number")
        define_attribute(s, "tier", "Tier", "list", options=["Gold", "Silver"])

    def _seg(fn, *args, **kwargs):
        with db.session() as s:
            return fn(s, *args, **kwargs)

    return _seg


def stored(seg) -> list[tuple[str, str]]:
    return [(i.name, i.where) for i in seg(list_segments)]


def test_save_list_get_rename_delete(seg):
    first = seg(save_segment, "Big customers", "size>100")
    seg(save_segment, "Anniversary", "label:vip")
    assert stored(seg) == [("Anniversary", "label:vip"), ("Big customers", "size>100")]
    info = seg(get_segment, "big customers")
    assert (info.id, info.name, info.where) == (first, "Big customers", "size>100")

    seg(rename_segment, "Big customers", "Large accounts")
    assert stored(seg) == [("Anniversary", "label:vip"), ("Large accounts", "size>100")]
    assert seg(get_segment, "large accounts").id == first
    with pytest.raises(HubDeskError, match="no segment named 'Big customers'"):
        seg(get_segment, "Big customers")

    seg(delete_segment, "LARGE ACCOUNTS")
    assert stored(seg) == [("Anniversary", "label:vip")]
    with pytest.raises(HubDeskError, match="no segment named 'Large accounts'"):
        seg(delete_segment, "Large accounts")


def test_same_name_in_another_case_or_width_updates(seg):
    first = seg(save_segment, "VIP顧客", "label:vip")
    assert seg(save_segment, "vip顧客", "label:gold") == first
    assert seg(save_segment, "ＶＩＰ顧客 ", "label:gold,vip") == first  # full width, a space
    # One segment, with the name as last typed and the newest filter.
    assert stored(seg) == [("ＶＩＰ顧客", "label:gold,vip")]


def test_saving_without_replace_refuses_an_existing_name(seg):
    seg(save_segment, "Big", "size>100")
    with pytest.raises(HubDeskError, match="a segment named 'Big' already exists"):
        seg(save_segment, "BIG", "size>1", replace=False)
    assert stored(seg) == [("Big", "size>100")]


def test_rename_onto_an_existing_name_is_refused(seg):
    seg(save_segment, "Big", "size>100")
    seg(save_segment, "Small", "size<10")
    with pytest.raises(HubDeskError, match="a segment named 'Big' already exists"):
        seg(rename_segment, "Small", "big")
    assert stored(seg) == [("Big", "size>100"), ("Small", "size<10")]
    with pytest.raises(HubDeskError, match="no segment named 'Medium'"):
        seg(rename_segment, "Medium", "Mid")


def test_rename_to_another_case_of_its_own_name(seg):
    seg(save_segment, "big", "size>100")
    seg(rename_segment, "big", "Big")
    assert stored(seg) == [("Big", "size>100")]


@pytest.mark.parametrize(("name", "message"), [
    ("", "a segment needs a name"),
    ("   ", "a segment needs a name"),
    ("x" * (NAME_LENGTH + 1), f"a segment name is at most {NAME_LENGTH} characters"),
    ("Big\tcustomers", "a segment name cannot contain a tab"),
    ("Big\ncustomers", "a segment name cannot contain a line break"),
    ("Big\x00", "a segment name cannot contain the control character U+0000"),
    ("Big\u202ecustomers", "a segment name cannot contain the text-direction control U+202E"),
])
def test_bad_names_are_refused_and_nothing_is_written(seg, name, message):
    with pytest.raises(HubDeskError) as caught:
        seg(save_segment, name, "size>100")
    assert str(caught.value) == message
    assert stored(seg) == []
    seg(save_segment, "Big", "size>100")
    with pytest.raises(HubDeskError) as caught:
        seg(rename_segment, "Big", name)
    assert str(caught.value) == message
    assert stored(seg) == [("Big", "size>100")]


def test_a_name_of_the_longest_length_is_kept(seg):
    name = "名" * NAME_LENGTH
    seg(save_segment, f"  {name}  ", "size>100")
    assert stored(seg) == [(name, "size>100")]


@pytest.mark.parametrize(("where", "error", "says"), [
    ("size>", FilterSyntaxError, "expected a value (at position 6)"),
    ("(label:vip", FilterSyntaxError, "expected ')' to close the '(' here (at position 1)"),
    ("", FilterSyntaxError, "the filter is empty"),
    ("sise>100", FilterError, "did you mean 'size'?"),
    ("size:big", FilterError, "'size': 'big' is not a number"),
    ("tier:platinum", FilterError, "'tier': 'platinum' is not one of Gold, Silver"),
])
def test_a_malformed_filter_is_refused_and_nothing_is_written(seg, where, error, says):
    with pytest.raises(error) as caught:
        seg(save_segment, "Big", where)
    assert says in str(caught.value)
    assert stored(seg) == []
    # Nor is an existing segment of that name changed.
    seg(save_segment, "Big", "size>100")
    with pytest.raises(error):
        seg(save_segment, "big", where)
    assert stored(seg) == [("Big", "size>100")]


@pytest.mark.parametrize(("typed", "canonical"), [
    ("LABEL:VIP  AND  size >= 100", "label:VIP and size>=100"),
    ("size:100..10", "size:10..100"),
    ("size between 1..2", "size:1..2"),
    ("size:1000.0", "size:1000"),
    ("tier IS gold", "tier:Gold"),
    ("tier is-not silver, gold", "tier!=Silver,Gold"),
    ("city is 東京 or city = 大阪", "city:東京 or city:大阪"),
    ("address_city:東京", "city:東京"),
    ("notes:yes", "has:notes"),
    ("has:Conversations", "has:conversations"),
    ("problems:no", "problems:no"),
    ("created:2024/3/31", "created:2024-03-31"),
    ("created after 2024年3月31日", "created>2024-03-31"),
    ("created in-last 30", "created in-last 30d"),
    ("company contains 'x'", "company~'x'"),
    ('company:"Acme, Inc."', 'company:"Acme, Inc."'),
    ('company:"and"', 'company:"and"'),
    ("NOT (label:a OR label:b) AND size<1", "not (label:a or label:b) and size<1"),
    ("(label:a and label:b) or size<1", "label:a and label:b or size<1"),
    ("label:a and (label:b and size<1)", "label:a and label:b and size<1"),
])
def test_stored_text_is_canonical(seg, typed, canonical):
    seg(save_segment, "S", typed)
    assert seg(get_segment, "S").where == canonical
    # And the canonical text is stored as it is when saved again.
    seg(save_segment, "S", canonical)
    assert seg(get_segment, "S").where == canonical


def test_a_segment_finds_the_same_contacts_as_its_filter(db, seg, add):
    ann = add(first_name="ann", labels=["vip"], attributes={"size": 500})
    add(first_name="bob", labels=["vip"], attributes={"size": 5})
    add(first_name="cho", attributes={"size": 700})
    seg(save_segment, "Big VIPs", "label:VIP and size>=100")
    with db.read_session() as s:
        where = compile_where(s, get_segment(s, "big vips").where)
        assert search_ids(s, ContactQuery(where=where)) == [ann]


def test_a_segment_whose_attribute_was_deleted_reports_it(db, seg):
    seg(save_segment, "Big", "label:vip and size>100")
    with db.session() as s:
        size = next(a for a in list_attributes(s) if a.key == "size")
        delete_attribute(s, size.id)
    info = seg(get_segment, "Big")
    assert info.where == "label:vip and size>100"  # kept as saved, not silently changed
    with pytest.raises(FilterError) as caught:
        seg(compile_where, info.where)
    assert str(caught.value).startswith("unknown field 'size' (at position 15)")


def test_a_segment_keeps_its_meaning_when_a_like_named_attribute_appears(db, seg, add):
    tokyo = add(first_name="ann", address_city="東京")
    seg(save_segment, "Tokyo", "city:東京")
    with db.session() as s:
        define_attribute(s, "city", "City (custom)", "text")
    with db.read_session() as s:
        where = compile_where(s, get_segment(s, "Tokyo").where)
        assert where.field == "address_city"
        assert search_ids(s, ContactQuery(where=where)) == [tokyo]
