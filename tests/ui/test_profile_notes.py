from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from hubdesk.core import notes
from hubdesk.core.models import Note
from tests.ui.test_profile_support import add_contact, make_panel, read

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _setup(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    panel.tabs.setCurrentWidget(panel.notes_tab)
    panel.activateWindow()
    qtbot.waitActive(panel)
    return panel, cid


def _bodies(db, cid) -> list[str]:
    return [n["body"] for n in read(db, notes.notes_for, cid)]


def test_empty_state_then_ctrl_enter_adds_edit_and_delete_with_undo(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.notes_tab
    assert tab.empty_label.isVisibleTo(panel)
    assert tab.empty_label.text() == "No notes yet"
    assert not tab.add_button.isEnabled()

    tab.composer.setFocus()
    qtbot.keyClicks(tab.composer, "Met at the fair")
    qtbot.keyClick(tab.composer, Qt.Key.Key_Return)  # plain Enter: a new line, not a note
    qtbot.keyClicks(tab.composer, "<script>alert(1)</script>")
    assert _bodies(db, cid) == []
    qtbot.keyClick(tab.composer, Qt.Key.Key_Return, CTRL)
    assert _bodies(db, cid) == ["Met at the fair\n<script>alert(1)</script>"]
    assert tab.composer.toPlainText() == ""
    [item] = tab.items
    assert item.body_label.text() == "Met at the fair\n<script>alert(1)</script>"
    assert item.body_label.textFormat() == Qt.TextFormat.PlainText
    assert item.meta_label.text().startswith("You · ")
    assert panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Notes (1)"

    # Edit: Ctrl+Enter saves.
    qtbot.mouseClick(item.edit_button, LEFT)
    assert item.is_editing()
    item.editor.selectAll()
    qtbot.keyClicks(item.editor, "Decision maker")
    qtbot.keyClick(item.editor, Qt.Key.Key_Enter, CTRL)
    assert _bodies(db, cid) == ["Decision maker"]
    [item] = tab.items
    assert item.body_label.text() == "Decision maker"
    assert "edited" in item.meta_label.text()

    # Delete, then undo brings it back with the same text.
    qtbot.mouseClick(item.delete_button, LEFT)
    assert _bodies(db, cid) == []
    assert tab.items == []
    assert tab.empty_label.isVisibleTo(panel)
    panel.store.undo_stack.undo()
    assert _bodies(db, cid) == ["Decision maker"]
    assert [i.body_label.text() for i in tab.items] == ["Decision maker"]
    panel.store.undo_stack.undo()  # the edit
    assert _bodies(db, cid) == ["Met at the fair\n<script>alert(1)</script>"]


def test_add_button_adds_and_a_blank_note_is_refused(qtbot, db):
    panel, cid = _setup(qtbot, db)
    tab = panel.notes_tab
    qtbot.keyClicks(tab.composer, "   ")
    assert not tab.add_button.isEnabled()
    qtbot.keyClick(tab.composer, Qt.Key.Key_Return, CTRL)
    assert _bodies(db, cid) == []
    qtbot.keyClicks(tab.composer, "Call back")
    qtbot.mouseClick(tab.add_button, LEFT)
    assert _bodies(db, cid) == ["   Call back"]


def test_escape_cancels_an_edit(qtbot, db):
    panel, cid = _setup(qtbot, db)
    panel.store.add_note(cid, "original")
    [item] = panel.notes_tab.items
    qtbot.mouseClick(item.edit_button, LEFT)
    qtbot.keyClicks(item.editor, " changed")
    qtbot.keyClick(item.editor, Qt.Key.Key_Escape)
    assert not item.is_editing()
    assert item.body_label.isVisibleTo(panel)
    assert _bodies(db, cid) == ["original"]
    qtbot.mouseClick(item.edit_button, LEFT)
    item.editor.clear()  # an emptied note is refused with the core's message
    qtbot.mouseClick(item.save_button, LEFT)
    assert item.error_label.text() == "a note cannot be empty"
    assert _bodies(db, cid) == ["original"]


def test_notes_are_newest_first_and_only_own_notes_are_editable(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    base = datetime(2024, 5, 1, 9, 0)
    with db.session() as s:
        for i, (body, author) in enumerate([("oldest", ""), ("colleague's", "Kenji"),
                                            ("x " * 400, "")]):
            when = base + timedelta(days=i)
            s.add(Note(contact_id=cid, body=body, author=author, created_at=when,
                       updated_at=when))
    panel = make_panel(qtbot, db, cid)
    panel.tabs.setCurrentWidget(panel.notes_tab)
    items = panel.notes_tab.items
    assert [i.note["body"] for i in items] == ["x " * 400, "colleague's", "oldest"]
    assert [i.edit_button.isVisibleTo(panel) for i in items] == [True, False, True]
    assert [i.delete_button.isVisibleTo(panel) for i in items] == [True, False, True]
    assert items[1].meta_label.text().startswith("Kenji · 2024-05-02")
    long_note = items[0].body_label
    assert long_note.wordWrap()
    assert long_note.width() <= panel.width()


def test_a_draft_stays_through_refreshes_of_the_same_contact(qtbot, db):
    panel, cid = _setup(qtbot, db)
    qtbot.keyClicks(panel.notes_tab.composer, "half written")
    panel.store.set_field(cid, "company", "Engines")
    assert panel.notes_tab.composer.toPlainText() == "half written"
    other = add_contact(db, first_name="Bob")
    panel.show_contact(other)
    assert panel.notes_tab.composer.toPlainText() == ""
