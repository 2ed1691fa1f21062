"""Commands that record or combine: `merge KEEP_ID OTHER_ID …`, `log-message` and
`import-messages` (DESIGN.md §5). The core loads only when a command runs."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from hubdesk.core.errors import HubDeskError


def add_parsers(sub) -> None:
    merge = sub.add_parser("merge", help="merge contacts into the first one; nothing is lost "
                                         "(other values kept as extras or in a note)")
    merge.add_argument("keep", type=int, metavar="KEEP_ID")
    merge.add_argument("others", type=int, nargs="+", metavar="OTHER_ID")
    merge.add_argument("--take", action="append", default=[], metavar="FIELD=ID",
                       help="whose value a field gets (name, email, phone, company, address, "
                            "attr:KEY …); default: the most recently updated one")
    merge.add_argument("--json", action="store_true")

    log = sub.add_parser("log-message", help="record a message, call or meeting with a contact")
    log.add_argument("--contact", type=int, required=True, metavar="ID")
    log.add_argument("--channel", required=True,
                     help="email, sms, whatsapp, phone, meeting or other")
    log.add_argument("--direction", required=True,
                     choices=("in", "out", "incoming", "outgoing"))
    log.add_argument("--subject", default="")
    log.add_argument("--body", required=True)
    log.add_argument("--conversation", type=int, metavar="ID",
                     help="add to this conversation instead of starting one")
    log.add_argument("--duration", type=int, metavar="MINUTES", help="a call's or meeting's")
    log.add_argument("--outcome", help="a call's or meeting's, e.g. Reached")
    log.add_argument("--json", action="store_true")

    msgs = sub.add_parser("import-messages", help="import conversations from a CSV, XLSX or "
                                                  "JSON of messages, matched to contacts")
    msgs.add_argument("file")
    msgs.add_argument("--region", help="for phone numbers without a country code")
    msgs.add_argument("--encoding")
    msgs.add_argument("--dry-run", action="store_true")
    msgs.add_argument("--json", action="store_true")


def cmd_merge(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from hubdesk.core.merge import merge_contacts

    choices: dict[str, int] = {}
    for item in args.take:
        key, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit():
            raise HubDeskError(f"--take '{item}': write it as FIELD=CONTACT_ID, e.g. email=12")
        choices[key.strip()] = int(value)
    db = open_db(args)
    with db.session() as s:
        record = merge_contacts(s, args.keep, args.others, choices)
    if args.json:
        print(json.dumps({"id": args.keep, "merged": args.others,
                          "noted": record.kept_values}, ensure_ascii=False, indent=2))
    else:
        print(f"Merged {', '.join(map(str, args.others))} into {args.keep}"
              + (f"; {len(record.kept_values)} value(s) not chosen are kept in a note"
                 if record.kept_values else ""))
    return 0


def cmd_log_message(args: argparse.Namespace,
                    open_db: Callable[[argparse.Namespace], Any]) -> int:
    from hubdesk.core.contacts import get_contact
    from hubdesk.core.conversations import add_message, start_conversation

    direction = {"in": "incoming", "out": "outgoing"}.get(args.direction, args.direction)
    db = open_db(args)
    with db.session() as s:
        get_contact(s, args.contact)  # a missing contact is named before anything is written
        conv = args.conversation
        if conv is None:
            conv = start_conversation(s, args.contact, args.channel, args.subject)
        message = add_message(s, conv, direction, args.body, duration_minutes=args.duration,
                              outcome=args.outcome)
    if args.json:
        print(json.dumps({"conversation": conv, "message": message}))
    else:
        print(f"Recorded message {message} in conversation {conv}")
    return 0


def cmd_import_messages(args: argparse.Namespace,
                        open_db: Callable[[argparse.Namespace], Any]) -> int:
    import sys

    from hubdesk.core.io.message_import import import_messages

    db = open_db(args)
    with db.session() as s:
        result = import_messages(s, args.file, region=args.region, encoding=args.encoding,
                                 dry_run=args.dry_run)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        verb = "Would import" if args.dry_run else "Imported"
        print(f"{verb} {result.imported} of {result.read} messages into "
              f"{len(result.conversations)} conversations; {len(result.errors)} not matched")
        for e in result.errors[:20]:
            print(f"  row {e.row}: {e.message}", file=sys.stderr)
    return 0
