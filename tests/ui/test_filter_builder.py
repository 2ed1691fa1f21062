"""The filter builder above the list: conditions chosen as a user would, the list and counts
that follow, chips, errors in place, and the same tree as the text syntax."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLineEdit, QSpinBox

from hubdesk.core.filters import parse, resolve
from hubdesk.core.query import ContactQuery, search_ids
from hubdesk.ui.filters.condition_row import ConditionRow
from hubdesk.ui.filters.multi_select import MultiSelectButton


def resolved(db, text: str):
    with db.read_session() as s:
        return resolve(s, parse(text))


def core_ids(db, text: str, search: str = "") -> list[int]:
    with db.read_session() as s:
        return search_ids(s, ContactQuery(search, where=resolve(s, parse(text))))


def listed(window) -> list[int]:
    return [window.model.id_at(r) for r in range(window.model.rowCount())]


def choose(qtbot, row: ConditionRow, field: str, op: str, *values) -> None:
    """Pick a field and an operator from their lists, then enter the values."""
    row.field_combo.setCurrentIndex(row.field_combo.findData(field, Qt.ItemDataRole.UserRole))
    row.op_combo.setCurrentIndex(row.op_combo.findData(op))
    inputs = row.value.inputs
    for widget, value in zip(inputs, values, strict=False):
        if isinstance(widget, QLineEdit):
            widget.clear()
            qtbot.keyClicks(widget, str(value))
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
    if inputs and isinstance(inputs[0], MultiSelectButton):
        options = inputs[0].actions_by_text()
        for value in values:
            options[value].trigger()


def open_builder(window):
    window.filter_action.trigger()
    assert window.filter_builder.isVisible()
    return window.filter_builder


def apply(qtbot, window) -> None:
    with qtbot.waitSignal(window.listUpdated, timeout=10_000):
        qtbot.mouseClick(window.filter_builder.apply_button, Qt.MouseButton.LeftButton)


def test_two_conditions_list_exactly_what_the_text_syntax_finds(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    assert len(builder.rows()) == 1  # an empty builder offers a row to fill in
    choose(qtbot, builder.rows()[0], "label", "has_any", "vip")
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, builder.rows()[1], "attr:account_size", "gt", 100)
    with qtbot.waitSignal(builder.applied) as applied:
        apply(qtbot, w)
    text = "label:vip and account_size>100"
    assert applied.args[0] == resolved(demo_db, text)
    assert w.query.where == resolved(demo_db, text)
    expected = core_ids(demo_db, text)
    assert 0 < len(expected) < 300
    assert listed(w) == expected
    assert w.count_label.text() == f"{len(expected)} of 300 match"
    assert w.chips.texts() == ["label:vip  ×", "account_size>100  ×"]


def test_a_group_under_any_compiles_like_parentheses(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    builder.match.setCurrentIndex(builder.match.findData(True))  # any
    choose(qtbot, builder.rows()[0], "attr:plan", "any_of", "enterprise")
    qtbot.mouseClick(builder.group_button, Qt.MouseButton.LeftButton)
    group = builder.items()[1]
    group.match.setCurrentIndex(group.match.findData(False))  # all
    choose(qtbot, group.rows()[0], "attr:beta_tester", "is_true")
    choose(qtbot, group.rows()[1], "attr:account_size", "ge", 500)
    apply(qtbot, w)
    text = "plan:enterprise or (beta_tester:yes and account_size>=500)"
    assert w.query.where == resolved(demo_db, text)
    assert listed(w) == core_ids(demo_db, text)
    assert w.chips.texts() == ["plan:enterprise  ×",
                               "or beta_tester:yes and account_size>=500  ×"]


def test_dates_get_date_pickers_and_days_a_number(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    row = builder.rows()[0]
    choose(qtbot, row, "attr:renewal_date", "between", date(2025, 1, 1), date(2026, 6, 30))
    pickers = row.value.inputs
    assert [type(p) for p in pickers] == [QDateEdit, QDateEdit]
    assert all(p.calendarPopup() for p in pickers)
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, builder.rows()[1], "last_activity_at", "older_days", 10)
    assert isinstance(builder.rows()[1].value.inputs[0], QSpinBox)
    apply(qtbot, w)
    text = "renewal_date:2025-01-01..2026-06-30 and last_activity older-than 10d"
    assert w.query.where == resolved(demo_db, text)
    assert listed(w) == core_ids(demo_db, text)


def test_operators_follow_the_field_kind(window_factory, demo_db):
    w = window_factory(demo_db)
    row = open_builder(w).rows()[0]

    def offered(field: str) -> list[str]:
        row.field_combo.setCurrentIndex(
            row.field_combo.findData(field, Qt.ItemDataRole.UserRole))
        return [row.op_combo.itemText(i) for i in range(row.op_combo.count())]

    assert offered("address_city") == ["is", "is not", "contains", "does not contain",
                                       "starts with", "is empty", "is not empty"]
    assert offered("attr:mrr")[:7] == ["=", "≠", "<", "≤", ">", "≥", "between"]
    assert {"before", "after", "on", "in the last N days", "more than N days ago"} <= set(
        offered("created_at"))
    assert offered("attr:plan")[:2] == ["is any of", "is none of"]
    assert offered("attr:beta_tester") == ["is true", "is false"]
    assert offered("label") == ["has any of", "has all of", "has none of"]
    assert offered("conversation_status") == ["is any of", "is none of"]
    offered("attr:website")
    row.op_combo.setCurrentIndex(row.op_combo.findData("empty"))
    assert row.value.inputs == []  # "is empty" takes no value


def test_field_list_is_grouped_and_headers_cannot_be_chosen(window_factory, demo_db):
    w = window_factory(demo_db)
    combo = open_builder(w).rows()[0].field_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    for header in ("Contact", "Labels and activity", "Custom attributes"):
        row = texts.index(header)
        assert not combo.model().item(row).isEnabled()
    assert texts.index("Labels") > texts.index("Labels and activity")
    assert texts.index("Account size") > texts.index("Custom attributes")
    assert texts.index("First name") < texts.index("Labels and activity")


def test_a_bad_value_is_shown_in_place_and_nothing_applies(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    row = builder.rows()[0]
    choose(qtbot, row, "attr:account_size", "lt", "abc")
    assert row.value.inputs[0].text() == ""  # the validator refuses letters
    with qtbot.assertNotEmitted(builder.applied):
        qtbot.mouseClick(builder.apply_button, Qt.MouseButton.LeftButton)
    assert builder.message.isVisible()
    assert "needs a value" in builder.message.text()
    qtbot.keyClicks(row.value.inputs[0], "-")  # a start of a number, not yet one
    with qtbot.assertNotEmitted(builder.applied):
        qtbot.mouseClick(builder.apply_button, Qt.MouseButton.LeftButton)
    assert "'-' is not a number" in builder.message.text()
    assert builder.message.textFormat() == Qt.TextFormat.PlainText
    assert w.query.where is None
    assert w.model.rowCount() == 300


def test_chips_remove_one_condition_and_clear_all_clears_everything(
    window_factory, demo_db, qtbot
):
    w = window_factory(demo_db)
    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "label", "has_any", "vip")
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, builder.rows()[1], "attr:account_size", "gt", 100)
    apply(qtbot, w)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.mouseClick(w.chips.chip("where:0"), Qt.MouseButton.LeftButton)
    assert w.query.where == resolved(demo_db, "account_size>100")
    assert listed(w) == core_ids(demo_db, "account_size>100")
    assert w.chips.texts() == ["account_size>100  ×"]
    assert [r.condition().field for r in builder.rows()] == ["attr:account_size"]

    w.show_import(1, "<b>people.csv</b>")
    qtbot.waitSignal(w.listUpdated, timeout=10_000).wait()
    assert w.chips.texts() == ["Imported from <b>people.csv</b>  ×", "account_size>100  ×"]
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.mouseClick(w.chips._clear, Qt.MouseButton.LeftButton)
    assert w.query.where is None and w.query.import_job == 0
    assert not w.chips.isVisibleTo(w)
    assert builder.rows() == []
    assert w.count_label.text() == "300 contacts"


def test_search_text_and_filter_combine(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "attr:plan", "none_of", "free")
    apply(qtbot, w)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.search.setText("example")
    expected = core_ids(demo_db, "plan!=free", "example")
    assert listed(w) == expected
    assert w.count_label.text() == f"{len(expected)} of 300 match"


def test_nothing_matching_offers_to_clear_the_filter(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "address_city", "is", "<i>Atlantis</i>")
    apply(qtbot, w)
    assert w.stack.currentWidget() is w.empty
    assert w.empty.title.text() == "No matches"
    assert w.empty_clear.text() == "Clear filter"
    assert w.count_label.text() == "0 of 300 match"
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.mouseClick(w.empty_clear, Qt.MouseButton.LeftButton)
    assert w.query.where is None
    assert w.model.rowCount() == 300


def test_not_is_shown_as_the_negative_operator(window_factory, demo_db):
    w = window_factory(demo_db)
    builder = open_builder(w)
    builder.set_expression(resolved(demo_db, "not label:vip and city:Tokyo"))
    rows = builder.rows()
    assert [(r.condition().field, r.op()) for r in rows] == [("label", "has_none"),
                                                             ("address_city", "is")]
    assert rows[0].value.values() == ("vip",)
    assert builder.fixed_text.isHidden()


@pytest.mark.parametrize("text", ["not (label:vip or label:lead)",
                                  "label:vip and (city:Tokyo or (plan:pro and has:notes))",
                                  "city:Tokyo,Osaka"])
def test_a_filter_too_deep_for_rows_is_shown_read_only(window_factory, demo_db, qtbot, text):
    w = window_factory(demo_db)
    builder = open_builder(w)
    builder.set_expression(resolved(demo_db, text))
    assert builder.rows() == []
    assert builder.fixed_text.isVisible()
    assert builder.fixed_text.textFormat() == Qt.TextFormat.PlainText
    assert resolved(demo_db, builder.fixed_text.text()) == resolved(demo_db, text)
    assert not builder.add_button.isEnabled()
    apply(qtbot, w)
    assert listed(w) == core_ids(demo_db, text)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.mouseClick(builder.clear_button, Qt.MouseButton.LeftButton)
    assert builder.fixed_text.isHidden() and builder.add_button.isEnabled()
    assert w.model.rowCount() == 300


def test_label_options_are_plain_text_and_new_attributes_appear(window_factory, demo_db, qtbot):
    from hubdesk.core import attributes, labels

    w = window_factory(demo_db)
    w.store.add_label(w.model.id_at(0), "<b>R&D</b>")
    builder = open_builder(w)
    row = builder.rows()[0]
    choose(qtbot, row, "label", "has_any", "<b>R&D</b>")
    button = row.value.inputs[0]
    assert button.actions_by_text()["<b>R&D</b>"].text() == "<b>R&&D</b>"  # no shortcut
    assert button.text() == "<b>R&&D</b>"
    apply(qtbot, w)
    assert listed(w) == [w.model.id_at(0)]
    with demo_db.session() as s:
        attributes.define_attribute(s, "region_code", "Region code", "text")
        assert "<b>R&D</b>" in labels.label_names(s)
    w.store.attributesChanged.emit()
    combo = row.field_combo
    assert combo.findData("attr:region_code", Qt.ItemDataRole.UserRole) >= 0
    assert row.condition().field == "label"  # the row keeps what it had


def test_filter_toggle_has_a_shortcut_and_is_remembered(window_factory, demo_db):
    w = window_factory(demo_db)
    assert w.filter_action.shortcut().toString() == "Ctrl+Shift+F"
    assert not w.filter_builder.isVisible()
    w.filter_action.trigger()
    assert w.filter_builder.isVisible()
    w.close()
    again = window_factory(demo_db)
    assert again.filter_action.isChecked() and again.filter_builder.isVisible()


def test_enter_applies_and_remove_buttons_take_rows_and_groups_away(
    window_factory, demo_db, qtbot
):
    w = window_factory(demo_db)
    builder = open_builder(w)
    qtbot.mouseClick(builder.group_button, Qt.MouseButton.LeftButton)
    group = builder.items()[1]
    choose(qtbot, group.rows()[0], "company", "starts_with", "a")
    choose(qtbot, group.rows()[1], "company", "starts_with", "b")
    qtbot.mouseClick(builder.rows()[0].remove_button, Qt.MouseButton.LeftButton)
    assert builder.items() == [group]
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.keyClick(group.rows()[1].value.inputs[0], Qt.Key.Key_Return)
    assert w.query.where == resolved(demo_db, "company^a or company^b")
    for row in group.rows():
        qtbot.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert builder.items() == []  # an emptied group goes too
    assert builder.expression() is None
