"""The duplicate scan over the benchmark database (DESIGN §6: ≤ 15 s for a million contacts),
and the memory it takes on top of what the process already held."""

from __future__ import annotations

import threading
import time

import psutil

from hubdesk.core.db import Database
from hubdesk.core.duplicates import find_duplicates


class _PeakRss:
    """Samples this process's RSS on a thread: the scan's peak, not just its end."""

    def __init__(self, every_s: float = 0.05):
        self._proc = psutil.Process()
        self._every = every_s
        self._stop = threading.Event()
        self.start_mb = self.peak_mb = self._proc.memory_info().rss / 2**20
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self._every):
            self.peak_mb = max(self.peak_mb, self._proc.memory_info().rss / 2**20)

    def __enter__(self) -> _PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, self._proc.memory_info().rss / 2**20)


def run(db: Database) -> dict[str, float]:
    with db.read_session() as s, _PeakRss() as rss:
        start = time.perf_counter()
        groups = find_duplicates(s)
        seconds = time.perf_counter() - start
    return {"duplicate_scan_s": seconds, "duplicate_groups": float(len(groups)),
            "duplicate_scan_extra_mb": rss.peak_mb - rss.start_mb}
