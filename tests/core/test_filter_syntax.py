"""The filter text syntax: what a typed filter means, where a malformed one goes wrong, and
that what a segment stores (format_expr) reads back as the same filter."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubdesk.core.attributes import define_attribute
from hubdesk.core.db import open_database
from hubdesk.core.filters import (
    All,
    Any_,
    Condition,
    FilterSyntaxError,
    Not,
    format_expr,
    parse,
    resolve,
)
from hubdesk.core.filters.resolve import FilterField, filter_fields


def C(field: str, op: str, *values: str) -> Condition:
    return Condition(field, op, tuple(values))


# --- precedence and grouping ----------------------------------------------------------------
def test_and_binds_tighter_than_or():
    assert parse("a:1 or b:2 and c:3") == Any_((C("a", ":", "1"),
                                                 All((C("b", ":", "2"), C("c", ":", "3")))))
    assert parse("a:1 and b:2 or c:3") == Any_((All((C("a", ":", "1"), C("b", ":", "2"))),
                                                 C("c", ":", "3")))


def test_not_binds_tighter_than_and():
    assert parse("not a:1 and b:2") == All((Not(C("a", ":", "1")), C("b", ":", "2")))
    assert parse("not a:1 or b:2") == Any_((Not(C("a", ":", "1")), C("b", ":", "2")))
    assert parse("not not a:1") == Not(Not(C("a", ":", "1")))


def test_parentheses_group():
    assert parse("(a:1 or b:2) and c:3") == All((Any_((C("a", ":", "1"), C("b", ":", "2"))),
                                                 C("c", ":", "3")))
    assert parse("not (a:1 or b:2)") == Not(Any_((C("a", ":", "1"), C("b", ":", "2"))))
    assert parse("((a:1))") == C("a", ":", "1")
    # No space needed after a keyword before a parenthesis.
    assert parse("a:1 and(b:2 or c:3)") == All((C("a", ":", "1"),
                                                 Any_((C("b", ":", "2"), C("c", ":", "3")))))


def test_a_chain_of_one_operator_is_one_group():
    assert parse("a:1 or b:2 or c:3") == Any_((C("a", ":", "1"), C("b", ":", "2"),
                                               C("c", ":", "3")))
    assert parse("a:1 and b:2 and c:3") == All((C("a", ":", "1"), C("b", ":", "2"),
                                                C("c", ":", "3")))


def test_conditions_remember_where_they_start():
    tree = parse("label:vip  or  city:東京")
    assert [c.position for c in tree.items] == [0, 15]


def test_keywords_are_case_insensitive():
    assert parse("A:1 AND B:2 Or NOT c:3") == parse("A:1 and B:2 or not c:3")
    assert parse("a IS-EMPTY") == C("a", "is-empty")
    assert parse("size BETWEEN 1..2") == C("size", "between", "1", "2")


# --- values -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "values"), [
    ('company:"Acme, Inc."', ("Acme, Inc.",)),
    ('company:"two  spaces "', ("two  spaces ",)),
    (r'note:"he said \"hi\""', ('he said "hi"',)),
    (r'path:"C:\\temp\\x"', ("C:\\temp\\x",)),
    ('a:"and"', ("and",)),
    ('a:"(x)"', ("(x)",)),
    ('a:""', ("",)),
    ("a:back\\slash", ("back\\slash",)),  # a bare backslash is just a character
    ("city:東京", ("東京",)),
    ("city: 東京", ("東京",)),
    ("name:山田　太郎", ("山田　太郎",)),  # an ideographic space does not end a bare value
])
def test_quoted_and_bare_values(text, values):
    assert parse(text).values == values


def test_comma_lists():
    assert parse('label:vip,"gold member",東京') == C("label", ":", "vip", "gold member", "東京")
    assert parse("tier any-of gold,silver") == C("tier", "any-of", "gold", "silver")


def test_ranges():
    assert parse("size:10..100") == C("size", "between", "10", "100")
    assert parse("size between 10..100") == C("size", "between", "10", "100")
    assert parse("size:-5..-1") == C("size", "between", "-5", "-1")
    assert parse("renewal:2024-01-01..2024-03-31") == \
        C("renewal", "between", "2024-01-01", "2024-03-31")
    # Quoted, two dots are just text.
    assert parse('code:"10..100"') == C("code", ":", "10..100")


@pytest.mark.parametrize(("text", "op"), [
    ("a=1", "="), ("a!=1", "!="), ("a!:1", "!:"), ("a~1", "~"), ("a!~1", "!~"), ("a^1", "^"),
    ("a<1", "<"), ("a<=1", "<="), ("a>1", ">"), ("a>=1", ">="),
    ("a is 1", "is"), ("a is-not 1", "is-not"), ("a contains 1", "contains"),
    ("a not-contains 1", "not-contains"), ("a starts-with 1", "starts-with"),
    ("a before 1", "before"), ("a after 1", "after"), ("a on 1", "on"),
    ("a in-last 30d", "in-last"), ("a older-than 30d", "older-than"),
    ("a any-of 1", "any-of"), ("a none-of 1", "none-of"), ("a has-any 1", "has-any"),
    ("a has-all 1", "has-all"), ("a has-none 1", "has-none"),
])
def test_operators(text, op):
    c = parse(text)
    assert (c.field, c.op) == ("a", op)
    assert c.values == (("30d",) if op in ("in-last", "older-than") else ("1",))


@pytest.mark.parametrize("op", ["is-empty", "not-empty", "is-true", "is-false"])
def test_operators_without_a_value(op):
    assert parse(f"a {op} and b:1") == All((C("a", op), C("b", ":", "1")))


@pytest.mark.parametrize(("text", "field"), [
    ("order:1", "order"), ("notes:no", "notes"), ("andy:1", "andy"), ("or:1", "or"),
    ("not:1", "not"), ("nothing:1", "nothing"), ("is:1", "is"), ("attr.city:x", "attr.city"),
])
def test_fields_named_like_keywords(text, field):
    c = parse(text)
    assert isinstance(c, Condition)
    assert c.field == field


def test_keyword_prefixed_fields_inside_larger_filters():
    assert parse("order:1 and notes:no or nothing:x") == Any_((
        All((C("order", ":", "1"), C("notes", ":", "no"))), C("nothing", ":", "x")))


def test_japanese_values_and_conditions():
    assert parse("city:東京 or city:大阪") == Any_((C("city", ":", "東京"),
                                                  C("city", ":", "大阪")))
    assert parse("label:顧客,見込み客") == C("label", ":", "顧客", "見込み客")


# --- malformed filters: every error says where ------------------------------------------------
@pytest.mark.parametrize(("text", "position", "says"), [
    ("", 0, "the filter is empty"),
    ("label:vip and", 13, "expected a condition"),
    ("label:vip or ", 13, "expected a condition"),
    ("not", 3, "expected a condition"),
    ("(a:b", 0, "'(' here"),
    ("a:b and (c:d", 8, "'(' here"),
    ("(", 0, "'(' is never closed"),
    ('a:"x', 2, "quote is never closed"),
    ('a:b and c:"x and d:e', 10, "quote is never closed"),
    ("a b", 2, "expected an operator after 'a'"),
    ("a", 1, "expected an operator after 'a'"),
    (") a:b", 0, "expected a field name"),
    ("a:b)", 3, "')' without a matching '('"),
    ("a:b c:d", 4, "expected 'and', 'or' or the end"),
    ("a:b and and c:d", 8, "expected a condition before 'and'"),
    ("or a:b", 0, "expected a condition before 'or'"),
    ("a:", 2, "expected a value"),
    ("a:b,", 4, "expected a value"),
    ("a:,b", 2, "expected a value"),
    ("a:..5", 2, "a range needs both ends"),
    ("a:5..", 2, "a range needs both ends"),
    ("a between 5", 10, "'between' takes a range"),
    ("1a:b", 0, "expected a field name"),
    ("a:b and ()", 9, "expected a field name"),
])
def test_malformed_filters_name_the_position(text, position, says):
    with pytest.raises(FilterSyntaxError) as caught:
        parse(text)
    exc = caught.value
    assert exc.position == position
    assert f"position {position + 1}" in str(exc)  # counted from 1 for people
    assert says in str(exc)
    assert exc.pointer() == f"{text}\n{' ' * position}^"


def test_blank_text_is_empty():
    for text in ("   ", "\t", None):
        with pytest.raises(FilterSyntaxError, match="the filter is empty"):
            parse(text)  # type: ignore[arg-type]


# --- writing a tree back: parse(format_expr(tree)) is the same filter -------------------------
_TRICKY = ["and", "OR", "not", "a..b", "..", '"', "\\", ",", " ", "(", ")", "東京", "",
           ":x", "=", "<5", "!=", "\u3000", "x y", "vip", "Acme, Inc.", 'say "hi"', "-",
           "has:notes", "10..100", "\\\"", " lead", "trail "]
_TEXT = st.one_of(st.sampled_from(_TRICKY), st.text(max_size=12))
_NUMBER = st.floats(allow_nan=False, allow_infinity=False)
_TIER_OPTIONS = ["Gold, plus", "a..b", "and", 'say "hi"', "東京", "Silver"]


@pytest.fixture(scope="module")
def fields() -> Iterator[list[FilterField]]:
    """Every standard field, plus attributes of each type, some named like other fields or
    keywords (their names in the syntax differ from their keys)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'fields.db'}")
        with db.session() as s:
            for key, type_ in [("note", "text"), ("or", "text"), ("has", "text"),
                               ("address_city", "text"), ("city", "text"), ("size", "number"),
                               ("order", "currency"), ("renewal", "date"), ("on", "date"),
                               ("vip", "checkbox"), ("not", "checkbox")]:
                define_attribute(s, key, key.title(), type_)
            define_attribute(s, "tier", "Tier", "list", options=_TIER_OPTIONS)
        with db.read_session() as s:
            yield filter_fields(s)
        db.dispose()


