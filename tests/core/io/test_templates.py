"""Named mapping templates: saved under a name (saving again replaces), listed, deleted, and
applied to any file whose columns they know — whatever the case, spacing or order."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from hubdesk.core import attributes as attrs
from hubdesk.core.errors import HubDeskError, ValidationError
from hubdesk.core.io import templates
from hubdesk.core.io.draft import FULL_NAME, IGNORE, NEW_ATTRIBUTE, ColumnMapping
from hubdesk.core.io.templates import (
    apply_template,
    delete_template,
    list_templates,
    save_template,
    template_for_headers,
    with_fallback,
)

BADGES = [ColumnMapping("Who", FULL_NAME, 0.8, "fuzzy"), ColumnMapping("Mail", "email"),
          ColumnMapping("Role", "job_title"), ColumnMapping("Booth", IGNORE, 0.0, "none")]


@pytest.fixture
def clock(monkeypatch):
    """Saves one minute apart, so "newest" never depends on the machine's clock resolution."""
    now = [datetime(2026, 1, 1, 9, 0)]

    def tick() -> datetime:
        now[0] += timedelta(minutes=1)
        return now[0]

    monkeypatch.setattr(templates, "utcnow", tick)
    return now


def save(db, name: str, mapping: list[ColumnMapping]) -> int:
    with db.session() as s:
        return save_template(s, name, mapping)


def names(db) -> list[str]:
    with db.read_session() as s:
        return [t.name for t in list_templates(s)]


def apply(db, name: str, headers: list[str]) -> list[ColumnMapping]:
    with db.read_session() as s:
        return apply_template(s, name, headers, attrs.list_attributes(s))


def test_a_saved_template_is_listed_by_name_with_its_columns(db, clock):
    save(db, "zeta", BADGES)
    save(db, "  Badge scans  ", BADGES)
    save(db, "alpha", BADGES[:2])
    with db.read_session() as s:
        listed = list_templates(s)
    assert [t.name for t in listed] == ["alpha", "Badge scans", "zeta"]  # any case, A to Z
    badge = listed[1]
    assert badge.headers == ("Who", "Mail", "Role", "Booth")
    assert badge.updated_at == datetime(2026, 1, 1, 9, 2)


def test_saving_under_the_same_name_in_another_case_replaces_the_template(db, clock):
    first = save(db, "Badge scans", BADGES)
    again = save(db, "BADGE SCANS", [ColumnMapping("Who", "first_name"),
                                     ColumnMapping("Mail", "extra_email")])
    assert again == first
    assert names(db) == ["BADGE SCANS"]  # the spelling typed last is shown
    mapped = apply(db, "badge scans", ["Who", "Mail", "Role"])
    assert [m.target for m in mapped] == ["first_name", "extra_email", IGNORE]


def test_delete_removes_it_and_an_unknown_name_is_an_error(db):
    save(db, "Badge scans", BADGES)
    save(db, "Other", BADGES)
    with db.session() as s:
        delete_template(s, "badge SCANS")
    assert names(db) == ["Other"]
    with pytest.raises(HubDeskError, match="no mapping template named 'Badge scans'"), \
            db.session() as s:
        delete_template(s, "Badge scans")
    with pytest.raises(HubDeskError, match="no mapping template named 'Nope'"):
        apply(db, "Nope", ["Who"])


def test_apply_matches_headers_in_any_case_spacing_and_order(db):
    save(db, "Badge scans", BADGES)
    mapped = apply(db, "Badge scans", ["ROLE", " mail ", "W-H-O", "Booth", "Shoe size"])
    assert [(m.header, m.target) for m in mapped] == [
        ("ROLE", "job_title"), (" mail ", "email"), ("W-H-O", FULL_NAME), ("Booth", IGNORE),
        ("Shoe size", IGNORE)]
    known = mapped[:4]
    assert all(m.source == "template:Badge scans" and m.confidence == 1.0 for m in known)
    assert (mapped[4].source, mapped[4].confidence) == ("none", 0.0)  # not in the template


def test_a_repeated_header_takes_the_templates_targets_in_turn(db):
    save(db, "Phones", [ColumnMapping("Phone", "phone"), ColumnMapping("Phone", "extra_phone"),
                        ColumnMapping("Name", FULL_NAME)])
    mapped = apply(db, "Phones", ["Name", "phone", "PHONE", "Phone"])
    assert [m.target for m in mapped] == [FULL_NAME, "phone", "extra_phone", IGNORE]


