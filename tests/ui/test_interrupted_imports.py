"""An import a killed HubDesk left half-done is offered as the window opens: Resume finishes
it as one import would have (one step on Edit → Undo), Undo removes what it wrote."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from hubdesk.core.io import import_jobs
from hubdesk.core.io.importer import ImportOptions, run_import
from hubdesk.core.io.open_table import open_table
from hubdesk.core.models import Contact, ImportJob
from tests.core.test_import_jobs import _interrupted_import, _mapping, _write_csv

WAIT = 20_000


def _contact_count(db) -> int:
    with db.read_session() as s:
        return s.scalar(select(func.count()).select_from(Contact)
                        .where(Contact.deleted_at.is_(None)))


def _bar_buttons(window) -> dict[str, object]:
    return {b.text(): b for b in window.import_bar._actions}


def _what_one_import_makes(tmp_path: Path, path: Path) -> int:
    from hubdesk.config import sqlite_url
    from hubdesk.core.db import open_database

    other = open_database(sqlite_url(tmp_path / "whole.db"))
    try:
        table = open_table(path)
        run_import(other, table, _mapping(table), ImportOptions(batch_size=10))
        return _contact_count(other)
    finally:
        other.dispose()


def test_resume_finishes_the_import_as_one_step_on_undo(window_factory, db, tmp_path, qtbot):
    source = _write_csv(tmp_path / "clients.csv")
    job_id = _interrupted_import(db, source)
    import_jobs.mark_interrupted(db)  # what opening the database does
    partial = _contact_count(db)
    w = window_factory(db)
    qtbot.waitUntil(lambda: w.import_bar.isVisible(), timeout=WAIT)
    text = w.import_bar.message.text()
    assert "clients.csv" in text and "interrupted after 30 rows" in text
    assert set(_bar_buttons(w)) == {"Resume import", "Undo import"}
    _bar_buttons(w)["Resume import"].click()
    qtbot.waitUntil(lambda: "resumed and finished" in w.statusBar().currentMessage(),
                    timeout=WAIT)
    assert _contact_count(db) == _what_one_import_makes(tmp_path, source) > partial
    qtbot.waitUntil(lambda: w.total == _contact_count(db), timeout=WAIT)
    assert not w.import_bar.isVisible()
    assert w.store.undo_stack.undoText() == "Import of " + str(source.absolute())
    with db.read_session() as s:
        assert s.get(ImportJob, job_id).status not in ("running", "interrupted")


def test_undo_removes_what_the_interrupted_import_wrote(window_factory, db, tmp_path, qtbot,
                                                        answers):
    before = _contact_count(db)
    source = _write_csv(tmp_path / "clients.csv")
    job_id = _interrupted_import(db, source, batches=2)
    import_jobs.mark_interrupted(db)
    w = window_factory(db)
    qtbot.waitUntil(lambda: w.import_bar.isVisible(), timeout=WAIT)
    with qtbot.waitSignal(w.store.importUndone, timeout=WAIT):
        _bar_buttons(w)["Undo import"].click()
    asked, _ = answers
    assert "clients.csv" in asked[0]
    assert _contact_count(db) == before
    assert not w.import_bar.isVisible()
    with db.read_session() as s:
        assert s.get(ImportJob, job_id).status == "undone"


def test_a_job_whose_file_is_gone_offers_only_undo(window_factory, db, tmp_path, qtbot):
    source = _write_csv(tmp_path / "clients.csv")
    _interrupted_import(db, source)
    import_jobs.mark_interrupted(db)
    source.unlink()
    w = window_factory(db)
    qtbot.waitUntil(lambda: w.import_bar.isVisible(), timeout=WAIT)
    assert "cannot be resumed" in w.import_bar.message.text()
    assert set(_bar_buttons(w)) == {"Undo import"}


def test_no_bar_without_interrupted_imports(window_factory, db, qtbot):
    w = window_factory(db)
    w.jobs.wait()
    qtbot.wait(50)
    assert not w.import_bar.isVisible()
