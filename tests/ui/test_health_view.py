"""View → Health: figures computed off the UI thread, Show narrows the list to exactly the
counted contacts, Fix… previews and applies one undoable change, charts answer hover and
click."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from sqlalchemy import text, update

from hubdesk.core import health
from hubdesk.core.filters import parse, resolve
from hubdesk.core.models import Contact
from hubdesk.core.query import ContactQuery, count
from hubdesk.ui.health import view as view_module
from hubdesk.ui.health.changes_model import ChangesModel
from hubdesk.ui.health.fix_dialog import FixDialog

WAIT = 20_000


@pytest.fixture
def messy_db(demo_db):
    with demo_db.session() as s:
        s.execute(update(Contact).where(Contact.id % 5 == 0).values(timezone=None))
        s.execute(update(Contact).where(Contact.id % 23 == 0).values(
            deleted_at=datetime(2026, 1, 1)))
    return demo_db


def filter_count(db, where: str) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery(where=resolve(s, parse(where))))


def core_counts(db) -> dict[str, int]:
    with db.read_session() as s:
        return health.health_counts(s)


def open_health(w, qtbot):
    with qtbot.waitSignal(w.health_dock.toggleViewAction().toggled, timeout=WAIT):
        w.health_dock.toggleViewAction().trigger()
    view = w.health_dock.view
    qtbot.waitUntil(lambda: view.figures is not None, timeout=WAIT)
    return view


def test_the_view_fills_off_the_ui_thread_with_the_cores_counts(window_factory, messy_db,
                                                               qtbot, monkeypatch):
    threads = []
    real = view_module.health_figures

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(view_module, "health_figures", spy)
    w = window_factory(messy_db)
    assert w.health_dock.view is None  # nothing loaded or counted until asked for
    view = open_health(w, qtbot)
    assert threads and threads[0] is not threading.main_thread()
    expected = core_counts(messy_db)
    assert view.figures.counts == expected
    assert view.rows.texts["no_timezone"].text() == \
        f"Contacts with no time zone: {expected['no_timezone']:,}"
    qtbot.waitUntil(lambda: view.duplicates is not None, timeout=WAIT)  # small: scanned
    with messy_db.read_session() as s:
        assert view.duplicates == health.duplicate_count(s)


@pytest.mark.parametrize("key", ["no_timezone", "invalid_phone", "no_labels"])
def test_show_lists_exactly_the_counted_contacts(window_factory, messy_db, qtbot, key):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    w.search.setText("a")  # a search would narrow the list further: Show clears it
    expected = view.figures.counts[key]
    assert expected
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        view.rows.show_buttons[key].click()
    qtbot.waitUntil(lambda: w.model.rowCount() == expected and not w.search.text(),
                    timeout=WAIT)
    assert w.query.where is not None and w.query.text == ""
    assert w.chips.isVisible()


def test_show_trash_opens_the_whole_trash(window_factory, messy_db, qtbot):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    expected = view.figures.counts["trash"]
    view.rows.show_buttons["no_labels"].click()
    qtbot.waitUntil(lambda: w.query.where is not None, timeout=WAIT)
    view.rows.show_buttons["trash"].click()
    qtbot.waitUntil(lambda: w.query.trash and w.model.rowCount() == expected, timeout=WAIT)
    assert w.query.where is None


def snapshot(db) -> list[tuple]:
    with db.read_session() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT id, timezone, updated_at, problems, sort_name FROM contacts ORDER BY id"))]


def test_fix_previews_applies_as_one_step_and_undoes(window_factory, messy_db, qtbot,
                                                    monkeypatch, qtmodeltester):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    missing = view.figures.counts["no_timezone"]
    seen = {}

    def exec_(dialog: FixDialog) -> int:
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
        qtmodeltester.check(dialog.model)
        seen["changes"] = list(dialog.preview.changes)
        seen["rows"] = dialog.model.rowCount()
        seen["button"] = dialog.apply_button.text()
        assert dialog.apply_button.isEnabled()
        dialog.accept()
        return 1

    monkeypatch.setattr(FixDialog, "exec", exec_)
    before = snapshot(messy_db)
    # The demo's countries with several time zones stay without one.
    ambiguous = filter_count(messy_db, "timezone is-empty and country:US,BR,AU")
    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT) as done:
        view.rows.fix_buttons["no_timezone"].click()
    changes = seen["changes"]
    assert len(changes) == seen["rows"] == missing - ambiguous > 0
    assert seen["button"] == f"Apply {len(changes):,} changes"
    assert done.args[1].changes == changes  # applied exactly what the preview listed
    assert core_counts(messy_db)["no_timezone"] == ambiguous
    qtbot.waitUntil(lambda: view.figures.counts["no_timezone"] == ambiguous, timeout=WAIT)
    assert w.contact_actions.undo.text() == f"Undo Fill in {len(changes):,} time zones"

    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.store.undo_stack.undo()
    assert snapshot(messy_db) == before
    qtbot.waitUntil(lambda: view.figures.counts["no_timezone"] == missing, timeout=WAIT)
    with qtbot.waitSignal(w.store.bulk.done, timeout=WAIT):
        w.store.undo_stack.redo()
    assert core_counts(messy_db)["no_timezone"] == ambiguous


def test_cancel_in_the_preview_changes_nothing(window_factory, messy_db, qtbot, monkeypatch):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    dialogs = []

    def exec_(dialog: FixDialog) -> int:
        dialogs.append(dialog)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
        dialog.reject()
        return 0

    monkeypatch.setattr(FixDialog, "exec", exec_)
    before = snapshot(messy_db)
    view.rows.fix_buttons["invalid_phone"].click()  # demo's bad numbers: none parse
    assert dialogs and not dialogs[0].preview.changes
    assert "stay as they are" in dialogs[0].summary.text()
    assert snapshot(messy_db) == before
    assert not w.store.undo_stack.canUndo()


def test_figures_refresh_after_edits_while_shown_only(window_factory, messy_db, qtbot, answers):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    trashed = view.figures.counts["trash"]
    first = w.model.id_at(0)
    with qtbot.waitSignal(view.figuresShown, timeout=WAIT):
        w.store.trash([first])
    assert view.figures.counts["trash"] == trashed + 1
    w.health_dock.toggleViewAction().trigger()  # hidden: changes only mark it stale
    w.store.restore([first])
    qtbot.wait(1500)
    assert view._job is None and view.figures.counts["trash"] == trashed + 1
    with qtbot.waitSignal(view.figuresShown, timeout=WAIT):
        w.health_dock.toggleViewAction().trigger()
    assert view.figures.counts["trash"] == trashed


def test_review_opens_find_duplicates(window_factory, messy_db, qtbot):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    review = view.rows.fix_buttons["possible_duplicates"]
    # Enabled once the duplicate count has come in (it runs as a job of its own).
    qtbot.waitUntil(lambda: review.isVisible() and review.isEnabled(), timeout=WAIT)
    review.click()
    assert w.duplicates_view is not None and w.duplicates_view.isVisible()
    qtbot.waitUntil(lambda: not w.duplicates_view.is_scanning(), timeout=WAIT)


def test_hidden_while_counting_it_counts_again_when_shown(window_factory, messy_db, qtbot):
    w = window_factory(messy_db)
    action = w.health_dock.toggleViewAction()
    action.trigger()
    action.trigger()  # hidden before the figures came: that count is dropped
    view = w.health_dock.view
    assert view.figures is None
    with qtbot.waitSignal(view.figuresShown, timeout=WAIT):
        action.trigger()
    assert view.figures.counts == core_counts(messy_db)


def test_chart_bars_tell_their_value_and_show_their_contacts(window_factory, messy_db, qtbot):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    chart = view.countries
    bars = view.figures.charts.countries
    assert [i.value for i in chart.items] == [b.count for b in bars]
    rect = chart._hit_rects()[0]
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, rect.center(),
                                             chart.mapToGlobal(rect.center())))
    assert f"{bars[0].count:,}" in QToolTip.text() and "Japan" in QToolTip.text()
    QToolTip.hideText()
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: w.model.rowCount() == bars[0].count, timeout=WAIT)
    assert chart.bar_at(QPoint(-5, -5)) == -1


def test_the_preview_model_passes_the_model_tester(qtmodeltester):
    from hubdesk.core.health_fixes import FieldChange

    model = ChangesModel()
    model.set_changes([FieldChange(1, "phone", "090-1234-5678", "+819012345678"),
                       FieldChange(2, "timezone", "", "Asia/Tokyo")], {1: "山田 太郎"})
    qtmodeltester.check(model)
    assert model.data(model.index(1, 0)) == "#2"
    assert model.data(model.index(1, 2)) == "(empty)"


def test_demo_data_added_from_the_menu_refreshes_the_figures(window_factory, messy_db, qtbot,
                                                             answers):
    w = window_factory(messy_db)
    view = open_health(w, qtbot)
    total = core_counts(messy_db)
    with qtbot.waitSignal(view.figuresShown, timeout=60_000):
        w.add_demo_data()
    assert view.figures.counts == core_counts(messy_db) != total


def test_an_open_health_view_opens_again_with_the_next_window(window_factory, messy_db, qtbot):
    w = window_factory(messy_db)
    open_health(w, qtbot)
    w.close()  # remembers the layout
    again = window_factory(messy_db)
    assert again.health_dock.isVisible()
    qtbot.waitUntil(lambda: again.health_dock.view is not None and
                    again.health_dock.view.figures is not None, timeout=WAIT)
    again.health_dock.toggleViewAction().trigger()
    again.close()
    third = window_factory(messy_db)
    assert not third.health_dock.isVisible() and third.health_dock.view is None
