"""vCard 2.1, 3.0 and 4.0 files as a SourceTable: one row per card, in VCARD_COLUMNS.

Cards are read one at a time from the stream of properties (vcard_lines), so memory holds one
card, never the file. A card keeps only the properties a column needs, as raw bytes; values are
decoded when the card ends, and only those a column uses: a broken second ORG must not stop an
import that only reads the first.

HubDesk's own X-HUBDESK-<KEY> properties (custom attributes, see export_vcard) become extra
columns after VCARD_COLUMNS, headed by the property name; mapping.py maps them back to the
attribute with that key. Finding them costs a first pass, made only when the file's bytes
mention one.

What a file has but the columns do not take (photos, lines that are not properties, cards
nested in another card) is counted into SourceTable.notes at the end of each complete pass
through rows().
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hubdesk.core.io.table import MULTI_SEPARATOR, VCARD_COLUMNS, SourceRow, SourceTable
from hubdesk.core.io.vcard_lines import (
    FileEncoding,
    Prop,
    decode_caret,
    decode_value,
    file_encoding,
    physical_lines,
    properties,
    split_unescaped,
    unescape,
)

# Properties whose values some column reads (BEGIN/END/VERSION frame the card).
_READ = frozenset({
    "BEGIN", "END", "VERSION", "FN", "N", "SOUND", "X-PHONETIC-FIRST-NAME",
    "X-PHONETIC-LAST-NAME", "NICKNAME", "EMAIL", "TEL", "ORG", "X-DEPARTMENT", "TITLE", "ADR",
    "BDAY", "URL", "NOTE", "CATEGORIES", "TZ", "UID",
})


def read_vcard(path: Path | str, *, encoding: str | None = None) -> SourceTable:
    """Open a vCard file; the encoding is detected unless given (values with a CHARSET
    parameter are decoded in that charset either way)."""
    path = Path(path)
    enc = file_encoding(path, encoding)
    own = _own_properties(path, enc)
    table = SourceTable(
        path=path,
        format="vcard",
        headers=[*VCARD_COLUMNS, *own],
        rows=lambda: _rows(path, enc, table, own),
        encoding=enc.name,
        encoding_guessed=enc.guessed,
    )
    return table


_OWN = re.compile(rb"x-hubdesk-", re.I)
_SCAN_CHUNK = 64 * 1024  # small: reading stays within the memory one card needs


def _own_properties(path: Path, enc: FileEncoding) -> list[str]:
    """The X-HUBDESK-* property names in the file, in the order first met."""
    if not enc.transcode:  # a quick look at the bytes spares most files the second pass
        with open(path, "rb") as file:
            tail = b""
            while chunk := file.read(_SCAN_CHUNK):
                if _OWN.search(chunk) or _OWN.search(tail + chunk[:16]):
                    break
                tail = chunk[-16:]
            else:
                return []
    found: dict[str, None] = {}
    for prop in properties(physical_lines(path, enc), frozenset()):
        if prop.name.startswith("X-HUBDESK-"):
            found[prop.name] = None
    return list(found)


@dataclass
class _Card:
    number: int  # in the order the cards begin
    line: int
    props: list[Prop] = field(default_factory=list)
    version: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass
class _Counts:
    photos: int = 0
    nested: int = 0
    outside: int = 0  # non-blank lines outside any card
    outside_first: int = 0
    junk: int = 0  # lines inside a card that are not properties
    junk_first: int = 0
    cards: int = 0

    def notes(self) -> list[str]:
        notes = []
        if not self.cards:
            notes.append("no BEGIN:VCARD found: the file holds no vCard")
        if self.photos:
            notes.append(f"{self.photos} photo{'s' if self.photos != 1 else ''} not imported")
        if self.nested:
            notes.append(
                f"{self.nested} card(s) nested inside another card (e.g. an AGENT) "
                "read as contacts of their own"
            )
        if self.outside:
            notes.append(
                f"{self.outside} line(s) outside BEGIN:VCARD … END:VCARD ignored "
                f"(the first at line {self.outside_first})"
            )
        if self.junk:
            notes.append(
                f"{self.junk} line(s) that are not vCard properties ignored "
                f"(the first at line {self.junk_first})"
            )
        return notes


# A file that forgets END:VCARD nests every card in the one before: past these limits the
# innermost card is taken as ended and waiting nested cards are given out early, so memory
# stays bounded (only the order of such rows suffers).
_MAX_DEPTH = 8
_MAX_WAITING = 100


def _rows(path: Path, enc: FileEncoding, table: SourceTable,
          own: list[str]) -> Iterator[SourceRow]:
    counts = _Counts()
    open_cards: list[_Card] = []  # the card being read, and those it is nested in
    finished: list[_Card] = []  # nested cards wait for their outer card, to keep the order
    keep = _READ | frozenset(own)
    for prop in properties(physical_lines(path, enc), keep):
        name = prop.name
        frame = name in ("BEGIN", "END") and prop.value.strip().upper() == b"VCARD"
        if frame and name == "BEGIN":
            counts.cards += 1
            counts.nested += bool(open_cards)
            if len(open_cards) == _MAX_DEPTH:
                finished.append(_unclosed(open_cards.pop()))
            open_cards.append(_Card(counts.cards, prop.line))
        elif not open_cards:
            counts.outside += 1
            counts.outside_first = counts.outside_first or prop.line
        elif frame:  # END:VCARD
            finished.append(open_cards.pop())
            if not open_cards or len(finished) > _MAX_WAITING:
                yield from _flush(path, enc, finished, own)
        elif name == "VERSION":
            open_cards[-1].version = prop.value.strip().decode("latin-1")
        elif name in keep:
            if name not in ("BEGIN", "END"):  # BEGIN:VCALENDAR … inside a card: not ours
                open_cards[-1].props.append(prop)
        elif name == "PHOTO":
            counts.photos += prop.has_data
        elif name == "":
            counts.junk += 1
            counts.junk_first = counts.junk_first or prop.line
    yield from _flush(path, enc, finished + [_unclosed(card) for card in open_cards], own)
    table.notes[:] = counts.notes()


def _unclosed(card: _Card) -> _Card:
    card.problems.append(f"the card starting at line {card.line} has no END:VCARD")
    return card


def _flush(path: Path, enc: FileEncoding, cards: list[_Card],
           own: list[str]) -> Iterator[SourceRow]:
    if len(cards) > 1:  # nested cards end before their outer card but follow it
        cards.sort(key=lambda c: c.number)
    for card in cards:
        yield SourceRow(card.number, card.line, _values(path, enc, card, own), card.problems)
    cards.clear()


class _Reader:
    """Decoded, unescaped values of one card's properties (vCard 2.1 escapes less)."""

    def __init__(self, path: Path, enc: FileEncoding, card: _Card):
        self.path, self.enc = path, enc
        self.v21 = card.version.startswith("2")
        self.by_name: dict[str, list[Prop]] = {}
        for prop in card.props:
            self.by_name.setdefault(prop.name, []).append(prop)

    def all(self, name: str) -> list[Prop]:
        """The properties called `name`, the preferred (PREF, TYPE=pref, PREF=n) first."""
        props = self.by_name.get(name, [])
        if len(props) > 1:
            props = sorted(props, key=lambda p: p.params.pref or 1000)
        return props

    def raw(self, prop: Prop) -> str:
        if prop.value.isascii() and not prop.params.encoding:  # the common case, made quick
            text = prop.value.decode("ascii")
        else:
            text = decode_value(self.path, prop, self.enc)
        return text.replace("\r\n", "\n") if "\r" in text else text

    def text(self, prop: Prop) -> str:
        # 2.1 has no escapes in plain text: "A;B\C" is what the writer meant (AOSP agrees).
        raw = self.raw(prop)
        return (raw if self.v21 else unescape(raw, False)).strip()

    def parts(self, prop: Prop, size: int, sep: str = ";") -> list[str]:
        parts = [unescape(p, self.v21).strip() for p in split_unescaped(self.raw(prop), sep)]
        return parts + [""] * (size - len(parts))

    def first(self, name: str) -> str:
        for prop in self.all(name):
            if text := self.text(prop):
                return text
        return ""

    def first_parts(self, name: str, size: int) -> list[str]:
        props = self.all(name)
        return self.parts(props[0], size) if props else [""] * size

    def texts(self, name: str) -> list[str]:
        return [self.text(prop) for prop in self.all(name)]

    def items(self, name: str) -> list[str]:
        """Comma-separated values (NICKNAME, CATEGORIES) of every property called `name`."""
        return [item for prop in self.all(name) for item in self.parts(prop, 0, ",")]


