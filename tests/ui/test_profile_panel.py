from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from hubdesk.core import contacts, labels, notes
from hubdesk.ui.widgets.format import plain_tooltip
from tests.ui.test_profile_support import (
    add_contact,
    define,
    make_panel,
    read,
    visible_labels,
    visible_texts,
)

HOSTILE_NAME = "<b>x</b><img src=file:///etc/passwd>"
HOSTILE_NOTE = "<script>alert(1)</script>"
HOSTILE_LABEL = "<i>lbl</i>"


def test_no_contact_shows_an_empty_state_and_follows_the_selection(qtbot, db):
    first = add_contact(db, first_name="Ada", last_name="Lovelace", email="ada@example.com")
    second = add_contact(db, first_name="花子", last_name="山田")
    panel = make_panel(qtbot, db)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.title.text() == "Select a contact"

    panel.show_contact(first)
    assert panel.stack.currentWidget() is panel.details
    assert panel.header.name_label.text() == "Ada Lovelace"
    assert panel.header.avatar.initials() == "AL"
    panel.show_contact(second)
    assert panel.header.name_label.text() == "山田 花子"  # family name first
    assert panel.header.avatar.initials() == "山"
    panel.show_contact(None)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.title.text() == "Select a contact"


def test_hostile_text_is_shown_literally_everywhere(qtbot, db):
    define(db, "nick", "<b>attr</b>", "text")
    cid = add_contact(db, first_name=HOSTILE_NAME, company="<u>co</u>", labels=[HOSTILE_LABEL],
                      attributes={"nick": "<i>v</i>" * 20})
    with db.session() as s:
        notes.add_note(s, cid, HOSTILE_NOTE)
    panel = make_panel(qtbot, db, cid)
    assert panel.header.name_label.text() == HOSTILE_NAME
    assert panel.header.work_label.text() == "<u>co</u>"
    assert panel.header.name_label.toolTip() == plain_tooltip(HOSTILE_NAME)

    panel.tabs.setCurrentWidget(panel.labels_tab)
    chip = panel.labels_tab.chips[0]
    assert chip.name_label.text() == HOSTILE_LABEL
    panel.tabs.setCurrentWidget(panel.notes_tab)
    assert panel.notes_tab.items[0].body_label.text() == HOSTILE_NOTE

    for tab in (panel.attributes_tab, panel.labels_tab, panel.notes_tab):
        panel.tabs.setCurrentWidget(tab)
        shown = visible_labels(panel)
        # Every label the user sees is plain text, whatever it holds.
        assert all(lb.textFormat() == Qt.TextFormat.PlainText for lb in shown), [
            lb.text() for lb in shown if lb.textFormat() != Qt.TextFormat.PlainText]
    texts = visible_texts(panel)
    assert HOSTILE_NOTE in texts
    assert HOSTILE_NAME in texts
    # Tooltips are guessed as rich text by Qt: untrusted parts must arrive escaped.
    tips = [w.toolTip() for w in panel.findChildren(QWidget) if w.toolTip()]
    assert tips
    assert not [t for t in tips if any(tag in t for tag in ("<b>", "<i>", "<img", "<script"))]
    panel.tabs.setCurrentWidget(panel.attributes_tab)
    assert "<b>attr</b>" in visible_texts(panel)


def test_refreshes_when_the_store_changes_this_contact_or_everything(qtbot, db):
    cid = add_contact(db, first_name="Ada", email="ada@example.com")
    other = add_contact(db, first_name="Bob")
    panel = make_panel(qtbot, db, cid)
    store = panel.store
    store.set_field(cid, "company", "Analytical Engines")
    assert panel.header.work_label.text() == "Analytical Engines"

    with db.session() as s:  # changed behind the store's back: shown after a signal
        contacts.update_contact(s, cid, {"job_title": "Countess"})
    store.contactsChanged.emit([other])
    assert "Countess" not in panel.header.work_label.text()
    store.contactsChanged.emit([])
    assert panel.header.work_label.text() == "Analytical Engines · Countess"

    with db.session() as s:
        labels.add_labels(s, cid, ["vip"])
    store.labelsChanged.emit()
    assert [c.name for c in panel.labels_tab.chips] == ["vip"]
    define(db, "plan", "Plan", "list", ["free", "pro"])
    store.attributesChanged.emit()
    assert "plan" in panel.attributes_tab.rows


