"""The import wizard driven as a user would: a Shift_JIS file from Excel, through mapping and
a dry run, to an import whose summary, rejected-rows file and Undo match the database."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog, QWizard
from sqlalchemy import func, select

from hubdesk.core.io.draft import EXTRA_PHONE, IGNORE
from hubdesk.core.io.importer import run_import
from hubdesk.core.models import Contact
from hubdesk.ui.import_pages import run_page
from hubdesk.ui.import_pages.mapping_model import MappingModel
from hubdesk.ui.import_wizard import ImportWizard
from hubdesk.ui.jobs import JobRunner

WAIT = 10_000

# Outlook-style English headers with Japanese people in them, as Excel saves "CSV" in Japan.
ROWS = [
    ["Last Name", "First Name", "E-mail Address", "Mobile Phone", "Company", "Group", "Fax",
     "Favourite colour"],
    ["山田", "太郎", "taro@example.jp", "090-1234-5678", "株式会社テスト", "取引先", "03-1111-2222",
     "青"],
    ["佐藤", "花子", "hanako@example.jp", "080-2222-3333", "", "取引先;展示会", "", ""],
    ["鈴木", "一郎", "ichiro@@example", "", "髙橋商事", "", "", ""],  # questionable email
    ["", "", "", "", "名前のない会社", "", "", ""],  # nothing identifies a person: rejected
    ["Smith", "John", "john@example.com", "+1 212 555 0100", "ACME", "", "", "red"],
]


def write_cp932(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="cp932", newline="") as out:
        csv.writer(out).writerows(rows)
    return path


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    jobs.wait()


@pytest.fixture
def people(tmp_path: Path) -> Path:
    return write_cp932(tmp_path / "people.csv", ROWS)


@pytest.fixture
def open_wizard(qtbot, store, runner):
    def make(path: Path | None) -> ImportWizard:
        wizard = ImportWizard(store, runner, path=path)
        qtbot.addWidget(wizard)
        wizard.show()
        if path is not None:
            wait_for_file(qtbot, wizard)
        return wizard

    return make


def wait_for_file(qtbot, wizard: ImportWizard) -> None:
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.isComplete() or page.error.isVisible(), timeout=WAIT)


def wait_for_dry_run(qtbot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.state.dry_run is not None, timeout=WAIT)


def next_enabled(wizard: ImportWizard) -> bool:
    button = wizard.button(QWizard.WizardButton.NextButton)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    return (button.isVisible() and button.isEnabled()) or (commit.isVisible()
                                                          and commit.isEnabled())


def pick(combo: QComboBox, data: object) -> None:
    """Choose an item as the user does (activated is only emitted for user choices)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def contact_count(db) -> int:
    with db.read_session() as s:
        return s.scalar(select(func.count()).select_from(Contact)
                        .where(Contact.deleted_at.is_(None)))


def preview_texts(wizard: ImportWizard) -> list[str]:
    model = wizard.file_page.model
    return [model.index(r, c).data() for r in range(model.rowCount())
            for c in range(model.columnCount())]


# --- page 1 --------------------------------------------------------------------------------

def test_the_file_page_shows_the_guessed_encoding_and_intact_japanese(open_wizard, people):
    wizard = open_wizard(people)
    page = wizard.file_page
    assert page.encoding_combo.currentData() == "cp932"
    assert "guessed, please check" in page.encoding_combo.currentText()
    assert page.encoding_note.isVisible()
    texts = preview_texts(wizard)
    assert "山田" in texts and "髙橋商事" in texts and "取引先;展示会" in texts
    assert not any("\ufffd" in t for t in texts)
    assert next_enabled(wizard)


def test_a_wrong_encoding_names_the_line_and_blocks_next(qtbot, open_wizard, people):
    wizard = open_wizard(people)
    page = wizard.file_page
    pick(page.encoding_combo, "utf-8")
    qtbot.waitUntil(page.error.isVisible, timeout=WAIT)
    assert "line 2" in page.error.text()
    assert "utf-8" in page.error.text()
    assert page.model.rowCount() == 0  # no half-decoded names on screen
    assert not page.isComplete()
    assert not next_enabled(wizard)

    pick(page.encoding_combo, "cp932")
    qtbot.waitUntil(page.isComplete, timeout=WAIT)
    assert not page.error.isVisible()
    assert "山田" in preview_texts(wizard)
    assert next_enabled(wizard)


