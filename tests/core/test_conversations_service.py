"""Conversations: status changes, removing and restoring messages and whole conversations,
and the contact's last activity following the newest message through all of it."""

from __future__ import annotations

from datetime import datetime

import pytest

from hubdesk.core.contacts import get_contact
from hubdesk.core.conversations import (
    add_message,
    conversations_for,
    delete_conversation,
    delete_message,
    restore_conversation,
    restore_message,
    set_status,
    start_conversation,
)
from hubdesk.core.errors import ValidationError

T1, T2, T3 = datetime(2026, 1, 1, 9), datetime(2026, 2, 1, 9), datetime(2026, 3, 1, 9)


def activity(db, cid):
    with db.read_session() as s:
        return get_contact(s, cid)["last_activity_at"]


def test_status_changes_and_refuses_unknown(db, add):
    cid = add(first_name="Ann")
    with db.session() as s:
        conv = start_conversation(s, cid, "email", "Hello")
        assert set_status(s, conv, "resolved") == "open"
        with pytest.raises(ValidationError, match="must be one of"):
            set_status(s, conv, "closed")
    with db.read_session() as s:
        assert conversations_for(s, cid)[0]["status"] == "resolved"


def test_last_activity_follows_the_newest_message_when_messages_go_and_come_back(db, add):
    cid = add(first_name="Ann")
    with db.session() as s:
        first = start_conversation(s, cid, "email", "One", at=T1)
        add_message(s, first, "incoming", "hi", at=T1)
        second = start_conversation(s, cid, "sms", "Two", at=T2)
        newest = add_message(s, second, "outgoing", "yo", at=T3)
    assert activity(db, cid).startswith("2026-03-01")
    with db.session() as s:
        saved = delete_message(s, newest)
    assert activity(db, cid).startswith("2026-01-01")
    with db.session() as s:
        restore_message(s, saved)
    assert activity(db, cid).startswith("2026-03-01")
    with db.read_session() as s:
        before = conversations_for(s, cid)
    with db.session() as s:
        saved_conv = delete_conversation(s, second)
    assert activity(db, cid).startswith("2026-01-01")
    with db.session() as s:
        saved_first = delete_conversation(s, first)
    assert activity(db, cid) is None
    with db.session() as s:
        restore_conversation(s, saved_first)
        restore_conversation(s, saved_conv)
    with db.read_session() as s:
        assert conversations_for(s, cid) == before
    assert activity(db, cid).startswith("2026-03-01")
