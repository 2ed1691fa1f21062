"""merge, log-message and import-messages from the command line (DESIGN.md §5)."""

from __future__ import annotations

import json


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


def _add(hubdesk, *args):
    return _json(hubdesk("add", *args, "--json"))["id"]


def test_merge_keeps_both_emails_and_refuses_itself(hubdesk):
    a = _add(hubdesk, "--first-name", "太郎", "--last-name", "山田", "--email", "taro@a.jp",
             "--label", "VIP")
    b = _add(hubdesk, "--first-name", "Taro", "--last-name", "Yamada", "--email", "taro@b.jp",
             "--label", "lead")
    result = _json(hubdesk("merge", str(a), str(b), "--take", f"name={a}", "--json"))
    assert result["id"] == a and result["merged"] == [b]
    shown = _json(hubdesk("show", str(a), "--json"))
    assert shown["last_name"] == "山田"
    assert {shown["email"], *(e["email"] for e in shown["emails"])} == {"taro@a.jp",
                                                                       "taro@b.jp"}
    assert {lb["name"] for lb in shown["labels"]} == {"VIP", "lead"}
    assert hubdesk("show", str(b)).code == 2
    itself = hubdesk("merge", str(a), str(a))
    assert itself.code == 2 and "itself" in itself.err
    bad = hubdesk("merge", str(a), "999")
    assert bad.code == 2 and "no contact with id 999" in bad.err


def test_log_message_records_and_show_lists_it(hubdesk):
    cid = _add(hubdesk, "--first-name", "Ann", "--email", "ann@example.com")
    first = _json(hubdesk("log-message", "--contact", str(cid), "--channel", "email",
                          "--direction", "out", "--subject", "Hello", "--body", "Hi Ann",
                          "--json"))
    hubdesk("log-message", "--contact", str(cid), "--channel", "email", "--direction", "in",
            "--conversation", str(first["conversation"]), "--body", "Hi back")
    call = _json(hubdesk("log-message", "--contact", str(cid), "--channel", "phone",
                         "--direction", "out", "--body", "Talked", "--duration", "15",
                         "--outcome", "Reached", "--json"))
    shown = _json(hubdesk("show", str(cid), "--json"))
    convs = {c["id"]: c for c in shown["conversations"]}
    assert [m["body"] for m in convs[first["conversation"]]["messages"]] == ["Hi Ann",
                                                                            "Hi back"]
    logged = convs[call["conversation"]]["messages"][0]
    assert (logged["duration_minutes"], logged["outcome"]) == (15, "Reached")
    assert shown["last_activity_at"]
    missing = hubdesk("log-message", "--contact", "999", "--channel", "email",
                      "--direction", "out", "--body", "x")
    assert missing.code == 2
    bad = hubdesk("log-message", "--contact", str(cid), "--channel", "fax",
                  "--direction", "out", "--body", "x")
    assert bad.code == 2 and "channel" in bad.err


def test_import_messages_reports_unmatched_rows(hubdesk, tmp_path):
    _add(hubdesk, "--first-name", "Ann", "--email", "ann@example.com")
    path = tmp_path / "m.csv"
    path.write_text("email,direction,time,body\nANN@example.com,in,2026-01-02 10:00,hello\n"
                    "bob@example.com,in,2026-01-02 11:00,who?\n", encoding="utf-8")
    dry = _json(hubdesk("import-messages", str(path), "--dry-run", "--json"))
    assert (dry["imported"], dry["conversations"], dry["failed"]) == (1, 0, 1)
    done = _json(hubdesk("import-messages", str(path), "--json"))
    assert done["imported"] == 1 and done["errors"] == [
        {"row": 2, "message": "no contact with bob@example.com"}]
