"""The vCard reader: every real-world sample reads, with the names, emails and phones the file
holds (checked against the file itself, or against the CSV its project ships beside it), and
the hard parts one by one: encodings, folding, quoted-printable, nesting, streaming."""

from __future__ import annotations

import csv
import time
import tracemalloc
from pathlib import Path

import pytest

from hubdesk.core.io.table import MULTI_SEPARATOR, VCARD_COLUMNS, ImportFileError, SourceRow
from hubdesk.core.io.vcard import read_vcard

SAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "samples"

# Cards per sample, counted by reading each file: BEGIN:VCARD lines, nested ones included.
CARDS = {
    "android_vcard/v21_adr_multiple_line.vcf": 1,
    "android_vcard/v21_android_custom_prop.vcf": 1,
    "android_vcard/v21_backslash.vcf": 1,
    "android_vcard/v21_base64_no_2_crlf.vcf": 1,
    "android_vcard/v21_blackberry_photo.vcf": 1,
    "android_vcard/v21_complicated.vcf": 1,
    "android_vcard/v21_im.vcf": 1,
    "android_vcard/v21_invalid_comment_line.vcf": 1,
    "android_vcard/v21_invalid_multiple_line.vcf": 1,
    "android_vcard/v21_japanese_1.vcf": 1,
    "android_vcard/v21_japanese_2.vcf": 1,
    "android_vcard/v21_japanese_3.vcf": 1,
    "android_vcard/v21_malformed_photo.vcf": 1,
    "android_vcard/v21_multiple_entry.vcf": 3,
    "android_vcard/v21_nest.vcf": 3,
    "android_vcard/v21_org_before_title.vcf": 1,
    "android_vcard/v21_pref_handling.vcf": 1,
    "android_vcard/v21_simple_1.vcf": 1,
    "android_vcard/v21_simple_2.vcf": 1,
    "android_vcard/v21_simple_3.vcf": 1,
    "android_vcard/v21_sip.vcf": 1,
    "android_vcard/v21_title_before_org.vcf": 1,
    "android_vcard/v21_winmo_65.vcf": 1,
    "android_vcard/v21_x_android_custom_after_photo.vcf": 1,
    "android_vcard/v21_x_param.vcf": 1,
    "android_vcard/v30_comma_separated.vcf": 1,
    "android_vcard/v30_ios_613_multiline.vcf": 1,
    "android_vcard/v30_japanese.vcf": 1,
    "android_vcard/v30_multibyte_param.vcf": 1,
    "android_vcard/v30_pager.vcf": 1,
    "android_vcard/v30_pause_wait.vcf": 1,
    "android_vcard/v30_simple.vcf": 1,
    "android_vcard/v30_sip.vcf": 1,
    "android_vcard/v40_sip.vcf": 1,
    "android_vcard/v40_sort_as.vcf": 1,
    "ez-vcard/John_Doe_ANDROID.vcf": 6,
    "ez-vcard/John_Doe_BLACK_BERRY.vcf": 1,
    "ez-vcard/John_Doe_EVOLUTION.vcf": 1,
    "ez-vcard/John_Doe_GMAIL.vcf": 1,
    "ez-vcard/John_Doe_IPHONE.vcf": 1,
    "ez-vcard/John_Doe_LOTUS_NOTES.vcf": 1,
    "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf": 1,
    "ez-vcard/John_Doe_MS_OUTLOOK.vcf": 1,
    "ez-vcard/fullcontact.vcf": 1,
    "ez-vcard/gmail-list.vcf": 3,
    "ez-vcard/gmail-single.vcf": 1,
    "ez-vcard/gmail-single2.vcf": 1,
    "ez-vcard/issue114.vcf": 1,
    "ez-vcard/outlook-2003.vcf": 1,
    "ez-vcard/outlook-2007.vcf": 1,
    "ez-vcard/rfc2426-example.vcf": 2,
    "ez-vcard/rfc6350-example.vcf": 1,
    "ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf": 1,
    "roundcube/Browser__data__contacts.vcf": 2,
    "roundcube/src__Csv2vcard__all.vcf": 1,
    "roundcube/src__Csv2vcard__email.vcf": 4,
    "roundcube/src__Csv2vcard__gmail.vcf": 1,
    "roundcube/src__Csv2vcard__outlook.vcf": 1,
    "roundcube/src__Csv2vcard__tb_plain.vcf": 1,
    "roundcube/src__apple.vcf": 1,
    "roundcube/src__johndoe.vcf": 1,
    "roundcube/src__photo.vcf": 1,
    "roundcube/src__thebat.vcf": 1,
    "roundcube/src__utf-16_sample.vcf": 1,
    "thunderbird/mail__components__addrbook__test__browser__data__import.vcf": 1,
    "thunderbird/mailnews__addrbook__test__unit__data__export.vcf": 2,
    "thunderbird/mailnews__addrbook__test__unit__data__v3-binary-jpeg.vcf": 1,
    "thunderbird/mailnews__addrbook__test__unit__data__v4-uri-jpeg.vcf": 1,
    "thunderbird/mailnews__import__test__unit__resources__basic_vcard_addressbook.vcf": 2,
    "thunderbird/mailnews__import__test__unit__resources__dos_vcard_addressbook.vcf": 1,
    "thunderbird/mailnews__import__test__unit__resources__emptylines_vcard_addressbook.vcf": 2,
}


