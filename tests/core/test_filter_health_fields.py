"""The filter fields the Health view needs: has:labels, invalid_email, invalid_phone, and the
cheaper form of `is-empty` (the same contacts as before)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from hubdesk.core.contacts import create_contact
from hubdesk.core.filters import format_expr, parse, resolve
from hubdesk.core.filters.resolve import filter_fields
from hubdesk.core.models import Contact
from hubdesk.core.query import ContactQuery, search_ids


@pytest.fixture
def people(db, add) -> dict[str, int]:
    ids = {
        "plain": add(first_name="Plain", email="plain@example.com", phone="+81312345678",
                     labels=["vip"]),
        "bad_phone": add(first_name="BadPhone", phone="12-ab"),
        "bad_extra_phone": 0,
        "flagged_email": add(first_name="Flagged"),
        "malformed_email": add(first_name="Malformed"),
        "spaced_email": add(first_name="Spaced"),
        "no_email": add(first_name="Nobody", labels=["lead"]),
        "trashed_bad": add(first_name="Gone", phone="34-cd"),
    }
    with db.session() as s:
        ids["bad_extra_phone"] = create_contact(s, {"first_name": "Extra"},
                                                extra_phones=["+81312345679", "56-ef"],
                                                region="JP")
        problem = [{"field": "email", "message": "not an email", "value": "taro at example"}]
        s.execute(update(Contact).where(Contact.id == ids["flagged_email"]).values(
            email="taro at example", problems=json.dumps(problem)))
        # Kept as typed by an older edit that dropped the problem record: still invalid.
        s.execute(update(Contact).where(Contact.id == ids["malformed_email"]).values(
            email="no-at-sign.example.com"))
        s.execute(update(Contact).where(Contact.id == ids["spaced_email"]).values(
            email="spa ced@example.com"))
        s.execute(update(Contact).where(Contact.id == ids["trashed_bad"]).values(
            deleted_at=Contact.created_at))
    return ids


def matching(db, text: str) -> set[int]:
    with db.read_session() as s:
        return set(search_ids(s, ContactQuery(where=resolve(s, parse(text)))))


def test_has_labels_and_its_negation(db, people):
    assert matching(db, "has:labels") == {people["plain"], people["no_email"]}
    unlabelled = matching(db, "not has:labels")
    assert unlabelled == matching(db, "labels:no")
    assert people["plain"] not in unlabelled and people["bad_phone"] in unlabelled


def test_invalid_phone_covers_primary_and_additional_numbers_of_live_contacts(db, people):
    assert matching(db, "invalid_phone:yes") == {people["bad_phone"], people["bad_extra_phone"]}
    valid = matching(db, "invalid_phone:no")
    assert people["plain"] in valid and people["bad_phone"] not in valid
    assert not valid & matching(db, "invalid_phone:yes")


def test_invalid_email_is_a_recorded_problem_or_an_email_without_its_shape(db, people):
    bad = {people["flagged_email"], people["malformed_email"], people["spaced_email"]}
    assert matching(db, "invalid_email:yes") == bad
    fine = matching(db, "invalid_email:no")
    assert {people["plain"], people["no_email"]} <= fine  # no email is not an invalid one
    assert not fine & bad


def test_the_new_fields_read_back_from_text_and_the_builder_offers_them(db, people):
    with db.read_session() as s:
        fields = filter_fields(s)
        names = {f.key: f.name for f in fields}
        for text in ("has:labels", "labels:no", "invalid_email:yes", "invalid_phone:no"):
            assert format_expr(resolve(s, parse(text), fields), names) == text
    kinds = {f.key: f.kind for f in fields}
    assert kinds["has_labels"] == "presence"
    assert kinds["invalid_email"] == kinds["invalid_phone"] == "checkbox"


def test_is_empty_means_no_value_or_an_empty_one(db, add):
    none, empty, filled = (add(first_name=n) for n in ("None", "Empty", "Filled"))
    with db.session() as s:
        s.execute(update(Contact).where(Contact.id == empty).values(external_id=""))
        s.execute(update(Contact).where(Contact.id == filled).values(external_id="A-1"))
    assert matching(db, "external_id is-empty") == {none, empty}
    assert matching(db, "external_id not-empty") == {filled}
    assert matching(db, "not external_id is-empty") == {filled}
