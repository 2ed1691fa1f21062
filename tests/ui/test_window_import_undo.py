"""After an import the window offers Edit → Undo for it (after a confirmation that says what
it will do, running in the background), and can list only the contacts that import touched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from hubdesk.core import contacts
from hubdesk.core.io.importer import run_import
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.open_table import open_table
from hubdesk.core.query import ContactQuery, count

WAIT = 10_000


def _import(w, tmp_path: Path, text: str, name: str = "people.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    table = open_table(path)
    result = run_import(w.db, table, guess_mapping(table.headers))
    # What the wizard's run page does once the import is done.
    w.store.record_import(result.job_id, path.name, result.created, result.updated)
    return result


def _live(db) -> int:
    with db.read_session() as s:
        return count(s, ContactQuery())


def _shown_names(w) -> list[str]:
    return [w.model.contact_row(r).name for r in range(w.model.rowCount())]


def test_edit_undo_asks_then_removes_the_import_and_cannot_redo_it(
        window_factory, db, qtbot, tmp_path, answers):
    w = window_factory(db)
    w.store.create_contact({"first_name": "Hana", "last_name": "Mori",
                            "email": "hana@example.jp", "company": "Old Co"})
    result = _import(w, tmp_path, "Name,E-mail,Company\n山田 太郎,taro@example.jp,\n"
                                  "Hana Mori,hana@example.jp,New Co\n")
    assert (result.created, result.updated) == (1, 1)
    undo = w.contact_actions.undo
    assert undo.isEnabled() and undo.text() == "Undo Import of people.csv"

    asked, replies = answers
    replies.append(QMessageBox.StandardButton.Cancel)
    undo.trigger()
    assert "people.csv" in asked[-1] and "1 contacts it created" in asked[-1]
    assert _live(db) == 2  # cancelled: nothing changed
    assert undo.isEnabled()

    with qtbot.waitSignal(w.store.importUndone, timeout=WAIT) as undone:
        undo.trigger()
    assert undone.args[1] == 2
    assert _live(db) == 1
    hana = w.store.read(lambda s: contacts.contacts_with_email(s, "hana@example.jp"))
    assert w.store.contact(hana[0])["company"] == "Old Co"
    # The contact created before the import can still be undone; the import cannot be redone.
    assert undo.text() == "Undo Create Hana Mori"
    assert not w.contact_actions.redo.isEnabled()
    qtbot.waitUntil(lambda: not w.progress.isVisible(), timeout=WAIT)
    assert "Import undone" in w.statusBar().currentMessage()


def test_show_imported_contacts_narrows_the_list_until_the_chip_is_removed(
        window_factory, db, qtbot, tmp_path):
    w = window_factory(db)
    w.store.create_contact({"first_name": "Someone", "last_name": "Else"})
    result = _import(w, tmp_path, "Name,E-mail\n山田 太郎,taro@example.jp\n佐藤 花子,hana@ex.jp\n")
    assert not w.chips.isVisible()
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.show_import(result.job_id, "people.csv")
    assert sorted(_shown_names(w)) == sorted(["山田 太郎", "佐藤 花子"])
    assert w.chips.isVisible()
    assert w.chips.texts() == ["Imported from people.csv  ×"]
    assert w.count_label.text() == "2 from this import"

    # Search works inside the narrowed list.
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.search.setText("佐藤")
        w._search_now()
    assert _shown_names(w) == ["佐藤 花子"]
    assert w.count_label.text() == "1 of 2 match"

    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.search.clear()
        w._search_now()
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.chips.chip("import").click()
    assert len(_shown_names(w)) == 3
    assert not w.chips.isVisible()
    assert w.count_label.text() == "3 contacts"


def test_an_undone_import_leaves_an_empty_filtered_list_that_explains_itself(
        window_factory, db, qtbot, tmp_path, answers):
    w = window_factory(db)
    result = _import(w, tmp_path, "Name,E-mail\nAko,ako@example.jp\n")
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.show_import(result.job_id, "people.csv")
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.contact_actions.undo.trigger()
    assert w.stack.currentWidget() is w.empty
    assert w.empty_clear.isVisibleTo(w) and w.empty_clear.text() == "Show all contacts"
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.empty_clear.click()
    assert w.query.import_job == 0 and not w.chips.isVisible()