def rows_of(path: Path, **options: str) -> list[dict[str, str]]:
    """Every row as {column: value}, with its problems under "problems"."""
    return [as_dict(row) for row in read_vcard(path, **options).rows()]


def as_dict(row: SourceRow) -> dict:
    assert len(row.values) == len(VCARD_COLUMNS)
    return dict(zip(VCARD_COLUMNS, row.values, strict=True)) | {"problems": row.problems}


def many(*values: str) -> str:
    return MULTI_SEPARATOR.join(values)


def write(tmp_path: Path, data: bytes | str, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- every sample -------------------------------------------------------------------------


def test_the_expected_card_counts_cover_every_sample(samples: Path) -> None:
    on_disk = {p.relative_to(samples).as_posix() for p in samples.glob("*/*.vcf")}
    assert on_disk == set(CARDS), "a sample was added or removed: count its cards here"


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_sample_reads_whole_without_replacement_characters(
    samples: Path, name: str
) -> None:
    table = read_vcard(samples / name)
    assert table.format == "vcard"
    assert table.headers == VCARD_COLUMNS
    rows = list(table.rows())
    assert len(rows) == CARDS[name]
    assert [row.number for row in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        assert not any("\ufffd" in value for value in row.values), (name, row.number)
        assert not any("\r" in value for value in row.values), (name, row.number)
    assert list(table.rows()) == rows  # rows() reads again from the start


# --- names, emails, phones, organisations from the samples -------------------------------


def test_gmail_list(samples: Path) -> None:
    rows = rows_of(samples / "ez-vcard/gmail-list.vcf")
    assert [(r["First Name"], r["Last Name"], r["E-mail"]) for r in rows] == [
        ("Arnold", "Smith", "asmithk@gmail.com"),
        ("Chris", "Beatle", "chrisy55d@yahoo.com"),
        ("Doug", "White", "dwhite@gmail.com"),
    ]


def test_rfc2426_example_two_cards_with_folded_addresses(samples: Path) -> None:
    frank, tim = rows_of(samples / "ez-vcard/rfc2426-example.vcf")
    assert frank["Full Name"] == "Frank Dawson"
    assert frank["E-mail"] == many("Frank_Dawson@Lotus.com", "fdawson@earthlink.net")
    assert frank["Phone"] == many("+1-919-676-9515", "+1-919-676-9564")
    assert frank["Organization"] == "Lotus Development Corporation"
    assert (frank["Street"], frank["City"], frank["Postal Code"]) == (
        "6544 Battleford Drive", "Raleigh", "27613-3502"
    )
    assert (tim["Full Name"], tim["E-mail"], tim["Region"]) == (
        "Tim Howes", "howes@netscape.com", "CA"
    )


def test_rfc6350_example_version_4(samples: Path) -> None:
    (row,) = rows_of(samples / "ez-vcard/rfc6350-example.vcf")
    assert (row["First Name"], row["Last Name"], row["Suffix"]) == (
        "Simon", "Perreault", "ing. jr,M.Sc."
    )
    assert row["Phone"] == many("+1-418-656-9254 ext. 102", "+1-418-262-6501")  # tel: URIs
    assert row["E-mail"] == "simon.perreault@viagenie.ca"
    assert row["Street"] == "2875 Laurier, Suite D2-630"  # the extended address joins it
    assert (row["City"], row["Region"], row["Country"]) == ("Quebec", "QC", "Canada")
    assert (row["Birthday"], row["Time Zone"], row["URL"]) == ("--0203", "-0500",
                                                               "http://nomis80.org")


def test_evolution_escaped_commas_and_organisation_units(samples: Path) -> None:
    (row,) = rows_of(samples / "ez-vcard/John_Doe_EVOLUTION.vcf")
    assert row["Full Name"] == "Mr. John Richter, James Doe Sr."
    assert (row["Last Name"], row["First Name"], row["Middle Name"]) == (
        "Doe", "John", "Richter, James"
    )
    assert (row["Prefix"], row["Suffix"], row["Nickname"]) == ("Mr.", "Sr.", "Johny")
    assert (row["Organization"], row["Department"], row["Title"]) == (
        "IBM", "Accounting, Dungeon", "Money Counter"
    )
    assert row["E-mail"] == "john.doe@ibm.com"  # folded in the middle of the address
    assert row["Phone"] == many("905-666-1234", "905-555-1234")
    assert row["Country"] == "United States of America"  # folded inside the word
    assert row["Categories"] == "VIP"
    assert row["Note"].startswith('THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND '
                                  'CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, ')
    assert "SERVICES; LOSS OF USE" in row["Note"]
    assert row["UID"] == "477343c8e6bf375a9bac1f96a5000837"


def test_gmail_phonetic_names_escaped_newlines_and_urls(samples: Path) -> None:
    (row,) = rows_of(samples / "ez-vcard/John_Doe_GMAIL.vcf")
    assert (row["Phonetic First Name"], row["Phonetic Last Name"]) == ("Jon", "Dow")
    assert row["Street"] == (
        "Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\n"
        "United States of America"
    )
    assert row["URL"] == "http://www.ibm.com"  # written "http\://"
    assert '"AS IS"' in row["Note"]  # written \"AS IS\"
    assert row["Note"].endswith("SUCH DAMAGE.\nFavotire Color: Blue")


def test_outlook_2003_quoted_printable_note_and_label_with_soft_breaks(samples: Path) -> None:
    (row,) = rows_of(samples / "ez-vcard/outlook-2003.vcf")
    assert (row["First Name"], row["Last Name"], row["Suffix"]) == ("John", "Doe", "III")
    assert row["Note"] == "This is the note field!!\nSecond line\n\nThird line is empty"
    assert (row["Organization"], row["Department"]) == ("Company, The", "TheDepartment")
    assert row["E-mail"] == "jdoe@hotmail.com"  # after a 2.1 BASE64 KEY ending in blank lines
    assert row["Phone"] == many("BusinessPhone", "HomePhone", "MobilePhone", "BusinessFaxPhone")
    assert row["Street"] == "123 Main St, TheOffice"


def test_outlook_2007_soft_breaks_photo_and_language_parameter(samples: Path) -> None:
    table = read_vcard(samples / "ez-vcard/outlook-2007.vcf")
    (row,) = map(as_dict, table.rows())
    assert (row["First Name"], row["Last Name"]) == ("Michael", "Angstadt")
    assert row["Note"] == (
        "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n"
        "But I'm not sure because there's text formatting going on here.\n"
        "It does not preserve the formatting"
    )
    assert row["E-mail"] == "mike.angstadt@gmail.com"
    assert "1 photo not imported" in table.notes


def test_android_complicated_2_1(samples: Path) -> None:
    table = read_vcard(samples / "android_vcard/v21_complicated.vcf")
    (row,) = map(as_dict, table.rows())
    assert [row[c] for c in ("Last Name", "First Name", "Middle Name", "Prefix", "Suffix")] == [
        "Gump", "Forrest", "Hoge", "Pos", "Tao"
    ]
    assert row["Full Name"] == "Joe Due"
    assert row["Organization"] == "Gump Shrimp Co."
    assert row["Department"] == "Sales Dept.;Manager, Fish keeper"  # \; is not a separator
    assert row["E-mail"] == many("forrestgump@walladalla.com", "cell@example.com")
    assert row["Phone"] == many(
        "(111) 555-1212", "(404) 555-1212", "0311111111", "0322222222", "0333333333"
    )
    assert row["Note"] == (
        "The following note is the example from RFC 2045.\n\n"
        "Now's the time for all folk to come to the aid of their country."
    )
    assert (row["Birthday"], row["URL"]) == ("19800101", "http://www.example.com/")
    assert table.notes == ["1 photo not imported"]


def test_android_utf8_quoted_printable_with_soft_breaks(samples: Path) -> None:
    rows = rows_of(samples / "ez-vcard/John_Doe_ANDROID.vcf")
    assert rows[0]["E-mail"] == "john.doe@company.com"
    assert rows[0]["Categories"] == "My Contacts"
    assert rows[3]["Full Name"] == "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ"  # a soft break in the middle
    assert rows[4]["E-mail"] == many("bob@company.com", "Ñ" * 14)
    assert rows[5]["Organization"] == "Ñ" * 44  # the first ORG; a broken third is not read


def test_thunderbird_extension_categories_and_notes(samples: Path) -> None:
    (row,) = rows_of(samples / "ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf")
    assert (row["First Name"], row["Last Name"], row["Nickname"]) == ("John", "Doe", "Johnny")
    assert row["E-mail"].split(MULTI_SEPARATOR)[0] == "doe.john@hotmail.com"
    assert len(row["E-mail"].split(MULTI_SEPARATOR)) == 5
    assert row["Categories"] == "category1, category2, category3"  # commas were escaped
    assert row["Note"] == (
        "This is the notes field.\nSecond Line\n\nFourth Line\n"
        'You can put anything in the "note" field; even curse words.'
    )


def test_lotus_notes_escaped_comma_keeps_one_nickname(samples: Path) -> None:
    (row,) = rows_of(samples / "ez-vcard/John_Doe_LOTUS_NOTES.vcf")
    assert row["Nickname"] == "Johny,JayJay"
    assert row["Street"] == "25334\nSouth cresent drive, Building 5, 3rd floo r"
    assert (row["Time Zone"], row["UID"]) == ("1:00", "0e7602cc-443e-4b82-b4b1-90f62f99a199")


def test_categories_split_on_commas(samples: Path) -> None:
    (row,) = rows_of(samples / "roundcube/src__Csv2vcard__gmail.vcf")
    assert row["Categories"] == many("My Contacts", "Test")


def test_org_and_title_in_either_order(samples: Path) -> None:
    (before,) = rows_of(samples / "android_vcard/v21_org_before_title.vcf")
    (after,) = rows_of(samples / "android_vcard/v21_title_before_org.vcf")
    assert (before["Organization"], before["Title"]) == ("Company", "Excellent Janitor")
    assert before["Department"] == "Organization, Devision, Room, Sheet No."
    assert (after["Organization"], after["Title"]) == ("Marverous", "Cool Title")


# --- Japanese -----------------------------------------------------------------------------


def test_shift_jis_name_with_its_irmc_reading(samples: Path) -> None:
    table = read_vcard(samples / "android_vcard/v21_japanese_1.vcf")
    (row,) = map(as_dict, table.rows())
    assert row["Last Name"] == "安藤ロイド"
    assert row["Phonetic Last Name"] == "ｱﾝﾄﾞｳﾛｲﾄﾞ"  # SOUND;X-IRMC-N, structured like N
    assert row["Phone"] == "0300000000"
    assert table.encoding == "cp932" and table.encoding_guessed


def test_shift_jis_quoted_printable_address_and_split_reading(samples: Path) -> None:
    (row,) = rows_of(samples / "android_vcard/v21_japanese_2.vcf")
    assert row["Full Name"] == "安藤 ロイド 1"
    assert (row["Last Name"], row["First Name"]) == ("安藤", "ロイド1")
    assert (row["Phonetic Last Name"], row["Phonetic First Name"]) == ("ｱﾝﾄﾞｳ", "ﾛｲﾄﾞ1")
    assert row["Street"] == "東京都渋谷区桜丘町26-1セルリアンタワー6階"  # QP, soft breaks
    assert row["Postal Code"] == "150-8512"
    assert row["Note"] == "メモ"


@pytest.mark.parametrize("name", ["v21_japanese_3.vcf", "v30_japanese.vcf"])
def test_shift_jis_characters_ending_in_a_backslash_byte(samples: Path, name: str) -> None:
    # 能 is 0x94 0x5C in Shift_JIS: the 0x5C must not be read as an escaping backslash.
    (row,) = rows_of(samples / "android_vcard" / name)
    assert row["Full Name"] == "伊能 圭一 伊予"
    assert (row["Last Name"], row["First Name"], row["Middle Name"]) == ("伊能", "圭一", "伊予")


def test_shift_jis_cards_in_one_file(samples: Path) -> None:
    rows = rows_of(samples / "android_vcard/v21_multiple_entry.vcf")
    assert [(r["Last Name"], r["Phonetic Last Name"]) for r in rows] == [
        ("安藤ロイド3", "ｱﾝﾄﾞｳﾛｲﾄﾞ3"), ("安藤ロイド4", "ｱﾝﾄﾞｳﾛｲﾄﾞ4"), ("安藤ロイド5", "ｱﾝﾄﾞｳﾛｲﾄﾞ5"),
    ]
    assert rows[1]["Phone"] == many("13", "14", "15", "16")


def test_version_4_sort_as_gives_the_readings(samples: Path) -> None:
    (row,) = rows_of(samples / "android_vcard/v40_sort_as.vcf")
    assert (row["Last Name"], row["First Name"], row["Full Name"]) == ("安藤", "ロイド",
                                                                       "安藤 ロイド")
    assert (row["Phonetic Last Name"], row["Phonetic First Name"]) == ("あんどう", "ろいど")
    assert (row["Organization"], row["Department"]) == ("グーグル", "検索部門")


# --- encodings ----------------------------------------------------------------------------


def test_windows_1252_charset(samples: Path) -> None:
    table = read_vcard(samples / "roundcube/src__johndoe.vcf")
    (row,) = map(as_dict, table.rows())
    assert (row["Full Name"], row["Last Name"]) == ("John Doë", "Doë")
    assert row["E-mail"] == many("roundcube@gmail.com", "inbox@roundcube.net")  # pref first
    assert (table.encoding, table.encoding_guessed) == ("cp1252", True)


def test_quoted_printable_without_charset_falls_back_to_cp1252(samples: Path) -> None:
    (row,) = rows_of(samples / "roundcube/src__thebat.vcf")
    assert row["Last Name"] == "Iksiñski"  # 0xF1: not UTF-8; cp1252 reads ñ


def test_utf16_without_bom(samples: Path) -> None:
    table = read_vcard(samples / "roundcube/src__utf-16_sample.vcf")
    (row,) = map(as_dict, table.rows())
    assert (table.encoding, table.encoding_guessed) == ("utf-16-be", True)
    assert row["Full Name"] == "Ǽgean ĽdaMonté"
    assert (row["Last Name"], row["First Name"]) == ("ĽdaMonté", "Ǽgean")
    assert (row["Street"], row["City"], row["Country"]) == ("169 Mária Canal", "LaPaz", "Perú")


def test_utf8_samples_with_accents(samples: Path) -> None:
    (apple,) = rows_of(samples / "roundcube/src__apple.vcf")
    (photo,) = rows_of(samples / "roundcube/src__photo.vcf")
    assert apple["City"] == "Wallisellen-Zürich"
    assert (photo["First Name"], photo["Last Name"]) == ("Jörg", "Müller")


def test_utf16_little_endian_without_bom_and_with_bom(tmp_path: Path) -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nEMAIL:taro@example.jp\r\nEND:VCARD\r\n"
    for data, guessed in [(text.encode("utf-16-le"), True), (text.encode("utf-16"), False)]:
        table = read_vcard(write(tmp_path, data))
        (row,) = map(as_dict, table.rows())
        assert (row["Full Name"], row["E-mail"]) == ("山田 太郎", "taro@example.jp")
        assert table.encoding_guessed is guessed


def test_utf8_bom_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfBEGIN:VCARD\r\nFN:Jos\xc3\xa9\r\nEND:VCARD\r\n")
    table = read_vcard(path)
    assert [row["Full Name"] for row in map(as_dict, table.rows())] == ["José"]
    assert not table.encoding_guessed


def test_a_legacy_byte_far_into_the_file_is_found(tmp_path: Path) -> None:
    # The first 64 KB are plain ASCII; a cp1252 "é" comes after: the file is not UTF-8.
    filler = "BEGIN:VCARD\r\nFN:Someone\r\nEND:VCARD\r\n" * 3000
    path = write(tmp_path, (filler + "BEGIN:VCARD\r\nFN:José\r\nEND:VCARD\r\n").encode("cp1252"))
    table = read_vcard(path)
    rows = list(table.rows())
    assert (table.encoding, table.encoding_guessed) == ("cp1252", True)
    assert as_dict(rows[-1])["Full Name"] == "José"


def test_an_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "BEGIN:VCARD\r\nFN:山田\r\nEND:VCARD\r\n".encode("cp932"))
    table = read_vcard(path, encoding="Shift_JIS")
    assert [as_dict(r)["Full Name"] for r in table.rows()] == ["山田"]
    assert (table.encoding, table.encoding_guessed) == ("cp932", False)


def test_undecodable_bytes_stop_with_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"BEGIN:VCARD\r\nFN:ok\r\nN:Jos\xc3\xa9;\r\nEND:VCARD\r\n")
    with pytest.raises(ImportFileError) as caught:
        list(read_vcard(path, encoding="ascii").rows())
    assert (caught.value.line, caught.value.path) == (3, str(path))
    assert "line 3" in str(caught.value)


