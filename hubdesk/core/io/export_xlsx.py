"""XLSX out, streamed through openpyxl's write-only mode: a bold, frozen header row with a
filter, column widths from the header and the first rows, typed cells for dates, numbers and
checkboxes, and every text as a string. Line breaks are written as LF, as Excel writes them
(XML would turn a CR into an LF on reading anyway).

openpyxl reads a string starting with "=" as a formula and "#N/A" as an error value; such
texts are written as cells whose type is forced to string, so no cell ever runs. Control
characters XML cannot hold are replaced by U+FFFD and counted, and a text beyond Excel's
32,767 characters is cut and counted: the export goes on, and the result says so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from hubdesk.core.io.export_cells import joined, protect, scalar_text, whole
from hubdesk.core.io.export_columns import LABELS, NUMBER_TYPES, SEVERAL, ExportColumn

MAX_TEXT = 32_767  # Excel's limit for one cell
REPLACEMENT = "\ufffd"
_WIDTH_MIN, _WIDTH_MAX = 8, 60
_TYPED = frozenset({"number", "currency", "percent", "date", "checkbox", "datetime"})
_ERRORS = frozenset(ERROR_CODES)


class XlsxWriter:
    def __init__(self, path: Path, columns: Sequence[ExportColumn], *,
                 labels_style: str = "plain"):
        self.path, self.columns = path, list(columns)
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet("Contacts")
        self.labels_style = labels_style
        self.replaced = 0  # control characters replaced
        self.truncated = 0  # cells cut to MAX_TEXT
        self.rows_done = 0
        self._started = False
        self._cells: list[Callable[[Any], Any]] = [self._converter(c) for c in self.columns]

    # --- cells ------------------------------------------------------------------------
    def _converter(self, column: ExportColumn) -> Callable[[Any], Any]:
        if column.kind == SEVERAL:
            always = column.key == LABELS and self.labels_style == "google"

            def listed(values: Any) -> Any:
                if not values and not always:
                    return None
                return self._text(joined(column, values or (), self.labels_style))
            return listed
        if column.kind in NUMBER_TYPES:
            return self._number
        if column.kind in _TYPED:
            return _typed
        return lambda value: self._text(value) if value else None

    def _text(self, value: str) -> Any:
        value = protect(value, False)
        if "\r" in value:  # XML reads CR LF and CR as LF anyway; say so by writing LF
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if ILLEGAL_CHARACTERS_RE.search(value):
            value, n = ILLEGAL_CHARACTERS_RE.subn(REPLACEMENT, value)
            self.replaced += n
        if len(value) > MAX_TEXT:
            value = value[:MAX_TEXT]
            self.truncated += 1
        if (value[:1] == "=" and len(value) > 1) or value in _ERRORS:
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.data_type = "s"  # a text, not a formula or an error value
            return cell
        return value

    def _number(self, value: float | None) -> Any:
        number = whole(value)
        if not isinstance(number, float) or float(f"{number:.16g}") == number:
            return number
        # openpyxl writes 16 significant digits, and some doubles need 17: the cell is
        # given the number's exact text (repr), still as a number cell.
        cell = WriteOnlyCell(self.sheet, value=number)
        cell._value = repr(number)
        return cell

    # --- rows -------------------------------------------------------------------------
    def header(self) -> None:
        """Written with the first rows, whose lengths set the column widths."""

    def _start(self, sample: list[list[Any]]) -> None:
        self._started = True
        for i, column in enumerate(self.columns):
            longest = max([len(column.header) + 2,
                           *(_shown_length(row[i]) for row in sample[:200])])
            width = min(_WIDTH_MAX, max(_WIDTH_MIN, longest + 1))
            self.sheet.column_dimensions[get_column_letter(i + 1)].width = width
        self.sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in self.columns:
            name = ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, column.header)  # a user's own name
            cell = WriteOnlyCell(self.sheet, value=name)
            cell.data_type = "s"
            cell.font = bold
            header.append(cell)
        self.sheet.append(header)

    def rows(self, ids: list[int], rows: list[tuple[Any, ...]]) -> None:
        cells = self._cells
        converted = [[cell(v) for cell, v in zip(cells, row, strict=True)] for row in rows]
        if not self._started:
            self._start(converted)
        append = self.sheet.append
        for row in converted:
            append(row)
        self.rows_done += len(rows)

    def finish(self) -> None:
        if not self._started:
            self._start([])
        last = get_column_letter(len(self.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows_done + 1}"
        self.book.save(self.path)

    def discard(self) -> None:
        """Close openpyxl's half-written sheet and remove its scratch file, which it would
        otherwise keep until the program ends."""
        with contextlib.suppress(Exception):  # best effort: the export failed already
            self.sheet.close()
            self.sheet._writer.cleanup()


def _typed(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; stored values are UTC
    return value


def _shown_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, Cell):
        value = value.value
    if isinstance(value, datetime | date):
        return 19 if isinstance(value, datetime) else 10
    text = scalar_text(value)
    line = text.split("\n", 1)[0]
    # East Asian characters take about two columns of width.
    return len(line) + sum(1 for ch in line if ord(ch) > 0x2E80)
