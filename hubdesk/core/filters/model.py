"""The expression tree and the operators each kind of field takes.

A Condition is what the user said (field, operator, values as typed); `resolve` turns it into
a checked one that knows the field's kind and holds typed values. Nodes are frozen and
hashable so a query holding them can be compared and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of field, and the operators each takes with how many values: 0, 1, 2 or "n" (1+).
OPERATORS: dict[str, dict[str, int | str]] = {
    "text": {"is": "n", "is_not": "n", "contains": 1, "not_contains": 1, "starts_with": 1,
             "empty": 0, "not_empty": 0},
    "number": {"eq": 1, "ne": 1, "lt": 1, "le": 1, "gt": 1, "ge": 1, "between": 2,
               "empty": 0, "not_empty": 0},
    "date": {"on": 1, "before": 1, "after": 1, "between": 2, "last_days": 1,
             "older_days": 1, "empty": 0, "not_empty": 0},
    "list": {"any_of": "n", "none_of": "n", "empty": 0, "not_empty": 0},
    "checkbox": {"is_true": 0, "is_false": 0},
    "labels": {"has_any": "n", "has_all": "n", "has_none": "n"},
    "presence": {"is_true": 0, "is_false": 0},
    "choice": {"any_of": "n", "none_of": "n"},
}

OPERATOR_LABELS = {
    "is": "is", "is_not": "is not", "contains": "contains", "not_contains": "does not contain",
    "starts_with": "starts with", "empty": "is empty", "not_empty": "is not empty",
    "eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥", "between": "between",
    "on": "on", "before": "before", "after": "after", "last_days": "in the last N days",
    "older_days": "more than N days ago", "any_of": "is any of", "none_of": "is none of",
    "is_true": "is true", "is_false": "is false", "has_any": "has any of",
    "has_all": "has all of", "has_none": "has none of",
}


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    values: tuple[Any, ...] = ()
    # Filled in by resolve: the field's kind, and for custom attributes the definition id.
    kind: str = ""
    attribute_id: int = 0
    position: int = field(default=-1, compare=False)  # in the text it was parsed from


@dataclass(frozen=True)
class All:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Any_:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    item: Expr


Expr = Condition | All | Any_ | Not


def conditions(expr: Expr | None) -> list[Condition]:
    """Every condition in the tree, left to right."""
    if expr is None:
        return []
    if isinstance(expr, Condition):
        return [expr]
    if isinstance(expr, Not):
        return conditions(expr.item)
    return [c for item in expr.items for c in conditions(item)]
