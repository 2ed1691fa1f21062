"""Every real contact file in ../shared/samples imports: nothing crashes, counts add up,
no replacement characters reach the database, Japanese names stay intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubdesk.core import contacts
from hubdesk.core.io.importer import ImportOptions, run_import
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.open_table import open_table
from hubdesk.core.query import ContactQuery, search_ids

SAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "samples"
FILES = sorted(p for p in SAMPLES.glob("*/*") if p.suffix in (".csv", ".vcf"))
NO_HEADER = {"mailnews__import__test__unit__resources__csv_no_header.csv",
             "mailnews__import__test__unit__resources__tab_comma_mixed.csv"}


def _import(db, path: Path):
    table = open_table(path, has_header=path.name not in NO_HEADER)
    result = run_import(db, table, guess_mapping(table.headers), ImportOptions(region="JP"))
    with db.read_session() as s:
        stored = [contacts.get_contact(s, i) for i in search_ids(s, ContactQuery())]
    return result, stored


@pytest.mark.skipif(not FILES, reason=f"no sample files at {SAMPLES}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_imports_cleanly(db, path):
    result, stored = _import(db, path)
    assert result.read == result.created + result.updated + result.skipped + result.failed
    assert result.created == len(stored)
    assert result.read >= 1
    text = repr(stored)
    assert "\ufffd" not in text


@pytest.mark.parametrize("name, family, given", [
    # The card itself puts the whole name in the family-name field: N:安藤ロイド;;;;
    ("android_vcard/v21_japanese_1.vcf", "安藤ロイド", ""),
    ("thunderbird/mailnews__import__test__unit__resources__shiftjis_addressbook.csv",
     "名無し", "権兵衛"),
])
def test_japanese_names_arrive_intact(db, samples, name, family, given):
    _, stored = _import(db, samples / name)
    assert any(c["last_name"] == family and c["first_name"] == given for c in stored), [
        (c["last_name"], c["first_name"]) for c in stored]


def test_the_chatwoot_sample_keeps_every_person(db, samples):
    result, stored = _import(db, samples / "chatwoot" / "spec__assets__contacts.csv")
    assert result.read == 25 and len(stored) + result.failed + result.skipped == 25 - (
        result.updated)
    assert {c["email"] for c in stored} >= {"cuzzell0@mozilla.org", "mcreegan1@cornell.edu"}


def test_a_japanese_reading_from_a_vcard_makes_the_contact_findable_by_kana(db, samples):
    _import(db, samples / "android_vcard" / "v21_japanese_1.vcf")
    with db.read_session() as s:
        assert len(search_ids(s, ContactQuery("アンドウ"))) == 1
        assert len(search_ids(s, ContactQuery("あんどう"))) == 1