def test_next_waits_for_a_file(open_wizard):
    wizard = open_wizard(None)
    assert not next_enabled(wizard)


def test_a_file_that_is_not_a_contact_list_is_explained(qtbot, open_wizard, tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    wizard = open_wizard(tmp_path / "empty.csv")
    assert wizard.file_page.error.text() == "empty.csv: the file is empty"
    assert not next_enabled(wizard)


def test_the_delimiter_and_header_choices_re_read_the_file(qtbot, open_wizard, tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("Name;Email\nAnna;anna@example.com\n", encoding="utf-8")
    wizard = open_wizard(path)
    page = wizard.file_page
    assert page.model.columnCount() == 2
    assert "semicolon" in page.delimiter_combo.itemText(0)
    assert page.encoding_combo.currentText().endswith("(detected)")
    pick(page.delimiter_combo, ",")
    qtbot.waitUntil(lambda: page.isComplete() and page.model.columnCount() == 1, timeout=WAIT)
    page.header_check.setChecked(False)
    qtbot.waitUntil(lambda: page.isComplete() and page.model.rowCount() == 2, timeout=WAIT)
    assert page.model.index(0, 0).data() == "Name;Email"


# --- pages 2 to 5 --------------------------------------------------------------------------

def test_mapping_shows_guesses_and_takes_the_users_choice(qtbot, open_wizard, people):
    wizard = open_wizard(people)
    wizard.next()
    model = wizard.mapping_page.model
    assert wizard.mapping_page.preset_combo.currentData() == "outlook"
    targets = [m.target for m in wizard.state.mapping]
    assert targets[:5] == ["last_name", "first_name", "email", "phone", "company"]
    assert targets[6] == "phone"  # "Fax": its values look like phone numbers, so a guess…
    assert model.index(6, MappingModel.GUESS).data() == "? 60 % — check"
    assert targets[7] == IGNORE  # "Favourite colour": nothing guessed
    assert model.index(7, MappingModel.GUESS).data() == "— not imported"
    assert model.index(0, MappingModel.GUESS).data() == "✓ sure"
    assert model.index(0, MappingModel.SAMPLE).data() == "山田 | 佐藤 | 鈴木"

    combo = wizard.mapping_page.view.indexWidget(model.index(6, MappingModel.TARGET))
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(EXTRA_PHONE))
    assert wizard.state.mapping[6].target == EXTRA_PHONE
    assert model.index(6, MappingModel.GUESS).data() == "✓ your choice"
    assert [m.header for m in wizard.state.mapping] == ROWS[0]  # column order kept

    # Back to the file and forward again with the same columns: the choice survives.
    wizard.back()
    wizard.next()
    assert wizard.state.mapping[6].target == EXTRA_PHONE

    for row in range(model.rowCount()):
        combo = wizard.mapping_page.view.indexWidget(model.index(row, MappingModel.TARGET))
        combo.setCurrentIndex(combo.findData(IGNORE))
    assert not next_enabled(wizard)  # nothing would be imported


def test_dry_run_counts_are_what_the_import_does(qtbot, open_wizard, people, store, db, answers,
                                                 monkeypatch, tmp_path):
    existing = store.create_contact({"first_name": "太郎", "last_name": "山田",
                                     "email": "TARO@example.jp", "company": "旧社名"})
    before = contact_count(db)
    wizard = open_wizard(people)
    page = wizard.options_page
    page.labels.setText("展示会2025, VIP")
    wizard.next()
    wizard.next()
    wait_for_dry_run(qtbot, wizard)
    dry = wizard.state.dry_run
    assert (dry.read, dry.created, dry.updated, dry.skipped, dry.failed) == (5, 3, 1, 0, 1)
    assert page.counts.text("read") == "5"
    assert page.counts.text("rejected") == "1"
    assert page.counts.text("duplicates") == "1"
    assert page.counts.text("problems") == str(len(dry.warnings))
    messages = [page.problems.index(r, 3).data() for r in range(page.problems.rowCount())]
    assert any("nothing identifies a person" in m for m in messages)
    assert any(m.startswith("email:") for m in messages)
    assert contact_count(db) == before  # the dry run wrote nothing
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import"

    with qtbot.waitSignal(store.listChanged, timeout=WAIT):
        wizard.next()  # "Import"
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=WAIT)
    result = wizard.result
    assert result is not None and not result.cancelled
    assert (result.read, result.created, result.updated, result.skipped, result.failed) == (
        dry.read, dry.created, dry.updated, dry.skipped, dry.failed)
    assert contact_count(db) == before + result.created
    assert store.contact(existing)["company"] == "株式会社テスト"
    assert store.undo_stack.undoText() == f"Import of {people.name}"  # on Edit → Undo
    summary = wizard.summary_page
    for key in ("read", "created", "updated", "skipped", "failed"):
        assert summary.counts.text(key) == str(getattr(result, key))
    assert set(store.label_names()) >= {"展示会2025", "VIP", "取引先", "展示会"}

    # Save rejected rows…
    target = tmp_path / "rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(target), "CSV files (*.csv)"))
    summary.save_button.click()
    qtbot.waitUntil(summary.message.isVisible, timeout=WAIT)
    with target.open(encoding="utf-8-sig", newline="") as file:
        saved = list(csv.reader(file))
    assert saved[0] == [*ROWS[0], "errors"]
    assert saved[1][:8] == ROWS[4]
    assert "nothing identifies a person" in saved[1][8]

    # Undo import, after a confirmation that says what it will do: the database is as it was.
    asked, _ = answers
    with qtbot.waitSignal(store.listChanged, timeout=WAIT):
        summary.undo_button.click()
    assert f"{result.created:,} contacts it created" in asked[-1]
    assert wizard.state.undone
    assert not summary.undo_button.isEnabled()
    assert not summary.show_button.isEnabled()
    assert "Import of" not in store.undo_stack.undoText()
    assert contact_count(db) == before
    assert store.contact(existing)["company"] == "旧社名"
    wizard.accept()
    assert wizard.result is result


