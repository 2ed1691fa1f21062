"""Team notes on a contact."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.db import sync_id_sequences
from hubdesk.core.errors import ValidationError
from hubdesk.core.models import Note


def add_note(session: Session, contact_id: int, body: str, author: str = "") -> int:
    if not (body or "").strip():
        raise ValidationError({"note": "a note cannot be empty"})
    now = utcnow()
    note = Note(contact_id=contact_id, body=body, author=author, created_at=now, updated_at=now)
    session.add(note)
    session.flush()
    return note.id


def notes_for(session: Session, contact_id: int) -> list[dict]:
    rows = session.scalars(
        select(Note).where(Note.contact_id == contact_id)
        .order_by(Note.created_at.desc(), Note.id.desc())
    )
    return [
        {"id": n.id, "body": n.body, "author": n.author,
         "created_at": n.created_at.isoformat(), "updated_at": n.updated_at.isoformat()}
        for n in rows
    ]


def update_note(session: Session, note_id: int, body: str) -> None:
    if not (body or "").strip():
        raise ValidationError({"note": "a note cannot be empty"})
    note = session.get(Note, note_id)
    if note is None:
        raise ValidationError({"note": f"no note with id {note_id}"})
    note.body = body
    note.updated_at = utcnow()
    session.flush()


def delete_note(session: Session, note_id: int) -> dict:
    """Delete a note; returns everything needed to put it back (restore_note)."""
    note = session.get(Note, note_id)
    if note is None:
        raise ValidationError({"note": f"no note with id {note_id}"})
    saved = {"id": note.id, "contact_id": note.contact_id, "body": note.body,
             "author": note.author, "created_at": note.created_at,
             "updated_at": note.updated_at}
    session.delete(note)
    session.flush()
    return saved


def restore_note(session: Session, saved: dict) -> int:
    """Put a deleted note back exactly as it was, with its id (for undo)."""
    session.add(Note(**saved))
    session.flush()
    sync_id_sequences(session, "notes")
    return saved["id"]
