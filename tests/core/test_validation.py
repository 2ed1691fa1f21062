"""What a typed value becomes, and what the user is told when it cannot be stored."""

from __future__ import annotations

import pytest

from hubdesk.core.contacts import create_contact, stats
from hubdesk.core.errors import ValidationError
from hubdesk.core.validation import clean_contact_fields


def _errors(data: dict) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        clean_contact_fields(data, partial=True)
    return info.value.errors


def test_a_bad_email_is_named_with_a_reason():
    errors = _errors({"email": "nonsense"})
    assert list(errors) == ["email"]
    assert "@" in errors["email"]


def test_a_bad_timezone_is_named_with_what_was_typed():
    errors = _errors({"timezone": "Mars/Olympus"})
    assert list(errors) == ["timezone"]
    assert "Mars/Olympus" in errors["timezone"]


def test_a_timezone_is_stored_by_its_canonical_name():
    assert clean_contact_fields({"timezone": "asia/tokyo"}, partial=True) == {
        "timezone": "Asia/Tokyo"
    }


def test_an_unknown_field_is_an_error_not_silently_dropped():
    assert _errors({"favourite_colour": "blue"}) == {"favourite_colour": "unknown field"}


def test_a_computed_field_cannot_be_edited():
    errors = _errors({"created_at": "2024-01-01"})
    assert list(errors) == ["created_at"]
    assert "cannot be edited" in errors["created_at"]


def test_a_too_long_value_says_how_long_it_may_be():
    errors = _errors({"first_name": "x" * 256})
    assert list(errors) == ["first_name"]
    assert "too long" in errors["first_name"]
    assert "256" in errors["first_name"]


def test_a_bad_subscription_status_lists_the_allowed_ones():
    errors = _errors({"subscription_status": "maybe"})
    assert list(errors) == ["subscription_status"]
    for allowed in ("subscribed", "unsubscribed"):
        assert allowed in errors["subscription_status"]


def test_every_bad_field_is_reported_at_once_and_nothing_is_stored(db):
    bad = {"first_name": "Ann", "email": "nonsense", "timezone": "Mars/Olympus",
           "subscription_status": "maybe", "nickname": "Annie"}
    with pytest.raises(ValidationError) as info, db.session() as s:
        create_contact(s, bad)
    assert set(info.value.errors) == {"email", "timezone", "subscription_status", "nickname"}
    for field in info.value.errors:
        assert field in str(info.value)
    with db.read_session() as s:
        assert stats(s)["contacts"] == 0


def test_a_phone_that_does_not_parse_is_kept_as_typed_and_flagged(add, show, db):
    contact = show(add(first_name="Ann", phone=" call reception "))
    assert contact["phone"] == "call reception"
    assert contact["phone_valid"] is False
    assert [p["field"] for p in contact["problems"]] == ["phone"]
    assert "call reception" in contact["problems"][0]["message"]
    with db.read_session() as s:
        assert stats(s)["invalid_phones"] == 1


def test_a_japanese_phone_typed_in_full_width_is_stored_as_e164(add, show):
    contact = show(add(first_name="花子", phone="０９０－１２３４－５６７８", region="JP"))
    assert contact["phone"] == "+819012345678"
    assert contact["phone_valid"] is True
    assert contact["problems"] == []


def test_names_are_trimmed_including_the_ideographic_space(add, show):
    contact = show(add(first_name="\u3000太郎 ", last_name=" \u3000山田\u3000", company=" Acme "))
    assert contact["first_name"] == "太郎"
    assert contact["last_name"] == "山田"
    assert contact["company"] == "Acme"
    assert contact["name"] == "山田 太郎"


@pytest.mark.parametrize("data", [{}, {"first_name": "  ", "last_name": "\u3000"},
                                  {"job_title": "CEO", "timezone": "Asia/Tokyo"}])
def test_a_contact_with_nothing_to_recognise_it_by_is_refused(db, data):
    with pytest.raises(ValidationError) as info, db.session() as s:
        create_contact(s, data)
    assert list(info.value.errors) == ["name"]
    with db.read_session() as s:
        assert stats(s)["contacts"] == 0


@pytest.mark.parametrize("identity", [{"email": "ann@example.com"}, {"phone": "0312345678"},
                                      {"company": "Acme"}, {"last_name": "林"}])
def test_any_one_identifying_field_is_enough(add, show, identity):
    assert show(add(**identity))["id"]


def test_two_contacts_may_share_a_primary_email_and_both_are_found(add, find):
    first = add(first_name="Ann", email="shared@example.com")
    second = add(first_name="Bob", email="Shared@Example.com")
    assert sorted(find("shared@example.com")) == sorted([first, second])
