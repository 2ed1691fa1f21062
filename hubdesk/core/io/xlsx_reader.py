"""XLSX workbooks as a SourceTable: one sheet, streamed row by row through openpyxl.

An XLSX file is a zip of XML, so a small download can unpack into gigabytes (a "zip bomb") or
carry hostile XML. The zip directory is checked before openpyxl sees the file, and openpyxl
parses XML through defusedxml, which refuses entity expansion.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from hubdesk.core.io.csv_reader import fit_row, make_headers
from hubdesk.core.io.table import ImportFileError, SourceRow, SourceTable
from hubdesk.core.io.xml_safety import UnsafeXmlError, ensure_defused

MAX_TOTAL_SIZE = 1024**3  # bytes unpacked, all members together: far beyond any address book
MAX_RATIO = 200  # unpacked / packed for one member; real sheets compress 5-30 times
RATIO_MIN_SIZE = 1024**2  # tiny members (styles, empty sheets) legitimately compress very well
MAX_MEMBERS = 10_000
# openpyxl holds every shared string in memory and parses them (twice: once for the preview,
# once for the import) at about 100,000 a second: a 3 MB file of tiny strings would take
# minutes. Far more than an address book needs; a bigger sheet imports fine as CSV.
MAX_SHARED_STRINGS = 500_000
SHARED_STRINGS = "xl/sharedStrings.xml"
_SCAN_FROM = 4 * 1024**2  # a smaller table cannot hold MAX_SHARED_STRINGS entries
_ENTRY = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,32}:)?si[\s/>]")
_WIDTH_SAMPLE_ROWS = 1000  # rows looked at to count the columns of a sheet without a header


def read_xlsx(
    path: Path | str, *, sheet: str | None = None, has_header: bool = True
) -> SourceTable:
    """Open one sheet of a workbook: `sheet` by name, else the first that holds anything."""
    path = Path(path)
    check_zip(path)
    with _workbook(path) as workbook:
        sheets = [ws.title for ws in workbook.worksheets]
        if sheet is None:
            sheet = next((name for name in sheets if _leading_rows(path, workbook[name], 1)), None)
            if sheet is None:
                raise ImportFileError(path, "every sheet of the workbook is empty")
        elif sheet not in sheets:
            raise ImportFileError(
                path, f"has no sheet {sheet!r}; its sheets are {', '.join(sheets) or 'none'}"
            )
        leading = _leading_rows(path, workbook[sheet], 1 if has_header else _WIDTH_SAMPLE_ROWS)

    if has_header:
        headers = make_headers(leading[0]) if leading else []
    else:
        # The widest of the first rows sets the columns, as for CSV; a wider row further down
        # keeps its cells in `extra`, noted as a problem.
        width = max((len(cells) for cells in leading), default=0)
        headers = [f"Column {i}" for i in range(1, width + 1)]
    chosen = sheet

    def rows() -> Iterator[SourceRow]:
        return _read_rows(path, chosen, headers, has_header)

    return SourceTable(
        path=path, format="xlsx", headers=headers, rows=rows, sheet=sheet, sheets=sheets
    )


def check_zip(path: Path) -> None:
    """Refuse, from the zip directory alone, a file that would unpack into too much.

    zipfile stops reading a member at the size its directory entry declares (and then fails the
    CRC), so the declared sizes checked here are the most openpyxl can ever unpack.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    # A damaged directory can also claim a zip version or a size zipfile cannot handle.
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as error:
        raise ImportFileError(path, f"is not a readable XLSX workbook ({_reason(error)})") from None
    if len(members) > MAX_MEMBERS:
        raise ImportFileError(path, f"refused: the workbook holds {len(members)} files")
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_SIZE:
        raise ImportFileError(
            path, f"refused: the workbook would unpack into {total / 1024**3:.1f} GB"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise ImportFileError(
                path,
                f"refused: {member.filename} unpacks {ratio:.0f} times its packed size "
                "(a zip bomb?)",
            )
    if not any(member.filename == "xl/workbook.xml" for member in members):
        raise ImportFileError(path, "is a zip file but not an XLSX workbook")
    for member in members:
        if member.filename.lower() == SHARED_STRINGS.lower() and member.file_size > _SCAN_FROM:
            try:
                count = _count_shared_strings(path, member)
            except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError,
                    zlib.error) as error:
                raise ImportFileError(
                    path, f"is not a readable XLSX workbook ({_reason(error)})") from None
            if count > MAX_SHARED_STRINGS:
                raise ImportFileError(
                    path, f"refused: the workbook holds over {MAX_SHARED_STRINGS:,} distinct "
                          "texts, more than HubDesk reads from a workbook; save the sheet as "
                          "CSV and import that")


