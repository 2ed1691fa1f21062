"""Manage labels, driven as a user would; the database is checked afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QMessageBox

from hubdesk.core import contacts, labels
from hubdesk.core.labels import PALETTE
from hubdesk.ui.dialogs.label_table_model import LabelTableModel
from hubdesk.ui.dialogs.labels_manager import LabelsManagerDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """Message boxes answer Yes by themselves and remember what they said."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        texts.append(f"{box.text()}\n{box.informativeText()}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


@pytest.fixture
def labelled(db) -> dict[str, int]:
    """Three contacts labelled VIP, one of them also Tokyo; a label nobody uses."""
    with db.session() as s:
        for name in ("Ann", "Bo", "Cy"):
            contacts.create_contact(s, {"first_name": name}, labels=["VIP"])
        contacts.create_contact(s, {"first_name": "Di"}, labels=["Tokyo", "VIP"])
        labels.ensure_label(s, "unused")
        return {lb.name: lb.id for lb in labels.list_labels(s)}


def all_labels(db) -> dict[str, labels.LabelInfo]:
    with db.read_session() as s:
        return {lb.name: lb for lb in labels.list_labels(s)}


def open_dialog(qtbot, store) -> LabelsManagerDialog:
    dialog = LabelsManagerDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def commit_text(widget, text: str) -> None:
    """What a Japanese input method does when the user confirms a word (QTest can only
    press keys that exist on an ASCII keyboard)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select(dialog, name: str) -> None:
    dialog.select_row(next(i for i, lb in enumerate(dialog.model.labels()) if lb.name == name))


def test_model_passes_the_model_tester(qtmodeltester, db, labelled):
    model = LabelTableModel()
    model.set_labels(list(all_labels(db).values()))
    qtmodeltester.check(model, force_py=True)


def test_table_shows_name_swatch_description_and_count(qtbot, store, labelled):
    dialog = open_dialog(qtbot, store)
    model = dialog.model
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    assert list(rows) == ["Tokyo", "unused", "VIP"]  # sorted ignoring case
    vip = rows["VIP"]
    assert model.data(model.index(vip, LabelTableModel.CONTACTS)) == 4
    swatch = model.data(model.index(vip, LabelTableModel.COLOUR), Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor) and swatch.isValid()


def test_rename(qtbot, store, db, labelled):
    dialog = open_dialog(qtbot, store)
    select(dialog, "VIP")
    assert not dialog.save_button.isEnabled()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Key account")
    with qtbot.waitSignal(store.labelsChanged):
        qtbot.mouseClick(dialog.save_button, LEFT)
    after = all_labels(db)
    assert "VIP" not in after and after["Key account"].contacts == 4
    assert dialog.current().name == "Key account"


def test_rename_to_an_existing_name_in_another_case_is_refused(qtbot, store, db, labelled):
    dialog = open_dialog(qtbot, store)
    select(dialog, "unused")
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "tokyo")
    qtbot.mouseClick(dialog.save_button, LEFT)
    message = dialog.messages["label"]
    assert message.isVisible()
    assert "'Tokyo' already exists" in message.text()
    assert sorted(all_labels(db)) == ["Tokyo", "VIP", "unused"]


def test_changing_only_the_case_of_a_name_is_allowed(qtbot, store, db, labelled):
    dialog = open_dialog(qtbot, store)
    select(dialog, "unused")
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Unused")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Unused" in all_labels(db)


def test_describe(qtbot, store, db, labelled):
    dialog = open_dialog(qtbot, store)
    select(dialog, "Tokyo")
    commit_text(dialog.description_edit, "東京の顧客")
    qtbot.keyClicks(dialog.description_edit, " <b>")
    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Return)
    assert all_labels(db)["Tokyo"].description == "東京の顧客 <b>"
    assert dialog.status.text() == "Saved “Tokyo”."


def test_recolour_with_a_quick_pick_and_with_the_colour_dialog(
    qtbot, store, db, labelled, monkeypatch
):
    dialog = open_dialog(qtbot, store)
    select(dialog, "Tokyo")
    with qtbot.waitSignal(store.labelsChanged):
        qtbot.mouseClick(dialog.colors.swatches[PALETTE[4]], LEFT)
    assert all_labels(db)["Tokyo"].color == PALETTE[4]
    assert dialog.colors.swatches[PALETTE[4]].isChecked()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#ABCDEF"))
    qtbot.mouseClick(dialog.colors.other_button, LEFT)
    assert all_labels(db)["Tokyo"].color == "#abcdef"
    assert not any(b.isChecked() for b in dialog.colors.swatches.values())
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor())  # cancelled
    qtbot.mouseClick(dialog.colors.other_button, LEFT)
    assert all_labels(db)["Tokyo"].color == "#abcdef"


def test_delete_names_the_label_and_the_count_and_keeps_the_contacts(
    qtbot, store, db, labelled, boxes
):
    dialog = open_dialog(qtbot, store)
    select(dialog, "VIP")
    with qtbot.waitSignal(store.labelsChanged):
        qtbot.mouseClick(dialog.delete_button, LEFT)
    assert "“VIP”" in boxes[0] and "4 contact(s)" in boxes[0]
    assert sorted(all_labels(db)) == ["Tokyo", "unused"]
    assert dialog.status.text() == "Deleted “VIP” from 4 contact(s)."
    with db.read_session() as s:
        assert contacts.stats(s)["contacts"] == 4
    assert dialog.current() is not None


def test_declining_the_delete_keeps_the_label(qtbot, store, db, labelled, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.No)
    dialog = open_dialog(qtbot, store)
    select(dialog, "VIP")
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert "VIP" in all_labels(db)


def test_no_labels_shows_a_hint(qtbot, store):
    dialog = open_dialog(qtbot, store)
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert not dialog.details.isEnabled()


def test_enter_in_the_name_saves_and_neither_deletes_nor_closes(qtbot, store, db, labelled):
    dialog = open_dialog(qtbot, store)
    select(dialog, "Tokyo")
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Osaka")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # a message box would fail the test
    assert sorted(all_labels(db)) == ["Osaka", "VIP", "unused"]
    assert dialog.isVisible()


def test_every_control_has_an_accessible_name(qtbot, store, labelled):
    dialog = open_dialog(qtbot, store)
    controls = [dialog.table, dialog.name_edit, dialog.description_edit, dialog.save_button,
                dialog.delete_button, dialog.colors.other_button,
                *dialog.colors.swatches.values()]
    assert all(c.accessibleName() for c in controls)
