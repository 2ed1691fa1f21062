"""Tools → Find duplicates as a user drives it: the scan runs in the background with progress
and finds a planted pair among the demo contacts; "Not duplicates" removes a group for good;
Merge… merges a group and it disappears; Cancel stops the scan; a double-clicked contact is
selected in the main window."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from hubdesk.core import duplicates
from hubdesk.core.query import ContactQuery, count, search_ids
from hubdesk.ui import duplicates_view
from hubdesk.ui.dialogs.merge_dialog import MergeDialog
from hubdesk.ui.duplicates_model import DuplicatesModel, Group, Person
from hubdesk.ui.duplicates_view import DuplicatesView
from hubdesk.ui.jobs import JobRunner

WAIT = 20_000


@pytest.fixture
def runner(qtbot):
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    jobs.wait()


@pytest.fixture
def planted(demo_db, store):
    """The same person twice: half-width kana and full-width company against full-width kana
    and a plain company."""
    a = store.create_contact({"first_name": "ﾀﾛｳ", "last_name": "ﾔﾏﾀﾞ", "company": "ＡＢＣ商事",
                              "email": "taro@abc-shoji.co.jp"})
    b = store.create_contact({"first_name": "タロウ", "last_name": "ヤマダ", "company": "ABC商事",
                              "phone": "090-1111-2222"})
    store.undo_stack.clear()
    return a, b


def open_view(qtbot, store, runner) -> DuplicatesView:
    view = DuplicatesView(store, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.scanFinished, timeout=WAIT):
        view.show()  # opening it scans
        # The window is up and usable while the scan runs on a worker.
        assert view.is_scanning() and view.progress.isVisibleTo(view)
        assert view.cancel_button.isVisibleTo(view) and not view.merge_button.isEnabled()
    return view


def group_of(view: DuplicatesView, ids) -> Group | None:
    return next((g for g in view.model.groups() if set(g.ids) == set(ids)), None)


def live(store) -> list[int]:
    return store.read(lambda s: search_ids(s, ContactQuery()))


def test_the_scan_finds_the_planted_pair_in_the_background(qtbot, store, runner, planted,
                                                           qtmodeltester):
    view = open_view(qtbot, store, runner)
    total = store.read(lambda s: count(s, ContactQuery()))
    assert view.progress.maximum() == total  # progress counted every contact
    assert not view.progress.isVisibleTo(view) and not view.is_scanning()
    group = group_of(view, planted)
    assert group is not None and group.reason == "same name and company"
    row = view.model.group_index(group.key)
    assert row.data().startswith("85%  ·  same name and company  ·  ")
    names = [view.model.index(r, 0, row).data() for r in range(view.model.rowCount(row))]
    assert names == ["ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"]
    assert view.tree.isFirstColumnSpanned(row.row(), row.parent())
    n = view.model.rowCount()
    assert view.status.text() == f"{n} groups of possible duplicates."
    assert view.merge_button.isEnabled()  # the first group is current
    qtmodeltester.check(view.model)


def test_not_duplicates_is_remembered(qtbot, store, runner, planted):
    view = open_view(qtbot, store, runner)
    before = view.model.rowCount()
    view.select_group(group_of(view, planted).key)
    view.not_duplicates()
    assert group_of(view, planted) is None and view.model.rowCount() == before - 1
    assert view.current_group() is not None  # the next group is ready for the keyboard
    with qtbot.waitSignal(view.scanFinished, timeout=WAIT):
        view.rescan_button.click()
    assert group_of(view, planted) is None and view.model.rowCount() == before - 1
    assert store.read(lambda s: duplicates.duplicates_of(s, planted[0])) == []


def test_merge_from_the_view_merges_and_the_group_disappears(qtbot, store, runner, planted,
                                                             monkeypatch):
    shown = []

    def exec_(dialog: MergeDialog) -> int:
        shown.append(sorted(dialog.order))
        dialog.merge()
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", exec_)
    view = open_view(qtbot, store, runner)
    before = view.model.rowCount()
    view.select_group(group_of(view, planted).key)
    view.merge_button.click()
    assert shown == [sorted(planted)]
    assert group_of(view, planted) is None and view.model.rowCount() == before - 1
    alive = set(live(store))
    assert len(alive & set(planted)) == 1
    assert "changed since the scan" not in view.status.text()  # our own merge is no news

    store.undo_stack.undo()  # Edit → Undo: both are back, and the list may be stale
    assert set(planted) <= set(live(store))
    assert "changed since the scan" in view.status.text()


def test_cancel_stops_the_scan(qtbot, store, runner, planted, monkeypatch):
    release = threading.Event()
    ended = []
    real = duplicates.find_duplicates

    def slow(session, *, progress=None, cancelled=None):
        release.wait(10)  # until the user has pressed Cancel
        try:
            return real(session, progress=progress, cancelled=cancelled)
        except duplicates.ScanCancelled as exc:
            ended.append(exc)
            raise

    monkeypatch.setattr(duplicates_view.duplicates, "find_duplicates", slow)
    view = DuplicatesView(store, runner)
    qtbot.addWidget(view)
    view.show()
    assert view.is_scanning()
    view.cancel_button.click()
    release.set()
    runner.wait()
    qtbot.wait(50)  # anything the cancelled job still sends arrives (and is dropped)
    assert len(ended) == 1  # the scan itself stopped
    assert not view.is_scanning() and not view.progress.isVisibleTo(view)
    assert view.status.text() == "Scan cancelled. Rescan to look again."
    assert view.model.rowCount() == 0 and view.rescan_button.isEnabled()


def test_tools_menu_opens_one_view_and_a_double_click_selects_the_contact(
        window_factory, demo_db, planted, qtbot):
    w = window_factory(demo_db)
    tools = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Tools")
    assert [a.text() for a in tools.actions()] == ["Find duplicates…"]
    assert w.duplicates_action.shortcut() == QKeySequence("Ctrl+Shift+D")
    w.duplicates_action.trigger()
    view = w.duplicates_view
    qtbot.waitUntil(lambda: not view.is_scanning(), timeout=WAIT)
    w.duplicates_action.trigger()
    assert w.duplicates_view is view and not view.isModal()
    group = group_of(view, planted)
    contact = view.model.index(1, 0, view.model.group_index(group.key))
    view.tree.doubleClicked.emit(contact)
    assert w.current_id() == group.people[1].id
    view.close()


def test_the_model_follows_merges_of_overlapping_groups(qtmodeltester):
    model = DuplicatesModel()
    people = {i: Person(i, f"P{i}") for i in range(1, 6)}
    model.set_groups([Group([people[1], people[2]], "same email a", 0.95),
                      Group([people[2], people[3]], "same phone b", 0.9),
                      Group([people[4], people[5]], "same name and company", 0.85)])
    qtmodeltester.check(model)
    first = model.groups()[0]
    model.remove_group(first.key)
    model.contacts_gone({2}, Person(1, "P1 merged"))  # 2 went into 1
    assert [[p.name for p in g.people] for g in model.groups()] == [
        ["P3", "P1 merged"], ["P4", "P5"]]
    model.contacts_gone({5}, people[4])
    assert [g.ids for g in model.groups()] == [[3, 1]]
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p") and "same phone b" in tip
    qtmodeltester.check(model)
