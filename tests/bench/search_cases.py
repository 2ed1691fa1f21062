"""Search-as-you-type: the time from a typed query to its first page of rows."""

from __future__ import annotations

import statistics
import time

from sqlalchemy import text

from hubdesk.core import sort_ranks
from hubdesk.core.contacts import list_rows
from hubdesk.core.db import Database
from hubdesk.core.query import ContactQuery, all_ids, first_page

PAGE = 60  # what the window asks for first (ui.main_window.FIRST_PAGE)
# What people type: surnames (2 and 1 Japanese characters), given names, kana readings,
# email and company fragments, phone fragments in several notations.
QUERIES = ["tanaka", "smith", "yamamoto", "anna", "hooli", "example.org", "1512",
           "090-12", "+81 80", "555-01", "taro.sato", "globex", "müller", "ｽｽﾞｷ", "さくら"]
SHORT_CJK = ["山田", "林", "佐藤", "森", "花子", "東京", "太郎", "葵"]


def time_first_page(db: Database, q: str, ranks: bool = True) -> float:
    """Typed text → the rows of the first page, as the window shows them first: with the
    name-order ranks the window keeps (core.sort_ranks), or without (the first search after
    a change, while they are rebuilt)."""
    start = time.perf_counter()
    current = sort_ranks.current(db) if ranks else None
    with db.read_session() as s:
        list_rows(s, first_page(s, ContactQuery(q), PAGE, current))
    return (time.perf_counter() - start) * 1000


def time_all_ids(db: Database, q: str) -> tuple[float, int]:
    """The whole ordered result, which the window appends below the first page."""
    start = time.perf_counter()
    with db.read_session() as s:
        ids = all_ids(s, ContactQuery(q))
    return (time.perf_counter() - start) * 1000, len(ids)


def naive_first_page(db: Database, q: str) -> float:
    """The baseline: a LIKE '%q%' scan over the raw columns, as a plain app would do."""
    sql = text(
        "SELECT id FROM contacts WHERE deleted_at IS NULL AND ("
        "lower(first_name) LIKE :p OR lower(last_name) LIKE :p OR lower(email) LIKE :p "
        "OR phone LIKE :p OR lower(company) LIKE :p) ORDER BY sort_name LIMIT :n"
    )
    start = time.perf_counter()
    with db.read_session() as s:
        s.execute(sql, {"p": f"%{q.lower()}%", "n": PAGE}).all()
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def run(db: Database, repeats: int = 5) -> tuple[dict[str, float], list[tuple]]:
    per_query: list[tuple] = []
    samples: dict[str, list[float]] = {"all": [], "short": [], "naive": [], "full": [],
                                       "cold": []}
    start = time.perf_counter()
    sort_ranks.refresh(db)  # what the window builds in the background after a search
    ranks_s = time.perf_counter() - start
    for q in QUERIES + SHORT_CJK:
        time_first_page(db, q)  # warm the page cache once, as a session in use would be
        times = [time_first_page(db, q) for _ in range(repeats)]
        samples["cold"] += [time_first_page(db, q, ranks=False) for _ in range(2)]
        full_ms, hits = time_all_ids(db, q)
        samples["all"] += times
        samples["full"].append(full_ms)
        if q in SHORT_CJK:
            samples["short"] += times
        per_query.append((q, statistics.median(times), full_ms, hits))
    for q in (QUERIES + SHORT_CJK)[:8]:
        samples["naive"].append(naive_first_page(db, q))
    figures = {
        "search_p50_ms": statistics.median(samples["all"]),
        "search_p95_ms": percentile(samples["all"], 95),
        "search_short_cjk_p95_ms": percentile(samples["short"], 95),
        "search_p95_without_ranks_ms": percentile(samples["cold"], 95),
        "search_ranks_build_s": ranks_s,
        "search_all_ids_p95_ms": percentile(samples["full"], 95),
        "naive_like_p50_ms": statistics.median(samples["naive"]),
    }
    return figures, per_query
