"""Build, or reuse, a benchmark database of N demo contacts."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from hubdesk.config import sqlite_url
from hubdesk.core.contacts import stats
from hubdesk.core.db import open_database


def default_path(n: int) -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("HubDesk", "HubDesk") / "bench" / f"bench-{n}.db"


def ensure_database(path: Path, n: int) -> tuple[str, float | None]:
    """The URL of a database holding exactly n live contacts; seconds spent building it."""
    url = sqlite_url(path)
    if path.exists():
        db = open_database(url)
        with db.read_session() as s:
            have = stats(s)["contacts"]
        db.dispose()
        if have == n:
            return url, None
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"Building {n:,} demo contacts in {path} (done once, then reused)…", flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "hubdesk", "--db", str(path), "demo-data", str(n)],
                   check=True)
    return url, time.perf_counter() - start
