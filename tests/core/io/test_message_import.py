"""Importing messages: matched to contacts by email (any case, additional emails too) or by
phone in any notation, grouped into conversations by thread or channel and subject, rows
that match nobody reported, and everything removable again."""

from __future__ import annotations

import json

import pytest

from hubdesk.core.contacts import get_contact
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.message_import import import_messages, remove_imported

CSV = (
    "Email,Phone,Channel,Direction,Time,Subject,Message\n"
    "TARO@example.jp,,email,in,2026-03-01 09:00,見積もり,見積もりをお願いします\n"
    "taro@example.jp,,email,out,2026-03-01 10:00,見積もり,お送りしました\n"
    ",090-1234-5678,電話,受信,2026/03/02 15:30,,折り返し希望\n"
    "nobody@example.com,,email,in,2026-03-03 09:00,Hi,hello\n"
    "home@example.jp,,sms,out,2026-03-04T08:00:00Z,,SMS sent\n"
    "taro@example.jp,,fax,in,2026-03-05 09:00,,?\n"
    "taro@example.jp,,email,in,yesterday,,when?\n"
)


@pytest.fixture
def taro(add):
    return add(first_name="太郎", last_name="山田", email="taro@example.jp",
               phone="+81 90 1234 5678", extra_emails=["home@example.jp"])


def test_messages_are_matched_grouped_and_unmatched_rows_reported(db, taro, tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text(CSV, encoding="utf-8")
    with db.session() as s:
        result = import_messages(s, path, region="JP")
    assert (result.read, result.imported) == (7, 4)
    assert [(e.row, e.message) for e in result.errors] == [
        (4, "no contact with nobody@example.com"),
        (6, "channel 'fax' is not one of email, sms, whatsapp, phone, meeting, other"),
        (7, "'yesterday' is not a time like 2026-03-01 09:30"),
    ]
    with db.read_session() as s:
        contact = get_contact(s, taro)
    convs = {c["subject"] or c["channel"]: c for c in contact["conversations"]}
    assert len(contact["conversations"]) == 3 == len(result.conversations)
    quote = convs["見積もり"]
    assert [m["direction"] for m in quote["messages"]] == ["incoming", "outgoing"]
    assert convs["phone"]["messages"][0]["body"] == "折り返し希望"
    assert contact["last_activity_at"].startswith("2026-03-04")
    with db.session() as s:
        remove_imported(s, result.conversations)
    with db.read_session() as s:
        contact = get_contact(s, taro)
    assert contact["conversations"] == [] and contact["last_activity_at"] is None


def test_json_and_dry_run(db, taro, tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"messages": [
        {"email": "taro@example.jp", "channel": "whatsapp", "direction": "incoming",
         "time": "2026-05-01T12:00:00+09:00", "body": "こんにちは", "thread": "t1"},
        {"email": "taro@example.jp", "channel": "whatsapp", "direction": "outgoing",
         "time": "2026-05-01T12:05:00+09:00", "body": "どうも", "thread": "t1"},
        "not a message"]}, ensure_ascii=False), encoding="utf-8")
    with db.session() as s:
        dry = import_messages(s, path, dry_run=True)
    assert (dry.read, dry.imported, len(dry.errors), dry.conversations) == (3, 2, 1, [])
    with db.session() as s:
        result = import_messages(s, path)
    with db.read_session() as s:
        [conv] = get_contact(s, taro)["conversations"]
    assert len(conv["messages"]) == 2 and len(result.conversations) == 1
    assert conv["messages"][0]["sent_at"].startswith("2026-05-01T03:00")  # stored as UTC


def test_a_file_without_the_needed_columns_is_refused(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Name,Note\nA,B\n", encoding="utf-8")
    with pytest.raises(HubDeskError, match="needs a column for the message text"), \
            db.session() as s:
        import_messages(s, path)
