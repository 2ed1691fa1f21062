"""What every reader produces and every importer consumes: a table of text cells.

Readers (csv_reader, xlsx_reader, vcard) stream rows; nothing holds a whole file in memory.
vCard is flattened into fixed columns (VCARD_COLUMNS) whose multiple values are joined with
MULTI_SEPARATOR, the way Google Contacts CSV does, so one mapping step serves every format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hubdesk.core.errors import HubDeskError

MULTI_SEPARATOR = " ::: "  # Google Contacts' separator for several values in one cell


class ImportFileError(HubDeskError):
    """The file cannot be read at all (names the file and, where known, the line)."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path, self.line = str(path), line
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass
class SourceRow:
    number: int  # 1-based data row (the header row is not counted)
    line: int  # 1-based line (CSV), sheet row (XLSX) or BEGIN:VCARD line where it starts
    values: list[str]  # one text per header, padded with "" for short rows
    problems: list[str] = field(default_factory=list)  # e.g. a ragged row's extra cells
    extra: list[str] = field(default_factory=list)  # cells beyond the header, never dropped


@dataclass
class SourceTable:
    path: Path
    format: str  # "csv", "tsv", "xlsx" or "vcard"
    headers: list[str]
    rows: Callable[[], Iterator[SourceRow]]  # call again to read again from the start
    encoding: str | None = None  # what was used to decode (None for XLSX)
    encoding_guessed: bool = False  # True when not from a BOM or valid UTF-8: ask the user
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "3 photos ignored"


# The columns a vCard becomes; the "vcard" mapping preset maps them to fields.
VCARD_COLUMNS = [
    "Full Name", "First Name", "Last Name", "Middle Name", "Prefix", "Suffix",
    "Phonetic First Name", "Phonetic Last Name", "Nickname",
    "E-mail", "Phone", "Organization", "Department", "Title",
    "Street", "City", "Region", "Postal Code", "Country",
    "Birthday", "URL", "Note", "Categories", "Time Zone", "UID",
]