def test_bytes_a_declared_charset_cannot_decode_stop_with_the_line(tmp_path: Path) -> None:
    # 0x82 starts a two-byte Shift_JIS character; a space cannot end one.
    data = b"BEGIN:VCARD\r\nFN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=82=20\r\nEND:VCARD\r\n"
    with pytest.raises(ImportFileError) as caught:
        list(read_vcard(write(tmp_path, data)).rows())
    assert caught.value.line == 2


def test_unreadable_file_and_unknown_encoding_are_import_errors(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError):
        read_vcard(tmp_path / "missing.vcf")
    with pytest.raises(ImportFileError, match="unknown encoding"):
        read_vcard(write(tmp_path, "BEGIN:VCARD\r\nEND:VCARD\r\n"), encoding="no-such-codec")


# --- lines: ends, folding, stray and nested content --------------------------------------


def test_cr_cr_lf_line_ends(samples: Path) -> None:
    (iphone,) = rows_of(samples / "ez-vcard/John_Doe_IPHONE.vcf")
    (dos,) = rows_of(samples / "thunderbird/mailnews__import__test__unit__resources__"
                              "dos_vcard_addressbook.vcf")
    assert (dos["First Name"], dos["Last Name"], dos["E-mail"]) == (
        "Name", "Surname", "example@gmail.com"
    )
    assert iphone["Full Name"] == "Mr. John Richter James Doe Sr."


