"""The key proof of the exporters: export, import the file into an empty database with
HubDesk's own importer (auto-detected mapping), and the contacts come back the same — names,
readings, emails, phones, labels, custom attributes, additional emails and phones — for CSV,
XLSX and vCard, whatever text the contacts hold (Japanese, quotes, delimiters, line breaks,
text that looks like a formula)."""

from __future__ import annotations

import io
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from hubdesk.core import attributes as attrs
from hubdesk.core.contacts import CONTACT_FIELDS, create_contact, get_contact
from hubdesk.core.db import Database, open_database
from hubdesk.core.io.export_columns import available_columns, resolve_columns
from hubdesk.core.io.export_csv import CsvWriter
from hubdesk.core.io.export_rows import ContactRows, ExportScope
from hubdesk.core.io.exporter import ExportOptions, run_export
from hubdesk.core.io.importer import ImportOptions, run_import
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.row_draft import clean_cell
from hubdesk.core.models import Contact

# Attributes of every type; "Memo text" reads as a note column to the importer, so its
# column is headed X-HUBDESK-MEMO-TEXT — that path is exercised too.
ATTRIBUTES = [
    ("remark", "Remark", "text", None),
    ("memo_text", "Memo text", "text", None),
    ("seats", "Seats", "number", None),
    ("spend", "Spend", "currency", None),
    ("share", "Share", "percent", None),
    ("renewal", "Renewal", "date", None),
    ("beta", "Beta", "checkbox", None),
    ("tier", "Tier", "list", ["free", "pro", "=SUM(A1)", "日本語", "a,b; c"]),
    ("homepage", "Homepage", "link", None),
]
FORMULA_LIKE = ["=1+1", "+81 runs", "-minus", "@home", "'=quoted", "''double", "'plain",
                "=HYPERLINK(\"http://x\")", "#N/A"]


def define_attributes(db: Database) -> None:
    with db.session() as s:
        for key, label, type_, options in ATTRIBUTES:
            attrs.define_attribute(s, key, label, type_, options)


def snapshot(db: Database) -> list[dict]:
    """Every live contact, in id order, as the comparison sees it."""
    out = []
    with db.read_session() as s:
        ids = s.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))
                        .order_by(Contact.id))
        for cid in list(ids):
            c = get_contact(s, cid)
            out.append({
                **{k: c[k] for k in CONTACT_FIELDS},
                "emails": [e["email"] for e in c["emails"]],
                "phones": [(p["phone"], p["valid"]) for p in c["phones"]],
                "labels": sorted(lb["name"] for lb in c["labels"]),
                "attributes": c["attributes"],
            })
    return out


def reimport(path: Path, folder: Path) -> Database:
    """The file imported into a new database that has the same attribute definitions."""
    db = open_database(f"sqlite:///{folder / 'again.db'}")
    define_attributes(db)
    table = open_table(path)
    with db.read_session() as s:
        definitions = attrs.list_attributes(s)
    mapping = guess_mapping(table.headers, attributes=definitions)
    result = run_import(db, table, mapping, ImportOptions(on_duplicate="create", region="JP"))
    assert result.failed == 0, [e.message for e in result.errors]
    return db


def one_line_breaks(data: list[dict]) -> list[dict]:
    """XLSX and vCard hold one kind of line break (LF)."""
    def fix(value):
        if isinstance(value, str):
            return value.replace("\r\n", "\n").replace("\r", "\n")
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        return value
    return [fix(c) for c in data]


# --- generated contacts ---------------------------------------------------------------

_TEXT_CHARS = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"),
    include_characters="'\",;=+-@\\:*#",
)
_JAPANESE = st.sampled_from(["山田", "太郎", "𠮷野", "髙橋", "ヤマダ", "やまだ", "ｶﾀｶﾅ", "〒", "①"])


def _clean(text: str) -> bool:
    # Outlook's "no value" placeholders and Google's " ::: " lists mean something else to
    # the importer in any file, whoever wrote it.
    return ":::" not in text and (clean_cell(text) == text or text.startswith("'"))


def one_line(max_size: int = 20, min_parts: int = 0):
    parts = st.one_of(st.text(_TEXT_CHARS, min_size=1, max_size=max_size), _JAPANESE,
                      st.sampled_from(FORMULA_LIKE))
    return st.lists(parts, min_size=min_parts, max_size=3).map(" ".join).map(
        str.strip).filter(lambda t: _clean(t) and (bool(t) or not min_parts))


