"""A resolved filter tree as one SQL condition on contacts.

Conditions on related rows (labels, attribute values, notes, conversations) are `id IN
(subquery)` tests: each subquery is answered from its own index (contact_labels by label,
attribute_values by definition and typed value), and negations are NOT IN the same set, so
"is not" and "has none of" include contacts that have no value at all.

Text comparisons ignore ASCII case (SQLite's lower(); the same on PostgreSQL, whose own
lower() would fold É too); Japanese has no case to ignore.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    exists,
    false,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from hubdesk.core.clock import utcnow
from hubdesk.core.filters.model import All, Condition, Expr, Not
from hubdesk.core.filters.resolve import local_day_start
from hubdesk.core.labels import label_key
from hubdesk.core.models import (
    AttributeValue,
    Contact,
    ContactLabel,
    ContactPhone,
    Conversation,
    Label,
    Note,
)

_PER_ROW: ContextVar[bool] = ContextVar("per_row", default=False)


def compile_expr(expr: Expr, *, per_row: bool = False) -> ColumnElement[bool]:
    """per_row: test related rows with a correlated EXISTS per contact (an index seek each),
    which is what reading contacts in sort order until a page is full wants; otherwise
    `id IN (set)`, which is what the whole result and counts want (each set read once from
    its index)."""
    token = _PER_ROW.set(per_row)
    try:
        return _compile(expr)
    finally:
        _PER_ROW.reset(token)


def _compile(expr: Expr) -> ColumnElement[bool]:
    if isinstance(expr, Condition):
        return _condition(expr)
    if isinstance(expr, Not):
        return not_(_compile(expr.item))
    parts = [_compile(item) for item in expr.items]
    return and_(true(), *parts) if isinstance(expr, All) else or_(false(), *parts)


def _related(contact_col, *conditions) -> ColumnElement[bool]:
    """The contact has a related row (label, value, note…) meeting the conditions."""
    if _PER_ROW.get():
        return exists().where(contact_col == Contact.id, *conditions)
    return Contact.id.in_(select(contact_col).where(*conditions))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lower(value: object) -> str:
    """Lower-case as SQLite's lower() does: ASCII letters only (Python's lower() would turn
    É into é, which then never equals the stored É)."""
    return str(value).translate(_ASCII_LOWER)


class ascii_lower(FunctionElement[str]):  # lower-case name: used like func.lower
    """lower() of ASCII letters only, on every database."""

    type = String()
    inherit_cache = True


@compiles(ascii_lower)
def _ascii_lower_sqlite(element: ascii_lower, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"  # ASCII only by nature


@compiles(ascii_lower, "postgresql")
def _ascii_lower_postgres(element: ascii_lower, compiler: Any, **kw: Any) -> str:
    return (f"translate({compiler.process(element.clauses, **kw)}, "
            "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')")


def _like(value: str, *, prefix: bool = False) -> str:
    escaped = _lower(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


def _text(col, c: Condition) -> ColumnElement[bool]:
    if c.op in ("empty", "not_empty"):
        # The same test as lower(coalesce(col, '')) = '', without two function calls a row
        # (the Health view counts four of these over every contact), and never NULL.
        empty = or_(col.is_(None), col == "")
        return empty if c.op == "empty" else not_(empty)
    text = ascii_lower(func.coalesce(col, ""))
    values = [_lower(v) for v in c.values]
    if c.op == "is":
        return text.in_(values)
    if c.op == "is_not":
        return text.not_in(values)
    if c.op == "contains":
        return text.like(_like(values[0]), escape="\\")
    if c.op == "not_contains":
        return not_(text.like(_like(values[0]), escape="\\"))
    return text.like(_like(values[0], prefix=True), escape="\\")  # starts_with


def _compare(col, op: str, values: tuple) -> ColumnElement[bool]:
    v = values[0] if values else None
    return {
        "eq": lambda: col == v, "ne": lambda: col != v, "lt": lambda: col < v,
        "le": lambda: col <= v, "gt": lambda: col > v, "ge": lambda: col >= v,
        "between": lambda: col.between(values[0], values[1]),
    }[op]()


def _datetime_condition(col, c: Condition) -> ColumnElement[bool]:
    """Stored times are UTC; days are the user's days."""
    if c.op == "empty":
        return col.is_(None)
    if c.op == "not_empty":
        return col.is_not(None)
    # No time (no activity yet) matches no comparison, also under `not`: false, not NULL.
    return and_(col.is_not(None), _datetime_compare(col, c))


def _datetime_compare(col, c: Condition) -> ColumnElement[bool]:
    if c.op in ("last_days", "older_days"):
        since = utcnow() - timedelta(days=int(c.values[0]))
        return col >= since if c.op == "last_days" else col < since
    days: list[date] = list(c.values)
    start = local_day_start(days[0])
    if c.op == "before":
        return col < start
    if c.op == "after":
        return col >= local_day_start(days[0] + timedelta(days=1))
    end = local_day_start(days[-1] + timedelta(days=1))
    return and_(col >= start, col < end)  # on, between


