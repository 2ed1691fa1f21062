"""Notes: add, edit, delete and put back exactly (what undo relies on)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text

from hubdesk.core.errors import ValidationError
from hubdesk.core.notes import add_note, delete_note, notes_for, restore_note, update_note


def _notes(db, contact_id: int) -> list[dict]:
    with db.read_session() as s:
        return notes_for(s, contact_id)


def _row(db, note_id: int) -> tuple | None:
    with db.read_session() as s:
        row = s.execute(text("SELECT id, contact_id, body, author, created_at, updated_at "
                             "FROM notes WHERE id = :i"), {"i": note_id}).one_or_none()
    return None if row is None else tuple(row)


def _add(db, contact_id: int, body: str, author: str = "mika") -> int:
    with db.session() as s:
        return add_note(s, contact_id, body, author)


def test_update_note_replaces_the_body_and_moves_only_updated_at(db, add):
    ann = add(first_name="Ann")
    note_id = _add(db, ann, "Called, no answer")
    (before,) = _notes(db, ann)
    with db.session() as s:
        update_note(s, note_id, "Called back: wants a quote\nsecond line")
    (after,) = _notes(db, ann)
    assert after["id"] == note_id
    assert after["body"] == "Called back: wants a quote\nsecond line"
    assert (after["author"], after["created_at"]) == ("mika", before["created_at"])
    assert datetime.fromisoformat(after["updated_at"]) >= datetime.fromisoformat(
        before["updated_at"])


@pytest.mark.parametrize("empty", ["", "   ", "\n\t"])
def test_update_note_to_empty_is_refused_and_the_body_kept(db, add, empty):
    ann = add(first_name="Ann")
    note_id = _add(db, ann, "Keep me")
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_note(s, note_id, empty)
    assert "note" in caught.value.errors
    assert [n["body"] for n in _notes(db, ann)] == ["Keep me"]


def test_update_or_delete_an_unknown_note_is_a_validation_error(db):
    with pytest.raises(ValidationError), db.session() as s:
        update_note(s, 4242, "x")
    with pytest.raises(ValidationError), db.session() as s:
        delete_note(s, 4242)


def test_delete_note_removes_it_and_returns_everything_it_held(db, add):
    ann = add(first_name="Ann")
    keep = _add(db, ann, "first")
    gone = _add(db, ann, "second", author="ken")
    (shown,) = [n for n in _notes(db, ann) if n["id"] == gone]
    with db.session() as s:
        saved = delete_note(s, gone)
    assert _row(db, gone) is None
    assert [n["id"] for n in _notes(db, ann)] == [keep]
    assert (saved["id"], saved["contact_id"], saved["body"], saved["author"]) == (
        gone, ann, "second", "ken")
    assert saved["created_at"].isoformat() == shown["created_at"]
    assert saved["updated_at"].isoformat() == shown["updated_at"]


def test_restore_note_puts_it_back_with_the_same_id_author_and_times(db, add):
    ann = add(first_name="Ann")
    note_id = _add(db, ann, "Prefers email\n長いメモ", author="ken")
    with db.session() as s:
        update_note(s, note_id, "Prefers email, never calls\n長いメモ")  # created ≠ updated
    shown_before = _notes(db, ann)
    stored_before = _row(db, note_id)
    with db.session() as s:
        saved = delete_note(s, note_id)
    assert _notes(db, ann) == []
    with db.session() as s:
        assert restore_note(s, saved) == note_id
    assert _row(db, note_id) == stored_before
    assert _notes(db, ann) == shown_before

