"""Import a table of contacts: map, check, match duplicates, write in batches, report.

Counts always add up: read = created + updated + skipped + failed. Every batch is one
transaction that also records the job's counts, so a crash or a cancel leaves the database
consistent and the job undoable (undo_import) for whatever it committed.
"""

from __future__ import annotations

import json
import logging
import re
from array import array
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from hubdesk.core import attributes as attrs
from hubdesk.core.clock import utcnow
from hubdesk.core.db import Database, DiskFullError, bulk_writes, is_disk_full
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io import import_jobs
from hubdesk.core.io import import_writer as writer
from hubdesk.core.io.draft import NEW_ATTRIBUTE, ColumnMapping
from hubdesk.core.io.encoding import decode_check
from hubdesk.core.io.matching import existing_by_email, existing_by_phone
from hubdesk.core.io.prepared import PreparedRow, prepare
from hubdesk.core.io.row_draft import draft_from_row
from hubdesk.core.io.table import SourceRow, SourceTable
from hubdesk.core.models import Contact, ImportChange, ImportJob

POLICIES = ("update", "skip", "create")
Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)
__all__ = ["DiskFullError", "ImportOptions", "ImportResult", "run_import", "undo_import"]


def _disk_full(exc: BaseException) -> bool:
    return isinstance(exc, DiskFullError) or is_disk_full(exc)


@dataclass
class ImportOptions:
    on_duplicate: str = "update"  # update (never with blanks) | skip | create
    fill_empty_only: bool = False  # with update: only fill fields that are empty
    match: tuple[str, ...] = ("email", "phone")
    region: str | None = None  # for phones written without a country code
    labels: tuple[str, ...] = ()  # added to every imported contact
    skip_questionable: bool = False  # rows with questionable values go to the rejected file
    dry_run: bool = False
    batch_size: int = 2000


@dataclass
class RowReport:
    row: int
    line: int
    message: str
    values: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[RowReport] = field(default_factory=list)  # rejected rows
    warnings: list[RowReport] = field(default_factory=list)  # imported, but flagged
    job_id: int | None = None
    cancelled: bool = False
    created_ids: array = field(default_factory=lambda: array("q"))

    def as_json(self) -> dict:
        return {"read": self.read, "created": self.created, "updated": self.updated,
                "skipped": self.skipped, "failed": self.failed,
                "errors": [{"row": e.row, "line": e.line, "message": e.message}
                           for e in self.errors]}


