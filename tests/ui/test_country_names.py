"""Country pickers speak the UI's language: Japanese names in the Japanese UI, English in
English, and a committed name table that matches the installed phonenumbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hubdesk.ui.dialogs.regions import countries, country_name

ROOT = Path(__file__).resolve().parents[2]


def test_japanese_and_english_names():
    assert country_name("JP", "ja") == "日本"
    assert country_name("US", "ja") == "アメリカ合衆国"
    assert country_name("JP", "en") == "Japan"
    assert country_name("jp", "en") == "Japan"  # codes are read in any case


def test_every_listed_country_has_a_japanese_name_except_a_few_special_regions():
    ja = dict(countries("ja"))
    en = dict(countries("en"))
    assert ja.keys() == en.keys()
    untranslated = sorted(code for code in ja if ja[code] == en[code])
    # Regions phonenumbers' table has no Japanese for (special areas, not countries a user
    # picks for an address): shown in English rather than as a bare code.
    assert set(untranslated) <= {"AC", "CP", "DG", "EA", "EU", "IC", "QO", "TA", "XK"}, untranslated
    assert all(name != code for code, name in en.items() if code not in {"QO", "EU"})


def test_unknown_code_is_shown_as_itself():
    assert country_name("ZZ", "ja") == "ZZ"
    assert country_name("", "ja") == ""


def test_committed_names_match_the_installed_phonenumbers():
    result = subprocess.run([sys.executable, str(ROOT / "build" / "country_names.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
