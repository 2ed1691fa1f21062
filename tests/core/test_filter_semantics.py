"""What each filter operator finds: exactly which contacts, for every kind of field,
including contacts with no value and the edges of ranges; AND/OR/NOT; filters with search
text and in the Trash; and a brute-force check against a plain-Python reading of the tree."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubdesk.core.attributes import define_attribute
from hubdesk.core.clock import utcnow
from hubdesk.core.contacts import create_contact, trash_contacts
from hubdesk.core.conversations import add_message, start_conversation
from hubdesk.core.db import open_database
from hubdesk.core.filters import All, Any_, Condition, Not, resolve
from hubdesk.core.models import Contact
from hubdesk.core.notes import add_note
from hubdesk.core.query import ContactQuery, all_ids, count, first_page, search_ids
from hubdesk.core.segments import compile_where


def _matching(db, where, **options) -> list[str]:
    """First names of the contacts the filter finds, in list order — after checking that
    the count, the first page and the full id list all say the same."""
    with db.read_session() as s:
        if isinstance(where, str):
            where = compile_where(s, where)
        q = ContactQuery(where=where, **options)
        ids = search_ids(s, q)
        assert count(s, q) == len(ids)
        assert list(all_ids(s, q)) == ids
        for n in (1, 2, len(ids) + 1):
            assert first_page(s, q, n) == ids[:n]
        return [s.get(Contact, i).first_name for i in ids]


@pytest.fixture
def match(db):
    def _match(where, **options) -> set[str]:
        return set(_matching(db, where, **options))

    return _match


@pytest.fixture
def define(db):
    def _define(key: str, type_: str, options=None) -> None:
        with db.session() as s:
            define_attribute(s, key, key.title(), type_, options=options)

    return _define


@pytest.fixture
def local_tokyo() -> Iterator[None]:
    """The user's days are Tokyo's (UTC+9, no summer time) whatever the machine says."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


# --- text ---------------------------------------------------------------------------------
@pytest.fixture
def companies(add):
    add(first_name="ann", company="Acme", email="ann@acme.example")
    add(first_name="bob", company="ACME")
    add(first_name="cho", company="Acme Japan", email="cho@acme.example")
    add(first_name="dan", company="")
    add(first_name="emi", company="École")
    add(first_name="fuji", company="東京商事")
    add(first_name="gin", company="50%_off")
    return {"ann", "bob", "cho", "dan", "emi", "fuji", "gin"}


def test_text_is_ignores_ascii_case(match, companies):
    assert match("company:acme") == {"ann", "bob"}
    assert match("company is ACME") == {"ann", "bob"}
    assert match('company:"acme japan",東京商事') == {"cho", "fuji"}
    assert match("company:École") == {"emi"}  # typed as stored, found
    assert match("company:東京商事") == {"fuji"}


def test_text_is_not_includes_empty_values(match, companies):
    assert match("company!=acme") == companies - {"ann", "bob"}
    assert match("company is-not acme,École") == companies - {"ann", "bob", "emi"}
    # email is NULL for most contacts: they are not ann@acme.example either.
    assert match("email!=ann@acme.example") == companies - {"ann"}
    assert match("email:ANN@ACME.EXAMPLE") == {"ann"}


def test_text_contains_and_starts_with(match, companies):
    assert match("company~acme") == {"ann", "bob", "cho"}
    assert match("company contains CME") == {"ann", "bob", "cho"}
    assert match("company~東京") == {"fuji"}
    assert match("company!~acme") == {"dan", "emi", "fuji", "gin"}
    assert match('company^"acme j"') == {"cho"}
    assert match("company starts-with 東") == {"fuji"}
    assert match("company^ME") == set()
    assert match("email~acme") == {"ann", "cho"}
    assert match("email!~acme") == companies - {"ann", "cho"}


def test_like_wildcards_are_plain_characters(match, companies):
    assert match("company~%") == {"gin"}
    assert match("company~_") == {"gin"}
    assert match("company^50%") == {"gin"}
    assert match('company~"\\\\"') == set()  # a backslash: nobody has one


def test_text_empty_and_not_empty(match, companies):
    assert match("company is-empty") == {"dan"}
    assert match("company not-empty") == companies - {"dan"}
    assert match("email is-empty") == companies - {"ann", "cho"}
    assert match("email not-empty") == {"ann", "cho"}


