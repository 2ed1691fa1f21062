"""CSV export: RFC 4180 text, encodings, formula neutralisation and the code-page report."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from hubdesk.core import attributes as attrs
from hubdesk.core.contacts import create_contact
from hubdesk.core.io.export_columns import available_columns, export_preset, resolve_columns
from hubdesk.core.io.export_csv import CsvWriter
from hubdesk.core.io.export_encoding import UnrepresentableError
from hubdesk.core.io.export_rows import ContactRows, ExportScope
from hubdesk.core.io.exporter import ExportOptions, find_unrepresentable, run_export
from hubdesk.core.notes import add_note


def rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f))


@pytest.fixture
def people(db, add):
    with db.session() as s:
        attrs.define_attribute(s, "seats", "Seats", "number")
        attrs.define_attribute(s, "since", "Since", "date")
        attrs.define_attribute(s, "beta", "Beta", "checkbox")
        attrs.define_attribute(s, "remark", "Remark", "text")
    first = add(first_name="=1+1", last_name="山田", email="taro@example.jp",
                phone="090-1234-5678", company='Quote "Co", Ltd.', labels=["vip", "顧客"],
                attributes={"seats": 12, "since": "2024-03-31", "beta": True,
                            "remark": "line one\nline two, \"quoted\""})
    second = add(first_name="'=already", last_name="-minus", email="-dash@example.com",
                 company="@home", attributes={"seats": 2.5, "remark": "+cmd|' /C calc'!A0"})
    return first, second


def test_header_bom_and_crlf(db, people, tmp_path):
    out = tmp_path / "c.csv"
    result = run_export(db, out, ExportOptions())
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n") + 1  # one LF in a cell
    header = rows(out)[0]
    assert header == result.headers
    assert header[:6] == ["First name", "Last name", "First name reading", "Last name reading",
                          "Email", "Phone"]
    assert result.rows == 2 and result.as_json() == {
        "path": str(out), "exported": 2, "columns": result.columns}


def test_cells_are_quoted_and_typed_values_written_plainly(db, people, tmp_path):
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions(columns=["last_name", "company", "labels", "attr:seats",
                                               "attr:since", "attr:beta", "attr:remark"]))
    assert rows(out)[1] == ["山田", 'Quote "Co", Ltd.', "vip; 顧客", "12", "2024-03-31", "yes",
                            'line one\nline two, "quoted"']
    assert rows(out)[2][3:6] == ["2.5", "", ""]
    assert '"Quote ""Co"", Ltd."' in out.read_text(encoding="utf-8-sig")


def test_formula_like_cells_are_neutralised(db, people, tmp_path):
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions(columns=["first_name", "last_name", "email", "phone",
                                               "company", "attr:remark"]))
    first, second = rows(out)[1:]
    assert first[0] == "'=1+1" and first[3] == "'+819012345678"
    assert second[:5] == ["''=already", "'-minus", "'-dash@example.com", "", "'@home"]
    assert second[5] == "'+cmd|' /C calc'!A0"


def test_neutralising_can_be_switched_off_but_the_apostrophe_escape_stays(db, people,
                                                                          tmp_path):
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions(columns=["first_name", "phone"], neutralize=False))
    assert rows(out)[1] == ["=1+1", "+819012345678"]
    assert rows(out)[2][0] == "''=already"


def test_plain_utf8_has_no_bom(db, people, tmp_path):
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions(encoding="utf-8"))
    assert not out.read_bytes().startswith(codecs.BOM_UTF8)
    assert rows(out, "utf-8")[1][1] == "山田"


def test_code_page_export_when_everything_fits(db, add, tmp_path):
    add(first_name="José", last_name="Müller", email="jose@example.com")
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions(encoding="cp1252", columns=["first_name", "last_name"]))
    assert out.read_bytes() == "First name,Last name\r\nJosé,Müller\r\n".encode("cp1252")


def test_cp932_report_names_rows_columns_and_characters(db, add, tmp_path):
    add(last_name="山田", first_name="太郎")
    second = add(last_name="𠮷野", first_name="🙂 smile")
    options = ExportOptions(encoding="cp932", columns=["last_name", "first_name"])
    report = find_unrepresentable(db, "cp932", options)
    assert report.cells == 2 and report.characters == "𠮷🙂"
    assert [(u.row, u.contact_id, u.column, u.characters) for u in report.examples] == [
        (2, second, "last_name", "𠮷"), (2, second, "first_name", "🙂")]
    assert "U+20BB7" in report.message()


def test_cp932_refuses_without_permission_and_writes_nothing(db, add, tmp_path, dialect):
    add(last_name="𠮷野")
    out = tmp_path / "c.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(UnrepresentableError) as caught:
        run_export(db, out, ExportOptions(encoding="cp932"))
    assert caught.value.report.cells == 1
    assert out.read_text(encoding="utf-8") == "keep me"
    database = ["contacts.db", "contacts.db-shm", "contacts.db-wal"] if dialect == "sqlite" else []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", *database]


def test_cp932_replaces_only_when_asked_and_says_so(db, add, tmp_path):
    add(last_name="𠮷野", first_name="太郎")
    out = tmp_path / "c.csv"
    result = run_export(db, out, ExportOptions(encoding="cp932", replace_unrepresentable=True,
                                               columns=["last_name", "first_name"]))
    assert out.read_bytes().decode("cp932").splitlines()[1] == "?野,太郎"
    assert result.unrepresentable is not None and result.unrepresentable.cells == 1


def test_google_labels_and_multi_values(db, add, tmp_path):
    add(first_name="Ann", email="ann@example.com", extra_emails=["a2@example.com"],
        labels=["Friends", "VIP"])
    add(first_name="Bob")
    out = tmp_path / "g.csv"
    run_export(db, out, ExportOptions(preset="google", columns=["first_name", "email",
                                                                "emails", "labels"]))
    data = rows(out)
    assert data[0] == ["First Name", "E-mail 1 - Value", "E-mail 2 - Value", "Labels"]
    assert data[1] == ["Ann", "ann@example.com", "a2@example.com",
                       "* myContacts ::: Friends ::: VIP"]
    assert data[2] == ["Bob", "", "", "* myContacts"]


def test_labels_that_would_split_are_reported(db, add, tmp_path):
    add(first_name="Ann", labels=["a;b", "plain"])
    result = run_export(db, tmp_path / "c.csv", ExportOptions())
    assert result.labels_with_separators == ["a;b"]


@pytest.mark.parametrize("preset", ["hubdesk", "google"])
def test_the_database_writes_the_same_cells_as_python(db, people, add, preset):
    """The database prepares the cells (SQLite's and PostgreSQL's own SQL); export_cells
    does the same in Python (the check below). Both must give the same bytes."""
    with db.session() as s:
        create_contact(s, {"first_name": "Ann", "email": "ann@example.com"}, region="JP",
                       extra_emails=["b@example.com"], extra_phones=["03-1234-5678"],
                       labels=["x"])
        add_note(s, people[0], "=note\nsecond line")
    outputs = []
    for in_database in (True, False):
        out = io.BytesIO()
        with db.read_session() as s:
            columns = resolve_columns(s, [c.key for c in available_columns(s)], preset)
            writer = CsvWriter(out, columns, in_database=in_database, dialect=db.dialect,
                               labels_style=export_preset(preset).labels_style)
            writer.header()
            source = ContactRows(s, columns, ExportScope(), expression=writer.expression)
            for ids, batch in source.batches():
                writer.rows(ids, batch)
            writer.finish()
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert b"'=note" in outputs[0]


def test_unknown_encoding_and_utf16_are_refused(db, people, tmp_path):
    from hubdesk.core.io.export_columns import ExportError

    for name in ("klingon", "utf-16"):
        with pytest.raises(ExportError):
            run_export(db, tmp_path / "c.csv", ExportOptions(encoding=name))
    assert not (tmp_path / "c.csv").exists()


def test_rfc4180_reads_back_with_a_strict_reader(db, people, tmp_path):
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions())
    text = out.read_text(encoding="utf-8-sig")
    parsed = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    assert len(parsed) == 3 and len({len(r) for r in parsed}) == 1