def test_skip_duplicates_and_skip_questionable_rows(qtbot, open_wizard, people, store, db):
    store.create_contact({"first_name": "John", "last_name": "Smith",
                          "email": "john@example.com"})
    wizard = open_wizard(people)
    wizard.next()
    wizard.next()
    page = wizard.options_page
    wait_for_dry_run(qtbot, wizard)
    page.policy.setCurrentIndex(page.policy.findData("skip"))
    assert not page.fill_empty.isEnabled()
    page.skip_questionable.setChecked(True)
    wait_for_dry_run(qtbot, wizard)
    dry = wizard.state.dry_run
    # John Smith exists: skipped; 鈴木's email is questionable and the nameless row says
    # nobody: both rejected; 山田 and 佐藤 are new.
    assert (dry.created, dry.updated, dry.skipped, dry.failed) == (2, 0, 1, 2)
    assert not dry.warnings
    with qtbot.waitSignal(wizard.run_page.imported, timeout=WAIT):
        wizard.next()
    result = wizard.result
    assert (result.created, result.skipped, result.failed) == (dry.created, dry.skipped,
                                                               dry.failed)
    assert result.read == result.created + result.updated + result.skipped + result.failed


def test_cancel_stops_between_batches_and_the_partial_import_can_be_undone(
        qtbot, open_wizard, store, db, tmp_path, monkeypatch, answers):
    rows = [["Last Name", "First Name", "E-mail Address"]]
    rows += [[f"姓{i}", f"名{i}", f"p{i}@example.jp"] for i in range(3000)]
    path = write_cp932(tmp_path / "many.csv", rows)
    wizard = open_wizard(path)
    wizard.next()
    wizard.next()
    wait_for_dry_run(qtbot, wizard)
    assert wizard.state.dry_run.created == 3000
    run = wizard.run_page

    def run_import_in_small_batches(db, table, mapping, options, *, progress, cancelled):
        """The real import, pausing after each batch until the user has clicked Cancel."""

        def report(done: int, total: int) -> None:
            progress(done, total)
            deadline = time.monotonic() + 5
            while total == 0 and not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)

        return run_import(db, table, mapping, replace(options, batch_size=500),
                          progress=report, cancelled=cancelled)

    monkeypatch.setattr(run_page, "run_import", run_import_in_small_batches)
    with qtbot.waitSignal(run.imported, timeout=WAIT):
        wizard.next()
        qtbot.waitUntil(lambda: "rows/s" in run.rows.text(), timeout=WAIT)
        assert "500 of 3,000 rows" in run.rows.text()
        run.cancel_button.click()  # the window answers while the import runs
    result = wizard.result
    assert result.cancelled
    assert 0 < result.created < 3000
    assert contact_count(db) == result.created
    assert wizard.summary_page.title() == "Import cancelled"
    with qtbot.waitSignal(store.listChanged, timeout=WAIT):
        wizard.summary_page.undo_button.click()
    assert contact_count(db) == 0
    assert not store.undo_stack.canUndo()  # Edit → Undo no longer offers the import


