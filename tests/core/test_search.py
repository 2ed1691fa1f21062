"""The search box: what a term finds (see the semantics in hubdesk/core/query.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hubdesk.core.contacts import purge_contacts, restore_contacts, trash_contacts, update_contact


@pytest.fixture
def people(add) -> dict[str, int]:
    return {
        "yamada": add(first_name="太郎", last_name="山田", first_name_reading="タロウ",
                      last_name_reading="ヤマダ", email="taro.yamada@example.co.jp",
                      phone="090-1234-5678"),
        "yamamoto": add(first_name="花子", last_name="山本", first_name_reading="ハナコ",
                        last_name_reading="ヤマモト", phone="080-2222-3333"),
        "hayashi": add(first_name="健", last_name="林", first_name_reading="ケン",
                       last_name_reading="ハヤシ"),
        "kobayashi": add(first_name="誠", last_name="小林", first_name_reading="マコト",
                         last_name_reading="コバヤシ"),
        "smith": add(first_name="John", last_name="Smith", email="john.smith@acme.com",
                     company="Acme Corp"),
        "smythe": add(first_name="Jane", last_name="Smythe", email="jane@globex.com",
                      company="Globex"),
    }


def test_a_two_character_japanese_surname(people, find):
    assert find("山田") == [people["yamada"]]


def test_a_one_character_japanese_name_matches_wherever_it_appears(people, find):
    assert sorted(find("林")) == sorted([people["hayashi"], people["kobayashi"]])
    assert find("健") == [people["hayashi"]]


@pytest.mark.parametrize(("typed", "who"), [("山田太郎", "yamada"), ("山田太", "yamada"),
                                           ("小林誠", "kobayashi"), ("林健", "hayashi")])
def test_a_full_japanese_name_typed_without_its_space(people, find, typed, who):
    assert find(typed) == [people[who]]


@pytest.mark.parametrize("typed", ["ヤマダ", "やまだ", "ﾔﾏﾀﾞ", "ヤマダタロウ", "やまだ たろう"])
def test_kana_in_any_form_finds_the_reading(people, find, typed):
    assert find(typed) == [people["yamada"]]


@pytest.mark.parametrize("typed", ["ヤマ", "やま", "ﾔﾏ"])
def test_short_kana_matches_every_reading_containing_it(people, find, typed):
    assert sorted(find(typed)) == sorted([people["yamada"], people["yamamoto"]])


@pytest.mark.parametrize("typed", ["ＳＭＩＴＨ", "SMITH", "smith", "SmItH", "ｓｍｉｔｈ"])
def test_latin_ignores_case_and_width(people, find, typed):
    assert find(typed) == [people["smith"]]


def test_a_fragment_in_the_middle_of_an_email(people, find):
    assert find("hn.smi") == [people["smith"]]
    assert find("o.yamada@exa") == [people["yamada"]]
    assert find("lobex.c") == [people["smythe"]]


def test_short_latin_terms_match_the_start_of_a_word(people, find):
    assert sorted(find("sm")) == sorted([people["smith"], people["smythe"]])
    assert find("mi") == []  # inside "smith", not at the start of a word


@pytest.mark.parametrize(
    "typed", ["090-1234-5678", "09012345678", "+81 90-1234-5678", "+819012345678",
              "090 1234 5678", "(090) 1234-5678", "０９０－１２３４－５６７８"],
)
def test_every_notation_of_a_phone_finds_the_contact(people, find, typed):
    assert find(typed) == [people["yamada"]]


def test_terms_are_all_required(people, find):
    assert find("smith acme") == [people["smith"]]
    assert find("acme smith") == [people["smith"]]
    assert find("smith globex") == []
    assert find("山田 太郎") == [people["yamada"]]
    assert find("山田 花子") == []


def test_a_query_that_matches_nothing_returns_nothing(people, find):
    assert find("zzzqqq") == []
    assert find("鈴木") == []
    assert find("070-9999-0000") == []


def test_an_empty_query_lists_every_live_contact(people, find, found_count):
    assert sorted(find("")) == sorted(people.values())
    assert found_count("   ") == len(people)


def test_trashed_contacts_are_only_found_in_the_trash(people, find, db):
    with db.session() as s:
        trash_contacts(s, [people["smith"]])
    assert find("smith") == []
    assert find("smith", trash=True) == [people["smith"]]
    assert find("", trash=True) == [people["smith"]]
    assert people["smith"] not in find("")
    with db.session() as s:
        restore_contacts(s, [people["smith"]])
    assert find("smith") == [people["smith"]]
    assert find("smith", trash=True) == []


@pytest.mark.parametrize("query", ["", "山田", "林", "sm", "smith", "090-1234-5678", "nothing"])
def test_count_agrees_with_the_list(people, find, found_count, query):
    assert found_count(query) == len(find(query))
    assert found_count(query, trash=True) == len(find(query, trash=True))


def test_sort_by_name_ignores_case(add, find):
    ids = [add(first_name=first, last_name="Lee") for first in ("bob", "Carol", "alice", "Dave")]
    bob, carol, alice, dave = ids
    assert find("lee") == [alice, bob, carol, dave]
    assert find("lee", descending=True) == [dave, carol, bob, alice]


def test_japanese_names_sort_by_reading_not_by_kanji(add, find):
    # By code point the kanji order is 山 < 渡 < 阿; by reading it is あべ < やまだ < わたなべ.
    watanabe = add(last_name="渡辺", last_name_reading="ワタナベ")
    abe = add(last_name="阿部", last_name_reading="アベ")
    yamada = add(last_name="山田", last_name_reading="ヤマダ")
    assert find("") == [abe, yamada, watanabe]
    assert find("", descending=True) == [watanabe, yamada, abe]


def test_sort_by_email_ignores_case_and_puts_contacts_without_one_last(add, find):
    b = add(email="b@example.com")
    none = add(first_name="No Email")
    a = add(email="A@example.com")
    c = add(email="c@example.com")
    assert find("", sort="email") == [a, b, c, none]
    assert find("", sort="email", descending=True) == [c, b, a, none]


def test_an_unknown_sort_key_is_refused(people, find):
    with pytest.raises(ValueError, match="sort"):
        find("", sort="search_text")


def _index_is_consistent(db) -> None:
    if db.dialect != "sqlite":
        return  # PostgreSQL keeps its own indexes; only FTS5 tables can drift from the rows
    with db.session() as s:
        for index in ("contacts_fts", "contacts_short"):
            s.execute(text(f"INSERT INTO {index}({index}) VALUES ('integrity-check')"))


def test_an_edit_updates_the_index(people, find, db):
    with db.session() as s:
        update_contact(s, people["smith"], {"last_name": "Jones", "email": "john@jones.example"})
        update_contact(s, people["yamada"], {"last_name": "田中", "last_name_reading": "タナカ"})
    assert find("smith") == []
    assert find("john.smith") == []
    assert find("jones") == [people["smith"]]
    assert find("john@jones") == [people["smith"]]
    assert find("山田") == []
    assert find("やまだ") == []
    assert find("田中") == [people["yamada"]]
    assert find("たなか") == [people["yamada"]]
    _index_is_consistent(db)


def test_a_purged_contact_leaves_the_index(add, find, db):
    gone = add(first_name="Zelda", last_name="Quill", email="zelda@quill.example")
    with db.session() as s:
        trash_contacts(s, [gone])
        assert purge_contacts(s, [gone]) == 1
    assert find("zelda", trash=True) == []
    assert find("zelda") == []
    # SQLite may hand the freed id to the next contact: it must not inherit the old terms.
    newcomer = add(first_name="Yann", last_name="Ortiz")
    assert find("zelda") == []
    assert find("quill") == []
    assert find("ze") == []
    assert find("yann") == [newcomer]
    _index_is_consistent(db)
