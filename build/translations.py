"""Extract and compile the UI's translations (docs/translation.md).

    python build/translations.py update    # hubdesk/**/*.py → resources/translations/*.ts
    python build/translations.py release   # *.ts → *.qm (the catalogues the app loads)
    python build/translations.py status    # how many strings each language still lacks

`update` keeps every existing translation, adds the new strings as unfinished and drops the
ones no longer in the code. Translate them in Qt Linguist (`pyside6-linguist FILE.ts`) or in
the .ts itself, then `release`: the compiled .qm files are committed next to the .ts, so a
checkout runs translated without a build step; tests/ui/test_translations.py fails while a
string is untranslated or a .qm is older than its .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "hubdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"ja": "ja_JP"}  # code → the .ts file's target language


def ts_file(code: str) -> Path:
    return TRANSLATIONS / f"hubdesk_{code}.ts"


def qm_file(code: str) -> Path:
    return TRANSLATIONS / f"hubdesk_{code}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside this Python (the venv), else on PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project (pip install -e .) into this "
                         f"Python's environment")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def extract(ts: Path, language: str, *, locations: str = "none", keep: bool = True) -> str:
    """Run lupdate over the sources into `ts` (merging into it when it exists and `keep`)."""
    if not keep and ts.exists():
        ts.unlink()
    # A list file keeps the command line short on Windows.
    listing = ts.with_suffix(".files.txt")
    listing.write_text("\n".join(str(p) for p in source_files()) + "\n", encoding="utf-8")
    try:
        done = subprocess.run(
            [tool("pyside6-lupdate"), f"@{listing}", "-ts", str(ts), "-no-obsolete",
             "-source-language", "en", "-target-language", language,
             "-locations", locations],
            capture_output=True, text=True, check=False)
    finally:
        listing.unlink()
    if done.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context, <message>) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of the messages still to translate."""
    out = []
    for context, message in messages(ts):
        translation = message.find("translation")
        if (translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                  "obsolete")
                or not (translation.text or "").strip()):
            out.append((context, message.findtext("source") or ""))
    return out


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for code, language in LANGUAGES.items():
        ts = ts_file(code)
        extract(ts, language)
        todo = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(todo)} to translate")
        for context, source in todo:
            print(f"  [{context}] {source}")


def release(ts: Path, qm: Path) -> None:
    done = subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"lrelease failed:\n{done.stdout}{done.stderr}")


def release_all() -> None:
    for code in LANGUAGES:
        release(ts_file(code), qm_file(code))
        print(f"wrote {qm_file(code).relative_to(ROOT)}")


def status() -> int:
    missing = 0
    for code in LANGUAGES:
        ts = ts_file(code)
        todo = unfinished(ts)
        missing += len(todo)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(todo)} to translate")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release", "status"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "release":
        release_all()
    else:
        return status()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