def test_closing_during_an_import_cancels_it_instead(qtbot, open_wizard, people):
    wizard = open_wizard(people)
    wizard.next()
    wizard.next()
    wait_for_dry_run(qtbot, wizard)
    with qtbot.waitSignal(wizard.run_page.imported, timeout=WAIT):
        wizard.next()
        if wizard.run_page.running():
            wizard.reject()
            assert wizard.isVisible()
    assert wizard.currentPage() is wizard.summary_page


def test_a_workbook_offers_its_sheets(qtbot, open_wizard, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    customers = book.active
    customers.title = "Customers"
    customers.append(["Name", "Email"])
    customers.append(["山田 太郎", "taro@example.jp"])
    suppliers = book.create_sheet("Suppliers")
    suppliers.append(["Company", "Phone"])
    suppliers.append(["髙橋商事", "03-1234-5678"])
    book.save(tmp_path / "book.xlsx")

    wizard = open_wizard(tmp_path / "book.xlsx")
    page = wizard.file_page
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == [
        "Customers", "Suppliers"]
    assert page.sheet_combo.isEnabled() and not page.encoding_combo.isEnabled()
    assert "山田 太郎" in preview_texts(wizard)
    pick(page.sheet_combo, "Suppliers")
    qtbot.waitUntil(lambda: page.isComplete() and "髙橋商事" in preview_texts(wizard),
                    timeout=WAIT)
    assert page.sheet_combo.currentText() == "Suppliers"


def test_a_vcard_maps_by_its_own_preset(qtbot, open_wizard, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\n"
                    "EMAIL:taro@example.jp\r\nEND:VCARD\r\n", encoding="utf-8")
    wizard = open_wizard(path)
    assert not wizard.file_page.delimiter_combo.isEnabled()
    wizard.next()
    assert wizard.mapping_page.preset_combo.currentData() == "vcard"
    assert "email" in [m.target for m in wizard.state.mapping]


def test_going_back_to_change_the_encoding_keeps_the_mapping_and_refreshes_samples(
        qtbot, open_wizard, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("Name,Email,Fax\nJosé ¤,jose@example.com,\n".encode("cp1252"))
    wizard = open_wizard(path)
    wizard.next()
    model = wizard.mapping_page.model
    assert model.index(0, MappingModel.SAMPLE).data() == "José ¤"
    model.setData(model.index(2, MappingModel.TARGET), EXTRA_PHONE)
    wizard.back()
    page = wizard.file_page
    pick(page.encoding_combo, "iso8859-15")
    qtbot.waitUntil(page.isComplete, timeout=WAIT)
    wizard.next()
    assert wizard.state.mapping[2].target == EXTRA_PHONE
    assert model.index(0, MappingModel.SAMPLE).data() == "José €"  # byte 0xA4 in Latin-9


def test_show_imported_contacts_closes_the_wizard_with_the_import_to_show(
        qtbot, open_wizard, people):
    wizard = open_wizard(people)
    wizard.next()
    wizard.next()
    wait_for_dry_run(qtbot, wizard)
    with qtbot.waitSignal(wizard.run_page.imported, timeout=WAIT):
        wizard.next()
    summary = wizard.summary_page
    assert summary.show_button.isEnabled()
    with qtbot.waitSignal(summary.showImported, timeout=WAIT) as shown:
        summary.show_button.click()
    assert shown.args == [wizard.result.job_id]
    assert not wizard.isVisible()
