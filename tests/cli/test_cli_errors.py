"""When a command cannot do its job: exit status 2, a message on stderr, nothing written."""

from __future__ import annotations

import json

import pytest


def _contacts(hubdesk) -> int:
    result = hubdesk("stats", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["contacts"]


def test_a_bad_email_names_the_field_on_one_line_and_writes_nothing(hubdesk):
    result = hubdesk("add", "--first-name", "Ann", "--email", "nonsense")
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.strip().splitlines()
    assert "email" in line
    assert _contacts(hubdesk) == 0


def test_an_undefined_attribute_writes_nothing(hubdesk):
    result = hubdesk("add", "--first-name", "Ann", "--label", "vip", "--attr", "undefined_key=1")
    assert result.code == 2
    assert result.err.strip()
    assert "Traceback" not in result.err
    stats = json.loads(hubdesk("stats", "--json").out)
    assert (stats["contacts"], stats["labels"]) == (0, 0)


def test_an_attr_without_equals_sign_is_a_usage_error(hubdesk):
    result = hubdesk("add", "--first-name", "Ann", "--attr", "plan")
    assert result.code == 2
    assert "KEY=VALUE" in result.err


def test_show_of_a_missing_contact(hubdesk):
    hubdesk("add", "--first-name", "Ann")
    result = hubdesk("show", "999")
    assert result.code == 2
    assert "999" in result.err
    assert result.out == ""


@pytest.mark.parametrize("args", [("demo-data", "-5"), ("demo-data", "many"), ("show", "abc"),
                                  ("search", "x", "--limit", "-1"), ("frobnicate",)])
def test_bad_arguments_exit_2_with_usage(hubdesk, db_file, args):
    result = hubdesk(*args)
    assert result.code == 2
    assert "usage:" in result.err
    assert not db_file.exists()  # rejected before anything was opened


def test_backup_refuses_to_overwrite_an_existing_file(hubdesk, tmp_path):
    hubdesk("add", "--first-name", "Ann")
    out = tmp_path / "precious.db"
    out.write_bytes(b"keep me")
    result = hubdesk("backup", str(out))
    assert result.code == 2
    assert str(out.name) in result.err
    assert out.read_bytes() == b"keep me"


def test_a_database_in_a_folder_that_cannot_be_created(hubdesk, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a plain file where a folder would have to be")
    result = hubdesk("stats", db=blocker / "sub" / "contacts.db")
    assert result.code == 2
    assert "not-a-folder" in result.err
    assert "Traceback" not in result.err


def test_a_file_that_is_not_a_database(hubdesk, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 50)
    before = notes.read_bytes()
    result = hubdesk("stats", db=notes)
    assert result.code == 2
    assert "notes.txt" in result.err and "not a database" in result.err
    assert "Traceback" not in result.err
    assert notes.read_bytes() == before


def test_a_database_of_another_program_is_refused_and_left_as_it_was(hubdesk, tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = hubdesk("add", "--first-name", "Ann", db=other)
    assert result.code == 2
    assert "not a HubDesk database" in result.err
    assert other.read_bytes() == before
