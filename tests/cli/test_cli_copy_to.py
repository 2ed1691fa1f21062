"""`hubdesk copy-to URL`: the whole database into another, empty one, with counts checked;
refusals exit 2 and leave the target as it was; a password in the URL is never printed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import make_url


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path) -> str:
    """Where to copy to: a new SQLite file by its path, or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "copy" / "team.db")
    return request.getfixturevalue("postgres_url")


def test_a_local_database_is_copied_and_the_copy_answers_the_same(hubdesk, db_file, target):
    (db_file.parent / "copy").mkdir(exist_ok=True)
    hubdesk("demo-data", "40", "--seed", "5", db=db_file)
    done = _json(hubdesk("copy-to", target, "--json", db=db_file))
    assert done["contacts"] == 40 and done["tables"]["contacts"] == 40
    assert done["rows"] == sum(done["tables"].values())
    for args in (("stats", "--json"), ("search", "山田", "--json"), ("search", "+81", "--json"),
                 ("search", "--where", "label:vip", "--json")):
        assert _json(hubdesk(*args, db=target)) == _json(hubdesk(*args, db=db_file)), args
    again = hubdesk("copy-to", target, db=db_file)  # the target holds data now
    assert again.code == 2 and "already holds data" in again.err
    assert _json(hubdesk("stats", "--json", db=target))["contacts"] == 40


def test_the_text_summary_names_the_target_without_its_password(hubdesk, db_file,
                                                                postgres_url):
    hubdesk("add", "--first-name", "Ann", db=db_file)
    url = make_url(postgres_url).set(password="s3cret-pw")  # trust auth ignores it
    result = hubdesk("copy-to", url.render_as_string(hide_password=False), db=db_file)
    assert result.code == 0, result.err
    assert "Copied 1 contacts" in result.out and "every table's row count matches" in result.out
    assert "s3cret-pw" not in result.out + result.err
    assert "***" in result.out


def test_a_failed_copy_to_a_new_file_leaves_no_file(hubdesk, db_file, tmp_path):
    hubdesk("add", "--first-name", "Ann", db=db_file)
    missing = tmp_path / "nowhere" / "copy.db"
    result = hubdesk("copy-to", str(missing), db=db_file)
    assert result.code == 2 and "does not exist" in result.err
    assert not missing.parent.exists()


def test_copying_onto_itself_is_refused(hubdesk, db_file):
    hubdesk("add", "--first-name", "Ann", db=db_file)
    result = hubdesk("copy-to", str(db_file), db=db_file)
    assert result.code == 2 and "the target is the database being copied" in result.err


def test_a_team_database_copies_back_to_a_local_file(hubdesk, postgres_url, tmp_path):
    hubdesk("demo-data", "15", db=postgres_url)
    local = tmp_path / "mine.db"
    done = _json(hubdesk("copy-to", str(local), "--json", db=postgres_url))
    assert done["contacts"] == 15 and local.is_file()
    assert _json(hubdesk("stats", "--json", db=local)) == _json(
        hubdesk("stats", "--json", db=postgres_url))
