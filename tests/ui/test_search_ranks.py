"""The window keeps every contact's place in name order for the next keystrokes' first pages:
built in the background after a search, retired by any change, and the list shows exactly
what SQL would."""

from __future__ import annotations

from hubdesk.core import sort_ranks
from hubdesk.core.query import ContactQuery, search_ids


def search(window, qtbot, text: str) -> None:
    with qtbot.waitSignal(window.listUpdated, timeout=10_000):
        window.search.setText(text)
    window.jobs.wait()  # the ranks are built by a job after the search's own


def shown_ids(window) -> list[int]:
    return [window.model.id_at(r) for r in range(window.model.rowCount())]


def test_a_search_builds_the_ranks_and_the_next_one_uses_them(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    assert sort_ranks.current(demo_db) is None
    search(w, qtbot, "a")
    ranks = sort_ranks.current(demo_db)
    assert ranks is not None and len(ranks.order) == 300
    search(w, qtbot, "田")
    with demo_db.read_session() as s:
        assert shown_ids(w) == search_ids(s, ContactQuery("田"))
    assert sort_ranks.current(demo_db) is ranks  # still the same data: not rebuilt


def test_an_edit_retires_them_and_the_list_stays_right(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    search(w, qtbot, "a")
    before = sort_ranks.current(demo_db)
    first = w.model.id_at(0)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):  # the list after the delete
        w.store.trash([first])
    assert before is not None and not before.still_current()
    w.jobs.wait()  # the list's search for "a" again built them anew
    now = sort_ranks.current(demo_db)
    assert now is not before and now.rank[first] == sort_ranks.NOT_LIVE
    search(w, qtbot, "an")
    with demo_db.read_session() as s:
        assert shown_ids(w) == search_ids(s, ContactQuery("an"))
    assert first not in shown_ids(w)