def test_cr_only_line_ends_and_tab_folding(tmp_path: Path) -> None:
    path = write(tmp_path, "BEGIN:VCARD\rVERSION:3.0\rFN:Ann\r\t Lee\rEMAIL:ann@\r example.org\r"
                           "END:VCARD\r")
    (row,) = rows_of(path)
    assert (row["Full Name"], row["E-mail"]) == ("Ann Lee", "ann@example.org")


def test_grouped_properties_lose_their_group(samples: Path) -> None:
    (iphone,) = rows_of(samples / "ez-vcard/John_Doe_IPHONE.vcf")
    assert iphone["E-mail"] == "john.doe@ibm.com"  # item1.EMAIL
    assert iphone["Phone"].endswith("905-222-1234")  # item2.TEL, labelled AssistantPhone
    assert (iphone["Street"], iphone["Postal Code"]) == ("Silicon Alley 5,", "12345")  # item3
    assert iphone["URL"] == "http://www.ibm.com"  # item5.URL
    (mac,) = rows_of(samples / "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf")
    assert mac["E-mail"] == "john.doe@ibm.com"
    assert (mac["Phonetic First Name"], mac["Phonetic Last Name"]) == ("Jon", "Dow")
    (gmail,) = rows_of(samples / "ez-vcard/gmail-single2.vcf")
    assert gmail["E-mail"].split(MULTI_SEPARATOR) == [
        "email@example.com", "homeemail@example.com", "workemail@example.com",
        "otheremail@example.com", "customcategory@example.com",
    ]


