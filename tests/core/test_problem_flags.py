"""An import's problem flags on a contact (e.g. an unreadable birthday) survive edits to other
fields, go when their own field is edited, and come back with Edit → Undo."""

from __future__ import annotations

import json

from hubdesk.core.contacts import apply_values, editable_values, get_contact, update_contact
from hubdesk.core.models import Contact

FLAGS = [
    {"field": "birthday", "message": "'31/02' is not a date", "value": "31/02"},
    {"field": "company", "message": "cut at 255 characters", "value": "Acme…"},
]


def _flag(db, cid: int) -> None:
    with db.session() as s:
        s.get(Contact, cid).problems = json.dumps(FLAGS, ensure_ascii=False)


def _problems(db, cid: int) -> list[dict]:
    with db.read_session() as s:
        return get_contact(s, cid)["problems"]


def test_editing_another_field_keeps_the_flags(db, add):
    cid = add(first_name="Ann", company="Acme")
    _flag(db, cid)
    with db.session() as s:
        update_contact(s, cid, {"first_name": "Anne"})
    assert _problems(db, cid) == FLAGS


def test_editing_the_flagged_field_clears_only_its_flag(db, add):
    cid = add(first_name="Ann", company="Acme")
    _flag(db, cid)
    with db.session() as s:
        update_contact(s, cid, {"company": "Acme Corporation"})
    assert _problems(db, cid) == FLAGS[:1]


def test_saving_the_same_value_is_no_edit_of_that_field(db, add):
    cid = add(first_name="Ann", company="Acme")
    _flag(db, cid)
    with db.session() as s:
        update_contact(s, cid, {"company": "Acme", "first_name": "Ann"})
    assert _problems(db, cid) == FLAGS


def test_undo_of_the_edit_brings_the_flag_back(db, add):
    cid = add(first_name="Ann", company="Acme")
    _flag(db, cid)
    with db.read_session() as s:
        before = editable_values(s, cid)
    with db.session() as s:
        update_contact(s, cid, {"company": "Acme Corporation"})
    with db.session() as s:
        apply_values(s, cid, before)
    assert _problems(db, cid) == FLAGS
    assert get_contact_company(db, cid) == "Acme"


def get_contact_company(db, cid: int) -> str:
    with db.read_session() as s:
        return get_contact(s, cid)["company"]
