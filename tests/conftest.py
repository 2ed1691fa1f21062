"""Shared fixtures: temporary databases only, and Qt warnings fail the test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Phones typed without a country code are read as Japanese in tests, whatever the machine's
# locale, so results do not depend on where CI runs.
os.environ.setdefault("HUBDESK_REGION", "JP")

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'contacts.db'}"


@pytest.fixture
def db(db_url: str) -> Iterator:
    from hubdesk.core.db import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"sample files not found at {SAMPLES} (../shared/samples beside the checkout)")
    return SAMPLES