# Columns taken from the first non-empty property of a name (the preferred one first).
_FIRST = {
    "Full Name": "FN", "Title": "TITLE", "Birthday": "BDAY", "URL": "URL", "Time Zone": "TZ",
    "UID": "UID",
}
_NAME_PARTS = ["Last Name", "First Name", "Middle Name", "Prefix", "Suffix"]  # N, in order


def _values(path: Path, enc: FileEncoding, card: _Card, own: list[str]) -> list[str]:
    read = _Reader(path, enc, card)
    present = read.by_name  # most cards have few properties: skip the absent ones quickly
    values = dict.fromkeys(VCARD_COLUMNS, "")
    for column, name in _FIRST.items():
        if name in present:
            values[column] = read.first(name)
    if "N" in present:
        values.update(zip(_NAME_PARTS, read.first_parts("N", 5), strict=False))
    if "ADR" in present:  # the post office box (first component) has no column
        _pobox, extended, street, *place = read.first_parts("ADR", 7)[:7]
        values["Street"] = ", ".join(p for p in (street, extended) if p)  # "…, Suite D2-630"
        values.update(zip(["City", "Region", "Postal Code", "Country"], place, strict=True))
    values["Phonetic Last Name"], values["Phonetic First Name"] = _readings(read)
    if "ORG" in present:
        org = read.first_parts("ORG", 1)
        values["Organization"] = org[0]
        values["Department"] = ", ".join(p for p in org[1:] if p)
    if not values["Department"] and "X-DEPARTMENT" in present:
        values["Department"] = read.first("X-DEPARTMENT")
    if "EMAIL" in present:
        values["E-mail"] = _joined([_strip_scheme(t, "mailto:") for t in read.texts("EMAIL")])
    if "TEL" in present:
        values["Phone"] = _joined([_phone(t) for t in read.texts("TEL")])
    if "NICKNAME" in present:
        values["Nickname"] = _joined(read.items("NICKNAME"))
    if "CATEGORIES" in present:
        values["Categories"] = _joined(read.items("CATEGORIES"))
    if "NOTE" in present:  # every note, in file order, a blank line between them
        values["Note"] = "\n\n".join(t for p in present["NOTE"] if (t := read.text(p)))
    return [values[column] for column in VCARD_COLUMNS] + [
        read.first(name) if name in present else "" for name in own]