def test_text_attribute_missing_values(match, define, add):
    define("note", "text")
    add(first_name="ann", attributes={"note": "Call back"})
    add(first_name="bob", attributes={"note": "call BACK later"})
    add(first_name="cho", attributes={"note": " "})  # a space typed: stored as ""
    add(first_name="dan")  # no value at all
    everyone = {"ann", "bob", "cho", "dan"}
    assert match('note:"call back"') == {"ann"}
    assert match('note!="call back"') == everyone - {"ann"}
    assert match("note~back") == {"ann", "bob"}
    assert match("note!~back") == {"cho", "dan"}
    assert match("note^CALL") == {"ann", "bob"}
    assert match("note is-empty") == {"cho", "dan"}
    assert match("note not-empty") == {"ann", "bob"}
    assert match("not note is-empty") == {"ann", "bob"}


# --- numbers ------------------------------------------------------------------------------
@pytest.fixture
def sizes(define, add):
    define("size", "number")
    for name, size in [("ann", 10), ("bob", 100), ("cho", 55.5), ("eve", 0), ("fay", -5)]:
        add(first_name=name, attributes={"size": size})
    add(first_name="dan")
    return {"ann", "bob", "cho", "dan", "eve", "fay"}


def test_number_comparisons(match, sizes):
    assert match("size:100") == {"bob"}
    assert match("size=100.0") == {"bob"}
    assert match("size:0") == {"eve"}  # zero is a value, not an empty one
    assert match("size!=100") == sizes - {"bob"}  # dan has no size: not 100 either
    assert match("size<10") == {"eve", "fay"}
    assert match("size<=10") == {"ann", "eve", "fay"}
    assert match("size>55.5") == {"bob"}
    assert match("size>=55.5") == {"bob", "cho"}
    assert match("size<0") == {"fay"}
    assert match("size>-10") == sizes - {"dan"}


def test_number_between_includes_both_ends(match, sizes):
    assert match("size:10..100") == {"ann", "bob", "cho"}
    assert match("size between 10..100") == {"ann", "bob", "cho"}
    assert match("size:100..10") == {"ann", "bob", "cho"}  # typed the other way round
    assert match("size:10.01..99.99") == {"cho"}
    assert match("size:-5..-5") == {"fay"}
    assert match("not size:10..100") == {"dan", "eve", "fay"}


def test_number_empty_and_not_empty(match, sizes):
    assert match("size is-empty") == {"dan"}
    assert match("size not-empty") == sizes - {"dan"}


# --- dates --------------------------------------------------------------------------------
def test_date_attribute_calendar_days(match, define, add):
    define("renewal", "date")
    add(first_name="ann", attributes={"renewal": "2024-03-01"})
    add(first_name="bob", attributes={"renewal": "2024-03-31"})
    add(first_name="cho", attributes={"renewal": "2024-04-01"})
    add(first_name="dan")
    assert match("renewal:2024-03-31") == {"bob"}
    assert match("renewal on 2024/3/31") == {"bob"}
    assert match("renewal:2024年3月31日") == {"bob"}
    assert match("renewal<2024-03-31") == {"ann"}
    assert match("renewal before 2024-03-31") == {"ann"}
    assert match("renewal>2024-03-31") == {"cho"}
    assert match("renewal:2024-03-01..2024-03-31") == {"ann", "bob"}
    assert match("renewal:2024-04-01..2024-03-01") == {"ann", "bob", "cho"}
    assert match("renewal:2024-03-02..2024-03-30") == set()
    assert match("renewal is-empty") == {"dan"}
    assert match("renewal not-empty") == {"ann", "bob", "cho"}
    assert match("not renewal<2024-03-31") == {"bob", "cho", "dan"}


def test_date_attribute_relative_days(match, define, add):
    define("renewal", "date")
    today = date.today()
    for name, days_ago in [("today", 0), ("d3", 3), ("d30", 30), ("d31", 31), ("d40", 40),
                           ("future", -30)]:
        add(first_name=name, attributes={"renewal": today - timedelta(days=days_ago)})
    add(first_name="none")
    # The last 30 days: from 30 days ago to today, both included; not days still to come.
    assert match("renewal in-last 30d") == {"today", "d3", "d30"}
    assert match("renewal in-last 0d") == {"today"}
    # More than 30 days ago: the days before that.
    assert match("renewal older-than 30d") == {"d31", "d40"}
    assert match("renewal older-than 30") == {"d31", "d40"}


