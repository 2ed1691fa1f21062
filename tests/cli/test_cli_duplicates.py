"""`hubdesk duplicates [--json]` (DESIGN.md §5): groups {"ids", "reason", "confidence"}, most
likely first; text output lists each group's contacts."""

from __future__ import annotations

import json


def _id(hubdesk, *args: str) -> int:
    result = hubdesk("add", *args, "--region", "JP", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["id"]


def _groups(hubdesk) -> list[dict]:
    result = hubdesk("duplicates", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_json_is_a_list_of_groups_with_the_documented_shape(hubdesk):
    a = _id(hubdesk, "--first-name", "Foo", "--last-name", "Bar",
            "--email", "Foo.Bar+x@gmail.com")
    b = _id(hubdesk, "--first-name", "F", "--last-name", "B", "--email", "foobar@googlemail.com")
    c = _id(hubdesk, "--first-name", "太郎", "--last-name", "山田", "--phone", "090-1234-5678")
    d = _id(hubdesk, "--first-name", "Taro", "--phone", "+81 90 1234 5678")
    _id(hubdesk, "--first-name", "Alone", "--email", "alone@example.jp")
    groups = _groups(hubdesk)
    assert [g["ids"] for g in groups] == [[a, b], [c, d]]
    for g in groups:
        assert {"ids", "reason", "confidence"} <= set(g)
        assert isinstance(g["reason"], str) and g["reason"]
        assert 0 <= g["confidence"] <= 1
    assert groups[0]["reason"] == "same email foobar@gmail.com"
    assert groups[1]["reason"] == "same phone +819012345678"
    assert groups[0]["confidence"] > groups[1]["confidence"]


def test_no_duplicates_is_an_empty_list(hubdesk):
    _id(hubdesk, "--first-name", "Ann", "--email", "ann@example.jp")
    assert _groups(hubdesk) == []


def test_text_lists_confidence_reason_and_each_contact(hubdesk):
    a = _id(hubdesk, "--first-name", "ＴＡＲＯ", "--last-name", "ＹＡＭＡＤＡ",
            "--company", "Acme", "--email", "taro@acme.example")
    b = _id(hubdesk, "--first-name", "taro", "--last-name", "yamada", "--company", "ACME",
            "--phone", "03-1234-5678")
    result = hubdesk("duplicates")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == " 85 %  same name and company"
    assert lines[1].split()[:3] == [str(a), "ＴＡＲＯ", "ＹＡＭＡＤＡ"]
    assert "taro@acme.example" in lines[1] and "Acme" in lines[1]
    assert lines[2].split()[:3] == [str(b), "taro", "yamada"]
    assert "+81 3-1234-5678" in lines[2]
    assert "1 group of likely duplicates" in result.err


def test_marked_pairs_are_not_listed(hubdesk, db_url):
    from hubdesk.core.db import open_database
    from hubdesk.core.duplicates import mark_not_duplicates

    a = _id(hubdesk, "--first-name", "A", "--email", "same@example.jp")
    b = _id(hubdesk, "--first-name", "B", "--email", "same@example.jp")
    db = open_database(db_url)
    try:
        with db.session() as s:
            mark_not_duplicates(s, [a, b])
    finally:
        db.dispose()
    assert _groups(hubdesk) == []


def test_a_database_that_cannot_be_opened_exits_2(hubdesk, tmp_path):
    result = hubdesk("duplicates", "--json", db=tmp_path / "missing" / "contacts.db")
    assert result.code == 2
    assert "does not exist" in result.err
    assert result.out == ""
