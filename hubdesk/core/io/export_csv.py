"""CSV out: RFC 4180 (commas, double quotes, CRLF), UTF-8 with a BOM by default so Excel
reads it, plain UTF-8 or a Windows code page on request.

A code page cannot hold every character. Each batch is encoded strictly; when that fails, the
cells at fault are found and recorded (row, column, characters), and the batch is written with
"?" in their place only if the caller asked for it. Otherwise nothing more is written and the
export fails with the report once every row has been looked at — never a silent "?".

Speed: the database computes the cell texts (`expression`): it neutralises formula-like texts,
joins labels and other lists, cuts timestamps to the second and, on SQLite, formats numbers
and checkboxes. Python then only hands rows to the csv module and encodes them: a million
contacts are mostly C work. Whatever the database did not prepare (numbers elsewhere than on
SQLite) is converted by export_cells in Python, to the same text.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from typing import Any, BinaryIO

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
)

from hubdesk.core.io.export_cells import (
    FORMULA_STARTS,
    FULL_WIDTH_STARTS,
    GOOGLE_ALL_CONTACTS,
    INVISIBLE,
    LABEL_SEPARATOR,
    NOTE_SEPARATOR,
    protect,
    text_cell,
)
from hubdesk.core.io.export_columns import (
    LABELS,
    NOTES,
    NUMBER_TYPES,
    SEVERAL,
    ExportColumn,
)
from hubdesk.core.io.export_encoding import (
    UnrepresentableError,
    UnrepresentableReport,
    csv_codec,
    missing_characters,
)
from hubdesk.core.io.export_rows import joined_text
from hubdesk.core.io.table import MULTI_SEPARATOR

# Written into the SQL as numbers, not parameters: the statement then needs no expanding
# per execution.
_STARTS = [literal_column(str(ord(ch))) for ch in sorted(FORMULA_STARTS)]
_APOSTROPHE = literal_column(str(ord("'")))
_BELOW = literal_column(str(max(ord(ch) for ch in (*FORMULA_STARTS, "'")) + 1))
# export_cells.formula_like's second case: a formula behind invisible characters, or full-width.
_HIDDEN = [literal_column(str(ord(ch))) for ch in sorted({*INVISIBLE, *FULL_WIDTH_STARTS})]
_OPERATORS = [literal_column(str(ord(ch))) for ch in sorted({*"=+-@", *FULL_WIDTH_STARTS})]


def _protected_sql(value: ColumnElement[Any], neutralize: bool,
                   sqlite: bool) -> ColumnElement[Any]:
    """export_cells.protect, computed by the database from the first characters' code
    points (SQLite's unicode(), PostgreSQL's ascii()); a cheap "below A" test first, which
    nearly every text fails, keeps it almost free."""
    code = func.unicode if sqlite else func.ascii
    first = code(value)
    second = func.substr(value, 2)
    quoted = and_(first == _APOSTROPHE, or_(
        code(second).in_([*_STARTS, _APOSTROPHE]),
        and_(code(second).in_(_HIDDEN),
             code(func.ltrim(second, literal(INVISIBLE, String))).in_(_OPERATORS))))
    risky = or_(first.in_(_STARTS), quoted) if neutralize else quoted
    if not neutralize:
        return case((and_(first < _BELOW, risky), literal("'", String) + value), else_=value)
    hidden = and_(first.in_(_HIDDEN),
                  code(func.ltrim(value, literal(INVISIBLE, String))).in_(_OPERATORS))
    return case((and_(first < _BELOW, risky), literal("'", String) + value),
                (hidden, literal("'", String) + value), else_=value)


def _number_sql(value: ColumnElement[Any]) -> ColumnElement[Any]:
    """export_cells.whole + number_text on SQLite: whole numbers as integer text, others
    stay REAL and reach the csv module as floats, which it writes as repr() does."""
    return case((and_(func.abs(value) < 1e15, cast(value, Integer) == value),
                 cast(cast(value, Integer), String)), else_=value)


class CsvWriter:
    def __init__(self, out: BinaryIO | None, columns: Sequence[ExportColumn], *,
                 encoding: str | None = None, neutralize: bool = True,
                 replace_unrepresentable: bool = False, labels_style: str = "plain",
                 dialect: str = "sqlite", in_database: bool = True):
        self.out, self.columns = out, list(columns)
        self.name, self.codec = csv_codec(encoding)
        self.replace = replace_unrepresentable
        self.neutralize, self.labels_style = neutralize, labels_style
        self.sqlite = dialect == "sqlite"
        self.in_database = in_database  # False: every cell converted in Python (a check)
        self.report = UnrepresentableReport(self.name)
        self.rows_done = 0
        # Columns the database cannot prepare are converted here.
        self.cells = [(i, text_cell(c, neutralize, labels_style))
                      for i, c in enumerate(self.columns) if not self._in_sql(c)]

    def _in_sql(self, column: ExportColumn) -> bool:
        return self.in_database and (
            self.sqlite or column.kind not in (*NUMBER_TYPES, "checkbox"))

    def expression(self, column: ExportColumn,
                   value: ColumnElement[Any] | None) -> ColumnElement[Any] | None:
        """The SQL that gives this column's cell text (for ContactRows)."""
        if not self._in_sql(column):
            return None
        if column.kind == SEVERAL:
            return self._joined(column)
        assert value is not None
        if column.kind in NUMBER_TYPES:
            return _number_sql(value)
        if column.kind == "checkbox":
            return case((value.is_(True), "yes"), (value.is_(False), "no"))
        if column.kind == "datetime":
            return func.substr(cast(value, String), 1, 19)  # to the second, as stored
        if column.kind == "date":
            return cast(value, String)  # ISO, as stored
        if column.kind in ("timezone", "choice"):
            return value  # validated names: never start with a formula character
        return _protected_sql(value, self.neutralize, self.sqlite)

    def _joined(self, column: ExportColumn) -> ColumnElement[Any]:
        google = column.key == LABELS and self.labels_style == "google"
        separator = (MULTI_SEPARATOR if google or column.key not in (LABELS, NOTES)
                     else LABEL_SEPARATOR if column.key == LABELS else NOTE_SEPARATOR)

        def finish(text: ColumnElement[Any]) -> ColumnElement[Any]:
            if google:  # Google's "* myContacts" leads, also when there are no labels
                text = literal(GOOGLE_ALL_CONTACTS, String) + func.coalesce(
                    literal(MULTI_SEPARATOR, String) + text, "")
            return _protected_sql(text, self.neutralize, self.sqlite)

        return joined_text(column.key, separator, finish)

    def header(self) -> None:
        if self.out is not None and self.name == "utf-8-sig":
            self.out.write(codecs.BOM_UTF8)
        self._emit([[protect(c.header, self.neutralize) for c in self.columns]], None)

    def rows(self, ids: list[int], rows: list[tuple[Any, ...]]) -> None:
        cells = self.cells
        if cells:
            texts: list[Any] = []
            for row in rows:
                out = list(row)
                for i, cell in cells:
                    out[i] = cell(out[i])
                texts.append(out)
        else:
            texts = rows
        self._emit(texts, ids)

    def _emit(self, texts: Sequence[Any], ids: list[int] | None) -> None:
        """Write rows (ids None: the header row), or record what the encoding lacks."""
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(texts)
        text = buffer.getvalue()
        first_row = self.rows_done
        if ids is not None:
            self.rows_done += len(texts)
        try:
            data = text.encode(self.codec)
        except UnicodeEncodeError:
            self._record(texts, ids, first_row)
            data = text.encode(self.codec, "replace")
        if self.out is not None and (self.replace or not self.report):
            self.out.write(data)

    def _record(self, texts: Sequence[Any], ids: list[int] | None, first_row: int) -> None:
        for offset, row in enumerate(texts):
            number, cid = (0, 0) if ids is None else (first_row + offset + 1, ids[offset])
            for column, value in zip(self.columns, row, strict=True):
                if isinstance(value, str) and not value.isascii():
                    chars = missing_characters(value, self.codec)
                    if chars:
                        self.report.add(number, cid, column, chars)

    def finish(self) -> None:
        if self.report and not self.replace:
            raise UnrepresentableError(self.report)

    def discard(self) -> None:
        """Nothing to drop: the exporter removes the file."""
