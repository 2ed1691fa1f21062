"""The profile header says "Possible duplicate of …" when the contact shown has a likely twin
(and only then), in plain text; Merge… opens the merge dialog for the two, "Not a duplicate"
silences it, and "Merge with…" finds any other contact to merge with."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hubdesk.ui.dialogs.merge_dialog import MergeDialog
from hubdesk.ui.dialogs.pick_contact import PickContactDialog
from tests.ui.test_profile_support import add_contact, make_panel

WAIT = 20_000


@pytest.fixture
def twins(db):
    a = add_contact(db, first_name="<b>Ada</b>", last_name="Lovelace", email="ada@example.com")
    b = add_contact(db, first_name="Ada", last_name="Lovelace", email="ADA@example.com")
    loner = add_contact(db, first_name="Grace", last_name="Hopper", email="grace@navy.mil")
    return a, b, loner


@pytest.fixture
def merge_dialogs(monkeypatch):
    """Merge dialogs opened, answered by the test: each reply is called with the dialog."""
    opened: list[MergeDialog] = []
    replies: list = []

    def exec_(dialog: MergeDialog) -> int:
        opened.append(dialog)
        if replies:
            replies.pop(0)(dialog)
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", exec_)
    return opened, replies


def test_the_hint_shows_for_a_contact_with_a_twin_and_not_for_others(qtbot, db, twins):
    a, b, loner = twins
    panel = make_panel(qtbot, db, b)
    header = panel.header
    assert header.duplicate_hint.isVisibleTo(panel)
    assert header.duplicate_id() == a
    text = header.duplicate_label.text()
    assert text == "Possible duplicate of <b>Ada</b> Lovelace (same email ada@example.com)"
    assert header.duplicate_label.textFormat() == Qt.TextFormat.PlainText
    panel.show_contact(loner)
    assert not header.duplicate_hint.isVisibleTo(panel) and header.duplicate_id() is None
    panel.show_contact(a)
    assert header.duplicate_id() == b


def test_merge_opens_the_dialog_for_the_two_and_shows_the_kept_contact(qtbot, db, twins,
                                                                       merge_dialogs):
    a, b, _ = twins
    opened, replies = merge_dialogs
    panel = make_panel(qtbot, db, b)
    qtbot.mouseClick(panel.header.merge_duplicate_button, Qt.MouseButton.LeftButton)
    assert [d.order for d in opened] == [[b, a]]  # the contact looked at is kept by default
    assert opened[0].keep_id == b and panel.contact_id() == b

    replies.append(lambda d: d.merge())
    with qtbot.waitSignal(panel.contactMerged) as merged:
        panel.header.merge_duplicate_button.click()
    assert merged.args == [b]
    assert panel.contact_id() == b and not panel.header.duplicate_hint.isVisibleTo(panel)
    assert any(n["body"].startswith("Merged from") for n in panel.contact["notes"])


def test_not_a_duplicate_silences_the_hint(qtbot, db, twins):
    a, b, _ = twins
    panel = make_panel(qtbot, db, b)
    panel.header.not_duplicate_button.click()
    assert not panel.header.duplicate_hint.isVisibleTo(panel)
    panel.show_contact(a)
    assert not panel.header.duplicate_hint.isVisibleTo(panel)


def test_merge_with_finds_another_contact_by_search(qtbot, db, twins, merge_dialogs,
                                                    monkeypatch):
    a, _, loner = twins
    opened, _replies = merge_dialogs
    seen: list[list[str]] = []

    def pick(dialog: PickContactDialog) -> int:
        dialog.search.setText("grace")
        dialog.run_search()
        seen.append([dialog.results.item(i).text() for i in range(dialog.results.count())])
        dialog.choose_row(0)
        return dialog.result()

    monkeypatch.setattr(PickContactDialog, "exec", pick)
    panel = make_panel(qtbot, db, a)
    assert panel.header.merge_button.isVisibleTo(panel)
    assert panel.header.merge_button.text() == "Merge with…"
    panel.header.merge_button.click()
    assert seen == [["Grace Hopper  —  grace@navy.mil"]]
    assert [d.order for d in opened] == [[a, loner]]


def test_the_picker_never_offers_the_contact_itself(qtbot, db, twins):
    a, b, loner = twins
    panel = make_panel(qtbot, db, a)
    picker = PickContactDialog(panel.store, exclude=[a])
    qtbot.addWidget(picker)
    ids = {picker.results.item(i).data(Qt.ItemDataRole.UserRole)
           for i in range(picker.results.count())}
    assert ids == {b, loner}
    picker.search.setText("nobody at all")
    picker.run_search()
    assert picker.results.count() == 0 and picker.status.text() == "No matching contact."
    assert not picker.ok.isEnabled()


def test_the_window_looks_for_twins_in_the_background(window_factory, demo_db, qtbot):
    from hubdesk.core.contacts import create_contact

    with demo_db.session() as s:
        a = create_contact(s, {"first_name": "ﾀﾛｳ", "last_name": "ﾔﾏﾀﾞ", "company": "ＡＢＣ商事"})
        b = create_contact(s, {"first_name": "タロウ", "last_name": "ヤマダ", "company": "ABC商事"})
    w = window_factory(demo_db)
    w.search.setText("ABC商事")
    with qtbot.waitSignal(w.listUpdated, timeout=WAIT):
        w.search.returnPressed.emit()
    with qtbot.waitSignal(w.profile.duplicatesChecked, timeout=WAIT):
        w.select_contact(a)
    assert w.profile.header.duplicate_id() == b
    assert "same name and company" in w.profile.header.duplicate_label.text()