def test_deleted_contact_gives_way_to_an_empty_state_and_undo_brings_it_back(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    panel.store.trash([cid])
    assert panel.stack.currentWidget() is panel.empty
    panel.store.undo_stack.undo()
    assert panel.stack.currentWidget() is panel.details
    assert panel.header.name_label.text() == "Ada"


def test_edit_and_delete_buttons_ask_the_main_window(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    with qtbot.waitSignal(panel.editRequested) as edit:
        qtbot.mouseClick(panel.header.edit_button, Qt.MouseButton.LeftButton)
    assert edit.args == [cid]
    with qtbot.waitSignal(panel.deleteRequested) as delete:
        qtbot.mouseClick(panel.header.delete_button, Qt.MouseButton.LeftButton)
    assert delete.args == [cid]
    assert panel.header.new_message_button.isVisibleTo(panel)
    assert panel.header.merge_button.isVisibleTo(panel)  # "Merge with…"


def test_tab_titles_count_and_the_tabs_are_exposed(qtbot, db):
    cid = add_contact(db, first_name="Ada", labels=["a", "b"])
    with db.session() as s:
        notes.add_note(s, cid, "one")
    panel = make_panel(qtbot, db, cid)
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert titles == ["Attributes", "Labels (2)", "Conversations", "Notes (1)"]
    panel.tabs.setCurrentIndex(3)
    panel.show_contact(cid)  # the panel never changes the tab itself
    assert panel.tabs.currentIndex() == 3


def test_every_button_and_input_has_an_accessible_name(qtbot, db):
    define(db, "plan", "Plan", "list", ["free", "pro"])
    define(db, "size", "Size", "number")
    define(db, "renewal", "Renewal", "date")
    define(db, "beta", "Beta", "checkbox")
    cid = add_contact(db, first_name="Ada", email="a@example.com", phone="+81312345678",
                      labels=["vip"], attributes={"plan": "pro"})
    with db.session() as s:
        notes.add_note(s, cid, "mine")
    panel = make_panel(qtbot, db, cid)
    for row in panel.attributes_tab.rows.values():
        row.start_editing()
    panel.notes_tab.items[0].start_editing()
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QCheckBox)
    controls = [w for kind in kinds for w in panel.findChildren(kind) if not _internal(w)]
    assert len(controls) > 20
    unnamed = [(type(w).__name__, w.objectName()) for w in controls if not w.accessibleName()]
    assert not unnamed


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a spin box's line edit, the tab bar's scroll
    arrows, a line edit's clear button) are named by their owners."""
    return isinstance(widget.parent(), QComboBox | QDateEdit | QLineEdit | QTabBar)


def test_read_back_matches_the_core(qtbot, db):
    cid = add_contact(db, first_name="Ada", email="ada@example.com")
    panel = make_panel(qtbot, db, cid)
    assert panel.contact == read(db, contacts.get_contact, cid)


def test_the_header_new_message_button_opens_the_new_message_dialog(qtbot, db):
    from hubdesk.ui.dialogs.new_message import NewMessageDialog

    with db.session() as s:
        cid = contacts.create_contact(s, {"first_name": "Ann", "email": "ann@example.com"})
    panel = make_panel(qtbot, db, cid)
    qtbot.mouseClick(panel.header.new_message_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is panel.conversations_tab
    assert isinstance(panel.conversations_tab.dialog, NewMessageDialog)
    panel.conversations_tab.dialog.reject()