def _pair(values):
    return st.tuples(values, values).map(lambda p: tuple(sorted(p)))


def _condition(f: FilterField) -> st.SearchStrategy[Condition]:
    def make(op, values=()):
        return Condition(f.key, op, tuple(values), kind=f.kind, attribute_id=f.attribute_id)

    def ops(*names):
        return st.sampled_from(names)

    several = st.lists(_TEXT, min_size=1, max_size=3)
    if f.kind == "text":
        return st.one_of(
            st.builds(make, ops("is", "is_not"), several),
            st.builds(make, ops("contains", "not_contains", "starts_with"),
                      _TEXT.map(lambda v: (v,))),
            st.builds(make, ops("empty", "not_empty")))
    if f.kind == "number":
        return st.one_of(
            st.builds(make, ops("eq", "ne", "lt", "le", "gt", "ge"), _NUMBER.map(lambda v: (v,))),
            st.builds(make, st.just("between"), _pair(_NUMBER)),
            st.builds(make, ops("empty", "not_empty")))
    if f.kind == "date":
        return st.one_of(
            st.builds(make, ops("on", "before", "after"), st.dates().map(lambda v: (v,))),
            st.builds(make, st.just("between"), _pair(st.dates())),
            st.builds(make, ops("last_days", "older_days"),
                      st.integers(0, 100_000).map(lambda v: (v,))),
            st.builds(make, ops("empty", "not_empty")))
    if f.kind in ("list", "choice"):
        chosen = st.lists(st.sampled_from(f.options), min_size=1, max_size=3, unique=True)
        kinds = [st.builds(make, ops("any_of", "none_of"), chosen)]
        if f.kind == "list":
            kinds.append(st.builds(make, ops("empty", "not_empty")))
        return st.one_of(*kinds)
    if f.kind == "labels":
        return st.builds(make, ops("has_any", "has_all", "has_none"), several)
    return st.builds(make, ops("is_true", "is_false"))  # checkbox, presence


