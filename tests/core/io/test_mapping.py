"""Column mapping: presets for the programs that write contact files, fuzzy guesses for the
rest, and never two columns on one single-valued field."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.draft import (
    EXTRA_PHONE,
    FULL_NAME,
    IGNORE,
    LABELS,
    NEW_ATTRIBUTE,
    NOTE,
    ColumnMapping,
)
from hubdesk.core.io.mapping import (
    MULTI_TARGETS,
    detect_preset,
    guess_mapping,
    mapping_for_preset,
    template_key,
)
from hubdesk.core.io.table import VCARD_COLUMNS


def read_header(path: Path) -> list[str]:
    """The first row only, as the readers will see it (encodings as the samples have them)."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp932")
    first = text.splitlines()[0]
    delimiter = max(",;\t", key=first.count)
    return next(csv.reader(io.StringIO(first), delimiter=delimiter))


def targets(mapping: list[ColumnMapping]) -> dict[str, str]:
    return {m.header: m.target for m in mapping}


def assert_single_fields_unique(mapping: list[ColumnMapping]) -> None:
    counts = Counter(m.target for m in mapping if m.target not in MULTI_TARGETS)
    assert [t for t, n in counts.items() if n > 1] == []


# Every CSV sample: the preset its header should be recognised as (None: no header row,
# or too few columns to name a program — fuzzy matching maps those).
SAMPLE_PRESETS = {
    "chatwoot/spec__assets__contacts.csv": "chatwoot",
    "chatwoot/spec__assets__existing_contacts.csv": "chatwoot",
    "chatwoot/spec__assets__invalid_contacts.csv": "chatwoot",
    "roundcube/src__Csv2vcard__all.csv": "outlook",
    "roundcube/src__Csv2vcard__email.csv": None,
    "roundcube/src__Csv2vcard__gmail.csv": "google_legacy",
    "roundcube/src__Csv2vcard__outlook.csv": "outlook",
    "roundcube/src__Csv2vcard__tb_plain.csv": "thunderbird",
    "thunderbird/mail__components__addrbook__test__browser__data__import.csv": None,
    "thunderbird/mailnews__addrbook__test__unit__data__export.csv": "thunderbird",
    "thunderbird/mailnews__import__test__unit__resources__basic_addressbook.csv": "thunderbird",
    "thunderbird/mailnews__import__test__unit__resources__basic_csv_addressbook.csv":
        "thunderbird",
    "thunderbird/mailnews__import__test__unit__resources__csv_no_header.csv": None,
    "thunderbird/mailnews__import__test__unit__resources__csv_semicolon.csv": "thunderbird",
    "thunderbird/mailnews__import__test__unit__resources__quote.csv": "thunderbird",
    "thunderbird/mailnews__import__test__unit__resources__shiftjis_addressbook.csv":
        "thunderbird",
    "thunderbird/mailnews__import__test__unit__resources__tab_comma_mixed.csv": None,
    "thunderbird/mailnews__import__test__unit__resources__utf16_addressbook.csv": "thunderbird",
}

# What the header of each kind of sample must map to (a subset: the fields that matter).
SAMPLE_TARGETS = {
    "chatwoot": {"first_name": "first_name", "last_name": "last_name", "email": "email",
                 "phone_number": "phone", "identifier": "external_id", "id": IGNORE,
                 "gender": NEW_ATTRIBUTE, "ip_address": NEW_ATTRIBUTE},
    "google_legacy": {"Name": FULL_NAME, "Given Name": "first_name",
                      "Family Name": "last_name", "Given Name Yomi": "first_name_reading",
                      "Family Name Yomi": "last_name_reading", "Group Membership": LABELS,
                      "E-mail 1 - Type": IGNORE, "E-mail 1 - Value": "email",
                      "E-mail 4 - Value": "email", "Phone 7 - Value": "phone",
                      "Address 1 - Street": "address_street",
                      "Address 1 - Postal Code": "address_postal_code",
                      "Address 2 - Formatted": NOTE, "Address 2 - City": IGNORE,
                      "Organization 1 - Name": "company",
                      "Organization 1 - Title": "job_title", "Notes": NOTE},
    "outlook": {"First Name": "first_name", "Last Name": "last_name", "Company": "company",
                "Job Title": "job_title", "E-mail Address": "email",
                "E-mail 2 Address": "email", "E-mail 3 Address": "email",
                "Business Street": "address_street", "Categories": LABELS, "Notes": NOTE,
                "Home Phone": EXTRA_PHONE, "Business Fax": NOTE},
    "thunderbird": {"First Name": "first_name", "Last Name": "last_name",
                    "Display Name": FULL_NAME, "Primary Email": "email",
                    "Secondary Email": "email", "Mobile Number": "phone",
                    "Work Phone": EXTRA_PHONE, "Organization": "company",
                    "Job Title": "job_title", "Work City": "address_city", "Notes": NOTE},
}


