"""The contacts an export writes, read in id batches as plain tuples of typed values.

A batch is one Core select for the contacts — standard fields, and each custom attribute as a
correlated subquery, so the database lays them out in columns — plus one select per list
column (additional emails and phones, labels, notes); never ORM objects, so a million contacts
read in seconds and memory holds one batch. Values are typed: str or None for standard fields,
datetime for timestamps, int/float, date or bool for typed attributes, and tuples of str for
the list columns.

A writer may ask for SQL of its own per column (`expression`): CSV has the database write the
cell texts — neutralised, list columns joined in the main select — which is many times faster
than doing it in Python for a million rows.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import Session

from hubdesk.core.contacts import IDS_PER_QUERY
from hubdesk.core.io.export_columns import (
    EMAILS,
    LABELS,
    NOTES,
    NUMBER_TYPES,
    PHONES,
    SEVERAL,
    ExportColumn,
    ExportError,
)
from hubdesk.core.models import (
    AttributeValue,
    Contact,
    ContactEmail,
    ContactLabel,
    ContactPhone,
    Label,
    Note,
)
from hubdesk.core.query import ContactQuery, all_ids

_CONTACT = Contact.__table__
# (column, the SQL of its stored value) → the SQL a writer wants instead. For a list column
# the value is None, and None back means "give me the values as a tuple".
Expression = Callable[[ExportColumn, ColumnElement[Any] | None], ColumnElement[Any] | None]


@dataclass(frozen=True)
class ExportScope:
    """Which contacts: a search (the list as the user sees it, in its order), chosen ids (in
    the order given), or — with neither — every live contact by id. Trashed contacts are
    never exported."""

    query: ContactQuery | None = None
    ids: Sequence[int] | None = None


def _value_column(kind: str) -> ColumnElement[Any]:
    v = AttributeValue
    if kind in NUMBER_TYPES:
        return v.value_number
    return {"date": v.value_date, "checkbox": v.value_bool}.get(kind, v.value_text)


def column_expression(column: ExportColumn,
                      expression: Expression | None = None) -> ColumnElement[Any]:
    """The SQL for a standard field or a custom attribute; a writer's `expression` works on
    the stored value, inside the attribute's subquery."""
    standard = column.definition_id is None
    value = _CONTACT.c[column.key] if standard else _value_column(column.kind)
    if expression is not None and (wanted := expression(column, value)) is not None:
        value = wanted
    if standard:
        return value
    v = AttributeValue
    return (select(value)
            .where(v.contact_id == _CONTACT.c.id, v.definition_id == column.definition_id)
            .scalar_subquery())


def _list_select(key: str) -> tuple[Any, Select]:
    """(the contact id column, a select of (contact id, value) in the list's order)."""
    if key == LABELS:
        return ContactLabel.contact_id, (
            select(ContactLabel.contact_id, Label.name)
            .join(Label, Label.id == ContactLabel.label_id)
            .order_by(ContactLabel.contact_id, Label.name_key))
    table, value, order = {
        EMAILS: (ContactEmail, ContactEmail.email, ContactEmail.position),
        PHONES: (ContactPhone, ContactPhone.phone, ContactPhone.position),
        NOTES: (Note, Note.body, Note.created_at),
    }[key]
    return table.contact_id, select(table.contact_id, value).order_by(
        table.contact_id, order, table.id)


def joined_text(key: str, separator: str,
                finish: Callable[[ColumnElement[Any]], ColumnElement[Any]] | None = None,
                ) -> ColumnElement[Any]:
    """A list column as one text, joined by the database in the list's order (NULL when
    empty; `finish` works on the joined text inside the subquery, so it is computed once)."""
    source, stmt = _list_select(key)
    # Aggregating an ordered subquery keeps its order on SQLite and PostgreSQL alike (an
    # ORDER BY inside the aggregate needs SQLite 3.44).
    values = stmt.where(source == _CONTACT.c.id).correlate(_CONTACT).subquery()
    text = func.aggregate_strings(values.c[stmt.selected_columns[1].name], separator)
    return select(finish(text) if finish else text).scalar_subquery()


