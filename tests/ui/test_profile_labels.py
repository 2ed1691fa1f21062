from __future__ import annotations

from PySide6.QtCore import Qt

from hubdesk.core import labels
from tests.ui.test_profile_support import add_contact, make_panel, read

LEFT = Qt.MouseButton.LeftButton
# The completer's popup asks the offscreen test platform for things it cannot do.



def _setup(qtbot, db):
    add_contact(db, first_name="Other", labels=["customer", "vip", "要フォロー"])
    cid = add_contact(db, first_name="Ada", labels=["vip"])
    panel = make_panel(qtbot, db, cid)
    panel.tabs.setCurrentWidget(panel.labels_tab)
    panel.activateWindow()
    qtbot.waitActive(panel)
    return panel, cid


def _on_contact(db, cid) -> list[str]:
    return [lb.name for lb in read(db, labels.labels_of, cid)]


def _all(db) -> list[str]:
    return [lb.name for lb in read(db, labels.list_labels)]


def test_chips_show_name_and_colour_with_readable_text(qtbot, db):
    panel, _cid = _setup(qtbot, db)
    [chip] = panel.labels_tab.chips
    assert chip.name_label.text() == "vip"
    assert chip.name_label.textFormat() == Qt.TextFormat.PlainText
    assert chip.remove_button.accessibleName() == "Remove label vip"


def test_type_ahead_picks_an_existing_label_without_making_a_duplicate(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.labels_tab
    tab.add_edit.setFocus()
    qtbot.keyClicks(tab.add_edit, "CUST")
    popup = tab.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    # Only labels the contact does not have yet are offered.
    assert tab.completer.completionModel().rowCount() == 1
    assert tab.completer.currentCompletion() == "customer"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert _on_contact(db, cid) == ["customer", "vip"]
    assert _all(db) == ["customer", "vip", "要フォロー"]
    assert tab.add_edit.text() == ""
    assert [c.name for c in tab.chips] == ["customer", "vip"]
    panel.store.undo_stack.undo()
    assert _on_contact(db, cid) == ["vip"]


def test_typing_an_existing_name_in_another_case_reuses_it(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.labels_tab
    qtbot.keyClicks(tab.add_edit, "Customer")
    qtbot.mouseClick(tab.add_button, LEFT)
    assert _on_contact(db, cid) == ["customer", "vip"]
    assert _all(db) == ["customer", "vip", "要フォロー"]


def test_enter_creates_a_new_label_in_the_chosen_colour(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.labels_tab
    tab.set_new_color("#16a34a")  # as picked from the colour menu
    qtbot.keyClicks(tab.add_edit, "<i>lbl</i>")
    qtbot.keyClick(tab.add_edit, Qt.Key.Key_Return)
    assert _on_contact(db, cid) == ["<i>lbl</i>", "vip"]
    created = next(lb for lb in read(db, labels.list_labels) if lb.name == "<i>lbl</i>")
    assert created.color == "#16a34a"
    assert tab.new_color is None  # the choice was for that one label
    chip = next(c for c in tab.chips if c.name == "<i>lbl</i>")
    assert chip.name_label.text() == "<i>lbl</i>"
    # Now offered by the type-ahead to others (the list is re-read after a change).
    tab.add_edit.clear()
    panel.store.undo_stack.undo()
    assert _on_contact(db, cid) == ["vip"]


def test_a_refused_name_shows_the_core_message(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.labels_tab
    tab.add_edit.setText("x" * 101)
    qtbot.keyClick(tab.add_edit, Qt.Key.Key_Return)
    assert tab.error_label.isVisibleTo(panel)
    assert "too long" in tab.error_label.text()
    assert _on_contact(db, cid) == ["vip"]


def test_remove_a_label_then_undo(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.labels_tab
    qtbot.mouseClick(tab.chips[0].remove_button, LEFT)
    assert _on_contact(db, cid) == []
    assert tab.chips == []
    assert tab.empty_label.isVisibleTo(panel)
    assert panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Labels"
    panel.store.undo_stack.undo()
    assert _on_contact(db, cid) == ["vip"]
    assert [c.name for c in tab.chips] == ["vip"]
    assert "vip" in _all(db)