def _slug(header: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")
    return (slug if slug and slug[0].isalpha() else f"field_{slug}")[:64] or "field"


def _create_new_attributes(db: Database, mapping: list[ColumnMapping]) -> list[ColumnMapping]:
    """Columns mapped to 'new custom attribute' become text attributes named after them."""
    headers = [m.header for m in mapping if m.target == NEW_ATTRIBUTE]
    if not headers:
        return mapping
    with db.session() as s:
        existing = {d.key for d in attrs.list_attributes(s)}
        keys = {}
        for header in headers:
            key = _slug(header)
            while key in existing:
                key = f"{key}_2"
            attrs.define_attribute(s, key, header, "text")
            existing.add(key)
            keys[header] = key
    return [ColumnMapping(m.header, f"attr:{keys[m.header]}", m.confidence, m.source)
            if m.target == NEW_ATTRIBUTE else m for m in mapping]


class _Run:
    def __init__(self, db: Database, table: SourceTable, mapping: list[ColumnMapping],
                 options: ImportOptions):
        if options.on_duplicate not in POLICIES:
            raise HubDeskError(f"duplicate policy must be one of {', '.join(POLICIES)}")
        self.db, self.table, self.options = db, table, options
        self.mapping = mapping
        self.result = ImportResult()
        self.seen: dict[tuple[str, str], int] = {}  # ("email"|"phone", key) → contact id
        self.labels = writer.LabelCache()
        self.fake_id = -1  # a dry run gives would-be contacts negative ids
        # A resumed job: this many accepted rows are in its committed batches already.
        self.skip_accepted = 0
        with db.read_session() as s:
            self.attributes = {a.key: a for a in attrs.list_attributes(s)}

    # --- deciding -----------------------------------------------------------------------
    def _keys(self, row: PreparedRow) -> list[tuple[str, str]]:
        keys = []
        for kind in self.options.match:
            key = row.email_key if kind == "email" else row.phone_key
            if key:
                keys.append((kind, key))
        return keys

    def _match(self, row: PreparedRow, in_db: dict[tuple[str, str], int]) -> int | None:
        for key in self._keys(row):
            if key in self.seen:
                return self.seen[key]
            if key in in_db:
                return in_db[key]
        return None

    def _reject(self, src: SourceRow, message: str) -> None:
        self.result.failed += 1
        self.result.errors.append(RowReport(src.number, src.line, message,
                                            src.values + src.extra))

    # --- one batch ----------------------------------------------------------------------
    def batch(self, rows: list[tuple[SourceRow, PreparedRow]]) -> None:
        if self.options.dry_run:
            with self.db.read_session() as s:
                self._decide(s, rows)
            return
        with self.db.session() as s, bulk_writes(s):
            self._decide(s, rows)

    def _decide(self, s, rows: list[tuple[SourceRow, PreparedRow]]) -> None:
        opts, result = self.options, self.result
        job = None
        if not opts.dry_run:
            # Locked (PostgreSQL) before anything is written: a job marked interrupted or
            # resumed by another process meanwhile is no longer ours to write to.
            job = s.get(ImportJob, self.job_id, with_for_update=True)
            if job is None or not import_jobs.is_mine(job):
                raise import_jobs.ImportTakenOverError(
                    f"Import {self.job_id} was taken over (marked interrupted or resumed by "
                    "another HubDesk); it stopped here without writing more. "
                    "Rows in its committed batches are kept.")
            # Earlier batches are committed, so the database lookup below finds their rows;
            # remembering only this batch keeps memory flat on a million-row file.
            self.seen.clear()
        emails = [r.email_key for _, r in rows if "email" in opts.match]
        phones = [r.phone_key for _, r in rows if "phone" in opts.match]
        in_db = {("email", k): v for k, v in existing_by_email(s, emails).items()}
        in_db |= {("phone", k): v for k, v in existing_by_phone(s, phones).items()}
        new_ids = iter(writer.reserve_contact_ids(s, 0 if opts.dry_run else len(rows)))
        creates: list[tuple[int, PreparedRow]] = []
        counts = {"created": 0, "updated": 0, "skipped": 0}
        now = utcnow()
        for src, row in rows:
            match = self._match(row, in_db)
            if match is not None and opts.on_duplicate == "skip":
                counts["skipped"] += 1
                continue
            if match is not None and opts.on_duplicate == "update":
                if not opts.dry_run and match > 0:
                    if any(cid == match for cid, _ in creates):
                        # A duplicate inside the file of a row not yet written: write
                        # the batch's new contacts first, then merge into this one.
                        writer.create_many(s, creates, self.job_id, now, self.labels)
                        result.created_ids.extend(cid for cid, _ in creates)
                        creates = []
                    writer.update_one(s, match, row, self.job_id, now, self.labels,
                                      fill_empty_only=opts.fill_empty_only)
                counts["updated"] += 1
                cid = match
            else:
                if opts.dry_run:
                    cid, self.fake_id = self.fake_id, self.fake_id - 1
                else:
                    cid = next(new_ids)
                    creates.append((cid, row))
                counts["created"] += 1
            for key in self._keys(row):
                self.seen.setdefault(key, cid)
            if row.problems:
                result.warnings.append(RowReport(
                    src.number, src.line, "; ".join(str(p) for p in row.problems)))
        if job is not None:
            writer.create_many(s, creates, self.job_id, now, self.labels)
            job.rows_read += len(rows)
            job.rows_created += counts["created"]
            job.rows_updated += counts["updated"]
            job.rows_skipped += counts["skipped"]
            job.committed_batches += 1
            job.heartbeat_at = now
        for key, n in counts.items():
            setattr(result, key, getattr(result, key) + n)
        result.created_ids.extend(cid for cid, _ in creates)

    # --- the whole file -----------------------------------------------------------------
    def start_job(self) -> None:
        if self.options.dry_run:
            self.job_id = 0
            return
        # Read before the job exists: a resume compares the file with this.
        source = import_jobs.describe_source(self.table.path, self.table.delimiter,
                                             self.table.sheet)
        with self.db.session() as s:
            now = utcnow()
            job = ImportJob(
                file_name=str(self.table.path.absolute()), file_format=self.table.format,
                encoding=self.table.encoding,
                mapping=json.dumps([asdict(m) for m in self.mapping], ensure_ascii=False),
                options=json.dumps(asdict(self.options), ensure_ascii=False, default=list),
                source=source, started_at=now)
            import_jobs.claim(job, now)
            s.add(job)
            s.flush()
            self.job_id = job.id
        self.result.job_id = self.job_id

    def finish_job(self, status: str) -> None:
        if self.options.dry_run:
            return
        with self.db.session() as s:
            job = s.get(ImportJob, self.job_id, with_for_update=True)
            if job is None or not import_jobs.is_mine(job):
                return  # another process has it now: its status is that process's to set
            job.status = status
            job.rows_read = self.result.read  # rejected rows never reach a batch
            job.rows_failed = self.result.failed
            job.finished_at = utcnow()

    def run(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        opts = self.options
        pending: list[tuple[SourceRow, PreparedRow]] = []
        for src in self.table.rows():
            self.result.read += 1
            draft = draft_from_row(src.values, self.mapping)
            row = prepare(draft, region=opts.region, attributes=self.attributes)
            row.labels += [lb for lb in opts.labels if lb not in row.labels]
            if src.extra:
                row.problems.insert(0, _extra_cells(src))
            if row.rejected:
                self._reject(src, row.rejected)
            elif opts.skip_questionable and row.problems:
                self._reject(src, "; ".join(str(p) for p in row.problems))
            elif self.skip_accepted:
                # In a batch the interrupted run committed: counted, reported, not written.
                self.skip_accepted -= 1
                if row.problems:
                    self.result.warnings.append(RowReport(
                        src.number, src.line, "; ".join(str(p) for p in row.problems)))
            else:
                pending.append((src, row))
            if len(pending) >= opts.batch_size:
                self.batch(pending)
                pending = []
                if progress:
                    progress(self.result.read, 0)
                if cancelled and cancelled():
                    self.result.cancelled = True  # every row read so far is accounted for
                    return
        if pending:
            self.batch(pending)
        if progress:
            progress(self.result.read, self.result.read)


def _extra_cells(src: SourceRow):
    from hubdesk.core.io.prepared import Problem

    return Problem("row", f"{len(src.extra)} cell(s) beyond the header were not imported",
                   " | ".join(src.extra))


def run_import(
    db: Database, table: SourceTable, mapping: list[ColumnMapping],
    options: ImportOptions | None = None, *, progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    options = options or ImportOptions()
    if table.format in ("csv", "tsv") and table.encoding:
        # Text streams decode ahead of the row being read; checking the whole file first
        # is what guarantees an undecodable byte stops the import before anything is written.
        decode_check(table.path, table.encoding)
    if not options.dry_run:
        mapping = _create_new_attributes(db, mapping)
    job = _Run(db, table, mapping, options)
    try:
        job.start_job()
    except DiskFullError as exc:
        raise DiskFullError(f"{_where(db)} is full: nothing was imported. Free some "
                            "space and import again.") from exc
    return execute(job, progress, cancelled)


def execute(job: _Run, progress: Progress | None,
            cancelled: Callable[[], bool] | None) -> ImportResult:
    """Run a started (or resumed) job to its end and mark it done, cancelled or failed."""
    db = job.db
    try:
        job.run(progress, cancelled)
    except BaseException as exc:
        try:
            job.finish_job("failed")
        except Exception:
            # Often the same cause (a full disk) again: the first error is the one to show;
            # the job then stays "running", which undo_import accepts all the same.
            log.exception("could not mark import %s as failed", job.job_id)
        if _disk_full(exc):
            done = _committed(db, job.job_id)
            kept = (f"after {done} new contact(s) (kept; Undo import {job.job_id} removes "
                    "them)" if done else "before any contact was imported")
            raise DiskFullError(f"{_where(db)} is full: the import stopped {kept}. Free some "
                                "space and import again.") from exc
        raise
    job.finish_job("cancelled" if job.result.cancelled else "done")
    return job.result


def _committed(db: Database, job_id: int) -> int:
    """New contacts in the batches that did commit (the counts in memory include the batch
    that failed)."""
    try:
        with db.read_session() as s:
            job = s.get(ImportJob, job_id)
            return job.rows_created if job else 0
    except Exception:  # only for the message: never hide the error being reported
        log.exception("could not count what import %s kept", job_id)
        return 0


def _where(db: Database) -> str:
    return f"The disk holding {db.path}" if db.path else "The database server's disk"


def undo_import(db: Database, job_id: int) -> int:
    """Remove what the import created and put back what it updated; returns how many
    contacts were affected. One transaction: all or nothing."""
    with db.session() as s:
        job = s.get(ImportJob, job_id)
        if job is None:
            raise HubDeskError(f"no import with id {job_id}")
        if job.status == "undone":
            raise HubDeskError(f"import {job_id} was already undone")
        changes = list(s.scalars(select(ImportChange).where(ImportChange.job_id == job_id)
                                 .order_by(ImportChange.id.desc())))
        for change in changes:
            writer.restore_change(s, change)
        created = s.execute(Contact.__table__.delete().where(Contact.import_job_id == job_id))
        s.execute(ImportChange.__table__.delete().where(ImportChange.job_id == job_id))
        job.status = "undone"
        return (created.rowcount or 0) + len(changes)