def _add_created(db, name: str, created: datetime, **fields) -> int:
    with db.session() as s:
        return create_contact(s, {"first_name": name, **fields}, now=created)


def test_created_on_uses_the_users_days(db, match, local_tokyo):
    # Stored times are naive UTC; Tokyo is nine hours ahead.
    _add_created(db, "before_midnight", datetime(2024, 3, 9, 14, 59, 59))  # 3/9 23:59:59
    _add_created(db, "midnight", datetime(2024, 3, 9, 15, 0, 0))  # 3/10 00:00
    _add_created(db, "late", datetime(2024, 3, 10, 14, 59, 59))  # 3/10 23:59:59
    _add_created(db, "next_day", datetime(2024, 3, 10, 15, 0, 0))  # 3/11 00:00
    assert match("created:2024-03-10") == {"midnight", "late"}
    assert match("created<2024-03-10") == {"before_midnight"}
    assert match("created>2024-03-10") == {"next_day"}
    assert match("created:2024-03-10..2024-03-10") == {"midnight", "late"}
    assert match("created:2024-03-09..2024-03-10") == {"before_midnight", "midnight", "late"}
    assert match("created:2024-03-11..2024-03-09") == {"before_midnight", "midnight", "late",
                                                       "next_day"}
    assert match("created not-empty") == {"before_midnight", "midnight", "late", "next_day"}
    assert match("created is-empty") == set()


def test_created_relative_days(db, match):
    now = utcnow()
    _add_created(db, "hour", now - timedelta(hours=1))
    _add_created(db, "six_days", now - timedelta(days=6, hours=23))
    _add_created(db, "eight_days", now - timedelta(days=7, hours=1))
    _add_created(db, "old", now - timedelta(days=400))
    assert match("created in-last 7d") == {"hour", "six_days"}
    assert match("created older-than 7d") == {"eight_days", "old"}
    assert match("created older-than 365d") == {"old"}


def test_last_activity_without_any_activity(db, match, add):
    ann = add(first_name="ann")
    add(first_name="bob")  # never contacted
    with db.session() as s:
        conversation = start_conversation(s, ann, "email")
        add_message(s, conversation, "incoming", "hello", at=datetime(2023, 6, 1, 3, 0))
    assert match("last_activity<2024-01-01") == {"ann"}
    assert match("last_activity is-empty") == {"bob"}
    # Not "before 2024" includes the contact who has no activity at all.
    assert match("not last_activity<2024-01-01") == {"bob"}
    assert match("not last_activity older-than 30d") == {"bob"}
    assert match("last_activity>2023-12-31 or last_activity is-empty") == {"bob"}


# --- lists, checkboxes, labels --------------------------------------------------------------
def test_list_any_of_none_of(match, define, add):
    define("tier", "list", options=["Gold", "Silver", "Bronze"])
    add(first_name="ann", attributes={"tier": "Gold"})
    add(first_name="bob", attributes={"tier": "Silver"})
    add(first_name="cho", attributes={"tier": "Bronze"})
    add(first_name="dan")
    assert match("tier:gold") == {"ann"}
    assert match("tier any-of gold,SILVER") == {"ann", "bob"}
    assert match("tier!=gold") == {"bob", "cho", "dan"}  # dan has no tier: not Gold
    assert match("tier none-of gold,silver") == {"cho", "dan"}
    assert match("tier is-empty") == {"dan"}
    assert match("tier not-empty") == {"ann", "bob", "cho"}


def test_checkbox_unset_counts_as_false(match, define, add):
    define("vip", "checkbox")
    add(first_name="ann", attributes={"vip": True})
    add(first_name="bob", attributes={"vip": False})
    add(first_name="cho")
    for yes in ("vip:yes", "vip is-true", "vip:true", "vip=はい", "vip:1"):
        assert match(yes) == {"ann"}, yes
    for no in ("vip:no", "vip is-false", "vip:false", "vip=いいえ", "not vip:yes"):
        assert match(no) == {"bob", "cho"}, no


