"""`hubdesk [--db SOURCE] copy-to URL`: copy every contact (and everything else) into another,
empty database — "copy my contacts to the team server", or a local copy of a team database.
The core loads only when the command runs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hubdesk.core.errors import HubDeskError


def add_parser(sub) -> None:
    copy = sub.add_parser(
        "copy-to", help="copy the whole database into another, empty one (e.g. the team's "
                        "PostgreSQL server); row counts are checked, nothing half-done is kept")
    copy.add_argument("target", metavar="URL",
                      help="postgresql://user@host/db, or a path for a new SQLite file")
    copy.add_argument("--json", action="store_true")


def _progress(done: int, total: int) -> None:
    # Only for a person watching: a log or a pipe gets the one summary line at the end.
    if sys.stderr.isatty() and total:
        print(f"\rCopying… {done * 100 // total:3d} % ({done:,} of {total:,} rows)",
              end="", file=sys.stderr, flush=True)


def cmd_copy_to(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from hubdesk.config import resolve_database_url
    from hubdesk.core.db import open_database, shown_url
    from hubdesk.core.transfer import copy_database

    target_url = resolve_database_url(args.target)
    source = open_db(args)
    if target_url == source.url:
        raise HubDeskError("copy-to: the target is the database being copied; name another")
    # A new SQLite file that the copy fails to fill is removed again: it was never there.
    new_file = None
    if target_url.startswith("sqlite:///"):
        path = Path(target_url.removeprefix("sqlite:///"))
        new_file = None if path.exists() else path
    target = open_database(target_url)
    try:
        result = copy_database(source, target, progress=_progress)
    except BaseException:
        target.dispose()
        if new_file is not None:
            for suffix in ("", "-wal", "-shm"):
                new_file.with_name(new_file.name + suffix).unlink(missing_ok=True)
        raise
    finally:
        if sys.stderr.isatty():
            print(file=sys.stderr)
    target.dispose()
    shown = shown_url(target_url)
    if args.json:
        print(json.dumps({"target": shown, "contacts": result.contacts, "rows": result.rows,
                          "tables": result.counts}, indent=2))
    else:
        tables = sum(1 for n in result.counts.values() if n)
        print(f"Copied {result.contacts:,} contacts ({result.rows:,} rows in {tables} tables) "
              f"to {shown}; every table's row count matches.")
    return 0
