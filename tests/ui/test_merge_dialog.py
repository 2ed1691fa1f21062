"""The merge dialog as a user drives it: the plan's defaults preselected, picking values and
the contact to keep, one contact left with the picked values, Edit → Undo bringing every
contact back as it was, and refusals shown in the dialog."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton

from hubdesk.core.query import ContactQuery, search_ids
from hubdesk.ui.dialogs.merge_dialog import MergeDialog


@pytest.fixture
def pair(store, db):
    from hubdesk.core.contacts import create_contact

    with db.session() as s:
        old = create_contact(s, {"first_name": "太郎", "last_name": "山田",
                                 "email": "taro@example.jp", "phone": "090-1234-5678",
                                 "company": "旧社"}, labels=["VIP"], region="JP",
                             now=datetime(2020, 1, 1))
    new = store.create_contact({"first_name": "Taro", "last_name": "Yamada",
                                "email": "t.yamada@corp.jp", "company": "新社 & Co"})
    store.add_note(new, "met at the fair")
    store.undo_stack.clear()
    return old, new


def make(qtbot, store, ids, keep_id=None) -> MergeDialog:
    dialog = MergeDialog(store, ids, keep_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def live(store) -> list[int]:
    return store.read(lambda s: search_ids(s, ContactQuery()))


def test_the_plans_choices_are_preselected(qtbot, store, pair):
    old, new = pair
    dialog = make(qtbot, store, [old, new])
    plan = store.merge_plan([old, new])
    assert dialog.chosen() == {c.key: c.chosen for c in plan.choices}
    assert dialog.chosen()["company"] == new and dialog.chosen()["phone"] == old
    assert dialog.keep_id == new  # the most recently updated contact by default
    assert dialog.keep_group.button(new).isChecked()
    # The newer contact has no phone: its cell cannot be picked.
    empty = dialog._groups["phone"].button(new)
    assert not empty.isEnabled() and empty.text() == "(empty)"
    # "&" in a value is shown, not turned into a keyboard shortcut.
    assert dialog._groups["company"].button(new).text() == "新社 && Co"
    assert dialog.merge_button.text() == "Merge 2 contacts"
    assert "notes (1)" in dialog.summary.text() and "all 2 contacts" in dialog.summary.text()
    with pytest.raises(ValueError):
        dialog.choose("phone", new)


def test_merging_keeps_the_chosen_values_and_undo_brings_both_back(qtbot, store, pair):
    old, new = pair
    before = {cid: store.contact(cid) for cid in pair}
    dialog = make(qtbot, store, [old, new])
    dialog.choose("company", old)
    dialog.choose("name", old)
    dialog.merge()
    assert dialog.result() == MergeDialog.DialogCode.Accepted and dialog.kept_id == new
    assert live(store) == [new]
    kept = store.contact(new)
    assert kept["company"] == "旧社" and kept["first_name"] == "太郎"
    assert kept["email"] == "t.yamada@corp.jp"  # not chosen otherwise: the default
    assert kept["phone"] == "+819012345678"
    assert [e["email"] for e in kept["emails"]] == ["taro@example.jp"]
    assert {lb["name"] for lb in kept["labels"]} == {"VIP"}
    merged = next(n["body"] for n in kept["notes"] if n["body"].startswith("Merged from"))
    assert "新社 & Co" in merged  # the company not chosen is noted, not dropped

    store.undo_stack.undo()
    assert sorted(live(store)) == sorted(pair)
    for cid in pair:
        after = store.contact(cid)
        assert after == before[cid]


def test_switching_the_kept_contact_keeps_the_picks(qtbot, store, pair):
    old, new = pair
    dialog = make(qtbot, store, [old, new])
    order = list(dialog.order)
    dialog.choose("company", old)
    dialog.set_keep(old)
    assert dialog.keep_id == old and dialog.order == order  # the columns stay put
    assert dialog.chosen()["company"] == old and dialog.chosen()["email"] == new
    dialog.merge()
    assert live(store) == [old]
    kept = store.contact(old)
    assert kept["company"] == "旧社" and kept["email"] == "t.yamada@corp.jp"
    assert kept["created_at"].startswith("2020-01-01")


def test_merging_a_contact_with_itself_is_refused_in_place(qtbot, store, pair):
    old, _new = pair
    dialog = make(qtbot, store, [old, old])
    assert dialog.message.isVisible() and "itself" in dialog.message.text()
    assert not dialog.merge_button.isEnabled()
    dialog.merge()  # nothing happens
    assert dialog.result() != MergeDialog.DialogCode.Accepted


def test_a_contact_trashed_meanwhile_is_refused_in_place(qtbot, store, pair):
    old, new = pair
    dialog = make(qtbot, store, [old, new])
    store.trash([old])
    dialog.merge()
    assert dialog.isVisible() and "Trash" in dialog.message.text()
    assert sorted(live(store)) == [new]
    assert not store.contact(new)["notes"][0]["body"].startswith("Merged")


def test_keeping_a_contact_that_cannot_be_merged_any_more_is_refused(qtbot, store, pair):
    old, new = pair
    dialog = make(qtbot, store, [old, new])
    store.trash([old])
    dialog.set_keep(old)
    assert "Trash" in dialog.message.text()
    assert dialog.keep_id == new and dialog.keep_group.button(new).isChecked()


def test_values_and_names_are_plain_text_and_long_ones_elide(qtbot, store):
    a = store.create_contact({"first_name": "<b>Bold</b>", "last_name": "Tag",
                              "job_title": "x" * 250})
    b = store.create_contact({"first_name": "<b>Bold</b>", "last_name": "Tag",
                              "job_title": "short"})
    dialog = make(qtbot, store, [a, b])
    names = [w for w in dialog.findChildren(QLabel) if "<b>" in w.text()]
    assert names and all(w.textFormat() == Qt.TextFormat.PlainText for w in names)
    long = dialog._groups["job_title"].button(a)
    assert long.text().endswith("…") and len(long.text()) < 250
    assert "x" * 250 in long.toolTip() and long.toolTip().startswith("<p")
    buttons = [w for w in dialog.findChildren(QRadioButton) if "<b>Bold</b>" in w.text()]
    assert buttons  # shown literally; a radio button never interprets markup


def test_merge_from_a_selection_of_the_list(window_factory, demo_db, qtbot, monkeypatch):
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    def exec_(dialog: MergeDialog) -> int:
        dialog.merge()
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", exec_)
    w = window_factory(demo_db)
    action = w.selection_commands.merge_action
    assert action in w.selection_commands.menu.actions()
    w.table.selectRow(0)
    assert not action.isEnabled()  # one contact: nothing to merge it with
    model, selection = w.model, w.table.selectionModel()
    two = QItemSelection(model.index(0, 0), model.index(1, 0))
    selection.select(two, QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    ids = w.selected_ids()
    assert len(ids) == 2 and action.isEnabled()
    total = len(live(w.store))
    with qtbot.waitSignal(w.listUpdated, timeout=20_000):
        action.trigger()
    kept = w.selection_commands.merge_dialog.kept_id
    assert kept in ids and len(live(w.store)) == total - 1
    assert w.current_id() == kept  # the merged contact stays selected

    many = QItemSelection(model.index(0, 0), model.index(20, 0))
    selection.select(many, QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    assert action.isEnabled()
    action.trigger()
    assert w.statusBar().currentMessage() == (
        "Merge at most 20 contacts at a time (21 are selected).")
    assert len(live(w.store)) == total - 1
