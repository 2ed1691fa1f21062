"""Conversations and their messages; a contact's last activity follows the newest message."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.db import sync_id_sequences
from hubdesk.core.errors import ValidationError
from hubdesk.core.models import (
    CHANNELS,
    CONVERSATION_STATUSES,
    DIRECTIONS,
    Contact,
    Conversation,
    Message,
)


def start_conversation(
    session: Session, contact_id: int, channel: str, subject: str = "", status: str = "open",
    at: datetime | None = None,
) -> int:
    if channel not in CHANNELS:
        raise ValidationError({"channel": f"must be one of {', '.join(CHANNELS)}"})
    if status not in CONVERSATION_STATUSES:
        raise ValidationError({"status": f"must be one of {', '.join(CONVERSATION_STATUSES)}"})
    at = at or utcnow()
    conv = Conversation(contact_id=contact_id, channel=channel, subject=subject, status=status,
                        created_at=at, updated_at=at)
    session.add(conv)
    session.flush()
    return conv.id


def add_message(
    session: Session, conversation_id: int, direction: str, body: str, author: str = "",
    at: datetime | None = None, *, duration_minutes: int | None = None,
    outcome: str | None = None,
) -> int:
    """duration_minutes and outcome: for a logged call or meeting."""
    if direction not in DIRECTIONS:
        raise ValidationError({"direction": f"must be one of {', '.join(DIRECTIONS)}"})
    if duration_minutes is not None and not 0 <= duration_minutes <= 24 * 60:
        raise ValidationError({"duration": "must be between 0 and 1,440 minutes"})
    if outcome is not None and len(outcome) > 64:
        raise ValidationError({"outcome": "at most 64 characters"})
    at = at or utcnow()
    msg = Message(conversation_id=conversation_id, direction=direction, body=body, author=author,
                  sent_at=at, duration_minutes=duration_minutes, outcome=outcome or None)
    session.add(msg)
    conv = session.get(Conversation, conversation_id)
    if conv is None:
        raise ValidationError({"conversation": f"no conversation {conversation_id}"})
    if conv.last_message_at is None or at > conv.last_message_at:
        conv.last_message_at = at
        conv.updated_at = at
    session.execute(
        update(Contact)
        .where(Contact.id == conv.contact_id)
        .where((Contact.last_activity_at.is_(None)) | (Contact.last_activity_at < at))
        .values(last_activity_at=at)
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return msg.id


def conversations_for(session: Session, contact_id: int) -> list[dict]:
    convs = session.scalars(
        select(Conversation)
        .where(Conversation.contact_id == contact_id)
        .order_by(Conversation.last_message_at.desc().nulls_last(), Conversation.id.desc())
    )
    return [
        {
            "id": c.id, "channel": c.channel, "subject": c.subject, "status": c.status,
            "created_at": c.created_at.isoformat(),
            "last_message_at": c.last_message_at.isoformat() if c.last_message_at else None,
            "messages": [
                {"id": m.id, "direction": m.direction, "author": m.author, "body": m.body,
                 "sent_at": m.sent_at.isoformat(), "duration_minutes": m.duration_minutes,
                 "outcome": m.outcome}
                for m in c.messages
            ],
        }
        for c in convs
    ]


def _conversation(session: Session, conversation_id: int) -> Conversation:
    conv = session.get(Conversation, conversation_id)
    if conv is None:
        raise ValidationError({"conversation": f"no conversation {conversation_id}"})
    return conv


def set_status(session: Session, conversation_id: int, status: str) -> str:
    """Change a conversation's status; returns the one it had (for undo)."""
    if status not in CONVERSATION_STATUSES:
        raise ValidationError({"status": f"must be one of {', '.join(CONVERSATION_STATUSES)}"})
    conv = _conversation(session, conversation_id)
    before, conv.status = conv.status, status
    conv.updated_at = utcnow()
    session.flush()
    return before


def recompute_activity(session: Session, contact_id: int) -> None:
    """Last activity = the newest message of any of the contact's conversations (after a
    message or conversation is removed, the time may go back)."""
    newest = session.scalar(
        select(func.max(Message.sent_at)).join(Conversation)
        .where(Conversation.contact_id == contact_id))
    session.execute(update(Contact).where(Contact.id == contact_id)
                    .values(last_activity_at=newest)
                    .execution_options(synchronize_session=False))


def _refresh_conversation(session: Session, conv: Conversation) -> None:
    conv.last_message_at = session.scalar(
        select(func.max(Message.sent_at)).where(Message.conversation_id == conv.id))
    session.flush()
    recompute_activity(session, conv.contact_id)


def delete_message(session: Session, message_id: int) -> dict:
    """Remove one message; returns everything needed to put it back (restore_message)."""
    msg = session.get(Message, message_id)
    if msg is None:
        raise ValidationError({"message": f"no message {message_id}"})
    saved = {c.name: getattr(msg, c.key) for c in Message.__table__.c}
    conv = _conversation(session, msg.conversation_id)
    session.delete(msg)
    session.flush()
    _refresh_conversation(session, conv)
    return saved


def restore_message(session: Session, saved: dict) -> None:
    session.add(Message(**saved))
    session.flush()
    sync_id_sequences(session, "messages")
    _refresh_conversation(session, _conversation(session, saved["conversation_id"]))


def delete_conversation(session: Session, conversation_id: int) -> dict:
    """Remove a conversation with its messages; returns what restore_conversation needs."""
    conv = _conversation(session, conversation_id)
    saved = {"conversation": {c.name: getattr(conv, c.key) for c in Conversation.__table__.c},
             "messages": [{c.name: getattr(m, c.key) for c in Message.__table__.c}
                          for m in conv.messages]}
    contact_id = conv.contact_id
    session.delete(conv)
    session.flush()
    recompute_activity(session, contact_id)
    return saved


def restore_conversation(session: Session, saved: dict) -> None:
    conv = Conversation(**saved["conversation"])
    session.add(conv)
    session.flush()
    for m in saved["messages"]:
        session.add(Message(**m))
    session.flush()
    sync_id_sequences(session, "conversations", "messages")
    recompute_activity(session, conv.contact_id)
