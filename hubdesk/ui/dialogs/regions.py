"""Country names and calling codes for the region and country pickers.

English names come from Qt's own locale data (already loaded); other languages from
resources/regions/country_names_<lang>.json, extracted by build/country_names.py from
phonenumbers' geocoder tables, which take a third of a second to import and tens of MB in
the bundle.
"""

from __future__ import annotations

import json
from functools import lru_cache

import phonenumbers
from PySide6.QtCore import QLocale

from hubdesk.paths import resource
from hubdesk.ui.i18n import current_language

# Regions phonenumbers dials but Qt has no territory for.
_MISSING_NAMES = {"AC": "Ascension Island", "TA": "Tristan da Cunha", "XK": "Kosovo"}


@lru_cache(maxsize=4)
def _translated_names(language: str) -> dict[str, str]:
    path = resource("regions", f"country_names_{language}.json")
    if language == "en" or not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def english_country_name(code: str) -> str:
    """'Japan' for 'JP'; the code itself when unknown."""
    code = (code or "").upper()
    territory = QLocale.codeToTerritory(code) if len(code) == 2 else None
    if territory is None or territory == QLocale.Country.AnyTerritory:
        return _MISSING_NAMES.get(code, code)
    return QLocale.territoryToString(territory)


def country_name(code: str, language: str | None = None) -> str:
    """'日本' for 'JP' in the Japanese UI, 'Japan' in English (language: the UI's by default);
    the English name where no translation is known, the code itself when unknown."""
    code = (code or "").upper()
    translated = _translated_names(language or current_language()).get(code)
    return translated or english_country_name(code)


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
    """countries() in the UI's language."""
    return countries(current_language(), dialable=dialable)


def calling_code(code: str) -> int:
    return phonenumbers.country_code_for_region(code)
