"""`hubdesk duplicates [--json]`: the groups of likely duplicates the Duplicates view lists,
most likely first (DESIGN.md §5). The core loads only when the command runs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from hubdesk.cli_text import pad as _pad

EXIT_OK = 0



def _progress(done: int, total: int) -> None:
    # Only a terminal gets the running count; a script reading stderr gets quiet.
    if sys.stderr.isatty() and total:
        print(f"\rscanning {done:,} / {total:,}", end="", file=sys.stderr, flush=True)


def cmd_duplicates(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from hubdesk.core.contacts import list_rows
    from hubdesk.core.duplicates import find_duplicates
    from hubdesk.core.normalize import display_phone

    db = open_db(args)
    with db.read_session() as s:
        groups = find_duplicates(s, progress=None if args.json else _progress)
        ids = list(dict.fromkeys(i for g in groups for i in g.ids))
        rows = list_rows(s, ids)
    if sys.stderr.isatty() and not args.json:
        print("\r" + " " * 40 + "\r", end="", file=sys.stderr)  # the count line goes
    if args.json:
        print(json.dumps([g.as_dict() for g in groups], ensure_ascii=False, indent=2))
        return EXIT_OK
    for n, g in enumerate(groups):
        if n:
            print()
        print(f"{round(g.confidence * 100):>3} %  {g.reason}")
        for other in g.reasons[1:]:
            print(f"       also {other}")
        for cid in g.ids:
            r = rows.get(cid)
            if r is None:  # gone between the scan and now
                continue
            phone = display_phone(r.phone, r.phone_valid)
            print(f"  {cid:>8}  {_pad(r.name, 24)}  {_pad(r.email, 32)}  {_pad(phone, 18)}  "
                  f"{r.company}".rstrip())
        for low, high in g.kept_apart:
            print(f"       ({low} and {high} were marked as not duplicates)")
    count = len(groups)
    print(f"{count} group{'s' if count != 1 else ''} of likely duplicates", file=sys.stderr)
    return EXIT_OK
