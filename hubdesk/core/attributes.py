"""Custom attributes: definitions with a type, and typed values per contact."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.errors import ValidationError
from hubdesk.core.models import ATTRIBUTE_TYPES, AttributeDefinition, AttributeValue

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_TRUE = {"true", "yes", "y", "1", "on", "はい", "✓"}
_FALSE = {"false", "no", "n", "0", "off", "いいえ", ""}


@dataclass(frozen=True)
class AttributeInfo:
    id: int
    key: str
    label: str
    type: str
    options: tuple[str, ...] = ()


def _info(d: AttributeDefinition) -> AttributeInfo:
    return AttributeInfo(d.id, d.key, d.label, d.type, tuple(json.loads(d.options or "[]")))


def define_attribute(
    session: Session, key: str, label: str, type_: str, options: list[str] | None = None
) -> AttributeInfo:
    if not _KEY.match(key or ""):
        raise ValidationError({"key": f"'{key}' must be lower-case letters, digits or _"})
    if type_ not in ATTRIBUTE_TYPES:
        raise ValidationError({"type": f"must be one of {', '.join(ATTRIBUTE_TYPES)}"})
    if type_ == "list" and not options:
        raise ValidationError({"options": "a list attribute needs at least one option"})
    if session.scalar(select(AttributeDefinition).where(AttributeDefinition.key == key)):
        raise ValidationError({"key": f"an attribute '{key}' already exists"})
    last = session.scalar(select(func.max(AttributeDefinition.position)))
    d = AttributeDefinition(
        key=key, label=label.strip() or key, type=type_,
        position=0 if last is None else last + 1,  # new definitions come last
        options=json.dumps(options, ensure_ascii=False) if options else None,
        created_at=utcnow(),
    )
    session.add(d)
    session.flush()
    return _info(d)


def list_attributes(session: Session) -> list[AttributeInfo]:
    rows = session.scalars(
        select(AttributeDefinition).order_by(AttributeDefinition.position, AttributeDefinition.id)
    )
    return [_info(d) for d in rows]


def coerce_value(info: AttributeInfo, raw: Any) -> dict[str, Any]:
    """The value_* column for a raw value; ValueError explains a value that does not fit."""
    cols: dict[str, Any] = {"value_text": None, "value_number": None, "value_date": None,
                            "value_bool": None}
    text = "" if raw is None else str(raw).strip()
    t = info.type
    if t in ("number", "currency", "percent", "date"):
        # Japanese input methods type full-width digits, ￥ and ％.
        text = unicodedata.normalize("NFKC", text)
    if t in ("number", "currency", "percent"):
        cleaned = text.replace(",", "").replace("¥", "").replace("$", "").replace("€", "")
        cleaned = cleaned.rstrip("%").strip()
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"'{text}' is not a number") from None
        if not number.is_finite() or not math.isfinite(float(number)):
            raise ValueError(f"'{text}' is not a number that can be stored (too large?)")
        cols["value_number"] = float(number)
    elif t == "date":
        if isinstance(raw, date):
            cols["value_date"] = raw
        else:
            cols["value_date"] = parse_date(text)
    elif t == "checkbox":
        if isinstance(raw, bool):
            cols["value_bool"] = raw
        elif text.lower() in _TRUE:
            cols["value_bool"] = True
        elif text.lower() in _FALSE:
            cols["value_bool"] = False
        else:
            raise ValueError(f"'{text}' is not yes or no")
    elif t == "list":
        if text not in info.options:
            raise ValueError(f"'{text}' is not one of {', '.join(info.options)}")
        cols["value_text"] = text
    elif t == "link":
        if not re.match(r"^(https?|mailto):", text, re.I):
            raise ValueError(f"'{text}' is not a link starting with http:// or https://")
        cols["value_text"] = text
    else:
        cols["value_text"] = text
    return cols


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def parse_date(text: str) -> date:
    """2024-03-31, 2024/3/31, 2024.3.31 and 2024年3月31日 all mean the same day."""
    m = _DATE.match(text.strip())
    try:
        if not m:
            raise ValueError
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError(f"'{text}' is not a date like 2024-03-31") from None


def typed_value(info: AttributeInfo, v: AttributeValue) -> Any:
    if info.type in ("number", "currency", "percent"):
        n = v.value_number
        return int(n) if n is not None and n.is_integer() else n
    if info.type == "date":
        return v.value_date.isoformat() if v.value_date else None
    if info.type == "checkbox":
        return v.value_bool
    return v.value_text


def set_attribute_values(session: Session, contact_id: int, values: dict[str, Any]) -> None:
    """Set several attributes by key; every bad value is reported, none is stored."""
    defs = {d.key: d for d in list_attributes(session)}
    errors: dict[str, str] = {}
    rows: list[AttributeValue] = []
    for key, raw in values.items():
        info = defs.get(key)
        if info is None:
            errors[key] = "no such attribute (define it first)"
            continue
        try:
            cols = coerce_value(info, raw)
        except ValueError as exc:
            errors[key] = str(exc)
            continue
        rows.append(AttributeValue(contact_id=contact_id, definition_id=info.id, **cols))
    if errors:
        raise ValidationError(errors)
    for row in rows:
        session.merge(row)


def attribute_values(session: Session, contact_id: int) -> dict[str, Any]:
    defs = {d.id: d for d in list_attributes(session)}
    out: dict[str, Any] = {}
    for v in session.scalars(select(AttributeValue).where(AttributeValue.contact_id == contact_id)):
        info = defs.get(v.definition_id)
        if info is not None:
            out[info.key] = typed_value(info, v)
    return out


def _definition(session: Session, definition_id: int) -> AttributeDefinition:
    d = session.get(AttributeDefinition, definition_id)
    if d is None:
        raise ValidationError({"attribute": f"no attribute with id {definition_id}"})
    return d


def clear_attribute_values(session: Session, contact_id: int, keys: list[str]) -> None:
    ids = [d.id for d in list_attributes(session) if d.key in keys]
    if ids:
        session.execute(delete(AttributeValue).where(AttributeValue.contact_id == contact_id,
                                                     AttributeValue.definition_id.in_(ids)))


def update_attribute(
    session: Session, definition_id: int, *, label: str | None = None,
    options: list[str] | None = None,
) -> AttributeInfo:
    """Rename, or change a list's options (refused while a contact uses a removed option)."""
    d = _definition(session, definition_id)
    if label is not None:
        if not label.strip():
            raise ValidationError({"label": "an attribute needs a name"})
        d.label = label.strip()
    if options is not None:
        if d.type != "list":
            raise ValidationError({"options": "only list attributes have options"})
        cleaned = list(dict.fromkeys(o.strip() for o in options if o.strip()))
        if not cleaned:
            raise ValidationError({"options": "a list attribute needs at least one option"})
        in_use = set(session.scalars(
            select(AttributeValue.value_text).where(AttributeValue.definition_id == d.id)
            .distinct()
        ))
        dropped = sorted(v for v in in_use if v not in cleaned)
        if dropped:
            raise ValidationError({"options": "still used by contacts: " + ", ".join(dropped)})
        d.options = json.dumps(cleaned, ensure_ascii=False)
    session.flush()
    return _info(d)