def test_a_deleted_attribute_is_no_longer_a_target(db):
    with db.session() as s:
        badge = attrs.define_attribute(s, "badge_no", "Badge number", "text")
        attrs.define_attribute(s, "booth", "Booth", "text")
    save(db, "Badge scans", [ColumnMapping("Badge #", "attr:badge_no"),
                             ColumnMapping("Booth", "attr:booth"),
                             ColumnMapping("Mail", "email")])
    with db.session() as s:
        attrs.delete_attribute(s, badge.id)
    mapped = apply(db, "Badge scans", ["Badge #", "Booth", "Mail"])
    assert [m.target for m in mapped] == [IGNORE, "attr:booth", "email"]


def test_new_attribute_becomes_the_one_an_earlier_import_made(db):
    save(db, "Fair", [ColumnMapping("Mail", "email"), ColumnMapping("Shoe size", NEW_ATTRIBUTE)])
    assert [m.target for m in apply(db, "Fair", ["Mail", "Shoe size"])] == [
        "email", NEW_ATTRIBUTE]
    with db.session() as s:
        attrs.define_attribute(s, "shoe_size", "Shoe size", "text")
    assert [m.target for m in apply(db, "Fair", ["Mail", "shoe SIZE"])] == [
        "email", "attr:shoe_size"]


@pytest.mark.parametrize(("name", "problem"), [
    ("", "needs a name"),
    ("   ", "needs a name"),
    ("x" * 101, "too long (101 characters, at most 100)"),
    ("Trade\tshow", "a tab"),
    ("Trade\nshow", "a line break"),
    ("Trade\x07show", "control character U+0007"),
    ("Trade\u202eshow", "text-direction control U+202E"),
])
def test_bad_names_are_refused_and_nothing_is_written(db, name, problem):
    with pytest.raises(ValidationError) as caught, db.session() as s:
        save_template(s, name, BADGES)
    assert problem in caught.value.errors["template name"]
    assert names(db) == []


def test_a_mapping_that_imports_nothing_is_not_saved(db):
    with pytest.raises(ValidationError, match="at least one column"), db.session() as s:
        save_template(s, "Empty", [ColumnMapping("Who", IGNORE), ColumnMapping("Mail", IGNORE)])
    assert names(db) == []


def test_a_name_of_exactly_100_characters_is_kept_whole(db):
    save(db, "n" * 100, BADGES)
    assert names(db) == ["n" * 100]


def test_template_for_headers_finds_the_newest_template_with_the_same_columns(db, clock):
    save(db, "Old scans", BADGES)
    save(db, "Two columns", BADGES[:2])
    with db.read_session() as s:
        assert template_for_headers(s, ["booth", "ROLE", "mail", "Who", ""]) == "Old scans"
        assert template_for_headers(s, ["Who", "Mail", "Role"]) is None  # a column fewer
        assert template_for_headers(s, ["Who", "Mail", "Role", "Booth", "X"]) is None
    save(db, "New scans", BADGES)
    with db.read_session() as s:
        assert template_for_headers(s, ["Who", "Mail", "Role", "Booth"]) == "New scans"
    save(db, "old SCANS", BADGES)  # updating the older one makes it the newest
    with db.read_session() as s:
        assert template_for_headers(s, ["Who", "Mail", "Role", "Booth"]) == "old SCANS"
        assert template_for_headers(s, ["Who", "Mail"]) == "Two columns"


def test_columns_the_template_does_not_know_take_the_guess_unless_its_field_is_taken(db):
    save(db, "Badge scans", [ColumnMapping("Firma", "company"), ColumnMapping("Mail", "email")])
    applied = apply(db, "Badge scans", ["Firma", "Mail", "Company", "Job"])
    guessed = [ColumnMapping("Firma", IGNORE, 0.0, "none"), ColumnMapping("Mail", "email"),
               ColumnMapping("Company", "company", 0.9, "fuzzy"),
               ColumnMapping("Job", "job_title", 0.9, "fuzzy")]
    mapped = with_fallback(applied, guessed)
    assert [(m.target, m.source) for m in mapped] == [
        ("company", "template:Badge scans"), ("email", "template:Badge scans"),
        (IGNORE, "none"),  # "Company" would be a second column for the company
        ("job_title", "fuzzy")]
