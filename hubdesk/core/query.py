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

import re
import sqlite3
import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    and_,
    bindparam,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from hubdesk.core.errors import HubDeskError
from hubdesk.core.fields import SORT_KEYS
from hubdesk.core.filters.compile import compile_expr
from hubdesk.core.filters.model import Expr
from hubdesk.core.models import Contact, ImportChange
from hubdesk.core.normalize import digits, fold, looks_like_phone

if TYPE_CHECKING:
    from hubdesk.core.sort_ranks import SortRanks

SHORT_TERM = 3  # shorter terms cannot use the trigram index
# How many rows of the name order the first page may read before it asks the index for all
# matches instead: a common term ("example.org") is answered by the first few hundred rows.
FIRST_PAGE_WALK = 500
POSTGRES_SECOND_WALK = 5000  # see first_page
FILTER_WALK_MS = 40  # how long a first page may walk in sort order before asking indexes
CANCEL_POLL_S = 0.02  # PostgreSQL: how often a running search asks whether it was overtaken
_NOT_TOKEN = re.compile(r"\W+")


def _sqlite_from_hint(_compiler, _table, text: str | None) -> str | None:
    return text


# SQLAlchemy's SQLite compiler drops table hints; SQLite's own "INDEXED BY" is one. Only
# statements that ask for a hint with dialect "sqlite" are affected (just ours).
SQLiteCompiler.get_from_hint_text = _sqlite_from_hint  # type: ignore[method-assign]


class SearchCancelled(HubDeskError):
    pass


@dataclass(frozen=True)
class ContactQuery:
    text: str = ""
    sort: str = "name"
    descending: bool = False
    trash: bool = False  # the Trash instead of live contacts
    import_job: int = 0  # only the contacts this import created or updated (0: any)
    where: Expr | None = None  # filter conditions, resolved (core.filters.resolve)


def search_terms(text: str) -> list[str]:
    """The folded terms a search text stands for."""
    if not text or not text.strip():
        return []
    if looks_like_phone(text):
        return [digits(text)]
    return [term for term in fold(text).split(" ") if term]


def _kind(term: str) -> str:
    """trigram: 3+ characters, any substring; gram: 1–2 letters or digits, a whole token
    of the short index; scan: 1–2 characters with a symbol (%, @g), matched as a
    substring row by row — rare, and never silently ignored."""
    if len(term) >= SHORT_TERM:
        return "trigram"
    return "scan" if _NOT_TOKEN.search(term) else "gram"