def reorder_attributes(session: Session, ordered_ids: list[int]) -> None:
    for position, definition_id in enumerate(ordered_ids):
        _definition(session, definition_id).position = position
    session.flush()


def attribute_usage(session: Session, definition_id: int) -> int:
    """How many contacts have a value for this attribute."""
    return int(session.scalar(select(func.count()).select_from(AttributeValue)
                              .where(AttributeValue.definition_id == definition_id)) or 0)


def delete_attribute(session: Session, definition_id: int) -> int:
    """Delete a definition and its values; returns how many values went with it."""
    d = _definition(session, definition_id)
    count = int(session.scalar(select(func.count()).select_from(AttributeValue)
                               .where(AttributeValue.definition_id == d.id)) or 0)
    session.execute(delete(AttributeValue).where(AttributeValue.definition_id == d.id))
    session.delete(d)
    session.flush()
    return count


def _as_text(info: AttributeInfo, v: AttributeValue) -> str:
    value = typed_value(info, v)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def change_attribute_type(
    session: Session, definition_id: int, new_type: str, options: list[str] | None = None,
    *, apply: bool = False,
) -> list[tuple[int, str]]:
    """Values that cannot become `new_type`, as (contact id, value). With apply=True and no
    such values, converts every value; with any, changes nothing (the caller asks first)."""
    if new_type not in ATTRIBUTE_TYPES:
        raise ValidationError({"type": f"must be one of {', '.join(ATTRIBUTE_TYPES)}"})
    d = _definition(session, definition_id)
    old = _info(d)
    new = AttributeInfo(d.id, d.key, d.label, new_type, tuple(options or old.options))
    if new_type == "list" and not new.options:
        raise ValidationError({"options": "a list attribute needs at least one option"})
    values = list(session.scalars(select(AttributeValue)
                                  .where(AttributeValue.definition_id == d.id)))
    converted, failures = [], []
    for v in values:
        text_value = _as_text(old, v)
        try:
            converted.append((v, coerce_value(new, text_value)))
        except ValueError:
            failures.append((v.contact_id, text_value))
    if apply and not failures:
        for v, cols in converted:
            for key, value in cols.items():
                setattr(v, key, value)
        d.type = new_type
        d.options = json.dumps(list(new.options), ensure_ascii=False) if new.options else None
        session.flush()
    return failures
