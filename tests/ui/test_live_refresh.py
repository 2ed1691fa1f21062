"""Live refresh: what another HubDesk (a second Database on the same data) changes shows up in
this window by itself, and the list stays where the user was."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from hubdesk.core import contacts
from hubdesk.core.db import open_database
from hubdesk.core.query import ContactQuery, all_ids
from hubdesk.core.segments import save_segment
from hubdesk.ui.filters.segments_model import COUNT_ROLE
from tests.conftest import POSTGRES_ENV

POLL_MS = 50  # the app looks every 2 s; tests do not wait that long
WAIT_MS = 10_000
LEFT = Qt.MouseButton.LeftButton


# Both dialects when a PostgreSQL server is given: there the change arrives by NOTIFY.
@pytest.fixture(params=["sqlite", "postgresql"] if os.environ.get(POSTGRES_ENV) else ["sqlite"])
def db_url(request, tmp_path) -> str:
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'contacts.db'}"


@pytest.fixture
def elsewhere(demo_db):
    """Another HubDesk on the same database."""
    other = open_database(demo_db.url)
    yield other
    other.dispose()


def _watching(qtbot, w) -> None:
    """Short polls, and the first look (which only starts watching) done."""
    w.live_refresh.timer.setInterval(POLL_MS)
    qtbot.waitUntil(lambda: w.live_refresh._token is not None, timeout=WAIT_MS)


def _select(w, rows: list[int], current: int) -> None:
    model, selection_model = w.model, w.table.selectionModel()
    selection_model.setCurrentIndex(model.index(current, 0),
                                    QItemSelectionModel.SelectionFlag.NoUpdate)
    selection = QItemSelection()
    for row in rows:
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _top_id(w) -> int | None:
    return w.model.id_at(w.table.rowAt(0))


def _scroll_to(w, row: int) -> None:
    w.table.scrollTo(w.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)


def _first_sorted_name(db) -> str:
    with db.read_session() as s:
        first = all_ids(s, ContactQuery())[0]
        return contacts.get_contact(s, first)["name"]


@pytest.mark.parametrize("mode", [QAbstractItemView.ScrollMode.ScrollPerItem,
                                  QAbstractItemView.ScrollMode.ScrollPerPixel])
def test_a_contact_added_elsewhere_appears_and_the_list_stays_put(
        window_factory, demo_db, elsewhere, qtbot, mode):
    w = window_factory(demo_db)
    w.table.setVerticalScrollMode(mode)  # by item on most styles, by pixel on macOS
    _watching(qtbot, w)
    _scroll_to(w, 120)
    if mode == QAbstractItemView.ScrollMode.ScrollPerPixel:
        w.table.verticalScrollBar().setValue(w.table.verticalScrollBar().value() + 9)
    offset = w.table.rowViewportPosition(120)
    _select(w, [130, 131, 132, 140], current=131)
    selected, current, top = w.selected_ids(), w.current_id(), _top_id(w)
    assert w.table.rowAt(0) == 120 and len(selected) == 4
    shown = w.profile.contact_id()
    # A name that sorts before everything: every row under it moves down by one.
    with elsewhere.session() as s:
        new_id = contacts.create_contact(s, {"first_name": "!" + _first_sorted_name(demo_db)})
    qtbot.waitUntil(lambda: w.model.row_of(new_id) is not None, timeout=WAIT_MS)
    assert w.model.row_of(new_id) == 0
    assert w.selected_ids() == selected
    assert w.current_id() == current
    assert _top_id(w) == top and w.table.rowAt(0) == 121
    assert w.table.rowViewportPosition(121) == offset  # not even a few pixels off
    assert w.count_label.text() == "301 contacts"
    assert w.profile.contact_id() == shown == current


def test_a_selected_contact_deleted_elsewhere_leaves_the_rest_selected(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    _select(w, [3, 4, 5], current=5)
    gone, kept = w.model.id_at(4), [w.model.id_at(3), w.model.id_at(5)]
    with elsewhere.session() as s:
        contacts.trash_contacts(s, [gone])
    qtbot.waitUntil(lambda: w.model.row_of(gone) is None, timeout=WAIT_MS)
    assert sorted(w.selected_ids()) == sorted(kept)
    assert w.current_id() == kept[1]
    assert w.count_label.text() == "299 contacts"


def test_an_edit_elsewhere_updates_the_row_and_the_open_profile(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    _select(w, [7], current=7)
    cid = w.current_id()
    assert w.profile.contact_id() == cid
    with elsewhere.session() as s:
        contacts.update_contact(s, cid, {"company": "Elsewhere Ltd", "job_title": "Buyer"})
    qtbot.waitUntil(lambda: "Elsewhere Ltd" in w.profile.header.work_label.text(),
                    timeout=WAIT_MS)
    row = w.model.row_of(cid)
    assert w.model.data(w.model.index(row, 4)) == "Elsewhere Ltd"
    assert w.selected_ids() == [cid]
    assert w.profile.reload_bar.isHidden()


def test_while_editing_in_the_profile_a_change_elsewhere_offers_reload(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    _select(w, [2], current=2)
    cid = w.current_id()
    key, row = next(iter(w.profile.attributes_tab.rows.items()))
    row.start_editing()
    work_before = w.profile.header.work_label.text()
    with qtbot.waitSignal(w.live_refresh.refreshed, timeout=WAIT_MS), \
            elsewhere.session() as s:
        contacts.update_contact(s, cid, {"company": "Changed Elsewhere"})
    bar = w.profile.reload_bar
    assert bar.isVisibleTo(w.profile)
    assert bar.message.text() == "This contact was changed by someone else."
    assert w.profile.attributes_tab.rows[key] is row and row.is_editing()  # not thrown away
    assert w.profile.header.work_label.text() == work_before
    qtbot.mouseClick(bar.reload_button, LEFT)
    assert bar.isHidden()
    assert "Changed Elsewhere" in w.profile.header.work_label.text()
    assert not w.profile.is_editing()


def test_our_own_edits_never_claim_someone_else_changed_the_contact(
        window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    _select(w, [2], current=2)
    other = w.model.id_at(9)
    _, row = next(iter(w.profile.attributes_tab.rows.items()))
    row.start_editing()
    # Our write moves the change counter like anyone's; the check after it sees that the
    # contact in the profile is as shown.
    with qtbot.waitSignal(w.live_refresh.refreshed, timeout=WAIT_MS):
        w.store.set_field(other, "company", "Our Own Edit")
    assert w.profile.reload_bar.isHidden()
    assert row.is_editing()
    assert w.model.data(w.model.index(9, 4)) == "Our Own Edit"


def test_a_check_never_starts_while_the_previous_one_runs(
        window_factory, demo_db, monkeypatch, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    real = w.db.changes_since
    release, calls = threading.Event(), []

    def stalled(token):  # a server that does not answer
        calls.append(token)
        release.wait(WAIT_MS / 1000)
        return real(token)

    monkeypatch.setattr(w.db, "changes_since", stalled)
    started = w.live_refresh.checks
    qtbot.waitUntil(lambda: bool(calls), timeout=WAIT_MS)
    qtbot.wait(10 * POLL_MS)  # ten ticks while the check hangs
    assert len(calls) == 1
    assert w.live_refresh.checks == started + 1
    with qtbot.waitSignal(w.live_refresh.checked, timeout=WAIT_MS):
        release.set()
    qtbot.waitUntil(lambda: len(calls) > 1, timeout=WAIT_MS)  # and then it goes on


@pytest.mark.parametrize(("away", "back"), [("hide", "show"), ("showMinimized", "showNormal")])
def test_no_checks_while_the_window_is_hidden_and_a_catch_up_when_shown(
        window_factory, demo_db, elsewhere, qtbot, away, back):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    getattr(w, away)()
    qtbot.waitUntil(lambda: not w.live_refresh.timer.isActive(), timeout=WAIT_MS)
    checks = w.live_refresh.checks
    with elsewhere.session() as s:
        new_id = contacts.create_contact(s, {"first_name": "Hidden", "last_name": "Change"})
    qtbot.wait(10 * POLL_MS)
    assert w.live_refresh.checks == checks
    assert w.model.row_of(new_id) is None
    getattr(w, back)()
    qtbot.waitUntil(lambda: w.model.row_of(new_id) is not None, timeout=WAIT_MS)


def test_no_checks_while_our_own_background_write_runs(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    w.store._set_busy(True)  # as while a bulk change or an import's undo runs
    checks = w.live_refresh.checks
    with elsewhere.session() as s:
        new_id = contacts.create_contact(s, {"first_name": "Busy", "last_name": "Meanwhile"})
    qtbot.wait(10 * POLL_MS)
    assert w.live_refresh.checks == checks
    w.store._set_busy(False)
    qtbot.waitUntil(lambda: w.model.row_of(new_id) is not None, timeout=WAIT_MS)


def test_segment_counts_follow_a_change_elsewhere(window_factory, demo_db, elsewhere, qtbot):
    with demo_db.session() as s:
        save_segment(s, "VIP", "label:vip")
    w = window_factory(demo_db)
    with qtbot.waitSignal(w.segments.countsUpdated, timeout=WAIT_MS):
        w.segments.refresh()
    _watching(qtbot, w)
    before = _segment_count(w)
    with elsewhere.session() as s:
        contacts.create_contact(s, {"first_name": "Very", "last_name": "Important"},
                                labels=["vip"])
    qtbot.waitUntil(lambda: _segment_count(w) == f"{int(before.replace(',', '')) + 1:,}",
                    timeout=WAIT_MS)


def _segment_count(w) -> str:
    model = w.segments.model
    return model.data(model.index(model.row_of("VIP")), COUNT_ROLE)


def test_the_health_view_counts_again_after_a_change_elsewhere(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    with qtbot.waitSignal(w.health_dock.toggleViewAction().toggled, timeout=WAIT_MS):
        w.health_dock.toggleViewAction().trigger()
    view = w.health_dock.view
    qtbot.waitUntil(lambda: view.figures is not None, timeout=WAIT_MS)
    assert view.figures.counts["contacts"] == 300
    _watching(qtbot, w)
    with elsewhere.session() as s:
        contacts.create_contact(s, {"first_name": "Counted", "last_name": "Later"})
    qtbot.waitUntil(lambda: view.figures.counts["contacts"] == 301, timeout=WAIT_MS)


def test_the_current_contact_deleted_elsewhere_hands_over_to_the_next_one(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    _select(w, [6], current=6)
    gone, successor = w.model.id_at(6), w.model.id_at(7)
    with elsewhere.session() as s:
        contacts.trash_contacts(s, [gone])
    qtbot.waitUntil(lambda: w.model.row_of(gone) is None, timeout=WAIT_MS)
    assert w.current_id() == successor  # the same row, as after a delete of one's own
    assert w.profile.contact_id() == successor


def test_the_contact_being_edited_deleted_elsewhere_is_not_swapped_for_another(
        window_factory, demo_db, elsewhere, qtbot):
    w = window_factory(demo_db)
    _watching(qtbot, w)
    _select(w, [6], current=6)
    gone = w.model.id_at(6)
    _, row = next(iter(w.profile.attributes_tab.rows.items()))
    row.start_editing()
    with qtbot.waitSignal(w.live_refresh.refreshed, timeout=WAIT_MS), \
            elsewhere.session() as s:
        contacts.trash_contacts(s, [gone])
    assert w.model.row_of(gone) is None
    assert w.profile.contact_id() == gone and row.is_editing()
    assert w.profile.reload_bar.isVisibleTo(w.profile)
    qtbot.mouseClick(w.profile.reload_bar.reload_button, LEFT)
    assert w.profile.empty.title.text() == "Contact not found"
