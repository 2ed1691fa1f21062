"""XLSX export: typed cells, no formulas ever, a usable header, and what a workbook cannot
hold replaced and counted."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from hubdesk.core import attributes as attrs
from hubdesk.core.io.exporter import ExportOptions, run_export


@pytest.fixture
def book(db, add, tmp_path):
    with db.session() as s:
        attrs.define_attribute(s, "seats", "Seats", "number")
        attrs.define_attribute(s, "since", "Since", "date")
        attrs.define_attribute(s, "beta", "Beta", "checkbox")
        attrs.define_attribute(s, "remark", "Remark", "text")
    add(first_name="=SUM(A1:A9)", last_name="#N/A", phone="090-1234-5678",
        email="taro@example.jp", labels=["=vip"],
        attributes={"seats": 12, "since": "2024-03-31", "beta": True,
                    "remark": "bell\x07and\x1ftab\tline\r\nend"})
    add(first_name="'=quoted", last_name="Lee", attributes={"seats": 0.1 + 0.2,
                                                           "remark": "=1+1"})
    out = tmp_path / "c.xlsx"
    result = run_export(db, out, ExportOptions())
    return out, result


def cells(path):
    sheet = load_workbook(path).active
    return sheet, [list(row) for row in sheet.iter_rows()]


def test_no_cell_is_a_formula_and_texts_stay_texts(book):
    _, rows = cells(book[0])
    assert all(c.data_type != "f" for row in rows for c in row)
    by_header = {c.value: i for i, c in enumerate(rows[0])}
    first, second = rows[1], rows[2]
    assert first[by_header["First name"]].value == "=SUM(A1:A9)"
    assert first[by_header["First name"]].data_type == "s"
    assert first[by_header["Last name"]].value == "#N/A"
    assert first[by_header["Last name"]].data_type == "s"  # not an error value
    assert first[by_header["Phone"]].value == "+819012345678"
    assert first[by_header["Labels"]].value == "=vip"
    assert second[by_header["First name"]].value == "''=quoted"  # the apostrophe escape
    assert second[by_header["X-HUBDESK-REMARK"]].value == "=1+1"  # "Remark" reads as notes


def test_dates_numbers_and_checkboxes_are_typed(book):
    _, rows = cells(book[0])
    by_header = {c.value: i for i, c in enumerate(rows[0])}
    first, second = rows[1], rows[2]
    since = first[by_header["Since"]]
    assert since.is_date and since.value == dt.datetime(2024, 3, 31)
    assert first[by_header["Seats"]].value == 12 and first[by_header["Seats"]].data_type == "n"
    assert second[by_header["Seats"]].value == 0.1 + 0.2  # all 17 digits kept
    assert first[by_header["Beta"]].value is True
    created = first[by_header["Created"]]
    assert created.is_date and isinstance(created.value, dt.datetime)


def test_header_is_bold_frozen_filtered_and_columns_sized(book):
    sheet, rows = cells(book[0])
    assert all(c.font.b for c in rows[0])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{rows[0][-1].column_letter}3"
    widths = [sheet.column_dimensions[c.column_letter].width for c in rows[0]]
    assert all(8 <= w <= 60 for w in widths)
    assert sheet.column_dimensions["A"].width >= len("=SUM(A1:A9)")


def test_control_characters_are_replaced_and_counted(book):
    out, result = book
    _, rows = cells(out)
    by_header = {c.value: i for i, c in enumerate(rows[0])}
    assert rows[1][by_header["X-HUBDESK-REMARK"]].value == "bell\ufffdand\ufffdtab\tline\nend"
    assert result.replaced_control_chars == 2


def test_overlong_text_is_cut_and_counted(db, add, tmp_path):
    with db.session() as s:
        attrs.define_attribute(s, "essay", "Essay", "text")
    add(first_name="Ann", attributes={"essay": "x" * 40_000})
    result = run_export(db, tmp_path / "c.xlsx", ExportOptions(columns=["attr:essay"]))
    _, rows = cells(tmp_path / "c.xlsx")
    assert len(rows[1][0].value) == 32_767 and result.truncated_cells == 1


def test_empty_export_still_has_a_header(db, tmp_path):
    result = run_export(db, tmp_path / "c.xlsx", ExportOptions(columns=["first_name"]))
    _, rows = cells(tmp_path / "c.xlsx")
    assert result.rows == 0 and [c.value for c in rows[0]] == ["First name"]
