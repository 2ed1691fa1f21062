"""Data health: every count is its filter's count, charts add up and each bar is its filter's
count, and each fix changes exactly what its preview listed, undoes exactly and redoes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text, update

from hubdesk.core import health
from hubdesk.core import health_fixes as fixes
from hubdesk.core.bulk import BulkCancelled
from hubdesk.core.contacts import create_contact, update_contact
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.filters import parse, resolve
from hubdesk.core.filters.resolve import local_day_start
from hubdesk.core.models import Contact
from hubdesk.core.query import ContactQuery, count, search_ids
from hubdesk.core.searchtext import derived_columns


def filter_count(db, where: str, trash: bool = False) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery(where=resolve(s, parse(where)), trash=trash))


def counts(db) -> dict[str, int]:
    with db.read_session() as s:
        return health.health_counts(s)


def charts(db) -> health.HealthCharts:
    with db.read_session() as s:
        return health.health_charts(s)


@pytest.fixture
def messy(db) -> dict[str, int]:
    """Contacts with every kind of problem, some of them twice, and a trashed one."""
    old = datetime(2020, 5, 1, 12)
    rows = {
        "tidy": ({"first_name": "Tidy", "email": "tidy@example.com", "phone": "+81312345678",
                  "timezone": "Asia/Tokyo", "address_country": "JP"}, ["vip"], (), (), None),
        "no_email": ({"first_name": "Mail-less", "phone": "+14155550100",
                      "address_country": "US"}, ["lead"], (), (), None),
        "bad_phone": ({"last_name": "Phoneless", "phone": "090-1234-5678",
                       "address_country": "Japan"}, [], (), (), "US"),
        "extra_phone": ({"first_name": "Extra", "address_country": "jp"}, [],
                        ["ann@example.com"], ["03-9876-5432"], "US"),
        "nameless": ({"company": "Acme", "email": "info@acme.example",
                      "address_country": "DE"}, ["vip", "lead"], (), (), None),
        "old": ({"first_name": "Old", "email": "old@example.com", "timezone": "Europe/Paris",
                 "address_country": "FR"}, [], (), (), None),
        "gone": ({"first_name": "Gone", "phone": "12-ab"}, [], (), (), None),
    }
    ids = {}
    with db.session() as s:
        for key, (values, labels, emails, phones, region) in rows.items():
            ids[key] = create_contact(s, values, labels=labels, extra_emails=emails,
                                      extra_phones=phones, region=region or "JP",
                                      now=old if key == "old" else None)
        flagged = [{"field": "email", "message": "not an email", "value": "Bad <bad@x.example>"}]
        ids["bad_email"] = create_contact(s, {"first_name": "Flagged"}, region="JP")
        s.execute(update(Contact).where(Contact.id == ids["bad_email"]).values(
            email="Bad <bad@x.example>", problems=json.dumps(flagged),
            **derived_columns({"first_name": "Flagged", "email": "Bad <bad@x.example>"})))
        s.execute(update(Contact).where(Contact.id == ids["gone"]).values(
            deleted_at=datetime(2025, 1, 1)))
    return ids


def test_every_count_is_what_its_filter_returns(db, messy):
    found = counts(db)
    for check in health.CHECKS:
        assert found[check.key] == filter_count(db, check.filter), check.key
    assert found["contacts"] == filter_count(db, "created not-empty")
    assert found[health.TRASH] == 1
    # and the crafted contacts are where they should be
    assert found["no_email"] == 3  # an additional email is not a primary one
    assert found["invalid_phone"] == 2 and found["invalid_email"] == 1
    assert found["no_name"] == 1 and found["not_updated_in_a_year"] == 1


def test_counts_on_demo_data_equal_the_filters_too(db):
    with db.session() as s:
        add_demo_contacts(s, 300, seed=5)
        s.execute(update(Contact).where(Contact.id % 7 == 0).values(timezone=None))
        s.execute(update(Contact).where(Contact.id % 11 == 0).values(deleted_at=datetime.now()))
    found = counts(db)
    assert found["invalid_phone"] > 0 and found["no_labels"] > 0 and found["no_timezone"] > 0
    for check in health.CHECKS:
        assert found[check.key] == filter_count(db, check.filter), check.key
    assert found[health.TRASH] == filter_count(db, "created not-empty", trash=True)


def test_an_empty_database_has_nothing_to_count(db):
    found = counts(db)
    assert set(found) == {"contacts", *health.CHECKS_BY_KEY, health.TRASH}
    assert not any(found.values())
    assert sum(b.count for b in charts(db).months) == 0


def test_chart_bars_add_up_and_each_bar_is_its_filter(db, messy):
    got = charts(db)
    live = counts(db)["contacts"]
    for bars in (got.countries, got.timezones, got.subscriptions):
        assert sum(b.count for b in bars) == live
    for bars in (got.countries, got.timezones, got.subscriptions, got.labels, got.months):
        for bar in bars:
            assert bar.count == filter_count(db, bar.filter), bar
    # "JP", "Japan" (a name, not a code) and "jp" — the filter ignores ASCII case
    assert {b.key: b.count for b in got.countries}["JP"] == 2
    assert {b.key: b.count for b in got.labels} == {"vip": 2, "lead": 2}


def test_the_top_bars_then_other_and_none(db):
    with db.session() as s:
        for n in range(16):
            for _ in range(16 - n):
                create_contact(s, {"first_name": f"P{n}", "address_country": f"C{n:02d}"},
                               labels=[f"label {n}"])
        create_contact(s, {"first_name": "Nowhere"})
    got = charts(db)
    assert [b.key for b in got.countries[:health.TOP]] == [f"C{n:02d}" for n in range(12)]
    other, nowhere = got.countries[health.TOP:]
    assert other.key == health.OTHER and other.count == 4 + 3 + 2 + 1
    assert nowhere.key == "" and nowhere.count == 1
    assert got.labels[-1].key == health.OTHER and got.labels[-1].count == 10
    for bar in (*got.countries, *got.labels):
        assert bar.count == filter_count(db, bar.filter), bar


def test_months_are_the_users_months_and_match_the_created_filter(db):
    today = date.today()
    first = today.replace(day=1)
    before = (first - timedelta(days=1)).replace(day=1)
    with db.session() as s:
        for when in (local_day_start(first), local_day_start(first) - timedelta(seconds=1),
                     local_day_start(before), datetime(2000, 1, 1)):
            create_contact(s, {"first_name": "x"}, now=when)
    months = charts(db).months
    assert len(months) == health.MONTHS and months[-1].key == first.strftime("%Y-%m")
    assert (months[-2].count, months[-1].count) == (2, 1)
    assert sum(b.count for b in months) == 3  # the one from 2000 is older than the chart


def test_figures_on_two_connections_equal_the_plain_calls(db, messy):
    figures = health.health_figures(db.read_session)
    assert figures is not None
    assert figures.counts == counts(db)
    assert figures.charts == charts(db)
    assert health.health_figures(db.read_session, cancelled=lambda: True) is None


def test_possible_duplicates_are_the_contacts_in_groups(db, messy):
    with db.session() as s:
        create_contact(s, {"first_name": "Tidy", "email": "TIDY@example.com"})
    with db.read_session() as s:
        assert health.duplicate_count(s) == 2


# --- fixes --------------------------------------------------------------------------------------
def snapshot(db) -> dict:
    """Every row of the tables a fix may touch, as stored."""
    out = {}
    with db.read_session() as s:
        for table in ("contacts", "contact_emails", "contact_phones"):
            out[table] = {r[0]: tuple(r) for r in s.execute(text(
                f"SELECT * FROM {table} ORDER BY id")).all()}
    return out


def columns(db, table: str) -> list[str]:
    with db.read_session() as s:
        return list(s.execute(text(f"SELECT * FROM {table} LIMIT 0")).keys())


def differences(db, a: dict, b: dict, ignore=("version",)) -> set[tuple[str, int, str]]:
    out = set()
    for table in a:
        names = columns(db, table)
        for row_id in a[table].keys() | b[table].keys():
            x, y = a[table].get(row_id), b[table].get(row_id)
            for i, name in enumerate(names):
                if name not in ignore and (x and x[i]) != (y and y[i]):
                    out.add((table, row_id, name))
    return out


PLANS = {
    "phones": lambda s: fixes.plan_phones(s, "JP"),
    "emails": lambda s: fixes.plan_emails(s),
    "timezones": lambda s: fixes.plan_timezones(s),
}
FIELDS = {"phones": {"phone", "phone_valid"}, "emails": {"email"}, "timezones": {"timezone"}}
DERIVED = {"problems", "updated_at", "sort_name", "search_text", "search_grams"}


@pytest.mark.parametrize("fix", list(PLANS))
def test_a_fix_changes_what_its_preview_listed_and_undoes_and_redoes_exactly(db, messy, fix):
    with db.read_session() as s:
        preview = PLANS[fix](s)
    assert preview.changes
    start = snapshot(db)
    with db.session() as s:
        record = fixes.apply_fix(s, preview.fix, preview.changes)
    assert record.changes == preview.changes and record.skipped == 0
    applied = snapshot(db)
    changed = differences(db, start, applied)
    listed = {c.contact_id for c in preview.changes}
    extra_rows = {int(c.field.split(":")[1]) for c in preview.changes if ":" in c.field}
    for table, row_id, name in changed:
        if table == "contacts":
            assert row_id in listed and name in FIELDS[fix] | DERIVED, (row_id, name)
        else:
            assert row_id in extra_rows and name in ("phone", "phone_valid", "email")
    for c in preview.changes:  # every listed value is now the preview's "after"
        with db.read_session() as s:
            got = fixes._read_states(s, [c.contact_id])[c.contact_id].get(c.field)
        assert got == c.after

    with db.session() as s:
        fixes.undo_fix(s, record)
    assert differences(db, start, snapshot(db)) == set()
    with db.session() as s:
        fixes.redo_fix(s, record)
    assert differences(db, applied, snapshot(db)) == set()


def test_fixed_values_leave_the_health_counts_and_are_found_by_search(db, messy):
    before = counts(db)
    for fix in ("phones", "emails", "timezones"):
        with db.read_session() as s:
            preview = PLANS[fix](s)
        with db.session() as s:
            fixes.apply_fix(s, preview.fix, preview.changes)
    after = counts(db)
    assert (before["invalid_phone"], after["invalid_phone"]) == (2, 0)
    assert (before["invalid_email"], after["invalid_email"]) == (1, 0)
    assert after["no_timezone"] == before["no_timezone"] - 3  # Japan, jp, DE; not US
    with db.read_session() as s:
        assert search_ids(s, ContactQuery(text="03-9876-5432")) == [messy["extra_phone"]]
        assert search_ids(s, ContactQuery(text="bad@x.example")) == [messy["bad_email"]]
        problems = s.get(Contact, messy["bad_email"]).problems
    assert problems is None  # the email problem went with the bad email


def test_undo_after_a_later_edit_keeps_the_edit_and_search_agrees(db, messy):
    with db.read_session() as s:
        preview = fixes.plan_phones(s, "JP")
    with db.session() as s:
        record = fixes.apply_fix(s, preview.fix, preview.changes)
    with db.session() as s:
        update_contact(s, messy["bad_phone"], {"first_name": "Renamed"})
        s.execute(update(Contact).where(Contact.id == messy["extra_phone"]).values(
            deleted_at=datetime(2026, 1, 1)))  # trashed since: still put back
    with db.session() as s:
        fixes.undo_fix(s, record)
    with db.read_session() as s:
        renamed = s.get(Contact, messy["bad_phone"])
        assert (renamed.first_name, renamed.phone, renamed.phone_valid) == \
            ("Renamed", "090-1234-5678", False)
        assert search_ids(s, ContactQuery(text="renamed 0901234")) == [messy["bad_phone"]]
        extra = fixes._read_states(s, [messy["extra_phone"]], live_only=False)
    assert list(extra[messy["extra_phone"]].extra_phones.values()) == [("03-9876-5432", False)]


def test_a_cancelled_fix_changes_nothing(db, messy):
    with db.read_session() as s:
        preview = fixes.plan_timezones(s)
    start = snapshot(db)
    with pytest.raises(BulkCancelled), db.session() as s:
        fixes.apply_fix(s, preview.fix, preview.changes, cancelled=lambda: True)
    assert differences(db, start, snapshot(db), ignore=()) == set()


def test_a_value_changed_since_the_preview_is_left_alone(db, messy):
    with db.read_session() as s:
        preview = fixes.plan_phones(s, "JP")
    with db.session() as s:
        s.execute(update(Contact).where(Contact.id == messy["bad_phone"]).values(
            phone="+819011112222", phone_valid=True))
    with db.session() as s:
        record = fixes.apply_fix(s, preview.fix, preview.changes)
    assert record.skipped == 1
    assert [c.contact_id for c in record.changes] == [messy["extra_phone"]]


def test_phones_that_do_not_parse_for_the_region_are_left_and_counted(db, messy):
    with db.read_session() as s:
        us = fixes.plan_phones(s, "US")
        jp = fixes.plan_phones(s, "JP")
    assert not us.changes and us.skipped == {"not_a_number": 2}
    assert {(c.before, c.after) for c in jp.changes} == {
        ("090-1234-5678", "+819012345678"), ("03-9876-5432", "+81398765432")}
    assert jp.contacts == 2


@pytest.mark.parametrize(("raw", "tidy", "lowered"), [
    ("Bad <bad@X.example>", "bad@x.example", "bad@x.example"),
    ("mailto:Taro@Example.JP", "Taro@example.jp", "taro@example.jp"),
    (" ann @ example.com; ", "ann@example.com", "ann@example.com"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp", "taro@example.jp"),
    ("John Doe john@example.com", "john@example.com", "john@example.com"),
    ("john@example.com.", "john@example.com", "john@example.com"),
    ("a@example.com, b@example.com", None, None),  # two people: not ours to choose
    ('"quoted"@example.com', None, None),  # HubDesk never accepts a quoted local part
    ("not an email", None, None),
])
def test_cleaning_an_email(raw, tidy, lowered):
    assert fixes.clean_email(raw) == tidy
    assert fixes.clean_email(raw, lower_local=True) == lowered


def test_time_zones_only_where_the_country_is_unambiguous():
    assert fixes.zone_for_country("JP") == "Asia/Tokyo"
    assert fixes.zone_for_country("DE") == "Europe/Berlin"  # Busingen keeps Berlin's clock
    assert fixes.zone_for_country("US") is None
    assert fixes.zone_for_country("ES") is None  # the Canaries are an hour behind
    assert fixes.country_code("Japan") == fixes.country_code(" jp ") == "JP"
    assert fixes.country_code("Atlantis") is None