class ContactRows:
    """Rows for `columns`, one tuple per contact, values in column order."""

    def __init__(self, session: Session, columns: Sequence[ExportColumn], scope: ExportScope,
                 batch_size: int = 2000, cancelled: Callable[[], bool] | None = None,
                 expression: Expression | None = None):
        if scope.query is not None and scope.query.trash:
            raise ExportError("the Trash cannot be exported; restore the contacts first")
        self.session, self.columns, self.batch_size = session, list(columns), batch_size
        self.conn = session.connection()
        self._ids = self._scope_ids(scope, cancelled)
        self.total = len(self._ids) if self._ids is not None else self._count_all()
        exprs: list[ColumnElement[Any]] = []
        self._lists: list[str] = []  # fetched as tuples, after the select's columns
        for c in self.columns:
            if c.kind != SEVERAL:
                exprs.append(column_expression(c, expression))
            elif (joined := expression(c, None) if expression else None) is not None:
                exprs.append(joined)
            else:
                self._lists.append(c.key)
        # Where each column's value sits in (id, *selected, *lists).
        slots: dict[str, int] = {}
        for c in self.columns:
            if c.key not in self._lists:
                slots[c.key] = len(slots) + 1
        slots |= {k: 1 + len(exprs) + i for i, k in enumerate(self._lists)}
        positions = [slots[c.key] for c in self.columns]
        if positions == list(range(1, len(positions) + 1)):
            self._pick = itemgetter(slice(1, None))  # the select is in column order already
        else:
            single = itemgetter(*positions)
            self._pick = single if len(positions) > 1 else (lambda row: (single(row),))
        self._select = select(_CONTACT.c.id, *exprs)

    # --- which contacts ---------------------------------------------------------------
    def _scope_ids(self, scope: ExportScope,
                   cancelled: Callable[[], bool] | None) -> array | None:
        if scope.query is not None:
            return all_ids(self.session, scope.query, cancelled)
        if scope.ids is None:
            return None
        wanted = list(dict.fromkeys(int(i) for i in scope.ids))
        live: set[int] = set()
        for chunk in _chunks(sorted(wanted)):
            live.update(self.conn.execute(
                select(_CONTACT.c.id).where(_ids_condition(_CONTACT.c.id, chunk),
                                            _CONTACT.c.deleted_at.is_(None))).scalars())
        return array("q", (i for i in wanted if i in live))

    def _count_all(self) -> int:
        return int(self.conn.execute(
            select(func.count()).select_from(_CONTACT).where(_CONTACT.c.deleted_at.is_(None))
        ).scalar() or 0)

    # --- batches ----------------------------------------------------------------------
    def batches(self) -> Iterator[tuple[list[int], list[tuple[Any, ...]]]]:
        """(contact ids, rows) per batch, in the scope's order."""
        if self._ids is None:
            yield from self._all_batches()
            return
        live = _CONTACT.c.deleted_at.is_(None)
        for start in range(0, len(self._ids), self.batch_size):
            ids = list(self._ids[start:start + self.batch_size])
            ordered = sorted(ids)
            found: dict[int, Any] = {}
            for chunk in _chunks(ordered):
                found |= {r[0]: r for r in self.conn.execute(
                    self._select.where(_ids_condition(_CONTACT.c.id, chunk), live)).all()}
            rows = [found[i] for i in ids if i in found]  # trashed meanwhile: left out
            yield [r[0] for r in rows], self._complete(rows, ordered)

    def _all_batches(self) -> Iterator[tuple[list[int], list[tuple[Any, ...]]]]:
        last = 0
        # One statement for every batch (the last id is a parameter): SQLAlchemy compiles
        # it once instead of once a batch.
        stmt = (self._select.where(_CONTACT.c.deleted_at.is_(None),
                                   _CONTACT.c.id > bindparam("after"))
                .order_by(_CONTACT.c.id).limit(self.batch_size))
        while True:
            rows = self.conn.execute(stmt, {"after": last}).all()
            if not rows:
                return
            last = rows[-1][0]
            ids = [r[0] for r in rows]
            yield ids, self._complete(rows, ids)

    def _complete(self, rows: Sequence[Any], sorted_ids: list[int]) -> list[tuple[Any, ...]]:
        """The rows with the list columns added, picked into column order."""
        pick = self._pick
        if not self._lists:
            return [pick(row) for row in rows]
        found = [self._children(key, sorted_ids) for key in self._lists]
        if len(found) == 1:
            only = found[0]
            return [pick((*row, only.get(row[0], ()))) for row in rows]
        return [pick((*row, *(f.get(row[0], ()) for f in found))) for row in rows]

    def _children(self, key: str, ids: list[int]) -> dict[int, tuple[str, ...]]:
        source, stmt = _list_select(key)
        found: dict[int, list[str]] = {}
        for chunk in _chunks(ids):
            for cid, text in self.conn.execute(stmt.where(_ids_condition(source, chunk))).all():
                found.setdefault(cid, []).append(text)
        return {cid: tuple(v) for cid, v in found.items()}


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    """Sorted ids in pieces one statement can take: a dense run is one BETWEEN (whatever its
    size), scattered ids go IN lists below every database's limit on bound parameters."""
    if _dense(ids):
        yield ids
        return
    for start in range(0, len(ids), IDS_PER_QUERY):
        yield ids[start:start + IDS_PER_QUERY]


def _dense(ids: list[int]) -> bool:
    return bool(ids) and ids[-1] - ids[0] < 2 * len(ids)


def _ids_condition(column: Any, ids: list[int]) -> ColumnElement[bool]:
    if _dense(ids):
        # Rows of other contacts in the range (trashed, or not in the scope) come back too;
        # the caller looks rows up by id, so they are never written.
        return column.between(ids[0], ids[-1])
    return column.in_(ids)
