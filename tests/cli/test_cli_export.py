"""`hubdesk export` as DESIGN.md §5 describes it, and its round trip through `hubdesk import`."""

from __future__ import annotations

import csv
import json

import pytest


def _id(result) -> int:
    assert result.code == 0, result.err
    return json.loads(result.out)["id"]


@pytest.fixture
def people(hubdesk):
    ann = _id(hubdesk("add", "--first-name", "Ann", "--last-name", "Lee", "--email",
                      "ann@example.com", "--phone", "+14155550100", "--label", "vip", "--json"))
    taro = _id(hubdesk("add", "--first-name", "太郎", "--last-name", "山田", "--email",
                       "taro@example.jp", "--phone", "090-1234-5678", "--json"))
    return ann, taro


def read(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def test_export_prints_one_line(hubdesk, people, tmp_path):
    out = tmp_path / "all.csv"
    result = hubdesk("export", str(out))
    assert result.code == 0, result.err
    assert result.out.strip() == f"Exported 2 contacts to {out}"
    assert [r[1] for r in read(out)[1:]] == ["Lee", "山田"]


def test_export_json(hubdesk, people, tmp_path):
    out = tmp_path / "all.xlsx"
    data = json.loads(hubdesk("export", str(out), "--json", "--columns",
                              "first_name,email,labels").out)
    assert data == {"path": str(out), "exported": 2,
                    "columns": ["first_name", "email", "labels"]}
    assert out.exists()


def test_search_ids_columns_preset_and_options(hubdesk, people, tmp_path):
    ann, taro = people
    out = tmp_path / "s.csv"
    assert hubdesk("export", str(out), "--search", "山田", "--columns",
                   "last_name,phone").code == 0
    assert read(out) == [["Last name", "Phone"], ["山田", "'+819012345678"]]
    assert hubdesk("export", str(out), "--ids", f"{taro},{ann}", "--columns", "first_name",
                   "--no-neutralize", "--encoding", "utf-8").code == 0
    assert read(out, "utf-8") == [["First name"], ["太郎"], ["Ann"]]
    assert hubdesk("export", str(out), "--preset", "google", "--columns",
                   "first_name,phone").code == 0
    assert read(out)[0] == ["First Name", "Phone 1 - Value"]
    vcf = tmp_path / "c.vcf"
    assert hubdesk("export", str(vcf), "--vcard-version", "4.0").code == 0
    assert b"VERSION:4.0\r\n" in vcf.read_bytes()


def test_cp932_needs_permission_to_replace(hubdesk, tmp_path):
    hubdesk("add", "--last-name", "𠮷野")
    out = tmp_path / "jp.csv"
    refused = hubdesk("export", str(out), "--encoding", "cp932")
    assert refused.code == 2 and "𠮷" in refused.err and "Traceback" not in refused.err
    assert len(refused.err.strip().splitlines()) == 1 and not out.exists()
    allowed = hubdesk("export", str(out), "--encoding", "cp932", "--replace-unrepresentable")
    assert allowed.code == 0 and "written as ?" in allowed.err
    assert read(out, "cp932")[1][1] == "?野"


@pytest.mark.parametrize("args, message", [
    (["--columns", "first_name,nope"], "unknown column 'nope'"),
    (["--preset", "outlook"], "unknown preset"),
    (["--encoding", "klingon"], "unknown encoding"),
    (["--ids", "1,x"], "not a contact id"),
])
def test_bad_arguments_exit_2_and_write_nothing(hubdesk, people, tmp_path, args, message):
    out = tmp_path / "x.csv"
    result = hubdesk("export", str(out), *args)
    assert result.code == 2 and message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not out.exists()


def test_bad_targets_exit_2(hubdesk, people, tmp_path):
    for target, message in ((tmp_path / "x.txt", ".csv, .xlsx or .vcf"),
                            (tmp_path / "no" / "x.csv", "does not exist")):
        result = hubdesk("export", str(target))
        assert result.code == 2 and message in result.err
    encoding_for_xlsx = hubdesk("export", str(tmp_path / "x.xlsx"), "--encoding", "cp932")
    assert encoding_for_xlsx.code == 2 and "CSV files only" in encoding_for_xlsx.err


def test_a_bad_extension_does_not_create_the_database(hubdesk, tmp_path):
    db = tmp_path / "new.db"
    result = hubdesk("export", str(tmp_path / "x.txt"), db=db)
    assert result.code == 2 and not db.exists()


def test_search_and_ids_together_are_a_usage_error(hubdesk, people, tmp_path):
    result = hubdesk("export", str(tmp_path / "x.csv"), "--search", "a", "--ids", "1")
    assert result.code == 2 and "not allowed with" in result.err


@pytest.mark.parametrize("name", ["back.csv", "back.xlsx", "back.vcf"])
def test_export_then_import_into_an_empty_database(hubdesk, people, tmp_path, name):
    out = tmp_path / name
    assert hubdesk("export", str(out)).code == 0
    fresh = tmp_path / "fresh.db"
    imported = hubdesk("import", str(out), "--json", db=fresh)
    assert imported.code == 0, imported.err
    assert json.loads(imported.out)["created"] == 2
    found = json.loads(hubdesk("search", "--json", db=fresh).out)
    before = json.loads(hubdesk("search", "--json").out)
    keys = ("first_name", "last_name", "email", "phone", "labels")
    assert sorted([c[k] for k in keys] for c in found) == sorted(
        [c[k] for k in keys] for c in before)
