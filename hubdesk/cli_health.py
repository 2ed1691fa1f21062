"""`hubdesk health [--json] [--no-duplicates]`: the Health view's counts. Possible duplicates
come from the duplicate scan (seconds on a big database); --no-duplicates leaves them out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK = 0


def add_parser(sub: Any) -> None:
    health = sub.add_parser("health", help="counts of contacts that need attention (no email, "
                                           "invalid phones, duplicates …)")
    health.add_argument("--json", action="store_true")
    health.add_argument("--no-duplicates", action="store_true",
                        help="skip the duplicate scan (the slow part on big databases)")


def cmd_health(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from hubdesk.core.health import (
        CHECKS_BY_KEY,
        DUPLICATES,
        LABELS,
        duplicate_count,
        health_counts,
    )

    db = open_db(args)
    with db.read_session() as s:
        counts = health_counts(s)
        if not args.no_duplicates:
            counts[DUPLICATES] = duplicate_count(s)
    ordered = {key: counts[key] for key in LABELS if key in counts}
    if args.json:
        print(json.dumps(ordered, indent=2))
        return EXIT_OK
    width = max(len(f"{n:,}") for n in ordered.values())
    for key, n in ordered.items():
        where = CHECKS_BY_KEY[key].filter if key in CHECKS_BY_KEY else ""
        hint = f"   (--where '{where}')" if where and n and key != "contacts" else ""
        print(f"{n:>{width},}  {LABELS[key]}{hint}")
    if args.no_duplicates:
        print("possible duplicates not counted (--no-duplicates)", file=sys.stderr)
    return EXIT_OK
