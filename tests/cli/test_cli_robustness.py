"""The command line while others write, when its reader goes away, and on typos."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest

from hubdesk.core.db import BUSY_TIMEOUT_MS


@pytest.mark.sqlite_only(reason="another program holds the SQLite file's write lock")
def test_reading_commands_work_while_another_program_writes(hubdesk, db_file):
    hubdesk("demo-data", "5")
    writer = sqlite3.connect(db_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an import in another window holds the write lock
    try:
        start = time.monotonic()
        stats = hubdesk("stats", "--json")
        found = hubdesk("search", "--json", "example")
        assert time.monotonic() - start < BUSY_TIMEOUT_MS / 1000 / 2
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert stats.code == 0 and json.loads(stats.out)["contacts"] == 5
    assert found.code == 0


def test_a_closed_pipe_is_not_an_error(tmp_path):
    db = tmp_path / "c.db"
    subprocess.run([sys.executable, "-m", "hubdesk", "--db", str(db), "demo-data", "300"],
                   check=True, capture_output=True)
    shown = subprocess.run(
        f"'{sys.executable}' -m hubdesk --db '{db}' search --json | head -c 10",
        shell=True, capture_output=True, text=True, check=False)
    assert "Broken pipe" not in shown.stderr
    assert "Traceback" not in shown.stderr


def test_typos_in_db_create_nothing(hubdesk, tmp_path):
    missing = tmp_path / "nodir" / "x.db"
    result = hubdesk("stats", db=missing)
    assert result.code == 2 and "does not exist" in result.err
    assert not missing.parent.exists()
    empty = hubdesk("stats", db="")
    assert empty.code == 2 and "--db is empty" in empty.err
    folder = hubdesk("stats", db=tmp_path)
    assert folder.code == 2 and "is a folder" in folder.err


def test_unknown_region_is_refused_and_a_foreign_number_is_pointed_out(hubdesk):
    bad = hubdesk("add", "--first-name", "A", "--phone", "090-1234-5678", "--region", "XX")
    assert bad.code == 2 and "country code" in bad.err
    us = hubdesk("add", "--first-name", "A", "--phone", "090-1234-5678", "--region", "US")
    assert us.code == 0
    assert "not a valid number in US" in us.err and "--region" in us.err
    jp = hubdesk("add", "--first-name", "B", "--phone", "090-1234-5678", "--region", "JP")
    assert jp.code == 0 and jp.err == ""


@pytest.mark.sqlite_only(reason="a read-only SQLite file")
def test_a_read_only_database_gives_one_line_not_a_traceback(hubdesk, db_file):
    hubdesk("demo-data", "2")
    ro = f"sqlite:///file:{db_file}?mode=ro&uri=true"
    result = hubdesk("add", "--first-name", "X", db=ro)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
