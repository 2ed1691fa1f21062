"""XLSX reading: sheet choice, cell values as the user sees them, sheet row numbers, and zip
bombs refused from the zip directory before openpyxl parses anything."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from hubdesk.core.io import xlsx_reader
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import ImportFileError
from hubdesk.core.io.xlsx_reader import cell_text, read_xlsx


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """An empty first sheet, a contacts sheet with gaps and odd cells, and a second list."""
    book = openpyxl.Workbook()
    book.active.title = "Cover"  # left empty: the reader must pass over it
    contacts = book.create_sheet("Contacts")
    contacts.append([" Name ", "E-mail", "Born", "Score", None, "Phone", "Met"])
    contacts.append(
        ["山田 太郎", "taro@example.jp", dt.date(1980, 5, 17), 42, None, 819012345678, True]
    )
    contacts.append(["髙橋 ①子", None, dt.datetime(2024, 1, 2, 3, 4, 5), 3.5, None, "090-1234"])
    contacts["A6"] = "Row six"  # rows 4 and 5 stay empty
    contacts["I6"] = "beyond the header"
    other = book.create_sheet("Suppliers")
    other.append(["Company", "Contact"])
    other.append(["株式会社サンプル", "佐藤"])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    return path


def test_first_non_empty_sheet_is_chosen_and_all_are_listed(workbook: Path) -> None:
    table = read_xlsx(workbook)
    assert table.format == "xlsx" and table.encoding is None
    assert table.sheets == ["Cover", "Contacts", "Suppliers"]
    assert table.sheet == "Contacts"
    assert table.headers == ["Name", "E-mail", "Born", "Score", "Column 5", "Phone", "Met"]


def test_cells_read_as_the_user_sees_them(workbook: Path) -> None:
    first, second, third = read_xlsx(workbook).rows()
    assert first.values == [
        "山田 太郎",
        "taro@example.jp",
        "1980-05-17",
        "42",
        "",
        "819012345678",
        "TRUE",
    ]
    assert second.values == ["髙橋 ①子", "", "2024-01-02 03:04:05", "3.5", "", "090-1234", ""]
    assert second.problems == []  # empty cells at the end of a sheet row are not ragged
    assert (first.line, second.line, third.line) == (2, 3, 6)
    assert [row.number for row in (first, second, third)] == [1, 2, 3]
    assert third.values[0] == "Row six"
    assert third.extra == ["", "beyond the header"]
    assert third.problems == ["row has 9 cells, the header has 7"]


def test_another_sheet_by_name(workbook: Path) -> None:
    table = read_xlsx(workbook, sheet="Suppliers")
    assert table.sheet == "Suppliers"
    assert table.headers == ["Company", "Contact"]
    assert [row.values for row in table.rows()] == [["株式会社サンプル", "佐藤"]]


def test_unknown_sheet_names_the_ones_there_are(workbook: Path) -> None:
    with pytest.raises(ImportFileError, match="no sheet 'Nope'; its sheets are Cover, Contacts"):
        read_xlsx(workbook, sheet="Nope")


def test_without_header(workbook: Path) -> None:
    table = read_xlsx(workbook, sheet="Suppliers", has_header=False)
    assert table.headers == ["Column 1", "Column 2"]
    assert [(row.line, row.values) for row in table.rows()] == [
        (1, ["Company", "Contact"]),
        (2, ["株式会社サンプル", "佐藤"]),
    ]


def test_rows_can_be_read_again_and_abandoned(workbook: Path) -> None:
    table = read_xlsx(workbook)
    rows = table.rows()
    next(rows)
    rows.close()  # a preview stops early; the workbook file must be closed all the same
    assert len(list(table.rows())) == 3


def test_every_sheet_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ImportFileError, match="empty"):
        read_xlsx(path)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (42.0, "42"),
        (-7.0, "-7"),
        (3.25, "3.25"),
        (819012345678.0, "819012345678"),
        (1e20, "1e+20"),
        (12, "12"),
        (dt.datetime(2001, 2, 3), "2001-02-03"),
        (dt.date(2001, 2, 3), "2001-02-03"),
        (dt.datetime(2001, 2, 3, 4, 5, 6, 7000), "2001-02-03 04:05:06"),
        (dt.time(9, 30), "09:30:00"),
        (False, "FALSE"),
        ("  keeps spaces ", "  keeps spaces "),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_openpyxl_parses_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("Name,E-mail\n")
    with pytest.raises(ImportFileError, match=r"fake\.xlsx: is not a readable XLSX workbook"):
        read_xlsx(path)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    with pytest.raises(ImportFileError, match="not an XLSX workbook"):
        read_xlsx(path)


# --- zip bombs ----------------------------------------------------------------------------


def write_zip_bomb(path: Path, unpacked: int = 1024**3) -> None:
    """A real zip whose sheet unpacks into `unpacked` bytes of zeros, built in a blink.

    Deflating 1 GB takes seconds, so one megabyte is deflated once, with a full flush that makes
    the block independent of what came before, and repeated; the zip is then written by hand.
    """
    block = bytes(1024**2)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeats = unpacked // len(block)
    ending = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    members = [
        ("[Content_Types].xml", 0, b"<Types/>", zlib.crc32(b"<Types/>"), 8),
        ("xl/workbook.xml", 0, b"<workbook/>", zlib.crc32(b"<workbook/>"), 11),
        ("xl/worksheets/sheet1.xml", 8, piece * repeats + ending, crc, unpacked),
    ]
    local, central = b"", b""
    for name, method, data, member_crc, size in members:
        encoded = name.encode()
        offset = len(local)
        local += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, member_crc, len(data), size,
            len(encoded), 0,
        ) + encoded + data  # fmt: skip
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, member_crc, len(data), size,
            len(encoded), 0, 0, 0, 0, 0, offset,
        ) + encoded  # fmt: skip
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(local), 0
    )
    path.write_bytes(local + central + end)


@pytest.fixture
def no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open a file that should have been refused")

    monkeypatch.setattr(xlsx_reader, "load_workbook", refuse)


def test_the_bomb_is_real(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    write_zip_bomb(path)
    assert path.stat().st_size < 2 * 1024**2
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size == 1024**3
        with archive.open(info) as member:
            assert member.read(4 * 1024**2) == bytes(4 * 1024**2)


@pytest.mark.usefixtures("no_openpyxl")
def test_a_zip_bomb_is_refused_before_openpyxl_parses_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    write_zip_bomb(path)
    with pytest.raises(ImportFileError, match=r"bomb\.xlsx: refused"):
        read_xlsx(path)
    with pytest.raises(ImportFileError, match="refused"):
        open_table(path)


@pytest.mark.usefixtures("no_openpyxl")
def test_a_highly_compressed_member_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_TOTAL_SIZE", 10 * 1024**3)  # only the ratio can catch it
    path = tmp_path / "bomb.xlsx"
    write_zip_bomb(path, unpacked=64 * 1024**2)
    with pytest.raises(ImportFileError, match=r"unpacks 1\d{3} times its packed size"):
        read_xlsx(path)


@pytest.mark.usefixtures("no_openpyxl")
def test_too_much_in_total_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_RATIO", 10**9)  # only the total can catch it
    path = tmp_path / "bomb.xlsx"
    write_zip_bomb(path)
    with pytest.raises(ImportFileError, match=r"would unpack into 1\.0 GB"):
        read_xlsx(path)


@pytest.mark.usefixtures("no_openpyxl")
def test_too_many_members_are_refused(workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_MEMBERS", 3)
    with pytest.raises(ImportFileError, match=r"holds \d+ files"):
        read_xlsx(workbook)


# --- open_table picks the reader ----------------------------------------------------------


def test_open_table_reads_a_workbook_by_content_whatever_its_name(
    workbook: Path, tmp_path: Path
) -> None:
    assert open_table(workbook).format == "xlsx"
    disguised = tmp_path / "export.csv"  # web apps name workbooks .csv more often than one thinks
    disguised.write_bytes(workbook.read_bytes())
    table = open_table(disguised, sheet="Suppliers")
    assert (table.format, table.sheet) == ("xlsx", "Suppliers")


def test_open_table_refuses_old_xls_and_fake_xlsx(tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(ImportFileError, match=r"old\.xls: is an Excel 97-2003"):
        open_table(old)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Name\nAnn\n")
    with pytest.raises(ImportFileError, match="not one"):
        open_table(fake)


def test_xml_entity_expansion_is_refused(workbook: Path, tmp_path: Path) -> None:
    """A "billion laughs" sheet: defusedxml refuses its entities, reported as a typed error."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":  # the Contacts sheet
                data = laughs.encode()
            target.writestr(item, data)
    with pytest.raises(ImportFileError, match=r"hostile\.xlsx: .*EntitiesForbidden"):
        read_xlsx(hostile, sheet="Contacts")