def test_labels_any_all_none(match, add):
    add(first_name="ann", labels=["VIP", "Gold"])
    add(first_name="bob", labels=["vip"])
    add(first_name="cho", labels=["Gold", "顧客"])
    add(first_name="dan")
    assert match("label:vip") == {"ann", "bob"}
    assert match("label:Vip,gold") == {"ann", "bob", "cho"}
    assert match("label:ｖｉｐ") == {"ann", "bob"}  # full-width typed
    assert match("label has-all vip,GOLD") == {"ann"}
    assert match("label has-all vip") == {"ann", "bob"}
    assert match("label!=vip") == {"cho", "dan"}
    assert match("label has-none gold,顧客") == {"bob", "dan"}
    assert match("label:顧客") == {"cho"}
    assert match("label:nobody-has-this") == set()
    assert match("label!=nobody-has-this") == {"ann", "bob", "cho", "dan"}


# --- activity, problems, statuses -------------------------------------------------------------
@pytest.fixture
def activity(db, add):
    ann = add(first_name="ann", subscription_status="subscribed")
    bob = add(first_name="bob", subscription_status="unsubscribed", phone="12")  # a problem
    cho = add(first_name="cho", phone="+81 90 1234 5678")
    add(first_name="dan", subscription_status="subscribed")
    with db.session() as s:
        add_note(s, ann, "met at the fair")
        start_conversation(s, ann, "email", status="open")
        start_conversation(s, bob, "sms", status="resolved")
        start_conversation(s, cho, "email", status="pending")
        start_conversation(s, cho, "phone", status="resolved")
    return {"ann", "bob", "cho", "dan"}


def test_has_notes_conversations_problems(match, activity):
    assert match("has:notes") == {"ann"}
    assert match("notes:yes") == {"ann"}
    assert match("notes:no") == {"bob", "cho", "dan"}
    assert match("not has:notes") == {"bob", "cho", "dan"}
    assert match("has:conversations") == {"ann", "bob", "cho"}
    assert match("conversations is-false") == {"dan"}
    assert match("has:problems") == {"bob"}
    assert match("problems:no") == {"ann", "cho", "dan"}


def test_conversation_status(match, activity):
    assert match("conversation:open") == {"ann"}
    assert match("conversation:resolved") == {"bob", "cho"}
    assert match("conversation:OPEN,pending") == {"ann", "cho"}
    # None of: no conversation with that status (also nobody without conversations).
    assert match("conversation!=resolved") == {"ann", "dan"}
    assert match("conversation none-of open,pending") == {"bob", "dan"}


def test_subscription_status(match, activity):
    assert match("subscription:subscribed") == {"ann", "dan"}
    assert match("subscription!=subscribed") == {"bob", "cho"}
    assert match("subscription:unknown,UNSUBSCRIBED") == {"bob", "cho"}


# --- combinations -----------------------------------------------------------------------------
@pytest.fixture
def mix(define, add):
    define("size", "number")
    add(first_name="ann", labels=["vip"], attributes={"size": 10}, address_city="東京")
    add(first_name="bob", labels=["vip"], attributes={"size": 200}, address_city="大阪")
    add(first_name="cho", labels=["gold"], attributes={"size": 300}, address_city="東京")
    add(first_name="dan", address_city="Kyoto")
    return {"ann", "bob", "cho", "dan"}


def test_and_or_not(match, mix):
    assert match("label:vip and size>100") == {"bob"}
    assert match("label:vip or size>100") == {"ann", "bob", "cho"}
    assert match("not label:vip") == {"cho", "dan"}
    assert match("not (label:vip or size>100)") == {"dan"}
    assert match("not label:vip and not size>100") == {"dan"}  # the same, by De Morgan
    assert match("(city:東京 or city:大阪) and size>=200") == {"bob", "cho"}
    assert match("city:東京 or city:大阪 and size>=200") == {"ann", "bob", "cho"}
    assert match("label:vip and not (city:東京)") == {"bob"}
    assert match("not not label:vip") == {"ann", "bob"}


