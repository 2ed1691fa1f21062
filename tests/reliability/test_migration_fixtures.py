"""Every released schema revision, as a database a user may still have
(tests/reliability/fixtures/schema-NNNN.sqlite, made by fixtures/build.py), opens in this
HubDesk: migrated to head, every row and value kept, searchable, and a backup of the old file
made."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hubdesk.core.contacts import get_contact
from hubdesk.core.db import current_revision, head_revision, open_database
from hubdesk.core.query import ContactQuery, search_ids
from tests.reliability import sqlite_state
from tests.reliability.fixtures.build import HERE, revisions

FIXTURES = sorted(HERE.glob("schema-*.sqlite"))
DERIVED = {"sort_name", "search_text", "search_grams"}  # recomputed by migrations on purpose


def _rows(path: Path) -> dict[str, list[dict]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in sqlite_state.tables(conn):
            if table == "alembic_version":
                continue
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2')
            names = [d[0] for d in cursor.description]
            out[table] = [{k: (v, type(v).__name__) for k, v in zip(names, row, strict=True)
                           if k not in DERIVED} for row in cursor]
        return out
    finally:
        conn.close()


def test_every_released_revision_has_a_fixture():
    released = revisions()[:-1]  # the head is not released until a newer one supersedes it
    have = {p.stem.removeprefix("schema-") for p in FIXTURES}
    assert set(released) <= have, "run: python -m tests.reliability.fixtures.build"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_database_from_an_old_revision_opens_with_everything_kept(fixture, tmp_path):
    path = tmp_path / "contacts.db"
    shutil.copyfile(fixture, path)
    before = _rows(path)
    assert before["contacts"], "the fixture holds data"

    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.read_session() as s:
            # The search index covers old rows: 3+ characters, and the short (2-kana) path.
            assert search_ids(s, ContactQuery(text="yamada@ex")) == [1]
            assert search_ids(s, ContactQuery(text="山田")) == [1]
            assert search_ids(s, ContactQuery(text="müller")) == [2]
            taro = get_contact(s, 1)
    finally:
        db.dispose()

    after = _rows(path)
    for table, rows in before.items():
        # Columns added later get their defaults; every value that was there is still there.
        kept = [{k: r[k] for k in rows[0]} for r in after[table]] if rows else after[table]
        assert kept == rows, table
    assert [lb["name"] for lb in taro["labels"]] == ["VIP"]
    assert taro["attributes"]["plan"] == "Pro" and taro["attributes"]["mrr"] == 1234.5
    assert taro["notes"] and taro["conversations"][0]["subject"] == "請求書について"
    assert sqlite_state.problems(path) == []
    revision = fixture.stem.removeprefix("schema-")
    backups = list(tmp_path.glob("contacts.db.before-*.bak"))
    assert len(backups) == (0 if revision == head_revision() else 1)
