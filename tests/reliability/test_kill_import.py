"""kill -9 at random moments of an import (`hubdesk import`, a separate process): the file is
sound, contacts that were there are untouched, the import holds exactly the batches its job
recorded as committed, and the app opens the database, finds the job interrupted and undoes
it. An interrupted import resumed (`hubdesk import --resume JOB`, itself killed once more)
ends exactly as one uninterrupted import; a job another process is still running is left
alone.

HUBDESK_RELIABILITY_ROWS (default 20,000; the issue's long run: 100,000) sets the file size,
HUBDESK_RELIABILITY_LOOPS (default 50) the number of kills.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability import killing, sqlite_state
from tests.reliability.conftest import make_demo_db

ROWS = int(os.environ.get("HUBDESK_RELIABILITY_ROWS", "20000"))
BATCH = 2000  # ImportOptions.batch_size, what `hubdesk import` uses
REJECT_EVERY = 997  # such rows identify nobody: refused, so batches hold accepted rows only


def _write_csv(path: Path, rows: int) -> list[str]:
    """The file to import; returns the emails of the rows the import accepts, in order."""
    accepted = []
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["First Name", "Last Name", "Email", "Phone", "Company", "Notes"])
        for i in range(1, rows + 1):
            if i % REJECT_EVERY == 0:
                out.writerow(["", "", "", "", f"Nameless {i}", ""])
                continue
            email = f"kill.{i}@import.example"
            out.writerow([f"名前{i}", f"Row{i}", email, f"+8190{i:08d}", f"Firma {i % 97}",
                          f"note {i}" if i % 5 == 0 else ""])
            accepted.append(email)
    return accepted


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-import")
    base = make_demo_db(folder / "base.db", 1000)
    source = folder / "contacts.csv"
    accepted = _write_csv(source, ROWS)
    return folder, base, source, accepted


def _import_state(path: Path) -> tuple[tuple | None, list[str]]:
    conn = sqlite_state.connect(path)
    try:
        jobs = conn.execute("SELECT id, status, committed_batches, rows_created FROM import_jobs"
                            ).fetchall()
        assert len(jobs) <= 1, jobs
        job = jobs[0] if jobs else None
        emails = [r[0] for r in conn.execute(
            "SELECT email FROM contacts WHERE import_job_id IS NOT NULL ORDER BY id")]
        return job, emails
    finally:
        conn.close()


def test_killed_import_keeps_committed_batches_only_and_undoes(setup, figure):
    from hubdesk.core.db import open_database
    from hubdesk.core.io.importer import undo_import

    folder, base, source, accepted = setup
    before = sqlite_state.dump(base)
    before_undone = sqlite_state.dump(base, skip=("import_jobs",))  # undo keeps the job row
    batches = -(-len(accepted) // BATCH)
    work = lambda i: folder / f"work-{i}.db"  # noqa: E731
    argv = lambda i: killing.hubdesk("--db", str(work(i)), "import", str(source), "--json")  # noqa: E731
    when = killing.window(argv, lambda i: killing.hubdesk("--db", str(work(i)), "stats"),
                          lambda i: shutil.copyfile(base, work(i)))

    def iteration(i: int, rng) -> str:
        path = work(i)
        shutil.copyfile(base, path)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        run = killing.run(argv(i), kill_after=when.pick(rng))
        assert run.killed or run.returncode == 0, run.stderr

        assert sqlite_state.problems(path) == []
        after = sqlite_state.dump(path)
        assert sqlite_state.missing_rows(before, after) == {}, "a pre-existing row changed"
        job, emails = _import_state(path)
        if job is None:
            assert emails == []
            state = "before the job started"
        else:
            _job_id, status, committed, rows_created = job
            # Batch k holds accepted rows (k-1)*BATCH … k*BATCH; the last one the remainder.
            assert emails == accepted[:min(committed * BATCH, len(accepted))]
            assert rows_created == len(emails)
            if status == "done":  # (the kill may still come before the program exits)
                assert committed == batches
            state = ("finished" if status == "done" else
                     f"{status}, {committed}/{batches} batches" if committed in (0, batches)
                     else "partial")

        # The app opens the file (migrate-on-open runs), finds the job its killed process
        # left running interrupted, and undoes it: back to before.
        db = open_database(f"sqlite:///{path}")
        try:
            if job is not None:
                status_now = _import_state(path)[0][1]
                assert status_now == ("interrupted" if job[1] == "running" else job[1])
                assert undo_import(db, job[0]) == len(emails)
        finally:
            db.dispose()
        assert sqlite_state.problems(path) == []
        assert sqlite_state.differences(
            before_undone, sqlite_state.dump(path, skip=("import_jobs",))) == {}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return state

    start = time.perf_counter()
    states = killing.loop(iteration)
    took = time.perf_counter() - start
    figure(f"kill -9 import of {ROWS:,} rows: {killing.LOOPS} kills in {took:.0f} s "
           f"({killing.JOBS} at once; the import writes from {when.start:.1f} s to "
           f"{when.end:.1f} s): "
           + ", ".join(f"{n} {s}" for s, n in sorted(states.items())))
    if killing.LOOPS >= 20:
        # Otherwise the loop only ever killed before or after the writing.
        assert states.get("partial", 0) >= killing.LOOPS // 10, states


def test_import_runs_again_after_undoing_a_killed_one(setup):
    """Instead of resuming: after an interrupted import is undone, importing the file again
    gives exactly what an uninterrupted import gives."""
    folder, base, source, accepted = setup
    path = folder / "again.db"
    shutil.copyfile(base, path)

    def some_batches_written() -> bool:
        try:
            return bool(_import_state(path)[1])
        except sqlite3.OperationalError:  # the job table is being written: ask again
            return False

    first = killing.run_until(killing.hubdesk("--db", str(path), "import", str(source)),
                              some_batches_written)
    job, emails = _import_state(path)
    assert first.killed and job is not None and 0 < len(emails) < len(accepted)
    killing.completed(killing.hubdesk("--db", str(path), "undo-import", str(job[0])))
    killing.completed(killing.hubdesk("--db", str(path), "import", str(source)))
    conn = sqlite_state.connect(path)
    try:
        emails = [r[0] for r in conn.execute(
            "SELECT email FROM contacts WHERE import_job_id IS NOT NULL ORDER BY id")]
        jobs = conn.execute("SELECT status FROM import_jobs ORDER BY id").fetchall()
    finally:
        conn.close()
    assert emails == accepted
    assert jobs == [("undone",), ("done",)]


def _some_batches_written(path: Path, more_than: int = 0):
    def ready() -> bool:
        try:
            job = _import_state(path)[0]
        except sqlite3.OperationalError:  # the job table is being written: ask again
            return False
        return job is not None and job[2] > more_than
    return ready


# Differ between two runs of the same import by design: when, and which process.
TIMES = {"contacts": {"created_at", "updated_at"}, "notes": {"created_at", "updated_at"},
         "import_jobs": {"started_at", "finished_at", "heartbeat_at", "owner_pid"}}


def test_killed_import_resumes_to_what_one_import_makes(setup):
    folder, base, source, accepted = setup
    reference, path = folder / "reference.db", folder / "resumed.db"
    for copy in (reference, path):
        shutil.copyfile(base, copy)
    whole = killing.completed(killing.hubdesk("--db", str(reference), "import", str(source),
                                              "--json"))

    first = killing.run_until(killing.hubdesk("--db", str(path), "import", str(source)),
                              _some_batches_written(path))
    job = _import_state(path)[0]
    assert first.killed and job is not None and job[1] == "running"
    batches = -(-len(accepted) // BATCH)
    assert 0 < job[2] < batches, "killed too late to resume anything"
    # The resume itself killed once more after a batch of its own, then resumed to the end.
    resume = killing.hubdesk("--db", str(path), "import", "--resume", str(job[0]), "--json")
    second = killing.run_until(resume, _some_batches_written(path, job[2]))
    assert second.killed, second.stderr
    assert _import_state(path)[0][2] < batches, "the resume ended before it was killed"
    resumed = killing.completed(resume)

    assert json.loads(resumed.stdout) == json.loads(whole.stdout)
    assert sqlite_state.problems(path) == []
    assert sqlite_state.differences(sqlite_state.dump(reference, mask=TIMES),
                                    sqlite_state.dump(path, mask=TIMES)) == {}
    assert _import_state(path) == ((job[0], "done", batches, len(accepted)), accepted)

    # One undo removes what the three runs made together.
    killing.completed(killing.hubdesk("--db", str(path), "undo-import", str(job[0])))
    assert sqlite_state.differences(sqlite_state.dump(base, skip=("import_jobs",)),
                                    sqlite_state.dump(path, skip=("import_jobs",))) == {}


def test_an_import_another_process_is_running_is_left_alone(setup):
    from hubdesk.core.db import open_database

    folder, base, source, accepted = setup
    path = folder / "shared.db"
    shutil.copyfile(base, path)
    holder = subprocess.Popen(killing.driver("hold-import", str(path), str(source)),
                              cwd=killing.ROOT, env=killing.env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "batch\n"
        job_id = _import_state(path)[0][0]
        open_database(f"sqlite:///{path}").dispose()  # what the app and every command do
        assert _import_state(path)[0][1] == "running"
        refused = killing.run(killing.hubdesk("--db", str(path), "import", "--resume",
                                              str(job_id)))
        assert refused.returncode == 2
        assert f"import {job_id} is still running (HubDesk process {holder.pid})" \
            in refused.stderr
        assert _import_state(path)[0][1:3] == ("running", 1)
    finally:
        holder.kill()
        holder.communicate()
    open_database(f"sqlite:///{path}").dispose()
    assert _import_state(path)[0][1] == "interrupted"
    killing.completed(killing.hubdesk("--db", str(path), "import", "--resume", str(job_id)))
    assert _import_state(path)[1] == accepted


@pytest.mark.parametrize(("extra", "message"), [
    (["again.csv"], "--resume continues the import's own file: leave out FILE"),
    (["--map", "Email=email", "--on-duplicate", "skip"],
     "--resume continues with the import's own mapping and options; leave out --map, "
     "--on-duplicate"),
    (["--dry-run"], "leave out --dry-run"),
])
def test_resume_refuses_options_of_its_own(tmp_path, capsys, extra, message):
    from hubdesk.cli import main

    path = tmp_path / "contacts.db"
    assert main(["--db", str(path), "import", "--resume", "1", *extra]) == 2
    assert message in capsys.readouterr().err
    assert not path.exists()  # refused before the database was opened


def test_resume_of_a_job_that_is_not_there_is_refused(tmp_path, capsys):
    from hubdesk.cli import main

    path = tmp_path / "contacts.db"
    assert main(["--db", str(path), "import", "--resume", "7"]) == 2
    assert "no import with id 7" in capsys.readouterr().err