@pytest.mark.parametrize("name", sorted(SAMPLE_PRESETS))
def test_every_csv_sample_header_is_recognised(samples: Path, name: str) -> None:
    headers = read_header(samples / name)
    expected = SAMPLE_PRESETS[name]
    assert detect_preset(headers) == expected
    mapping = guess_mapping(headers)
    assert [m.header for m in mapping] == headers
    assert_single_fields_unique(mapping)
    got = targets(mapping)
    for header, target in SAMPLE_TARGETS.get(expected or "", {}).items():
        if header in got:
            assert got[header] == target, header
    for m in mapping:
        if expected and m.source == f"preset:{expected}" and m.target != NEW_ATTRIBUTE:
            assert m.confidence == 1.0


def test_the_sample_table_lists_every_csv_sample(samples: Path) -> None:
    found = {str(p.relative_to(samples)) for p in samples.glob("*/*.csv")}
    assert found == set(SAMPLE_PRESETS)


def test_headerless_and_short_samples_map_by_name(samples: Path) -> None:
    name = "thunderbird/mail__components__addrbook__test__browser__data__import.csv"
    mapping = guess_mapping(read_header(samples / name))
    assert targets(mapping) == {"Name": FULL_NAME, "Email": "email"}
    assert {m.source for m in mapping} == {"fuzzy"}
    email = guess_mapping(read_header(samples / "roundcube/src__Csv2vcard__email.csv"))
    assert targets(email) == {"Primary Email": "email"}


def test_shift_jis_thunderbird_header_is_read_and_mapped(samples: Path) -> None:
    name = "thunderbird/mailnews__import__test__unit__resources__shiftjis_addressbook.csv"
    headers = read_header(samples / name)
    assert headers[0] == "First Name" and "\ufffd" not in "".join(headers)


OUTLOOK_JA = [
    "肩書き", "名", "ミドル ネーム", "姓", "敬称", "会社名", "部署", "役職", "番地 (会社)",
    "住所 2 (会社)", "住所 3 (会社)", "市町村 (会社)", "都道府県 (会社)", "郵便番号 (会社)",
    "国 (会社)/地域", "番地 (自宅)", "市町村 (自宅)", "秘書の電話", "会社 FAX", "会社電話",
    "会社電話 2", "会社代表電話", "自宅電話", "携帯電話", "その他の電話", "通常の電話", "メモ",
    "会社名フリガナ", "記念日", "姓フリガナ", "性別", "誕生日", "電子メール アドレス",
    "電子メールの種類", "電子メール表示名", "電子メール 2 アドレス", "電子メール 3 アドレス",
    "分類", "名前フリガナ", "優先度",
]


