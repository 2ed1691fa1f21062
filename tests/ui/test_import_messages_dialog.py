"""File → Import messages…: a dry run lists the rows that match nobody, Import adds the
conversations in the background as one undo step."""

from __future__ import annotations

import pytest

from hubdesk.ui.dialogs.import_messages import ImportMessagesDialog
from hubdesk.ui.jobs import JobRunner

WAIT = 10_000


@pytest.fixture
def runner():
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    jobs.wait()


def test_dry_run_then_import_then_undo(qtbot, store, runner, tmp_path):
    cid = store.create_contact({"first_name": "Ann", "email": "ann@example.com"})
    store.jobs = runner  # the store's bulk work runs in the background, as in the window
    path = tmp_path / "m.csv"
    path.write_text("email,direction,time,body\nann@example.com,in,2026-01-02 10:00,<b>hi</b>\n"
                    "bob@example.com,in,2026-01-02 11:00,who?\n", encoding="utf-8")
    dialog = ImportMessagesDialog(store, runner, "JP")
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT)
    assert dialog.summary.text().startswith("1 of 2 messages match a contact")
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "Row 2: no contact with bob@example.com"]
    assert store.contact(cid)["conversations"] == []  # the dry run wrote nothing
    with qtbot.waitSignal(store.bulk.done, timeout=WAIT):
        dialog.import_button.click()
    [conv] = store.contact(cid)["conversations"]
    assert conv["messages"][0]["body"] == "<b>hi</b>"
    with qtbot.waitSignal(store.bulk.done, timeout=WAIT):
        store.undo_stack.undo()
    assert store.contact(cid)["conversations"] == []
    with qtbot.waitSignal(store.bulk.done, timeout=WAIT):
        store.undo_stack.redo()
    assert len(store.contact(cid)["conversations"]) == 1
