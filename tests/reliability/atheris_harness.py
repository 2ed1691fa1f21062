"""Coverage-guided fuzzing (atheris + libFuzzer) of every import parser.

    python tests/reliability/atheris_harness.py TARGET [libFuzzer options] [CORPUS_DIR ...]
    python tests/reliability/atheris_harness.py TARGET CRASH_FILE   # replays one input

TARGET is one of TARGETS below. HubDesk's modules (and openpyxl, zipfile) are instrumented,
so libFuzzer keeps the inputs that reach new code. Each input becomes a file (or a stored
mapping template), goes through the parser and every row is read and prepared as the importer
would; the typed import error is a proper refusal, any other exception propagates and atheris
reports it as a crash (non-zero exit, the input saved under -artifact_prefix). A hang shows
as a libFuzzer timeout (-timeout, 10 s unless given).

The corpus starts from real contact files (../shared/samples beside the project, when there)
and a few generated ones, copied into a temporary seed folder at each run; corpus folders on
the command line come first, so libFuzzer adds what it finds to the first of them.

Options a parser takes (an encoding, a delimiter, the file's name) come from the input's last
bytes (FuzzedDataProvider takes numbers from the end), so a seed is a file plus a zero
trailer, meaning "as the user would open it".
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import atheris

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO.parent / "shared" / "samples"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # run as a script: `tests` must be importable

with atheris.instrument_imports(include=["hubdesk", "openpyxl", "et_xmlfile", "zipfile"]):
    import openpyxl  # noqa: F401 - loaded by the XLSX reader; instrumented here

    from hubdesk.core.db import open_database
    from hubdesk.core.errors import HubDeskError
    from hubdesk.core.io import templates, vcard  # noqa: F401 - imported lazily by HubDesk
    from hubdesk.core.io.draft import ColumnMapping
    from hubdesk.core.io.encoding import decode_check
    from hubdesk.core.io.mapping import guess_mapping
    from hubdesk.core.io.open_table import open_table
    from hubdesk.core.io.prepared import prepare
    from hubdesk.core.io.row_draft import draft_from_row
    from hubdesk.core.io.table import ImportFileError, SourceTable

from tests.reliability import xlsx_parts  # noqa: E402 - after the instrumented imports

# What a user can pass besides the file; index 0 is "not given" (detect), so a zero trailer
# opens a seed as the app would.
ENCODINGS = [None, "utf-8", "cp932", "utf-16", "latin-1", "Shift_JIS", "utf-8-sig", "utf-32",
             "utf-7", "no-such", "base64", "rot13", "undefined", "punycode", "idna"]
DELIMITERS = [None, ",", ";", "\t", "|", "tab", "semicolon", "::", "", '"', "\n"]
# The bytes re-encoded before they are written, so the fuzzer reaches UTF-16/32 and CP932
# decoding without having to find their byte patterns (0: written as they are).
TRANSCODE = [None, "utf-16", "utf-8-sig", "cp932", "cp1252", "utf-32", "utf-16-be"]
CSV_NAMES = [".csv", ".tsv", ".txt", ".tab"]
VCARD_NAMES = [".vcf", ".vcard", ".txt"]
ANY_NAMES = ["", ".csv", ".tsv", ".txt", ".vcf", ".xlsx", ".xlsm", ".xls", ".json"]
SHEETS = [None, "Contacts", "Sheet", "Sheet1", ""]
TEMPLATE_PARTS = b"\x00"  # stored headers, stored mapping, then the file's headers
GUESSED_COLUMNS = 12
SPREAD = ["email", "phone", "note", "labels", "extra_email", "extra_phone"]


class Harness:
    def __init__(self, work: Path):
        self.work = work
        self._db = None

    def file(self, name: str, data: bytes) -> Path:
        path = self.work / f"fuzz{name}"
        path.write_bytes(data)
        return path

    @property
    def db(self):
        if self._db is None:  # only the template target needs one; migrating takes a second
            self._db = open_database(f"sqlite:///{self.work / 'templates.db'}")
        return self._db


def pick(fdp: atheris.FuzzedDataProvider, choices: list):
    return choices[fdp.ConsumeIntInRange(0, len(choices) - 1)]


def body(fdp: atheris.FuzzedDataProvider) -> bytes:
    """The rest of the input, once the options are taken; the last option says how it is
    encoded."""
    codec = pick(fdp, TRANSCODE)
    data = fdp.ConsumeBytes(fdp.remaining_bytes())
    return data if codec is None else data.decode("utf-8", "replace").encode(codec, "replace")


def consume(table: SourceTable) -> None:
    """Read the table as an import does: the whole-file decode check, the guessed mapping, and
    every row drafted and prepared (the hostile cells reach the field cleaning too)."""
    if table.format in ("csv", "tsv") and table.encoding:
        decode_check(table.path, table.encoding)
    rows = table.rows()
    samples = []
    for row in rows:
        samples.append(row.values)
        if len(samples) == 5:
            break
    # Guessing costs columns × known names; the columns past the first few go to fields that
    # take any number of columns, so their hostile cells are cleaned as emails, phones …
    guessed = table.headers[:GUESSED_COLUMNS]
    mapping = guess_mapping(guessed, samples=[s[:GUESSED_COLUMNS] for s in samples]) + [
        ColumnMapping(header, SPREAD[i % len(SPREAD)])
        for i, header in enumerate(table.headers[GUESSED_COLUMNS:])]
    for row in table.rows():
        prepare(draft_from_row(row.values, mapping), region="JP", attributes={})
    for _ in rows:  # the first iterator, left half-read, resumes where it stopped
        pass


def refused_only(action: Callable[[], object], typed: tuple[type[BaseException], ...]) -> None:
    with suppress(*typed):  # how a parser refuses; anything else reaches atheris, a crash
        action()


# --- targets: each takes the fuzzer's bytes ---------------------------------------------

def csv_target(h: Harness, data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    encoding, delimiter = pick(fdp, ENCODINGS), pick(fdp, DELIMITERS)
    name, header = pick(fdp, CSV_NAMES), not fdp.ConsumeIntInRange(0, 1)
    path = h.file(name, body(fdp))
    refused_only(lambda: consume(open_table(path, encoding=encoding, delimiter=delimiter,
                                            has_header=header)), (ImportFileError,))


def vcard_target(h: Harness, data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    encoding, name = pick(fdp, ENCODINGS), pick(fdp, VCARD_NAMES)
    path = h.file(name, body(fdp))
    refused_only(lambda: consume(open_table(path, encoding=encoding)), (ImportFileError,))


def xlsx_target(h: Harness, data: bytes) -> None:
    """The workbook's bytes as they are: the zip container, its directory and deflate."""
    fdp = atheris.FuzzedDataProvider(data)
    sheet, header = pick(fdp, SHEETS), not fdp.ConsumeIntInRange(0, 1)
    path = h.file(".xlsx", fdp.ConsumeBytes(fdp.remaining_bytes()))
    refused_only(lambda: consume(open_table(path, sheet=sheet, has_header=header)),
                 (ImportFileError,))