def test_builder_trees_with_empty_groups(db, mix):
    with db.read_session() as s:
        vip = resolve(s, Condition("label", "has_any", ("vip",)))
    assert set(_matching(db, All(()))) == mix  # nothing required
    assert set(_matching(db, Any_(()))) == set()  # no alternative holds
    assert set(_matching(db, All((vip, Any_(()))))) == set()
    assert set(_matching(db, Not(Any_(())))) == mix


def test_filter_with_search_text(db, match, mix, add):
    add(first_name="annie", labels=["gold"])
    assert match("label:vip", text="ann") == {"ann"}
    assert match("label:gold", text="ann") == {"annie"}
    assert match("label:vip or label:gold", text="an") == {"ann", "annie"}
    assert match("city:東京", text="zzz") == set()
    # The list order (by name) and the first page agree with a filter and a search.
    assert _matching(db, "label:vip or label:gold", text="an") == ["ann", "annie"]


def test_filter_in_the_trash(db, match, mix):
    with db.read_session() as s:
        ids = search_ids(s, ContactQuery(where=compile_where(s, "size>100")))
    with db.session() as s:
        trash_contacts(s, ids)  # bob and cho
    assert match("label:vip") == {"ann"}
    assert match("label:vip", trash=True) == {"bob"}
    assert match("city:東京", trash=True) == {"cho"}
    assert match("size>100") == set()
    assert match("size>100", trash=True) == {"bob", "cho"}


def test_list_order_follows_the_sort(db, mix):
    assert _matching(db, "size not-empty") == ["ann", "bob", "cho"]
    assert _matching(db, "size not-empty", descending=True) == ["cho", "bob", "ann"]


# --- brute force: the database agrees with a plain reading of the tree ---------------------------
OPTIONS = ["Gold", "Silver", "Bronze"]
LABELS = ["VIP", "gold", "顧客"]
COMPANIES = ["Acme", "ACME", "acme japan", "", "École", "東京商事", "50%_off"]
NOTES = ["call back", "Call Back", "", "x..y", "東京", "back"]
SIZES = [-5, 0, 10, 55.5, 100]
BASE_DAY = date(2024, 3, 10)
STATUSES = ["open", "pending", "resolved"]

_contact = st.fixed_dictionaries({
    "company": st.sampled_from(COMPANIES),
    "email": st.one_of(st.none(), st.sampled_from(["a@acme.example", "b@example.org"])),
    "note": st.one_of(st.none(), st.sampled_from(NOTES)),
    "size": st.one_of(st.none(), st.sampled_from(SIZES)),
    "renewal": st.one_of(st.none(), st.integers(-5, 5).map(
        lambda d: BASE_DAY + timedelta(days=d))),
    "tier": st.one_of(st.none(), st.sampled_from(OPTIONS)),
    "vip": st.one_of(st.none(), st.booleans()),
    "labels": st.lists(st.sampled_from(LABELS), unique=True, max_size=3),
    "created_days_ago": st.integers(0, 20),
    "notes": st.booleans(),
    "conversation": st.one_of(st.none(), st.sampled_from(STATUSES)),
})


