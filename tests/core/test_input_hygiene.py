"""Values that would break how a contact shows, or that identify nobody, are refused."""

from __future__ import annotations

import pytest

from hubdesk.core import attributes, contacts
from hubdesk.core.errors import ValidationError


@pytest.mark.parametrize("bad, named", [
    ("Ann\nSmith", "line break"), ("Ann\tSmith", "tab"), ("Ann\x07", "U+0007"),
    ("\u202eevil", "U+202E"), ("a\u2066b", "U+2066"),
])
def test_control_characters_in_a_field_are_refused_by_name(db, bad, named):
    with db.session() as s, pytest.raises(ValidationError) as err:
        contacts.create_contact(s, {"first_name": bad, "email": "a@example.com"})
    assert named in err.value.errors["first_name"]
    with db.read_session() as s:
        assert contacts.stats(s)["contacts"] == 0


def test_a_phone_without_digits_is_kept_but_identifies_nobody(db):
    with db.session() as s, pytest.raises(ValidationError) as err:
        contacts.create_contact(s, {"phone": "abc"})
    assert "name" in err.value.errors
    with db.session() as s:
        cid = contacts.create_contact(s, {"first_name": "Desk", "phone": "call reception"})
    with db.read_session() as s:
        shown = contacts.get_contact(s, cid)
    assert (shown["phone"], shown["phone_valid"]) == ("call reception", False)


def test_a_number_too_large_to_store_is_refused(db):
    with db.session() as s:
        attributes.define_attribute(s, "size", "Size", "number")
        cid = contacts.create_contact(s, {"first_name": "Big"})
    with db.session() as s, pytest.raises(ValidationError, match="too large"):
        attributes.set_attribute_values(s, cid, {"size": "1e400"})
