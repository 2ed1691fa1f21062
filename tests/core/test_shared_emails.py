from __future__ import annotations

from hubdesk.core import contacts


def test_contacts_sharing_an_email_are_allowed_and_found_in_any_case(db):
    with db.session() as s:
        a = contacts.create_contact(s, {"first_name": "Ann", "email": "Team@Example.com"})
        b = contacts.create_contact(s, {"first_name": "Bob", "email": "team@example.com"})
        c = contacts.create_contact(s, {"first_name": "Cy", "email": "cy@example.com"},
                                    extra_emails=["TEAM@example.com"])
        contacts.create_contact(s, {"first_name": "Dee", "email": "dee@example.com"})
    with db.read_session() as s:
        assert contacts.contacts_with_email(s, "team@EXAMPLE.com") == sorted([a, b, c])
        assert contacts.contacts_with_email(s, "nobody@example.com") == []
        assert contacts.contacts_with_email(s, "  ") == []


def test_trashed_contacts_do_not_count_as_sharing(db):
    with db.session() as s:
        a = contacts.create_contact(s, {"first_name": "Ann", "email": "x@example.com"})
        b = contacts.create_contact(s, {"first_name": "Bob", "email": "x@example.com"})
        contacts.trash_contacts(s, [b])
    with db.read_session() as s:
        assert contacts.contacts_with_email(s, "x@example.com") == [a]
