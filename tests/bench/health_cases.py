"""View → Health over the benchmark database (issue 12: a million contacts fill the view within
2 s): the background job that fills it (every count and every chart, core.health_figures),
beside the naive way — each check's filter counted on its own, as the segments panel counts."""

from __future__ import annotations

import statistics
import time

from hubdesk.core.db import Database
from hubdesk.core.filters import parse, resolve
from hubdesk.core.health import CHECKS, health_figures
from hubdesk.core.query import ContactQuery, count


def run(db: Database, repeats: int = 3) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        health_figures(db.read_session)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    with db.read_session() as s:
        for check in CHECKS:
            count(s, ContactQuery(where=resolve(s, parse(check.filter))))
    naive = time.perf_counter() - start
    return {"health_view_s": statistics.median(times), "health_per_filter_s": naive}
