"""Queries people actually type that once went wrong."""

from __future__ import annotations

import pytest

from hubdesk.core import contacts
from hubdesk.core.query import ContactQuery, search_ids


@pytest.fixture
def people(db):
    rows = {
        "anna": {"first_name": "Anna", "last_name": "Davis", "email": "anna@example.com"},
        "ada": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"},
        "zoe": {"first_name": "Zoë", "last_name": "Müller", "email": "zm@example.de"},
        "odd": {"first_name": "Percent", "last_name": "50%_off", "email": "p@example.com"},
        "tokyo": {"first_name": "花子", "last_name": "林", "phone": "+81312345678"},
        "mobile": {"first_name": "太郎", "last_name": "山田", "phone": "+819012345678"},
        "london": {"first_name": "Tom", "last_name": "Hill", "phone": "+442079460000"},
    }
    with db.session() as s:
        return {key: contacts.create_contact(s, data) for key, data in rows.items()}


def find(db, text: str) -> set[int]:
    with db.read_session() as s:
        return set(search_ids(s, ContactQuery(text)))


def test_a_latin_name_does_not_match_across_first_and_last_name(db, people):
    assert find(db, "ada") == {people["ada"]}  # not Anna Davis ("annadavis")


def test_accents_do_not_matter_either_way(db, people):
    assert find(db, "zoe") == {people["zoe"]}
    assert find(db, "muller") == {people["zoe"]}
    assert find(db, "Müller") == {people["zoe"]}


def test_symbols_are_searched_for_not_ignored(db, people):
    assert find(db, "%") == {people["odd"]}
    assert find(db, "_o") == {people["odd"]}
    assert find(db, "😀") == set()


def test_country_and_area_codes(db, people):
    assert find(db, "+81") == {people["tokyo"], people["mobile"]}
    assert find(db, "+44") == {people["london"]}
    assert find(db, "(03)") == {people["tokyo"]}


def test_a_japanese_name_typed_with_or_without_its_space(db, people):
    assert find(db, "林花子") == {people["tokyo"]}
    assert find(db, "林 花子") == {people["tokyo"]}
