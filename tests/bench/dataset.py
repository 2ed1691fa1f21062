"""Build, or reuse, a benchmark database of N demo contacts."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hubdesk.config import sqlite_url
from hubdesk.core.contacts import stats
from hubdesk.core.db import normalize_url, open_database
from hubdesk.core.transfer import copy_database


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


def postgres_schema_url(server_url: str, schema: str, *, fresh: bool = False) -> str:
    """A URL whose connections live in `schema` of the given database (created if missing,
    emptied first when fresh), with pg_trgm available from public."""
    url = make_url(normalize_url(server_url))
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
            if fresh:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    finally:
        engine.dispose()
    scoped = url.update_query_dict({"options": f"-csearch_path={schema},public"})
    return scoped.render_as_string(hide_password=False)


def ensure_postgres(server_url: str, source_url: str, n: int) -> tuple[str, float | None]:
    """The URL of a PostgreSQL schema `bench_N` holding the same n contacts as the SQLite
    benchmark database, copied from it once ("copy my contacts to the team server", timed)
    and reused afterwards."""
    url = postgres_schema_url(server_url, f"bench_{n}")
    db = open_database(url)
    with db.read_session() as s:
        have = stats(s)["contacts"]
    db.dispose()
    if have == n:
        return url, None
    url = postgres_schema_url(server_url, f"bench_{n}", fresh=True)
    print(f"Copying {n:,} contacts to PostgreSQL (done once, then reused)…", flush=True)
    source, target = open_database(source_url), open_database(url)
    start = time.perf_counter()
    try:
        copy_database(source, target)
        copied_s = time.perf_counter() - start
        with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))  # fresh statistics, as a server in use has
    finally:
        source.dispose()
        target.dispose()
    return url, copied_s
