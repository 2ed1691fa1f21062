from __future__ import annotations

from PySide6.QtCore import Qt

from hubdesk.core import contacts
from hubdesk.core.query import ContactQuery, count, search_ids


def _search(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.listUpdated, timeout=10_000):
        window.search.setText(text)  # debounced: the result arrives later, off the UI thread


def test_window_lists_every_contact_with_the_count(window_factory, demo_db):
    w = window_factory(demo_db)
    assert w.model.rowCount() == 300
    assert w.count_label.text() == "300 contacts"
    assert w.stack.currentWidget() is w.table


def test_search_narrows_the_list_and_says_how_many_match(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    _search(qtbot, w, "山田")
    with demo_db.read_session() as s:
        expected = search_ids(s, ContactQuery("山田"))
    assert expected, "demo data should contain 山田"
    assert [w.model.id_at(r) for r in range(w.model.rowCount())] == expected
    assert w.count_label.text() == f"{len(expected)} of 300 match"


def test_no_match_shows_the_query_literally_and_clear_brings_everything_back(
    window_factory, demo_db, qtbot
):
    w = window_factory(demo_db)
    _search(qtbot, w, "<b>zzzq</b>")
    assert w.stack.currentWidget() is w.empty
    assert w.empty.title.text() == "No matches"
    assert "<b>zzzq</b>" in w.empty.message.text()
    assert w.empty.message.textFormat() == Qt.TextFormat.PlainText
    assert w.empty_clear.isVisibleTo(w)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        qtbot.mouseClick(w.empty_clear, Qt.MouseButton.LeftButton)
    assert w.search.text() == ""
    assert w.model.rowCount() == 300


def test_empty_database_offers_demo_contacts(window_factory, db, qtbot):
    w = window_factory(db)
    assert w.stack.currentWidget() is w.empty
    assert w.empty.title.text() == "No contacts yet"
    assert w.count_label.text() == "0 contacts"
    assert w.empty_import.isEnabled()
    qtbot.mouseClick(w.empty_demo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.model.rowCount() == 1000, timeout=60_000)
    assert w.count_label.text() == "1,000 contacts"
    with db.read_session() as s:
        assert count(s, ContactQuery()) == 1000


def test_clicking_a_header_sorts_in_sql(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    emails = [w.model.data(w.model.index(r, 1)) for r in range(w.model.rowCount())]
    assert emails == sorted(emails, key=str.lower, reverse=True)


def test_selection_survives_a_refresh(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    w.table.selectRow(5)
    chosen = w.selected_ids()
    with demo_db.session() as s:
        contacts.create_contact(s, {"first_name": "Aaron", "last_name": "Aardvark"})
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.refresh()
    assert w.model.rowCount() == 301
    assert w.selected_ids() == chosen


def test_geometry_and_columns_are_remembered(window_factory, demo_db, settings, qtbot):
    w = window_factory(demo_db)
    w.resize(701, 501)  # inside the offscreen screen, or Qt clamps it
    w.table.setColumnWidth(1, 333)
    w.close()
    again = window_factory(demo_db)
    assert again.table.columnWidth(1) == 333
    assert (again.width(), again.height()) == (701, 501)


def test_clicking_the_labels_header_keeps_the_real_sort_arrow(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    header = w.table.horizontalHeader()
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    first = w.model.id_at(0)
    w.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # labels: not sortable
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1, Qt.SortOrder.DescendingOrder)
    assert w.model.id_at(0) == first


def test_one_contact_is_counted_in_the_singular(window_factory, db):
    from hubdesk.core import contacts as service

    with db.session() as s:
        service.create_contact(s, {"first_name": "Only"})
    w = window_factory(db)
    assert w.count_label.text() == "1 contact"
