"""The segments sidebar: save, apply, rename, update, delete; live counts that agree with the
core's count(), computed in one background job."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from hubdesk.core import attributes
from hubdesk.core.query import ContactQuery, count
from hubdesk.core.segments import list_segments, save_segment
from hubdesk.ui.filters import segments_panel
from hubdesk.ui.filters.segments_model import COUNT_ROLE, SegmentsModel
from tests.ui.test_filter_builder import apply, choose, core_ids, listed, open_builder, resolved


def counts_of(window) -> dict[str, str]:
    model = window.segments.model
    return {model.segment(r).name: model.data(model.index(r), COUNT_ROLE)
            for r in range(model.rowCount())}


def core_count(db, text: str) -> str:
    with db.read_session() as s:
        return f"{count(s, ContactQuery(where=resolved(db, text))):,}"


def saved(db) -> dict[str, str]:
    with db.read_session() as s:
        return {i.name: i.where for i in list_segments(s)}


def with_segments(db, **segments: str):
    with db.session() as s:
        for name, where in segments.items():
            save_segment(s, name, where)
    return db


def opened(window_factory, qtbot, db):
    """A window whose segment counts have arrived."""
    w = window_factory(db)
    with qtbot.waitSignal(w.segments.countsUpdated, timeout=10_000):
        w.segments.refresh()
    return w


def test_model_passes_the_model_tester(qtmodeltester):
    model = SegmentsModel()
    model.set_segments([("VIP", "label:vip"), ("<b>Big</b>", "account_size>100")])
    model.set_counts({"VIP": (12, ""), "<b>Big</b>": (None, "unknown field 'account_size'")})
    qtmodeltester.check(model)
    assert model.data(model.index(0), COUNT_ROLE) == "12"
    assert model.data(model.index(1), COUNT_ROLE) == "!"
    assert "&lt;b&gt;" not in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    model.set_segments([])
    qtmodeltester.check(model)


def test_saving_the_filter_lists_the_segment_with_its_count(
    window_factory, demo_db, qtbot, monkeypatch
):
    w = window_factory(demo_db)
    assert w.segments_dock.isHidden()  # nothing to show yet
    assert w.segments.empty.isVisibleTo(w.segments)
    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "label", "has_any", "vip")
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, builder.rows()[1], "attr:account_size", "gt", 100)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Big VIPs", True))
    with qtbot.waitSignal(w.segments.countsUpdated, timeout=10_000):
        qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    assert saved(demo_db) == {"Big VIPs": "label:vip and account_size>100"}
    assert not w.segments_dock.isHidden()
    assert counts_of(w) == {"Big VIPs": core_count(demo_db, "label:vip and account_size>100")}
    assert w.segments.current_name() == "Big VIPs"
    assert w.query.where == resolved(demo_db, "label:vip and account_size>100")


def test_saving_under_an_existing_name_asks_first(window_factory, demo_db, qtbot, answers):
    with_segments(demo_db, VIP="label:vip")
    w = opened(window_factory, qtbot, demo_db)
    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "label", "has_any", "lead")
    asked, replies = answers
    replies.append(QMessageBox.StandardButton.No)
    builder.save_as("vip")
    assert "VIP" in asked[0]
    assert saved(demo_db) == {"VIP": "label:vip"}
    builder.save_as("vip")  # Yes this time
    assert saved(demo_db) == {"vip": "label:lead"}


def test_a_bad_name_is_shown_in_the_builder(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "label", "has_any", "vip")
    builder.save_as("line\tbreak")
    assert builder.message.isVisible()
    assert "cannot contain" in builder.message.text()
    assert saved(demo_db) == {}


def test_clicking_a_segment_applies_it(window_factory, demo_db, qtbot):
    with_segments(demo_db, Leads="label:lead and plan:free,pro", VIP="label:vip")
    w = opened(window_factory, qtbot, demo_db)
    assert not w.segments_dock.isHidden()
    assert counts_of(w) == {"Leads": core_count(demo_db, "label:lead and plan:free,pro"),
                            "VIP": core_count(demo_db, "label:vip")}
    view = w.segments.view
    rect = view.visualRect(w.segments.model.index(0))
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert listed(w) == core_ids(demo_db, "label:lead and plan:free,pro")
    assert w.chips.texts() == ["label:lead  ×", "plan:free,pro  ×"]
    builder = w.filter_builder
    assert [(r.condition().field, r.value.values()) for r in builder.rows()] == [
        ("label", ("lead",)), ("attr:plan", ("free", "pro"))]


def test_rename_update_and_delete(window_factory, demo_db, qtbot, answers, monkeypatch):
    with_segments(demo_db, VIP="label:vip", Leads="label:lead")
    w = opened(window_factory, qtbot, demo_db)
    panel = w.segments
    with qtbot.waitSignal(panel.countsUpdated, timeout=10_000):
        assert panel.rename("VIP", "Very important")
    assert set(saved(demo_db)) == {"Leads", "Very important"}
    assert panel.current_name() == "Very important"

    assert not panel.rename("Leads", "very IMPORTANT")  # names are case-insensitive
    assert "already exists" in panel.message.text() and panel.message.isVisible()

    panel.select("Leads")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Prospects", True))
    with qtbot.waitSignal(panel.countsUpdated, timeout=10_000):
        qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    assert set(saved(demo_db)) == {"Prospects", "Very important"}

    builder = open_builder(w)
    choose(qtbot, builder.rows()[0], "attr:plan", "any_of", "enterprise")
    apply(qtbot, w)
    panel.select("Prospects")
    with qtbot.waitSignal(panel.countsUpdated, timeout=10_000):
        qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    assert saved(demo_db)["Prospects"] == "plan:enterprise"
    assert counts_of(w)["Prospects"] == core_count(demo_db, "plan:enterprise")

    asked, replies = answers
    replies.append(QMessageBox.StandardButton.No)
    panel.select("Prospects")
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "Prospects" in asked[-1] and "Prospects" in saved(demo_db)
    with qtbot.waitSignal(panel.countsUpdated, timeout=10_000):
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert set(saved(demo_db)) == {"Very important"}
    assert panel.model.names() == ["Very important"]


def test_update_without_a_filter_says_so(window_factory, demo_db, qtbot):
    with_segments(demo_db, VIP="label:vip")
    w = opened(window_factory, qtbot, demo_db)
    assert not w.segments.update("VIP")
    assert "No filter is applied" in w.segments.message.text()
    assert saved(demo_db) == {"VIP": "label:vip"}


def test_a_segment_that_no_longer_resolves_shows_why(window_factory, demo_db, qtbot):
    with_segments(demo_db, Big="account_size>100", VIP="label:vip")
    w = opened(window_factory, qtbot, demo_db)
    with demo_db.session() as s:
        definition = next(a for a in attributes.list_attributes(s) if a.key == "account_size")
        attributes.delete_attribute(s, definition.id)
    with qtbot.waitSignal(w.segments.countsUpdated, timeout=10_000):
        w.store.attributesChanged.emit()  # counts follow after a short pause
    assert counts_of(w) == {"Big": "!", "VIP": core_count(demo_db, "label:vip")}
    model = w.segments.model
    assert "account_size" in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    with qtbot.assertNotEmitted(w.segments.segmentChosen):
        assert not w.segments.apply("Big")
    assert "account_size" in w.segments.message.text()
    assert w.query.where is None


def test_counts_are_one_background_job_and_a_newer_refresh_wins(
    window_factory, demo_db, qtbot, monkeypatch
):
    with_segments(demo_db, VIP="label:vip", Leads="label:lead", Big="account_size>100")
    w = opened(window_factory, qtbot, demo_db)
    threads, started, release = [], threading.Event(), threading.Event()
    real_count = segments_panel.count

    def slow_count(session, query):
        threads.append(threading.get_ident())
        started.set()
        release.wait(5)
        return real_count(session, query)

    monkeypatch.setattr(segments_panel, "count", slow_count)
    names = []
    real_start = w.jobs.start
    monkeypatch.setattr(w.jobs, "start", lambda name, *a: names.append(name) or real_start(
        name, *a))
    delivered = []
    w.segments.countsUpdated.connect(lambda: delivered.append(True))
    w.segments.refresh()
    started.wait(5)
    w.segments.refresh()  # overtakes the first, which is still counting
    release.set()
    qtbot.waitUntil(lambda: bool(delivered), timeout=10_000)
    w.jobs.wait()
    qtbot.wait(50)
    assert names == ["segment counts", "segment counts"]
    assert delivered == [True]  # the cancelled job's numbers never arrive
    assert threading.get_ident() not in threads
    assert counts_of(w) == {n: core_count(demo_db, t) for n, t in
                            (("VIP", "label:vip"), ("Leads", "label:lead"),
                             ("Big", "account_size>100"))}


def test_counts_follow_label_changes(window_factory, demo_db, qtbot):
    with_segments(demo_db, VIP="label:vip")
    w = opened(window_factory, qtbot, demo_db)
    before = counts_of(w)["VIP"]
    outsider = next(cid for cid in listed(w)
                    if cid not in core_ids(demo_db, "label:vip"))
    with qtbot.waitSignal(w.segments.countsUpdated, timeout=10_000):
        w.store.add_label(outsider, "vip")
    assert counts_of(w)["VIP"] == f"{int(before.replace(',', '')) + 1:,}"
