"""The import engine end to end: counts add up, duplicates follow the policy, nothing a row
said is lost, a dry run writes nothing, and an import can be undone exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubdesk.core import attributes as attrs
from hubdesk.core import contacts
from hubdesk.core.io.importer import ImportOptions, run_import, undo_import
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.rejected import write_rejected
from hubdesk.core.io.table import ImportFileError
from hubdesk.core.query import ContactQuery, search_ids


def write(tmp_path: Path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def do_import(db, path: Path, **options):
    table = open_table(path)
    with db.read_session() as s:
        defs = attrs.list_attributes(s)
    mapping = guess_mapping(table.headers, attributes=defs)
    return run_import(db, table, mapping, ImportOptions(**options))


def everyone(db) -> list[dict]:
    with db.read_session() as s:
        return [contacts.get_contact(s, i) for i in search_ids(s, ContactQuery())]


CSV = (
    "First Name,Last Name,E-mail Address,Mobile Phone,Company,Categories,Notes\n"
    "太郎,山田,taro@example.jp,090-1234-5678,株式会社テスト,VIP;顧客,初回の打ち合わせ\n"
    "John,Smith,john@example.com,+1 415 555 0100,Acme,,\n"
    ",,,,,,only a note\n"
    "Ann,Lee,ANN@example.com ,,Lee Co,,\n"
)


def test_counts_add_up_and_match_what_the_database_holds(db, tmp_path):
    result = do_import(db, write(tmp_path, CSV), region="JP")
    assert (result.read, result.created, result.updated, result.skipped, result.failed) == (
        4, 3, 0, 0, 1)
    assert result.read == result.created + result.updated + result.skipped + result.failed
    people = {c["email"]: c for c in everyone(db)}
    assert len(people) == 3
    taro = people["taro@example.jp"]
    assert (taro["last_name"], taro["first_name"], taro["phone"]) == ("山田", "太郎",
                                                                       "+819012345678")
    assert sorted(lb["name"] for lb in taro["labels"]) == ["VIP", "顧客"]
    assert [n["body"] for n in taro["notes"]] == ["初回の打ち合わせ"]
    [error] = result.errors
    assert (error.row, error.line) == (3, 4) and "identifies" in error.message


def test_update_never_overwrites_with_blanks_and_duplicates_match_any_case(db, tmp_path):
    do_import(db, write(tmp_path, CSV), region="JP")
    again = ("First Name,Last Name,E-mail Address,Company,Job Title\n"
             "Ann,,ann@EXAMPLE.com,,Director\n")
    result = do_import(db, write(tmp_path, again, "again.csv"), region="JP")
    assert (result.created, result.updated) == (0, 1)
    ann = next(c for c in everyone(db) if c["first_name"] == "Ann")
    assert (ann["last_name"], ann["company"], ann["job_title"]) == ("Lee", "Lee Co", "Director")


def test_fill_empty_only_keeps_what_is_there(db, tmp_path):
    do_import(db, write(tmp_path, CSV), region="JP")
    again = "E-mail Address,Company,Job Title\njohn@example.com,Other Inc,CTO\n"
    do_import(db, write(tmp_path, again, "again.csv"), fill_empty_only=True)
    john = next(c for c in everyone(db) if c["first_name"] == "John")
    assert (john["company"], john["job_title"]) == ("Acme", "CTO")


@pytest.mark.parametrize("policy, created, updated, skipped", [
    ("update", 1, 1, 0), ("skip", 1, 0, 1), ("create", 2, 0, 0)])
def test_duplicates_inside_the_file_follow_the_policy(db, tmp_path, policy, created, updated,
                                                      skipped):
    text = ("Name,Mobile Phone,E-mail Address\n"
            "Hanako Hayashi,03-1234-5678,\n"
            "Hanako H.,(03) 1234 5678,hanako@example.jp\n")
    result = do_import(db, write(tmp_path, text), region="JP", on_duplicate=policy)
    assert (result.created, result.updated, result.skipped) == (created, updated, skipped)
    assert len(everyone(db)) == created


def test_reimporting_with_skip_creates_nothing(db, tmp_path):
    path = write(tmp_path, CSV)
    do_import(db, path, region="JP")
    result = do_import(db, path, region="JP", on_duplicate="skip")
    assert (result.created, result.skipped, result.failed) == (0, 3, 1)
    assert len(everyone(db)) == 3


def test_questionable_values_are_kept_and_flagged_or_rejected_on_request(db, tmp_path):
    text = "First Name,E-mail Address,Mobile Phone\nBad,not-an-email,12-ab\n"
    kept = do_import(db, write(tmp_path, text), region="JP")
    assert (kept.created, len(kept.warnings)) == (1, 1)
    [bad] = everyone(db)
    assert bad["email"] == "not-an-email" and bad["phone"] == "12-ab"
    assert {p["field"] for p in bad["problems"]} >= {"email", "phone"}
    rejected = do_import(db, write(tmp_path, text.replace("Bad", "Worse"), "b.csv"),
                         region="JP", skip_questionable=True, on_duplicate="create")
    assert (rejected.created, rejected.failed) == (0, 1)
    assert "email" in rejected.errors[0].message


def test_a_dry_run_writes_nothing(db, tmp_path):
    result = do_import(db, write(tmp_path, CSV), region="JP", dry_run=True)
    assert (result.read, result.created, result.failed, result.job_id) == (4, 3, 1, None)
    with db.read_session() as s:
        assert contacts.stats(s)["contacts"] == 0
        assert contacts.stats(s)["labels"] == 0


def test_undo_import_removes_what_it_created_and_restores_what_it_updated(db, tmp_path):
    with db.session() as s:
        attrs.define_attribute(s, "plan", "Plan", "list", ["free", "pro"])
        kept = contacts.create_contact(s, {"first_name": "Ann", "last_name": "Lee",
                                           "email": "ann@example.com"},
                                       labels=["old"], attributes={"plan": "free"})
    before = everyone(db)
    text = ("First Name,E-mail Address,Company,Plan,Categories,Notes\n"
            "Annie,ann@example.com,New Co,pro,new,imported note\n"
            "Zed,zed@example.com,Zed Co,free,,\n")
    result = do_import(db, write(tmp_path, text))
    assert (result.created, result.updated) == (1, 1)
    changed = next(c for c in everyone(db) if c["id"] == kept)
    assert changed["first_name"] == "Annie" and changed["attributes"]["plan"] == "pro"
    assert undo_import(db, result.job_id) == 2
    after = everyone(db)
    strip = ("updated_at", "version")
    assert [{k: v for k, v in c.items() if k not in strip} for c in after] == [
        {k: v for k, v in c.items() if k not in strip} for c in before]


def test_a_cancelled_import_keeps_whole_batches_and_can_be_undone(db, tmp_path):
    rows = "".join(f"Person{i},p{i}@example.com\n" for i in range(50))
    path = write(tmp_path, "First Name,E-mail Address\n" + rows)
    table = open_table(path)
    result = run_import(db, table, guess_mapping(table.headers),
                        ImportOptions(batch_size=20), cancelled=lambda: True)
    assert result.cancelled and result.created == 20 and result.read == 20
    assert len(everyone(db)) == 20
    undo_import(db, result.job_id)
    assert everyone(db) == []


def test_an_undecodable_byte_stops_the_import_before_anything_is_written(db, tmp_path):
    good = "First Name,E-mail Address\n" + "".join(f"P{i},p{i}@example.com\n"
                                                    for i in range(3000))
    path = tmp_path / "broken.csv"
    path.write_bytes(good.encode("utf-8") + b"Bad\xff,bad@example.com\n")
    with pytest.raises(ImportFileError, match="line 3002"):
        do_import(db, path)
    assert everyone(db) == []


def test_new_custom_attributes_are_created_from_columns(db, tmp_path):
    from hubdesk.core.io.draft import NEW_ATTRIBUTE, ColumnMapping

    text = "name,email,loyalty tier\nAnn Lee,ann@example.com,gold\n"
    table = open_table(write(tmp_path, text))
    mapping = [m if m.header != "loyalty tier" else ColumnMapping(m.header, NEW_ATTRIBUTE)
               for m in guess_mapping(table.headers)]
    run_import(db, table, mapping, ImportOptions())
    [ann] = everyone(db)
    assert ann["attributes"] == {"loyalty_tier": "gold"}


def test_rejected_rows_file_has_the_original_columns_and_the_reason(db, tmp_path):
    result = do_import(db, write(tmp_path, CSV), region="JP")
    out = write_rejected(tmp_path / "rejected.csv", open_table(tmp_path / "in.csv").headers,
                         result.errors)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith(",errors")
    assert "only a note" in lines[1] and "row 3 (line 4)" in lines[1]


def test_job_records_the_counts(db, tmp_path):
    from hubdesk.core.models import ImportJob

    result = do_import(db, write(tmp_path, CSV), region="JP")
    with db.read_session() as s:
        job = s.get(ImportJob, result.job_id)
        assert (job.status, job.rows_read, job.rows_created, job.rows_failed) == (
            "done", 4, 3, 1)
        assert json.loads(job.options)["region"] == "JP"


def test_a_remembered_mapping_forgets_custom_attributes_deleted_since(db, tmp_path):
    from hubdesk.core.io.draft import IGNORE, NEW_ATTRIBUTE, ColumnMapping
    from hubdesk.core.io.templates import remembered_mapping

    text = "name,email,tier\nAnn Lee,ann@example.com,gold\n"
    table = open_table(write(tmp_path, text))
    mapping = [m if m.header != "tier" else ColumnMapping("tier", NEW_ATTRIBUTE)
               for m in guess_mapping(table.headers)]
    result = run_import(db, table, mapping, ImportOptions())
    with db.read_session() as s:
        job, remembered = remembered_mapping(s, table.headers)
    assert job == result.job_id
    assert [m.target for m in remembered][-1] == "attr:tier"
    with db.session() as s:
        [tier] = [d for d in attrs.list_attributes(s) if d.key == "tier"]
        attrs.delete_attribute(s, tier.id)
    with db.read_session() as s:
        _, remembered = remembered_mapping(s, table.headers)
    assert [m.target for m in remembered][-1] == IGNORE
