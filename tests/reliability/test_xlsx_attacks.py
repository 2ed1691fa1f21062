"""Hostile workbooks — entity expansion ("billion laughs", quadratic blowup), external
entities, zip bombs in a sheet and in the shared strings — are refused with the typed import
error, in under 10 s and under 500 MB, each read by a separate process (as the app would)
that is measured from outside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hubdesk.core.io import xml_safety
from tests.reliability import killing, xlsx_parts

SECONDS, MEGABYTES = 10, 500
MAIN = xlsx_parts.MAIN
LAUGHS = ('<!DOCTYPE sst [<!ENTITY l0 "ha">'
          + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)) + "]>")
READER = """
import json, sys, time
start = time.perf_counter()
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import ImportFileError
try:
    table = open_table(sys.argv[1])
    outcome = f"read {sum(1 for _ in table.rows())} rows: {table.headers}"
except ImportFileError as error:
    outcome = f"ImportFileError: {error}"
except Exception as error:
    outcome = f"{type(error).__name__}: {error}"
# VmHWM: the peak of this program alone (ru_maxrss would include the forking parent's).
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - start, "mb": peak}))
"""


def _strings(body: str, doctype: str = "") -> list[bytes]:
    return [f'{xlsx_parts.HEAD.decode()}{doctype}<sst xmlns="{MAIN}">{body}</sst>'.encode()]


def _sheet(cells: str, doctype: str = "") -> list[bytes]:
    return [f'{xlsx_parts.HEAD.decode()}{doctype}<worksheet xmlns="{MAIN}"><sheetData>'
            f'<row r="1"><c r="A1" t="inlineStr"><is><t>{cells}</t></is></c></row>'
            "</sheetData></worksheet>".encode()]


def _bomb(head: bytes, unit: bytes, megabytes: int, tail: bytes):
    yield head
    block = unit * (1024**2 // len(unit))
    for _ in range(megabytes):
        yield block
    yield tail


def _flood(megabytes: int):
    """Tiny distinct-looking strings: compresses only ~11 times, so no ratio check sees it."""
    yield xlsx_parts.HEAD + f'<sst xmlns="{MAIN}">'.encode()
    letters = bytes(range(97, 123))
    block = b"".join(b"<si><t>%c%c</t></si>" % (letters[i % 26], letters[i * 7 % 26])
                     for i in range(50_000))
    for _ in range(megabytes * 1024**2 // len(block)):
        yield block
    yield b"</sst>"


ATTACKS = {
    "billion laughs in sharedStrings": lambda p: xlsx_parts.write(
        p, strings=_strings("<si><t>&l9;</t></si>" * 4, LAUGHS.replace("sst", "sst"))),
    "billion laughs in a sheet": lambda p: xlsx_parts.write(
        p, sheet=_sheet("&l9;", LAUGHS.replace("sst", "worksheet"))),
    "quadratic blowup in sharedStrings": lambda p: xlsx_parts.write(
        p, strings=_strings("<si><t>" + "&a;" * 50_000 + "</t></si>",
                            f'<!DOCTYPE sst [<!ENTITY a "{"A" * 50_000}">]>')),
    "external entity in sharedStrings": lambda p: xlsx_parts.write(
        p, strings=_strings("<si><t>&e;</t></si>" * 4,
                            '<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>')),
    "external entity in a sheet": lambda p: xlsx_parts.write(
        p, sheet=_sheet("&e;", '<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/hosts">]>')),
    "zip bomb in a sheet": lambda p: xlsx_parts.write(p, sheet=_bomb(
        xlsx_parts.HEAD + f'<worksheet xmlns="{MAIN}"><sheetData>'.encode(),
        b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', 300,
        b"</sheetData></worksheet>"), level=9),
    "zip bomb in sharedStrings": lambda p: xlsx_parts.write(p, strings=_bomb(
        xlsx_parts.HEAD + f'<sst xmlns="{MAIN}">'.encode(), b"<si><t>x</t></si>", 300,
        b"</sst>"), level=9),
    "a flood of tiny shared strings": lambda p: xlsx_parts.write(p, strings=_flood(120)),
}


def _read_apart(path: Path) -> dict:
    limit = None
    if sys.platform.startswith("linux"):
        import resource

        def limit():  # a parser that does blow up must not take the machine with it
            resource.setrlimit(resource.RLIMIT_AS, (4 * 1024**3, 4 * 1024**3))
    proc = subprocess.run([sys.executable, "-c", READER, str(path)], cwd=killing.ROOT,
                          env=killing.env(), capture_output=True, text=True,
                          timeout=SECONDS * 3, preexec_fn=limit, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak memory from /proc")
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_hostile_workbook_is_refused_quickly_and_in_little_memory(attack, tmp_path, figure):
    path = ATTACKS[attack](tmp_path / "attack.xlsx")
    report = _read_apart(path)
    assert report["outcome"].startswith("ImportFileError: "), report["outcome"]
    assert "attack.xlsx" in report["outcome"]
    assert "root:" not in report["outcome"] and "localhost" not in report["outcome"]
    assert report["seconds"] < SECONDS and report["mb"] < MEGABYTES, report
    figure(f"XLSX {attack} ({path.stat().st_size / 1024:,.0f} kB): refused in "
           f"{report['seconds']:.2f} s, peak {report['mb']:.0f} MB: "
           + report["outcome"].partition("attack.xlsx: ")[2][:80])


def test_the_plain_workbook_of_these_tests_imports(tmp_path):
    """So the refusals above are about the attack in each, not a broken workbook."""
    report = _read_apart(xlsx_parts.write(tmp_path / "plain.xlsx"))
    assert report["outcome"] == "read 1 rows: ['Name', 'Email']"


def test_startup_check_accepts_this_installation():
    xml_safety.ensure_defused.cache_clear()
    assert xml_safety.ensure_defused() is None


def test_startup_check_refuses_when_openpyxl_would_expand_entities(tmp_path):
    """openpyxl without defusedxml (OPENPYXL_DEFUSEDXML=False, or the package missing):
    the check and every XLSX import refuse, naming the reason."""
    code = ("from hubdesk.core.io.open_table import open_table\n"
            "from hubdesk.core.io.xml_safety import ensure_defused\n"
            "import sys\n"
            "try:\n    ensure_defused()\nexcept Exception as e:\n    print('check:', e)\n"
            "try:\n    open_table(sys.argv[1])\nexcept Exception as e:\n"
            "    print('import:', type(e).__name__, e)\n")
    path = xlsx_parts.write(tmp_path / "plain.xlsx")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], cwd=killing.ROOT,
                          env={**killing.env(), "OPENPYXL_DEFUSEDXML": "False"},
                          capture_output=True, text=True, timeout=60, check=False)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("check: XLSX import is switched off because it would not be safe")
    assert lines[1].startswith("import: ImportFileError") and "cannot be opened safely" in lines[1]