def test_stray_lines_before_and_between_cards_are_noted(tmp_path: Path) -> None:
    path = write(tmp_path, "Exported by Example 1.0\r\n\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n"
                           "garbage\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n")
    table = read_vcard(path)
    rows = list(table.rows())
    assert [(r.number, r.line, r.values[0]) for r in rows] == [(1, 3, "A"), (2, 7, "B")]
    assert table.notes == [
        "2 line(s) outside BEGIN:VCARD … END:VCARD ignored (the first at line 1)"
    ]


def test_blank_lines_around_cards_are_no_news(samples: Path) -> None:
    table = read_vcard(samples / "thunderbird/mailnews__import__test__unit__resources__"
                                 "emptylines_vcard_addressbook.vcf")
    rows = list(table.rows())
    assert [(r.line, as_dict(r)["Full Name"]) for r in rows] == [(3, "John Doe"), (11, "Jane Doe")]
    assert table.notes == []


def test_comment_lines_inside_a_card_are_ignored_and_noted(samples: Path) -> None:
    table = read_vcard(samples / "android_vcard/v21_invalid_comment_line.vcf")
    (row,) = map(as_dict, table.rows())
    assert row["Note"] == (
        "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."
    )
    assert table.notes == ["2 line(s) that are not vCard properties ignored (the first at line 6)"]


