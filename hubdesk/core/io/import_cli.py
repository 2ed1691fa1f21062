"""`hubdesk import FILE …`: the same engine as the wizard, driven by options."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core.db import Database
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io import templates
from hubdesk.core.io.draft import IGNORE, ColumnMapping
from hubdesk.core.io.importer import ImportOptions, ImportResult, run_import
from hubdesk.core.io.mapping import guess_mapping, mapping_for_preset
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.rejected import write_rejected
from hubdesk.core.models import ImportJob

MATCH_KEYS = ("email", "phone")
# What --resume takes from the job itself; given on the command line they would be ignored.
_NOT_WITH_RESUME = {
    "preset": "--preset", "map": "--map", "template": "--template",
    "save_template": "--save-template", "fill_empty_only": "--fill-empty-only",
    "label": "--label", "region": "--region", "encoding": "--encoding",
    "delimiter": "--delimiter", "sheet": "--sheet", "no_header": "--no-header",
    "skip_questionable": "--skip-questionable", "dry_run": "--dry-run",
}


def _overrides(pairs: list[str], headers: list[str]) -> dict[str, str]:
    out = {}
    by_fold = {h.strip().casefold(): h for h in headers}
    for pair in pairs:
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip():
            raise HubDeskError(f'--map "{pair}": expected "Header=field"')
        real = by_fold.get(header.strip().casefold())
        if real is None:
            raise HubDeskError(f'--map "{pair}": the file has no column "{header.strip()}"')
        target = target.strip()
        out[real] = IGNORE if target.lower() in ("", "ignore", "none", "-") else target
    return out


def _choose_mapping(session: Session, args: argparse.Namespace,
                    headers: list[str]) -> list[ColumnMapping]:
    """--template, else --preset, else a named template for these columns, else the last
    import of these columns, else the guess (--map overrides are applied afterwards).
    Only the source actually used is announced."""
    definitions = attrs.list_attributes(session)
    if args.preset:
        guessed = mapping_for_preset(headers, args.preset, attributes=definitions)
    else:
        guessed = guess_mapping(headers, attributes=definitions)
    if args.template:
        applied = templates.apply_template(session, args.template, headers, definitions)
        mapping = templates.with_fallback(applied, guessed)
        unknown = [m.header for m in applied if m.source == templates.UNKNOWN]
        if unknown:
            print(f"hubdesk: template '{args.template.strip()}' does not know column(s) "
                  f"{', '.join(unknown)}: guessed", file=sys.stderr)
        return mapping
    if args.preset:
        return guessed
    named = templates.template_for_headers(session, headers)
    if named:
        print(f"hubdesk: same columns as template '{named}': using its mapping",
              file=sys.stderr)
        applied = templates.apply_template(session, named, headers, definitions)
        return templates.with_fallback(applied, guessed)
    earlier, remembered = templates.remembered_mapping(session, headers)
    if remembered:
        print(f"hubdesk: same columns as import {earlier}: using its mapping", file=sys.stderr)
        return remembered
    return guessed


def _save_template(db: Database, name: str, result: ImportResult, dry_run: bool) -> None:
    if dry_run or not result.job_id:
        print(f"hubdesk: dry run: mapping template '{name}' not saved", file=sys.stderr)
        return
    with db.session() as s:
        # The mapping as the import ran it: columns that became new attributes are saved
        # as those attributes, so the next import fills them instead of making new ones.
        templates.save_template(s, name, templates.import_mapping(s, result.job_id))
    print(f"hubdesk: saved the mapping as template '{name}'", file=sys.stderr)


def _print_result(args: argparse.Namespace, result: ImportResult, name: str,
                  verb: str) -> None:
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    print(f"{verb} {name}: read {result.read}, created {result.created}, "
          f"updated {result.updated}, skipped {result.skipped}, failed {result.failed}"
          + (f" (import {result.job_id}; undo with: hubdesk undo-import {result.job_id})"
             if result.job_id else ""))
    for e in result.errors[:20]:
        print(f"  row {e.row} (line {e.line}): {e.message}", file=sys.stderr)
    if len(result.errors) > 20:
        print(f"  … and {len(result.errors) - 20} more (use --errors OUT.csv)",
              file=sys.stderr)
    if result.warnings:
        print(f"  {len(result.warnings)} imported row(s) have questionable values, "
              "kept and flagged", file=sys.stderr)


def _check_resume_arguments(args: argparse.Namespace) -> None:
    if args.file is not None:
        raise HubDeskError("--resume continues the import's own file: leave out FILE")
    given = [flag for key, flag in _NOT_WITH_RESUME.items() if getattr(args, key, None)]
    if args.on_duplicate != "update" or args.match != "email,phone":
        given += [f for f, changed in (("--on-duplicate", args.on_duplicate != "update"),
                                       ("--match", args.match != "email,phone")) if changed]
    if given:
        raise HubDeskError(f"--resume continues with the import's own mapping and options; "
                           f"leave out {', '.join(given)}")


def run_resume_command(args: argparse.Namespace, open_db: Callable) -> int:
    """`hubdesk import --resume JOB`."""
    from hubdesk.core.io.import_resume import resume_import

    _check_resume_arguments(args)
    db = open_db(args)
    result = resume_import(db, args.resume)
    if args.errors and result.errors:
        with db.read_session() as s:
            headers = [m.header for m in templates.import_mapping(s, args.resume)]
        write_rejected(args.errors, headers, result.errors)
    with db.read_session() as s:
        name = Path(s.get(ImportJob, args.resume).file_name).name
    _print_result(args, result, name, "Resumed import of")
    return 0


def run_import_command(args: argparse.Namespace, open_db: Callable) -> int:
    if args.resume is not None:
        return run_resume_command(args, open_db)
    if args.file is None:
        raise HubDeskError("import: name the FILE to import (or --resume JOB)")
    match = tuple(m.strip() for m in args.match.split(",") if m.strip())
    if not match or any(m not in MATCH_KEYS for m in match):
        raise HubDeskError(f"--match: use email, phone or both (got '{args.match}')")
    table = open_table(args.file, encoding=args.encoding, delimiter=args.delimiter,
                       sheet=args.sheet, has_header=not args.no_header)
    if table.encoding:
        how = "detected" if not args.encoding else "as given"
        print(f"hubdesk: reading {table.path.name} as {table.encoding} ({how})", file=sys.stderr)
    db = open_db(args)
    with db.read_session() as s:
        mapping = _choose_mapping(s, args, list(table.headers))
    overrides = _overrides(args.map, table.headers)
    mapping = [ColumnMapping(m.header, overrides[m.header], 1.0, "user")
               if m.header in overrides else m for m in mapping]
    # A bad name is refused before anything is written, not after the import ran.
    save_as = templates.check_template(args.save_template, mapping) if args.save_template else ""
    options = ImportOptions(
        on_duplicate=args.on_duplicate, fill_empty_only=args.fill_empty_only, match=match,
        region=args.region, labels=tuple(args.label), skip_questionable=args.skip_questionable,
        dry_run=args.dry_run)
    result = run_import(db, table, mapping, options)
    if save_as:
        _save_template(db, save_as, result, args.dry_run)
    if args.errors and result.errors:
        write_rejected(args.errors, table.headers, result.errors)
    _print_result(args, result, table.path.name,
                  "Would import" if args.dry_run else "Imported")
    return 0
