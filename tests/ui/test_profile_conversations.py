from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt

from hubdesk.core.conversations import add_message, start_conversation
from tests.ui.test_profile_support import add_contact, make_panel

LEFT = Qt.MouseButton.LeftButton


def test_empty_state(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    panel.tabs.setCurrentWidget(panel.conversations_tab)
    tab = panel.conversations_tab
    assert tab.items == []
    assert tab.empty_label.isVisibleTo(panel)
    assert tab.empty_label.text() == "No conversations yet"


def test_conversations_newest_first_and_expand_to_their_messages(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    base = datetime(2024, 3, 1, 10, 0)
    with db.session() as s:
        old = start_conversation(s, cid, "email", "Question about <b>pricing</b>",
                                 status="resolved", at=base)
        add_message(s, old, "incoming", "How much is pro?", at=base)
        add_message(s, old, "outgoing", "It is ¥1,200\nper month.", author="Mika",
                    at=base + timedelta(hours=1))
        new = start_conversation(s, cid, "whatsapp", "納期の確認", at=base + timedelta(days=2))
        add_message(s, new, "incoming", "<script>alert(1)</script>",
                    at=base + timedelta(days=2))
    panel = make_panel(qtbot, db, cid)
    tab = panel.conversations_tab
    panel.tabs.setCurrentWidget(tab)
    assert panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Conversations (2)"
    assert [i.conversation_id for i in tab.items] == [new, old]
    first, second = tab.items
    assert first.subject_label.text() == "納期の確認"
    assert first.channel_label.text() == "WhatsApp"
    assert first.status_label.text() == "Open"
    assert first.preview_label.text() == "<script>alert(1)</script>"
    assert first.preview_label.textFormat() == Qt.TextFormat.PlainText
    assert second.subject_label.text() == "Question about <b>pricing</b>"
    assert second.preview_label.text() == "It is ¥1,200 per month."  # the last message
    assert second.time_label.text() == "2024-03-01"
    assert not second.messages_box.isVisibleTo(panel)

    # A click on the summary shows the messages, oldest first, as plain text.
    qtbot.mouseClick(second, LEFT, pos=QPoint(second.width() // 2, 8))
    assert second.is_expanded()
    assert second.messages_box.isVisibleTo(panel)
    assert [lb.text() for lb in second.message_labels] == [
        "How much is pro?", "It is ¥1,200\nper month."]
    assert all(lb.textFormat() == Qt.TextFormat.PlainText for lb in second.message_labels)

    # Still expanded after the contact is refreshed; a second click collapses it.
    panel.store.set_field(cid, "company", "Engines")
    second = tab.items[1]
    assert second.is_expanded()
    qtbot.mouseClick(second.toggle_button, LEFT)
    assert not second.is_expanded()