def test_nested_cards_keep_the_outer_card_whole(samples: Path) -> None:
    table = read_vcard(samples / "android_vcard/v21_nest.vcf")
    rows = list(table.rows())
    assert [(r.number, r.line, as_dict(r)["Last Name"]) for r in rows] == [
        (1, 1, "parent"), (2, 4, "nest1"), (3, 8, "nest2"),
    ]
    assert as_dict(rows[0])["Phone"] == "1"  # the TEL after the nested cards is the parent's
    assert any("2 card(s) nested" in note for note in table.notes)


def test_agent_text_and_custom_properties_are_ignored(samples: Path) -> None:
    (winmo,) = rows_of(samples / "android_vcard/v21_winmo_65.vcf")
    assert (winmo["Full Name"], winmo["Last Name"]) == ("Example", "Example")


def test_an_unclosed_card_is_still_read_with_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEMAIL:b@x.org\n")
    rows = rows_of(path)
    assert [(r["Full Name"], r["problems"]) for r in rows] == [
        ("A", []), ("B", ["the card starting at line 4 has no END:VCARD"]),
    ]


def test_cards_that_all_miss_their_end_are_each_read(tmp_path: Path) -> None:
    path = write(tmp_path, "".join(f"BEGIN:VCARD\nFN:Person {i}\n" for i in range(300)))
    rows = rows_of(path)
    assert sorted(r["Full Name"] for r in rows) == sorted(f"Person {i}" for i in range(300))
    assert all(r["problems"] for r in rows)


