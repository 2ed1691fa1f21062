"""One row of cells + the column mapping → a ContactDraft (raw texts, not yet validated).

`mapping[i]` describes `values[i]` (guess_mapping returns one mapping per header, in order).
Nothing non-empty is dropped silently: a column the user set to IGNORE is skipped, and a
value that has nowhere to go (a second value for a one-value field, an unknown target)
is named in `draft.problems`.

Decisions worth knowing:
- Outlook's placeholders (`0/0/00`, `1/1/1601`, `Unspecified`, `未指定`) are empty cells.
- Emails and phones: every "email" column's values in column order, Google's `* ` primary
  first; the first is the contact's email, the rest extra emails, then the EXTRA_EMAIL
  columns. With no email column filled, the first extra becomes the email — a contact whose
  only number sits in "Business Phone" still has a phone to be found by. Same for phones.
- Labels split on `;`, `,` (also full-width `；` `，`, as typed in Japanese input mode) and
  ` ::: `; Google's `* ` marker is removed. Google's system
  group `myContacts` ("My Contacts") is every Google contact, so it is not a label;
  `starred` is the user's own mark and stays a label.
- FULL_NAME fills first/last only when both are empty: "Smith, John" → John / Smith;
  "John Smith" → John / Smith (name particles such as "van" start the last name); a
  Japanese (CJK) name is family name first: "山田 太郎" → 山田 / 太郎, and without a space
  ("山田太郎") all of it is the last name, since where to split cannot be known and the family
  name is what Japanese lists sort and display first. A full name equal to the company is
  a company-only entry (Outlook, Thunderbird), not a person's name. A full name that says
  more than the first/last columns ("Dr. John Smith Jr.") goes to the note, not lost.
- NOTE columns become one note: a notes column as written, others as "Header: value".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from hubdesk.core.fields import EDITABLE_KEYS
from hubdesk.core.io.draft import (
    ATTRIBUTE_PREFIX,
    EXTRA_EMAIL,
    EXTRA_PHONE,
    FULL_NAME,
    IGNORE,
    LABELS,
    NEW_ATTRIBUTE,
    NOTE,
    ColumnMapping,
    ContactDraft,
)
from hubdesk.core.io.export_cells import formula_like
from hubdesk.core.io.presets import NOTE_HEADERS, header_key
from hubdesk.core.normalize import has_cjk

_PLACEHOLDERS = frozenset({"unspecified", "未指定", "指定なし"})
_PLACEHOLDER_DATE = re.compile(
    r"0{1,2}[/.\-]0{1,2}[/.\-]0{2,4}|0?1[/.\-]0?1[/.\-]1601|1601[/.\-]0?1[/.\-]0?1")
_MULTI = re.compile(r"\s*:::\s*")
_LABEL_SPLIT = re.compile(r"\s*(?:[;,；，]|:::)\s*")  # full-width too: typed in Japanese mode
_EMAIL_SPLIT = re.compile(r"\s*(?::::|;|,)\s*")  # an address never holds an unquoted , or ;
_STAR = re.compile(r"^\s*\*\s+")  # Google's primary marker, "* Home"
_SYSTEM_LABELS = frozenset({"mycontacts", "my contacts"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "di", "da", "du",
                        "dos", "das", "le", "la", "ten", "ter", "bin", "al", "el", "st."})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md",
                       "m.d."})
_GOOGLE_VALUE = re.compile(r"(e-?mail|phone) *(\d+) *- *value", re.I)
_SINGLE_FIELDS = frozenset(EDITABLE_KEYS) - {"email", "phone"}


def clean_cell(value: str | None) -> str:
    """Trimmed, with Outlook's "no value" placeholders read as empty and exactly one text
    marker apostrophe removed.

    A leading apostrophe before formula-like text (export_cells.formula_like, the test the
    exporter neutralises with: also "' =…", "'＝…") or before another apostrophe is a text
    marker, not part of the value: spreadsheet users type '+8190… to keep a number as text,
    and HubDesk's export writes '=… (and ''… for a value that itself starts so)."""
    if not value:
        return ""
    text = value.strip()
    if len(text) > 1 and text[0] == "'" and (text[1] == "'" or formula_like(text[1:])):
        return text[1:]
    if len(text) <= 11 and (text.casefold() in _PLACEHOLDERS
                            or _PLACEHOLDER_DATE.fullmatch(text)):
        return ""
    return text


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    target: str
    marker: int | None  # Google's "E-mail 1 - Label" column whose "* " marks this primary
    plain_note: bool  # a notes column: its text is the note, without "Header: "


@lru_cache(maxsize=16)
def _plan(pairs: tuple[tuple[str, str], ...]) -> tuple[_Column, ...]:
    """Per-mapping work done once, not once per row (imports run to millions of rows)."""
    keys = {header_key(h): i for i, (h, _t) in enumerate(pairs)}
    columns = []
    for i, (header, target) in enumerate(pairs):
        if target == IGNORE:
            continue
        marker = None
        m = _GOOGLE_VALUE.fullmatch(header.strip())
        if m:
            stem = "email" if m[1].lower().replace("-", "") == "email" else "phone"
            marker = keys.get(f"{stem}{m[2]}label", keys.get(f"{stem}{m[2]}type"))
        columns.append(_Column(i, header, target, marker, header_key(header) in NOTE_HEADERS))
    return tuple(columns)


def _split_marked(text: str, splitter: re.Pattern[str], marked: bool) -> list[tuple[bool, str]]:
    """Values of one cell as (is primary, value); `* ` or a marked label column says primary."""
    out = []
    for part in splitter.split(text):
        star = _STAR.match(part) is not None
        part = _STAR.sub("", part).strip()
        if part:
            out.append((star or (marked and not out), part))
    return out


def split_labels(text: str) -> list[str]:
    out = []
    for part in _LABEL_SPLIT.split(text):
        label = _STAR.sub("", part).strip()
        if label and label.casefold() not in _SYSTEM_LABELS:
            out.append(label)
    return out


def split_full_name(text: str) -> tuple[str, str]:
    """(first, last) from one name; see the module notes for the rules."""
    name = " ".join(text.split())  # also folds the ideographic space
    if "," in name:
        last, _, first = (p.strip() for p in name.partition(","))
        if first.casefold() in _SUFFIXES:  # "John Smith, Jr." is not "Jr. John Smith"
            given, family = split_full_name(last)
            return given, f"{family}, {first}"
        if last and first:
            return first, last
        name = last or first
    words = name.split(" ")
    if has_cjk(name):
        return (" ".join(words[1:]), words[0]) if len(words) > 1 else ("", name)
    if len(words) == 1:
        return name, ""
    start = len(words) - 1
    for k in range(1, len(words) - 1):
        if words[k].casefold() in _PARTICLES:
            start = k
            break
    return " ".join(words[:start]), " ".join(words[start:])


def _primary_first(items: list[tuple[bool, str]]) -> list[str]:
    values = [v for _star, v in items]
    for i, (star, _v) in enumerate(items):
        if star:
            return [values[i], *values[:i], *values[i + 1:]]
    return values


def _unique(values: list[str], key: Callable[[str], str]) -> list[str]:
    seen, out = set(), []
    for v in values:
        k = key(v)
        if k not in seen:
            seen.add(k)
            out.append(v)
    return out


def _phone_key(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit() or ch == "+") or value


def draft_from_row(values: list[str], mapping: list[ColumnMapping]) -> ContactDraft:
    draft = ContactDraft()
    columns = _plan(tuple([(m.header, m.target) for m in mapping]))
    if len(values) > len(mapping):
        extra = [v for v in values[len(mapping):] if clean_cell(v)]
        if extra:
            draft.problems.append(f"{len(extra)} cell(s) beyond the last column not imported: "
                                  + ", ".join(extra))
    emails: list[tuple[bool, str]] = []
    phones: list[tuple[bool, str]] = []
    extra_emails: list[str] = []
    extra_phones: list[str] = []
    notes: list[str] = []
    note_lines: list[str] = []
    full_names: list[tuple[str, str]] = []
    for col in columns:
        raw = values[col.index] if col.index < len(values) else ""
        text = clean_cell(raw) if raw else ""
        if not text:
            continue
        target = col.target
        marked = col.marker is not None and col.marker < len(values) and (
            values[col.marker] or "").lstrip().startswith("*")
        if target == "email":
            emails += _split_marked(text, _EMAIL_SPLIT, marked)
        elif target == "phone":
            phones += _split_marked(text, _MULTI, marked)
        elif target == EXTRA_EMAIL:
            extra_emails += [v for _s, v in _split_marked(text, _EMAIL_SPLIT, False)]
        elif target == EXTRA_PHONE:
            extra_phones += [v for _s, v in _split_marked(text, _MULTI, False)]
        elif target == LABELS:
            draft.labels += split_labels(text)
        elif target == NOTE and col.plain_note:
            notes.append(text)
        elif target == NOTE:
            note_lines.append(f"{_name(col)}: {text}")
        elif target == FULL_NAME:
            full_names.append((col.header, text))
        elif target == NEW_ATTRIBUTE:
            _put(draft, draft.new_attributes, _name(col), col, text)
        elif target.startswith(ATTRIBUTE_PREFIX) and len(target) > len(ATTRIBUTE_PREFIX):
            _put(draft, draft.attributes, target[len(ATTRIBUTE_PREFIX):], col, text)
        elif target in _SINGLE_FIELDS:
            _put_single(draft, col, text)
        else:
            draft.problems.append(f"{col.header}: '{text}' not imported (no field "
                                  f"'{target}')")

    _place(draft, "email", emails, extra_emails, str.casefold, draft.extra_emails)
    _place(draft, "phone", phones, extra_phones, _phone_key, draft.extra_phones)
    draft.labels = _unique(draft.labels, str.casefold)
    for header, text in full_names:
        if not _use_full_name(draft, text):
            note_lines.insert(0, f"{header.strip() or 'Name'}: {text}")
    note = "\n\n".join([*notes, "\n".join(note_lines)] if note_lines else notes)
    if note:
        draft.notes.append(note)
    return draft


def _name(col: _Column) -> str:
    return col.header.strip() or f"Column {col.index + 1}"


def _put(draft: ContactDraft, table: dict[str, str], key: str, col: _Column,
         text: str) -> None:
    """One value per key: a second, different one is reported rather than overwriting."""
    if key not in table:
        table[key] = text
    elif table[key] != text:
        draft.problems.append(f"{_name(col)}: '{text}' not imported ({key} already has "
                              f"'{table[key]}' from another column)")


def _put_single(draft: ContactDraft, col: _Column, text: str) -> None:
    if ":::" in text:  # several values where one fits: the primary one, the rest reported
        first, *rest = _primary_first(_split_marked(text, _MULTI, False))
        if rest:
            draft.problems.append(f"{col.header}: further values not imported: "
                                  + "; ".join(rest))
        text = first
    if col.target == "address_street":
        # Outlook and Google write a street over several lines; the field holds one.
        text = ", ".join(line.strip() for line in text.splitlines() if line.strip())
    _put(draft, draft.fields, col.target, col, text)


def _place(draft: ContactDraft, key: str, main: list[tuple[bool, str]], extra: list[str],
           same: Callable[[str], str], out: list[str]) -> None:
    ordered = _unique(_primary_first(main) + extra, same)
    if ordered:
        draft.fields[key] = ordered[0]
        out += ordered[1:]


def _use_full_name(draft: ContactDraft, text: str) -> bool:
    """Fill first/last from a full name; False when it says more than they do (it then
    goes to the note, e.g. "Dr. John Smith Jr." beside John / Smith)."""
    fields = draft.fields
    first, last = fields.get("first_name", ""), fields.get("last_name", "")
    emails = {e.casefold() for e in [fields.get("email", ""), *draft.extra_emails]}
    if text.casefold() == fields.get("company", "").casefold() or text.casefold() in emails:
        return True  # a company-only entry, or a program showing the address as the name
    if not first and not last:
        first, last = split_full_name(text)
        if first:
            fields["first_name"] = first
        if last:
            fields["last_name"] = last
        return True
    words = {w.casefold() for w in re.split(r"[\s,]+", text) if w}
    known = {w.casefold() for w in re.split(r"[\s,]+", f"{first} {last}") if w}
    return words <= known or text.replace(" ", "") == (last + first).replace(" ", "")
