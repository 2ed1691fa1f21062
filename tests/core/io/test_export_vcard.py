"""vCard export: RFC 6350 escaping and folding, CRLF, Japanese names, and HubDesk's own
X-HUBDESK-<KEY> properties read back by the vCard importer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hubdesk.core import attributes as attrs
from hubdesk.core.contacts import create_contact
from hubdesk.core.io.export_vcard import escape, fold
from hubdesk.core.io.exporter import ExportOptions, run_export
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.vcard import read_vcard
from hubdesk.core.io.vcard_lines import FileEncoding, physical_lines, properties


@pytest.fixture
def card_file(db, tmp_path):
    with db.session() as s:
        attrs.define_attribute(s, "account_size", "Account size", "number")
        attrs.define_attribute(s, "renewal", "Renewal", "date")
        attrs.define_attribute(s, "remark", "Remark", "text")
        create_contact(
            s, {"first_name": "太郎", "last_name": "山田", "first_name_reading": "タロウ",
                "last_name_reading": "ヤマダ", "email": "taro@example.jp",
                "phone": "090-1234-5678", "company": "株式会社アオバ; 本社",
                "job_title": "部長, 営業", "address_street": "渋谷1-2-3", "address_city": "渋谷区",
                "timezone": "Asia/Tokyo", "external_id": "A-1"},
            region="JP", labels=["顧客", "VIP"], extra_emails=["yamada@example.com"],
            extra_phones=["03-1234-5678"],
            attributes={"account_size": 12, "renewal": "2030-01-31",
                        "remark": "long " * 40 + "行\\末, ; end\nsecond line"})
    def export(version: str = "3.0"):
        out = tmp_path / f"c{version}.vcf"
        run_export(db, out, ExportOptions(vcard_version=version))
        return out
    return export


def test_lines_end_in_crlf_fold_at_75_octets_and_stay_valid_utf8(card_file):
    data = card_file().read_bytes()
    assert data.endswith(b"END:VCARD\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no character split between two lines
    assert any(line.startswith(b" ") for line in lines)  # the long remark was folded


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_properties_and_escapes(card_file, version):
    text = card_file(version).read_bytes().replace(b"\r\n ", b"").decode("utf-8")
    lines = text.split("\r\n")
    assert f"VERSION:{version}" in lines
    assert "N:山田;太郎;;;" in lines and "FN:山田 太郎" in lines
    assert "X-PHONETIC-LAST-NAME:ヤマダ" in lines
    assert "ORG:株式会社アオバ\\; 本社" in lines and "TITLE:部長\\, 営業" in lines
    assert "ADR;TYPE=WORK:;;渋谷1-2-3;渋谷区;;;" in lines
    assert "CATEGORIES:VIP,顧客" in lines and "UID:A-1" in lines
    assert "X-HUBDESK-ACCOUNT-SIZE:12" in lines and "X-HUBDESK-RENEWAL:2030-01-31" in lines
    remark = next(line for line in lines if line.startswith("X-HUBDESK-REMARK:"))
    assert remark.endswith("行\\\\末\\, \\; end\\nsecond line")
    if version == "4.0":
        assert "EMAIL;PREF=1:taro@example.jp" in lines
        assert "TEL;VALUE=uri;PREF=1:tel:+819012345678" in lines and "TZ:Asia/Tokyo" in lines
    else:
        assert "EMAIL;TYPE=INTERNET,PREF:taro@example.jp" in lines
        assert "TEL;TYPE=VOICE,PREF:+819012345678" in lines
        assert "TZ;VALUE=text:Asia/Tokyo" in lines


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_the_vcard_reader_gets_everything_back(card_file, version):
    table = read_vcard(card_file(version))
    [row] = list(table.rows())
    values = dict(zip(table.headers, row.values, strict=True))
    assert (values["Last Name"], values["First Name"]) == ("山田", "太郎")
    assert (values["Phonetic Last Name"], values["Phonetic First Name"]) == ("ヤマダ", "タロウ")
    assert values["E-mail"] == "taro@example.jp ::: yamada@example.com"
    assert values["Phone"] == "+819012345678 ::: +81312345678"
    assert values["Organization"] == "株式会社アオバ; 本社"
    assert values["X-HUBDESK-REMARK"] == "long " * 39 + "long 行\\末, ; end\nsecond line"
    assert values["X-HUBDESK-ACCOUNT-SIZE"] == "12"


def test_own_properties_map_to_the_attribute_with_that_key(card_file, db):
    table = read_vcard(card_file())
    with db.read_session() as s:
        definitions = attrs.list_attributes(s)
    targets = {m.header: m.target for m in guess_mapping(table.headers,
                                                         attributes=definitions)}
    assert targets["X-HUBDESK-ACCOUNT-SIZE"] == "attr:account_size"
    assert targets["X-HUBDESK-REMARK"] == "attr:remark"
    assert targets["Full Name"] == "full_name" and targets["Categories"] == "labels"
    # without the attribute, the column still is not lost: it becomes a new attribute
    assert {m.header: m.target for m in guess_mapping(table.headers)}[
        "X-HUBDESK-REMARK"] == "new_attr"


def test_a_card_without_a_name_is_named_after_the_company_or_email(db, tmp_path):
    with db.session() as s:
        create_contact(s, {"company": "Acme", "email": "x@example.com"})
    out = tmp_path / "c.vcf"
    run_export(db, out, ExportOptions())
    assert b"\r\nFN:Acme\r\n" in out.read_bytes()


def test_escape_covers_rfc6350_specials():
    assert escape("a\\b,c;d\ne\r\nf\rg") == "a\\\\b\\,c\\;d\\ne\\nf\\ng"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_folding_never_splits_a_character_and_unfolds_to_the_same_line(text):
    line = "NOTE:" + text.replace("\r", "").replace("\n", "")
    folded = fold(line)
    assert folded.endswith(b"\r\n")
    physical = folded[:-2].split(b"\r\n")
    assert all(len(p) <= 75 for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    for p in physical:
        p.decode("utf-8", errors="surrogatepass")
    unfolded = b"".join([physical[0], *(p[1:] for p in physical[1:])])
    assert unfolded == line.encode("utf-8", errors="surrogatepass")


def test_hubdesk_files_unfold_with_the_importers_own_line_reader(card_file):
    path = card_file()
    enc = FileEncoding("utf-8", False, "utf-8", False, 0)
    names = [p.name for p in properties(physical_lines(path, enc), frozenset())]
    assert names[:3] == ["BEGIN", "VERSION", "PRODID"] and names[-1] == "END"
    assert "" not in names  # every physical line belongs to a property
