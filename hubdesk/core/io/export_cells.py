"""How one value becomes the text of a cell, the same for every format.

Two rules keep a file safe to open and exact to import again:
- Formula neutralisation (CSV, on by default): a cell a spreadsheet would run — one starting
  with = + - @, a tab, CR or LF — gets a leading apostrophe, as OWASP advises. So does one
  that starts so after spaces or invisible characters (spreadsheets skip some), or with the
  full-width ＝ ＋ － ＠ that Japanese Excel reads as = + - @.
- The apostrophe escape (every format, always): a cell that already starts with an apostrophe
  followed by one of those characters or another apostrophe gets one more. HubDesk's importer
  (row_draft.clean_cell) removes exactly one such apostrophe, so "'+8190…", "=SUM(A1)" and
  "'=x" all come back as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from hubdesk.core.io.export_columns import LABELS, NOTES, NUMBER_TYPES, SEVERAL, ExportColumn
from hubdesk.core.io.table import MULTI_SEPARATOR

FORMULA_STARTS = frozenset("=+-@\t\r\n")
# Skipped before a formula by some spreadsheet or other: spaces, NBSP, the ideographic space,
# zero-width and direction marks, the BOM.
INVISIBLE = (" \u00a0\u3000\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2060\u2061\u2062\u2063\u2064\ufeff")
FULL_WIDTH_STARTS = frozenset("＝＋－＠")
_HIDDEN_STARTS = frozenset(INVISIBLE) | FULL_WIDTH_STARTS
_OPERATORS = frozenset("=+-@") | FULL_WIDTH_STARTS
LABEL_SEPARATOR = "; "
NOTE_SEPARATOR = "\n\n"
GOOGLE_ALL_CONTACTS = "* myContacts"  # Google's own group every contact of the account is in
# What the importer splits a labels cell on (row_draft.split_labels): a label holding one of
# these comes back as several.
LABEL_SPLITS = re.compile(r"[;,；，]|:::")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet may run this text as a formula (the first rule above)."""
    first = text[:1]
    if first in FORMULA_STARTS:
        return True
    return first in _HIDDEN_STARTS and text.lstrip(INVISIBLE)[:1] in _OPERATORS


def protect(text: str, neutralize: bool) -> str:
    """The cell text for `text` under the two rules above."""
    first = text[:1]
    if (neutralize and formula_like(text)) or (
            first == "'" and len(text) > 1 and (text[1] == "'" or formula_like(text[1:]))):
        return "'" + text
    return text


def whole(value: float | None) -> float | int | None:
    """A stored number as the profile shows it: 42.0 is 42."""
    if value is not None and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def number_text(value: float | int) -> str:
    # repr: the shortest text that reads back as the same float
    return repr(value) if isinstance(value, float) else str(value)


def scalar_text(value: Any) -> str:
    """A typed value as plain text: ISO dates, yes/no, numbers without a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return number_text(value)
    return str(value)


def joined(column: ExportColumn, values: Sequence[str], labels_style: str = "plain") -> str:
    """Several values in one cell, split again by the importer: labels on "; " (Google:
    " ::: " after its "* myContacts"), notes by a blank line, emails and phones on " ::: "."""
    if column.key == LABELS:
        if labels_style == "google":
            return MULTI_SEPARATOR.join((GOOGLE_ALL_CONTACTS, *values))
        return LABEL_SEPARATOR.join(values)
    if column.key == NOTES:
        return NOTE_SEPARATOR.join(values)
    return MULTI_SEPARATOR.join(values)


def text_cell(column: ExportColumn, neutralize: bool,
              labels_style: str = "plain") -> Callable[[Any], str]:
    """The function that turns this column's values into cell texts."""
    if column.kind == SEVERAL:
        always = column.key == LABELS and labels_style == "google"

        def cell(values: Any) -> str:
            if not values and not always:
                return ""
            return protect(joined(column, values or (), labels_style), neutralize)
        return cell
    if column.kind in NUMBER_TYPES:
        return lambda value: "" if value is None else number_text(whole(value))
    if column.kind in ("date", "checkbox", "datetime"):
        return scalar_text  # these never start with a formula character
    return lambda value: protect(value, neutralize) if value else ""