def test_a_file_without_cards_says_so(tmp_path: Path) -> None:
    table = read_vcard(write(tmp_path, "Name,Email\nAnn,ann@example.org\n"))
    assert list(table.rows()) == []
    assert table.notes[0] == "no BEGIN:VCARD found: the file holds no vCard"
    assert len(table.notes) == 2  # and the two lines outside any card


def test_notes_are_recounted_on_each_pass_not_added_up(samples: Path) -> None:
    table = read_vcard(samples / "ez-vcard/fullcontact.vcf")
    assert table.notes == []  # known once the rows have been read
    list(table.rows())
    list(table.rows())
    assert table.notes == ["3 photos not imported"]


def test_the_first_of_two_addresses_is_taken(samples: Path) -> None:
    path = samples / "android_vcard/v21_adr_multiple_line.vcf"
    (row,) = rows_of(path)
    assert (row["Street"], row["City"]) == ("Grindelberg 999", "Hamburg")  # the first ADR


def test_a_trailing_backslash_continues_the_value_on_the_next_line(tmp_path: Path) -> None:
    path = write(tmp_path, "BEGIN:VCARD\r\nVERSION:2.1\r\nN:X\r\nADR;HOME:;;Street 1\\\r\n"
                           "Floor 2;Town;;1;Land\r\nEND:VCARD\r\n")
    (row,) = rows_of(path)
    assert (row["Street"], row["City"]) == ("Street 1\nFloor 2", "Town")


def test_version_2_1_escapes_only_structured_values(samples: Path) -> None:
    (row,) = rows_of(samples / "android_vcard/v21_backslash.vcf")
    assert row["Full Name"] == "A;B\\C\\;D:E\\\\"  # as written: 2.1 text has no escapes
    assert [row[c] for c in ("Last Name", "First Name", "Middle Name", "Prefix", "Suffix")] == [
        "", "A;B\\", "C\\;", "D", ":E"
    ]


def test_quoted_parameter_values_and_multibyte_types(samples: Path) -> None:
    (comma,) = rows_of(samples / "android_vcard/v30_comma_separated.vcf")
    (multibyte,) = rows_of(samples / "android_vcard/v30_multibyte_param.vcf")
    assert (comma["Last Name"], comma["Phone"]) == ("F", "1")  # TYPE="COMMA,SEPARATED:INSIDE…"
    assert (multibyte["Last Name"], multibyte["Phone"]) == ("F", "1")


# --- preference order and photos --------------------------------------------------------


def test_preferred_email_and_phone_come_first(samples: Path) -> None:
    (android,) = rows_of(samples / "android_vcard/v21_pref_handling.vcf")
    assert android["Phone"] == many("2", "1", "3")  # TEL;WORK;PREF:2
    assert android["E-mail"] == many("test@example.com", "test2@examination.com")  # both PREF
    assert (android["Organization"], android["Title"]) == ("Company", "Engineer")
    (mac,) = rows_of(samples / "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf")
    assert mac["Phone"].split(MULTI_SEPARATOR)[0] == "905-777-1234"  # type=pref
    (v4,) = rows_of(samples / "ez-vcard/issue114.vcf")
    assert v4["Phone"] == many("+49 1234 56789", "+49 9876 54321")  # PREF=1


def test_preference_moves_a_later_value_first(tmp_path: Path) -> None:
    path = write(tmp_path, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:P\r\nEMAIL;PREF=2:b@x.org\r\n"
                           "EMAIL:c@x.org\r\nEMAIL;PREF=1:a@x.org\r\nTEL:1\r\nTEL;TYPE=pref:2\r\n"
                           "END:VCARD\r\n")
    (row,) = rows_of(path)
    assert row["E-mail"] == many("a@x.org", "b@x.org", "c@x.org")
    assert row["Phone"] == many("2", "1")


