"""Search text (and, later, filter conditions) → one SQL select. The one place that knows
which database dialect it is talking to.

Search semantics, shared by the GUI and the CLI:
- the text is split on spaces; every term must match (AND);
- a term matches names (either order, with or without the space, and their readings), emails,
  phones and company, ignoring case, full/half width and hiragana/katakana;
- a term of 3+ characters matches anywhere (substring, via the trigram index);
- a term of 1–2 characters matches East Asian text anywhere and Latin words or phone numbers
  at their start (via the short-gram index), so 林 and 山田 are instant;
- a query that looks like a phone number is compared by its digits alone, so 090-1234-5678,
  09012345678 and +81 90 1234 5678 all find +819012345678.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    true,
)
from sqlalchemy.orm import Session

from hubdesk.core.fields import SORT_KEYS
from hubdesk.core.models import Contact
from hubdesk.core.normalize import digits, fold, looks_like_phone

SHORT_TERM = 3  # shorter terms cannot use the trigram index


@dataclass(frozen=True)
class ContactQuery:
    text: str = ""
    sort: str = "name"
    descending: bool = False
    trash: bool = False  # the Trash instead of live contacts


def search_terms(text: str) -> list[str]:
    """The folded terms a search text stands for."""
    if not text or not text.strip():
        return []
    if looks_like_phone(text):
        return [digits(text)]
    return [t for t in fold(text).split(" ") if t]


_FTS_TABLES = {
    True: table("contacts_fts", column("rowid")),
    False: table("contacts_short", column("rowid")),
}


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term_condition(term: str, dialect: str, n: int) -> ColumnElement[bool]:
    if dialect == "sqlite":
        index = _FTS_TABLES[len(term) >= SHORT_TERM]
        matches = select(index.c.rowid).where(
            literal_column(index.name).op("MATCH")(bindparam(f"q{n}", _fts_phrase(term)))
        )
        return Contact.id.in_(matches)
    # Portable fallback (PostgreSQL uses pg_trgm indexes on the same columns).
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if len(term) >= SHORT_TERM:
        return Contact.search_text.like(f"%{escaped}%", escape="\\")
    return (" " + Contact.search_grams + " ").like(f"% {escaped} %", escape="\\")


def where_clause(q: ContactQuery, dialect: str) -> ColumnElement[bool]:
    parts: list[ColumnElement[bool]] = [
        Contact.deleted_at.is_not(None) if q.trash else Contact.deleted_at.is_(None)
    ]
    parts += [_term_condition(t, dialect, i) for i, t in enumerate(search_terms(q.text))]
    return and_(true(), *parts)


def _order_by(q: ContactQuery) -> list[ColumnElement]:
    if q.sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by '{q.sort}'")
    col = {
        "name": Contact.sort_name,
        "email": func.lower(Contact.email),
    }.get(q.sort, getattr(Contact, q.sort, None))
    if q.descending:
        return [col.desc().nulls_last(), Contact.id.desc()]
    return [col.asc().nulls_last(), Contact.id.asc()]


def ids_select(q: ContactQuery, dialect: str) -> Select:
    return select(Contact.id).where(where_clause(q, dialect)).order_by(*_order_by(q))


def count_select(q: ContactQuery, dialect: str) -> Select:
    return select(func.count()).select_from(Contact).where(where_clause(q, dialect))


def search_ids(session: Session, q: ContactQuery, limit: int | None = None) -> list[int]:
    stmt = ids_select(q, session.get_bind().dialect.name)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count(session: Session, q: ContactQuery) -> int:
    return int(session.scalar(count_select(q, session.get_bind().dialect.name)) or 0)