def test_japanese_outlook_headers() -> None:
    assert detect_preset(OUTLOOK_JA) == "outlook_ja"
    mapping = guess_mapping(OUTLOOK_JA)
    got = targets(mapping)
    assert got["名"] == "first_name" and got["姓"] == "last_name"
    assert got["姓フリガナ"] == "last_name_reading"
    assert got["名前フリガナ"] == "first_name_reading"
    assert got["会社名"] == "company" and got["役職"] == "job_title"
    assert got["番地 (会社)"] == "address_street" and got["市町村 (会社)"] == "address_city"
    assert got["都道府県 (会社)"] == "address_region"
    assert got["郵便番号 (会社)"] == "address_postal_code"
    assert got["国 (会社)/地域"] == "address_country"
    assert got["番地 (自宅)"] == NOTE
    assert got["電子メール アドレス"] == got["電子メール 2 アドレス"] == "email"
    assert got["電子メールの種類"] == got["電子メール表示名"] == IGNORE
    assert got["携帯電話"] == got["通常の電話"] == "phone"
    assert got["会社電話"] == got["自宅電話"] == EXTRA_PHONE
    assert got["会社 FAX"] == got["会社代表電話"] == NOTE
    assert got["分類"] == LABELS and got["メモ"] == NOTE
    assert all(m.source == "preset:outlook_ja" for m in mapping)
    assert_single_fields_unique(mapping)


@pytest.mark.parametrize("headers", [
    # Older Outlook and hand-made variants: full-width brackets, "勤務先…", ふりがな
    ["姓", "名", "姓（フリガナ）", "名（ふりがな）", "勤務先番地", "勤務先市区町村",
     "勤務先都道府県", "勤務先郵便番号", "勤務先国", "携帯電話", "電子メール アドレス", "分類"],
    ["姓", "名", "姓 (フリガナ)", "名 (フリガナ)", "勤務先番地", "勤務先市区町村",
     "勤務先都道府県", "勤務先郵便番号", "勤務先国/地域", "会社電話", "メモ"],
])
def test_japanese_outlook_variants(headers: list[str]) -> None:
    assert detect_preset(headers) == "outlook_ja"
    got = targets(guess_mapping(headers))
    assert got["姓"] == "last_name" and got["名"] == "first_name"
    assert got[headers[2]] == "last_name_reading" and got[headers[3]] == "first_name_reading"
    assert [got[h] for h in headers[4:9]] == ["address_street", "address_city",
                                              "address_region", "address_postal_code",
                                              "address_country"]


OUTLOOK_EN = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business Street 2", "Business City", "Business State",
    "Business Postal Code", "Business Country/Region", "Home Street", "Home City",
    "Assistant's Phone", "Business Fax", "Business Phone", "Business Phone 2", "Callback",
    "Car Phone", "Company Main Phone", "Home Fax", "Home Phone", "Mobile Phone", "Other Phone",
    "Pager", "Primary Phone", "Account", "Anniversary", "Birthday", "Categories",
    "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "Gender",
    "Given Yomi", "Notes", "Sensitivity", "Surname Yomi", "Web Page",
]


def test_english_outlook_headers() -> None:
    assert detect_preset(OUTLOOK_EN) == "outlook"
    got = targets(guess_mapping(OUTLOOK_EN))
    assert got["Title"] == NOTE  # Outlook's Title is "Mr." — not a job title
    assert got["Business Country/Region"] == "address_country"
    assert got["Mobile Phone"] == got["Primary Phone"] == "phone"
    assert got["Business Phone"] == EXTRA_PHONE
    assert got["Company Main Phone"] == NOTE  # a switchboard would merge colleagues
    assert got["E-mail Display Name"] == IGNORE
    assert got["Given Yomi"] == "first_name_reading"
    assert got["Surname Yomi"] == "last_name_reading"
    assert got["Birthday"] == NOTE


GOOGLE_NEW = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
    "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
    "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label",
    "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Address 1 - Label",
    "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City", "Address 1 - PO Box",
    "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
    "Address 1 - Extended Address", "Website 1 - Label", "Website 1 - Value",
    "Custom Field 1 - Label", "Custom Field 1 - Value",
]


def test_google_new_format() -> None:
    assert detect_preset(GOOGLE_NEW) == "google"
    got = targets(guess_mapping(GOOGLE_NEW))
    assert got["Phonetic First Name"] == "first_name_reading"
    assert got["Phonetic Last Name"] == "last_name_reading"
    assert got["Organization Name"] == "company" and got["Organization Title"] == "job_title"
    assert got["Labels"] == LABELS
    assert got["E-mail 2 - Value"] == "email" and got["E-mail 2 - Label"] == IGNORE
    assert got["Address 1 - Formatted"] == IGNORE  # its parts are mapped one by one
    assert got["Address 1 - Region"] == "address_region"
    assert got["Custom Field 1 - Value"] == NOTE


