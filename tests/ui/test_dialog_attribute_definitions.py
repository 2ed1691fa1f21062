"""Settings → Custom attributes, driven as a user would; the database is checked afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from hubdesk.core import attributes as attrs
from hubdesk.core import contacts
from hubdesk.core.models import ATTRIBUTE_TYPES
from hubdesk.ui.dialogs.attribute_definitions import AttributeDefinitionsDialog
from hubdesk.ui.dialogs.attribute_table_model import AttributeTableModel
from hubdesk.ui.dialogs.new_attribute import NewAttributeDialog, suggest_key

LEFT = Qt.MouseButton.LeftButton


class Answers:
    """Message boxes answer themselves and remember what they said."""

    def __init__(self):
        self.texts: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes


@pytest.fixture
def boxes(monkeypatch) -> Answers:
    answers = Answers()

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        answers.texts.append(f"{box.text()}\n{box.informativeText()}")
        return answers.answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return answers


def definitions(db) -> list[attrs.AttributeInfo]:
    with db.read_session() as s:
        return attrs.list_attributes(s)


def define(db, key: str, type_: str, options=None) -> int:
    with db.session() as s:
        return attrs.define_attribute(s, key, key.title(), type_, options).id


def contact_with(db, name: str, **values) -> int:
    with db.session() as s:
        return contacts.create_contact(s, {"first_name": name}, attributes=values)


def values_of(db, contact_id: int) -> dict:
    with db.read_session() as s:
        return attrs.attribute_values(s, contact_id)


def open_dialog(qtbot, store) -> AttributeDefinitionsDialog:
    dialog = AttributeDefinitionsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def select(dialog, key: str) -> None:
    row = next(i for i, d in enumerate(dialog.model.definitions()) if d.key == key)
    dialog.select_row(row)


def test_model_passes_the_model_tester(qtmodeltester, db):
    define(db, "rank", "list", ["A", "B"])
    define(db, "score", "number")
    model = AttributeTableModel()
    model.set_definitions(definitions(db))
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 2)) == "List (2 options)"


@pytest.mark.parametrize("type_", ATTRIBUTE_TYPES)
def test_add_each_type(qtbot, store, db, type_):
    dialog = NewAttributeDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, f"My {type_} field")
    assert dialog.key.text() == f"my_{type_}_field"  # derived from the name
    dialog.type.setCurrentIndex(dialog.type.findData(type_))
    assert dialog.options.isVisible() is (type_ == "list")
    if type_ == "list":
        qtbot.keyClicks(dialog.options, "Gold")
        qtbot.keyClick(dialog.options, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.options, "Silver")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [info] = definitions(db)
    assert (info.key, info.label, info.type) == (f"my_{type_}_field", f"My {type_} field", type_)
    assert info.options == (("Gold", "Silver") if type_ == "list" else ())


def test_key_is_editable_and_refusals_show_beside_it(qtbot, store, db):
    define(db, "rank", "text")
    dialog = NewAttributeDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Rank")
    assert dialog.key.text() == "rank_2"  # "rank" is taken
    dialog.key.selectAll()
    qtbot.keyClicks(dialog.key, "Bad Key")
    qtbot.keyClicks(dialog.name, "ing")
    assert dialog.key.text() == "Bad Key"  # no longer follows the name once typed
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "lower-case" in dialog.messages["key"].text()
    dialog.type.setCurrentIndex(dialog.type.findData("list"))
    dialog.key.setText("tier")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "option" in dialog.messages["options"].text()
    assert [d.key for d in definitions(db)] == ["rank"]


def test_suggested_keys():
    assert suggest_key("Customer rank!", set()) == "customer_rank"
    assert suggest_key("Café owner", set()) == "cafe_owner"
    assert suggest_key("顧客ランク", {"attribute"}) == "attribute_2"
    assert suggest_key("2024 budget", set()) == "attribute_2024_budget"


def test_add_button_opens_the_new_attribute_dialog_and_selects_the_result(
    qtbot, store, db, monkeypatch
):
    define(db, "score", "number")

    def fill_and_accept(new: NewAttributeDialog) -> int:
        qtbot.keyClicks(new.name, "Birthday")
        new.type.setCurrentIndex(new.type.findData("date"))
        new.save()
        return new.result()

    monkeypatch.setattr(NewAttributeDialog, "exec", fill_and_accept)
    dialog = open_dialog(qtbot, store)
    with qtbot.waitSignal(store.attributesChanged):
        qtbot.mouseClick(dialog.add_button, LEFT)
    assert dialog.current().key == "birthday"
    assert dialog.model.rowCount() == 2


def test_rename(qtbot, store, db):
    define(db, "score", "number")
    dialog = open_dialog(qtbot, store)
    assert not dialog.save_button.isEnabled()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Lead score")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(store.attributesChanged):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert definitions(db)[0].label == "Lead score"
    assert dialog.model.data(dialog.model.index(0, 0)) == "Lead score"
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, " ")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "name" in dialog.messages["label"].text()
    assert definitions(db)[0].label == "Lead score"


def test_reorder(qtbot, store, db):
    for key in ("a_first", "b_second", "c_third"):
        define(db, key, "text")
    dialog = open_dialog(qtbot, store)
    assert not dialog.up_button.isEnabled()
    qtbot.mouseClick(dialog.down_button, LEFT)
    assert [d.key for d in definitions(db)] == ["b_second", "a_first", "c_third"]
    assert dialog.current().key == "a_first"  # the moved one stays selected
    qtbot.mouseClick(dialog.down_button, LEFT)
    assert not dialog.down_button.isEnabled()
    select(dialog, "b_second")
    qtbot.mouseClick(dialog.down_button, LEFT)
    qtbot.mouseClick(dialog.up_button, LEFT)
    assert [d.key for d in definitions(db)] == ["b_second", "c_third", "a_first"]


def test_delete_says_how_many_values_go_and_deletes_them(qtbot, store, db, boxes):
    define(db, "score", "number")
    define(db, "note", "text")
    ids = [contact_with(db, n, score=i) for i, n in enumerate(["Ann", "Bo", "Cy"])]
    dialog = open_dialog(qtbot, store)
    select(dialog, "score")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert "Score" in boxes.texts[0] and "3 contact(s)" in boxes.texts[0]
    assert len(definitions(db)) == 2  # declined: nothing deleted (and the count rolled back)
    assert values_of(db, ids[0]) == {"score": 0}
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert [d.key for d in definitions(db)] == ["note"]
    assert all(values_of(db, cid) == {} for cid in ids)
    assert dialog.current().key == "note"


def test_number_to_text_converts_after_asking(qtbot, store, db, boxes):
    define(db, "score", "number")
    ann, bo = contact_with(db, "Ann", score="5"), contact_with(db, "Bo", score="2.5")
    dialog = open_dialog(qtbot, store)
    assert not dialog.change_type_button.isEnabled()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("text"))
    with qtbot.waitSignal(store.attributesChanged):
        qtbot.mouseClick(dialog.change_type_button, LEFT)
    assert "from Number to Text" in boxes.texts[0]
    assert definitions(db)[0].type == "text"
    assert (values_of(db, ann), values_of(db, bo)) == ({"score": "5"}, {"score": "2.5"})
    assert dialog.model.data(dialog.model.index(0, 2)) == "Text"


def test_text_to_number_with_words_is_refused_naming_the_contacts(qtbot, store, db, boxes):
    define(db, "budget", "text")
    contact_with(db, "Ann", budget="1200")
    with db.session() as s:
        bo = contacts.create_contact(s, {"first_name": "太郎", "last_name": "山田"},
                                     attributes={"budget": "たくさん"})
    for i in range(11):
        contact_with(db, f"P{i}", budget=f"lots {i}")
    dialog = open_dialog(qtbot, store)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("number"))
    qtbot.mouseClick(dialog.change_type_button, LEFT)
    [said] = boxes.texts  # no "convert?" question: only the report
    assert "12 value(s)" in said and "cannot become Number" in said
    assert "山田 太郎: “たくさん”" in said
    assert "…and 2 more" in said
    assert "12 value(s) cannot become Number" in dialog.messages["type"].text()
    assert definitions(db)[0].type == "text"
    assert values_of(db, bo) == {"budget": "たくさん"}


def test_list_needs_options_and_options_in_use_cannot_be_removed(qtbot, store, db, boxes):
    define(db, "tier", "list", ["Gold", "Silver"])
    contact_with(db, "Ann", tier="Gold")
    dialog = open_dialog(qtbot, store)
    assert dialog.options_edit.isVisible()
    dialog.options_edit.setPlainText("Silver\nBronze")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Gold" in dialog.messages["options"].text()
    assert definitions(db)[0].options == ("Gold", "Silver")
    dialog.options_edit.setPlainText("Gold\nSilver\nBronze")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert definitions(db)[0].options == ("Gold", "Silver", "Bronze")
    define(db, "plan", "text")
    dialog.reload()
    select(dialog, "plan")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("list"))
    assert dialog.options_edit.isVisible() and dialog.options_edit.toPlainText() == ""
    qtbot.mouseClick(dialog.change_type_button, LEFT)
    assert "option" in dialog.messages["type"].text()
    assert boxes.texts == []


def test_untrusted_names_show_literally(qtbot, store, db):
    with db.session() as s:
        attrs.define_attribute(s, "x", "<b>bold</b>", "text")
    dialog = open_dialog(qtbot, store)
    assert dialog.name_edit.text() == "<b>bold</b>"
    assert dialog.model.data(dialog.model.index(0, 0)) == "<b>bold</b>"


def test_every_control_has_an_accessible_name(qtbot, store, db):
    define(db, "score", "number")
    dialog = open_dialog(qtbot, store)
    controls = [dialog.table, dialog.add_button, dialog.up_button, dialog.down_button,
                dialog.delete_button, dialog.name_edit, dialog.type_combo,
                dialog.change_type_button, dialog.options_edit, dialog.save_button]
    assert all(c.accessibleName() for c in controls)