def _date_value_condition(col, c: Condition) -> ColumnElement[bool]:
    """A custom date attribute: a calendar day, no time zone."""
    if c.op in ("last_days", "older_days"):
        today = datetime.now().date()
        since = today - timedelta(days=int(c.values[0]))
        # A day still to come (a renewal next year) is not "in the last N days".
        return col.between(since, today) if c.op == "last_days" else col < since
    return {"on": lambda: col == c.values[0], "before": lambda: col < c.values[0],
            "after": lambda: col > c.values[0],
            "between": lambda: col.between(c.values[0], c.values[1])}[c.op]()


def _has_value(attribute_id: int, *conditions) -> ColumnElement[bool]:
    return _related(AttributeValue.contact_id, AttributeValue.definition_id == attribute_id,
                    *conditions)


def _attribute(c: Condition) -> ColumnElement[bool]:
    aid = c.attribute_id
    if c.kind == "text" and c.op in ("empty", "not_empty"):
        # A text value of "" (a space typed and trimmed) shows as empty, so it is empty.
        filled = _has_value(aid, func.coalesce(AttributeValue.value_text, "") != "")
        return not_(filled) if c.op == "empty" else filled
    if c.op == "empty":
        return not_(_has_value(aid))
    if c.op == "not_empty":
        return _has_value(aid)
    if c.kind == "text":
        col = AttributeValue.value_text
        positive = {"is_not": "is", "not_contains": "contains"}
        if c.op in positive:  # no value at all also "is not" / "does not contain"
            return not_(_has_value(aid, _text(col, Condition(c.field, positive[c.op],
                                                             c.values))))
        return _has_value(aid, _text(col, c))
    if c.kind == "number":
        col = AttributeValue.value_number
        if c.op == "ne":
            return not_(_has_value(aid, col == c.values[0]))
        return _has_value(aid, col.is_not(None), _compare(col, c.op, c.values))
    if c.kind == "date":
        col = AttributeValue.value_date
        return _has_value(aid, col.is_not(None), _date_value_condition(col, c))
    if c.kind == "list":
        chosen = _has_value(aid, AttributeValue.value_text.in_(list(c.values)))
        return chosen if c.op == "any_of" else not_(chosen)
    # checkbox: unset counts as false
    ticked = _has_value(aid, AttributeValue.value_bool.is_(True))
    return ticked if c.op == "is_true" else not_(ticked)


def _labels(c: Condition) -> ColumnElement[bool]:
    def having(keys) -> ColumnElement[bool]:
        label_ids = select(Label.id).where(Label.name_key.in_([label_key(str(k)) for k in keys]))
        return _related(ContactLabel.contact_id, ContactLabel.label_id.in_(label_ids))

    if c.op == "has_any":
        return having(c.values)
    if c.op == "has_none":
        return not_(having(c.values))
    return and_(true(), *[having([key]) for key in c.values])  # has_all


def _presence(c: Condition) -> ColumnElement[bool]:
    if c.field == "has_problems":
        has = and_(Contact.problems.is_not(None), Contact.problems != "",
                   Contact.problems != "[]")
    elif c.field == "has_labels":
        has = _related(ContactLabel.contact_id)
    else:
        table = Note if c.field == "has_notes" else Conversation
        has = _related(table.contact_id)
    return has if c.op == "is_true" else not_(has)


# An import keeps an email that fails validation as typed and records a problem for the field
# "email" (json.dumps writes `"field": "email"`; the compact form is matched too).
_EMAIL_PROBLEM = ('%"field": "email"%', '%"field":"email"%')


def _invalid(c: Condition) -> ColumnElement[bool]:
    """A value kept as typed. Phones: primary or additional not parsed (so not E.164).
    Emails: a recorded email problem, or a primary email without text on both sides of an @,
    or with a space (an edit that dropped the problem record must not hide those)."""
    if c.field == "invalid_phone":
        bad = or_(and_(Contact.phone_valid.is_(False), func.coalesce(Contact.phone, "") != ""),
                  _related(ContactPhone.contact_id, ContactPhone.phone_valid.is_(False)))
    else:
        problems, email = Contact.problems, Contact.email
        # IS NOT NULL first: most contacts have no problems, and the LIKEs never run for them.
        bad = or_(and_(problems.is_not(None), or_(*[problems.like(p) for p in _EMAIL_PROBLEM])),
                  and_(email.is_not(None), email != "",
                       or_(not_(email.like("_%@_%")), email.like("% %"))))
    return bad if c.op == "is_true" else not_(bad)


def _condition(c: Condition) -> ColumnElement[bool]:
    if c.attribute_id:
        return _attribute(c)
    if c.field in ("invalid_email", "invalid_phone"):
        return _invalid(c)
    if c.kind == "labels":
        return _labels(c)
    if c.kind == "presence":
        return _presence(c)
    if c.field == "conversation_status":
        with_status = _related(Conversation.contact_id,
                               Conversation.status.in_(list(c.values)))
        return with_status if c.op == "any_of" else not_(with_status)
    col = getattr(Contact, c.field)
    if c.kind == "date":
        return _datetime_condition(col, c)
    if c.kind == "choice":
        return col.in_(list(c.values)) if c.op == "any_of" else col.not_in(list(c.values))
    return _text(col, c)
