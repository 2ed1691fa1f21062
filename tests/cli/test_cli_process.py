"""`python -m hubdesk` as a real program, finding its database through HUBDESK_DATABASE_URL."""

from __future__ import annotations

import json
from importlib.metadata import version


def test_version_from_the_entry_point(hubdesk_process, tmp_path):
    result = hubdesk_process("--version", database=str(tmp_path / "unused.db"))
    assert result.code == 0
    assert version("hubdesk") in result.out
    assert not (tmp_path / "unused.db").exists()


def test_the_environment_variable_chooses_the_database(hubdesk_process, tmp_path):
    path = tmp_path / "from-env.db"
    added = hubdesk_process("add", "--first-name", "太郎", "--last-name", "山田",
                            "--phone", "０９０－１２３４－５６７８", "--json", database=str(path))
    assert added.code == 0, added.err
    new_id = json.loads(added.out)["id"]
    assert path.is_file()

    # The same file as a SQLAlchemy URL.
    found = hubdesk_process("search", "山田", "--json", database=f"sqlite:///{path}")
    assert found.code == 0, found.err
    [row] = json.loads(found.out)
    assert row["id"] == new_id
    assert row["phone"] == "+819012345678"


def test_a_refused_command_exits_2_without_a_traceback(hubdesk_process, tmp_path):
    result = hubdesk_process("add", "--email", "nonsense", database=str(tmp_path / "c.db"))
    assert result.code == 2
    assert "email" in result.err
    assert "Traceback" not in result.err
    stats = hubdesk_process("stats", "--json", database=str(tmp_path / "c.db"))
    assert json.loads(stats.out)["contacts"] == 0
