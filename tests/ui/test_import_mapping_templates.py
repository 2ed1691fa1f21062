"""Mapping templates in the import wizard: choosing one remaps the columns, saving one makes
the next file with the same columns open with it, deleting one asks first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox

from hubdesk.core.io import templates
from hubdesk.core.io.draft import EXTRA_EMAIL, FULL_NAME, IGNORE, ColumnMapping
from hubdesk.core.io.importer import run_import
from hubdesk.core.io.open_table import open_table
from hubdesk.ui.import_pages.mapping_model import MappingModel
from hubdesk.ui.import_wizard import ImportWizard
from hubdesk.ui.jobs import JobRunner

WAIT = 10_000
BADGES = [ColumnMapping("Who", FULL_NAME), ColumnMapping("Mail", EXTRA_EMAIL),
          ColumnMapping("Role", "job_title"), ColumnMapping("Booth", IGNORE)]


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    jobs.wait()


@pytest.fixture
def open_mapping(qtbot, store, runner):
    """The wizard opened on `path` and moved on to the mapping page."""

    def make(path: Path) -> ImportWizard:
        wizard = ImportWizard(store, runner, path=path)
        qtbot.addWidget(wizard)
        wizard.show()
        page = wizard.file_page
        qtbot.waitUntil(lambda: page.isComplete() or page.error.isVisible(), timeout=WAIT)
        assert page.isComplete(), page.error.text()
        wizard.next()
        assert wizard.currentPage() is wizard.mapping_page
        return wizard

    return make


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def pick(combo: QComboBox, data: object) -> None:
    """Choose an item as the user does (activated is only emitted for user choices)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def shown_targets(wizard: ImportWizard) -> dict[str, str]:
    model = wizard.mapping_page.model
    return {model.index(r, MappingModel.HEADER).data(): model.index(r, MappingModel.TARGET).data()
            for r in range(model.rowCount())}


def combo_texts(wizard: ImportWizard) -> list[str]:
    combo = wizard.mapping_page.template_combo
    return [combo.itemText(i) for i in range(combo.count())]


def saved_names(db) -> list[str]:
    with db.read_session() as s:
        return [t.name for t in templates.list_templates(s)]


def save_badges(db, name: str = "Badge scans") -> None:
    with db.session() as s:
        templates.save_template(s, name, BADGES)


def test_choosing_a_template_changes_the_mapping_shown(open_mapping, db, tmp_path):
    save_badges(db)  # made for four columns, so this three-column file does not pick it
    wizard = open_mapping(write(tmp_path / "fair.csv", "Who,Mail,Role\nAnn Lee,a@x.com,CTO\n"))
    page = wizard.mapping_page
    assert combo_texts(wizard) == ["None", "Badge scans"]
    assert page.template_combo.currentText() == "None"
    assert not page.delete_template_button.isEnabled()
    assert shown_targets(wizard)["Mail"] == "Email"  # guessed from the name

    pick(page.template_combo, "Badge scans")
    assert shown_targets(wizard) == {"Who": "Full name (split into first and last)",
                                     "Mail": "Additional email", "Role": "Job title"}
    assert page.model.index(1, MappingModel.GUESS).data() == "✓ sure"
    assert page.preset_note.text() == "template “Badge scans” applied"
    assert [m.target for m in wizard.state.mapping] == [FULL_NAME, EXTRA_EMAIL, "job_title"]
    assert page.delete_template_button.isEnabled()

    pick(page.template_combo, "")  # back to "None": the guess again
    assert shown_targets(wizard)["Mail"] == "Email"


def test_a_saved_template_is_chosen_by_itself_for_the_same_columns(
        open_mapping, db, tmp_path, monkeypatch):
    wizard = open_mapping(write(tmp_path / "monday.csv", "Who,Mail,Role\nAnn Lee,a@x.com,CTO\n"))
    page = wizard.mapping_page
    page.model.setData(page.model.index(0, MappingModel.TARGET), FULL_NAME)
    page.model.setData(page.model.index(1, MappingModel.TARGET), EXTRA_EMAIL)
    asked = {}

    def answer(_parent, _title, _label, _echo, text):
        asked["suggested"] = text
        return "Badge scans", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    page.save_template_button.click()
    assert asked["suggested"] == "monday"  # the file's name, until a template is chosen
    assert saved_names(db) == ["Badge scans"]
    assert page.template_combo.currentText() == "Badge scans"
    assert page.preset_note.text() == "mapping saved as template “Badge scans”"
    wizard.close()

    # Another file with the same columns in another order, also imported before with a
    # different mapping: the named template wins over the remembered import.
    tuesday = write(tmp_path / "tuesday.csv", "ROLE,mail,who\nBuyer,b@x.com,Bob Kim\n")
    run_import(db, open_table(tuesday), [ColumnMapping("ROLE", "note"),
                                         ColumnMapping("mail", "email"),
                                         ColumnMapping("who", FULL_NAME)])
    again = open_mapping(tuesday)
    assert again.mapping_page.template_combo.currentText() == "Badge scans"
    assert again.mapping_page.preset_note.text() == (
        "same columns as template “Badge scans”: its mapping is applied")
    assert shown_targets(again) == {"ROLE": "Job title", "mail": "Additional email",
                                    "who": "Full name (split into first and last)"}