def xlsx_xml_target(h: Harness, data: bytes) -> None:
    """A sound zip holding a fuzzed sheet and shared strings (inside their root elements, so
    the XML gets past the first tag): what openpyxl and cell_text make of the cells."""
    sheet, _, strings = data.partition(b"\x00")
    head, main = xlsx_parts.HEAD, xlsx_parts.MAIN.encode()
    path = h.work / "fuzz.xlsx"
    xlsx_parts.write(
        path, sheet=[head, b'<worksheet xmlns="', main, b'"><sheetData>', sheet,
                     b"</sheetData></worksheet>"],
        strings=[head, b'<sst xmlns="', main, b'">', strings, b"</sst>"], level=0)
    refused_only(lambda: consume(open_table(path)), (ImportFileError,))


def any_target(h: Harness, data: bytes) -> None:
    """Any bytes under any name: the format sniffing, then whichever reader it picks."""
    fdp = atheris.FuzzedDataProvider(data)
    path = h.file(pick(fdp, ANY_NAMES), fdp.ConsumeBytes(fdp.remaining_bytes()))
    refused_only(lambda: consume(open_table(path)), (ImportFileError,))


def template_target(h: Harness, data: bytes) -> None:
    """A template row as another version (or a hand edit) may have stored it, read back by
    everything that reads templates. HubDeskError is their typed refusal."""
    from sqlalchemy import delete

    from hubdesk.core.clock import utcnow
    from hubdesk.core.models import MappingTemplate

    headers, mapping, *file_headers = [*data.decode("utf-8", "replace").split(
        TEMPLATE_PARTS.decode()), "", ""]
    with h.db.session() as s:
        s.execute(delete(MappingTemplate))
        s.add(MappingTemplate(name="Fuzzed", name_key="fuzzed", headers=headers,
                              mapping=mapping, created_at=utcnow(), updated_at=utcnow()))

    def action() -> None:
        with h.db.read_session() as s:
            templates.apply_template(s, "Fuzzed", file_headers[:-2])
            templates.template_for_headers(s, file_headers[:-2])
            templates.list_templates(s)

    refused_only(action, (HubDeskError,))


