from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from hubdesk.core import contacts
from tests.ui.test_profile_support import add_contact, make_panel, read


def test_copy_buttons_put_the_shown_value_on_the_clipboard_and_confirm(qtbot, db):
    cid = add_contact(db, first_name="Ada", email="Ada.Lovelace@example.com",
                      phone="+81 3-1234-5678", company="Engines", job_title="Countess")
    panel = make_panel(qtbot, db, cid)
    header = panel.header
    stored = read(db, contacts.get_contact, cid)
    assert header.email.value_label.text() == stored["email"]
    assert header.work_label.text() == "Engines · Countess"

    qtbot.mouseClick(header.email.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == stored["email"]
    assert header.email.copy_button.text() == "Copied ✓"
    qtbot.mouseClick(header.phone.copy_button, Qt.MouseButton.LeftButton)
    # What the user sees is what they get: the number in international notation.
    assert QGuiApplication.clipboard().text() == header.phone.value_label.text() == \
        "+81 3-1234-5678"
    assert stored["phone"] == "+81312345678"
    # The confirmation goes away by itself after a moment.
    qtbot.waitUntil(lambda: header.email.copy_button.text() == "Copy", timeout=3000)
    assert not header.email.is_confirming()


def test_missing_email_and_phone_rows_are_hidden(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    assert not panel.header.email.isVisibleTo(panel)
    assert not panel.header.phone.isVisibleTo(panel)
    assert not panel.header.work_label.isVisibleTo(panel)


def test_invalid_phone_is_shown_as_typed(qtbot, db):
    cid = add_contact(db, first_name="Ada", phone="12")
    panel = make_panel(qtbot, db, cid)
    assert panel.header.phone.value_label.text() == "12"
    qtbot.mouseClick(panel.header.phone.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "12"


def test_japanese_name_shows_its_reading(qtbot, db):
    cid = add_contact(db, first_name="太郎", last_name="山田", first_name_reading="タロウ",
                      last_name_reading="ヤマダ", email="taro@example.jp")
    panel = make_panel(qtbot, db, cid)
    assert panel.header.name_label.text() == "山田 太郎"
    assert panel.header.reading_label.text() == "ヤマダ タロウ"
    assert panel.header.reading_label.isVisibleTo(panel)