def test_saving_under_the_chosen_name_updates_that_template(
        open_mapping, db, tmp_path, monkeypatch):
    save_badges(db)
    wizard = open_mapping(write(tmp_path / "fair.csv", "Who,Mail,Role\nAnn Lee,a@x.com,CTO\n"))
    page = wizard.mapping_page
    pick(page.template_combo, "Badge scans")
    page.model.setData(page.model.index(1, MappingModel.TARGET), "email")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (args[-1], True))
    page.save_template_button.click()
    assert combo_texts(wizard) == ["None", "Badge scans"]
    with db.read_session() as s:
        mapped = templates.apply_template(s, "Badge scans", ["Who", "Mail", "Role"])
    assert [m.target for m in mapped] == [FULL_NAME, "email", "job_title"]


def test_a_bad_name_is_explained_in_place_and_nothing_is_saved(open_mapping, db, tmp_path):
    wizard = open_mapping(write(tmp_path / "fair.csv", "Who,Mail\nAnn Lee,a@x.com\n"))
    page = wizard.mapping_page
    assert not page.save_template_named("   ")
    assert page.template_message.isVisible()
    assert page.template_message.text() == "Not saved: a mapping template needs a name"
    assert not page.save_template_named("Trade\tshow")
    assert "the name contains a tab" in page.template_message.text()
    assert saved_names(db) == [] and combo_texts(wizard) == ["None"]

    assert page.save_template_named("Trade show")
    assert not page.template_message.isVisible()
    assert saved_names(db) == ["Trade show"]


def test_a_template_name_shows_as_typed_never_as_markup(open_mapping, db, tmp_path):
    wizard = open_mapping(write(tmp_path / "fair.csv", "Who,Mail\nAnn Lee,a@x.com\n"))
    page = wizard.mapping_page
    assert page.save_template_named("<b>Scans</b>")
    assert page.template_combo.currentText() == "<b>Scans</b>"
    assert page.preset_note.text() == "mapping saved as template “<b>Scans</b>”"
    assert page.preset_note.textFormat() == Qt.TextFormat.PlainText


def test_deleting_a_template_asks_first(open_mapping, db, tmp_path, monkeypatch):
    save_badges(db)
    wizard = open_mapping(write(tmp_path / "fair.csv", "Who,Mail,Role\nAnn Lee,a@x.com,CTO\n"))
    page = wizard.mapping_page
    pick(page.template_combo, "Badge scans")
    asked = []

    def decline(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", decline)
    page.delete_template_button.click()
    assert "Delete the mapping template “Badge scans”?" in asked[0]
    assert saved_names(db) == ["Badge scans"]

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    page.delete_selected_template()
    assert saved_names(db) == []
    assert combo_texts(wizard) == ["None"]
    assert not page.delete_template_button.isEnabled()
    assert page.preset_note.text() == (
        "template “Badge scans” deleted; the columns keep their current choices")
    assert shown_targets(wizard)["Mail"] == "Additional email"  # the mapping stays as it was


def test_a_template_deleted_meanwhile_is_explained(open_mapping, db, tmp_path):
    save_badges(db)
    save_badges(db, "Other")
    wizard = open_mapping(write(tmp_path / "fair.csv", "Who,Mail,Role\nAnn Lee,a@x.com,CTO\n"))
    page = wizard.mapping_page
    pick(page.template_combo, "Other")
    with db.session() as s:  # a colleague on the shared database deletes it first
        templates.delete_template(s, "Other")
    assert not page._delete_template("Other")
    assert page.template_message.text() == "no mapping template named 'Other'"
    assert combo_texts(wizard) == ["None", "Badge scans"]
    assert page._delete_template("Badge scans")
    assert combo_texts(wizard) == ["None"] and saved_names(db) == []