@atheris.instrument_func  # so its comparisons guide the fuzzer as a real parser's do
def canary_target(h: Harness, data: bytes) -> None:
    """A parser with planted bugs, which proves the harness reports what escapes: an untyped
    error for input starting "BUG", a 30 s hang for "HANG"."""
    import time

    hang, bug = data[:4] == b"HANG", data[:3] == b"BUG"

    def parse() -> None:
        if hang:
            time.sleep(30)
        if bug:
            raise IndexError("planted bug")
        raise ImportFileError("canary", "refused")

    refused_only(parse, (ImportFileError,))


TARGETS: dict[str, Callable[[Harness, bytes], None]] = {
    "csv": csv_target, "vcard": vcard_target, "xlsx": xlsx_target, "xlsx-xml": xlsx_xml_target,
    "any": any_target, "template": template_target, "canary": canary_target,
}
# Inputs longer than this are cut: the seeds' interesting part is their start.
MAX_LEN = {"csv": 8192, "vcard": 16384, "xlsx": 16384, "xlsx-xml": 4096, "any": 4096,
           "template": 4096, "canary": 64}


# --- seeds ------------------------------------------------------------------------------

def _samples(*suffixes: str) -> list[bytes]:
    if not SAMPLES.is_dir():
        print(f"atheris_harness: no {SAMPLES}; seeding with generated files only",
              file=sys.stderr)
        return []
    return [p.read_bytes() for p in sorted(SAMPLES.rglob("*"))
            if p.is_file() and p.suffix.lower() in suffixes]


CSV_SEEDS = [
    b"Name,Email,Phone\r\nAnn Lee,ann@example.jp,+81 90 1234 5678\r\n",
    b'First\tLast\tE-mail 1 - Value\tLabels\nTaro\tYamada\t* t@example.jp ::: x@y.jp\tFriends\n',
    b'"Nom";"Courriel";"Note"\n"Dupont";"d@example.fr";"deux\nlignes, ""cit\xc3\xa9es"""\n',
    "姓,名,メール,電話\n山田,太郎,taro@example.jp,090-1234-5678\n".encode("cp932"),
    "\ufeffName\tEmail\nZoë\tzoe@example.com\n".encode("utf-16-le"),
    b"=cmd|' /C calc'!A0,+1,-2,@SUM(A1)\n",
]
VCARD_SEEDS = [
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Yamada;Taro;;;\r\nFN:Taro Yamada\r\nEMAIL;TYPE=work:"
    b"t@example.jp\r\nTEL;TYPE=cell:+81 90 1234 5678\r\nORG:Acme;Sales\r\nNOTE:a\\nb\\, c\r\n"
    b"item1.ADR:;;1 St;City;;100-0001;JP\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=\r\n"
    b"=E7=94=B0;;;;\r\nX-PHONETIC-LAST-NAME:\xef\xbe\x94\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
    b" AAAA\r\n\r\nEND:VCARD\r\n",
]
TEMPLATE_SEEDS = [
    b'["Name","E-mail","Phone"]\x00[{"header":"Name","target":"full_name","confidence":1.0,'
    b'"source":"user"},{"header":"E-mail","target":"email","confidence":1.0,"source":"user"},'
    b'{"header":"Phone","target":"attr:phone_2","confidence":1.0,"source":"user"}]'
    b"\x00Name\x00e-mail\x00Phone\x00Phone",
    b'["Note"]\x00[{"header":"Note","target":"new_attribute"}]\x00Note',
    b"[]\x00[]\x00",
]


