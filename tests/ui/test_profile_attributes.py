from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit

from hubdesk.core import attributes
from hubdesk.ui.profile import link_label
from hubdesk.ui.profile.times import time_in_zone
from tests.ui.test_profile_support import add_contact, define, make_panel, read

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot, db):
    define(db, "size", "Account size", "number")
    define(db, "mrr", "Monthly revenue", "currency")
    define(db, "plan", "Plan", "list", ["free", "pro", "enterprise"])
    define(db, "renewal", "Renewal date", "date")
    define(db, "website", "Website", "link")
    define(db, "beta", "Beta tester", "checkbox")
    define(db, "nickname", "Nickname", "text")
    cid = add_contact(db, first_name="Ada", timezone="Asia/Tokyo",
                      attributes={"size": 10, "plan": "free"})
    p = make_panel(qtbot, db, cid)
    p.activateWindow()
    qtbot.waitActive(p)
    return p


def _values(panel) -> dict:
    return read(panel.store.db, attributes.attribute_values, panel.contact_id())


def _edit(qtbot, panel, key: str):
    row = panel.attributes_tab.rows[key]
    qtbot.mouseClick(row.edit_button, LEFT)
    assert row.is_editing()
    return row, row.editor.widget


def test_every_custom_attribute_is_listed_with_its_typed_value(panel):
    rows = panel.attributes_tab.rows
    assert list(rows) == ["size", "mrr", "plan", "renewal", "website", "beta", "nickname"]
    assert rows["size"].value_label.text() == "10"
    assert rows["plan"].value_label.text() == "free"
    assert rows["nickname"].value_label.text() == "—"


def test_number_refuses_text_with_a_message_and_stores_nothing(qtbot, panel):
    row, editor = _edit(qtbot, panel, "size")
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert row.is_editing()
    assert row.error_label.isVisibleTo(panel)
    assert row.error_label.text() == "'abc' is not a number"
    assert row.error_label.textFormat() == Qt.TextFormat.PlainText
    assert _values(panel)["size"] == 10
    assert panel.store.undo_stack.count() == 0


def test_number_with_full_width_digits_and_separators_is_stored_then_undone(qtbot, panel):
    _row, editor = _edit(qtbot, panel, "mrr")
    editor.insert("１２,５００")  # what a Japanese input method commits (not key clicks)
    qtbot.mouseClick(panel.attributes_tab.rows["mrr"].save_button, LEFT)
    assert _values(panel)["mrr"] == 12500
    assert panel.attributes_tab.rows["mrr"].value_label.text() == "12,500"
    panel.store.undo_stack.undo()
    assert "mrr" not in _values(panel)
    assert panel.attributes_tab.rows["mrr"].value_label.text() == "—"


def test_escape_cancels_without_storing(qtbot, panel):
    row, editor = _edit(qtbot, panel, "size")
    editor.selectAll()
    qtbot.keyClicks(editor, "99")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not row.is_editing()
    assert row.value_label.isVisibleTo(panel)
    assert _values(panel)["size"] == 10


def test_date_is_picked_in_the_date_editor(qtbot, panel):
    _row, editor = _edit(qtbot, panel, "renewal")
    assert isinstance(editor, QDateEdit)
    assert editor.calendarPopup()
    editor.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(editor, "20270315")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _values(panel)["renewal"] == "2027-03-15"
    assert panel.attributes_tab.rows["renewal"].value_label.text() == "2027-03-15"
    panel.store.undo_stack.undo()
    assert "renewal" not in _values(panel)
    panel.store.undo_stack.redo()
    assert _values(panel)["renewal"] == "2027-03-15"


def test_list_value_is_chosen_in_the_combo(qtbot, panel):
    _row, editor = _edit(qtbot, panel, "plan")
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "—", "free", "pro", "enterprise"]
    assert editor.currentText() == "free"
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.currentText() == "enterprise"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _values(panel)["plan"] == "enterprise"
    panel.store.undo_stack.undo()
    assert _values(panel)["plan"] == "free"


def test_checkbox_is_ticked(qtbot, panel):
    row, editor = _edit(qtbot, panel, "beta")
    assert isinstance(editor, QCheckBox)
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    qtbot.mouseClick(row.save_button, LEFT)
    assert _values(panel)["beta"] is True
    assert panel.attributes_tab.rows["beta"].value_label.text() == "Yes"


def test_text_is_saved_and_an_empty_value_clears_it(qtbot, panel):
    _row, editor = _edit(qtbot, panel, "nickname")
    qtbot.keyClicks(editor, "<b>Countess</b>")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert _values(panel)["nickname"] == "<b>Countess</b>"
    assert panel.attributes_tab.rows["nickname"].value_label.text() == "<b>Countess</b>"
    _row, editor = _edit(qtbot, panel, "nickname")
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "nickname" not in _values(panel)
    panel.store.undo_stack.undo()
    assert _values(panel)["nickname"] == "<b>Countess</b>"


def test_clear_button_removes_a_value(qtbot, panel):
    row, _editor = _edit(qtbot, panel, "plan")
    qtbot.mouseClick(row.clear_button, LEFT)
    assert "plan" not in _values(panel)


def test_saving_returns_focus_to_the_rows_pencil(qtbot, panel):
    _row, editor = _edit(qtbot, panel, "nickname")
    qtbot.keyClicks(editor, "Ada")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.attributes_tab.rows["nickname"].edit_button.hasFocus()


def test_link_opens_in_the_browser_only_when_safe(qtbot, panel, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(link_label, "open_link", lambda url: opened.append(url) or True)
    refused_row, editor = _edit(qtbot, panel, "website")
    qtbot.keyClicks(editor, "javascript:alert(1)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "website" not in _values(panel)
    assert "not a link" in refused_row.error_label.text()
    editor.clear()
    qtbot.keyClicks(editor, "https://example.com/a?b=<c>")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    link = panel.attributes_tab.rows["website"].value_label
    assert isinstance(link, link_label.LinkLabel)
    assert link.text() == "https://example.com/a?b=<c>"
    assert link.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(link, LEFT)
    assert [u.scheme() for u in opened] == ["https"]
    assert opened[0].host() == "example.com"


def test_link_label_refuses_other_schemes(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(link_label, "open_link", lambda url: opened.append(url) or True)
    for text in ("file:///etc/passwd", "javascript:alert(1)", "http://", "ftp://x.org"):
        label = link_label.LinkLabel(text)
        qtbot.addWidget(label)
        assert label.url is None
        qtbot.mouseClick(label, LEFT)
    assert opened == []
    mail = link_label.LinkLabel("mailto:ada@example.com")
    qtbot.addWidget(mail)
    assert mail.url is not None


def test_standard_fields_show_timezone_with_local_time(panel):
    fields = panel.attributes_tab.fields
    assert fields["timezone"].text().startswith("Asia/Tokyo\nLocal time ")
    assert "UTC+09:00" in fields["timezone"].text()
    assert set(fields) >= {"external_id", "address", "subscription_status", "created_at",
                           "last_activity_at"}


def test_time_in_zone_uses_the_zone():
    noon_utc = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
    assert time_in_zone("Asia/Tokyo", noon_utc) == "21:00 (Mon, UTC+09:00)"
    assert time_in_zone("America/New_York", noon_utc) == "08:00 (Mon, UTC-04:00)"
    assert time_in_zone("Not/AZone", noon_utc) == ""
    assert time_in_zone("", noon_utc) == ""
