"""Write resources/regions/country_names_<lang>.json: country names in each UI language but
English (English comes from Qt's locale data at run time).

    .venv/bin/python build/country_names.py [--check]

The names come from phonenumbers' geocoder locale table. That table is not used at run time:
importing it loads the whole geocoder (~0.2 s, ~20 MB, left out of the frozen bundle), so the
few kilobytes the pickers need are extracted here and committed. --check exits 1 when the
committed files differ from what the installed phonenumbers gives (run after upgrading it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "regions"
LANGUAGES = ("ja",)


def names(language: str) -> dict[str, str]:
    from phonenumbers.geodata.locale import LOCALE_DATA

    return {code: by_language[language] for code, by_language in sorted(LOCALE_DATA.items())
            if len(code) == 2 and by_language.get(language)}


def render(language: str) -> str:
    return json.dumps(names(language), ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for language in LANGUAGES:
        path = OUT / f"country_names_{language}.json"
        text = render(language)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"country_names: wrote {path.relative_to(ROOT)} ({len(names(language))} names)")
    for path in stale:
        print(f"country_names: {path.relative_to(ROOT)} is out of date; run build/country_names.py")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
