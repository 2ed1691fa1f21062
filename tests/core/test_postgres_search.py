"""The same data on SQLite and on PostgreSQL gives the same search and filter results, in the
same order; and on PostgreSQL the indexes of revisions 0002/0007 are what answers them."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, literal_column, select, text

from hubdesk.core import query
from hubdesk.core.contacts import create_contact
from hubdesk.core.db import Database, open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.filters import parse, resolve
from hubdesk.core.models import Contact
from hubdesk.core.query import (
    ContactQuery,
    SearchCancelled,
    _term_condition,
    all_ids,
    count,
    first_page,
    search_ids,
)

SEED = 77
# Names whose order differs between a linguistic collation and code-point order, so a
# server with en_US.UTF-8 would sort them unlike SQLite (spaces, case, accents, kana).
AWKWARD = [("de la Cruz", "Ana"), ("Delacroix", "Ben"), ("van Dijk", "Cas"),
           ("Van Dyke", "Dee"), ("Éclair", "Eve"), ("eclair", "Fay"), ("O'Neil", "Gil"),
           ("ONeil", "Hal"), ("山田", "太郎"), ("やまだ", "花子"), ("Zoë", "Ida"), ("_under", "Jo")]


@pytest.fixture(scope="module")
def both(tmp_path_factory, postgres_server) -> Iterator[tuple[Database, Database]]:
    """The same demo contacts in a SQLite file and in a PostgreSQL schema."""
    schema, url = postgres_server.fresh_schema()
    dbs = (open_database(f"sqlite:///{tmp_path_factory.mktemp('same') / 'c.db'}"),
           open_database(url))
    for db in dbs:
        with db.session() as s:
            add_demo_contacts(s, 300, seed=SEED)
            for last, first in AWKWARD:
                create_contact(s, {"last_name": last, "first_name": first,
                                   "email": f"{first.lower()}@Example.COM", "company": last})
    yield dbs
    for db in dbs:
        db.dispose()
    postgres_server.drop_schema(schema)


def _queries(db: Database) -> list[str]:
    """Random pieces of what is searchable (1–6 characters), phones and several words."""
    rng = random.Random(SEED)
    with db.read_session() as s:
        texts = [t for t in s.scalars(select(Contact.search_text)) if t]
    out = {"山田", "田", "やま", "ヤマダ", "jo", "j", "+81", "090", "(03)", "example com",
           "%", "_", "a_b", "50%", "@ex", "ＹＡＭＡ", "zoe", "eclair"}
    while len(out) < 160:
        source = rng.choice(texts)
        size = rng.randint(1, 6)
        start = rng.randrange(max(1, len(source) - size))
        out.add(source[start:start + size].strip() or "a")
    return sorted(out)


@pytest.mark.parametrize("sort", ["name", "email", "company", "phone", "created_at"])
def test_every_query_finds_the_same_contacts_in_the_same_order(both, sort):
    lite, pg = both
    wrong = {}
    with lite.read_session() as a, pg.read_session() as b:
        for term in _queries(lite):
            q = ContactQuery(text=term, sort=sort, descending=sort == "created_at")
            expected, found = search_ids(a, q), search_ids(b, q)
            if found != expected or count(b, q) != len(expected):
                wrong[term] = (found[:10], expected[:10])
            if first_page(b, q, 20) != expected[:20]:
                wrong[f"first page of {term}"] = ()
    assert wrong == {}


@pytest.mark.parametrize("where", [
    "label:vip", "label:vip and account_size>100", "plan:pro,enterprise and not label:churned",
    "company~山田 or company^Acme", "company:ACME", "company:éclair", "email~example.com",
    "renewal_date in-last 30d", "has:notes", "city is-empty", "beta_tester:yes",
    "company is-not eclair",
])
def test_every_filter_finds_the_same_contacts(both, where):
    results = []
    for db in both:
        with db.read_session() as s:
            q = ContactQuery(where=resolve(s, parse(where)))
            results.append((search_ids(s, q), count(s, q), first_page(s, q, 15)))
    assert results[1] == results[0]


def _plan(db: Database, term: str) -> str:
    """The plan of a term's own condition (without the live-contacts part, which a table
    this small answers from any partial index)."""
    with db.read_session() as s:
        s.execute(text("SET LOCAL enable_seqscan = off"))  # a small table would be scanned
        conn = s.connection()
        stmt = select(Contact.id).where(_term_condition(term, "postgresql", 0))
        compiled = stmt.compile(dialect=conn.dialect)
        rows = conn.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
        return "\n".join(r[0] for r in rows)


@pytest.mark.parametrize(("term", "index"), [
    ("yamada", "ix_contacts_search_trgm"), ("山田太郎", "ix_contacts_search_trgm"),
    ("山田", "ix_contacts_search_gram_tokens"), ("jo", "ix_contacts_search_gram_tokens"),
])
def test_search_terms_are_answered_by_an_index(both, term, index):
    assert index in _plan(both[1], term)


def test_an_overtaken_search_is_cancelled_on_the_server(postgres_url, monkeypatch):
    """The window cancels a search the user typed past; PostgreSQL stops the query then."""
    db = open_database(postgres_url)
    slow = select(literal_column("1")).select_from(func.pg_sleep(5))
    monkeypatch.setattr(query, "ids_select", lambda q, dialect: slow)
    started = time.monotonic()
    try:
        with pytest.raises(SearchCancelled), db.read_session() as s:
            all_ids(s, ContactQuery(text="x"),
                    cancelled=lambda: time.monotonic() - started > 0.2)
        assert time.monotonic() - started < 2
        with db.read_session() as s:  # the connection is fine for the next search
            assert all_ids(s, ContactQuery(text="x"), cancelled=lambda: False).tolist() == [1]
    finally:
        db.dispose()


@pytest.mark.parametrize(("first", "second"), [(10, 50), (30, 200)])
def test_the_first_page_is_the_start_of_the_whole_result_whichever_walk_answers(
        both, monkeypatch, first, second):
    """Short walks make every path of first_page answer some query: the walk through the
    first names, the longer second walk, and collecting all matches."""
    monkeypatch.setattr(query, "FIRST_PAGE_WALK", first)
    monkeypatch.setattr(query, "POSTGRES_SECOND_WALK", second)
    pg = both[1]
    wrong = {}
    with pg.read_session() as s:
        for term in _queries(pg)[:80]:
            q = ContactQuery(text=term)
            for n in (1, 5, 20):
                if first_page(s, q, n) != search_ids(s, q)[:n]:
                    wrong[(term, n)] = True
    assert wrong == {}
