"""The command line contract of DESIGN.md §5: what each command prints when it succeeds."""

from __future__ import annotations

import json
from importlib.metadata import version

SHOW_KEYS = {"id", "first_name", "last_name", "email", "phone", "company", "last_activity_at",
             "emails", "phones", "labels", "attributes", "notes", "conversations"}
SEARCH_KEYS = {"id", "first_name", "last_name", "email", "phone", "company", "labels"}
STATS_KEYS = {"contacts", "labels", "conversations", "notes"}


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_version_prints_the_package_version(hubdesk):
    result = hubdesk("--version", db=None)
    assert result.code == 0
    assert version("hubdesk") in result.out


def test_add_json_prints_only_the_new_id(hubdesk):
    first = _json(hubdesk("add", "--first-name", "Ann", "--json"))
    second = _json(hubdesk("add", "--email", "bob@example.com", "--json"))
    assert list(first) == ["id"] and isinstance(first["id"], int)
    assert list(second) == ["id"] and second["id"] != first["id"]


def test_add_without_json_prints_the_id(hubdesk):
    result = hubdesk("add", "--company", "Acme")
    assert result.code == 0
    new_id = int(result.out.strip())
    assert _json(hubdesk("show", str(new_id), "--json"))["company"] == "Acme"


def test_show_json_has_the_documented_shape(hubdesk):
    added = _json(hubdesk("add", "--first-name", "太郎", "--last-name", "山田",
                          "--email", "taro@example.jp", "--phone", "090-1234-5678",
                          "--company", "株式会社ミライ", "--timezone", "Asia/Tokyo",
                          "--label", "VIP", "--label", "要フォロー", "--json"))
    contact = _json(hubdesk("show", str(added["id"]), "--json"))
    assert set(contact) >= SHOW_KEYS
    assert contact["id"] == added["id"]
    assert (contact["first_name"], contact["last_name"]) == ("太郎", "山田")
    assert contact["email"] == "taro@example.jp"
    assert contact["phone"] == "+819012345678"
    assert contact["company"] == "株式会社ミライ"
    assert contact["last_activity_at"] is None
    assert sorted(lb["name"] for lb in contact["labels"]) == ["VIP", "要フォロー"]
    for label in contact["labels"]:
        assert set(label) == {"name", "color"} and label["color"].startswith("#")
    assert contact["emails"] == [] and contact["phones"] == []
    assert contact["attributes"] == {} and contact["notes"] == []
    assert contact["conversations"] == []


def test_show_json_of_a_demo_contact_includes_its_conversations_and_messages(hubdesk):
    assert hubdesk("demo-data", "30", "--seed", "5").code == 0
    with_conversations = 0
    for contact_id in (r["id"] for r in _json(hubdesk("search", "--json"))):
        contact = _json(hubdesk("show", str(contact_id), "--json"))
        assert set(contact) >= SHOW_KEYS
        assert contact["attributes"]  # every demo contact has a plan and an account size
        for conversation in contact["conversations"]:
            with_conversations += 1
            assert conversation["messages"]
            assert {"direction", "body", "sent_at"} <= set(conversation["messages"][0])
            assert contact["last_activity_at"] >= conversation["last_message_at"]
    assert with_conversations > 0


def test_stats_json_counts(hubdesk):
    hubdesk("add", "--first-name", "Ann", "--label", "vip")
    figures = _json(hubdesk("stats", "--json"))
    assert set(figures) >= STATS_KEYS
    assert (figures["contacts"], figures["labels"], figures["conversations"],
            figures["notes"]) == (1, 1, 0, 0)


def test_search_json_finds_by_japanese_name_and_phone_notation(hubdesk):
    yamada = _json(hubdesk("add", "--first-name", "太郎", "--last-name", "山田",
                           "--phone", "090-1234-5678", "--label", "VIP", "--json"))["id"]
    hubdesk("add", "--first-name", "花子", "--last-name", "山本", "--phone", "080-2222-3333")
    for text in ("山田", "+81 90 1234 5678", "09012345678"):
        rows = _json(hubdesk("search", text, "--json"))
        assert [r["id"] for r in rows] == [yamada], text
    [row] = _json(hubdesk("search", "山田", "--json"))
    assert set(row) >= SEARCH_KEYS
    assert (row["first_name"], row["last_name"]) == ("太郎", "山田")
    assert row["phone"] == "+819012345678"
    assert row["labels"] == ["VIP"]
    assert _json(hubdesk("search", "鈴木", "--json")) == []


def test_search_limit(hubdesk):
    for name in ("Ann", "Bob", "Cy"):
        hubdesk("add", "--first-name", name, "--company", "Acme")
    assert len(_json(hubdesk("search", "acme", "--limit", "2", "--json"))) == 2
    assert len(_json(hubdesk("search", "acme", "--json"))) == 3


def test_search_text_output_lists_one_line_per_contact(hubdesk):
    hubdesk("add", "--first-name", "John", "--last-name", "Smith", "--email", "js@acme.com")
    result = hubdesk("search", "smith")
    assert result.code == 0
    [line] = result.out.splitlines()
    assert "John Smith" in line and "js@acme.com" in line


def test_demo_data_fills_labels_conversations_and_notes(hubdesk):
    result = hubdesk("demo-data", "50", "--seed", "3")
    assert result.code == 0
    figures = _json(hubdesk("stats", "--json"))
    assert figures["contacts"] == 50
    assert figures["labels"] > 0 and figures["conversations"] > 0 and figures["notes"] > 0
    assert len(_json(hubdesk("search", "--json"))) == 50


def test_backup_writes_a_database_with_the_same_counts(hubdesk, tmp_path):
    hubdesk("demo-data", "20", "--seed", "7")
    out = tmp_path / "saved" / "copy.db"
    out.parent.mkdir()
    result = hubdesk("backup", str(out))
    assert result.code == 0
    assert out.is_file()
    assert _json(hubdesk("stats", "--json", db=out)) == _json(hubdesk("stats", "--json"))


def test_backup_into_a_missing_folder_is_refused_and_creates_nothing(hubdesk, tmp_path):
    hubdesk("demo-data", "3")
    out = tmp_path / "typo" / "copy.db"
    result = hubdesk("backup", str(out))
    assert result.code == 2
    assert "does not exist" in result.err
    assert not out.parent.exists()
