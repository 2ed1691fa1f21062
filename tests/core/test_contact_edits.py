"""Editing a contact: additional emails and phones, labels, and the snapshot undo writes back."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hubdesk.core.contacts import apply_values, editable_values, update_contact
from hubdesk.core.errors import ValidationError
from hubdesk.core.labels import list_labels

# What a snapshot round trip must restore; only the version and updated time move on.
MOVING = {"version", "updated_at"}


def _editable(db, contact_id: int) -> dict:
    with db.read_session() as s:
        return editable_values(s, contact_id)


def _stored_extras(db, contact_id: int) -> tuple[list, list]:
    with db.read_session() as s:
        emails = s.execute(text("SELECT email, position FROM contact_emails WHERE contact_id = :c "
                                "ORDER BY position"), {"c": contact_id}).all()
        phones = s.execute(text("SELECT phone, phone_valid, position FROM contact_phones "
                                "WHERE contact_id = :c ORDER BY position"),
                           {"c": contact_id}).all()
    return [tuple(r) for r in emails], [tuple(r) for r in phones]


def _without(contact: dict, keys=MOVING) -> dict:
    return {k: v for k, v in contact.items() if k not in keys}


# --- additional emails and phones --------------------------------------------------------

def test_extra_emails_and_phones_are_replaced_in_the_given_order(db, add, show):
    cid = add(first_name="Ann", email="ann@example.com",
              extra_emails=["old1@example.com", "old2@example.com"])
    with db.session() as s:
        update_contact(s, cid, {}, extra_emails=["  new@example.com ", "", "b@example.com"],
                       extra_phones=["090-1234-5678", "03-1234-5678"])
    contact = show(cid)
    assert [e["email"] for e in contact["emails"]] == ["new@example.com", "b@example.com"]
    assert [(p["phone"], p["valid"]) for p in contact["phones"]] == [
        ("+819012345678", True), ("+81312345678", True)]
    emails, phones = _stored_extras(db, cid)
    assert emails == [("new@example.com", 0), ("b@example.com", 1)]
    assert [p[0] for p in phones] == ["+819012345678", "+81312345678"]
    assert contact["email"] == "ann@example.com"  # the primary is untouched


def test_an_empty_list_removes_all_extras_and_none_leaves_them(db, add, show):
    cid = add(first_name="Ann", extra_emails=["a@example.com"])
    with db.session() as s:
        update_contact(s, cid, {}, extra_phones=["090-1234-5678"])  # emails not given
    assert [e["email"] for e in show(cid)["emails"]] == ["a@example.com"]
    with db.session() as s:
        update_contact(s, cid, {"company": "Acme"})  # neither given
    assert [e["email"] for e in show(cid)["emails"]] == ["a@example.com"]
    assert [p["phone"] for p in show(cid)["phones"]] == ["+819012345678"]
    with db.session() as s:
        update_contact(s, cid, {}, extra_emails=[], extra_phones=[])
    assert _stored_extras(db, cid) == ([], [])


def test_an_invalid_additional_email_names_its_position_and_changes_nothing(db, add, show):
    cid = add(first_name="Ann", company="Acme", extra_emails=["keep@example.com"],
              labels=["vip"])
    before = show(cid)
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_contact(s, cid, {"company": "Globex"},
                       extra_emails=["ok@example.com", "not an email"],
                       extra_phones=["090-1234-5678"], labels=["lead"])
    assert set(caught.value.errors) == {"emails[1]"}
    assert show(cid) == before


def test_the_error_key_is_the_position_the_user_typed_it_at_even_after_a_blank_row(db, add):
    cid = add(first_name="Ann")
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_contact(s, cid, {}, extra_emails=["a@example.com", "", "bad@"])
    assert set(caught.value.errors) == {"emails[2]"}


def test_every_bad_field_and_extra_is_reported_at_once(db, add):
    cid = add(first_name="Ann")
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_contact(s, cid, {"email": "also bad"}, extra_emails=["x@", "fine@example.com",
                                                                      "@y"])
    assert set(caught.value.errors) == {"email", "emails[0]", "emails[2]"}


# --- labels ------------------------------------------------------------------------------

def test_labels_replace_the_contacts_labels_reusing_existing_ones(db, add, show):
    add(first_name="Bob", labels=["Customer"])
    cid = add(first_name="Ann", labels=["vip", "lead"])
    with db.session() as s:
        update_contact(s, cid, {}, labels=["lead", "customer", "新規"])
    assert sorted(lb["name"] for lb in show(cid)["labels"]) == sorted(
        ["lead", "Customer", "新規"])
    with db.read_session() as s:
        names = sorted(lb.name for lb in list_labels(s))
    assert names == sorted(["vip", "lead", "Customer", "新規"])  # no second "customer"


def test_labels_none_keeps_them_and_empty_clears_them(db, add, show):
    cid = add(first_name="Ann", labels=["vip"])
    with db.session() as s:
        update_contact(s, cid, {"company": "Acme"})
    assert [lb["name"] for lb in show(cid)["labels"]] == ["vip"]
    with db.session() as s:
        update_contact(s, cid, {}, labels=[])
    assert show(cid)["labels"] == []


def test_a_bad_label_rolls_back_the_field_changes_too(db, add, show):
    cid = add(first_name="Ann", company="Acme", labels=["vip"])
    before = show(cid)
    with pytest.raises(ValidationError), db.session() as s:
        update_contact(s, cid, {"company": "Globex"}, labels=["x" * 101])
    assert show(cid) == before


# --- the snapshot undo writes back -------------------------------------------------------

FULL = {
    "first_name": "花子", "last_name": "山田", "first_name_reading": "はなこ",
    "last_name_reading": "やまだ", "email": "hanako@example.jp", "phone": "03-1234-5678",
    "company": "山田商事", "job_title": "部長", "timezone": "Asia/Tokyo",
    "address_street": "1-2-3 Marunouchi", "address_city": "Chiyoda",
    "address_region": "Tokyo", "address_postal_code": "100-0005", "address_country": "JP",
    "subscription_status": "subscribed", "external_id": "crm-42",
}


def test_editable_values_shows_every_field_extras_labels_and_version(db, add):
    cid = add(**FULL, labels=["vip", "lead"], extra_emails=["h2@example.jp"])
    with db.session() as s:
        update_contact(s, cid, {}, extra_phones=["090-1234-5678"])
    values = _editable(db, cid)
    assert values["first_name"] == "花子" and values["phone"] == "+81312345678"
    assert values["extra_emails"] == ["h2@example.jp"]
    assert values["extra_phones"] == ["+819012345678"]
    assert sorted(values["labels"]) == ["lead", "vip"]
    assert isinstance(values["version"], int)
    sparse = add(first_name="Bob")
    assert _editable(db, sparse)["email"] == "" and _editable(db, sparse)["external_id"] == ""


def test_apply_values_restores_a_contact_exactly(db, add, show):
    cid = add(**FULL, labels=["vip", "lead"], extra_emails=["h2@example.jp", "h3@example.jp"])
    with db.session() as s:
        update_contact(s, cid, {}, extra_phones=["090-1234-5678"])
    snapshot = _editable(db, cid)
    before = show(cid)
    with db.session() as s:
        update_contact(
            s, cid,
            {"first_name": "Ann", "last_name": "", "first_name_reading": "",
             "email": "ann@example.com", "phone": "", "company": "Other", "timezone": "",
             "address_city": "Osaka", "subscription_status": "unsubscribed",
             "external_id": ""},
            extra_emails=["z@example.com"], extra_phones=[], labels=["churned"])
    assert show(cid)["first_name"] == "Ann"
    with db.session() as s:
        version = apply_values(s, cid, snapshot)
    after = show(cid)
    assert _without(after) == _without(before)
    assert version == after["version"] > before["version"]
    assert _without(_editable(db, cid), {"version"}) == _without(snapshot, {"version"})
    emails, phones = _stored_extras(db, cid)
    assert emails == [("h2@example.jp", 0), ("h3@example.jp", 1)]
    assert phones == [("+819012345678", 1, 0)]


def test_apply_values_restores_blank_fields_and_no_extras_or_labels(db, add, show):
    cid = add(first_name="Bob")
    snapshot = _editable(db, cid)
    before = show(cid)
    with db.session() as s:
        update_contact(s, cid, {"email": "bob@example.com", "timezone": "Europe/Paris",
                                "external_id": "x-1"},
                       extra_emails=["b2@example.com"], extra_phones=["090-1234-5678"],
                       labels=["vip"])
    with db.session() as s:
        apply_values(s, cid, snapshot)
    after = show(cid)
    assert _without(after) == _without(before)
    assert (after["email"], after["timezone"], after["external_id"]) == (None, None, None)


def test_apply_values_restores_a_phone_kept_as_typed_under_another_region(db, add, show):
    # 03-1234-5678 is not a US number, so entered with region US it is kept as typed and
    # flagged. Undoing a later edit must bring back exactly that, not re-read it as Japanese.
    cid = add(first_name="Ann", phone="03-1234-5678", region="US")
    snapshot = _editable(db, cid)
    before = show(cid)
    assert (before["phone"], before["phone_valid"]) == ("03-1234-5678", False)
    with db.session() as s:
        update_contact(s, cid, {"phone": "+1 415 555 2671"}, region="US")
    with db.session() as s:
        apply_values(s, cid, snapshot)
    after = show(cid)
    assert (after["phone"], after["phone_valid"]) == ("03-1234-5678", False)
    assert after["problems"] == before["problems"]
