from __future__ import annotations

from array import array

from PySide6.QtCore import Qt

from hubdesk.core import contacts
from hubdesk.core.query import ContactQuery, search_ids
from hubdesk.ui.contact_list import COLUMNS, ContactListModel


def _model(db) -> tuple[ContactListModel, list[int]]:
    def fetch(ids):
        with db.read_session() as s:
            return contacts.list_rows(s, ids)

    with db.read_session() as s:
        ids = search_ids(s, ContactQuery())
    model = ContactListModel(fetch)
    model.set_ids(ids)
    return model, ids


def test_model_passes_qtmodeltester(qtmodeltester, demo_db):
    model, _ = _model(demo_db)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_by_page_and_the_cache_is_bounded(demo_db, monkeypatch):
    monkeypatch.setattr(ContactListModel, "PAGE_SIZE", 20)
    monkeypatch.setattr(ContactListModel, "MAX_PAGES", 3)
    model, ids = _model(demo_db)
    assert model.rowCount() == len(ids) == 300
    assert model.fetches == 0  # nothing is read until a row is shown
    model.data(model.index(0, 0))
    model.data(model.index(19, 1))
    assert model.fetches == 1  # one page serves the first 20 rows
    last = model.index(299, 0)
    with demo_db.read_session() as s:
        expected = contacts.list_rows(s, [ids[-1]])[ids[-1]].name
    assert model.data(last) == expected
    assert model.fetches == 2
    for row in range(0, 300, 20):  # touch every page
        model.data(model.index(row, 0))
    assert len(model._pages) == 3


def test_display_values_follow_the_ids_order(demo_db):
    model, ids = _model(demo_db)
    with demo_db.read_session() as s:
        rows = contacts.list_rows(s, ids[:5])
    for r in range(5):
        assert model.data(model.index(r, 0)) == rows[ids[r]].name
        assert model.data(model.index(r, 1)) == rows[ids[r]].email
        assert model.data(model.index(r, 0), ContactListModel.IdRole) == ids[r]


def test_sorting_is_requested_from_sql_not_done_in_the_model(demo_db, qtbot):
    model, ids = _model(demo_db)
    with qtbot.waitSignal(model.sortRequested) as blocker:
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["email", True]
    labels_column = [key for key, _, _ in COLUMNS].index("labels")
    with qtbot.assertNotEmitted(model.sortRequested):
        model.sort(labels_column, Qt.SortOrder.AscendingOrder)
    assert model.id_at(0) == ids[0]  # the model itself never reorders


def test_untrusted_text_stays_plain(db):
    hostile = "<b>x</b><img src=file:///etc/passwd>"
    with db.session() as s:
        cid = contacts.create_contact(s, {"first_name": hostile, "company": "<i>Co</i>"},
                                      labels=["<u>lbl</u>"])
    model, _ = _model(db)
    row = model.row_of(cid)
    assert model.data(model.index(row, 0)) == hostile
    tooltip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tooltip and "&lt;b&gt;x&lt;/b&gt;" in tooltip
    labels_tip = model.data(model.index(row, 5), Qt.ItemDataRole.ToolTipRole)
    assert "<u>" not in labels_tip


def test_invalid_phone_is_shown_as_typed_and_marked(db):
    with db.session() as s:
        cid = contacts.create_contact(s, {"first_name": "Bad", "phone": "12-ab-34"})
    model, _ = _model(db)
    row = model.row_of(cid)
    index = model.index(row, 2)
    assert model.data(index) == "12-ab-34"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    assert "12-ab-34" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_the_rest_of_a_result_is_appended_below_the_first_page(demo_db, qtbot):
    model, ids = _model(demo_db)
    model.set_ids(ids[:60])
    with qtbot.waitSignal(model.rowsInserted) as inserted, \
            qtbot.assertNotEmitted(model.modelReset):
        model.extend_ids(array("q", ids))
    assert inserted.args[1:] == [60, len(ids) - 1]
    assert model.rowCount() == len(ids)


def test_rows_appended_inside_an_already_read_page_are_shown(demo_db):
    model, ids = _model(demo_db)
    model.set_ids(ids[:60])
    assert model.data(model.index(59, 1))  # reads the page that holds rows 0–99
    model.extend_ids(array("q", ids))
    with demo_db.read_session() as s:
        expected = contacts.list_rows(s, [ids[75]])[ids[75]].email
    assert model.data(model.index(75, 1)) == expected


def test_a_result_that_does_not_continue_the_shown_rows_resets(demo_db, qtbot):
    model, ids = _model(demo_db)
    model.set_ids(ids[:60])
    with qtbot.waitSignal(model.modelReset):
        model.extend_ids(array("q", list(reversed(ids))))
    assert model.id_at(0) == ids[-1]


def test_select_all_on_a_huge_list_does_not_freeze_the_window(qtbot):
    import time

    from hubdesk.core.contacts import ListRow
    from hubdesk.ui.contact_list import ContactTableView

    def fake_rows(ids):
        return {i: ListRow(i, f"n{i}", "N", "", "", True, "", "unknown", None) for i in ids}

    model = ContactListModel(fake_rows)
    view = ContactTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    with qtbot.waitExposed(view):
        view.show()
    model.set_ids(array("q", range(1, 300_001)))
    start = time.perf_counter()
    view.selectAll()
    view.horizontalHeader().viewport().repaint()  # used to visit every row per column
    assert time.perf_counter() - start < 1.0
    ranges = view.selectionModel().selection()
    assert sum(r.bottom() - r.top() + 1 for r in ranges) == 300_000
