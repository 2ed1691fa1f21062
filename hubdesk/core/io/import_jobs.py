"""Who runs an import job, and what becomes of a job whose process is gone.

A killed or crashed HubDesk leaves its job "running". Such a job becomes "interrupted" when
the database is opened next (db.open_database calls mark_interrupted): its committed batches
stay, and it can be undone (undo_import) or resumed (import_resume.resume_import).

Two HubDesk processes may share one file (or a team server): a job is marked only when its
owner is known to be gone — on this machine, its process no longer exists; on another
machine, it has not committed a batch for STALE_AFTER. A job that was marked by mistake
(a machine that slept through it) stops at its next batch instead of writing on: every
batch checks that the job is still its own (importer._Run.batch).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.db import Database
from hubdesk.core.errors import HubDeskError
from hubdesk.core.models import ImportJob
from hubdesk.core.processes import is_running, this_host

RUNNING = "running"
INTERRUPTED = "interrupted"
# Ended with committed batches that can be continued: killed, a full disk, Cancel.
RESUMABLE = (INTERRUPTED, "failed", "cancelled")
# A job on another machine that committed nothing for this long is taken for gone. A batch
# takes seconds; the margin also covers clocks that disagree a little between machines.
STALE_AFTER = timedelta(minutes=10)


class ImportTakenOverError(HubDeskError):
    """The job this import writes to is no longer its own (marked interrupted, resumed
    elsewhere); the batch was not written."""


@dataclass(frozen=True)
class InterruptedImport:
    """An import a HubDesk process left half-done, as the app lists it at start."""

    job_id: int
    file_name: str  # the file as it was imported (full path)
    started_at: datetime  # naive UTC
    rows_committed: int  # rows of the file in committed batches (created + updated + skipped)
    contacts_created: int  # what undo_import would remove
    can_resume: bool
    why_not: str  # "" when it can resume; otherwise why not, for the user


def claim(job: ImportJob, now: datetime) -> None:
    """Make this process the job's owner, running."""
    job.status = RUNNING
    job.owner_host = this_host()
    job.owner_pid = os.getpid()
    job.heartbeat_at = now
    job.finished_at = None


def is_mine(job: ImportJob) -> bool:
    return (job.status == RUNNING and job.owner_pid == os.getpid()
            and job.owner_host == this_host())


def owner_gone(job: ImportJob, now: datetime) -> bool:
    """Whether the process running this "running" job is known to be gone."""
    last = job.heartbeat_at or job.started_at
    if job.owner_pid is None or job.owner_host is None:
        # Started by a HubDesk from before owners were recorded: only time can tell.
        return now - last > STALE_AFTER
    if job.owner_host == this_host():
        # Its owner wrote the heartbeat, so it was running by then (a resumed job's owner
        # started long after the job did).
        return not is_running(job.owner_pid, started_before=last)
    return now - last > STALE_AFTER


def owner_text(job: ImportJob) -> str:
    if job.owner_pid is None:
        return "another HubDesk"
    where = "" if job.owner_host == this_host() else f" on {job.owner_host}"
    return f"HubDesk process {job.owner_pid}{where}"


def mark_interrupted(db: Database) -> list[int]:
    """Mark the "running" jobs whose process is gone as interrupted; returns their ids."""
    with db.read_session() as s:
        running = list(s.scalars(select(ImportJob).where(ImportJob.status == RUNNING)))
    now = utcnow()
    gone = [job for job in running if owner_gone(job, now)]
    if not gone:
        return []
    marked = []
    with db.session() as s:
        for job in gone:
            # Only if nothing moved since we looked: a batch committed meanwhile (a live
            # job) or another process marking it first leaves the row as it is.
            changed = s.execute(
                update(ImportJob)
                .where(ImportJob.id == job.id, ImportJob.status == RUNNING,
                       ImportJob.owner_pid.is_not_distinct_from(job.owner_pid),
                       ImportJob.heartbeat_at.is_not_distinct_from(job.heartbeat_at),
                       ImportJob.committed_batches == job.committed_batches)
                .values(status=INTERRUPTED)
                .execution_options(synchronize_session=False))
            if changed.rowcount:
                marked.append(job.id)
    return marked


def interrupted_jobs(session: Session) -> list[InterruptedImport]:
    """The imports left half-done (oldest first), each with whether it can be resumed:
    what the app offers at start (resume, undo, or leave them)."""
    jobs = session.scalars(select(ImportJob).where(ImportJob.status == INTERRUPTED)
                           .order_by(ImportJob.id))
    out = []
    for job in jobs:
        problem = resume_problem(job)
        out.append(InterruptedImport(
            job.id, job.file_name, job.started_at,
            job.rows_created + job.rows_updated + job.rows_skipped, job.rows_created,
            not problem, problem))
    return out


# --- the file a job reads -------------------------------------------------------------

def file_signature(path: Path) -> dict[str, int]:
    """What tells whether a file changed: its size and modification time."""
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def describe_source(path: Path, delimiter: str | None, sheet: str | None) -> str:
    """The job's `source` column: how the file was read, and its signature."""
    return json.dumps({**file_signature(path), "delimiter": delimiter, "sheet": sheet},
                      ensure_ascii=False)


def recorded_source(job: ImportJob) -> dict[str, Any] | None:
    if not job.source:
        return None
    try:
        data = json.loads(job.source)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "size" in data and "mtime_ns" in data else None


def resume_problem(job: ImportJob) -> str:
    """Why this job cannot be resumed ("" when it can), checked without reading the file."""
    if job.status == RUNNING:
        return f"import {job.id} is still running ({owner_text(job)})"
    if job.status not in RESUMABLE:
        return f"import {job.id} is {job.status}: there is nothing to resume"
    source = recorded_source(job)
    if source is None:
        return (f"import {job.id} was started by an earlier HubDesk that did not record its "
                "file's size and time; undo it and import the file again")
    path = Path(job.file_name)
    try:
        now = file_signature(path)
    except FileNotFoundError:
        return f"{path} is gone; import {job.id} cannot be resumed (undo it, or import again)"
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror or exc}); import {job.id} cannot be resumed"
    if (now["size"], now["mtime_ns"]) != (source["size"], source["mtime_ns"]):
        return (f"{path} has changed since import {job.id} started; it cannot be resumed "
                "(undo it and import the file again)")
    return ""
