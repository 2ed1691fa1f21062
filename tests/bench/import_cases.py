"""Import of a Google-format CSV against sqlite3's own .import of the same file (DESIGN §6:
at most 10 × its time, peak RSS ≤ 400 MB)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.bench.import_file import write_google_csv


def run(folder: Path, rows: int, database: str | None = None) -> dict[str, float]:
    """database: import into this (empty) database URL instead of a new SQLite file; the
    sqlite3 baseline is then left out."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / f"google-{rows}.csv"
    if not csv_path.exists():
        write_google_csv(csv_path, rows)
    figures: dict[str, float] = {}
    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli and database is None:
        target = folder / "baseline.db"
        target.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run([sqlite3_cli, str(target), f".import --csv {csv_path} contacts"],
                       check=True)
        figures["baseline_s"] = time.perf_counter() - start
        target.unlink(missing_ok=True)
    db = database or folder / "import.db"
    for suffix in ("", "-wal", "-shm"):
        if database is None:
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "hubdesk", "--db", str(db), "import",
                              str(csv_path), "--region", "JP", "--json"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched, peak = psutil.Process(child.pid), 0
    while child.poll() is None:  # sampled: the peak of this one process, not of all children
        with contextlib.suppress(psutil.Error):
            peak = max(peak, watched.memory_info().rss)
        time.sleep(0.05)
    figures["import_s"] = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"hubdesk import exited {child.returncode}")
    figures["peak_rss_mb"] = peak / 2**20
    return figures
