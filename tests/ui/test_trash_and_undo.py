"""Delete moves to Trash after a confirm that names the contacts; Ctrl+Z brings them back;
the Trash view restores, deletes permanently and empties."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hubdesk.core import contacts
from hubdesk.core.query import ContactQuery, count


def _live(db) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery())


def _trashed(db) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery(trash=True))


def _select_first(w, n: int = 1) -> list[int]:
    w.table.selectRow(0)
    for r in range(1, n):
        w.table.selectionModel().select(
            w.model.index(r, 0), w.table.selectionModel().SelectionFlag.Select
            | w.table.selectionModel().SelectionFlag.Rows)
    return w.selected_ids()


def test_delete_key_asks_naming_the_contact_then_trash_and_undo(
        window_factory, demo_db, qtbot, answers):
    asked, _ = answers
    w = window_factory(demo_db)
    [cid] = _select_first(w)
    name = w.name_of(cid)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.keyClick(w.table, Qt.Key.Key_Delete)
    assert name in asked[0]
    assert _live(demo_db) == 299 and _trashed(demo_db) == 1
    assert w.model.row_of(cid) is None
    assert w.contact_actions.undo.text().startswith("Undo")
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.contact_actions.undo.trigger()
    assert _live(demo_db) == 300 and _trashed(demo_db) == 0
    assert w.model.row_of(cid) is not None


def test_cancelled_confirm_deletes_nothing(window_factory, demo_db, qtbot, answers):
    _, replies = answers
    replies.append(QMessageBox.StandardButton.Cancel)
    w = window_factory(demo_db)
    _select_first(w, 3)
    w.contact_actions.delete.trigger()
    assert _live(demo_db) == 300
    assert w.store.undo_stack.count() == 0


def test_trash_view_restores_and_deletes_permanently(window_factory, demo_db, qtbot, answers):
    asked, _ = answers
    w = window_factory(demo_db)
    ids = _select_first(w, 3)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.contact_actions.delete.trigger()
    assert "3 contacts" in asked[-1]
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.view_trash.trigger()
    assert w.model.rowCount() == 3
    assert w.count_label.text() == "3 in Trash"
    assert w.contact_actions.restore.isVisible() and not w.contact_actions.delete.isVisible()
    w.table.selectRow(w.model.row_of(ids[0]))
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.contact_actions.restore.trigger()
    assert _trashed(demo_db) == 2
    w.table.selectRow(0)
    doomed = w.selected_ids()
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.contact_actions.purge.trigger()
    assert "cannot be undone" in asked[-1]
    with demo_db.read_session() as s, pytest.raises(Exception, match="no contact"):
        contacts.get_contact(s, doomed[0], include_trashed=True)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.contact_actions.empty_trash.trigger()
    assert _trashed(demo_db) == 0
    assert w.stack.currentWidget() is w.empty
    assert w.empty.title.text() == "Trash is empty"
    assert _live(demo_db) == 298


def test_escape_clears_the_search(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.search.setText("山田")
    assert w.model.rowCount() < 300
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.keyClick(w.search, Qt.Key.Key_Escape)
    assert w.search.text() == ""
    assert w.model.rowCount() == 300
