"""`hubdesk import` as DESIGN.md §5 describes it."""

from __future__ import annotations

import json


def test_import_json_counts_and_errors(hubdesk, tmp_path):
    src = tmp_path / "people.csv"
    src.write_text("First Name,Last Name,E-mail Address\nAnn,Lee,ann@example.com\n,,\n"
                   "Bob,,bob@example.com\n,,,extra\n", encoding="utf-8")
    result = hubdesk("import", str(src), "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert set(data) == {"read", "created", "updated", "skipped", "failed", "errors"}
    assert (data["read"], data["created"], data["failed"]) == (3, 2, 1)
    assert data["errors"][0]["row"] == 3 and "message" in data["errors"][0]


def test_dry_run_writes_nothing_and_errors_file_is_written(hubdesk, tmp_path):
    src = tmp_path / "p.csv"
    src.write_text("Name,Email,Notes\nAnn Lee,ann@example.com,\n,,just a note\n",
                   encoding="utf-8")
    errors = tmp_path / "rejected.csv"
    result = hubdesk("import", str(src), "--dry-run", "--errors", str(errors), "--json")
    assert json.loads(result.out)["created"] == 1
    assert json.loads(hubdesk("stats", "--json").out)["contacts"] == 0
    assert "errors" in errors.read_text(encoding="utf-8-sig").splitlines()[0]


def test_cp932_file_is_read_and_the_encoding_named(hubdesk, tmp_path):
    src = tmp_path / "jp.csv"
    src.write_bytes("姓,名,電子メール アドレス\n山田,太郎,taro@example.jp\n".encode("cp932"))
    result = hubdesk("import", str(src), "--map", "姓=last_name", "--map", "名=first_name",
                     "--map", "電子メール アドレス=email")
    assert result.code == 0
    assert "cp932" in result.err
    found = json.loads(hubdesk("search", "山田", "--json").out)
    assert [(c["last_name"], c["first_name"]) for c in found] == [("山田", "太郎")]


def test_label_region_and_policy_options(hubdesk, tmp_path):
    src = tmp_path / "p.csv"
    src.write_text("Name,Mobile Phone\nHanako Hayashi,03-1234-5678\n", encoding="utf-8")
    hubdesk("import", str(src), "--region", "JP", "--label", "trade show")
    again = hubdesk("import", str(src), "--region", "JP", "--on-duplicate", "skip",
                    "--match", "phone", "--json")
    assert json.loads(again.out)["skipped"] == 1
    [person] = json.loads(hubdesk("search", "hayashi", "--json").out)
    assert person["phone"] == "+81312345678" and person["labels"] == ["trade show"]


def test_bad_input_exits_2_and_writes_nothing(hubdesk, tmp_path):
    missing = hubdesk("import", str(tmp_path / "nope.csv"))
    assert missing.code == 2 and "Traceback" not in missing.err
    src = tmp_path / "p.csv"
    src.write_text("Name\nAnn\n", encoding="utf-8")
    bad_map = hubdesk("import", str(src), "--map", "Nope=email")
    assert bad_map.code == 2 and "no column" in bad_map.err
    bad_match = hubdesk("import", str(src), "--match", "fax")
    assert bad_match.code == 2
    assert json.loads(hubdesk("stats", "--json").out)["contacts"] == 0


def test_undo_import(hubdesk, tmp_path):
    src = tmp_path / "p.csv"
    src.write_text("Name,Email\nAnn Lee,ann@example.com\n", encoding="utf-8")
    hubdesk("import", str(src))
    assert json.loads(hubdesk("stats", "--json").out)["contacts"] == 1
    assert hubdesk("undo-import", "1").code == 0
    assert json.loads(hubdesk("stats", "--json").out)["contacts"] == 0
    assert hubdesk("undo-import", "1").code == 2
