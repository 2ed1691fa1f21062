"""The same search, filter and import cases on PostgreSQL (issue 10: a team database), on a
copy of the very contacts the SQLite cases use, so the two columns compare like with like."""

from __future__ import annotations

from pathlib import Path

from hubdesk.core.db import open_database
from tests.bench import dataset, filter_cases, import_cases, search_cases


def run(server_url: str, sqlite_url: str, n: int, import_folder: Path,
        import_rows: int) -> tuple[dict[str, float], list[tuple]]:
    """Figures named like the SQLite ones with a `pg_` prefix, and the per-query table."""
    url, copied_s = dataset.ensure_postgres(server_url, sqlite_url, n)
    figures: dict[str, float] = {}
    if copied_s is not None:
        figures["pg_copy_to_server_s"] = copied_s
    db = open_database(url)
    try:
        searched, per_query = search_cases.run(db)
        filtered = filter_cases.run(db)
    finally:
        db.dispose()
    sqlite_only = {"search_p95_without_ranks_ms", "search_ranks_build_s"}  # core.sort_ranks
    figures |= {f"pg_{k}": v for k, v in (searched | filtered).items() if k not in sqlite_only}
    if import_rows:
        target = dataset.postgres_schema_url(server_url, "bench_import", fresh=True)
        imported = import_cases.run(import_folder, import_rows, database=target)
        figures["pg_import_s"] = imported["import_s"]
        figures["pg_import_peak_rss_mb"] = imported["peak_rss_mb"]
    return figures, per_query
