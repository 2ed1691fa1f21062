"""What an export covers (all, a search, a selection — never the Trash), progress and cancel,
and files: written whole or not at all, an existing file replaced only by a finished one."""

from __future__ import annotations

import csv
import os

import pytest

from hubdesk.core.contacts import trash_contacts
from hubdesk.core.io.export_columns import ExportError
from hubdesk.core.io.export_rows import ExportScope
from hubdesk.core.io.exporter import ExportOptions, run_export
from hubdesk.core.query import ContactQuery, search_ids


def first_names(path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [row[0] for row in list(csv.reader(f))[1:]]


@pytest.fixture
def five(db, add):
    ids = [add(first_name=name, last_name=last, email=f"{name.lower()}@example.com")
           for name, last in (("Ann", "Lee"), ("Bob", "山田"), ("Cy", "Lee"), ("Di", "Ng"),
                              ("Ed", "Lee"))]
    with db.session() as s:
        trash_contacts(s, [ids[3]])
    return ids


ONLY_NAME = ExportOptions(columns=["first_name"])


def test_all_live_contacts_in_id_order_never_the_trash(db, five, tmp_path):
    result = run_export(db, tmp_path / "c.csv", ONLY_NAME)
    assert first_names(tmp_path / "c.csv") == ["Ann", "Bob", "Cy", "Ed"]
    assert result.rows == 4


def test_search_scope_is_exactly_the_search_in_its_order(db, five, tmp_path):
    query = ContactQuery(text="lee", sort="name", descending=True)
    with db.read_session() as s:
        expected = search_ids(s, query)
    out = tmp_path / "c.csv"
    run_export(db, out, ExportOptions(columns=["first_name"], batch_size=2),
               ExportScope(query=query))
    names = {i: n for i, n in zip(five, ["Ann", "Bob", "Cy", "Di", "Ed"], strict=True)}
    assert first_names(out) == [names[i] for i in expected] == ["Ed", "Cy", "Ann"]


def test_trash_query_is_refused(db, five, tmp_path):
    with pytest.raises(ExportError, match="Trash"):
        run_export(db, tmp_path / "c.csv", ONLY_NAME, ExportScope(query=ContactQuery(
            trash=True)))
    assert not (tmp_path / "c.csv").exists()


def test_selection_keeps_its_order_and_skips_trashed_and_unknown_ids(db, five, tmp_path):
    scope = ExportScope(ids=[five[4], five[3], 999, five[0], five[4]])
    result = run_export(db, tmp_path / "c.csv", ONLY_NAME, scope)
    assert first_names(tmp_path / "c.csv") == ["Ed", "Ann"] and result.rows == 2


def test_scattered_selection_across_batches(db, add, tmp_path):
    ids = [add(first_name=f"P{i}") for i in range(30)]
    chosen = ids[::7][::-1]  # not dense: read with IN lists, several batches
    run_export(db, tmp_path / "c.csv", ExportOptions(columns=["first_name", "labels"],
                                                     batch_size=2), ExportScope(ids=chosen))
    assert first_names(tmp_path / "c.csv") == [f"P{ids.index(i)}" for i in chosen]


def test_progress_reports_done_and_total(db, add, tmp_path):
    for i in range(5):
        add(first_name=f"P{i}")
    seen = []
    run_export(db, tmp_path / "c.csv", ExportOptions(columns=["first_name"], batch_size=2),
               progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]


@pytest.mark.parametrize("name", ["c.csv", "c.xlsx", "c.vcf"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(db, add, tmp_path, name):
    for i in range(5):
        add(first_name=f"P{i}")
    out = tmp_path / name
    out.write_bytes(b"the previous export")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    result = run_export(db, out, ExportOptions(batch_size=2), cancelled=cancelled)
    assert result.cancelled and result.rows == 0
    assert out.read_bytes() == b"the previous export"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".part")]


def _database_files(dialect: str) -> list[str]:
    """What the test's database itself puts in tmp_path (a PostgreSQL one: nothing)."""
    return ["contacts.db", "contacts.db-shm", "contacts.db-wal"] if dialect == "sqlite" else []


def test_an_error_midway_removes_the_partial_file(db, add, tmp_path, monkeypatch, dialect):
    for i in range(5):
        add(first_name=f"P{i}")
    from hubdesk.core.io import export_csv

    original = export_csv.CsvWriter.rows
    calls = []

    def failing(self, ids, rows):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        original(self, ids, rows)

    monkeypatch.setattr(export_csv.CsvWriter, "rows", failing)
    out = tmp_path / "c.csv"
    with pytest.raises(RuntimeError):
        run_export(db, out, ExportOptions(batch_size=2))
    assert sorted(os.listdir(tmp_path)) == _database_files(dialect)


def test_an_existing_file_is_replaced_on_success(db, five, tmp_path):
    out = tmp_path / "c.csv"
    out.write_text("old", encoding="utf-8")
    run_export(db, out, ONLY_NAME)
    assert first_names(out) == ["Ann", "Bob", "Cy", "Ed"]


def test_bad_targets_are_refused_before_any_work(db, five, tmp_path, dialect):
    with pytest.raises(ExportError, match=r"\.csv, \.xlsx or \.vcf"):
        run_export(db, tmp_path / "c.txt", ONLY_NAME)
    with pytest.raises(ExportError, match="does not exist"):
        run_export(db, tmp_path / "missing" / "c.csv", ONLY_NAME)
    (tmp_path / "taken.csv").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        run_export(db, tmp_path / "taken.csv", ONLY_NAME)
    (tmp_path / "taken.csv").rmdir()
    with pytest.raises(ExportError, match="unknown column 'nope'"):
        run_export(db, tmp_path / "c.csv", ExportOptions(columns=["first_name", "nope"]))
    assert sorted(os.listdir(tmp_path)) == _database_files(dialect)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="needs a folder this user cannot write")
def test_unwritable_folder(db, five, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="cannot write"):
            run_export(db, locked / "c.csv", ONLY_NAME)
    finally:
        locked.chmod(0o700)