_STRATEGIES: dict[int, st.SearchStrategy] = {}


def _trees(fields: list[FilterField]) -> st.SearchStrategy:
    if id(fields) not in _STRATEGIES:  # built once: building is slower than drawing
        _STRATEGIES[id(fields)] = _build_trees(fields)
    return _STRATEGIES[id(fields)]


def _build_trees(fields: list[FilterField]) -> st.SearchStrategy:
    leaves = st.one_of(*[_condition(f) for f in fields])
    return st.recursive(leaves, lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: All(tuple(xs))),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: Any_(tuple(xs))),
        inner.map(Not)), max_leaves=6)


def _flat(expr):
    """`a or (b or c)` is written, and read back, as `a or b or c`: the same filter."""
    if isinstance(expr, Condition):
        return expr
    if isinstance(expr, Not):
        return Not(_flat(expr.item))
    items = []
    for item in map(_flat, expr.items):
        items += item.items if type(item) is type(expr) else [item]
    return type(expr)(tuple(items))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_formatted_filters_read_back_as_the_same_filter(fields, data):
    tree = data.draw(_trees(fields))
    names = {f.key: f.name for f in fields}
    text = format_expr(tree, names)
    back = resolve(None, parse(text), fields)  # type: ignore[arg-type]  # fields given: no session
    assert _flat(back) == _flat(tree), text
    assert format_expr(back, names) == text  # what a segment stores is stable


def test_formatted_text_examples(fields):
    names = {f.key: f.name for f in fields}
    by_name = {f.name: f for f in fields}

    def cond(name, op, *values):
        f = by_name[name]
        return Condition(f.key, op, values, kind=f.kind, attribute_id=f.attribute_id)

    tree = All((
        Any_((cond("label", "has_any", "vip", "gold member"), cond("city", "is", "東京"))),
        Not(cond("size", "between", 10.0, 100.5)),
        cond("renewal", "last_days", 30),
        cond("notes", "is_true"),
        cond("attr.or", "empty"),
        cond("attr.address_city", "contains", "and"),
    ))
    assert format_expr(tree, names) == (
        '(label:vip,"gold member" or city:東京) and not size:10..100.5 and '
        'renewal in-last 30d and has:notes and attr.or is-empty and attr.address_city~"and"')
    assert format_expr(cond("created", "on", date(2024, 3, 31)), names) == "created:2024-03-31"
