"""Bulk actions from the window: on every selected contact (select-all means all of them),
in the background, named by count before they run, and undone and redone as one step."""

from __future__ import annotations

import pytest

from hubdesk.core.filters import parse, resolve
from hubdesk.core.query import ContactQuery, count
from hubdesk.ui import contact_actions
from hubdesk.ui.dialogs.bulk_edit import BulkEditDialog

WAIT = 20_000


def matching(db, where: str, trash: bool = False) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery(where=resolve(s, parse(where)), trash=trash))


def live(db) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery())


@pytest.fixture
def dialog_answers(monkeypatch):
    """The bulk dialog, filled in by the test instead of a user: fill(dialog) then Apply."""
    fills = []

    def exec_(dialog: BulkEditDialog) -> int:
        fills.pop(0)(dialog)
        assert dialog.ok.isEnabled(), dialog.message.text()
        dialog.ok.click()
        return 1

    monkeypatch.setattr(BulkEditDialog, "exec", exec_)
    return fills


def test_add_labels_to_all_then_undo_and_redo_as_one_step(window_factory, demo_db, qtbot,
                                                          dialog_answers):
    w = window_factory(demo_db)
    w.table.selectAll()
    total = live(demo_db)
    busy = []
    w.store.busyChanged.connect(busy.append)
    texts = []
    dialog_answers.append(lambda d: (texts.append(d.ok.text()),
                                     d.labels_edit.setText("展示会, VIP")))
    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.contact_actions.add_labels.trigger()
    assert texts == [f"Apply to {total:,} contact(s)"]
    assert busy == [True, False]
    assert matching(demo_db, "label:展示会 and label:vip") == total
    assert w.contact_actions.undo.text().startswith("Undo Add label 展示会, VIP")

    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.contact_actions.undo.trigger()
    assert matching(demo_db, "label:展示会") == 0
    assert "展示会" not in w.store.label_names()  # the label it created is gone again
    vip_before = matching(demo_db, "label:vip")
    assert 0 < vip_before < total  # the demo's own VIPs kept theirs

    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.contact_actions.redo.trigger()
    assert matching(demo_db, "label:展示会 and label:vip") == total


def test_set_an_attribute_on_a_selection(window_factory, demo_db, qtbot, dialog_answers):
    w = window_factory(demo_db)
    w.table.selectRow(0)
    chosen = w.selected_ids()

    def fill(d: BulkEditDialog) -> None:
        d.attribute_combo.setCurrentIndex(d.attribute_combo.findData("account_size"))
        d.value_edit.setText("lots")
        assert not d.ok.isEnabled() and "not a number" in d.message.text()
        d.value_edit.setText("１２３")  # full-width digits from a Japanese input method

    dialog_answers.append(fill)
    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.contact_actions.set_attribute.trigger()
    assert all(w.store.contact(cid)["attributes"]["account_size"] == 123 for cid in chosen)


def test_a_big_delete_runs_in_the_background_and_undo_brings_everyone_back(
        window_factory, demo_db, qtbot, answers, monkeypatch):
    monkeypatch.setattr(contact_actions, "IN_PLACE_LIMIT", 10)
    w = window_factory(demo_db)
    total = live(demo_db)
    w.table.selectAll()
    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.contact_actions.delete.trigger()
    asked, _ = answers
    assert f"{total} contacts" in asked[-1]
    assert live(demo_db) == 0
    qtbot.waitUntil(lambda: w.model.rowCount() == 0, timeout=WAIT)
    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.contact_actions.undo.trigger()
    assert live(demo_db) == total
    qtbot.waitUntil(lambda: w.model.rowCount() == total, timeout=WAIT)


def test_bulk_actions_need_a_selection_and_are_hidden_in_trash(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    w.table.clearSelection()
    assert not w.contact_actions.add_labels.isEnabled()
    w.table.selectRow(0)
    assert w.contact_actions.add_labels.isEnabled()
    w.contact_actions.set_trash_view(True)
    assert not w.contact_actions.add_labels.isVisible()


def test_right_click_offers_the_bulk_actions_export_and_delete(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    w.table.selectRow(0)
    rect = w.table.visualRect(w.model.index(0, 0))
    w.selection_commands._context_menu(rect.center())
    texts = [a.text() for a in w.selection_commands.last_menu.actions() if a.text()]
    assert texts == ["Edit contact…", "Add labels…", "Remove labels…", "Set custom attribute…",
                     "Set subscription status…", "Merge…", "Export selected…", "Delete"]
    w.selection_commands.last_menu.close()
    menus = [a.text() for a in w.menuBar().actions()]
    assert "&Contacts" in menus


def test_export_from_the_window_offers_the_filtered_list_with_its_count(
        window_factory, demo_db, qtbot, monkeypatch, tmp_path):
    from hubdesk.ui.dialogs.export_dialog import ExportDialog

    w = window_factory(demo_db)
    with demo_db.read_session() as s:
        where = resolve(s, parse("label:vip"))
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.apply_filter(where)
    shown = w.model.rowCount()
    seen = {}

    def exec_(dialog: ExportDialog) -> int:
        seen["current"] = dialog.scope_current.isChecked()
        seen["button"] = dialog.export_button.text()
        seen["all"] = dialog.scope_all.text()
        return 0

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    w.selection_commands.export_action.trigger()
    assert seen == {"current": True, "button": f"Yes, export {shown:,} contacts",
                    "all": f"All contacts ({live(demo_db):,})"}