def _leaf() -> st.SearchStrategy[tuple]:
    """(field, kind, op, values, is_attribute) over the values the contacts have."""
    text_values = st.lists(st.sampled_from(COMPANIES + NOTES + ["ACME JAPAN", "zzz"]),
                           min_size=1, max_size=2)
    one_text = st.sampled_from(["acme", "CME", "back", "", "東京", "%", "_", "x..", "zzz"])
    numbers = st.sampled_from([*SIZES, 9.99, 56, -100])
    days = st.integers(-6, 6).map(lambda d: BASE_DAY + timedelta(days=d))
    ages = st.integers(0, 21)

    def text_ops(field, attribute):
        return st.one_of(
            st.tuples(st.just(field), st.just("text"), st.sampled_from(["is", "is_not"]),
                      text_values.map(tuple), st.just(attribute)),
            st.tuples(st.just(field), st.just("text"),
                      st.sampled_from(["contains", "not_contains", "starts_with"]),
                      one_text.map(lambda v: (v,)), st.just(attribute)),
            st.tuples(st.just(field), st.just("text"), st.sampled_from(["empty", "not_empty"]),
                      st.just(()), st.just(attribute)))

    def ranged(field, kind, ops, values, attribute=True):
        return st.one_of(
            st.tuples(st.just(field), st.just(kind), st.sampled_from(ops),
                      values.map(lambda v: (v,)), st.just(attribute)),
            st.tuples(st.just(field), st.just(kind), st.just("between"),
                      st.tuples(values, values).map(lambda p: tuple(sorted(p))),
                      st.just(attribute)))

    return st.one_of(
        text_ops("company", False), text_ops("email", False), text_ops("note", True),
        ranged("size", "number", ["eq", "ne", "lt", "le", "gt", "ge"], numbers),
        st.tuples(st.just("size"), st.just("number"), st.sampled_from(["empty", "not_empty"]),
                  st.just(()), st.just(True)),
        ranged("renewal", "date", ["on", "before", "after"], days),
        st.tuples(st.just("renewal"), st.just("date"), st.sampled_from(["empty", "not_empty"]),
                  st.just(()), st.just(True)),
        ranged("created_at", "date", ["on", "before", "after"],
               st.integers(0, 21).map(lambda d: date.today() - timedelta(days=d)), False),
        st.tuples(st.just("created_at"), st.just("date"),
                  st.sampled_from(["last_days", "older_days"]), ages.map(lambda v: (v,)),
                  st.just(False)),
        st.tuples(st.just("tier"), st.just("list"), st.sampled_from(["any_of", "none_of"]),
                  st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=2,
                           unique=True).map(tuple), st.just(True)),
        st.tuples(st.just("tier"), st.just("list"), st.sampled_from(["empty", "not_empty"]),
                  st.just(()), st.just(True)),
        st.tuples(st.just("vip"), st.just("checkbox"), st.sampled_from(["is_true", "is_false"]),
                  st.just(()), st.just(True)),
        st.tuples(st.just("label"), st.just("labels"),
                  st.sampled_from(["has_any", "has_all", "has_none"]),
                  st.lists(st.sampled_from([*LABELS, "Vip", "GOLD", "nobody"]), min_size=1,
                           max_size=2).map(tuple), st.just(False)),
        st.tuples(st.sampled_from(["has_notes", "has_conversations"]), st.just("presence"),
                  st.sampled_from(["is_true", "is_false"]), st.just(()), st.just(False)),
        st.tuples(st.just("conversation_status"), st.just("choice"),
                  st.sampled_from(["any_of", "none_of"]),
                  st.lists(st.sampled_from(STATUSES), min_size=1, max_size=2,
                           unique=True).map(tuple), st.just(False)),
    )


_tree = st.recursive(_leaf(), lambda inner: st.one_of(
    st.lists(inner, min_size=1, max_size=3).map(lambda xs: ("and", xs)),
    st.lists(inner, min_size=1, max_size=3).map(lambda xs: ("or", xs)),
    inner.map(lambda x: ("not", x))), max_leaves=5)