def _count_shared_strings(path: Path, member: zipfile.ZipInfo) -> int:
    """Entries (<si>, also <x:si …> or <si/>) in the shared strings table, counted while
    unpacking it in chunks: no XML parsing, and it stops once over the limit."""
    count, pending = 0, b""
    with zipfile.ZipFile(path) as archive, archive.open(member) as part:
        while count <= MAX_SHARED_STRINGS:
            chunk = part.read(1024**2)
            data = pending + chunk
            # A tag has one "<", at its start: whatever precedes the last "<" is complete.
            cut = len(data) if not chunk else max(data.rfind(b"<"), 0)
            count += len(_ENTRY.findall(data, 0, cut))
            pending = data[cut:]
            if not chunk:
                break
    return count


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    try:
        ensure_defused()  # never parse untrusted XML with entity expansion
    except UnsafeXmlError as error:
        raise ImportFileError(path, f"cannot be opened safely: {error}") from None
    # openpyxl refuses a path whose extension it does not know (a workbook saved as .csv), but
    # not an open file; the file is closed here, as a read-only workbook keeps reading from it.
    with open(path, "rb") as file:
        try:
            with warnings.catch_warnings():
                # openpyxl warns about features it drops (data validation, unknown
                # extensions); they do not change cell values, and the user cannot act on them.
                warnings.simplefilter("ignore", UserWarning)
                workbook = load_workbook(file, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ImportFileError(
                path, f"is not a readable XLSX workbook ({_reason(error)})"
            ) from None
        try:
            yield workbook
        finally:
            workbook.close()


def _leading_rows(path: Path, worksheet: Any, limit: int) -> list[list[str]]:
    """The first `limit` rows that hold anything (none for an empty sheet)."""
    found: list[list[str]] = []
    try:
        for values in worksheet.iter_rows(values_only=True):
            cells = _trimmed(values)
            if cells:
                found.append(cells)
                if len(found) >= limit:
                    break
    except Exception as error:  # damaged or hostile XML (defusedxml refuses entities)
        raise ImportFileError(
            path, f"sheet {worksheet.title!r} cannot be read ({_reason(error)})"
        ) from None
    return found


def _read_rows(path: Path, sheet: str, headers: list[str], has_header: bool) -> Iterator[SourceRow]:
    with _workbook(path) as workbook:
        # read_only sheets yield an empty tuple for each row missing from the XML, so the count
        # is the sheet's own row number.
        sheet_rows = workbook[sheet].iter_rows(values_only=True)
        number, header_pending, line = 0, has_header, 0
        while True:
            try:
                values = next(sheet_rows)
            except StopIteration:
                return
            except Exception as error:  # damaged or hostile XML (defusedxml refuses entities)
                raise ImportFileError(
                    path, f"sheet {sheet!r} cannot be read ({_reason(error)})", line + 1
                ) from None
            line += 1
            cells = _trimmed(values)
            if not cells:
                continue
            if header_pending:
                header_pending = False
                continue
            number += 1
            # A row ending in empty cells is not ragged in a sheet: the cells are just empty.
            yield fit_row(number, line, cells, len(headers), note_short=False)


def _reason(error: Exception) -> str:
    """What went wrong, in one line: openpyxl's messages run over several, the cause's don't."""
    while error.__cause__ is not None or error.__context__ is not None:
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _trimmed(values: tuple[Any, ...]) -> list[str]:
    """Cells as text, without the empty ones at the end that formatting leaves behind."""
    cells = [cell_text(value) for value in values]
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def cell_text(value: Any) -> str:
    """A cell as the text a user sees: 42 not 42.0, dates as ISO, empty as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # a duration-formatted cell
        return str(value)
    return str(value)
