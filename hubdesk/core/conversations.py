"""Conversations and their messages; a contact's last activity follows the newest message."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
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
    at: datetime | None = None,
) -> int:
    if direction not in DIRECTIONS:
        raise ValidationError({"direction": f"must be one of {', '.join(DIRECTIONS)}"})
    at = at or utcnow()
    msg = Message(conversation_id=conversation_id, direction=direction, body=body, author=author,
                  sent_at=at)
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
                 "sent_at": m.sent_at.isoformat()}
                for m in c.messages
            ],
        }
        for c in convs
    ]