multi_line = st.lists(
    st.one_of(one_line(min_parts=1), st.sampled_from(["\n", "\r\n", "\t", "\r"])),
    min_size=1, max_size=4).map("".join).map(str.strip).filter(
    lambda t: bool(t) and _clean(t))
emails = st.sampled_from(["ann@example.com", "=sum@example.com", "+tag@example.jp",
                          "o'neil@example.org", "-dash@example.net", "taro@例え.jp",
                          "'=x@example.com", "x.y@mail.example.co.jp"])
phones = st.sampled_from(["+819012345678", "090-2222-3333", "03-1234-5678", "+14155550100",
                          "12", "=123", "内線 45", "+44 20 7946 0958"])
# A label holding ; or , comes back as several (the importer splits on them): left out here,
# reported by the exporter (test_export_files).
labels = one_line(12, min_parts=1).map(lambda t: re.sub("[;,；，]", "", t).strip()).filter(
    lambda t: bool(t) and _clean(t) and not t.startswith("*")
    and t.casefold() not in ("mycontacts", "my contacts"))
attribute_values = st.fixed_dictionaries({}, optional={
    "remark": multi_line,
    "memo_text": one_line(min_parts=1),
    "seats": st.integers(-10**9, 10**9),
    "spend": st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300,
                       max_value=1e300),
    "share": st.floats(0, 100),
    "renewal": st.dates(date(1900, 3, 1), date(9999, 12, 31)),
    "beta": st.booleans(),
    "tier": st.sampled_from(["free", "pro", "=SUM(A1)", "日本語", "a,b; c"]),
    "homepage": st.sampled_from(["https://example.com/a?b=1&c=2", "http://例え.jp/パス"]),
})


@st.composite
def contact(draw) -> dict:
    fields = {
        "first_name": draw(one_line()), "last_name": draw(one_line()),
        "first_name_reading": draw(st.sampled_from(["", "タロウ", "たろう"])),
        "last_name_reading": draw(st.sampled_from(["", "ヤマダ"])),
        "company": draw(one_line()), "job_title": draw(one_line()),
        "address_street": draw(one_line()), "address_city": draw(one_line(10)),
        "address_region": draw(one_line(10)), "address_postal_code": draw(
            st.sampled_from(["", "100-0001", "02134", "=1"])),
        "address_country": draw(st.sampled_from(["", "JP", "日本", "US"])),
        "timezone": draw(st.sampled_from([None, "Asia/Tokyo", "America/New_York"])),
        "subscription_status": draw(st.sampled_from(["unknown", "subscribed",
                                                     "unsubscribed"])),
        "external_id": draw(st.one_of(st.none(), one_line(10, min_parts=1))),
    }
    mail = draw(st.lists(emails, max_size=3, unique_by=str.casefold))
    tel = draw(st.lists(phones, max_size=3,
                        unique_by=lambda p: "".join(c for c in p if c.isdigit() or c == "+")))
    fields["email"] = mail[0] if mail else None
    fields["phone"] = tel[0] if tel else None
    if not (fields["first_name"] or fields["last_name"] or fields["email"]):
        fields["last_name"] = "名無し"  # the importer needs a name, email or phone
    return {"fields": fields, "extra_emails": mail[1:], "extra_phones": tel[1:],
            "labels": draw(st.lists(labels, max_size=3)),
            "attributes": draw(attribute_values)}


def build(folder: Path, people: list[dict]) -> Database:
    db = open_database(f"sqlite:///{folder / 'source.db'}")
    define_attributes(db)
    with db.session() as s:
        for p in people:
            create_contact(s, p["fields"], region="JP", labels=p["labels"],
                           attributes=p["attributes"], extra_emails=p["extra_emails"],
                           extra_phones=p["extra_phones"])
    return db


def python_only_csv(db: Database, options: ExportOptions) -> bytes:
    """The CSV with every cell converted in Python (as on databases other than SQLite)."""
    out = io.BytesIO()
    with db.read_session() as s:
        columns = resolve_columns(s, options.columns, options.preset)
        writer = CsvWriter(out, columns, encoding=options.encoding, in_database=False,
                           neutralize=options.neutralize)
        writer.header()
        for ids, rows in ContactRows(s, columns, ExportScope(),
                                     expression=writer.expression).batches():
            writer.rows(ids, rows)
        writer.finish()
    return out.getvalue()


