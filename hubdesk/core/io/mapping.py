"""Guess where each column of a file goes: a known program's preset first, then fuzzy
matching against field names (English, Japanese and a few European words) and the user's
custom attributes, then a nudge from sample values. Every guess is only a proposal: the
wizard shows it with its confidence and the user can change it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.errors import HubDeskError
from hubdesk.core.fields import FIELDS_BY_KEY
from hubdesk.core.io.draft import (
    ATTRIBUTE_PREFIX,
    EXTRA_EMAIL,
    EXTRA_PHONE,
    IGNORE,
    LABELS,
    NEW_ATTRIBUTE,
    NOTE,
    ColumnMapping,
)
from hubdesk.core.io.presets import PARTS, PRESETS, READING_MARKS, SYNONYMS, VETO, Preset

THRESHOLD = 0.75  # below this a guess is not made: the column shows as "not imported"
RATIO_CUTOFF = 0.85  # how alike two spellings must be to count as the same word
DETECT_COVERAGE = 0.5  # share of a file's headers a preset must know to be chosen
DETECT_MIN = 3  # ...and at least this many, so "Name, Email" alone names no program

# Targets several columns may share; every other target takes one column at most.
MULTI_TARGETS = frozenset({"email", "phone", EXTRA_EMAIL, EXTRA_PHONE, NOTE, LABELS,
                           IGNORE, NEW_ATTRIBUTE})


def detect_preset(headers: Sequence[str], attributes: Sequence[AttributeInfo] = ()
                  ) -> str | None:
    """The preset that knows the largest share of the headers, if it knows enough of them.
    Columns of the user's own custom attributes (named exactly, or HubDesk's X-HUBDESK-<KEY>)
    are no program's: they count neither for nor against a preset."""
    own = {_words(n) for a in attributes for n in (a.label, a.key)}
    named = [h for h in headers if h and h.strip() and not _PROPERTY.fullmatch(h.strip())
             and _words(h) not in own]
    if not named:
        return None
    best: tuple[float, int, int] | None = None
    best_name = None
    for order, preset in enumerate(PRESETS.values()):
        known = [h for h in named if preset.target(h) is not None]
        # Headers spelled exactly as the program writes them break ties between presets
        # that share loose spellings (HubSpot "Email" vs Chatwoot "email").
        exact = sum(1 for h in known if h.strip() in preset.exact)
        score = (len(known) / len(named), exact, -order)
        if len(known) >= DETECT_MIN and score[0] >= DETECT_COVERAGE and (
                best is None or score > best):
            best, best_name = score, preset.name
    return best_name


def template_key(headers: Sequence[str]) -> str:
    """A stable id for a header row: the same columns (ignoring case, width and spacing)
    give the same key, so a saved mapping template is found again."""
    keys = [" ".join(unicodedata.normalize("NFKC", h or "").casefold().split())
            for h in headers]
    while keys and not keys[-1]:
        keys.pop()  # a trailing delimiter adds an unnamed column; it is the same file
    return hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()[:20]


def guess_mapping(
    headers: Sequence[str], *, attributes: Sequence[AttributeInfo] = (),
    samples: Sequence[Sequence[str]] | None = None,
) -> list[ColumnMapping]:
    """One ColumnMapping per header, in order. `samples` are a few data rows."""
    return _guess(headers, PRESETS.get(detect_preset(headers, attributes) or ""), attributes,
                  samples)


def mapping_for_preset(
    headers: Sequence[str], preset: str, *, attributes: Sequence[AttributeInfo] = (),
    samples: Sequence[Sequence[str]] | None = None,
) -> list[ColumnMapping]:
    """As guess_mapping, with the source named by the user instead of detected."""
    if preset not in PRESETS:
        raise HubDeskError(f"unknown preset '{preset}' (known: {', '.join(PRESETS)})")
    return _guess(headers, PRESETS[preset], attributes, samples)


def _guess(headers: Sequence[str], preset: Preset | None,
           attributes: Sequence[AttributeInfo],
           samples: Sequence[Sequence[str]] | None) -> list[ColumnMapping]:
    out: list[ColumnMapping | None] = [None] * len(headers)
    taken: set[str] = set()
    _apply_properties(headers, attributes, out, taken)
    if preset:
        _apply_preset(preset, headers, attributes, out, taken)
    _apply_fuzzy(headers, attributes, preset, out, taken)
    result = [m or ColumnMapping(h, IGNORE, 0.0, "none") for h, m in zip(headers, out, strict=True)]
    if samples:
        _nudge_from_samples(result, samples)
    return result


def _take(target: str, taken: set[str]) -> bool:
    if target in MULTI_TARGETS:
        return True
    if target in taken:
        return False
    taken.add(target)
    return True


