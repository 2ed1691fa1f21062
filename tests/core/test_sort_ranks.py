"""Name-order ranks in memory give a common term's first page without reading its matches'
rows — and exactly the page SQL gives, for the data they were built from only."""

from __future__ import annotations

import pytest

from hubdesk.core import sort_ranks
from hubdesk.core.contacts import trash_contacts, update_contact
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.query import (
    FIRST_PAGE_WALK,
    ContactQuery,
    _ranked_matches,
    first_page,
    search_ids,
    search_terms,
)

# Terms common enough that the walk of the first FIRST_PAGE_WALK names does not fill a page
# (Japanese readings sort after Latin names), so the ranks answer; and some that the walk or
# SQL answers, to show the result is the same either way.
TERMS = ["田", "山田", "さくら", "ta", "tanaka", "example", "090", "+81 80", "森", "smith",
         "zzzz-nothing"]


@pytest.fixture
def demo(db):
    if db.dialect != "sqlite":
        pytest.skip("SQLite only: PostgreSQL answers from its own indexes")
    with db.session() as s:
        add_demo_contacts(s, 1500, seed=11)
    assert FIRST_PAGE_WALK < 1500
    return db


def sql_page(db, query: ContactQuery, n: int) -> list[int]:
    with db.read_session() as s:
        return search_ids(s, query, limit=n)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("n", [1, 60])
def test_the_ranked_first_page_is_the_sql_one(demo, descending, n):
    ranks = sort_ranks.refresh(demo)
    assert ranks is not None and sort_ranks.current(demo) is ranks
    answered = 0
    for term in TERMS:
        query = ContactQuery(term, descending=descending)
        with demo.read_session() as s:
            ranked = _ranked_matches(s, query, search_terms(term), n, ranks)
            page = first_page(s, query, n, ranks)
        expected = sql_page(demo, query, n)
        assert page == expected, term
        if ranked is not None:
            answered += 1
            assert ranked == expected, term
    assert answered >= 8  # single indexed terms: the ranks answer them


def test_any_change_retires_the_ranks(demo):
    sort_ranks.refresh(demo)
    first = sql_page(demo, ContactQuery("田"), 1)[0]
    with demo.session() as s:
        update_contact(s, first, {"last_name": "Zzyzx", "last_name_reading": ""})
    assert sort_ranks.current(demo) is None
    rebuilt = sort_ranks.refresh(demo)
    assert sort_ranks.current(demo) is rebuilt
    with demo.read_session() as s:
        assert first_page(s, ContactQuery("田"), 60, rebuilt) == \
            sql_page(demo, ContactQuery("田"), 60)


def test_a_change_after_the_ranks_were_taken_is_answered_in_sql(demo):
    """The window takes the ranks, then searches; someone commits in between: the search
    notices (it checks after reading) and gives SQL's page, never a stale order."""
    ranks = sort_ranks.refresh(demo)
    with demo.session() as s:
        trash_contacts(s, sql_page(demo, ContactQuery("さくら"), 5))
    with demo.read_session() as s:
        assert _ranked_matches(s, ContactQuery("さくら"), ["さくら"], 60, ranks) is None
        assert first_page(s, ContactQuery("さくら"), 60, ranks) == \
            sql_page(demo, ContactQuery("さくら"), 60)


def test_new_contacts_beyond_the_ranks_are_never_dropped(demo, add):
    ranks = sort_ranks.refresh(demo)
    new = add(first_name="Aaron", last_name="Aardvark-田")
    with demo.read_session() as s:
        page = first_page(s, ContactQuery("田"), 60, ranks)
    assert page == sql_page(demo, ContactQuery("田"), 60) and new in sql_page(
        demo, ContactQuery("田"), 60)


def test_filters_and_the_trash_are_not_ranked(demo):
    ranks = sort_ranks.refresh(demo)
    with demo.read_session() as s:
        assert _ranked_matches(s, ContactQuery("田", trash=True), ["田"], 60, ranks) is None
        assert _ranked_matches(s, ContactQuery("田", sort="company"), ["田"], 60,
                               ranks) is None
        assert _ranked_matches(s, ContactQuery("山田 tanaka"), ["山田", "tanaka"], 60,
                               ranks) is None


def test_postgresql_builds_no_ranks(db):
    if db.dialect == "sqlite":
        pytest.skip("the PostgreSQL side of this")
    assert sort_ranks.refresh(db) is None and sort_ranks.current(db) is None
