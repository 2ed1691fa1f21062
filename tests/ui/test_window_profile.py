"""The window with its profile panel: the profile follows the list, edits open the editor,
new contacts are selected once listed, and the layout is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hubdesk.core import contacts
from hubdesk.ui import main_window


def test_the_profile_follows_the_selection(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    w.table.selectRow(4)
    cid = w.current_id()
    with demo_db.read_session() as s:
        name = contacts.get_contact(s, cid)["name"]
    assert w.profile.contact_id() == cid
    assert w.profile.header.name_label.text() == name
    qtbot.keyClick(w.table, Qt.Key.Key_Down)
    assert w.profile.contact_id() == w.model.id_at(5)


def test_enter_and_the_profile_edit_button_open_the_editor(window_factory, demo_db, qtbot,
                                                           monkeypatch):
    opened = []
    monkeypatch.setattr(main_window.MainWindow, "edit_contact",
                        lambda self, cid: opened.append(cid))
    w = window_factory(demo_db)
    w.table.selectRow(2)
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    assert opened == [w.model.id_at(2)]
    cell = w.table.visualRect(w.model.index(3, 1)).center()
    qtbot.mouseDClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened == [w.model.id_at(2), w.model.id_at(3)]


def test_a_new_contact_is_listed_selected_and_shown(window_factory, demo_db, qtbot,
                                                    monkeypatch):
    class TypedEditor:
        """Stands in for the dialog: the user typed a name and pressed Save."""

        def __init__(self, store, contact_id, parent):
            self.store, self.saved_id = store, None

        def exec(self):
            self.saved_id = self.store.create_contact(
                {"first_name": "花子", "last_name": "林", "email": "hanako@example.jp"})
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(main_window, "ContactEditor", TypedEditor)
    w = window_factory(demo_db)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.new_action.trigger()
    assert w.model.rowCount() == 301
    cid = w.current_id()
    assert w.profile.contact_id() == cid
    assert w.profile.header.name_label.text() == "林 花子"
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.contact_actions.undo.trigger()  # undo the create: gone from list and database
    assert w.model.row_of(cid) is None


def test_splitter_and_profile_tab_are_remembered(window_factory, demo_db):
    w = window_factory(demo_db)
    w.resize(700, 500)  # inside the offscreen screen, so Qt does not clamp the window
    w.splitter.setSizes([500, 200])
    w.profile.tabs.setCurrentIndex(3)
    sizes = w.splitter.sizes()
    w.close()
    again = window_factory(demo_db)
    assert again.profile.tabs.currentIndex() == 3
    assert again.splitter.sizes() == sizes