def _workbooks() -> list[bytes]:
    from openpyxl import Workbook

    made = []
    with tempfile.TemporaryDirectory() as tmp:
        made.append(xlsx_parts.write(Path(tmp, "parts.xlsx")).read_bytes())
        book = Workbook()  # what Excel-like writers add: styles, docProps, inline numbers
        sheet = book.active
        sheet.title = "Contacts"
        for row in (["Name", "Email", "Birthday", "Score"],
                    ["Ann", "ann@example.jp", "1990-02-03", 1.5], ["山田", None, None, 10**20]):
            sheet.append(row)
        book.save(Path(tmp, "book.xlsx"))
        made.append(Path(tmp, "book.xlsx").read_bytes())
    return made


def seeds(target: str) -> list[bytes]:
    """The first inputs, with the zero trailer that means "options not given" (its bytes are
    the options in reverse: the last byte is the first option a target takes)."""
    z = b"\x00"
    if target == "csv":
        return [s + z * 5 for s in CSV_SEEDS + _samples(".csv")] + [
            CSV_SEEDS[0] + b"\x00\x00\x00\x01\x01",  # "," and UTF-8 given by the user
            CSV_SEEDS[1] + b"\x01\x01\x01\x00\x00"]  # UTF-16, .tsv, no header row
    if target == "vcard":
        return [s + z * 3 for s in VCARD_SEEDS + _samples(".vcf")] + [
            VCARD_SEEDS[0] + b"\x01\x02\x00"]  # UTF-16, named .txt
    if target == "xlsx":
        return [s + z * 2 for s in _workbooks()]
    if target == "xlsx-xml":
        sheet, strings = xlsx_parts.SHEET, xlsx_parts.STRINGS
        inner = sheet[sheet.index("<sheetData>") + 11:sheet.index("</sheetData>")]
        return [inner.encode() + z + strings[strings.index(">") + 1:-6].encode(),
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="n">'
                b'<v>1e308</v></c><c r="C1" t="d"><v>2024-02-30</v></c><c r="D1" t="b"><v>1</v>'
                b'</c><c r="E1" t="e"><v>#N/A</v></c></row>' + z]
    if target == "any":
        return ([CSV_SEEDS[0] + b"\x01", VCARD_SEEDS[0] + b"\x04", VCARD_SEEDS[0] + b"\x03",
                 b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + z * 8 + b"\x07"]
                + [w + b"\x05" for w in _workbooks()])
    if target == "template":
        return TEMPLATE_SEEDS
    return [b"BUx", b"HAN"]


# --- running ----------------------------------------------------------------------------

def _defaults(target: str, args: list[str]) -> list[str]:
    given = {a.split("=", 1)[0] for a in args if a.startswith("-")}
    wanted = {"-timeout": "10", "-rss_limit_mb": "1024", "-max_len": str(MAX_LEN[target])}
    return [f"{k}={v}" for k, v in wanted.items() if k not in given]


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: {argv[0]} {{{'|'.join(TARGETS)}}} [libFuzzer options] [corpus]")
    target, args = argv[1], argv[2:]
    root = Path(os.environ.get("HUBDESK_ATHERIS_WORKDIR") or
                tempfile.mkdtemp(prefix="hubdesk-atheris-"))
    work = root / f"{target}-{os.getpid()}"  # libFuzzer -jobs/-fork run this several times
    work.mkdir(parents=True)
    inputs = [a for a in args if not a.startswith("-")]
    if not inputs or any(Path(a).is_dir() for a in inputs):
        # Fuzzing (not replaying files): the seeds go in a folder after the user's, so new
        # finds land in the user's corpus, or in this temporary one.
        corpus = work / "seeds"
        corpus.mkdir()
        for i, seed in enumerate(seeds(target)):
            (corpus / f"seed-{i:03d}").write_bytes(seed)
        args.append(str(corpus))
    harness, run = Harness(work), TARGETS[target]
    atheris.Setup([argv[0], *_defaults(target, args), *args], lambda data: run(harness, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