_FTS_TABLES = {
    True: table("contacts_fts", column("rowid")),
    False: table("contacts_short", column("rowid")),
}


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_condition(term: str) -> ColumnElement[bool]:
    """The same test as the index, on one row's columns (for reading rows in order)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if _kind(term) == "gram":
        return (" " + Contact.search_grams + " ").like(f"% {escaped} %", escape="\\")
    return Contact.search_text.like(f"%{escaped}%", escape="\\")


# How SQLite's FTS5 (unicode61) splits search_grams into tokens: at spaces and at "_", the
# one character Python's \w (which made the grams) keeps and unicode61 does not.
_GRAM_SPLIT = re.compile(r"[ _]+")
GRAM_TOKENS_SQL = "regexp_split_to_array(search_grams, '[ _]+')"  # revision 0007's index


def _postgres_term_condition(term: str, n: int) -> ColumnElement[bool]:
    """What SQLite answers, in the form PostgreSQL's indexes serve: 3+ characters (and
    symbols) by LIKE, which the pg_trgm index of search_text serves; 1–2 characters as
    whole tokens of search_grams, split as FTS5 splits them (revision 0007 indexes that
    array; the expression is SQL text, not parameters, so the planner recognises it)."""
    if _kind(term) != "gram":
        return _like_condition(term)
    wanted = [t for t in _GRAM_SPLIT.split(term) if t]
    if not wanted:
        return false()  # "_" alone: FTS5 sees no token in it, so nothing matches
    tokens = literal_column(GRAM_TOKENS_SQL, type_=ARRAY(Text))
    return tokens.contains(bindparam(f"g{n}", wanted, type_=ARRAY(Text)))


def _term_condition(term: str, dialect: str, n: int) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return _postgres_term_condition(term, n)
    if dialect != "sqlite" or _kind(term) == "scan":
        return _like_condition(term)
    index = _FTS_TABLES[_kind(term) == "trigram"]
    matches = select(index.c.rowid).where(
        literal_column(index.name).op("MATCH")(bindparam(f"q{n}", _fts_phrase(term)))
    )
    return Contact.id.in_(matches)


def _live(q: ContactQuery, *, per_row: bool = False) -> ColumnElement[bool]:
    """Which contacts the query is about before any search text: live or trashed, narrowed
    by an import and by filter conditions (per_row: see filters.compile)."""
    parts = [_deleted(q), *_narrowing(q, per_row=per_row)]
    return parts[0] if len(parts) == 1 else and_(*parts)


def _deleted(q: ContactQuery) -> ColumnElement[bool]:
    return Contact.deleted_at.is_not(None) if q.trash else Contact.deleted_at.is_(None)


def _narrowing(q: ContactQuery, *, per_row: bool = False) -> list[ColumnElement[bool]]:
    parts = []
    if q.import_job:
        # Created by the import, or changed by it (recorded so the import can be undone).
        changed = select(ImportChange.contact_id).where(ImportChange.job_id == q.import_job)
        parts.append(or_(Contact.import_job_id == q.import_job, Contact.id.in_(changed)))
    if q.where is not None:
        parts.append(compile_expr(q.where, per_row=per_row))
    return parts


def where_clause(q: ContactQuery, dialect: str) -> ColumnElement[bool]:
    parts = [_live(q)]
    parts += [_term_condition(t, dialect, i) for i, t in enumerate(search_terms(q.text))]
    return and_(true(), *parts)


def _fts_join(terms: list[str]):
    """On SQLite, the first term's index drives the query: its matches arrive in id order
    and are joined to the contacts, which is cheaper than testing every row against a list.
    The other terms (if any) are tested per row. Returns (from clause, conditions)."""
    index = _FTS_TABLES[_kind(terms[0]) == "trigram"].alias("m")
    source = index.join(Contact, Contact.id == index.c.rowid)
    match = literal_column(f"{index.name}.{index.original.name}").op("MATCH")(
        bindparam("q0", _fts_phrase(terms[0]))
    )
    rest = [_term_condition(t, "sqlite", i) for i, t in enumerate(terms[1:], start=1)]
    return source, [match, *rest]


def _sort_column(q: ContactQuery):
    if q.sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by '{q.sort}'")
    return {"name": Contact.sort_name, "email": func.lower(Contact.email)}.get(
        q.sort, getattr(Contact, q.sort, None)
    )


def _order_by(q: ContactQuery, col=None, id_col=None) -> list[ColumnElement]:
    col = _sort_column(q) if col is None else col
    id_col = Contact.id if id_col is None else id_col
    if q.descending:
        return [col.desc().nulls_last(), id_col.desc()]
    return [col.asc().nulls_last(), id_col.asc()]


def ids_select(q: ContactQuery, dialect: str) -> Select:
    # An indexed term drives the query; symbol-only terms are tested row by row.
    terms = sorted(search_terms(q.text), key=lambda t: _kind(t) == "scan")
    if dialect != "sqlite" or not terms or _kind(terms[0]) == "scan":
        return select(Contact.id).where(where_clause(q, dialect)).order_by(*_order_by(q))
    source, conditions = _fts_join(terms)
    stmt = (
        select(Contact.id)
        .select_from(source)
        .where(_live(q), *conditions)
        .order_by(*_order_by(q))
    )
    if q.sort == "name" and not q.trash:
        # This index answers "which contact, and where by name" without reading wide rows.
        stmt = stmt.with_hint(Contact, "INDEXED BY ix_contacts_live_id_sort", "sqlite")
    return stmt


def count_select(q: ContactQuery, dialect: str) -> Select:
    return select(func.count()).select_from(Contact).where(where_clause(q, dialect))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def search_ids(session: Session, q: ContactQuery, limit: int | None = None) -> list[int]:
    stmt = ids_select(q, _dialect(session))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def first_page(session: Session, q: ContactQuery, n: int,
               ranks: SortRanks | None = None) -> list[int]:
    """The first n ids of the query, reading as little as possible.

    A common term is answered by reading rows in sort order until n match; a rare one by
    its index entries. Same result as search_ids(q)[:n]. ranks (core.sort_ranks.current):
    every contact's place in name order, which puts a term's matches in order without
    reading their rows.
    """
    terms = search_terms(q.text)
    narrowing = _narrowing(q, per_row=True)
    dialect = _dialect(session)
    if narrowing and not q.trash and dialect == "sqlite":
        found = _walk_in_order(session, q, terms, narrowing, n)
        if found is not None:
            return found
    elif terms and q.sort == "name" and not q.trash and dialect in ("sqlite", "postgresql"):
        # PostgreSQL, slower per matching row than SQLite's FTS, walks a second, longer
        # stretch when the first one held some matches (the term is spread through the
        # names, not clustered further on), before it collects every match.
        walks = (FIRST_PAGE_WALK,) if dialect == "sqlite" else (
            FIRST_PAGE_WALK, POSTGRES_SECOND_WALK)
        for walk in walks:
            found = _walk_window(session, q, terms, n, walk, dialect)
            if len(found) == n:
                return found
            if not found:
                break
        if ranks is not None and dialect == "sqlite":
            found = _ranked_matches(session, q, terms, n, ranks)
            if found is not None:
                return found
    if terms and dialect == "postgresql":
        return _postgres_matches_first(session, q, n)
    return search_ids(session, q, limit=n)


def _ranked_matches(session: Session, q: ContactQuery, terms: list[str], n: int,
                    ranks: SortRanks) -> list[int] | None:
    """One indexed term in name order: its index's matching ids, placed by `ranks`. None
    when the ranks do not apply, or the data changed since they were read (then SQL
    answers); the check comes after the read, in the same transaction, so the matches read
    belong to the data the ranks were made from."""
    if len(terms) != 1 or _kind(terms[0]) == "scan" or q.sort != "name" or q.trash:
        return None
    name = _FTS_TABLES[_kind(terms[0]) == "trigram"].name
    # Straight from the driver: tens of thousands of ids through SQLAlchemy's result
    # machinery would cost more than the search.
    raw = session.connection().connection.driver_connection
    rows = raw.execute(f"SELECT rowid FROM {name} WHERE {name} MATCH ?",
                       (_fts_phrase(terms[0]),)).fetchall()
    ids = [row[0] for row in rows]
    if not ranks.still_current():
        return None
    return ranks.first(ids, n, descending=q.descending)


def _walk_window(session: Session, q: ContactQuery, terms: list[str], n: int, walk: int,
                 dialect: str) -> list[int]:
    """The matches among the first `walk` contacts in name order (at most n)."""
    window = (
        select(Contact.id, Contact.sort_name)
        .where(_live(q))
        .order_by(*_order_by(q))
        .limit(walk)
        .subquery()
    )
    tests = ([_like_condition(t) for t in terms] if dialect == "sqlite" else
             [_postgres_term_condition(t, i) for i, t in enumerate(terms)])
    stmt = (
        select(window.c.id)
        .join(Contact, Contact.id == window.c.id)
        .where(*tests)
        .order_by(*_order_by(q, window.c.sort_name, window.c.id))
        .limit(n)
    )
    return list(session.scalars(stmt))


def _postgres_matches_first(session: Session, q: ContactQuery, n: int) -> list[int]:
    """PostgreSQL's planner, seeing LIMIT, likes to walk the sort index and test each row;
    but matches cluster in the order (Japanese names sort after Latin ones), and a walk past
    every Latin name took a second. Collecting the matches from the search indexes first
    (MATERIALIZED keeps the planner from undoing that), then sorting them, is fast for any
    term; the common ones were answered by the walk above already."""
    matches = (select(Contact.id.label("id"), _sort_column(q).label("k"))
               .where(where_clause(q, "postgresql"))
               .cte("matches").prefix_with("MATERIALIZED"))
    stmt = (select(matches.c.id)
            .order_by(*_order_by(q, matches.c.k, matches.c.id)).limit(n))
    return list(session.scalars(stmt))


def _walk_in_order(session: Session, q: ContactQuery, terms: list[str],
                   narrowing: list[ColumnElement[bool]], n: int) -> list[int] | None:
    """Read contacts in sort order, testing each (filters by index seeks), until n match —
    a millisecond for a common filter. A rare one would read the whole table this way, so
    the walk gives up after FILTER_WALK_MS and returns None: the indexed query answers."""
    stmt = (select(Contact.id).where(_deleted(q), *[_like_condition(t) for t in terms],
                                     *narrowing).order_by(*_order_by(q)).limit(n))
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    raw = conn.connection.driver_connection
    deadline = time.perf_counter() + FILTER_WALK_MS / 1000
    raw.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 1000)
    try:
        return [row[0] for row in raw.execute(str(compiled), params).fetchall()]
    except sqlite3.OperationalError:
        if time.perf_counter() > deadline:
            return None
        raise
    finally:
        raw.set_progress_handler(None, 0)


def all_ids(
    session: Session, q: ContactQuery, cancelled: Callable[[], bool] | None = None
) -> array:
    """Every id of the query in order, as a compact array (8 bytes an id).

    On SQLite the rows are read straight from the driver, and `cancelled` is polled while
    the query runs, so a search overtaken by newer typing stops at once.
    """
    stmt = ids_select(q, _dialect(session))
    if _dialect(session) == "postgresql" and cancelled is not None:
        return _postgres_all_ids(session, stmt, cancelled)
    if _dialect(session) != "sqlite":
        return array("q", session.scalars(stmt))
    conn = session.connection()
    # Expanding IN lists (filters' label names, options) become plain parameters here.
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    raw = conn.connection.driver_connection
    if cancelled is not None:
        raw.set_progress_handler(lambda: 1 if cancelled() else 0, 10_000)
    out = array("q")
    try:
        cursor = raw.execute(str(compiled), params)
        while rows := cursor.fetchmany(50_000):
            out.extend([row[0] for row in rows])
    except sqlite3.OperationalError as exc:
        if cancelled is not None and cancelled():
            raise SearchCancelled("search cancelled") from exc
        raise
    finally:
        if cancelled is not None:
            raw.set_progress_handler(None, 0)
    return out


def _postgres_all_ids(session: Session, stmt: Select, cancelled: Callable[[], bool]) -> array:
    """PostgreSQL has no progress handler: a watcher thread asks `cancelled` while the query
    runs and has the server cancel it, so an overtaken search stops at once there too."""
    conn = session.connection().connection.driver_connection
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL_S):
            if cancelled():
                conn.cancel_safe()
                return

    watcher = threading.Thread(target=watch, name="hubdesk-search-cancel", daemon=True)
    watcher.start()
    try:
        return array("q", session.scalars(stmt))
    except DBAPIError as exc:
        if cancelled():
            raise SearchCancelled("search cancelled") from exc
        raise
    finally:
        done.set()
        watcher.join()


def count(session: Session, q: ContactQuery) -> int:
    return int(session.scalar(count_select(q, _dialect(session))) or 0)
