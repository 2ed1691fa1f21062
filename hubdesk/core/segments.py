"""Saved filters ("segments"): a name and a filter in the text syntax of core.filters.

The text is stored, not the resolved tree, so a segment keeps working when attributes are
added; it is checked when saved and again when used (an attribute it names may have been
deleted since, which is then reported, not ignored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.errors import HubDeskError
from hubdesk.core.filters import Expr, parse, resolve
from hubdesk.core.filters.resolve import filter_fields
from hubdesk.core.filters.syntax import format_expr
from hubdesk.core.models import Segment
from hubdesk.core.normalize import fold
from hubdesk.core.validation import invisible_character

NAME_LENGTH = 100


@dataclass(frozen=True)
class SegmentInfo:
    id: int
    name: str
    where: str
    updated_at: datetime


def compile_where(session: Session, text: str) -> Expr:
    """Parse and check a filter; raises FilterSyntaxError or FilterError naming the problem."""
    return resolve(session, parse(text))


def canonical_where(session: Session, text: str) -> str:
    """The filter as the syntax writes it (what is stored), after checking it."""
    fields = filter_fields(session)
    names = {f.key: f.name for f in fields}
    return format_expr(resolve(session, parse(text), fields), names)


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise HubDeskError("a segment needs a name")
    if len(name) > NAME_LENGTH:
        raise HubDeskError(f"a segment name is at most {NAME_LENGTH} characters")
    bad = invisible_character(name)
    if bad:
        raise HubDeskError(f"a segment name cannot contain {bad}")
    return name


def _find(session: Session, name: str) -> Segment | None:
    return session.scalar(select(Segment).where(Segment.name_key == fold(name.strip())))


def _info(s: Segment) -> SegmentInfo:
    return SegmentInfo(s.id, s.name, s.conditions, s.updated_at)


def save_segment(session: Session, name: str, where: str, *, replace: bool = True) -> int:
    """Create, or update the segment of the same name (case- and width-insensitive)."""
    name = _clean_name(name)
    text = canonical_where(session, where)
    now = utcnow()
    segment = _find(session, name)
    if segment is not None:
        if not replace:
            raise HubDeskError(f"a segment named '{segment.name}' already exists")
        segment.name, segment.conditions, segment.updated_at = name, text, now
    else:
        segment = Segment(name=name, name_key=fold(name), conditions=text, created_at=now,
                          updated_at=now)
        session.add(segment)
    session.flush()
    return segment.id


def list_segments(session: Session) -> list[SegmentInfo]:
    rows = session.scalars(select(Segment).order_by(Segment.name_key))
    return [_info(s) for s in rows]


def get_segment(session: Session, name: str) -> SegmentInfo:
    segment = _find(session, name)
    if segment is None:
        raise HubDeskError(f"no segment named '{name.strip()}'")
    return _info(segment)


def rename_segment(session: Session, name: str, new_name: str) -> None:
    segment = _find(session, name)
    if segment is None:
        raise HubDeskError(f"no segment named '{name.strip()}'")
    new_name = _clean_name(new_name)
    other = _find(session, new_name)
    if other is not None and other.id != segment.id:
        raise HubDeskError(f"a segment named '{other.name}' already exists")
    segment.name, segment.name_key, segment.updated_at = new_name, fold(new_name), utcnow()


def delete_segment(session: Session, name: str) -> None:
    segment = _find(session, name)
    if segment is None:
        raise HubDeskError(f"no segment named '{name.strip()}'")
    session.delete(segment)
