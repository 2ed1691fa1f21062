"""Fixtures for the reliability suite: demo databases built once, and figures printed at the
end of the run (docs/reliability.md quotes them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIGURES: list[str] = []


@pytest.fixture
def figure() -> Callable[[str], None]:
    """figure("kill import: 50 runs in 92 s …") shows the line in the run's summary."""
    return FIGURES.append


def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


def make_demo_db(path: Path, contacts: int, seed: int = 5) -> Path:
    """A HubDesk database with realistic contacts, labels, attributes, notes, conversations;
    closed cleanly, so the file alone (no -wal) is the whole database and can be copied."""
    from hubdesk.core.db import bulk_writes, open_database
    from hubdesk.core.demo import add_demo_contacts

    db = open_database(f"sqlite:///{path}")
    try:
        with db.session() as s, bulk_writes(s):
            add_demo_contacts(s, contacts, seed=seed)
    finally:
        db.dispose()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture(scope="session")
def demo_3000(tmp_path_factory) -> Path:
    return make_demo_db(tmp_path_factory.mktemp("demo") / "demo-3000.db", 3000)
