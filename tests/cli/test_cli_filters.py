"""--where and --segment on the command line, and the segment command: the same results as
the query engine, malformed expressions pointed at, nothing written on refusal."""

from __future__ import annotations

import json

import pytest

from hubdesk.core.attributes import define_attribute
from hubdesk.core.contacts import update_contact
from hubdesk.core.db import open_database
from hubdesk.core.filters import parse, resolve
from hubdesk.core.query import ContactQuery, search_ids


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.fixture
def people(hubdesk, db_url):
    hubdesk("stats")  # creates the database
    db = open_database(db_url)
    with db.session() as s:
        define_attribute(s, "account_size", "Account size", "number")
    db.engine.dispose()
    ids = {}
    for name, label, size, city in (("Aoi", "vip", 500, "Tokyo"), ("Ben", "vip", 50, "Osaka"),
                                    ("Cho", "churned", 900, "Tokyo"), ("Dan", "", 300, "Kyoto"),
                                    ("Eri", "vip", 150, "Osaka")):
        args = ["add", "--first-name", name, "--attr", f"account_size={size}", "--json"]
        args += ["--label", label] if label else []
        ids[name] = _json(hubdesk(*args))["id"]
        db = open_database(db_url)
        with db.session() as s:
            update_contact(s, ids[name], {"address_city": city})
        db.engine.dispose()
    return ids


EXPR = "label:vip and account_size>100 and (city:Tokyo or city:Osaka) and not label:churned"


def test_where_finds_what_the_engine_finds(hubdesk, people, db_url):
    rows = _json(hubdesk("search", "--where", EXPR, "--json"))
    assert sorted(r["first_name"] for r in rows) == ["Aoi", "Eri"]
    db = open_database(db_url)
    with db.read_session() as s:
        expected = search_ids(s, ContactQuery(where=resolve(s, parse(EXPR))))
    db.engine.dispose()
    assert [r["id"] for r in rows] == expected


def test_where_combines_with_search_text(hubdesk, people):
    rows = _json(hubdesk("search", "eri", "--where", "label:vip", "--json"))
    assert [r["first_name"] for r in rows] == ["Eri"]


@pytest.mark.parametrize(("expr", "position", "words"), [
    ("label:vip and", 14, "expected a condition"),
    ("label:vip and (city:Tokyo", 15, "expected ')'"),
    ('city:"Tokyo', 6, "never closed"),
    ("account_siz>5", 1, "did you mean 'account_size'"),
    ("account_size>lots", 1, "not a number"),
])
def test_a_malformed_expression_is_pointed_at_and_exits_2(hubdesk, people, expr, position,
                                                           words):
    result = hubdesk("search", "--where", expr)
    assert result.code == 2
    assert f"position {position}" in result.err and words in result.err
    assert result.out == ""


def test_the_caret_sits_under_the_problem(hubdesk, people):
    result = hubdesk("search", "--where", "label:vip and (city:Tokyo")
    lines = result.err.splitlines()
    expr_line = next(line for line in lines if line.strip().startswith("label:vip"))
    caret_line = lines[lines.index(expr_line) + 1]
    assert expr_line.index("(") == caret_line.index("^")


def test_segments_save_list_apply_and_delete(hubdesk, people):
    saved = hubdesk("segment", "save", "Big VIPs", "--where", "label:VIP and account_size>=150")
    assert saved.code == 0 and "label:VIP and account_size>=150" in saved.out
    listed = _json(hubdesk("segment", "list", "--json"))
    assert listed == [{"name": "Big VIPs", "where": "label:VIP and account_size>=150",
                       "count": 2}]
    rows = _json(hubdesk("search", "--segment", "big vips", "--json"))
    assert sorted(r["first_name"] for r in rows) == ["Aoi", "Eri"]
    # --segment and --where together: both must hold.
    rows = _json(hubdesk("search", "--segment", "Big VIPs", "--where", "city:Osaka", "--json"))
    assert [r["first_name"] for r in rows] == ["Eri"]
    # Saving again under the same name (other case) replaces it.
    hubdesk("segment", "save", "BIG vips", "--where", "label:vip")
    listed = _json(hubdesk("segment", "list", "--json"))
    assert [(s["name"], s["count"]) for s in listed] == [("BIG vips", 3)]
    assert hubdesk("segment", "delete", "big VIPS").code == 0
    assert _json(hubdesk("segment", "list", "--json")) == []
    missing = hubdesk("segment", "delete", "big VIPS")
    assert missing.code == 2 and "no segment named" in missing.err


def test_a_bad_segment_is_not_saved(hubdesk, people):
    result = hubdesk("segment", "save", "Broken", "--where", "label:vip and")
    assert result.code == 2 and "position 14" in result.err
    empty_name = hubdesk("segment", "save", "  ", "--where", "label:vip")
    assert empty_name.code == 2 and "needs a name" in empty_name.err
    assert _json(hubdesk("segment", "list", "--json")) == []
    unknown = hubdesk("search", "--segment", "Nope")
    assert unknown.code == 2 and "no segment named 'Nope'" in unknown.err


def test_export_where_and_segment_write_exactly_the_filtered_contacts(hubdesk, people, tmp_path):
    out = tmp_path / "vip.csv"
    result = hubdesk("export", str(out), "--where", "label:vip and city:Osaka", "--json")
    assert _json(result)["exported"] == 2
    text = out.read_text(encoding="utf-8-sig")
    assert "Ben" in text and "Eri" in text and "Aoi" not in text
    hubdesk("segment", "save", "Tokyo", "--where", "city:Tokyo")
    out2 = tmp_path / "tokyo.vcf"
    assert _json(hubdesk("export", str(out2), "--segment", "tokyo", "--json"))["exported"] == 2
    bad = hubdesk("export", str(tmp_path / "x.csv"), "--where", "label:")
    assert bad.code == 2 and "position" in bad.err and not (tmp_path / "x.csv").exists()
    both = hubdesk("export", str(tmp_path / "y.csv"), "--ids", "1", "--where", "label:vip")
    assert both.code == 2 and "cannot be combined" in both.err
