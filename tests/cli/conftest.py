"""Run the command line in-process (fast) or as a real program (proves the entry point)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hubdesk.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "contacts.db"


@pytest.fixture
def cli_db(db_url: str, db_file: Path) -> Path | str:
    """What the tests pass to --db: the SQLite file by its path, as users type it, or the
    PostgreSQL URL in the [postgresql] runs."""
    return db_file if db_url.startswith("sqlite") else db_url


@pytest.fixture
def hubdesk(capsys, cli_db) -> Callable[..., Result]:
    """hubdesk("stats", "--json") runs `hubdesk --db <temp database> stats --json` in-process."""

    def run(*args: str, db: Path | str | None = cli_db) -> Result:
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        capsys.readouterr()
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --version, usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def hubdesk_process(tmp_path) -> Callable[..., Result]:
    """Runs `python -m hubdesk ARGS` with HUBDESK_DATABASE_URL set to `database`."""

    def run(*args: str, database: str) -> Result:
        env = {**os.environ, "HUBDESK_DATABASE_URL": database, "PYTHONIOENCODING": "utf-8",
               "QT_QPA_PLATFORM": "offscreen"}
        proc = subprocess.run(
            [sys.executable, "-m", "hubdesk", *args], env=env, cwd=tmp_path,
            capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run
