"""The indexed search finds exactly what a plain substring scan over the same fields finds."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.models import Contact
from hubdesk.core.normalize import display_name, fold, has_cjk, is_cjk, looks_like_phone
from hubdesk.core.query import ContactQuery, search_ids

SEED = 20240331


def _searchable(c: Contact) -> list[str]:
    """The folded texts searched (core.searchtext.derived_columns): name in display order with
    and without its space, the reading likewise, company and email."""
    name = fold(display_name(c.first_name, c.last_name))
    reading = fold(f"{c.last_name_reading} {c.first_name_reading}")
    # Names are also searchable without their space only when East Asian (山田太郎);
    # "ada" must not match "Anna Davis".
    joined = name.replace(" ", "") if has_cjk(name) else name
    texts = [name, joined, reading, reading.replace(" ", ""), fold(c.company), fold(c.email)]
    return [t for t in texts if t]


@pytest.fixture
def demo(db) -> dict[int, list[str]]:
    with db.session() as s:
        add_demo_contacts(s, 200, seed=SEED)
    with db.read_session() as s:
        return {c.id: _searchable(c) for c in s.scalars(select(Contact))}


def _terms(demo: dict[int, list[str]], rng: random.Random, n: int, sizes: range) -> list[str]:
    """Random substrings of contacts' folded texts: single terms that are not phone-like."""
    terms: list[str] = []
    ids = sorted(demo)
    while len(terms) < n:
        source = rng.choice(demo[rng.choice(ids)])
        size = rng.choice(sizes)
        if len(source) < size:
            continue
        start = rng.randrange(len(source) - size + 1)
        term = source[start : start + size]
        if " " in term or looks_like_phone(term) or term in terms:
            continue
        terms.append(term)
    return terms


def test_substrings_of_three_or_more_characters(db, demo):
    rng = random.Random(SEED)
    terms = _terms(demo, rng, 80, range(3, 9))
    wrong = {}
    with db.read_session() as s:
        for term in terms:
            expected = {cid for cid, texts in demo.items() if any(term in t for t in texts)}
            found = search_ids(s, ContactQuery(text=term))
            if len(found) != len(set(found)) or set(found) != expected:
                wrong[term] = (sorted(found), sorted(expected))
    assert wrong == {}


def test_two_character_japanese_pieces(db, demo):
    """A 2-character East Asian term matches anywhere in a name or reading (with or without
    its space) or a company, like a longer term does."""
    rng = random.Random(SEED + 1)
    words = {cid: [w for t in texts for w in t.split(" ")] for cid, texts in demo.items()}
    pieces = sorted({
        w[i : i + 2] for ws in words.values() for w in ws for i in range(len(w) - 1)
        if all(is_cjk(ch) for ch in w[i : i + 2])
    })
    assert len(pieces) > 40
    wrong = {}
    with db.read_session() as s:
        for term in rng.sample(pieces, 40):
            expected = {cid for cid, ws in words.items() if any(term in w for w in ws)}
            found = set(search_ids(s, ContactQuery(text=term)))
            if found != expected:
                wrong[term] = (sorted(found), sorted(expected))
    assert wrong == {}
