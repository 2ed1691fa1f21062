"""The contact editor, driven as a user would: typing, picking, saving, undoing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from hubdesk.core import contacts
from hubdesk.ui.dialogs.contact_editor import ContactEditor

# Completer popups make the offscreen platform say it cannot raise or grab the keyboard.



@pytest.fixture
def shown_messages(monkeypatch) -> list[str]:
    """Message boxes answer themselves (OK/Yes) and record what they said."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(f"{box.text()}\n{box.informativeText()}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


def open_editor(qtbot, store, contact_id=None) -> ContactEditor:
    editor = ContactEditor(store, contact_id)
    qtbot.addWidget(editor)
    editor.show()
    # Completers only write into the field that has the keyboard focus, as for a real user.
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    return editor


def type_into(qtbot, widget, text: str) -> None:
    """Type as a user would: key presses for ASCII, and for Japanese what an input method
    does — commit the composed text, one character at a time."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def pick_first_completion(qtbot, combo) -> None:
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def wait_save(qtbot, editor, enabled: bool) -> None:
    """Let the debounced validation run, then check what Save says."""
    qtbot.waitUntil(lambda: not editor.validation_timer.isActive(), timeout=2000)
    assert editor.save_button.isEnabled() is enabled


def read(db, contact_id: int) -> dict:
    with db.read_session() as s:
        return contacts.get_contact(s, contact_id)


def test_new_contact_needs_a_name_email_or_phone(qtbot, store):
    editor = open_editor(qtbot, store)
    assert not editor.save_button.isEnabled()
    assert not editor.form.messages["name"].isVisible()  # a blank form is not scolded
    type_into(qtbot, editor.form.inputs["company"], "Acme")
    qtbot.waitUntil(lambda: editor.form.messages["name"].isVisible(), timeout=2000)
    assert "name" in editor.form.messages["name"].text().lower()
    assert not editor.save_button.isEnabled()
    type_into(qtbot, editor.form.inputs["first_name"], "Ann")
    wait_save(qtbot, editor, True)
    assert not editor.form.messages["name"].isVisible()


def test_bad_email_disables_save_with_a_message_and_clearing_it_re_enables(qtbot, store):
    editor = open_editor(qtbot, store)
    type_into(qtbot, editor.form.inputs["first_name"], "Ann")
    wait_save(qtbot, editor, True)
    email = editor.form.inputs["email"]
    type_into(qtbot, email, "nonsense")
    wait_save(qtbot, editor, False)
    message = editor.form.messages["email"]
    assert message.isVisible()
    assert "@" in message.text()  # names the problem: no @-sign
    assert message.textFormat() == Qt.TextFormat.PlainText
    email.selectAll()
    qtbot.keyClick(email, Qt.Key.Key_Backspace)
    wait_save(qtbot, editor, True)
    assert not message.isVisible()


def test_create_japanese_contact_with_full_width_phone_timezone_and_extra_emails(
    qtbot, store, db
):
    editor = open_editor(qtbot, store)
    form = editor.form
    type_into(qtbot, form.inputs["last_name"], "山田")
    type_into(qtbot, form.inputs["first_name"], "太郎")
    type_into(qtbot, form.inputs["last_name_reading"], "やまだ")
    type_into(qtbot, form.inputs["first_name_reading"], "たろう")
    type_into(qtbot, form.inputs["email"], "taro@example.jp")
    type_into(qtbot, form.phone, "０９０－１２３４－５６７８")
    assert form.phone.text() == "090-1234-5678"  # formatted (and made ASCII) as typed
    tz = form.inputs["timezone"]
    type_into(qtbot, tz.lineEdit(), "Tokyo")
    pick_first_completion(qtbot, tz)
    assert tz.currentText() == "Asia/Tokyo (UTC+09:00)"
    for address in ("taro.work@example.jp", "taro@example.com"):
        qtbot.mouseClick(form.extra_emails.add_button, Qt.MouseButton.LeftButton)
        type_into(qtbot, form.extra_emails.edits[-1], address)
    type_into(qtbot, form.inputs["company"], "山田商事")
    country = form.inputs["address_country"]
    type_into(qtbot, country.lineEdit(), "Japan")
    type_into(qtbot, form.labels, "顧客, vip")
    wait_save(qtbot, editor, True)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted
    saved = read(db, editor.saved_id)
    assert (saved["last_name"], saved["first_name"]) == ("山田", "太郎")
    assert saved["last_name_reading"] == "やまだ"
    assert saved["phone"] == "+819012345678" and saved["phone_valid"]
    assert saved["timezone"] == "Asia/Tokyo"
    assert saved["address_country"] == "JP"
    assert [e["email"] for e in saved["emails"]] == ["taro.work@example.jp", "taro@example.com"]
    assert sorted(lb["name"] for lb in saved["labels"]) == ["vip", "顧客"]
    assert store.undo_stack.canUndo()


def test_timezone_typed_in_part_is_completed_when_only_one_zone_matches(qtbot, store):
    editor = open_editor(qtbot, store)
    tz = editor.form.inputs["timezone"]
    type_into(qtbot, tz.lineEdit(), "new_y")
    assert tz.completer().completionCount() == 1
    tz.lineEdit().editingFinished.emit()  # what leaving the field does
    assert tz.value() == "America/New_York"
    assert tz.currentText().startswith("America/New_York (UTC-0")


def test_unknown_timezone_is_refused_beside_the_field(qtbot, store):
    editor = open_editor(qtbot, store)
    type_into(qtbot, editor.form.inputs["first_name"], "Ann")
    wait_save(qtbot, editor, True)
    type_into(qtbot, editor.form.inputs["timezone"].lineEdit(), "Mars/Olympus")
    wait_save(qtbot, editor, False)
    assert "IANA" in editor.form.messages["timezone"].text()


def test_invalid_phone_is_a_note_not_a_blocker(qtbot, store, db):
    editor = open_editor(qtbot, store)
    type_into(qtbot, editor.form.phone, "12")
    wait_save(qtbot, editor, True)
    note = editor.form.messages["phone"]
    assert note.isVisible() and "saved as typed" in note.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = read(db, editor.saved_id)
    assert (saved["phone"], saved["phone_valid"]) == ("12", False)


def test_bad_additional_email_is_shown_on_its_row_and_removing_the_row_clears_it(qtbot, store):
    editor = open_editor(qtbot, store)
    form = editor.form
    type_into(qtbot, form.inputs["first_name"], "Ann")
    qtbot.mouseClick(form.extra_emails.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form.extra_emails.edits[0], "ann@example.com")
    qtbot.mouseClick(form.extra_emails.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form.extra_emails.edits[1], "not-an-email")
    wait_save(qtbot, editor, False)
    assert not form.extra_emails.messages[0].isVisible()
    assert form.extra_emails.messages[1].isVisible()
    remove = form.extra_emails._removes[1]
    assert remove.accessibleName() == "Remove Additional email 2"
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    wait_save(qtbot, editor, True)
    assert len(form.extra_emails.edits) == 1


def test_phone_region_reads_national_numbers(qtbot, store, db):
    editor = open_editor(qtbot, store)
    form = editor.form
    form.region.set_value("US")
    type_into(qtbot, form.phone, "2025550123")
    assert form.phone.text() == "(202) 555-0123"
    wait_save(qtbot, editor, True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert read(db, editor.saved_id)["phone"] == "+12025550123"


def _existing(db) -> int:
    with db.session() as s:
        return contacts.create_contact(
            s, {"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com",
                "phone": "+819012345678", "external_id": "crm-1", "timezone": "Europe/Paris"},
            extra_phones=["+81312345678"], labels=["vip"])


def test_edit_shows_the_stored_values_saves_and_undo_restores(qtbot, store, db):
    cid = _existing(db)
    editor = open_editor(qtbot, store, cid)
    form = editor.form
    assert form.inputs["email"].text() == "ann@example.com"
    assert form.phone.text() == "090-1234-5678"
    assert form.extra_phones.edits[0].text() == "03-1234-5678"
    assert form.inputs["timezone"].currentText().startswith("Europe/Paris (UTC+0")
    assert form.labels.text() == "vip"
    assert editor.save_button.isEnabled()
    last = form.inputs["last_name"]
    last.selectAll()
    type_into(qtbot, last, "Smith")
    wait_save(qtbot, editor, True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    after = read(db, cid)
    assert after["last_name"] == "Smith"
    assert after["external_id"] == "crm-1"  # not on the form, kept as it was
    assert after["phone"] == "+819012345678"
    assert [p["phone"] for p in after["phones"]] == ["+81312345678"]
    store.undo_stack.undo()
    assert read(db, cid)["last_name"] == "Lee"
    store.undo_stack.redo()
    assert read(db, cid)["last_name"] == "Smith"


def test_saving_unchanged_writes_nothing(qtbot, store, db):
    cid = _existing(db)
    before = read(db, cid)["version"]
    editor = open_editor(qtbot, store, cid)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted
    assert read(db, cid)["version"] == before
    assert not store.undo_stack.canUndo()


def _conflict(qtbot, store, db, monkeypatch, choice: int):
    """Ann Lee opened here; someone else makes her CTO; here her first name becomes Annie
    and Save is pressed: the conflict dialog opens and answers `choice`."""
    from hubdesk.ui.dialogs.edit_conflict import EditConflictDialog

    shown = []

    def exec_(dialog):
        shown.append(dialog.rows())
        dialog.choice = choice
        return 1 if choice else 0

    monkeypatch.setattr(EditConflictDialog, "exec", exec_)
    cid = _existing(db)
    editor = open_editor(qtbot, store, cid)
    with db.session() as s:  # someone else saves in between
        contacts.update_contact(s, cid, {"job_title": "CTO"})
    first = editor.form.inputs["first_name"]
    first.selectAll()
    type_into(qtbot, first, "Annie")
    wait_save(qtbot, editor, True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    return cid, editor, shown


def test_a_concurrent_change_shows_both_versions_and_cancel_saves_nothing(
    qtbot, store, db, monkeypatch
):
    cid, editor, shown = _conflict(qtbot, store, db, monkeypatch, 0)
    assert shown == [[("First name ✎", "Annie", "Ann"), ("Job title", "", "CTO")]]
    assert editor.isVisible() and editor.saved_id is None
    after = read(db, cid)
    assert (after["first_name"], after["job_title"]) == ("Ann", "CTO")
    assert not store.undo_stack.canUndo()


def test_save_my_changes_keeps_theirs_on_the_other_fields(qtbot, store, db, monkeypatch):
    from hubdesk.ui.dialogs.edit_conflict import EditConflictDialog

    cid, editor, _ = _conflict(qtbot, store, db, monkeypatch, EditConflictDialog.SAVE_MINE)
    after = read(db, cid)
    assert (after["first_name"], after["job_title"]) == ("Annie", "CTO")
    assert editor.result() == editor.DialogCode.Accepted and editor.saved_id == cid
    store.undo_stack.undo()  # back to what the other person saved, not to what we opened
    after = read(db, cid)
    assert (after["first_name"], after["job_title"]) == ("Ann", "CTO")


def test_use_their_version_reloads_the_form(qtbot, store, db, monkeypatch):
    from hubdesk.ui.dialogs.edit_conflict import EditConflictDialog

    cid, editor, _ = _conflict(qtbot, store, db, monkeypatch, EditConflictDialog.USE_THEIRS)
    assert editor.isVisible() and editor.saved_id is None
    assert editor.form.inputs["first_name"].text() == "Ann"
    assert editor.form.inputs["job_title"].text() == "CTO"
    assert read(db, cid)["first_name"] == "Ann" and not store.undo_stack.canUndo()


def test_untrusted_values_show_as_plain_text(qtbot, store, db):
    with db.session() as s:
        cid = contacts.create_contact(s, {"first_name": "<b>x</b>", "email": "a@example.com"})
    editor = open_editor(qtbot, store, cid)
    assert editor.windowTitle() == "Edit <b>x</b>"
    assert editor.form.inputs["first_name"].text() == "<b>x</b>"


def test_every_input_has_an_accessible_name(qtbot, store):
    editor = open_editor(qtbot, store)
    form = editor.form
    widgets = [*form.inputs.values(), form.region, editor.save_button,
               form.extra_emails.add_button, form.extra_phones.add_button]
    assert all(w.accessibleName() for w in widgets)


def test_labels_complete_the_name_being_typed_from_existing_labels(qtbot, store, db):
    with db.session() as s:
        contacts.create_contact(s, {"first_name": "Bo"}, labels=["Newsletter", "VIP"])
    editor = open_editor(qtbot, store)
    labels = editor.form.labels
    type_into(qtbot, labels, "vip, news")
    assert labels.completer().completionCount() == 1
    assert labels.labels() == ["vip", "news"]
    pick_first_completion(qtbot, labels)
    assert labels.text() == "vip, Newsletter"  # what was typed before the comma is kept
    labels.setText("VIP、顧客, vip")
    assert labels.labels() == ["VIP", "顧客"]  # the ideographic comma separates; no repeats


def test_cancel_with_typed_values_asks_before_discarding(qtbot, store, monkeypatch):
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    editor = open_editor(qtbot, store)
    type_into(qtbot, editor.form.inputs["first_name"], "Ann")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == ["Discard what you typed in this contact?"]
    assert editor.isVisible()
    answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.result() == editor.DialogCode.Rejected


def test_cancel_without_changes_closes_at_once(qtbot, store):
    editor = open_editor(qtbot, store)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_changing_the_region_checks_the_phone_again(qtbot, store):
    editor = open_editor(qtbot, store)
    type_into(qtbot, editor.form.phone, "4155552671")
    wait_save(qtbot, editor, True)
    assert editor.form.messages["phone"].isVisible()  # not a Japanese number
    editor.form.region.set_value("US")
    wait_save(qtbot, editor, True)
    assert not editor.form.messages["phone"].isVisible()
    assert editor.form.phone.text() == "(415) 555-2671"