@pytest.mark.parametrize(
    ("name", "photos"),
    [
        ("ez-vcard/fullcontact.vcf", 3),  # URLs
        ("ez-vcard/John_Doe_IPHONE.vcf", 1),  # ENCODING=b, folded
        ("android_vcard/v21_base64_no_2_crlf.vcf", 1),  # 2.1 BASE64 without the blank line
        ("android_vcard/v21_malformed_photo.vcf", 1),
        ("thunderbird/mailnews__addrbook__test__unit__data__v4-uri-jpeg.vcf", 1),  # data: URI
        ("ez-vcard/gmail-list.vcf", 0),
    ],
)
def test_photos_are_counted_not_imported(samples: Path, name: str, photos: int) -> None:
    table = read_vcard(samples / name)
    rows = list(table.rows())
    expected = [f"{photos} photo{'s' if photos > 1 else ''} not imported"] if photos else []
    assert [n for n in table.notes if "photo" in n] == expected
    assert all("/9j/" not in value for row in rows for value in row.values)


def test_a_photo_does_not_hide_the_properties_after_it(samples: Path) -> None:
    (row,) = rows_of(samples / "android_vcard/v21_blackberry_photo.vcf")
    assert row["Phone"] == many("+5555555", "+5555556")
    assert row["E-mail"] == "forrestgump@walladalla.com"
    (after,) = rows_of(samples / "android_vcard/v21_x_android_custom_after_photo.vcf")
    assert after["Birthday"] == "1975-08-20"


# --- the CSV files shipped beside their vCards hold the same people ----------------------

PAIRS = [
    "roundcube/src__Csv2vcard__all",
    "roundcube/src__Csv2vcard__email",
    "roundcube/src__Csv2vcard__gmail",
    "roundcube/src__Csv2vcard__outlook",
    "roundcube/src__Csv2vcard__tb_plain",
    "thunderbird/mail__components__addrbook__test__browser__data__import",
    "thunderbird/mailnews__addrbook__test__unit__data__export",
]
# CSV header (lower case) → the vCard column holding the same name.
NAME_COLUMNS = {
    "first name": "First Name", "given name": "First Name",
    "last name": "Last Name", "family name": "Last Name",
    "middle name": "Middle Name", "additional name": "Middle Name",
    "display name": "Full Name", "name": "Full Name",
}


@pytest.mark.parametrize("stem", PAIRS)
def test_the_vcard_holds_the_names_and_emails_of_its_csv(samples: Path, stem: str) -> None:
    with open(samples / f"{stem}.csv", encoding="utf-8-sig", newline="") as file:
        records = list(csv.DictReader(file))
    rows = rows_of(samples / f"{stem}.vcf")
    assert len(rows) == len(records)
    for record, row in zip(records, rows, strict=True):
        emails = row["E-mail"].split(MULTI_SEPARATOR)
        checked = 0
        for header, value in record.items():
            if not header or not value:
                continue
            key = header.strip().lower()
            if key in NAME_COLUMNS:
                assert row[NAME_COLUMNS[key]] == value, header
                checked += 1
            elif "mail" in key and "@" in value:
                assert value in emails, header
                checked += 1
        assert checked, "the CSV row had neither a name nor an email to compare"


# --- streaming ----------------------------------------------------------------------------


@pytest.mark.slow
def test_fifty_thousand_cards_stream_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.vcf"
    with open(path, "w", encoding="utf-8", newline="") as file:
        for i in range(50_000):
            file.write(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎 {i}\r\nN:山田;太郎 {i};;;\r\n"
                f"EMAIL;TYPE=INTERNET:taro{i}@example.jp\r\nTEL;TYPE=CELL:+81 90 0000 {i:04d}\r\n"
                "END:VCARD\r\n"
            )
    size = path.stat().st_size

    started = time.perf_counter()
    count = sum(1 for _ in read_vcard(path).rows())
    elapsed = time.perf_counter() - started
    assert count == 50_000
    assert elapsed < 15, f"{elapsed:.1f} s"  # about 1 s on a developer machine

    tracemalloc.start()
    try:
        last = None
        for last in read_vcard(path).rows():  # noqa: B007 — only the last is looked at
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert last is not None and as_dict(last)["E-mail"] == "taro49999@example.jp"
    assert peak < size / 10, f"peak {peak} bytes for a file of {size} bytes"
