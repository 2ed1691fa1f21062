"""The derived columns that make contacts searchable and sortable.

search_text feeds the trigram index (queries of 3+ characters); search_grams holds whole
tokens for 1–2 character queries: every 1- and 2-character piece of East Asian names and
companies, and 1–2 character prefixes of Latin words and phone numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from hubdesk.core.normalize import (
    CJK_CLASS,
    display_name,
    fold,
    has_cjk,
    phone_search_forms,
)

FIELD_SEPARATOR = "\n"  # never part of a query, so no match spans two fields
_LATIN_WORD = re.compile(r"[^\W" + CJK_CLASS + r"]+")
CJK_RUN = re.compile("[" + CJK_CLASS + "]+")


def _short_tokens(text: str, out: set[str]) -> None:
    for run in CJK_RUN.findall(text):
        out.update(run)
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    for word in _LATIN_WORD.findall(text):
        out.add(word[:1])
        out.add(word[:2])


def derived_columns(
    contact: Mapping[str, object], emails: Iterable[str] = (), phones: Iterable[str] = ()
) -> dict[str, str]:
    """sort_name, search_text and search_grams for one contact's field values."""

    def get(key: str) -> str:
        value = contact.get(key)
        return str(value) if value else ""

    first, last = get("first_name"), get("last_name")
    first_r, last_r = get("first_name_reading"), get("last_name_reading")
    name = fold(display_name(first, last))
    reading = fold(f"{last_r} {first_r}")
    all_emails = [e for e in [get("email"), *emails] if e]
    all_phones = [p for p in [get("phone"), *phones] if p]
    company = fold(get("company"))

    # Without the space too for East Asian names (山田太郎 is typed as one word); never for
    # Latin ones, where it would make "ada" match "Anna Davis".
    joined = name.replace(" ", "") if has_cjk(name) else name
    parts = [name, joined, reading, reading.replace(" ", ""), company]
    parts += [fold(e) for e in all_emails]
    phone_forms = [form for p in all_phones for form in phone_search_forms(p)]
    parts += phone_forms
    search_text = FIELD_SEPARATOR.join(p for p in dict.fromkeys(parts) if p)

    tokens: set[str] = set()
    # Names also without their space, so 林健 (typed as one word) is found like 林 健.
    for text in (name, joined, reading, reading.replace(" ", ""), company,
                 *(fold(e).split("@")[0] for e in all_emails)):
        _short_tokens(text, tokens)
    for form in phone_forms:
        tokens.add(form[:1])
        tokens.add(form[:2])
    tokens.discard("")

    sort_name = reading or name or (fold(all_emails[0]) if all_emails else "") or company
    if not sort_name and phone_forms:
        sort_name = phone_forms[-1]  # a number-only contact sorts by its digits
    return {
        "sort_name": sort_name,
        "search_text": search_text,
        "search_grams": " ".join(sorted(tokens)),
    }
