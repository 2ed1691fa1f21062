"""`hubdesk export OUT …`: the same engine as the export dialog, driven by options."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from hubdesk.core.io.export_columns import ExportError, export_preset
from hubdesk.core.io.export_encoding import csv_codec
from hubdesk.core.io.export_rows import ExportScope
from hubdesk.core.io.exporter import ExportOptions, export_format, run_export
from hubdesk.core.query import ContactQuery


def _ids(text: str) -> list[int]:
    ids = []
    for part in text.split(","):
        if not part.strip():
            continue
        try:
            ids.append(int(part))
        except ValueError:
            raise ExportError(f"--ids: '{part.strip()}' is not a contact id") from None
    if not ids:
        raise ExportError("--ids: name at least one contact id")
    return ids


def _options(args: argparse.Namespace, kind: str) -> ExportOptions:
    if args.encoding and kind != "csv":
        raise ExportError("--encoding applies to CSV files only")
    columns = None
    if args.columns is not None:
        columns = [key.strip() for key in args.columns.split(",") if key.strip()]
    options = ExportOptions(
        columns=columns, preset=export_preset(args.preset).name,
        encoding=args.encoding or "utf-8-sig", neutralize=not args.no_neutralize,
        replace_unrepresentable=args.replace_unrepresentable,
        vcard_version=args.vcard_version)
    if kind == "csv":
        csv_codec(options.encoding)
    return options


def run_export_command(args: argparse.Namespace, open_db: Callable,
                       where_from_args: Callable | None = None) -> int:
    """where_from_args(session, args): the filter of --where/--segment (the command line's
    own parsing), or None."""
    # Everything the arguments alone can tell is checked before the database is opened
    # (opening may create it).
    kind = export_format(args.out)
    options = _options(args, kind)
    filtered = bool(getattr(args, "where", None) or getattr(args, "segment", None))
    if filtered and args.ids is not None:
        raise ExportError("--ids cannot be combined with --where or --segment")
    db = open_db(args)
    where = None
    if filtered and where_from_args is not None:
        with db.read_session() as s:
            where = where_from_args(s, args)
    if args.search is not None or where is not None:
        scope = ExportScope(query=ContactQuery(text=args.search or "", where=where))
    elif args.ids is not None:
        scope = ExportScope(ids=_ids(args.ids))
    else:
        scope = ExportScope()
    result = run_export(db, args.out, options, scope)
    report = result.unrepresentable
    if report:
        print(f"hubdesk: note: {report.message()}; written as ?", file=sys.stderr)
    if result.replaced_control_chars:
        print(f"hubdesk: note: {result.replaced_control_chars} control character(s) a "
              "workbook cannot hold were replaced by \ufffd", file=sys.stderr)
    if result.truncated_cells:
        print(f"hubdesk: note: {result.truncated_cells} cell(s) longer than a workbook cell "
              "holds (32,767 characters) were cut", file=sys.stderr)
    if result.labels_with_separators:
        print("hubdesk: note: these labels contain ; , or ::: and will read back as several "
              "labels: " + ", ".join(result.labels_with_separators), file=sys.stderr)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(f"Exported {result.rows} contacts to {args.out}")
    return 0
