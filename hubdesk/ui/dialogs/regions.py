"""Country names and calling codes for the region and country pickers.

phonenumbers already ships every region code with its name in many languages, so the pickers
need no list of their own.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers.geodata.locale import LOCALE_DATA
from PySide6.QtCore import QLocale

# Regions phonenumbers dials but has no name for.
_MISSING_NAMES = {"AC": "Ascension Island", "TA": "Tristan da Cunha", "XK": "Kosovo"}


def _language() -> str:
    return QLocale().name().split("_", 1)[0] or "en"


def _resolve(names: dict[str, str], language: str) -> str:
    # The data shares spellings between languages: "*aa" means "the same as for aa".
    value = names.get(language) or names.get("en") or ""
    seen = set()
    while value.startswith("*") and value not in seen:
        seen.add(value)
        value = names.get(value[1:], "")
    return value


def country_name(code: str, language: str | None = None) -> str:
    """'Japan' for 'JP' (in the app's language when known); the code itself when unknown."""
    code = (code or "").upper()
    names = LOCALE_DATA.get(code)
    if not names:
        return _MISSING_NAMES.get(code, code)
    return (_resolve(names, language or _language()) or _resolve(names, "en")
            or _MISSING_NAMES.get(code, code))


@lru_cache(maxsize=8)
def countries(language: str = "en", *, dialable: bool = False) -> tuple[tuple[str, str], ...]:
    """(code, name) sorted by name: every country with a name, or (dialable) every region
    a phone number can belong to."""
    codes = set(phonenumbers.SUPPORTED_REGIONS)
    if not dialable:
        codes |= {c for c in LOCALE_DATA if len(c) == 2 and c.isalpha()}
    pairs = [(code, country_name(code, language)) for code in codes]
    return tuple(sorted(pairs, key=lambda p: p[1].casefold()))


def app_countries(*, dialable: bool = False) -> tuple[tuple[str, str], ...]:
    return countries(_language(), dialable=dialable)


def calling_code(code: str) -> int:
    return phonenumbers.country_code_for_region(code)
