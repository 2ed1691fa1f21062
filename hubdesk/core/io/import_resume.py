"""Resume an interrupted import: read its file again as it was read (encoding, delimiter,
sheet, mapping, options), pass over the rows its committed batches hold, and go on.

Batches are the unit a job records as committed: every batch holds the next `batch_size`
accepted rows in file order, so the rows of the first `committed_batches` batches are known
without looking at the contacts. The result is what one uninterrupted import would have
made, with the same job, so one undo_import still removes all of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from hubdesk.core.clock import utcnow
from hubdesk.core.db import Database, DiskFullError
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io import import_jobs
from hubdesk.core.io.draft import ColumnMapping
from hubdesk.core.io.encoding import decode_check
from hubdesk.core.io.importer import (
    ImportOptions,
    ImportResult,
    Progress,
    _Run,
    _where,
    execute,
)
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import SourceTable
from hubdesk.core.models import ImportJob


def _options(job: ImportJob) -> ImportOptions:
    saved = json.loads(job.options or "{}")
    known = {f.name for f in fields(ImportOptions)}
    values = {k: tuple(v) if isinstance(v, list) else v
              for k, v in saved.items() if k in known}
    return ImportOptions(**values)


def _mapping(job: ImportJob) -> list[ColumnMapping]:
    return [ColumnMapping(**m) for m in json.loads(job.mapping or "[]")]


def _reopen(job: ImportJob, headers: list[str]) -> SourceTable:
    """The job's file read as before; refused when its columns are not the ones mapped."""
    source = import_jobs.recorded_source(job) or {}
    path = Path(job.file_name)
    # Whether the first row was a header is not recorded: the mapped headers tell.
    for has_header in (True, False):
        table = open_table(path, encoding=job.encoding, delimiter=source.get("delimiter"),
                           sheet=source.get("sheet"), has_header=has_header)
        if list(table.headers) == headers and table.format == job.file_format:
            return table
    raise HubDeskError(f"{path} no longer has the columns import {job.id} mapped; it cannot "
                       "be resumed (undo it and import the file again)")


def resume_import(db: Database, job_id: int, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Continue import `job_id` after its committed batches. The result counts the whole
    file, as one uninterrupted import would. Refused (HubDeskError, nothing written) when
    the job is not resumable, is still running elsewhere, or its file is gone or changed."""
    import_jobs.mark_interrupted(db)  # a job whose process just died is resumable now
    with db.read_session() as s:
        job = s.get(ImportJob, job_id)
        if job is None:
            raise HubDeskError(f"no import with id {job_id}")
        problem = import_jobs.resume_problem(job)
    if problem:
        raise HubDeskError(problem)
    mapping = _mapping(job)
    options = _options(job)
    table = _reopen(job, [m.header for m in mapping])
    if table.format in ("csv", "tsv") and table.encoding:
        decode_check(table.path, table.encoding)
    run = _Run(db, table, mapping, options)
    try:
        _claim(run, job_id, job.committed_batches)
    except DiskFullError as exc:
        raise DiskFullError(f"{_where(db)} is full: import {job_id} was not resumed. Free "
                            "some space and try again.") from exc
    return execute(run, progress, cancelled)


def _claim(run: _Run, job_id: int, batches: int) -> None:
    """Make the job ours again, checked once more in the same transaction: another process
    may have resumed it since it was looked at."""
    with run.db.session() as s:
        job = s.get(ImportJob, job_id, with_for_update=True)
        assert job is not None  # jobs are never deleted
        problem = import_jobs.resume_problem(job)
        if problem or job.committed_batches != batches:
            raise HubDeskError(problem or f"import {job_id} changed meanwhile; try again")
        import_jobs.claim(job, utcnow())
        run.job_id = job_id
        run.skip_accepted = job.committed_batches * run.options.batch_size
        # The counts of the committed batches; the rows passed over are read and counted
        # again, so read, failed and the reports cover the whole file.
        run.result.job_id = job_id
        run.result.created = job.rows_created
        run.result.updated = job.rows_updated
        run.result.skipped = job.rows_skipped
