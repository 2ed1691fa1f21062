"""Country names and calling codes for the region and country pickers.

Names come from Qt's own locale data (already loaded), not from phonenumbers' geocoder
tables, which take a third of a second to import and tens of MB in the bundle.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from PySide6.QtCore import QLocale

# Regions phonenumbers dials but Qt has no territory for.
_MISSING_NAMES = {"AC": "Ascension Island", "TA": "Tristan da Cunha", "XK": "Kosovo"}


def country_name(code: str, language: str | None = None) -> str:
    """'Japan' for 'JP'; the code itself when unknown. (English names: the language
    argument is kept for when translated names arrive with the Japanese UI.)"""
    code = (code or "").upper()
    territory = QLocale.codeToTerritory(code) if len(code) == 2 else None
    if territory is None or territory == QLocale.Country.AnyTerritory:
        return _MISSING_NAMES.get(code, code)
    return QLocale.territoryToString(territory)


def _iso_codes() -> set[str]:
    codes = set()
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and code.isupper():
            codes.add(code)
    return codes


@lru_cache(maxsize=8)
def countries(language: str = "en", *, dialable: bool = False) -> tuple[tuple[str, str], ...]:
    """(code, name) sorted by name: every country with a name, or (dialable) every region
    a phone number can belong to."""
    codes = set(phonenumbers.SUPPORTED_REGIONS)
    if not dialable:
        codes |= _iso_codes()
    pairs = [(code, country_name(code, language)) for code in codes]
    return tuple(sorted(pairs, key=lambda p: p[1].casefold()))


def app_countries(*, dialable: bool = False) -> tuple[tuple[str, str], ...]:
    return countries("en", dialable=dialable)


def calling_code(code: str) -> int:
    return phonenumbers.country_code_for_region(code)