# HubDesk's vCard property for a custom attribute (export_columns.property_name); its CSV and
# XLSX exports head a column so when the attribute's name would be read as something else.
_PROPERTY = re.compile(r"x-hubdesk-([a-z0-9-]+)", re.I)


def _apply_properties(headers: Sequence[str], attributes: Sequence[AttributeInfo],
                      out: list[ColumnMapping | None], taken: set[str]) -> None:
    keys = {a.key for a in attributes}
    for i, header in enumerate(headers):
        m = _PROPERTY.fullmatch((header or "").strip())
        if m is None:
            continue
        key = m[1].lower().replace("-", "_")
        target = ATTRIBUTE_PREFIX + key if key in keys else NEW_ATTRIBUTE
        if _take(target, taken):
            out[i] = ColumnMapping(header, target, 1.0, "fuzzy")


def _apply_preset(preset: Preset, headers: Sequence[str],
                  attributes: Sequence[AttributeInfo],
                  out: list[ColumnMapping | None], taken: set[str]) -> None:
    for i, header in enumerate(headers):
        target = preset.target(header) if out[i] is None else None
        if target is None:
            continue
        if target in (NOTE, IGNORE, NEW_ATTRIBUTE):
            # A column with no field of its own goes to a custom attribute the user
            # already made for it, when there is one.
            attr, score = _best_attribute(header, attributes)
            if attr and score >= 0.9 and _take(attr, taken):
                out[i] = ColumnMapping(header, attr, round(score, 2), "fuzzy")
                continue
        if _take(target, taken):
            out[i] = ColumnMapping(header, target, 1.0, f"preset:{preset.name}")
        else:  # a repeated header: the first column keeps the field
            out[i] = ColumnMapping(header, IGNORE, 0.0, "none")


def _apply_fuzzy(headers: Sequence[str], attributes: Sequence[AttributeInfo],
                 preset: Preset | None, out: list[ColumnMapping | None],
                 taken: set[str]) -> None:
    ranked = []
    for i, header in enumerate(headers):
        if out[i] is None:
            ranked.append((i, _candidates(header, attributes)))
    # The surest guesses choose first, so a weak match never takes a field from a strong one.
    ranked.sort(key=lambda item: -(item[1][0][0] if item[1] else 0.0))
    for i, candidates in ranked:
        for score, target in candidates:
            if score < THRESHOLD:
                break
            if _take(target, taken):
                out[i] = ColumnMapping(headers[i], target, round(score, 2), "fuzzy")
                break
            if target in FIELDS_BY_KEY or target.startswith(ATTRIBUTE_PREFIX):
                # Recognised, but another column holds the field ("Home Zip" beside
                # "Work Zip"): the value is kept in the note rather than dropped.
                out[i] = ColumnMapping(headers[i], NOTE, round(score * 0.8, 2), "fuzzy")
                break
        if out[i] is None and preset and preset.others and headers[i].strip():
            out[i] = ColumnMapping(headers[i], preset.others, 0.5, f"preset:{preset.name}")


# --- fuzzy scoring --------------------------------------------------------------------

_PUNCT = re.compile(r"[\s\-_/.()'’:,;・\[\]#*?]+")


def _words(header: str) -> str:
    """Lower-case words without punctuation or numbers: 'E-mail 2 Address' → 'e mail address'."""
    text = _PUNCT.sub(" ", unicodedata.normalize("NFKC", header or "").casefold())
    return " ".join(w for w in text.split() if not w.isdigit())


def _is_cjk_text(text: str) -> bool:
    return any(ord(ch) > 0x2E80 for ch in text)


def _contains(h: str, part: str, *, whole_word: bool = False) -> bool:
    if _is_cjk_text(part):  # no spaces between Japanese words: any substring
        return part in h.replace(" ", "")
    if len(part) >= 5 and not whole_word:
        return part in h  # German compounds: "Mobiltelefon", "Telefonnummer"
    return f" {part} " in f" {h} "  # short words only whole ("tel", "zip", "ip")


def _containment(h: str, part: str) -> float:
    """A header that contains a field's word: surer the more of it the word covers, and
    surer still when the word ends it (the head of 'Company Phone' and '会社電話' is last)."""
    compact_h = h.replace(" ", "") if _is_cjk_text(part) else h
    ends = compact_h.endswith(part)
    return 0.78 + 0.17 * len(part) / max(len(compact_h), 1) + (0.03 if ends else 0.0)


