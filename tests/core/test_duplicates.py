"""Duplicate suggestions (issue 7): the keys on tricky input, the rules and confidences, what
"not duplicates" does to a group, the scan's progress and cancel, and the profile's lookup."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hubdesk.core import duplicates
from hubdesk.core.contacts import create_contact, purge_contacts, trash_contacts
from hubdesk.core.duplicates import (
    DuplicateGroup,
    ScanCancelled,
    duplicates_of,
    email_key,
    find_duplicates,
    mark_not_duplicates,
    name_key,
    unmark_not_duplicates,
)
from hubdesk.core.errors import NotFoundError
from hubdesk.core.models import NotDuplicate


@pytest.fixture
def scan(db):
    def _scan(**options) -> list[DuplicateGroup]:
        with db.read_session() as s:
            return find_duplicates(s, **options)

    return _scan


@pytest.fixture
def twins_of(db):
    def _twins(contact_id: int) -> list[tuple[int, str]]:
        with db.read_session() as s:
            return duplicates_of(s, contact_id)

    return _twins


def _by_ids(groups: list[DuplicateGroup]) -> dict[tuple[int, ...], DuplicateGroup]:
    return {g.ids: g for g in groups}


# --- keys --------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("Foo.Bar+x@gmail.com", "foobar@googlemail.com"),
    ("F.O.O.B.A.R@GMAIL.COM", "foobar@gmail.com"),
    ("taro+news@outlook.com", "Taro@Outlook.com"),
    ("ken+work@icloud.com", "ken@icloud.com"),
    ("  Hanako@Example.JP ", "hanako@example.jp"),
])
def test_the_same_mailbox_has_one_key(a, b):
    assert email_key(a) == email_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("foo.bar@example.com", "foobar@example.com"),  # a company server may keep dots apart
    ("foo+x@example.com", "foo@example.com"),  # ...and +tags
    ("taro.yamada@outlook.com", "taroyamada@outlook.com"),  # Outlook keeps dots
    ("mary-jane@yahoo.com", "mary@yahoo.com"),  # Yahoo's "-" addresses are other bases
])
def test_different_mailboxes_keep_different_keys(a, b):
    assert email_key(a) != email_key(b)


def test_gmail_key_is_dotless_and_tagless():
    assert email_key("Foo.Bar+x@gmail.com") == "foobar@gmail.com"


def test_full_width_latin_names_fold_to_half_width():
    assert name_key("ＴＡＲＯ", "ＹＡＭＡＤＡ") == name_key("taro", "yamada") == ("taroyamada",)


def test_half_width_kana_readings_match_hiragana():
    a = name_key("太郎", "山田", "ﾀﾛｳ", "ﾔﾏﾀﾞ")
    b = name_key("太郎", "山田", "たろう", "やまだ")
    assert a == b == ("山田太郎", "やまだたろう")


def test_kanji_with_reading_shares_a_key_with_the_name_in_kana():
    assert set(name_key("太郎", "山田", "タロウ", "ヤマダ")) & set(name_key("タロウ", "ヤマダ"))


def test_a_whole_name_in_one_field_matches_the_split_name():
    assert name_key("山田 太郎", "") == name_key("太郎", "山田")
    assert name_key("Taro Yamada", "") == name_key("Taro", "Yamada")


def test_a_first_name_alone_is_not_a_name_to_match_on():
    assert name_key("Taro", "") == ()
    assert name_key(" ", "Yamada") == ()
    assert name_key("", "") == ()


def test_a_reading_of_half_the_name_makes_no_reading_key():
    assert name_key("太郎", "山田", "", "ヤマダ") == ("山田太郎",)


# --- the rules -----------------------------------------------------------------------------


def test_gmail_dot_and_plus_variants_are_one_group(add, scan):
    a = add(first_name="Foo", last_name="Bar", email="Foo.Bar+x@gmail.com")
    b = add(first_name="F", last_name="B", email="foobar@googlemail.com")
    # Not at example.com: its server may deliver foo.bar and foobar to two people.
    add(first_name="Fred", last_name="Oobar", email="f.oobar@example.com")
    add(first_name="Fu", last_name="Bar", email="foobar@example.com")
    [group] = scan()
    assert group.ids == (a, b)
    assert group.reason == "same email foobar@gmail.com"
    assert group.confidence == 0.95


def test_phone_notations_meet_in_e164(add, scan):
    a = add(first_name="太郎", last_name="山田", phone="090-1234-5678")
    b = add(first_name="Taro", last_name="Yamada", phone="+81 90 1234 5678")
    c = add(first_name="T", last_name="Y", phone="０９０（１２３４）５６７８")
    [group] = scan()
    assert group.ids == (a, b, c)
    assert group.reason == "same phone +819012345678"
    assert group.confidence == 0.9


def test_invalid_phones_typed_alike_are_not_a_match(add, scan):
    add(first_name="A", last_name="One", phone="12-xx")
    add(first_name="B", last_name="Two", phone="12-xx")
    assert scan() == []


def test_full_width_name_at_the_same_company(add, scan):
    a = add(first_name="ＴＡＲＯ", last_name="ＹＡＭＡＤＡ", company="ＡＣＭＥ")
    b = add(first_name="taro", last_name="yamada", company="Acme")
    add(first_name="taro", last_name="yamada", company="Globex")
    [group] = scan()
    assert group.ids == (a, b)
    assert (group.reason, group.confidence) == ("same name and company", 0.85)


def test_first_names_alone_at_the_same_company_are_not_a_match(add, scan):
    add(first_name="Taro", company="Acme")
    add(first_name="taro", company="ACME")
    assert scan() == []


def test_kanji_name_with_reading_matches_kana_name_at_the_same_company(add, scan):
    a = add(first_name="太郎", last_name="山田", first_name_reading="タロウ",
            last_name_reading="ヤマダ", company="株式会社ミライ")
    b = add(first_name="ﾀﾛｳ", last_name="ﾔﾏﾀﾞ", company="株式会社ミライ")
    [group] = scan()
    assert group.ids == (a, b)
    assert group.reason == "same name and company"


def test_same_name_and_similar_email(add, scan):
    a = add(first_name="Taro", last_name="Yamada", email="taro.yamada@acme.co.jp")
    b = add(first_name="TARO", last_name="YAMADA", email="taroyamada@gmail.com")
    c = add(first_name="Taro", last_name="Yamada", email="t.y@mirai.co.jp")
    d = add(first_name="Taro", last_name="Yamada", email="sales@mirai.co.jp")
    # Same name on a webmail domain says nothing.
    add(first_name="Taro", last_name="Yamada", email="someone@yahoo.co.jp")
    groups = _by_ids(scan())
    assert set(groups) == {(a, b), (c, d)}
    assert all(g.reason == "same name and similar email" for g in groups.values())
    assert all(g.confidence == 0.75 for g in groups.values())


def test_similar_names_at_the_same_company_are_a_weak_group(add, scan):
    a = add(first_name="Jonathan", last_name="Smith", company="Initech")
    b = add(first_name="Jonathon", last_name="Smith", company="initech")
    add(first_name="Jonathan", last_name="Smyth", company="Hooli")
    add(first_name="Joanna", last_name="Smith", company="Initech")
    [group] = scan()
    assert group.ids == (a, b)
    assert group.confidence == 0.5
    assert group.reason == "similar name (92 %) at the same company"


def test_additional_emails_and_phones_count(db, scan):
    with db.session() as s:
        a = create_contact(s, {"first_name": "A", "email": "a@work.jp"},
                           extra_emails=["Private@Example.jp"], region="JP")
        b = create_contact(s, {"first_name": "B", "email": "private@example.jp"}, region="JP")
        c = create_contact(s, {"first_name": "C", "phone": "03-1234-5678"}, region="JP")
        d = create_contact(s, {"first_name": "D"}, extra_phones=["+81 3 1234 5678"],
                           region="JP")
    groups = _by_ids(scan())
    assert groups[(a, b)].reason == "same email private@example.jp"
    assert groups[(c, d)].reason == "same phone +81312345678"


def test_trashed_contacts_are_not_suggested(add, db, scan):
    add(first_name="A", email="x@example.jp")
    b = add(first_name="B", email="x@example.jp")
    with db.session() as s:
        trash_contacts(s, [b])
    assert scan() == []


def test_links_chain_into_one_group_with_every_reason(add, scan):
    a = add(first_name="A", email="shared@example.jp")
    b = add(first_name="B", email="shared@example.jp", phone="090-2345-1111")
    c = add(first_name="C", phone="09023451111")
    [group] = scan()
    assert group.ids == (a, b, c)
    assert group.confidence == 0.95
    assert group.reasons == ("same email shared@example.jp", "same phone +819023451111")


def test_groups_sorted_by_confidence_then_size(add, scan):
    add(first_name="P", phone="090-1111-2222")
    add(first_name="Q", phone="090-1111-2222")
    add(first_name="R", phone="090-1111-2222")
    add(first_name="S", email="s@example.jp")
    add(first_name="T", email="s@example.jp")
    add(first_name="U", phone="090-3333-4444")
    add(first_name="V", phone="090-3333-4444")
    assert [(g.confidence, len(g.ids)) for g in scan()] == [(0.95, 2), (0.9, 3), (0.9, 2)]


def test_a_key_held_by_too_many_is_shared_not_a_person(add, scan, monkeypatch):
    monkeypatch.setattr(duplicates, "SHARED_KEY_LIMIT", 3)
    for name in "ABCD":  # a switchboard number
        add(first_name=name, phone="03-5555-0000")
    e = add(first_name="E", phone="090-9999-0000")
    f = add(first_name="F", phone="090-9999-0000")
    assert [g.ids for g in scan()] == [(e, f)]


@pytest.mark.parametrize("share", [1, 10_000])
def test_candidates_read_by_id_or_by_a_second_pass_agree(add, scan, monkeypatch, share):
    monkeypatch.setattr(duplicates, "RESCAN_SHARE", share)
    for i in range(30):
        add(first_name=f"N{i}", email=f"n{i}@example.jp")
    a = add(first_name="X", last_name="Ray", email="x.ray@gmail.com")
    b = add(first_name="Xr", last_name="Ay", email="xray@gmail.com")
    assert [g.ids for g in scan()] == [(a, b)]


# --- not duplicates ----------------------------------------------------------------------


def test_a_marked_pair_is_not_suggested_again(add, db, scan):
    a = add(first_name="A", email="same@example.jp")
    b = add(first_name="B", email="same@example.jp")
    with db.session() as s:
        assert mark_not_duplicates(s, [b, a]) == [(a, b)]
    assert scan() == []
    with db.session() as s:
        assert unmark_not_duplicates(s, [a, b]) == 1
    assert [g.ids for g in scan()] == [(a, b)]


def test_a_marked_pair_stays_grouped_through_a_third_contact(add, db, scan):
    # A–B by email, B–C by phone, A–C by name and company. Marking A–B removes that link
    # only: C still links both, so the three are suggested together, the pair kept apart.
    a = add(first_name="Taro", last_name="Yamada", email="t@example.jp", company="Acme")
    b = add(first_name="B", email="t@example.jp", phone="090-5555-6666")
    c = add(first_name="Taro", last_name="Yamada", phone="090-5555-6666", company="ACME")
    with db.session() as s:
        mark_not_duplicates(s, [a, b])
    [group] = scan()
    assert group.ids == (a, b, c)
    assert group.kept_apart == ((a, b),)
    assert "same email t@example.jp" not in group.reasons
    assert group.confidence == 0.9


def test_marking_a_pair_inside_one_shared_key_leaves_the_others_linked(add, db, scan):
    a, b, c = (add(first_name=n, email="team@example.jp") for n in "ABC")
    with db.session() as s:
        mark_not_duplicates(s, [a, b])
    [group] = scan()
    assert group.ids == (a, b, c)
    assert group.kept_apart == ((a, b),)


def test_not_duplicates_on_the_whole_group_silences_it(add, db, scan):
    ids = [add(first_name=n, email="team@example.jp") for n in "ABC"]
    with db.session() as s:
        assert len(mark_not_duplicates(s, ids)) == 3
        assert mark_not_duplicates(s, ids) == []  # already known: nothing new
    assert scan() == []


def test_marking_unknown_contacts_fails_and_pairs_go_with_their_contacts(add, db):
    a = add(first_name="A", email="a@example.jp")
    b = add(first_name="B", email="b@example.jp")
    with db.session() as s, pytest.raises(NotFoundError):
        mark_not_duplicates(s, [a, 9999])
    with db.session() as s:
        mark_not_duplicates(s, [a, b])
        trash_contacts(s, [b])
        purge_contacts(s, [b])
    with db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(NotDuplicate)) == 0


# --- progress and cancel -----------------------------------------------------------------


def test_progress_reaches_the_total(add, scan):
    for i in range(5):
        add(first_name=f"P{i}", email=f"p{i}@example.jp")
    seen: list[tuple[int, int]] = []
    scan(progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_raises(add, scan):
    add(first_name="A", email="a@example.jp")
    add(first_name="B", email="a@example.jp")
    with pytest.raises(ScanCancelled):
        scan(cancelled=lambda: True)


def test_an_empty_database_has_no_groups(scan):
    assert scan() == []


# --- one contact: the profile header --------------------------------------------------------


def test_duplicates_of_finds_each_strong_rule(add, db, twins_of):
    me = add(first_name="太郎", last_name="山田", first_name_reading="タロウ",
             last_name_reading="ヤマダ", email="Taro.Yamada+crm@gmail.com",
             phone="090-1234-5678", company="株式会社ミライ")
    by_email = add(first_name="X", email="tar.oyamada@googlemail.com")
    by_phone = add(first_name="Y", phone="+81 90 1234 5678")
    by_name = add(first_name="ﾀﾛｳ", last_name="ﾔﾏﾀﾞ", company="株式会社ミライ")
    add(first_name="太郎", last_name="山田", company="株式会社ひかり工業")  # another company
    trashed = add(first_name="Z", email="taroyamada@gmail.com")
    with db.session() as s:
        trash_contacts(s, [trashed])
    assert twins_of(me) == [(by_email, "same email taroyamada@gmail.com"),
                            (by_phone, "same phone +819012345678"),
                            (by_name, "same name and company")]
    assert twins_of(by_name) == [(me, "same name and company")]


def test_duplicates_of_leaves_out_marked_pairs_and_shared_keys(add, db, twins_of, monkeypatch):
    monkeypatch.setattr(duplicates, "SHARED_KEY_LIMIT", 3)
    me = add(first_name="A", email="a@example.jp", phone="03-5555-0000")
    other = add(first_name="B", email="a@example.jp")
    for name in "CDE":
        add(first_name=name, phone="03-5555-0000")
    assert twins_of(me) == [(other, "same email a@example.jp")]
    with db.session() as s:
        mark_not_duplicates(s, [me, other])
    assert twins_of(me) == []
    assert twins_of(9999) == []


def test_duplicates_of_agrees_with_the_scan(add, twins_of, scan):
    a = add(first_name="Ｊｏｈｎ", last_name="Ｓｍｉｔｈ", company="Hooli",
            email="john@hooli.com")
    b = add(first_name="john", last_name="smith", company="HOOLI", email="j.smith@hooli.com")
    [group] = scan()
    assert group.ids == (a, b)
    assert twins_of(a) == [(b, "same name and company")]
    assert twins_of(b) == [(a, "same name and company")]
