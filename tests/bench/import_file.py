"""A Google Contacts CSV (new format) of N realistic people, 2 % of them near-duplicates of
others (same email in another case, same phone in another notation), for the benchmark."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from hubdesk.core.demo import _person

HEADERS = ["First Name", "Middle Name", "Last Name", "Phonetic First Name",
           "Phonetic Last Name", "Nickname", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
           "Phone 1 - Label", "Phone 1 - Value", "Organization Name", "Organization Title",
           "Address 1 - City", "Address 1 - Region", "Address 1 - Postal Code",
           "Address 1 - Country", "Notes"]
LABELS = ["* myContacts", "* myContacts ::: Customers", "* myContacts ::: VIP ::: 顧客", ""]


def write_google_csv(path: Path, n: int, seed: int = 7, duplicates: float = 0.02) -> Path:
    rng = random.Random(seed)
    kept: list[list[str]] = []
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for i in range(n):
            if kept and rng.random() < duplicates:
                row = list(rng.choice(kept))
                row[8] = row[8].upper()  # same address, other case
                row[10] = row[10].replace("+81", "0") if row[10].startswith("+81") else row[10]
            else:
                p = _person(rng, i)
                if not p["phone"].startswith("+81"):
                    # Demo numbers outside Japan repeat (555-01xx); real lists do not.
                    p["phone"] = f"+1212{2000000 + i:07d}"
                row = [p["first_name"], "", p["last_name"], p["first_name_reading"],
                       p["last_name_reading"], "", rng.choice(LABELS), "Work", p["email"],
                       "Mobile", p["phone"], p["company"], "", p["address_city"],
                       p["address_region"], p["address_postal_code"], p["address_country"],
                       "" if rng.random() < 0.9 else "Met at the trade show"]
                if len(kept) < 5000:
                    kept.append(row)
            writer.writerow(row)
    return path