def _score(h: str, names: Sequence[str], parts: Sequence[str], vetoed: bool) -> float:
    best = 0.0
    # Misspellings are a Latin-script matter; in Japanese one character changes the meaning
    # ("氏名フリガナ" is not "名フリガナ"), so kanji and kana match exactly or by containment.
    spelled = not vetoed and len(h) >= 4 and not _is_cjk_text(h)
    for name in names:
        if h == name:
            return 1.0
        if spelled and len(name) >= 4:
            # Only near-spellings ("Organisation", "Adress"): below this, headers that merely
            # share a word ("Maiden Name" / "Given Name") would pass for each other.
            best = max(best, fuzz.ratio(h, name, score_cutoff=RATIO_CUTOFF * 100) / 100)
    if not vetoed:
        for part in parts:
            if _contains(h, part):
                best = max(best, _containment(h, part))
    return min(best, 0.99)


def _reading_target(h: str) -> tuple[float, str] | None:
    """Readings (フリガナ, yomi, phonetic): which name they belong to decides the field."""
    if not any(_contains(h, mark) for mark in _READING_MARKS):
        return None
    compact = h.replace(" ", "")
    if any(w in compact for w in ("姓", "セイ", "せい", "last", "family", "surname")):
        return 0.9, "last_name_reading"
    if any(w in compact for w in ("名前", "氏名")) or compact in _READING_MARKS:
        # A whole name's reading: stored as the family reading, which is what sorts.
        return 0.8, "last_name_reading"
    if any(w in compact for w in ("名", "メイ", "めい", "first", "given")):
        return 0.9, "first_name_reading"
    return 0.8, "last_name_reading"


def _normalised(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {target: tuple(dict.fromkeys(_words(w) for w in words)) for target, words in
            table.items()}


_SYNONYMS = _normalised(SYNONYMS)
_PARTS = _normalised(PARTS)
_VETO = tuple(_words(w) for w in VETO)
_READING_MARKS = tuple(_words(w) for w in READING_MARKS)
_SECONDARY = ("home", "private", "privat", "other", "personal", "自宅", "その他", "個人")


def _candidates(header: str, attributes: Sequence[AttributeInfo]) -> list[tuple[float, str]]:
    h = _words(header)
    if not h:
        return []
    vetoed = any(_contains(h, v, whole_word=True) for v in _VETO)
    scores: dict[str, float] = {}
    for target, names in _SYNONYMS.items():
        score = _score(h, names, _PARTS.get(target, ()), vetoed)
        if score > 0:
            scores[target] = score
    if any(_contains(h, q) for q in _SECONDARY):
        # One address per contact, and it is the work one (as in the presets).
        scores = {t: s - 0.1 if t.startswith("address_") else s for t, s in scores.items()}
    reading = None if vetoed else _reading_target(h)
    if reading:  # "Phonetic First Name" is neither a phone nor a first name
        scores = {t: s for t, s in scores.items() if t.endswith("_reading")}
        scores[reading[1]] = max(scores.get(reading[1], 0.0), reading[0])
    for info in attributes:
        names = {_words(info.label), _words(info.key)}
        score = _score(h, [n for n in names if n], (), vetoed)
        # On a tie the standard field wins: it is what the user more likely means.
        scores[ATTRIBUTE_PREFIX + info.key] = score - 0.001
    return sorted(((s, t) for t, s in scores.items() if s > 0), reverse=True)


def _best_attribute(header: str, attributes: Sequence[AttributeInfo]) -> tuple[str, float]:
    h = _words(header)
    best = ("", 0.0)
    for info in attributes:
        score = _score(h, [n for n in {_words(info.label), _words(info.key)} if n], (), False)
        if score > best[1]:
            best = (ATTRIBUTE_PREFIX + info.key, score)
    return best


# --- samples --------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s\-().]+$")


def _looks(values: list[str], test: Callable[[str], object]) -> bool:
    return bool(values) and sum(1 for v in values if test(v)) >= 0.8 * len(values)


def _is_phone(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return bool(_PHONE.match(value)) and (digits >= 9 or (value.startswith("+") and digits >= 7))


def _nudge_from_samples(mapping: list[ColumnMapping],
                        samples: Sequence[Sequence[str]]) -> None:
    """A column nobody recognised by name but whose values are plainly emails (or phone
    numbers) is proposed as such; presets and confident guesses are left alone."""
    for i, m in enumerate(mapping):
        if m.source.startswith("preset:") or m.confidence >= 0.9:
            continue
        values = []
        for row in samples:
            cell = row[i].strip() if i < len(row) and row[i] else ""
            values += [v.strip().removeprefix("* ").strip()
                       for v in cell.split(":::") if v.strip()]
        if not values or m.target in ("email", EXTRA_EMAIL):
            continue
        if _looks(values, _EMAIL.match):
            m.target, m.confidence, m.source = "email", 0.9, "fuzzy"
        elif m.target == IGNORE and _looks(values, _is_phone):
            m.target, m.confidence, m.source = "phone", 0.6, "fuzzy"
