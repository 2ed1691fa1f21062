"""vCard 3.0 (RFC 2426) or 4.0 (RFC 6350) out: one UTF-8 file, CRLF line ends, values escaped
(backslash, comma, semicolon, line break) and lines folded at 75 octets without splitting a
UTF-8 sequence.

Which properties a card holds follows the chosen columns: N and FN (always; FN falls back to
the company or email so no card is nameless), the Apple/Google phonetic names, EMAIL and TEL
(the primary one PREF), ORG, TITLE, ADR (when an address column is chosen and filled), TZ,
UID (the external identifier), NOTE (one per note), CATEGORIES (labels), REV (updated) and
X-HUBDESK-<KEY> for custom attributes, which HubDesk's vCard reader maps back. Subscription,
created and last-activity have no vCard property and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, BinaryIO

from hubdesk import __version__
from hubdesk.core.io.draft import ATTRIBUTE_PREFIX
from hubdesk.core.io.export_cells import protect, scalar_text, whole
from hubdesk.core.io.export_columns import (
    EMAILS,
    LABELS,
    NOTES,
    NUMBER_TYPES,
    PHONES,
    ExportColumn,
    ExportError,
    property_name,
)
from hubdesk.core.normalize import display_name

VERSIONS = ("3.0", "4.0")
LINE_OCTETS = 75
_ADDRESS = ("address_street", "address_city", "address_region", "address_postal_code",
            "address_country")
_ESCAPES = str.maketrans({"\\": "\\\\", ",": "\\,", ";": "\\;", "\n": "\\n"})


def escape(value: str) -> str:
    """A text value as RFC 6350 §3.4 writes it (line breaks of any kind become \\n)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.translate(_ESCAPES)


def fold(line: str) -> bytes:
    """One content line as UTF-8 octets, folded so no physical line exceeds 75 octets
    (a continuation's leading space counts), each ending in CRLF."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    parts, start, room = [], 0, LINE_OCTETS
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1  # never between the bytes of one character
        parts.append(data[start:end])
        start, room = end, LINE_OCTETS - 1
    return b"\r\n ".join(parts) + b"\r\n"


def _first_protected(values: Sequence[str]) -> list[str]:
    """The importer reads a list property as one cell: only its first value starts it."""
    values = list(values)
    if values:
        values[0] = protect(values[0], False)
    return values


class VcardWriter:
    def __init__(self, out: BinaryIO, columns: Sequence[ExportColumn], *,
                 version: str = "3.0"):
        if version not in VERSIONS:
            raise ExportError(f"vCard version must be 3.0 or 4.0 (got '{version}')")
        self.out, self.columns, self.v4 = out, list(columns), version == "4.0"
        self.version = version
        self.index = {c.key: i for i, c in enumerate(self.columns)}
        self.attributes = [(i, property_name(c.key[len(ATTRIBUTE_PREFIX):]),
                            c.kind in NUMBER_TYPES)
                           for i, c in enumerate(self.columns) if c.definition_id is not None]
        self.rows_done = 0

    def header(self) -> None:
        """A vCard file has no header."""

    def rows(self, ids: list[int], rows: list[tuple[Any, ...]]) -> None:
        self.out.write(b"".join(self._card(row) for row in rows))
        self.rows_done += len(rows)

    def finish(self) -> None:
        """Nothing follows the last card."""

    def discard(self) -> None:
        """Nothing to drop: the exporter removes the file."""

    # --- one card ---------------------------------------------------------------------
    def _get(self, row: tuple[Any, ...], key: str) -> Any:
        i = self.index.get(key)
        return None if i is None else row[i]

    def _text(self, row: tuple[Any, ...], key: str) -> str:
        value = self._get(row, key)
        return protect(value, False) if value else ""

    def _card(self, row: tuple[Any, ...]) -> bytes:
        get, text = self._get, self._text
        first, last = text(row, "first_name"), text(row, "last_name")
        email, phone = get(row, "email") or "", get(row, "phone") or ""
        lines = ["BEGIN:VCARD", f"VERSION:{self.version}",
                 f"PRODID:-//HubDesk//HubDesk {__version__}//EN"]
        if not self.v4 or first or last:
            lines.append(f"N:{escape(last)};{escape(first)};;;")
        full = (display_name(get(row, "first_name") or "", get(row, "last_name") or "")
                or get(row, "company") or email)
        lines.append(f"FN:{escape(protect(full, False))}")
        for key, prop in (("first_name_reading", "X-PHONETIC-FIRST-NAME"),
                          ("last_name_reading", "X-PHONETIC-LAST-NAME")):
            if value := text(row, key):
                lines.append(f"{prop}:{escape(value)}")
        emails = _first_protected([e for e in (email, *(get(row, EMAILS) or ())) if e])
        for n, value in enumerate(emails):
            pref = (";PREF=1" if self.v4 else ",PREF") if n == 0 and email else ""
            head = "EMAIL" + (pref if self.v4 else f";TYPE=INTERNET{pref}")
            lines.append(f"{head}:{escape(value)}")
        phones = _first_protected([p for p in (phone, *(get(row, PHONES) or ())) if p])
        for n, value in enumerate(phones):
            lines.append(self._tel(value, n == 0 and bool(phone)))
        if company := text(row, "company"):
            lines.append(f"ORG:{escape(company)}")
        if title := text(row, "job_title"):
            lines.append(f"TITLE:{escape(title)}")
        address = [text(row, k) for k in _ADDRESS]
        if any(address):
            street, city, region, postal, country = (escape(a) for a in address)
            lines.append(f"ADR;TYPE=WORK:;;{street};{city};{region};{postal};{country}")
        if zone := get(row, "timezone"):
            lines.append(f"TZ:{escape(zone)}" if self.v4 else f"TZ;VALUE=text:{escape(zone)}")
        if uid := text(row, "external_id"):
            lines.append(f"UID:{escape(uid)}")
        for note in _first_protected(get(row, NOTES) or ()):
            lines.append(f"NOTE:{escape(note)}")
        if labels := get(row, LABELS):
            lines.append("CATEGORIES:" + ",".join(escape(lb) for lb in _first_protected(labels)))
        if isinstance(updated := get(row, "updated_at"), datetime):
            lines.append("REV:" + updated.strftime("%Y%m%dT%H%M%SZ" if self.v4
                                                   else "%Y-%m-%dT%H:%M:%SZ"))
        for i, prop, number in self.attributes:
            value = whole(row[i]) if number else row[i]
            if value is not None:
                lines.append(f"{prop}:{escape(protect(scalar_text(value), False))}")
        lines.append("END:VCARD")
        return b"".join(fold(line) for line in lines)

    def _tel(self, value: str, preferred: bool) -> str:
        if self.v4:
            pref = ";PREF=1" if preferred else ""
            if value.startswith("+") and value[1:].isdigit():
                return f"TEL;VALUE=uri{pref}:tel:{value}"
            return f"TEL;VALUE=text{pref}:{escape(value)}"
        return f"TEL;TYPE=VOICE{',PREF' if preferred else ''}:{escape(value)}"
