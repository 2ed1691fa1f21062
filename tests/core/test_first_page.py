"""The first page is computed by a shortcut (reading rows in name order); it must always be
exactly the head of the full result."""

from __future__ import annotations

import pytest

from hubdesk.core import query
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.query import ContactQuery, all_ids, first_page, search_ids


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from hubdesk.core.db import open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('fp') / 'c.db'}")
    with db.session() as s:
        add_demo_contacts(s, 1500, seed=11)
    yield db
    db.dispose()


@pytest.mark.parametrize("walk", [20, 500])
@pytest.mark.parametrize(
    "text", ["example", "山田", "林", "ta", "tanaka", "+81 80", "さくら", "zzz", "", "a 田"]
)
def test_first_page_is_the_head_of_the_full_result(demo, monkeypatch, text, walk):
    monkeypatch.setattr(query, "FIRST_PAGE_WALK", walk)  # both the shortcut and the fallback
    with demo.read_session() as s:
        full = search_ids(s, ContactQuery(text))
        for n in (1, 25, 60):
            assert first_page(s, ContactQuery(text), n) == full[:n]
        assert list(all_ids(s, ContactQuery(text))) == full


def test_other_orders_are_honoured(demo):
    with demo.read_session() as s:
        for q in (ContactQuery("ta", sort="email", descending=True),
                  ContactQuery("山田", descending=True), ContactQuery("", sort="company")):
            assert first_page(s, q, 30) == search_ids(s, q)[:30]


def test_a_cancelled_search_stops_with_a_clear_error(demo):
    with demo.read_session() as s, pytest.raises(query.SearchCancelled):
        all_ids(s, ContactQuery("a"), cancelled=lambda: True)