def test_hubspot_headers() -> None:
    headers = ["Record ID", "First Name", "Last Name", "Email", "Phone Number",
               "Company Name", "Job Title", "Lifecycle Stage", "Lead Status", "Create Date"]
    assert detect_preset(headers) == "hubspot"
    got = targets(guess_mapping(headers))
    assert got["Record ID"] == "external_id" and got["Email"] == "email"
    assert got["Phone Number"] == "phone" and got["Company Name"] == "company"
    assert got["Lifecycle Stage"] == NEW_ATTRIBUTE and got["Create Date"] == IGNORE


def test_hubspot_property_goes_to_an_existing_attribute() -> None:
    stage = AttributeInfo(1, "lifecycle_stage", "Lifecycle stage", "text")
    headers = ["First Name", "Last Name", "Email", "Lifecycle Stage"]
    got = targets(guess_mapping(headers, attributes=[stage]))
    assert got["Lifecycle Stage"] == "attr:lifecycle_stage"


def test_vcard_columns() -> None:
    assert detect_preset(VCARD_COLUMNS) == "vcard"
    got = targets(guess_mapping(VCARD_COLUMNS))
    assert got["Full Name"] == FULL_NAME and got["First Name"] == "first_name"
    assert got["Phonetic First Name"] == "first_name_reading"
    assert got["E-mail"] == "email" and got["Phone"] == "phone"
    assert got["Categories"] == LABELS and got["Note"] == NOTE
    assert got["Organization"] == "company" and got["Title"] == "job_title"
    assert got["Time Zone"] == "timezone" and got["UID"] == "external_id"


def test_chatwoot_other_columns_become_custom_attributes() -> None:
    headers = ["name", "email", "phone_number", "identifier", "plan", "signup source"]
    plan = AttributeInfo(3, "plan", "Plan", "text")
    mapping = guess_mapping(headers, attributes=[plan])
    assert detect_preset(headers) == "chatwoot"
    got = targets(mapping)
    assert got["name"] == FULL_NAME and got["identifier"] == "external_id"
    assert got["plan"] == "attr:plan" and got["signup source"] == NEW_ATTRIBUTE


@pytest.mark.parametrize(("header", "target"), [
    ("E-Mail Adresse", "email"), ("Telefonnummer", "phone"), ("会社名", "company"),
    ("メールアドレス", "email"), ("Mobile", "phone"), ("Organisation", "company"),
    ("E-Mail-Adresse", "email"), ("Work E-mail Address", "email"), ("電話番号", "phone"),
    ("携帯電話番号", "phone"), ("会社電話", "phone"), ("氏名", FULL_NAME), ("名前", FULL_NAME),
    ("フリガナ", "last_name_reading"), ("姓（フリガナ）", "last_name_reading"),
    ("名（フリガナ）", "first_name_reading"), ("Phonetic First Name", "first_name_reading"),
    ("名前フリガナ", "first_name_reading"), ("氏名フリガナ", "last_name_reading"),
    ("Contact Labels", LABELS), ("Fax Number", IGNORE),
    ("住所", "address_street"), ("郵便番号", "address_postal_code"),
    ("勤務先郵便番号", "address_postal_code"), ("Vorname", "first_name"),
    ("Nachname", "last_name"), ("Zip", "address_postal_code"), ("Adress", "address_street"),
    ("Tags", LABELS), ("備考", NOTE), ("Time Zone", "timezone"), ("Customer ID", "external_id"),
])
def test_fuzzy_guesses(header: str, target: str) -> None:
    (m,) = guess_mapping(["Something else entirely", header])[1:]
    if target == IGNORE:
        assert (m.target, m.source, m.confidence) == (IGNORE, "none", 0.0)
    else:
        assert (m.target, m.source) == (target, "fuzzy")
        assert 0.75 <= m.confidence <= 1.0


