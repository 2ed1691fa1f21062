"""Checking a parsed (or GUI-built) filter against the database: every field exists, every
operator suits the field's kind, every value has the right type. The result is the same tree
with conditions in canonical form (kind, operator, typed values) — what core.query compiles.
Errors name the condition and, for parsed text, its position."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core.errors import HubDeskError
from hubdesk.core.fields import STANDARD_FIELDS
from hubdesk.core.filters.model import OPERATORS, All, Any_, Condition, Expr, Not
from hubdesk.core.filters.syntax import KEYWORDS
from hubdesk.core.models import CONVERSATION_STATUSES, SUBSCRIPTION_STATUSES


class FilterError(HubDeskError):
    pass


@dataclass(frozen=True)
class FilterField:
    key: str  # what a Condition names: a standard column, a pseudo-field or attr:KEY
    name: str  # what the text syntax calls it
    label: str  # what the builder shows
    kind: str
    options: tuple[str, ...] = ()
    attribute_id: int = 0


_KINDS = {"text": "text", "email": "text", "phone": "text", "timezone": "text",
          "choice": "choice", "datetime": "date"}
_SHORT_NAMES = {"address_city": "city", "address_street": "street", "address_region": "region",
                "address_postal_code": "postal_code", "address_country": "country",
                "subscription_status": "subscription", "created_at": "created",
                "updated_at": "updated", "last_activity_at": "last_activity"}
_ATTRIBUTE_KINDS = {"text": "text", "link": "text", "number": "number", "currency": "number",
                    "percent": "number", "date": "date", "list": "list",
                    "checkbox": "checkbox"}
PSEUDO_FIELDS = (
    FilterField("label", "label", "Labels", "labels"),
    FilterField("has_notes", "notes", "Has notes", "presence"),
    FilterField("has_conversations", "conversations", "Has conversations", "presence"),
    FilterField("has_problems", "problems", "Has problems", "presence"),
    FilterField("has_labels", "labels", "Has labels", "presence"),
    # Values kept as typed because they did not validate (core.health counts them).
    FilterField("invalid_email", "invalid_email", "Invalid email", "checkbox"),
    FilterField("invalid_phone", "invalid_phone", "Invalid phone", "checkbox"),
    FilterField("conversation_status", "conversation", "Conversation status", "choice",
                CONVERSATION_STATUSES),
)

# Operators written in the syntax, per kind → canonical operator.
_SYNTAX_OPS: dict[str, dict[str, str]] = {
    "text": {":": "is", "=": "is", "is": "is", "!=": "is_not", "!:": "is_not",
             "is-not": "is_not", "~": "contains", "contains": "contains",
             "!~": "not_contains", "not-contains": "not_contains", "^": "starts_with",
             "starts-with": "starts_with", "is-empty": "empty", "not-empty": "not_empty"},
    "number": {":": "eq", "=": "eq", "is": "eq", "!=": "ne", "!:": "ne", "is-not": "ne",
               "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "between": "between",
               "is-empty": "empty", "not-empty": "not_empty"},
    "date": {":": "on", "=": "on", "on": "on", "is": "on", "<": "before", "before": "before",
             ">": "after", "after": "after", "between": "between", "in-last": "last_days",
             "older-than": "older_days", "is-empty": "empty", "not-empty": "not_empty"},
    "list": {":": "any_of", "=": "any_of", "is": "any_of", "any-of": "any_of",
             "!=": "none_of", "!:": "none_of", "is-not": "none_of", "none-of": "none_of",
             "is-empty": "empty", "not-empty": "not_empty"},
    "choice": {":": "any_of", "=": "any_of", "is": "any_of", "any-of": "any_of",
               "!=": "none_of", "!:": "none_of", "is-not": "none_of", "none-of": "none_of"},
    "checkbox": {"is-true": "is_true", "is-false": "is_false"},
    "presence": {"is-true": "is_true", "is-false": "is_false"},
    "labels": {":": "has_any", "=": "has_any", "is": "has_any", "has-any": "has_any",
               "any-of": "has_any", "!=": "has_none", "!:": "has_none", "is-not": "has_none",
               "has-none": "has_none", "none-of": "has_none", "has-all": "has_all"},
}
_YES = {"yes", "true", "y", "1", "on", "はい"}
_NO = {"no", "false", "n", "0", "off", "いいえ"}


def filter_fields(session: Session) -> list[FilterField]:
    """Every field a condition can test: standard fields, labels and activity, then every
    custom attribute. The builder offers these; the syntax accepts their names."""
    out = [FilterField(f.key, _SHORT_NAMES.get(f.key, f.key), f.label, _KINDS[f.type],
                       SUBSCRIPTION_STATUSES if f.key == "subscription_status" else ())
           for f in STANDARD_FIELDS]
    out += PSEUDO_FIELDS
    # An attribute whose key another field answers to (`address_city`, `has_notes`), or that
    # the syntax reads otherwise (`has:`, `and`/`or`/`not`), is written attr.KEY.
    taken = {f.name for f in out} | {f.key for f in out} | {"has", *KEYWORDS}
    for a in attrs.list_attributes(session):
        name = a.key if a.key not in taken else f"attr.{a.key}"
        out.append(FilterField(f"attr:{a.key}", name, a.label, _ATTRIBUTE_KINDS[a.type],
                               a.options, a.id))
    return out


def _where(c: Condition) -> str:
    return f" (at position {c.position + 1})" if c.position >= 0 else ""


def _find_field(fields: list[FilterField], c: Condition) -> FilterField:
    by_name = {}
    for f in fields:
        by_name.setdefault(f.name.lower(), f)
        by_name.setdefault(f.key.lower(), f)
    for f in fields:  # an attribute's bare key, where no other field answers to it
        if f.attribute_id:
            by_name.setdefault(f.key.removeprefix("attr:").lower(), f)
    if c.field.lower().startswith("attr."):
        by_name.setdefault(c.field.lower(), next(
            (f for f in fields if f.key == f"attr:{c.field[5:].lower()}"), None))
    found = by_name.get(c.field.lower())
    if found is None:
        close = difflib.get_close_matches(c.field.lower(), [f.name for f in fields], n=1)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        raise FilterError(f"unknown field '{c.field}'{_where(c)}{hint}")
    return found


def _canonical_op(f: FilterField, c: Condition) -> str:
    allowed = OPERATORS[f.kind]
    if c.op in allowed:
        return c.op
    op = _SYNTAX_OPS[f.kind].get(c.op.lower())
    if op is None:
        usable = ", ".join(sorted(k for k in _SYNTAX_OPS[f.kind] if k not in ("is",)))
        raise FilterError(f"'{f.name}' cannot use '{c.op}'{_where(c)}; use one of: {usable}")
    return op


def _number(f: FilterField, c: Condition, raw: Any) -> float:
    try:
        number = float(str(raw).replace(",", "").strip().rstrip("%"))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):  # nan, inf: no stored value is one
        raise FilterError(f"'{f.name}': '{raw}' is not a number{_where(c)}")
    return number


def _day(f: FilterField, c: Condition, raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return attrs.parse_date(str(raw))
    except ValueError:
        raise FilterError(f"'{f.name}': '{raw}' is not a date like 2024-03-31{_where(c)}") \
            from None


def _days(f: FilterField, c: Condition, raw: Any) -> int:
    text = str(raw).strip().lower().removesuffix("d")
    if not text.isdigit():
        raise FilterError(f"'{f.name}': '{raw}' is not a number of days like 30d{_where(c)}")
    return int(text)


def _checked(f: FilterField, c: Condition) -> Condition:
    op = _canonical_op(f, c) if not (f.kind in ("checkbox", "presence")
                                      and c.op in (":", "=", "is")) else c.op
    values = tuple(c.values)
    if f.kind in ("checkbox", "presence") and op in (":", "=", "is"):
        word = str(values[0]).lower() if len(values) == 1 else ""
        if word not in _YES | _NO:
            raise FilterError(f"'{f.name}' is yes or no{_where(c)}")
        op, values = ("is_true" if word in _YES else "is_false"), ()
    arity = OPERATORS[f.kind][op]
    if arity == 0:
        values = ()
    elif arity == 1 and len(values) != 1:
        raise FilterError(f"'{f.name}' {op.replace('_', ' ')} takes one value{_where(c)}")
    elif arity == 2 and len(values) != 2:
        raise FilterError(f"'{f.name}' between takes a range like 10..100{_where(c)}")
    elif arity == "n" and not values:
        raise FilterError(f"'{f.name}' needs at least one value{_where(c)}")
    if f.kind == "number" and values:
        values = tuple(_number(f, c, v) for v in values)
        if op == "between" and values[0] > values[1]:
            values = (values[1], values[0])
    elif f.kind == "date" and values:
        if op in ("last_days", "older_days"):
            values = (_days(f, c, values[0]),)
        else:
            values = tuple(_day(f, c, v) for v in values)
            if op == "between" and values[0] > values[1]:
                values = (values[1], values[0])
    elif f.kind in ("list", "choice") and f.options:
        known = {o.lower(): o for o in f.options}
        wrong = [v for v in values if str(v).lower() not in known]
        if wrong:
            raise FilterError(f"'{f.name}': '{wrong[0]}' is not one of "
                              f"{', '.join(f.options)}{_where(c)}")
        values = tuple(known[str(v).lower()] for v in values)
    elif f.kind in ("labels", "text"):
        values = tuple(str(v) for v in values)
    return replace(c, field=f.key, op=op, values=values, kind=f.kind,
                   attribute_id=f.attribute_id)


def resolve(session: Session, expr: Expr, fields: list[FilterField] | None = None) -> Expr:
    fields = fields if fields is not None else filter_fields(session)
    return _resolve(expr, fields)


def _resolve(expr: Expr, fields: list[FilterField]) -> Expr:
    if isinstance(expr, Condition):
        if expr.field.lower() == "has" and expr.op in (":", "="):
            things = {n.lower() for f in fields if f.kind == "presence" for n in (f.name, f.key)}
            if len(expr.values) != 1 or str(expr.values[0]).lower() not in things:
                names = ", ".join(f.name for f in fields if f.kind == "presence")
                raise FilterError(f"'has' takes one of {names}{_where(expr)}")
            expr = replace(expr, field=str(expr.values[0]), op="is-true", values=())
        return _checked(_find_field(fields, expr), expr)
    if isinstance(expr, Not):
        return Not(_resolve(expr.item, fields))
    items = tuple(_resolve(item, fields) for item in expr.items)
    return All(items) if isinstance(expr, All) else Any_(items)


def local_day_start(day: date) -> datetime:
    """Midnight of a day where the user is, as the naive UTC the database stores."""
    local = datetime(day.year, day.month, day.day).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)
