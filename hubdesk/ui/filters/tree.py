"""The builder's view of a filter tree (no Qt here): what two levels of rows can show, how
rows combine back into a tree, and the top-level items the chips stand for."""

from __future__ import annotations

from dataclasses import replace

from hubdesk.core.filters.model import All, Any_, Condition, Expr, Not
from hubdesk.core.filters.syntax import format_expr
from hubdesk.ui.filters.value_editor import editor_shape

# Operators whose negation is another operator with exactly the same matches (checked
# against core.filters.compile: each pair compiles to X and NOT X), so `not label:vip` can be
# shown as "Labels has none of vip". Ordering tests (<, before) have none: NOT (x < 5) also
# matches contacts without a value, x >= 5 does not.
NEGATIVE = {"is": "is_not", "contains": "not_contains", "eq": "ne", "any_of": "none_of",
            "has_any": "has_none", "empty": "not_empty", "is_true": "is_false"}
NEGATIVE |= {v: k for k, v in NEGATIVE.items()}

Group = tuple[bool, list[Condition]]  # (match any, conditions)


def combine(items: list[Expr], match_any: bool) -> Expr | None:
    """Rows → tree the way the text syntax parses: one item stands alone, a group of the
    same kind as its parent is merged into it (so the builder and `parse` agree)."""
    kind = Any_ if match_any else All
    flat: list[Expr] = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else (item,))
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def _as_row(expr: Expr) -> Condition | None:
    if isinstance(expr, Not) and isinstance(expr.item, Condition) and expr.item.op in NEGATIVE:
        expr = replace(expr.item, op=NEGATIVE[expr.item.op])
    if not isinstance(expr, Condition):
        return None
    # A row's text box holds one value; `city:Tokyo,Osaka` needs the text syntax.
    if editor_shape(expr.kind, expr.op) == "text" and len(expr.values) > 1:
        return None
    return expr


def fit(expr: Expr) -> tuple[bool, list[Condition | Group]] | None:
    """A resolved tree as (match any, rows and groups), or None when it needs more than the
    builder's two levels (a `not` around a group, groups within groups, …)."""
    match_any = isinstance(expr, Any_)
    parts = expr.items if isinstance(expr, All | Any_) else (expr,)
    out: list[Condition | Group] = []
    for part in parts:
        row = _as_row(part)
        if row is not None:
            out.append(row)
            continue
        if not isinstance(part, All | Any_):
            return None
        rows = [_as_row(item) for item in part.items]
        if any(r is None for r in rows):
            return None
        out.append((isinstance(part, Any_), rows))
    return match_any, out


def top_items(expr: Expr | None) -> list[Expr]:
    if expr is None:
        return []
    return list(expr.items) if isinstance(expr, All | Any_) else [expr]


def without_item(expr: Expr, index: int) -> Expr | None:
    """The tree with one top-level item removed (a chip's ×)."""
    items = top_items(expr)
    del items[index]
    return combine(items, isinstance(expr, Any_))


CHIP_CHARS = 40  # the chips share one line above the list


def chip_texts(expr: Expr | None, names: dict[str, str], or_word: str) -> list[str]:
    """One text per top-level item, in the filter syntax; under "any", later ones say "or".
    Long ones are cut: the builder shows them whole."""
    texts = [format_expr(item, names) for item in top_items(expr)]
    if isinstance(expr, Any_):
        texts = [texts[0], *(f"{or_word} {t}" for t in texts[1:])]
    return [t if len(t) <= CHIP_CHARS else t[:CHIP_CHARS - 1] + "…" for t in texts]
