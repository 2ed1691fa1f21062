"""Export columns: what can be chosen, the defaults, and headers the importer maps back."""

from __future__ import annotations

import pytest

from hubdesk.core import attributes as attrs
from hubdesk.core.fields import STANDARD_FIELDS
from hubdesk.core.io.export_columns import (
    EXPORT_PRESETS,
    ExportError,
    available_columns,
    default_columns,
    property_name,
    resolve_columns,
)
from hubdesk.core.io.mapping import guess_mapping


@pytest.fixture
def defined(db):
    with db.session() as s:
        attrs.define_attribute(s, "plan", "Plan", "list", ["free", "pro"])
        attrs.define_attribute(s, "company_size", "Company", "number")  # a field's name
        attrs.define_attribute(s, "tags", "Tags", "text")  # key and name read as labels
        attrs.define_attribute(s, "plan_2", "plan", "text")  # same name as another
        attrs.define_attribute(s, "renewal", "Renewal", "date")
    return db


def test_available_columns_are_fields_lists_then_attributes(defined):
    with defined.read_session() as s:
        columns = available_columns(s)
    keys = [c.key for c in columns]
    assert keys[:len(STANDARD_FIELDS)] == [f.key for f in STANDARD_FIELDS]
    assert keys[len(STANDARD_FIELDS):] == ["emails", "phones", "labels", "notes", "attr:plan",
                                           "attr:company_size", "attr:tags", "attr:plan_2",
                                           "attr:renewal"]
    headers = {c.key: c.header for c in columns}
    assert headers["first_name"] == "First name" and headers["emails"] == "Other emails"
    assert headers["attr:renewal"] == "Renewal"
    # "Company" and "company_size" read as the company field
    assert headers["attr:company_size"] == "X-HUBDESK-COMPANY-SIZE"
    assert headers["attr:tags"] == "X-HUBDESK-TAGS"  # "Tags" and "tags" both read as labels
    # "Plan" and "plan" name both attributes, and "plan_2" reads as "plan" (numbers do not
    # count): neither name says which, so both are headed by their property names.
    assert headers["attr:plan"] == "X-HUBDESK-PLAN"
    assert headers["attr:plan_2"] == "X-HUBDESK-PLAN-2"


def test_defaults_leave_notes_out_and_take_every_attribute(defined):
    with defined.read_session() as s:
        keys = default_columns(s)
        google = default_columns(s, "google")
    assert "notes" not in keys and keys[-5:] == ["attr:plan", "attr:company_size",
                                                 "attr:tags", "attr:plan_2", "attr:renewal"]
    assert google[:2] == ["first_name", "last_name"] and "timezone" not in google


@pytest.mark.parametrize("preset", list(EXPORT_PRESETS))
def test_every_header_maps_back_to_its_column(defined, preset):
    with defined.read_session() as s:
        columns = available_columns(s, preset)
        definitions = attrs.list_attributes(s)
    mapping = guess_mapping([c.header for c in columns], attributes=definitions)
    expected = {"emails": "extra_email", "phones": "extra_phone", "notes": "note",
                "created_at": "", "updated_at": "", "last_activity_at": ""}
    if preset == "google":
        expected |= {"emails": "email", "phones": "phone"}  # Google's own E-mail 2 group
    for column, m in zip(columns, mapping, strict=True):
        assert m.target == expected.get(column.key, column.key), (column, m)


def test_resolve_keeps_the_callers_order_and_names_mistakes(defined):
    with defined.read_session() as s:
        picked = resolve_columns(s, ["labels", "email", "attr:renewal"])
        assert [c.header for c in picked] == ["Labels", "Email", "Renewal"]
        with pytest.raises(ExportError, match="unknown column 'bogus'"):
            resolve_columns(s, ["email", "bogus"])
        with pytest.raises(ExportError, match="named twice"):
            resolve_columns(s, ["email", "email"])
        with pytest.raises(ExportError, match="at least one"):
            resolve_columns(s, [])
        with pytest.raises(ExportError, match="unknown preset"):
            resolve_columns(s, None, "outlook")


def test_property_names_read_back_as_keys():
    assert property_name("account_size") == "X-HUBDESK-ACCOUNT-SIZE"
