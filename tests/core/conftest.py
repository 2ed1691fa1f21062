"""Helpers for core tests: add contacts and search them, each in its own short session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hubdesk.core.contacts import create_contact, get_contact
from hubdesk.core.query import ContactQuery, count, search_ids


@pytest.fixture
def add(db) -> Callable[..., int]:
    """add(first_name=..., email=..., labels=[...]) → the new contact's id."""

    def _add(*, labels=(), attributes=None, extra_emails=(), region="JP", **fields) -> int:
        with db.session() as s:
            return create_contact(s, fields, labels=labels, attributes=attributes,
                                  extra_emails=extra_emails, region=region)

    return _add


@pytest.fixture
def find(db) -> Callable[..., list[int]]:
    """find("text", sort=..., descending=..., trash=...) → ids, as the contact list shows them."""

    def _find(text: str = "", **options) -> list[int]:
        with db.read_session() as s:
            return search_ids(s, ContactQuery(text=text, **options))

    return _find


@pytest.fixture
def found_count(db) -> Callable[..., int]:
    def _count(text: str = "", **options) -> int:
        with db.read_session() as s:
            return count(s, ContactQuery(text=text, **options))

    return _count


@pytest.fixture
def show(db) -> Callable[..., dict]:
    def _show(contact_id: int, **options) -> dict:
        with db.read_session() as s:
            return get_contact(s, contact_id, **options)

    return _show
