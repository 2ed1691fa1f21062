"""Which characters a CSV code page cannot hold: found cell by cell, reported by row, column
and character (export_csv refuses, or writes "?" only when asked)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from hubdesk.core.io.export_columns import ExportColumn, ExportError

DEFAULT_ENCODING = "utf-8-sig"
EXAMPLES = 100  # cells described one by one in a report; the rest are counted
_PROBE = ',"\r\n abcXYZ019'  # what CSV structure needs to keep its bytes


@dataclass
class Unrepresentable:
    row: int  # 1 = the first contact (0 = the header row)
    contact_id: int  # 0 for the header row
    column: str  # column key
    header: str
    characters: str  # the distinct characters the encoding lacks, in the order met


@dataclass
class UnrepresentableReport:
    encoding: str
    cells: int = 0
    examples: list[Unrepresentable] = field(default_factory=list)
    _distinct: dict[str, None] = field(default_factory=dict, repr=False)

    def __bool__(self) -> bool:
        return self.cells > 0

    @property
    def characters(self) -> str:
        """Every distinct character the encoding lacks, in the order met."""
        return "".join(self._distinct)

    def message(self) -> str:
        first = self.examples[0] if self.examples else None
        where = ""
        if first is not None:
            who = "the header" if first.row == 0 else (
                f"row {first.row} (contact {first.contact_id})")
            where = f"; first in {who}, column {first.header}"
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in self.characters[:10])
        more = " …" if len(self.characters) > 10 else ""
        return (f"{self.cells} cell(s) hold characters {self.encoding} cannot represent: "
                f"{shown}{more}{where}")

    def add(self, row: int, contact_id: int, column: ExportColumn, chars: str) -> None:
        self.cells += 1
        self._distinct.update(dict.fromkeys(chars))
        if len(self.examples) < EXAMPLES:
            self.examples.append(Unrepresentable(row, contact_id, column.key, column.header,
                                                 chars))


def csv_codec(encoding: str | None) -> tuple[str, str]:
    """(the name as given back to the user, the codec that encodes) for an encoding name;
    ExportError for an unknown one or one that would garble the CSV structure (UTF-16)."""
    name = (encoding or DEFAULT_ENCODING).strip()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ExportError(f"unknown encoding '{name}'") from None
    if codec == "utf-8-sig":
        return "utf-8-sig", "utf-8"  # the BOM is written once, by the writer
    try:
        ok = _PROBE.encode(codec) == _PROBE.encode("ascii")
    except UnicodeError:
        ok = False
    if not ok:
        raise ExportError(f"CSV cannot be written in {name}; use utf-8-sig, utf-8 or a "
                          "code page such as cp1252 or cp932")
    return codec, codec


def missing_characters(text: str, codec: str) -> str:
    """The distinct characters of `text` that `codec` cannot encode, in order."""
    missing: dict[str, None] = {}
    for ch in dict.fromkeys(text):
        try:
            ch.encode(codec)
        except UnicodeEncodeError:
            missing[ch] = None
    return "".join(missing)


class UnrepresentableError(ExportError):
    def __init__(self, report: UnrepresentableReport):
        self.report = report
        super().__init__(report.message() + "; choose UTF-8, or allow replacing them with ?")
