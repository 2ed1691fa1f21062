"""Headless actions the command line has no sub-command for, run as their own process so a
test can kill them or run two at once:

    python -m tests.reliability.driver delete DB          Trash every contact whose id is not
                                                          a multiple of 3, then empty the Trash
    python -m tests.reliability.driver hold DB            open the database, say "open" and
                                                          wait until killed
    python -m tests.reliability.driver hold-import DB FILE
                                                          import FILE as `hubdesk import`
                                                          does, say "batch" after the first
                                                          batch and wait there until killed
    python -m tests.reliability.driver write DB NAME SECONDS
                                                          add contacts and count visits on
                                                          shared ones for SECONDS
"""

from __future__ import annotations

import sys
import time

from sqlalchemy import select

from hubdesk.core import attributes, bulk, contacts
from hubdesk.core.db import open_database
from hubdesk.core.models import Contact


def delete(path: str) -> None:
    # What the app's Delete (a bulk action: one transaction) then Empty Trash do.
    db = open_database(f"sqlite:///{path}")
    with db.read_session() as s:
        ids = list(s.scalars(select(Contact.id).where(Contact.id % 3 != 0).order_by(Contact.id)))
    with db.session() as s:
        bulk.trash(s, ids)
    with db.session() as s:
        contacts.empty_trash(s)


def write(path: str, name: str, seconds: float) -> None:
    """Round after round, each one transaction as the app makes them: add a contact (rows of
    its own), add 1 to the "visits" of this writer's contact (disjoint) and of the contact
    both writers share (overlapping: a read-modify-write), and rename the shared contact's
    company. Prints how many rounds it did, for the test to add up."""
    db = open_database(f"sqlite:///{path}")
    with db.read_session() as s:
        ids = {c.first_name: c.id for c in s.scalars(select(Contact))}
    rounds, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        rounds += 1
        with db.session() as s:
            contacts.create_contact(s, {"first_name": name, "last_name": f"round {rounds}"})
            for who in (name, "shared"):
                visits = attributes.attribute_values(s, ids[who]).get("visits") or 0
                attributes.set_attribute_values(s, ids[who], {"visits": visits + 1})
            contacts.update_contact(s, ids["shared"], {"company": f"{name} {rounds}"})
    print(rounds)


def hold(path: str) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.read_session() as s:
        s.scalar(select(Contact.id))
    print("open", flush=True)
    time.sleep(600)


def hold_import(path: str, source: str) -> None:
    from hubdesk.core.io.importer import run_import
    from hubdesk.core.io.mapping import guess_mapping
    from hubdesk.core.io.open_table import open_table

    db = open_database(f"sqlite:///{path}")
    table = open_table(source)

    def cancelled() -> bool:  # asked after every committed batch
        print("batch", flush=True)
        time.sleep(600)
        return False

    run_import(db, table, guess_mapping(table.headers), cancelled=cancelled)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "delete":
        delete(args[0])
    elif command == "hold":
        hold(args[0])
    elif command == "hold-import":
        hold_import(args[0], args[1])
    elif command == "write":
        write(args[0], args[1], float(args[2]))
    else:
        sys.exit(f"unknown command {command}")
