"""The command line's filters: --where EXPR and --segment NAME for search and export, and
the `segment` command (save, list, delete). A malformed expression is reported with a caret
under the problem and exit status 2."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from hubdesk.core.errors import HubDeskError

if TYPE_CHECKING:  # the filter engine loads only for commands that filter
    from hubdesk.core.filters import Expr


def add_where_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--where", metavar="EXPR",
                        help="filter, e.g. 'label:vip and account_size>100 and "
                             "(city:Tokyo or city:Osaka) and not label:churned'")
    parser.add_argument("--segment", metavar="NAME", help="a saved segment's filter")


def add_segment_parser(sub) -> None:
    seg = sub.add_parser("segment", help="saved filters: save, list, delete")
    actions = seg.add_subparsers(dest="segment_command", metavar="ACTION", required=True)
    save = actions.add_parser("save", help="save (or replace) a named filter")
    save.add_argument("name")
    save.add_argument("--where", metavar="EXPR", required=True)
    listing = actions.add_parser("list", help="every segment with its filter and count")
    listing.add_argument("--json", action="store_true")
    delete = actions.add_parser("delete", help="delete a segment")
    delete.add_argument("name")


def _checked(session, text: str, option: str) -> Expr:
    from hubdesk.core.filters import FilterSyntaxError
    from hubdesk.core.segments import compile_where

    try:
        return compile_where(session, text)
    except FilterSyntaxError as exc:
        print(f"hubdesk: {option}: {exc.reason} (at position {exc.position + 1})",
              file=sys.stderr)
        for line in exc.pointer().splitlines():
            print(f"  {line}", file=sys.stderr)
        raise _AlreadyReported() from exc
    except HubDeskError as exc:
        raise HubDeskError(f"{option}: {exc}") from exc


class _AlreadyReported(HubDeskError):
    """The message is on stderr already; the caller only needs the exit status."""


def where_from_args(session, args: argparse.Namespace) -> Expr | None:
    """--where and --segment together mean both must hold."""
    from hubdesk.core.filters import All
    from hubdesk.core.segments import get_segment

    parts: list[Expr] = []
    if getattr(args, "segment", None):
        segment = get_segment(session, args.segment)
        parts.append(_checked(session, segment.where, f"segment '{segment.name}'"))
    if getattr(args, "where", None):
        parts.append(_checked(session, args.where, "--where"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else All(tuple(parts))


def cmd_segment(args: argparse.Namespace, open_db) -> int:
    from hubdesk.core.query import ContactQuery, count
    from hubdesk.core.segments import (
        canonical_where,
        delete_segment,
        list_segments,
        save_segment,
    )

    db = open_db(args)
    if args.segment_command == "save":
        with db.session() as s:
            _checked(s, args.where, "--where")
            save_segment(s, args.name, args.where)
            stored = canonical_where(s, args.where)
        print(f"Saved segment '{args.name.strip()}': {stored}")
        return 0
    if args.segment_command == "delete":
        with db.session() as s:
            delete_segment(s, args.name)
        print(f"Deleted segment '{args.name.strip()}'")
        return 0
    rows = []
    with db.read_session() as s:
        for seg in list_segments(s):
            try:
                n: int | None = count(s, ContactQuery(where=_checked(s, seg.where, seg.name)))
                problem = ""
            except HubDeskError as exc:
                n, problem = None, str(exc)
            rows.append({"name": seg.name, "where": seg.where, "count": n,
                         **({"error": problem} if problem else {})})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            shown = f"{row['count']:>9,}" if row["count"] is not None else "        !"
            print(f"{shown}  {row['name']}  —  {row['where']}"
                  + (f"  ({row['error']})" if "error" in row else ""))
    return 0


def is_reported(exc: BaseException) -> bool:
    return isinstance(exc, _AlreadyReported)
