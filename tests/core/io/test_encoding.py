"""Encoding detection: a BOM decides, then strict UTF-8, then a guess the user confirms; an
undecodable byte is an error naming its line, never a replacement character."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubdesk.core.io.encoding import decode_check, detect_encoding, normalise_encoding
from hubdesk.core.io.table import ImportFileError

JAPANESE = "氏名,メール\n山田太郎,taro@example.jp\n佐藤花子,hanako@example.jp\n"
WESTERN = "Name,City\nJosé Müller,Köln\nFrançoise Ågren,Besançon\nÄsa Öberg,Malmö\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfName\n", "utf-8-sig"),
        ("\ufeffName\n".encode("utf-16-le"), "utf-16-le"),
        ("\ufeffName\n".encode("utf-16-be"), "utf-16-be"),
        ("\ufeffName\n".encode("utf-32-le"), "utf-32-le"),
        ("\ufeffName\n".encode("utf-32-be"), "utf-32-be"),
    ],
)
def test_a_bom_decides_and_is_not_a_guess(data: bytes, expected: str) -> None:
    assert detect_encoding(data, complete=True) == (expected, False)


def test_valid_utf8_is_not_a_guess() -> None:
    assert detect_encoding(JAPANESE.encode("utf-8"), complete=True) == ("utf-8", False)
    assert detect_encoding(b"plain ascii\n", complete=True) == ("utf-8", False)


def test_a_character_cut_at_the_end_of_the_sample_still_counts_as_utf8() -> None:
    data = ("x" * 100 + "山").encode("utf-8")[:-1]  # the sample ends inside 山
    assert detect_encoding(data) == ("utf-8", False)
    # …but a whole file ending that way is not UTF-8.
    assert detect_encoding(data, complete=True)[0] != "utf-8"


def test_japanese_in_cp932_is_guessed_as_cp932() -> None:
    assert detect_encoding(JAPANESE.encode("cp932"), complete=True) == ("cp932", True)


def test_cp932_extensions_beyond_shift_jis_are_guessed_as_cp932() -> None:
    text = "会社,①番\n㈱髙島屋,②\n"  # NEC/IBM characters that strict shift_jis lacks
    assert detect_encoding(text.encode("cp932"), complete=True) == ("cp932", True)


def test_cp932_cut_in_a_double_byte_character_at_the_sample_end() -> None:
    data = (JAPANESE * 20).encode("cp932")
    cut = data[: data.index("花".encode("cp932")) + 1]
    assert detect_encoding(cut) == ("cp932", True)


def test_western_text_is_guessed_as_cp1252() -> None:
    assert detect_encoding(WESTERN.encode("cp1252"), complete=True) == ("cp1252", True)


def test_latin_text_that_happens_to_decode_as_cp932_is_still_cp1252() -> None:
    # "ÄÖ" are half-width katakana in cp932 and "éa" would be a kanji: valid, but not Japanese.
    data = "Name\nÄsa Öberg\nRenéa\n".encode("cp1252")
    data.decode("cp932")  # the premise: it does decode
    assert detect_encoding(data, complete=True) == ("cp1252", True)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec: str) -> None:
    data = "Name\tE-mail\nJohn\tjohn@example.com\n".encode(codec)
    assert detect_encoding(data, complete=True) == (codec, True)


@pytest.mark.parametrize(
    ("typed", "codec"),
    [
        ("sjis", "cp932"),
        ("Shift-JIS", "cp932"),
        ("SHIFT_JIS", "cp932"),
        ("windows-31j", "cp932"),
        ("utf8", "utf-8"),
        ("UTF-8", "utf-8"),
        ("latin1", "iso8859-1"),
        ("windows-1252", "cp1252"),
        ("UTF-16LE", "utf-16-le"),
    ],
)
def test_user_names_for_encodings_are_normalised(typed: str, codec: str) -> None:
    assert normalise_encoding(typed) == codec


def test_an_unknown_encoding_name_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        normalise_encoding("klingon-8")


def test_decode_check_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"Name\r\nAnn\r\nBob\rCy \x81 Dee\nEve\n")  # CR LF, CR and LF line ends
    with pytest.raises(ImportFileError) as caught:
        decode_check(path, "cp1252")
    assert caught.value.line == 4
    assert "bad.csv, line 4" in str(caught.value)
    assert "0x81" in str(caught.value)


def test_decode_check_counts_lines_across_chunks(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    good = "名前\r\n" + "山田太郎,taro@example.jp\r\n" * 100_000  # several 1 MB chunks
    path.write_bytes(good.encode("utf-8") + b"\xff\xfe broken\r\n")
    with pytest.raises(ImportFileError) as caught:
        decode_check(path, "utf-8")
    assert caught.value.line == 100_002


def test_decode_check_passes_a_clean_file(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes(JAPANESE.encode("cp932"))
    decode_check(path, "cp932")


def test_decode_check_of_a_cp932_file_with_a_broken_double_byte(tmp_path: Path) -> None:
    path = tmp_path / "sjis.csv"
    path.write_bytes(JAPANESE.encode("cp932") + b"\x82\x20oops\n")
    with pytest.raises(ImportFileError) as caught:
        decode_check(path, "cp932")
    assert caught.value.line == 4
