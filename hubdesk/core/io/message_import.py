"""Importing conversations: a CSV/TSV/XLSX (through the contact importer's readers, so any
encoding and delimiter) or a JSON list of messages — contact email or phone, channel,
direction, time, body, optionally subject, author and a thread key — matched to existing
contacts. Messages of the same contact with the same thread key (or, without one, the same
channel and subject) form one conversation. Rows that match no contact, or that say nothing
usable, are reported with their row and reason, never guessed; everything else is written in
one transaction, and the result lists the conversations created so they can be removed again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hubdesk.core.conversations import add_message, recompute_activity, start_conversation
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.presets import header_key
from hubdesk.core.models import CHANNELS, Contact, ContactEmail, ContactPhone, Conversation
from hubdesk.core.normalize import normalize_phone

# Header names (as header_key folds them) → field.
HEADERS = {
    "email": ("email", "e-mail", "contact email", "email address", "from", "メール",
              "メールアドレス"),
    "phone": ("phone", "phone number", "contact phone", "tel", "mobile", "電話", "電話番号"),
    "channel": ("channel", "type", "medium", "チャネル", "種類"),
    "direction": ("direction", "in/out", "方向"),
    "time": ("time", "date", "sent", "sent at", "sent_at", "timestamp", "created at", "日時"),
    "body": ("body", "message", "text", "content", "本文", "メッセージ"),
    "subject": ("subject", "title", "件名"),
    "author": ("author", "agent", "sender", "担当者"),
    "thread": ("thread", "thread id", "conversation", "conversation id", "スレッド"),
}
_KEYS = {header_key(h): f for f, names in HEADERS.items() for h in names}
DIRECTIONS = {"incoming": "incoming", "in": "incoming", "inbound": "incoming", "received":
              "incoming", "受信": "incoming", "outgoing": "outgoing", "out": "outgoing",
              "outbound": "outgoing", "sent": "outgoing", "送信": "outgoing"}
CHANNEL_WORDS = {"mail": "email", "e-mail": "email", "text": "sms", "call": "phone",
                 "電話": "phone", "メール": "email", "面談": "meeting"}


@dataclass
class MessageRowError:
    row: int
    message: str


@dataclass
class MessageImportResult:
    read: int = 0
    imported: int = 0
    conversations: list[int] = field(default_factory=list)  # created (for undo)
    errors: list[MessageRowError] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"read": self.read, "imported": self.imported,
                "conversations": len(self.conversations),
                "failed": len(self.errors),
                "errors": [{"row": e.row, "message": e.message} for e in self.errors]}


def _rows(path: Path, encoding: str | None) -> Iterator[tuple[int, dict[str, str]]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding=encoding or "utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise HubDeskError(f"{path.name}: not a JSON list of messages ({exc})") from None
        if isinstance(data, dict):
            data = data.get("messages", data)
        if not isinstance(data, list):
            raise HubDeskError(f"{path.name}: expected a list of messages")
        for i, item in enumerate(data, start=1):
            if not isinstance(item, dict):
                yield i, {}
                continue
            yield i, {_KEYS.get(header_key(str(k)), ""): "" if v is None else str(v)
                      for k, v in item.items()}
        return
    table = open_table(path, encoding=encoding)
    fields = [_KEYS.get(header_key(h), "") for h in table.headers]
    if "body" not in fields or not ({"email", "phone"} & set(fields)):
        raise HubDeskError(f"{path.name}: needs a column for the message text and one for the "
                           f"contact's email or phone (found: {', '.join(table.headers)})")
    for row in table.rows():
        yield row.number, {f: v for f, v in zip(fields, row.values, strict=False) if f}


def _time(text: str) -> datetime:
    text = text.strip().replace("/", "-")
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"'{text}' is not a time like 2026-03-01 09:30") from None
    if value.tzinfo is None:
        value = value.astimezone()  # a time without a zone is the user's local time
    return value.astimezone(UTC).replace(tzinfo=None)


def _contact(session: Session, email: str, phone: str, region: str | None) -> int | None:
    if email.strip():
        key = email.strip().lower()
        found = session.scalar(select(Contact.id).where(
            func.lower(Contact.email) == key, Contact.deleted_at.is_(None)).limit(1))
        if found is None:
            found = session.scalar(select(ContactEmail.contact_id).join(Contact).where(
                func.lower(ContactEmail.email) == key, Contact.deleted_at.is_(None)).limit(1))
        if found is not None:
            return found
    if phone.strip():
        number = normalize_phone(phone, region)
        if number.valid:
            found = session.scalar(select(Contact.id).where(
                Contact.phone == number.value, Contact.deleted_at.is_(None)).limit(1))
            if found is None:
                found = session.scalar(select(ContactPhone.contact_id).join(Contact).where(
                    ContactPhone.phone == number.value, Contact.deleted_at.is_(None)).limit(1))
            return found
    return None


def import_messages(session: Session, path: Path | str, *, region: str | None = None,
                    encoding: str | None = None, dry_run: bool = False,
                    author: str = "") -> MessageImportResult:
    path = Path(path)
    result = MessageImportResult()
    threads: dict[tuple, int] = {}
    for number, row in _rows(path, encoding):
        result.read += 1
        body = (row.get("body") or "").strip()
        if not body:
            result.errors.append(MessageRowError(number, "no message text"))
            continue
        contact_id = _contact(session, row.get("email", ""), row.get("phone", ""), region)
        if contact_id is None:
            who = row.get("email") or row.get("phone") or ""
            reason = (f"no contact with {who.strip()}" if who.strip()
                      else "no email or phone to find the contact by")
            result.errors.append(MessageRowError(number, reason))
            continue
        channel = (row.get("channel") or "email").strip().lower()
        channel = CHANNEL_WORDS.get(channel, channel)
        if channel not in CHANNELS:
            result.errors.append(MessageRowError(
                number, f"channel '{channel}' is not one of {', '.join(CHANNELS)}"))
            continue
        direction = DIRECTIONS.get((row.get("direction") or "incoming").strip().lower())
        if direction is None:
            result.errors.append(MessageRowError(
                number, f"direction '{row.get('direction')}' is not incoming or outgoing"))
            continue
        try:
            at = _time(row["time"]) if (row.get("time") or "").strip() else None
        except ValueError as exc:
            result.errors.append(MessageRowError(number, str(exc)))
            continue
        if at is None:
            result.errors.append(MessageRowError(number, "no time"))
            continue
        subject = re.sub(r"\s+", " ", row.get("subject") or "").strip()[:500]
        key = (contact_id, row.get("thread") or (channel, subject))
        result.imported += 1
        if dry_run:
            continue
        conv = threads.get(key)
        if conv is None:
            conv = start_conversation(session, contact_id, channel, subject, at=at)
            threads[key] = conv
            result.conversations.append(conv)
        add_message(session, conv, direction, body, author=row.get("author") or author, at=at)
    return result


def remove_imported(session: Session, conversation_ids: list[int]) -> None:
    """Undo of import_messages: the conversations it created go, and activity follows."""
    owners = set(session.scalars(select(Conversation.contact_id).where(
        Conversation.id.in_(conversation_ids))))
    session.execute(delete(Conversation).where(Conversation.id.in_(conversation_ids)))
    for contact_id in owners:
        recompute_activity(session, contact_id)
