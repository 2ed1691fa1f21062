"""Interrupted imports: a job whose process is gone becomes "interrupted" (one still running
elsewhere does not), the app can list them with whether they can be resumed, a resume gives
exactly what one uninterrupted import gives, and an undo removes exactly what it made."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from hubdesk.core import contacts
from hubdesk.core.clock import utcnow
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io import import_jobs
from hubdesk.core.io.draft import NEW_ATTRIBUTE, ColumnMapping
from hubdesk.core.io.import_resume import resume_import
from hubdesk.core.io.importer import ImportOptions, run_import, undo_import
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.open_table import open_table
from hubdesk.core.models import Contact, ImportJob
from hubdesk.core.processes import is_running, this_host
from hubdesk.core.query import ContactQuery, search_ids

BATCH = 10
ROWS = 95
EXISTING = "existing@example.com"


class _Killed(Exception):
    """Stands in for SIGKILL: the import stops between two batches."""


def _write_csv(path: Path) -> Path:
    """Rejected rows, duplicates inside the file across batches, updates of a contact that
    was there before, notes and a column that becomes a new attribute."""
    lines = ["First Name,Last Name,Email,Phone,Tier,Notes"]
    for i in range(1, ROWS + 1):
        if i % 13 == 0:
            lines.append(f",,,,,nameless {i}")  # identifies nobody: rejected
        elif i % 10 == 0:
            lines.append(f"Again{i},Row{i - 7},row{i - 7}@example.com,,gold,again {i}")
        elif i % 17 == 0:
            lines.append(f"Known{i},Person,{EXISTING},+8190{i:08d},silver,")
        else:
            lines.append(f"名前{i},Row{i},row{i}@example.com,+8180{i:08d},"
                         f"{'bronze' if i % 3 else ''},{'note ' + str(i) if i % 4 == 0 else ''}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _mapping(table, tier: str = NEW_ATTRIBUTE) -> list[ColumnMapping]:
    return [ColumnMapping(m.header, tier, 1.0, "user") if m.header == "Tier" else m
            for m in guess_mapping(table.headers)]


def _import(db, path: Path, *, stop_after: int | None = None, tier: str = NEW_ATTRIBUTE):
    table = open_table(path)
    batches = []

    def progress(_read: int, _total: int) -> None:
        batches.append(1)
        if stop_after is not None and len(batches) >= stop_after:
            raise _Killed

    return run_import(db, table, _mapping(table, tier), ImportOptions(batch_size=BATCH),
                      progress=progress)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _left_running(db, job_id: int, **owner) -> None:
    """What a SIGKILL leaves: the job "running", owned by a process that is gone."""
    values = {"status": "running", "finished_at": None, "owner_host": this_host(),
              "owner_pid": _dead_pid(), **owner}
    with db.session() as s:
        s.execute(update(ImportJob).where(ImportJob.id == job_id).values(**values))


def _interrupted_import(db, path: Path, batches: int = 3) -> int:
    with pytest.raises(_Killed):
        _import(db, path, stop_after=batches)
    with db.read_session() as s:
        job_id = s.scalar(select(func.max(ImportJob.id)))
    _left_running(db, job_id)
    return job_id


def _contacts(db) -> dict[str, dict]:
    """Every contact by email (or name), without ids and times, which differ by design."""
    out = {}
    with db.read_session() as s:
        for cid in search_ids(s, ContactQuery()):
            c = contacts.get_contact(s, cid)
            for key in ("id", "created_at", "updated_at", "version", "import_job_id"):
                c.pop(key, None)
            c["notes"] = sorted(n["body"] for n in c["notes"])
            out[c["email"] or f"{c['first_name']} {c['last_name']}"] = c
    return out


def _job(db, job_id: int) -> ImportJob:
    with db.read_session() as s:
        job = s.get(ImportJob, job_id)
        assert job is not None
        return job


@pytest.fixture
def source(tmp_path) -> Path:
    return _write_csv(tmp_path / "contacts.csv")


@pytest.fixture
def existing(add) -> int:
    return add(first_name="Known", last_name="Before", email=EXISTING, company="Old Co")


def test_a_resumed_import_equals_one_uninterrupted_import(db, source, existing):
    before = _contacts(db)
    job_id = _interrupted_import(db, source)
    assert import_jobs.mark_interrupted(db) == [job_id]
    assert _job(db, job_id).committed_batches == 3

    resumed = resume_import(db, job_id)
    assert resumed.job_id == job_id
    assert _job(db, job_id).status == "done"
    after_resume = _contacts(db)

    # The same file imported once, without interruption, over the same starting point.
    assert undo_import(db, job_id) > 0
    assert _contacts(db) == before
    whole = _import(db, source, tier="attr:tier")  # the attribute the first one made
    assert after_resume == _contacts(db)
    assert (resumed.read, resumed.created, resumed.updated, resumed.skipped,
            resumed.failed) == (whole.read, whole.created, whole.updated, whole.skipped,
                                whole.failed)
    assert [(e.row, e.message) for e in resumed.errors] == [
        (e.row, e.message) for e in whole.errors]
    assert resumed.read == ROWS and resumed.failed == ROWS // 13
    job, other = _job(db, job_id), _job(db, whole.job_id)
    assert (job.rows_read, job.rows_created, job.rows_updated, job.rows_failed,
            job.committed_batches) == (other.rows_read, other.rows_created,
                                       other.rows_updated, other.rows_failed,
                                       other.committed_batches)


def test_undo_of_an_interrupted_import_removes_exactly_what_it_made(db, source, existing):
    before = _contacts(db)
    job_id = _interrupted_import(db, source, batches=2)
    import_jobs.mark_interrupted(db)
    job = _job(db, job_id)
    assert job.status == "interrupted" and job.rows_created > 0
    with db.read_session() as s:
        made = s.scalar(select(func.count()).where(Contact.import_job_id == job_id))
    assert made == job.rows_created
    assert undo_import(db, job_id) == job.rows_created + job.rows_updated
    assert _contacts(db) == before
    assert _job(db, job_id).status == "undone"


@pytest.fixture
def other_process():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def test_only_jobs_whose_process_is_gone_are_marked(db, other_process):
    now = utcnow()
    stale = now - import_jobs.STALE_AFTER - timedelta(minutes=1)
    owners = {
        # Resumed an hour after it started, by a process that started after the job.
        "resumed by another process": dict(owner_host=this_host(), owner_pid=other_process,
                                           started_at=stale, heartbeat_at=now),
        "this process": dict(owner_host=this_host(), owner_pid=os.getpid(), heartbeat_at=now),
        "a dead process here": dict(owner_host=this_host(), owner_pid=_dead_pid(),
                                    heartbeat_at=now),
        "another machine, busy": dict(owner_host="elsewhere.example", owner_pid=1,
                                      heartbeat_at=now - timedelta(minutes=1)),
        "another machine, silent": dict(owner_host="elsewhere.example", owner_pid=1,
                                        heartbeat_at=stale),
        "an older HubDesk, just now": dict(started_at=now),
        "an older HubDesk, long ago": dict(started_at=stale),
    }
    ids = {}
    with db.session() as s:
        for name, owner in owners.items():
            job = ImportJob(file_name=name, file_format="csv", mapping="[]", options="{}",
                            status="running", **({"started_at": now} | owner))
            s.add(job)
            s.flush()
            ids[job.id] = name
    marked = import_jobs.mark_interrupted(db)
    assert sorted(ids[i] for i in marked) == [
        "a dead process here", "an older HubDesk, long ago", "another machine, silent"]
    assert import_jobs.mark_interrupted(db) == []  # marked once
    with db.read_session() as s:
        listed = import_jobs.interrupted_jobs(s)
    assert sorted(j.file_name for j in listed) == sorted(ids[i] for i in marked)


def test_the_app_gets_interrupted_imports_with_what_it_can_offer(db, source, existing):
    job_id = _interrupted_import(db, source)
    import_jobs.mark_interrupted(db)
    with db.read_session() as s:
        [job] = import_jobs.interrupted_jobs(s)
    assert (job.job_id, Path(job.file_name), job.can_resume, job.why_not) == (
        job_id, source.absolute(), True, "")
    assert job.rows_committed == 3 * BATCH
    assert 0 < job.contacts_created <= 3 * BATCH

    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    with db.read_session() as s:
        [job] = import_jobs.interrupted_jobs(s)
    assert not job.can_resume and "has changed since import" in job.why_not

    source.unlink()
    with db.read_session() as s:
        [job] = import_jobs.interrupted_jobs(s)
    assert not job.can_resume and f"{source.absolute()} is gone" in job.why_not


def _rows(db) -> tuple[int, list[tuple]]:
    with db.read_session() as s:
        return (s.scalar(select(func.count()).select_from(Contact)),
                list(s.execute(select(ImportJob.id, ImportJob.status,
                                      ImportJob.committed_batches).order_by(ImportJob.id))))


def test_resume_refuses_clearly_and_changes_nothing(db, source, existing):
    done = _import(db, source).job_id
    live = _interrupted_import(db, source)
    _left_running(db, live, owner_pid=os.getpid())  # still running, in this process
    with db.session() as s:
        legacy = ImportJob(file_name=str(source), file_format="csv", mapping="[]",
                           options="{}", status="interrupted", started_at=utcnow())
        s.add(legacy)
        s.flush()
        legacy_id = legacy.id
    before = _rows(db)
    refusals = {
        done: f"import {done} is done: there is nothing to resume",
        live: f"import {live} is still running (HubDesk process {os.getpid()})",
        legacy_id: f"import {legacy_id} was started by an earlier HubDesk",
        9999: "no import with id 9999",
    }
    for job_id, message in refusals.items():
        with pytest.raises(HubDeskError) as refused:
            resume_import(db, job_id)
        assert message in str(refused.value)
    assert _rows(db) == before

    _left_running(db, live)  # now its process is gone
    source.write_text("First Name\nSomeone else\n", encoding="utf-8")
    with pytest.raises(HubDeskError, match="has changed since import"):
        resume_import(db, live)
    assert _rows(db)[0] == before[0]


def test_a_resumed_file_must_still_have_the_mapped_columns(db, source, existing):
    job_id = _interrupted_import(db, source)
    stat = source.stat()
    text = source.read_text(encoding="utf-8").replace("First Name,", "Given Name,", 1)
    source.write_text(text, encoding="utf-8")  # same size and time: only the header differs
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    before = _rows(db)
    with pytest.raises(HubDeskError, match="no longer has the columns import"):
        resume_import(db, job_id)
    assert _rows(db)[0] == before[0]


def test_a_job_taken_over_by_another_process_writes_no_further_batch(db, source, existing):
    table = open_table(source)
    taken = []

    def progress(_read: int, _total: int) -> None:
        if not taken:  # another HubDesk resumes the job after its first batch
            with db.session() as s:
                s.execute(update(ImportJob).values(owner_pid=os.getpid() + 1))
            taken.append(True)

    with pytest.raises(import_jobs.ImportTakenOverError, match="taken over"):
        run_import(db, table, _mapping(table), ImportOptions(batch_size=BATCH),
                   progress=progress)
    with db.read_session() as s:
        job = s.scalars(select(ImportJob)).one()
        made = s.scalar(select(func.count()).where(Contact.import_job_id == job.id))
    # Its status is the new owner's to set, and nothing beyond the first batch was written.
    assert (job.status, job.owner_pid, job.committed_batches) == (
        "running", os.getpid() + 1, 1)
    assert made == job.rows_created


def test_a_process_is_running_until_it_ends():
    assert is_running(os.getpid())
    assert not is_running(_dead_pid())
    assert not is_running(0) and not is_running(-1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="start times from /proc")
def test_a_reused_process_id_is_not_taken_for_the_owner():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert is_running(proc.pid, started_before=utcnow())
        # The job started before this process: the process cannot be the one that ran it.
        assert not is_running(proc.pid, started_before=utcnow() - timedelta(hours=1))
    finally:
        proc.kill()
        proc.wait()
