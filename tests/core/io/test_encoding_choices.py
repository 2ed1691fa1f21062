"""Encodings named by the user (or by a vCard CHARSET) that Python knows but that cannot read
a contact file: each is refused with the typed import error, never a raw codec error. Found
by the atheris fuzzer (tests/reliability/test_atheris_fuzz.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubdesk.core.io.encoding import normalise_encoding
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import ImportFileError

CSV = "Name,Email\nZoë,zoe@example.com\n"
VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Yamada;Taro;;;\r\nFN:Taro Yamada\r\nEND:VCARD\r\n"


def rows(path: Path, **options) -> list[list[str]]:
    table = open_table(path, **options)
    return [row.values for row in table.rows()]


@pytest.mark.parametrize("name", ["utf-16", "UTF16", "utf-32"])
@pytest.mark.parametrize(("suffix", "text"), [(".csv", CSV), (".vcf", VCARD)])
def test_utf16_or_32_chosen_for_a_file_without_a_bom_is_refused_naming_the_choices(
        tmp_path, name, suffix, text):
    codec = normalise_encoding(name)
    path = tmp_path / f"contacts{suffix}"
    path.write_bytes(text.encode(f"{codec}-le"))  # no BOM: Python's decoder needs one
    with pytest.raises(ImportFileError, match=f"without a byte order mark, so {codec} "
                                              f"cannot read it; choose {codec}-le .* {codec}-be"):
        open_table(path, encoding=name)


def test_utf16_chosen_for_a_file_with_a_bom_reads(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(CSV.encode("utf-16"))  # with its BOM
    assert rows(path, encoding="utf-16") == [["Zoë", "zoe@example.com"]]
    vcard = tmp_path / "contacts.vcf"
    vcard.write_bytes(VCARD.encode("utf-16"))
    assert open_table(vcard, encoding="utf-16").headers[:3] == ["Full Name", "First Name",
                                                                 "Last Name"]
    assert rows(vcard, encoding="utf-16")[0][:3] == ["Taro Yamada", "Taro", "Yamada"]


# Not text encodings (bytes to bytes, str to str), ones whose decoder fails with a bare
# UnicodeError on any text, and a name with a NUL, which codecs.lookup refuses with ValueError.
NOT_FILE_ENCODINGS = ["base64", "rot13", "hex", "zlib", "undefined", "punycode", "idna",
                      "utf\x008"]


@pytest.mark.parametrize("name", NOT_FILE_ENCODINGS)
@pytest.mark.parametrize(("suffix", "text"), [(".csv", CSV), (".vcf", VCARD)])
def test_a_codec_that_is_not_a_file_encoding_is_an_unknown_encoding(tmp_path, name, suffix,
                                                                     text):
    path = tmp_path / f"contacts{suffix}"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(ImportFileError, match="unknown encoding"):
        open_table(path, encoding=name)
    with pytest.raises(LookupError):
        normalise_encoding(name)


@pytest.mark.parametrize("charset", [b"UTF\x008", b"base64", b"rot13"])
def test_a_vcard_charset_that_names_no_file_encoding_is_ignored(tmp_path, charset):
    path = tmp_path / "card.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=" + charset
                     + b":\xe5\xb1\xb1\xe7\x94\xb0;\xe5\xa4\xaa\xe9\x83\x8e\r\nEND:VCARD\r\n")
    assert rows(path)[0][1:3] == ["太郎", "山田"]  # the file's own UTF-8 decodes it


@pytest.mark.parametrize(("name", "codec"), [("Shift_JIS", "cp932"), ("UTF8", "utf-8"),
                                             ("utf-16", "utf-16"), ("latin-1", "iso8859-1"),
                                             ("utf-7", "utf-7")])
def test_real_file_encodings_are_still_accepted(name, codec):
    assert normalise_encoding(name) == codec
