"""A minimal XLSX workbook written part by part, so a test can put hostile XML or a zip bomb
into exactly one part (the sheet or the shared strings table)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = b'<?xml version="1.0" encoding="UTF-8"?>'
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Contacts" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" '
        'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        f'Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
}
SHEET = (f'<worksheet xmlns="{MAIN}"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
         "</sheetData></worksheet>")
STRINGS = (f'<sst xmlns="{MAIN}"><si><t>Name</t></si><si><t>Email</t></si>'
           "<si><t>Ann</t></si><si><t>ann@example.jp</t></si></sst>")


def write(path: Path, *, sheet: Iterable[bytes] | None = None,
          strings: Iterable[bytes] | None = None, level: int = 1) -> Path:
    """The workbook, with `sheet` or `strings` (chunks of bytes) in place of the normal
    parts; chunks are streamed, so a part can be far bigger than memory would like."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as book:
        for name, text in PARTS.items():
            book.writestr(name, HEAD + text.encode())
        for name, chunks, normal in (("xl/worksheets/sheet1.xml", sheet, SHEET),
                                     ("xl/sharedStrings.xml", strings, STRINGS)):
            with book.open(name, "w", force_zip64=True) as part:
                for chunk in chunks if chunks is not None else (HEAD + normal.encode(),):
                    part.write(chunk)
    return path
