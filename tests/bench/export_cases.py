"""Export of the benchmark database: CSV of every contact against `sqlite3 -csv` of the same
columns (DESIGN §6: at most 3 × its time), and XLSX and vCard of the first 100,000 contacts.

The CSV export runs as the real command (`hubdesk export`), its peak RSS sampled; XLSX and
vCard run in this process, scoped to the first ids, as the GUI's "export the selection" does.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil

from hubdesk.config import sqlite_url
from hubdesk.core.db import open_database
from hubdesk.core.io.export_rows import ExportScope
from hubdesk.core.io.exporter import ExportOptions, run_export

FIRST = 100_000  # contacts in the XLSX and vCard cases
_STANDARD = ("first_name", "last_name", "first_name_reading", "last_name_reading", "email",
             "phone", "company", "job_title", "timezone", "address_street", "address_city",
             "address_region", "address_postal_code", "address_country",
             "subscription_status", "external_id")


def baseline_sql(db_path: Path) -> str:
    """The columns `hubdesk export` writes by default, as one plain SQLite query."""
    with contextlib.closing(sqlite3.connect(db_path)) as con:
        definitions = [row[0] for row in con.execute(
            "SELECT id FROM attribute_definitions ORDER BY position, id")]
    columns = [f"c.{name}" for name in _STANDARD] + [
        "(SELECT group_concat(email, ' ::: ') FROM contact_emails e "
        "WHERE e.contact_id = c.id)",
        "(SELECT group_concat(phone, ' ::: ') FROM contact_phones p "
        "WHERE p.contact_id = c.id)",
        "(SELECT group_concat(l.name, '; ') FROM contact_labels cl "
        "JOIN labels l ON l.id = cl.label_id WHERE cl.contact_id = c.id)",
        "c.created_at", "c.updated_at", "c.last_activity_at",
    ] + [
        "(SELECT coalesce(value_text, value_number, value_date, value_bool) "
        f"FROM attribute_values v WHERE v.contact_id = c.id AND v.definition_id = {d})"
        for d in definitions
    ]
    return (f"SELECT {', '.join(columns)} FROM contacts c "
            "WHERE c.deleted_at IS NULL ORDER BY c.id;")


def _sqlite3_csv(db_path: Path, out: Path) -> float | None:
    cli = shutil.which("sqlite3")
    if cli is None:
        return None
    start = time.perf_counter()
    with open(out, "wb") as f:
        subprocess.run([cli, "-csv", "-header", str(db_path), baseline_sql(db_path)],
                       stdout=f, check=True)
    return time.perf_counter() - start


def _hubdesk_csv(db_path: Path, out: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of `hubdesk export OUT.csv` as its own process."""
    errors = out.with_suffix(".err")
    with open(errors, "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "hubdesk", "--db", str(db_path),
                                  "export", str(out)], stdout=subprocess.DEVNULL, stderr=err)
        watched, peak = psutil.Process(child.pid), 0
        while child.poll() is None:  # sampled: the peak of this one process
            with contextlib.suppress(psutil.Error):
                peak = max(peak, watched.memory_info().rss)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
    message = errors.read_text(errors="replace").strip()
    errors.unlink()
    if child.returncode != 0:
        raise RuntimeError(f"hubdesk export exited {child.returncode}: {message}")
    return seconds, peak / 2**20


def _first_ids(db_path: Path, n: int) -> list[int]:
    with contextlib.closing(sqlite3.connect(db_path)) as con:
        return [row[0] for row in con.execute(
            "SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY id LIMIT ?", (n,))]


def run(db_path: Path, folder: Path) -> dict[str, float]:
    """Seconds for each export (and the baseline), the CSV export's peak RSS, and how many
    contacts the XLSX and vCard cases wrote."""
    folder.mkdir(parents=True, exist_ok=True)
    figures: dict[str, float] = {}
    baseline = _sqlite3_csv(db_path, folder / "baseline.csv")
    if baseline is not None:
        figures["baseline_s"] = baseline
    figures["csv_s"], figures["peak_rss_mb"] = _hubdesk_csv(db_path, folder / "export.csv")
    ids = _first_ids(db_path, FIRST)
    figures["first"] = len(ids)
    db = open_database(sqlite_url(db_path))
    try:
        for kind, name in (("xlsx", "export.xlsx"), ("vcard", "export.vcf")):
            start = time.perf_counter()
            run_export(db, folder / name, ExportOptions(), ExportScope(ids=ids))
            figures[f"{kind}_s"] = time.perf_counter() - start
    finally:
        db.dispose()
    for name in ("baseline.csv", "export.csv", "export.xlsx", "export.vcf"):
        (folder / name).unlink(missing_ok=True)  # hundreds of MB at a million contacts
    return figures


if __name__ == "__main__":  # python -m tests.bench.export_cases DB
    for case, value in run(Path(sys.argv[1]), Path(sys.argv[1]).parent / "export").items():
        print(f"{case:<14}{value:>12.2f}")