ROUND_TRIP = settings(max_examples=25, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow,
                                             HealthCheck.function_scoped_fixture])


def _round_trip(people: list[dict], name: str, options: ExportOptions) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = build(folder, people)
        again = None
        try:
            want = snapshot(source)
            result = run_export(source, folder / name, options)
            assert result.rows == len(people)
            if name.endswith(".csv"):
                assert (folder / name).read_bytes() == python_only_csv(source, options)
            again = reimport(folder / name, folder)
            got = snapshot(again)
            if not name.endswith(".csv"):
                want = one_line_breaks(want)
            if name.endswith(".vcf"):  # vCard has no property for the subscription
                for c in want:
                    c["subscription_status"] = "unknown"
            assert got == want
        finally:
            source.dispose()
            if again is not None:
                again.dispose()


@ROUND_TRIP
@given(people=st.lists(contact(), min_size=1, max_size=6),
       neutralize=st.booleans(), encoding=st.sampled_from(["utf-8-sig", "utf-8"]))
def test_csv_round_trip(people, neutralize, encoding):
    _round_trip(people, "out.csv", ExportOptions(neutralize=neutralize, encoding=encoding))


@ROUND_TRIP
@given(people=st.lists(contact(), min_size=1, max_size=6))
def test_xlsx_round_trip(people):
    _round_trip(people, "out.xlsx", ExportOptions())


@ROUND_TRIP
@given(people=st.lists(contact(), min_size=1, max_size=6),
       version=st.sampled_from(["3.0", "4.0"]))
def test_vcard_round_trip(people, version):
    _round_trip(people, "out.vcf", ExportOptions(vcard_version=version))


# --- presets --------------------------------------------------------------------------

JAPANESE = {"fields": {"first_name": "太郎", "last_name": "山田", "first_name_reading": "タロウ",
                       "last_name_reading": "ヤマダ", "email": "taro@example.jp",
                       "phone": "090-1234-5678", "company": "株式会社アオバ",
                       "job_title": "部長", "address_city": "渋谷区", "external_id": "A-1"},
            "extra_emails": ["yamada@example.com"], "extra_phones": ["03-1234-5678"],
            "labels": ["顧客", "VIP"], "attributes": {"seats": 12, "tier": "pro",
                                                    "memo_text": "=注意"}}
LATIN = {"fields": {"first_name": "Ann", "last_name": "O'Neil, Jr.", "email": "ann@example.com",
                    "phone": "+14155550100"},
         "extra_emails": [], "extra_phones": [], "labels": ["=calc"],
         "attributes": {"renewal": date(2030, 1, 31), "beta": True}}


@pytest.mark.parametrize("preset", ["hubdesk", "google", "chatwoot"])
@pytest.mark.parametrize("name", ["out.csv", "out.xlsx"])
def test_presets_round_trip_their_columns(tmp_path, preset, name):
    """Each preset's own columns come back through auto-detection."""
    source = build(tmp_path, [JAPANESE, LATIN])
    with source.read_session() as s:
        keys = [c.key for c in available_columns(s)]
    chatwoot = preset == "chatwoot"
    # Every column, headed the preset's way; Chatwoot files hold no labels or extras.
    columns = [k for k in keys if not (chatwoot and k in ("labels", "emails", "phones"))]
    columns = [k for k in columns if k != "notes"]
    run_export(source, tmp_path / name, ExportOptions(preset=preset, columns=columns))
    again = reimport(tmp_path / name, tmp_path)
    want, got = snapshot(source), snapshot(again)
    if chatwoot:
        for c in want:
            c["labels"], c["emails"], c["phones"] = [], [], []
    assert got == want
    source.dispose()
    again.dispose()


def test_default_google_and_chatwoot_files_are_detected_as_such(tmp_path):
    from hubdesk.core.io.mapping import detect_preset

    source = build(tmp_path, [JAPANESE])
    with source.read_session() as s:
        definitions = attrs.list_attributes(s)
    for preset, expected in (("google", "google"), ("chatwoot", "chatwoot")):
        path = tmp_path / f"{preset}.csv"
        run_export(source, path, ExportOptions(preset=preset))
        assert detect_preset(open_table(path).headers, definitions) == expected
    source.dispose()