def _ascii_lower(text: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _holds(leaf: tuple, c: dict) -> bool:
    """One condition on one contact, read the way the documentation states it."""
    field, kind, op, values, _ = leaf
    if kind == "text":
        if field in ("company", "email"):
            raw = c[field] or ""  # a standard field without a value is empty text
            has = True
        else:
            raw, has = c[field] or "", c[field] is not None
        v, wanted = _ascii_lower(raw), [_ascii_lower(x) for x in values]
        positive = {"is": lambda: v in wanted, "contains": lambda: wanted[0] in v,
                    "starts_with": lambda: v.startswith(wanted[0]), "empty": lambda: v == ""}
        if op == "empty":
            return v == ""  # no value, or an empty one
        if op in positive:
            return has and positive[op]()
        return not _holds((field, kind, {"is_not": "is", "not_contains": "contains",
                                         "not_empty": "empty"}[op], values, _), c)
    if field == "created_at":
        local_day = c["created"].replace(tzinfo=UTC).astimezone().date()
        days_ago = c["created_days_ago"]  # whole days plus twelve hours
        return {"on": lambda: local_day == values[0], "before": lambda: local_day < values[0],
                "after": lambda: local_day > values[0],
                "between": lambda: values[0] <= local_day <= values[1],
                "last_days": lambda: days_ago < values[0],
                "older_days": lambda: days_ago >= values[0]}[op]()
    if kind in ("number", "date", "list"):
        x = c[field]
        if op == "empty":
            return x is None
        if op in ("not_empty", "ne", "none_of"):
            return not _holds((field, kind, {"not_empty": "empty", "ne": "eq",
                                             "none_of": "any_of"}[op], values, _), c)
        if x is None:
            return False
        return {"eq": lambda: x == values[0], "lt": lambda: x < values[0],
                "le": lambda: x <= values[0], "gt": lambda: x > values[0],
                "ge": lambda: x >= values[0], "on": lambda: x == values[0],
                "before": lambda: x < values[0], "after": lambda: x > values[0],
                "between": lambda: values[0] <= x <= values[1],
                "any_of": lambda: x in values}[op]()
    if kind == "checkbox":
        return (c["vip"] is True) == (op == "is_true")
    if kind == "labels":
        mine = {label.casefold() for label in c["labels"]}
        wanted = [v.casefold() for v in values]
        return {"has_any": lambda: any(w in mine for w in wanted),
                "has_all": lambda: all(w in mine for w in wanted),
                "has_none": lambda: not any(w in mine for w in wanted)}[op]()
    if kind == "presence":
        has = c["notes"] if field == "has_notes" else c["conversation"] is not None
        return has == (op == "is_true")
    assert field == "conversation_status"
    return (c["conversation"] in values) == (op == "any_of")


def _evaluate(tree, c: dict) -> bool:
    if tree[0] == "and":
        return all(_evaluate(x, c) for x in tree[1])
    if tree[0] == "or":
        return any(_evaluate(x, c) for x in tree[1])
    if tree[0] == "not":
        return not _evaluate(tree[1], c)
    return _holds(tree, c)


def _as_expr(tree):
    """The same tree as the builder would hand it over (then resolved)."""
    if tree[0] == "and":
        return All(tuple(map(_as_expr, tree[1])))
    if tree[0] == "or":
        return Any_(tuple(map(_as_expr, tree[1])))
    if tree[0] == "not":
        return Not(_as_expr(tree[1]))
    field, _kind, op, values, attribute = tree
    return Condition(f"attr.{field}" if attribute else field, op, values)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(people=st.lists(_contact, min_size=20, max_size=30),
       trees=st.lists(_tree, min_size=8, max_size=8))
def test_search_agrees_with_a_plain_reading_of_the_filter(people, trees):
    now = utcnow()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'oracle.db'}")
        try:
            with db.session() as s:
                define_attribute(s, "note", "Note", "text")
                define_attribute(s, "size", "Size", "number")
                define_attribute(s, "renewal", "Renewal", "date")
                define_attribute(s, "tier", "Tier", "list", options=OPTIONS)
                define_attribute(s, "vip", "VIP", "checkbox")
                by_id = {}
                for i, drawn in enumerate(people):
                    c = dict(drawn)
                    c["created"] = now - timedelta(days=c["created_days_ago"], hours=12)
                    attributes = {k: (" " if v == "" else v)
                                  for k in ("note", "size", "renewal", "tier", "vip")
                                  if (v := c[k]) is not None}
                    cid = create_contact(
                        s, {"first_name": f"c{i:02d}", "company": c["company"],
                            "email": c["email"]},
                        labels=c["labels"], attributes=attributes, now=c["created"])
                    if c["notes"]:
                        add_note(s, cid, "a note")
                    if c["conversation"]:
                        start_conversation(s, cid, "email", status=c["conversation"])
                    by_id[cid] = c
            for tree in trees:
                with db.read_session() as s:
                    where = resolve(s, _as_expr(tree))
                    q = ContactQuery(where=where)
                    found = search_ids(s, q)
                    assert count(s, q) == len(found)
                    assert list(all_ids(s, q)) == found
                    assert first_page(s, q, 5) == found[:5]
                    # With search text too: the filter's contacts that the search finds.
                    searched = set(search_ids(s, ContactQuery(text="c1")))
                    assert searched  # c10, c11, …
                    both = ContactQuery(text="c1", where=where)
                    assert search_ids(s, both) == [i for i in found if i in searched]
                    assert first_page(s, both, 3) == search_ids(s, both)[:3]
                expected = sorted(cid for cid, c in by_id.items() if _evaluate(tree, c))
                assert sorted(found) == expected, tree
        finally:
            db.dispose()
