"""A row and its mapping become a ContactDraft: nothing non-empty is lost on the way."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hubdesk.core.io.draft import (
    EXTRA_EMAIL,
    EXTRA_PHONE,
    FULL_NAME,
    IGNORE,
    LABELS,
    NEW_ATTRIBUTE,
    NOTE,
    ColumnMapping,
    ContactDraft,
)
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.row_draft import (
    clean_cell,
    draft_from_row,
    split_full_name,
    split_labels,
)


def draft(**columns: tuple[str, str]) -> ContactDraft:
    """draft(Header=(target, value), ...) — a one-row file."""
    mapping = [ColumnMapping(h.replace("_", " "), t) for h, (t, _v) in columns.items()]
    return draft_from_row([v for _t, v in columns.values()], mapping)


def test_cells_are_trimmed() -> None:
    d = draft(First=("first_name", "  Ann \t"), Mail=("email", " ann@example.com "))
    assert d.fields == {"first_name": "Ann", "email": "ann@example.com"}
    assert d.problems == []


@pytest.mark.parametrize("value", ["0/0/00", "0/0/0000", "1/1/1601", "1601/01/01",
                                   "Unspecified", "unspecified", "未指定", " 0.0.00 "])
def test_outlook_placeholders_are_empty(value: str) -> None:
    assert clean_cell(value) == ""
    d = draft(Birthday=(NOTE, value), Gender=(NOTE, value), Company=("company", value))
    assert d.notes == [] and d.fields == {} and d.problems == []


def test_real_values_are_not_placeholders() -> None:
    assert clean_cell("1/1/1990") == "1/1/1990" and clean_cell("0") == "0"


def test_google_multi_values_with_primary_marker() -> None:
    d = draft(**{"E-mail_1_-_Value": ("email", "work@example.com ::: * home@example.com"),
                 "Phone_1_-_Value": ("phone", "+81 3-1234-5678 ::: * +81 90-1111-2222")})
    assert d.fields["email"] == "home@example.com"
    assert d.extra_emails == ["work@example.com"]
    assert d.fields["phone"] == "+81 90-1111-2222"
    assert d.extra_phones == ["+81 3-1234-5678"]


def test_google_label_column_marks_the_primary() -> None:
    headers = ["E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
               "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value"]
    mapping = guess_mapping(headers)
    row = ["Work", "work@example.com", "* Home", "home@example.com",
           "Mobile", "090-1111-2222", "* Work", "03-1234-5678"]
    d = draft_from_row(row, mapping)
    assert d.fields["email"] == "home@example.com" and d.extra_emails == ["work@example.com"]
    assert d.fields["phone"] == "03-1234-5678" and d.extra_phones == ["090-1111-2222"]


def test_first_non_empty_email_column_is_primary() -> None:
    d = draft(**{"E-mail": ("email", ""), "E-mail 2": ("email", "b@example.com"),
                 "E-mail 3": ("email", "c@example.com; d@example.com"),
                 "Other": (EXTRA_EMAIL, "B@example.com ::: e@example.com")})
    assert d.fields["email"] == "b@example.com"
    # Duplicates (ignoring case) are kept once.
    assert d.extra_emails == ["c@example.com", "d@example.com", "e@example.com"]


def test_extra_phone_is_promoted_when_there_is_no_primary() -> None:
    d = draft(Mobile=("phone", ""), Business=(EXTRA_PHONE, "03-1234-5678"),
              Home=(EXTRA_PHONE, "03 1234 5678"), Car=(EXTRA_PHONE, "090-0000-0000"))
    assert d.fields["phone"] == "03-1234-5678"
    assert d.extra_phones == ["090-0000-0000"]  # the same number in other notation once


def test_mobile_stays_primary_over_extras() -> None:
    d = draft(Business=(EXTRA_PHONE, "03-1234-5678"), Mobile=("phone", "090-1111-2222"))
    assert d.fields["phone"] == "090-1111-2222" and d.extra_phones == ["03-1234-5678"]


@pytest.mark.parametrize(("text", "labels"), [
    ("* myContacts ::: Friends ::: * starred", ["Friends", "starred"]),
    ("* My Contacts ::: Test", ["Test"]),
    ("*Important*", ["*Important*"]),  # only "* " marks; a star in a name stays
    ("VIP; Customers, Tokyo", ["VIP", "Customers", "Tokyo"]),
    ("顧客；東京，VIP", ["顧客", "東京", "VIP"]),  # typed in Japanese input mode
    ("東京、大阪エリア", ["東京、大阪エリア"]),  # 、 is part of a name, not a separator
    (" ; , ", []),
])
def test_labels_split(text: str, labels: list[str]) -> None:
    assert split_labels(text) == labels


def test_labels_from_several_columns_are_merged_once() -> None:
    d = draft(Labels=(LABELS, "VIP ::: Friends"), Categories=(LABELS, "vip; Press"))
    assert d.labels == ["VIP", "Friends", "Press"]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("John Smith", "John", "Smith"),
    ("Smith, John", "John", "Smith"),
    ("John Smith, Jr.", "John", "Smith, Jr."),
    ("山田, 太郎", "太郎", "山田"),
    ("John Ronald Smith", "John Ronald", "Smith"),
    ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
    ("Madonna", "Madonna", ""),
    ("山田 太郎", "太郎", "山田"),
    ("山田\u3000太郎", "太郎", "山田"),
    ("山田太郎", "", "山田太郎"),
    ("  John   Smith ", "John", "Smith"),
])
def test_split_full_name(text: str, first: str, last: str) -> None:
    assert split_full_name(text) == (first, last)


def test_full_name_fills_empty_first_and_last() -> None:
    d = draft(Name=(FULL_NAME, "山田 太郎"), Mail=("email", "taro@example.jp"))
    assert d.fields["last_name"] == "山田" and d.fields["first_name"] == "太郎"
    assert "full_name" not in d.fields and d.notes == [] and d.problems == []


def test_full_name_is_not_used_when_first_or_last_exist() -> None:
    d = draft(First=("first_name", "John"), Last=("last_name", "Smith"),
              Display=(FULL_NAME, "John Smith"))
    assert d.fields == {"first_name": "John", "last_name": "Smith"} and d.notes == []
    d = draft(First=("first_name", "太郎"), Last=("last_name", "山田"),
              Display=(FULL_NAME, "山田太郎"))
    assert d.notes == []


def test_full_name_that_says_more_goes_to_the_note() -> None:
    d = draft(First=("first_name", "John"), Last=("last_name", "Smith"),
              Display_Name=(FULL_NAME, "Dr. John Smith (Work)"))
    assert d.fields == {"first_name": "John", "last_name": "Smith"}
    assert d.notes == ["Display Name: Dr. John Smith (Work)"]


def test_company_only_entry_is_not_a_person() -> None:
    d = draft(Display=(FULL_NAME, "Acer America"), Organization=("company", "Acer America"))
    assert d.fields == {"company": "Acer America"} and d.notes == []


def test_notes_are_joined_into_one() -> None:
    d = draft(Notes=(NOTE, "Met at the fair"), Birthday=(NOTE, "1975-12-12"),
              Department=(NOTE, "Sales"), メモ=(NOTE, "展示会で名刺交換"))
    assert d.notes == ["Met at the fair\n\n展示会で名刺交換\n\nBirthday: 1975-12-12\n"
                       "Department: Sales"]


def test_attributes_and_new_attributes() -> None:
    d = draft(Plan=("attr:plan", "Gold"), Source=(NEW_ATTRIBUTE, "Fair 2024"),
              Skip=(IGNORE, "whatever"))
    assert d.attributes == {"plan": "Gold"} and d.new_attributes == {"Source": "Fair 2024"}
    assert d.problems == []


def test_a_second_value_for_a_single_field_is_reported() -> None:
    d = draft(Company=("company", "ACME"), Firma=("company", "Other GmbH"),
              Again=("company", "ACME"), Plan=("attr:plan", "Gold"), Plan2=("attr:plan", "X"))
    assert d.fields == {"company": "ACME"} and d.attributes == {"plan": "Gold"}
    assert len(d.problems) == 2
    assert "Other GmbH" in d.problems[0] and "'X'" in d.problems[1]


def test_several_values_in_a_single_field_keep_the_primary() -> None:
    d = draft(Org=("company", "First Co ::: * Main Co ::: Third Co"))
    assert d.fields == {"company": "Main Co"}
    assert d.problems == ["Org: further values not imported: First Co; Third Co"]


def test_unknown_target_and_surplus_cells_are_reported() -> None:
    mapping = [ColumnMapping("Created", "created_at"), ColumnMapping("Name", FULL_NAME)]
    d = draft_from_row(["2024-01-01", "Ann Lee", "stray", ""], mapping)
    assert d.fields == {"first_name": "Ann", "last_name": "Lee"}
    assert any("Created" in p and "2024-01-01" in p for p in d.problems)
    assert any("stray" in p for p in d.problems)


def test_short_rows_are_fine() -> None:
    mapping = [ColumnMapping("First", "first_name"), ColumnMapping("Mail", "email")]
    assert draft_from_row(["Ann"], mapping).fields == {"first_name": "Ann"}


def test_multi_line_street_becomes_one_line() -> None:
    d = draft(Street=("address_street", "1-2-3 Shibuya\r\nRoom 401\n"))
    assert d.fields == {"address_street": "1-2-3 Shibuya, Room 401"}


def test_japanese_outlook_row() -> None:
    headers = ["姓", "名", "姓フリガナ", "名前フリガナ", "会社名", "携帯電話", "会社電話",
               "電子メール アドレス", "電子メール 2 アドレス", "分類", "誕生日", "性別", "メモ"]
    row = ["山田", "太郎", "ヤマダ", "タロウ", "山田商事", "090-1234-5678", "03-1111-2222",
           "taro@example.jp", "", "顧客;東京", "1601/01/01", "未指定", "初回訪問済み"]
    d = draft_from_row(row, guess_mapping(headers))
    assert d.fields == {"last_name": "山田", "first_name": "太郎", "last_name_reading": "ヤマダ",
                        "first_name_reading": "タロウ", "company": "山田商事",
                        "phone": "090-1234-5678", "email": "taro@example.jp"}
    assert d.extra_phones == ["03-1111-2222"] and d.labels == ["顧客", "東京"]
    assert d.notes == ["初回訪問済み"] and d.problems == []


def test_google_legacy_sample_row(samples: Path) -> None:
    """The roundcube pair: its .vcf says what the CSV holds."""
    path = samples / "roundcube/src__Csv2vcard__gmail.csv"
    with path.open(encoding="utf-8", newline="") as f:
        headers, row = list(csv.reader(f))
    d = draft_from_row(row, guess_mapping(headers))
    assert (d.fields["first_name"], d.fields["last_name"]) == ("Firstname", "Lastname")
    assert [d.fields["email"], *d.extra_emails] == [
        "home@aaa.pl", "work@email.pl", "unknown@email.com", "other@email.com"]
    assert [d.fields["phone"], *d.extra_phones] == [
        "pager", "mainphone", "homephone", "homefax", "mobile", "workphone", "workfax"]
    assert d.labels == ["Test"]  # "* My Contacts" is Google's system group
    assert d.fields["company"] == "company" and d.fields["job_title"] == "jobtitle"
    assert d.fields["address_city"] == "home_city"
    assert d.fields["address_postal_code"] == "home_zip"
    (note,) = d.notes
    assert note.startswith('note"note') and "Nickname: nick" in note
    assert "Birthday: 1975-12-12" in note and "Website 1 - Value: test.com" in note
    assert d.problems == []


def test_thunderbird_sample_rows(samples: Path) -> None:
    path = samples / "thunderbird/mailnews__import__test__unit__resources__quote.csv"
    with path.open(encoding="utf-8", newline="") as f:
        headers, *rows = list(csv.reader(f))
    d = draft_from_row(rows[0], guess_mapping(headers))
    assert d.fields == {"company": "Acer America", "phone": "(800) 000-0000"}
    assert d.problems == [] and d.notes == []