@pytest.mark.parametrize("header", [
    "IP Address", "E-mail Type", "Email Opt Out", "Maiden Name", "Screen Name", "Phone Type",
    "Birth Year", "", "Custom 1",
])
def test_unrecognised_columns_are_not_imported(header: str) -> None:
    (m,) = guess_mapping([header])
    assert (m.target, m.confidence, m.source) == (IGNORE, 0.0, "none")


def test_fuzzy_matches_existing_attributes() -> None:
    infos = [AttributeInfo(1, "plan", "Plan", "list", ("a",)),
             AttributeInfo(2, "member_since", "Member since", "date")]
    got = targets(guess_mapping(["Plan", "member since", "Email"], attributes=infos))
    assert got == {"Plan": "attr:plan", "member since": "attr:member_since", "Email": "email"}


def test_a_preset_column_without_a_field_uses_a_matching_attribute() -> None:
    gender = AttributeInfo(4, "gender", "Gender", "text")
    got = targets(guess_mapping(OUTLOOK_EN, attributes=[gender]))
    assert got["Gender"] == "attr:gender"


def test_no_two_columns_share_a_single_valued_field() -> None:
    headers = ["First Name", "first name", "Vorname", "Company", "Firma", "会社名",
               "Home Zip", "Work Zip", "Email", "E-mail 2", "Phone", "Mobile", "Notes", "メモ",
               "Tags", "Labels"]
    mapping = guess_mapping(headers)
    assert_single_fields_unique(mapping)
    got = targets(mapping)
    assert got["Email"] == got["E-mail 2"] == "email"  # several emails: one primary, extras
    assert got["Phone"] == got["Mobile"] == "phone"
    assert got["Notes"] == got["メモ"] == NOTE and got["Tags"] == got["Labels"] == LABELS
    # The loser of a single field keeps its value in the note instead of being dropped.
    assert got["Vorname"] == NOTE and got["Home Zip"] == NOTE
    assert got["Work Zip"] == "address_postal_code"  # the work address is the address


def test_repeated_preset_header_keeps_the_first() -> None:
    headers = ["First Name", "Last Name", "Primary Email", "First Name"]
    mapping = guess_mapping(headers)
    assert [m.target for m in mapping] == ["first_name", "last_name", "email", IGNORE]
    assert_single_fields_unique(mapping)


def test_samples_nudge_unnamed_columns() -> None:
    headers = ["Col A", "Col B", "Col C"]
    rows = [["a@example.com", "+81 90-1234-5678", "x"],
            ["* b@example.com ::: c@example.org", "090-1234-5678", "y"]]
    mapping = guess_mapping(headers, samples=rows)
    assert [(m.target, m.confidence, m.source) for m in mapping] == [
        ("email", 0.9, "fuzzy"), ("phone", 0.6, "fuzzy"), (IGNORE, 0.0, "none")]


def test_samples_never_override_a_preset() -> None:
    headers = ["First Name", "Last Name", "Display Name", "Primary Email"]
    rows = [["John", "Doe", "john@example.com", "john@example.com"]]
    assert targets(guess_mapping(headers, samples=rows))["Display Name"] == FULL_NAME


def test_mapping_for_a_named_preset() -> None:
    got = targets(mapping_for_preset(["Title", "Name"], "vcard"))
    assert got["Title"] == "job_title"
    with pytest.raises(HubDeskError, match="unknown preset"):
        mapping_for_preset(["x"], "lotus")


def test_template_key_is_stable() -> None:
    key = template_key(["First Name", "E-mail Address", "携帯電話"])
    assert template_key([" first  name ", "E-MAIL ADDRESS", "携帯電話"]) == key
    assert template_key(["ＦＩＲＳＴ　ＮＡＭＥ", "e-mail address", "携帯電話", ""]) == key
    assert template_key(["First Name", "携帯電話", "E-mail Address"]) != key
    assert template_key(["First Name", "E-mail Address"]) != key
    assert len(key) == 20 and key == template_key(("First Name", "E-mail Address", "携帯電話"))
