"""Command line: no sub-command opens the window; sub-commands run headless (DESIGN.md §5)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from hubdesk import __version__
from hubdesk.cli_duplicates import cmd_duplicates
from hubdesk.cli_filters import (
    add_segment_parser,
    add_where_arguments,
    cmd_segment,
    is_reported,
    where_from_args,
)
from hubdesk.cli_health import add_parser as add_health_parser
from hubdesk.cli_health import cmd_health
from hubdesk.cli_records import add_parsers as add_record_parsers
from hubdesk.cli_records import cmd_import_messages, cmd_log_message, cmd_merge
from hubdesk.cli_restore import add_parser as add_restore_parser
from hubdesk.cli_restore import cmd_restore
from hubdesk.cli_text import pad as _pad
from hubdesk.cli_transfer import add_parser as add_copy_parser
from hubdesk.cli_transfer import cmd_copy_to
from hubdesk.config import DATABASE_ENV
from hubdesk.core.errors import HubDeskError, ValidationError

EXIT_OK, EXIT_FAILED = 0, 2


class UsageError(HubDeskError):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hubdesk",
        description="Curate customer contacts offline. Without a command, opens the app.",
    )
    p.add_argument("--version", action="version", version=f"HubDesk {__version__}")
    p.add_argument("--db", metavar="PATH|URL",
                   help=f"database file or SQLAlchemy URL (default: ${DATABASE_ENV}, then "
                        "the database chosen in Settings > Database, then the file in "
                        "your data folder)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo-data", help="add N realistic demo contacts")
    demo.add_argument("n", type=_count, metavar="N")
    demo.add_argument("--seed", type=int, default=1)

    add = sub.add_parser("add", help="add one contact and print its id")
    for flag in ("first-name", "last-name", "email", "phone", "company", "timezone"):
        add.add_argument(f"--{flag}", default=None)
    add.add_argument("--label", action="append", default=[], metavar="NAME")
    add.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE")
    add.add_argument("--region", type=_region,
                     help="country code for phones written without +, e.g. JP "
                          "(default: $HUBDESK_REGION, then your locale)")
    add.add_argument("--json", action="store_true")

    show = sub.add_parser("show", help="one contact with everything about it")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")

    stats = sub.add_parser("stats", help="how many contacts, labels, conversations, notes")
    stats.add_argument("--json", action="store_true")

    search = sub.add_parser("search", help="search contacts as the search box does")
    search.add_argument("text", nargs="?", default="")
    search.add_argument("--limit", type=_count, default=None)
    search.add_argument("--json", action="store_true")
    add_where_arguments(search)
    add_segment_parser(sub)

    imp = sub.add_parser("import", help="import contacts from CSV, TSV, XLSX or vCard")
    imp.add_argument("file", type=Path, nargs="?")
    imp.add_argument("--resume", type=int, metavar="JOB",
                     help="continue an interrupted import with its own file, mapping and "
                          "options (instead of FILE)")
    imp.add_argument("--preset", help="header preset (google, outlook, thunderbird, "
                                      "chatwoot, hubspot, vcard); default: detected")
    imp.add_argument("--map", action="append", default=[], metavar='"Header=field"',
                     help="map a column to a field (first_name, email, labels, note, "
                          "extra_phone, attr:KEY, new_attr, ignore …)")
    imp.add_argument("--template", metavar="NAME",
                     help="apply a saved mapping template; columns it does not know are "
                          "guessed")
    imp.add_argument("--save-template", metavar="NAME",
                     help="after the import, save the mapping it used as a template "
                          "(a template with that name is replaced)")
    imp.add_argument("--on-duplicate", choices=("skip", "update", "create"), default="update")
    imp.add_argument("--fill-empty-only", action="store_true",
                     help="with update: only fill fields that are empty")
    imp.add_argument("--match", default="email,phone", help="match duplicates on these, "
                                                            "in order (default email,phone)")
    imp.add_argument("--label", action="append", default=[], metavar="NAME",
                     help="add this label to every imported contact")
    imp.add_argument("--region", type=_region, help="country for phones without +, e.g. JP")
    imp.add_argument("--encoding", help="override the detected text encoding (e.g. cp932)")
    imp.add_argument("--delimiter", help="override the detected CSV delimiter")
    imp.add_argument("--sheet", help="XLSX sheet (default: the first with data)")
    imp.add_argument("--no-header", action="store_true", help="the first row is data")
    imp.add_argument("--skip-questionable", action="store_true",
                     help="reject rows with questionable values instead of flagging them")
    imp.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    imp.add_argument("--errors", type=Path, metavar="OUT.csv",
                     help="write rejected rows here, with an errors column")
    imp.add_argument("--json", action="store_true")

    undo = sub.add_parser("undo-import", help="remove what an import created and revert "
                                              "what it updated")
    undo.add_argument("job", type=int)

    exp = sub.add_parser("export", help="export contacts to CSV, XLSX or vCard")
    exp.add_argument("out", type=Path, metavar="OUT.(csv|xlsx|vcf)")
    which = exp.add_mutually_exclusive_group()
    which.add_argument("--search", metavar="TEXT", help="only the contacts this search finds, "
                                                        "in the list's order")
    which.add_argument("--ids", metavar="1,2,3", help="only these contacts, in this order")
    exp.add_argument("--columns", metavar="KEY,KEY,…",
                     help="columns in order: first_name, email, emails, phones, labels, "
                          "notes, attr:KEY … (default: every field and attribute)")
    exp.add_argument("--preset", help="headers for: hubdesk (default), chatwoot, google")
    exp.add_argument("--encoding", help="CSV: utf-8-sig (default, for Excel), utf-8, or a "
                                        "code page such as cp932 or cp1252")
    exp.add_argument("--replace-unrepresentable", action="store_true",
                     help="CSV code pages: write ? for characters they lack instead of failing")
    exp.add_argument("--no-neutralize", action="store_true",
                     help="CSV: keep cells starting with = + - @ as they are (no leading ')")
    exp.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0")
    exp.add_argument("--json", action="store_true")
    add_where_arguments(exp)

    add_record_parsers(sub)
    add_health_parser(sub)
    dup = sub.add_parser("duplicates", help="groups of likely duplicate contacts, with the "
                                            "reason and a confidence, most likely first")
    dup.add_argument("--json", action="store_true")

    add_copy_parser(sub)
    add_restore_parser(sub)
    backup = sub.add_parser("backup", help="a consistent copy of the database file")
    backup.add_argument("out", type=Path)
    return p


def _region(value: str) -> str:
    import phonenumbers

    code = value.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise argparse.ArgumentTypeError(f"'{value}' is not a country code like JP or US")
    return code


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"'{value}' must not be negative")
    return n


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def _open(args: argparse.Namespace):
    from hubdesk.cli_database import open_for_command

    # Without --db: what the app opens (HUBDESK_DATABASE_URL, then Settings > Database).
    return open_for_command(args.db)


def cmd_demo_data(args: argparse.Namespace) -> int:
    from hubdesk.core.db import bulk_writes
    from hubdesk.core.demo import add_demo_contacts

    db = _open(args)
    chunk = 50_000  # one transaction per chunk keeps the WAL small on huge runs
    done = 0
    while done < args.n:
        size = min(chunk, args.n - done)
        with db.session() as s, bulk_writes(s):
            add_demo_contacts(s, size, seed=args.seed + done)
        done += size
        if args.n > chunk:
            print(f"{done:,} / {args.n:,}", file=sys.stderr)
    print(f"Added {args.n} demo contacts.")
    return EXIT_OK


def _parse_attrs(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--attr '{pair}': expected KEY=VALUE")
        out[key.strip()] = value
    return out


def cmd_add(args: argparse.Namespace) -> int:
    from hubdesk.core.contacts import create_contact, get_contact
    from hubdesk.core.normalize import default_region

    data = {
        key: getattr(args, key)
        for key in ("first_name", "last_name", "email", "phone", "company", "timezone")
        if getattr(args, key) is not None
    }
    attrs = _parse_attrs(args.attr)
    db = _open(args)
    with db.session() as s:
        new_id = create_contact(s, data, region=args.region, labels=args.label, attributes=attrs)
        stored = get_contact(s, new_id)
    if stored["phone"] and not stored["phone_valid"]:
        region = args.region or default_region()
        print(f"hubdesk: note: phone '{stored['phone']}' is not a valid number in {region}; "
              "kept as typed and flagged (use --region or HUBDESK_REGION, or write +country)",
              file=sys.stderr)
    _emit(args, {"id": new_id}, str(new_id))
    return EXIT_OK


def _show_text(c: dict) -> str:
    lines = [f"#{c['id']}  {c['name'] or c['email'] or c['company']}"]
    for key in ("email", "phone", "company", "job_title", "timezone", "subscription_status",
                "external_id", "created_at", "last_activity_at"):
        if c.get(key):
            lines.append(f"  {key.replace('_', ' ')}: {c[key]}")
    if c["emails"]:
        lines.append("  other emails: " + ", ".join(e["email"] for e in c["emails"]))
    if c["phones"]:
        lines.append("  other phones: " + ", ".join(p["phone"] for p in c["phones"]))
    if c["labels"]:
        lines.append("  labels: " + ", ".join(lb["name"] for lb in c["labels"]))
    for key, value in c["attributes"].items():
        lines.append(f"  {key}: {value}")
    for p in c["problems"]:
        lines.append(f"  problem: {p['field']}: {p['message']}")
    lines.append(f"  notes: {len(c['notes'])}, conversations: {len(c['conversations'])}")
    for conv in c["conversations"]:
        lines.append(f"    [{conv['channel']}/{conv['status']}] {conv['subject']} "
                     f"({len(conv['messages'])} messages)")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from hubdesk.core.contacts import get_contact

    db = _open(args)
    with db.read_session() as s:
        contact = get_contact(s, args.id)
    _emit(args, contact, _show_text(contact))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from hubdesk.core.contacts import stats

    db = _open(args)
    with db.read_session() as s:
        figures = stats(s)
    _emit(args, figures, "\n".join(f"{k}: {v}" for k, v in figures.items()))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from hubdesk.core.contacts import list_rows
    from hubdesk.core.query import ContactQuery, count, search_ids

    db = _open(args)
    with db.read_session() as s:
        q = ContactQuery(text=args.text, where=where_from_args(s, args))
        ids = search_ids(s, q, limit=args.limit)
        total = count(s, q) if args.limit is not None else len(ids)
        rows = list_rows(s, ids)
        full = _names(s, ids)
    ordered = [rows[i] for i in ids if i in rows]
    if args.json:
        data = [
            {"id": r.id, "first_name": full[r.id][0], "last_name": full[r.id][1],
             "name": r.name, "email": r.email or None, "phone": r.phone or None,
             "company": r.company, "labels": [name for name, _ in r.labels]}
            for r in ordered
        ]
        _emit(args, data, "")
        return EXIT_OK
    for r in ordered:
        labels = ", ".join(name for name, _ in r.labels)
        print(f"{r.id:>8}  {_pad(r.name, 24)}  {_pad(r.email, 32)}  {_pad(r.phone, 16)}  "
              f"{r.company}" + (f"  [{labels}]" if labels else ""))
    print(f"{len(ordered)} shown of {total} matching", file=sys.stderr)
    return EXIT_OK



def _names(session, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    from hubdesk.core.contacts import first_last_names

    return first_last_names(session, ids)


def cmd_backup(args: argparse.Namespace) -> int:
    db = _open(args)
    dest = db.backup(args.out)
    print(f"Backed up to {dest}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from hubdesk.core.io.import_cli import run_import_command

    return run_import_command(args, _open)


def cmd_export(args: argparse.Namespace) -> int:
    from hubdesk.core.io.export_cli import run_export_command

    return run_export_command(args, _open, where_from_args)


def cmd_undo_import(args: argparse.Namespace) -> int:
    from hubdesk.core.io.importer import undo_import

    db = _open(args)
    affected = undo_import(db, args.job)
    print(f"Undid import {args.job}: {affected} contacts removed or restored.")
    return EXIT_OK


COMMANDS = {
    "demo-data": cmd_demo_data,
    "add": cmd_add,
    "show": cmd_show,
    "stats": cmd_stats,
    "search": cmd_search,
    "backup": cmd_backup,
    "import": cmd_import,
    "undo-import": cmd_undo_import,
    "export": cmd_export,
    "segment": lambda args: cmd_segment(args, _open),
    "duplicates": lambda args: cmd_duplicates(args, _open),
    "merge": lambda args: cmd_merge(args, _open),
    "log-message": lambda args: cmd_log_message(args, _open),
    "import-messages": lambda args: cmd_import_messages(args, _open),
    "copy-to": lambda args: cmd_copy_to(args, _open),
    "restore": cmd_restore,
    "health": lambda args: cmd_health(args, _open),
}


def _opened_files(argv: Sequence[str]) -> tuple[list[str], list[Path]]:
    """`hubdesk [--db …] FILE…` — what a file manager or "Open with" runs — opens the app and
    the import wizard on the file; everything else is the command line as usual."""
    args, files = list(argv), []
    known = set(COMMANDS) | {"-h", "--help", "--version"}
    rest = [a for i, a in enumerate(args) if not (a == "--db" or (i and args[i - 1] == "--db"))
            and not a.startswith("--db=")]
    if rest and rest[0] not in known and not rest[0].startswith("-") and Path(rest[0]).is_file():
        files = [Path(a) for a in rest]
        args = [a for a in args if a not in rest]
    return args, files


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, files = _opened_files(argv)
    args = _parser().parse_args(argv)
    if args.command is None:
        from hubdesk.ui.app import run_app

        # The app resolves the database itself: it may first adopt a location stored by an
        # older HubDesk, and it asks for a team server's password when one is needed.
        return run_app(args.db, open_file=files[0] if files else None)
    try:
        return COMMANDS[args.command](args)
    except ValidationError as exc:
        for field, message in exc.errors.items():
            print(f"hubdesk: invalid {field}: {message}", file=sys.stderr)
        return EXIT_FAILED
    except HubDeskError as exc:
        if not is_reported(exc):
            print(f"hubdesk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader (e.g. `| head`) has all it wanted: not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"hubdesk: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        print(f"hubdesk: database error: {reason}", file=sys.stderr)
        return EXIT_FAILED
