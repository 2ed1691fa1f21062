"""The export dialog as a user drives it: scope with counts, format and columns, a run in the
background that ends with the file and Open / Show in folder; a code page that cannot hold
a name stops with the characters named and offers "?"; choices are remembered."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from hubdesk.core.query import ContactQuery, search_ids
from hubdesk.ui.dialogs.export_dialog import ExportDialog, ExportScopes
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.settings import WindowSettings

WAIT = 20_000


@pytest.fixture
def runner(qtbot):
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    jobs.wait()


@pytest.fixture
def people(store):
    ids = [store.create_contact({"first_name": "太郎", "last_name": "山田",
                                 "email": "taro@example.jp", "labels": ["VIP"]}),
           store.create_contact({"first_name": "Zoë", "last_name": "Ng", "email": "z@ex.com"}),
           store.create_contact({"first_name": "=cmd", "last_name": "Evil"})]
    return ids


def make(qtbot, store, runner, settings, scopes) -> ExportDialog:
    dialog = ExportDialog(store, runner, WindowSettings(settings), scopes)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def test_export_the_selection_to_csv_and_open_it(qtbot, store, runner, settings, people,
                                                 tmp_path, monkeypatch):
    dialog = make(qtbot, store, runner, settings,
                  ExportScopes(all_count=3, selected=people[:2]))
    assert dialog.scope_selected.isChecked()
    assert dialog.export_button.text() == "Yes, export 2 contacts"
    dialog.scope_all.setChecked(True)
    assert dialog.export_button.text() == "Yes, export 3 contacts"
    dialog.scope_selected.setChecked(True)
    target = tmp_path / "out.csv"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    assert "Exported 2 contacts" in dialog.done_label.text()
    rows = read_csv(target)
    assert len(rows) == 3
    assert any("山田" in cell for cell in rows[1]) or any("山田" in c for c in rows[2])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog.open_button.click()
    assert opened and Path(opened[0].toLocalFile()) == target


def test_formula_cells_are_neutralised_unless_switched_off(qtbot, store, runner, settings,
                                                           people, tmp_path):
    for protect, expected in ((True, "'=cmd"), (False, "=cmd")):
        dialog = make(qtbot, store, runner, settings, ExportScopes(all_count=3))
        dialog.neutralize.setChecked(protect)
        target = tmp_path / f"f-{protect}.csv"
        dialog.path_edit.setText(str(target))
        dialog.export_button.click()
        qtbot.waitUntil(lambda d=dialog: d.pages.currentIndex() == 2, timeout=WAIT)
        cells = [c for row in read_csv(target) for c in row]
        assert expected in cells
        dialog.accept()


def test_a_code_page_that_lacks_a_character_says_which_and_offers_question_marks(
        qtbot, store, runner, settings, people, tmp_path):
    dialog = make(qtbot, store, runner, settings, ExportScopes(all_count=3))
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp932"))
    target = tmp_path / "sjis.csv"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.replace_button.isVisible(), timeout=WAIT)
    assert "ë" in dialog.message.text() and "cannot represent" in dialog.message.text()
    assert not target.exists()
    dialog.replace_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    text = target.read_bytes().decode("cp932")
    assert "山田" in text and "Zo?" in text
    assert "?" in dialog.done_label.text()


def test_columns_and_choices_are_remembered(qtbot, store, runner, settings, people, tmp_path):
    dialog = make(qtbot, store, runner, settings, ExportScopes(all_count=3))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.path_edit.text().endswith(".xlsx")
    assert not dialog.encoding_combo.isEnabled()
    dialog.columns._tick_all(False)
    assert not dialog.export_button.isEnabled()
    first = dialog.columns.list.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    key = first.data(Qt.ItemDataRole.UserRole)
    dialog.path_edit.setText(str(tmp_path / "one.xlsx"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    dialog.accept()
    again = make(qtbot, store, runner, settings, ExportScopes(all_count=3))
    assert again.format_combo.currentData() == "xlsx"
    assert again.columns.chosen() == [key]
    assert Path(again.path_edit.text()).parent == tmp_path


def test_the_current_search_exports_exactly_what_the_list_shows(qtbot, store, runner,
                                                                settings, people, tmp_path):
    query = ContactQuery(text="example.jp")
    shown = store.read(lambda s: search_ids(s, query))
    dialog = make(qtbot, store, runner, settings,
                  ExportScopes(all_count=3, current=query, current_count=len(shown)))
    assert dialog.scope_current.isChecked() and dialog.scope_current.isEnabled()
    target = tmp_path / "found.vcf"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("vcard4"))
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == len(shown) == 1
    assert "VERSION:4.0" in text and "山田" in text
