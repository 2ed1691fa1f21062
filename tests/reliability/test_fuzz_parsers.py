"""Every import parser fed arbitrary and malformed input (hypothesis): the only error that
escapes is the typed import error (ImportFileError; HubDeskError for mapping templates),
and no input takes 10 s. Each parsed file also goes through a dry-run import, so row
preparation sees the same hostile cells.

HUBDESK_FUZZ_EXAMPLES (default 120 per parser) sets the effort; the long run is e.g. 20000.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import ImportFileError
from tests.reliability import fuzz_targets

EXAMPLES = int(os.environ.get("HUBDESK_FUZZ_EXAMPLES", "120"))
HANG_SECONDS = 10
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when the body takes longer than `seconds`."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(*_):
        raise AssertionError(f"parser hung for over {seconds} s")

    old = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    from hubdesk.core.db import open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    yield db
    db.dispose()


def _check(target: Callable[..., None], *args) -> None:
    with within(HANG_SECONDS):
        target(*args)  # fuzz_targets lets only the typed errors through as "refused"


# Text made of what parsers care about, so examples reach deep instead of failing at once.
CSV_ALPHABET = st.sampled_from([*',;\t|"\'\r\n =+-@\\', "\ufeff", "é", "山", "\x00", "\u202e",
                                "ｱ", "\ud7ff"])
csv_text = st.text(alphabet=st.one_of(CSV_ALPHABET, st.characters()), max_size=400)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp932", "cp1252", "latin-1"])
VCARD_LINES = st.sampled_from([
    "BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "FN:Ann",
    "N:Yamada;Taro;;;", "N:;;;;", "EMAIL;TYPE=work:a@b.jp", "TEL;CELL:+81 90", "ORG:Acme;;",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E5=B1=B1=", "NOTE:line\\nnext\\,x",
    "PHOTO;ENCODING=b;TYPE=JPEG:AAAA", " folded continuation", "\tfolded tab",
    "X-PHONETIC-LAST-NAME:ヤマダ", "CATEGORIES:a,b\\,c", "ADR:;;1 St;City;;;JP", "item1.EMAIL:x",
    "BDAY:--0203", "TZ:+09:00", "UID:urn:uuid:1", "LABEL;ENCODING=QUOTED-PRINTABLE:=0D=0A=",
    "BEGIN:VCARD\r\nBEGIN:VCARD", ":", ";;;", "=", "N;CHARSET=SHIFT_JIS:\x82\xa0"])
vcard_text = st.lists(st.one_of(VCARD_LINES, st.text(max_size=40)), max_size=30).map(
    lambda lines: "\r\n".join(lines))


@FUZZ
@given(text=csv_text, encoding=encodings, suffix=st.sampled_from([".csv", ".tsv", ".txt"]))
def test_csv_and_tsv_reader(text, encoding, suffix, tmp_path, fuzz_db):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(text.encode(encoding, "replace"))
    _check(fuzz_targets.read_and_dry_run, path, fuzz_db)


@FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".vcf", ".xlsx", ".txt"]))
def test_any_bytes_under_any_name(data, suffix, tmp_path, fuzz_db):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _check(fuzz_targets.read_and_dry_run, path, fuzz_db)


@FUZZ
@given(text=vcard_text, encoding=encodings)
def test_vcard_reader(text, encoding, tmp_path, fuzz_db):
    path = tmp_path / "fuzz.vcf"
    path.write_bytes(text.encode(encoding, "replace"))
    _check(fuzz_targets.read_and_dry_run, path, fuzz_db)


xml_text = st.lists(st.one_of(st.sampled_from([*'<>/="&;!?[] ',
    "<row>", "</row>", '<c r="A1" t="s"><v>', "</v></c>", '<c t="inlineStr"><is><t>',
    "</t></is></c>", "<si><t>", "</t></si>", "<!DOCTYPE x [", "&#0;", "&#x110000;",
    '<c r="XFD1048577">', '<row r="-1">', "<v>1e308</v>", "<v>NaN</v>", 't="d"', 't="b"',
    't="e"', "<f>", "]]>", "<![CDATA["]), st.characters()), max_size=60).map("".join)


@FUZZ
@given(sheet=xml_text, strings=xml_text, flips=st.lists(st.tuples(
    st.integers(0, 4000), st.integers(0, 255)), max_size=4))
def test_xlsx_reader(sheet, strings, flips, tmp_path, fuzz_db):
    path = fuzz_targets.workbook(tmp_path / "fuzz.xlsx", sheet, strings, flips)
    _check(fuzz_targets.read_and_dry_run, path, fuzz_db)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["header", "target", "confidence", "source", "x"]), inner, max_size=5),
    max_leaves=20)
stored_text = st.one_of(json_value.map(json.dumps), st.text(max_size=60))


@FUZZ
@given(headers=stored_text, mapping=stored_text,
       file_headers=st.lists(st.text(max_size=12), max_size=6))
def test_mapping_templates_read_back_whatever_is_stored(headers, mapping, file_headers,
                                                        fuzz_db):
    """A template row written by another version (or edited by hand) is read, or refused
    with a typed error; it never breaks the import."""
    _check(fuzz_targets.template, fuzz_db, headers, mapping, file_headers)


def test_a_target_that_raises_something_else_is_caught(tmp_path, fuzz_db):
    """The net itself: an untyped error out of a parser does fail these tests."""
    with pytest.raises(AssertionError, match="untyped"):
        fuzz_targets.refused_only(lambda: [][1], (HubDeskError,))


def test_a_zip_directory_asking_for_an_unknown_zip_version_is_refused(tmp_path, fuzz_db):
    """Found by the fuzzer: zipfile raised NotImplementedError ("zip file version 6.4")
    straight through the reader."""
    path = fuzz_targets.workbook(tmp_path / "version.xlsx", "", "", [])
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    data[entry + 6:entry + 8] = (64).to_bytes(2, "little")  # "version needed to extract"
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError, match="not a readable XLSX workbook"):
        open_table(path)