def _readings(read: _Reader) -> tuple[str, str]:
    """(last, first) name readings: Apple/Google X-PHONETIC-*, else the 2.1 SOUND;X-IRMC-N of
    Japanese phones (structured like N), else vCard 4.0's SORT-AS parameter on N."""
    present = read.by_name
    if "X-PHONETIC-LAST-NAME" in present or "X-PHONETIC-FIRST-NAME" in present:
        last, first = read.first("X-PHONETIC-LAST-NAME"), read.first("X-PHONETIC-FIRST-NAME")
        if last or first:
            return last, first
    for prop in read.all("SOUND"):
        if "x-irmc-n" in prop.params.types:
            sound = read.parts(prop, 2)
            if sound[0] or sound[1]:
                return sound[0], sound[1]
    for prop in read.all("N"):
        if prop.params.sort_as:
            text = decode_caret(decode_value(read.path, prop, read.enc, prop.params.sort_as))
            sort_as = [s.strip() for s in text.split(";" if ";" in text else ",")] + ["", ""]
            return sort_as[0], sort_as[1]
    return "", ""


def _joined(values: list[str]) -> str:
    """Several values in one cell, the way Google Contacts CSV holds them; repeats dropped."""
    return MULTI_SEPARATOR.join(dict.fromkeys(v for v in values if v))


def _strip_scheme(value: str, scheme: str) -> str:
    return value[len(scheme) :].strip() if value.lower().startswith(scheme) else value


def _phone(value: str) -> str:
    """A 4.0 tel: URI as the number people type ("tel:+1-418-656-9254;ext=102")."""
    value = _strip_scheme(value, "tel:")
    number, sep, ext = value.partition(";ext=")
    return f"{number} ext. {ext}" if sep else value
