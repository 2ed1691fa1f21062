"""One entry point for every import format: the file's first bytes decide, then its extension.

Content comes first because names lie: Excel saves "CSV" downloads that are really workbooks,
and phones share vCards as .txt. The extension only decides between formats the content does
not tell apart.
"""

from __future__ import annotations

from pathlib import Path

from hubdesk.core.io.csv_reader import read_csv
from hubdesk.core.io.encoding import detect_encoding, read_sample
from hubdesk.core.io.table import ImportFileError, SourceTable
from hubdesk.core.io.xlsx_reader import read_xlsx

SUPPORTED = "CSV (.csv, .txt), TSV (.tsv), Excel workbooks (.xlsx, .xlsm) and vCard (.vcf)"
_CSV_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_VCARD_SUFFIXES = {".vcf", ".vcard"}
_ZIP_SIGNATURE = b"PK\x03\x04"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, old Word files
_VCARD_SNIFF_LINES = 20  # some exporters write a few stray lines before the first card


def open_table(
    path: Path | str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    has_header: bool = True,
) -> SourceTable:
    """The file as a table of text cells, whatever its format; options not relevant to the
    format found are ignored (a sheet for a CSV file, a delimiter for a workbook)."""
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(path, "is a folder, not a file")
    sample, complete = read_sample(path)
    if not sample.strip():
        raise ImportFileError(path, "the file is empty")
    kind = sniff_format(path, sample, complete)
    if kind == "xlsx":
        return read_xlsx(path, sheet=sheet, has_header=has_header)
    if kind == "vcard":
        from hubdesk.core.io.vcard import read_vcard  # only vCard imports pay for loading it

        return read_vcard(path, encoding=encoding)
    return read_csv(path, encoding=encoding, delimiter=delimiter, has_header=has_header)


def sniff_format(path: Path, sample: bytes, complete: bool) -> str:
    """ "xlsx", "vcard" or "csv" for a file whose first bytes are `sample`; raises otherwise."""
    suffix = path.suffix.lower()
    if sample.startswith(_ZIP_SIGNATURE):
        return "xlsx"
    if sample.startswith(_OLE_SIGNATURE):
        raise ImportFileError(
            path, "is an Excel 97-2003 (.xls) file: save it as .xlsx or CSV and import that"
        )
    if suffix in _XLSX_SUFFIXES:
        raise ImportFileError(path, "is named like an Excel workbook but is not one")
    if suffix in _VCARD_SUFFIXES or _starts_like_vcard(sample, complete):
        return "vcard"
    if suffix in _CSV_SUFFIXES:
        return "csv"
    raise ImportFileError(path, f"is not a format HubDesk imports; it reads {SUPPORTED}")


def _starts_like_vcard(sample: bytes, complete: bool) -> bool:
    encoding, _ = detect_encoding(sample, complete=complete)
    text = sample.decode(encoding, errors="ignore")  # only looked at, never imported
    lines = [line.strip().upper() for line in text.splitlines() if line.strip()]
    return any(line.lstrip("\ufeff") == "BEGIN:VCARD" for line in lines[:_VCARD_SNIFF_LINES])
