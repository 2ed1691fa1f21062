"""The Conversations tab's threads: bubbles in order and on their side, times in both zones,
long threads opened a page at a time, status changes, replies, the mail app, new messages,
logged calls, and message text that can never act as markup or open a dangerous link."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt, QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument

from hubdesk.core.conversations import add_message, start_conversation
from hubdesk.core.errors import ValidationError
from hubdesk.ui.profile.message_text import linked_html
from tests.ui.test_accessible_names import _unnamed
from tests.ui.test_profile_support import add_contact, make_panel

BASE = datetime(2024, 3, 1, 0, 0)  # naive UTC, as stored
DECODED = QUrl.ComponentFormattingOption.FullyDecoded


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    """Every URL handed to the system (browser, mail app) instead of opening it."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


@pytest.fixture
def in_tokyo():
    """The user's computer in Tokyo, English month names whatever the test machine's locale."""
    locale = QLocale()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "Asia/Tokyo")
        time.tzset()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        yield
    QLocale.setDefault(locale)
    time.tzset()


def conversation(db, cid: int, messages, channel: str = "email", subject: str = "Renewal",
                 status: str = "open") -> int:
    """messages: (direction, body, minutes after BASE[, extra add_message arguments])."""
    with db.session() as s:
        conv = start_conversation(s, cid, channel, subject, status=status, at=BASE)
        for direction, body, minutes, *extra in messages:
            add_message(s, conv, direction, body, at=BASE + timedelta(minutes=minutes),
                        **(extra[0] if extra else {}))
    return conv


def expanded(qtbot, panel, conversation_id: int):
    tab = panel.conversations_tab
    panel.tabs.setCurrentWidget(tab)
    item = tab.item(conversation_id)
    assert item is not None
    if not item.is_expanded():
        qtbot.mouseClick(item.toggle_button, Qt.MouseButton.LeftButton)
    assert item.thread is not None
    return item


def rendered(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def anchors(html: str) -> list[str]:
    document = QTextDocument()
    document.setHtml(html)
    found, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            it += 1
        block = block.next()
    return found


# --- the thread -----------------------------------------------------------------------------
def test_messages_oldest_first_incoming_left_outgoing_right(qtbot, db):
    cid = add_contact(db, first_name="Ada", last_name="Lovelace")
    # Written out of order: the thread orders by time sent, not by when it was recorded.
    conv = conversation(db, cid, [("outgoing", "Second", 20, {"author": "Mika"}),
                                  ("incoming", "First", 10),
                                  ("incoming", "Third", 30)])
    panel = make_panel(qtbot, db, cid)
    item = expanded(qtbot, panel, conv)
    bubbles = item.thread.bubbles
    assert [b.body_text() for b in bubbles] == ["First", "Second", "Third"]
    assert [b.author_label.text() for b in bubbles] == ["Ada Lovelace", "Mika", "Ada Lovelace"]
    assert [b.alignment for b in bubbles] == [Qt.AlignmentFlag.AlignLeft,
                                              Qt.AlignmentFlag.AlignRight,
                                              Qt.AlignmentFlag.AlignLeft]
    thread = item.thread

    def sides():
        left = bubbles[0].mapTo(thread, bubbles[0].rect().topLeft()).x()
        right = bubbles[1].mapTo(thread, bubbles[1].rect().topRight()).x()
        return left, right

    # What the user sees: theirs against the left edge, the user's own against the right.
    qtbot.waitUntil(lambda: sides()[0] <= 2 and sides()[1] >= thread.width() - 3)
    assert bubbles[0].width() < thread.width() and bubbles[1].width() < thread.width()


def test_times_in_the_users_zone_and_the_contacts(qtbot, db, in_tokyo):
    london = add_contact(db, first_name="Ada", timezone="Europe/London")
    conv = conversation(db, london, [
        ("incoming", "winter", 0),  # 00:00 UTC: 09:00 in Tokyo, 00:00 in London (GMT)
        ("incoming", "summer", 60 * 24 * 122),  # Jul 1 00:00 UTC: London is on BST
        ("incoming", "late", 20 * 60),  # 20:00 UTC: already the next day in Tokyo
    ])
    panel = make_panel(qtbot, db, london)
    item = expanded(qtbot, panel, conv)
    assert [b.time_text() for b in item.thread.bubbles] == [
        "Mar 1, 2024, 09:00 · their time 00:00 (Europe/London)",
        "Mar 2, 2024, 05:00 · their time Mar 1, 2024, 20:00 (Europe/London)",
        "Jul 1, 2024, 09:00 · their time 01:00 (Europe/London)",
    ]
    # Someone on the user's own clock, or in no known zone: the user's time only.
    for zone in ("Asia/Tokyo", None):
        other = add_contact(db, first_name="Mika", timezone=zone)
        conv = conversation(db, other, [("incoming", "hi", 0)])
        panel.show_contact(other)
        item = expanded(qtbot, panel, conv)
        assert item.thread.bubbles[0].time_text() == "Mar 1, 2024, 09:00"
        assert not item.thread.bubbles[0].their_time_label.isVisibleTo(item)


def test_a_long_thread_shows_its_last_fifty_and_earlier_ones_on_request(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    conv = conversation(db, cid, [("incoming" if n % 2 else "outgoing", f"message {n}", n)
                                  for n in range(120)])
    panel = make_panel(qtbot, db, cid)
    item = expanded(qtbot, panel, conv)
    thread = item.thread
    assert len(thread.bubbles) == 50
    assert thread.bubbles[0].body_text() == "message 70"
    assert thread.bubbles[-1].body_text() == "message 119"
    assert thread.earlier_button.isVisibleTo(panel)
    assert thread.earlier_button.text() == "Show 50 of 70 earlier messages"

    qtbot.mouseClick(thread.earlier_button, Qt.MouseButton.LeftButton)
    assert [b.body_text() for b in thread.bubbles] == [f"message {n}" for n in range(20, 120)]
    assert thread.earlier_button.text() == "Show 20 earlier messages"

    # A refresh (any change to the contact) keeps what was opened.
    panel.store.set_field(cid, "company", "Engines")
    thread = panel.conversations_tab.item(conv).thread
    assert len(thread.bubbles) == 100
    qtbot.mouseClick(thread.earlier_button, Qt.MouseButton.LeftButton)
    assert [b.body_text() for b in thread.bubbles] == [f"message {n}" for n in range(120)]
    assert not thread.earlier_button.isVisibleTo(panel)


def test_status_change_is_undoable(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    conv = conversation(db, cid, [("incoming", "Hello", 0)])
    panel = make_panel(qtbot, db, cid)
    store, tab = panel.store, panel.conversations_tab
    combo = expanded(qtbot, panel, conv).thread.status_combo
    assert combo.currentText() == "Open"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the user picks the next status: Pending
    assert store.conversations(cid)[0]["status"] == "pending"
    item = tab.item(conv)
    assert item.status_label.text() == "Pending"
    assert item.is_expanded() and item.thread.status_combo.currentText() == "Pending"

    store.undo_stack.undo()
    assert store.conversations(cid)[0]["status"] == "open"
    assert tab.item(conv).status_label.text() == "Open"
    assert tab.item(conv).thread.status_combo.currentText() == "Open"
    store.undo_stack.redo()
    assert tab.item(conv).status_label.text() == "Pending"


# --- replying -------------------------------------------------------------------------------
def test_reply_with_ctrl_enter_adds_an_outgoing_message_and_undo_removes_it(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    conv = conversation(db, cid, [("incoming", "When can you deliver?", 0)], channel="sms")
    panel = make_panel(qtbot, db, cid)
    store, tab = panel.store, panel.conversations_tab
    store.author = "Mika"
    box = expanded(qtbot, panel, conv).reply_box
    assert box.mail_button is None  # not an email conversation
    assert not box.add_button.isEnabled()
    box.editor.setPlainText("来週の火曜日に")
    box.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box.editor, " OK?")
    # A draft survives a refresh of the tab.
    store.set_field(cid, "company", "Engines")
    box = tab.item(conv).reply_box
    assert box.editor.toPlainText() == "来週の火曜日に OK?"
    assert box.editor.textCursor().atEnd()

    qtbot.keyClick(box.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    item = tab.item(conv)
    last = item.thread.bubbles[-1]
    assert (last.body_text(), last.direction, last.author_label.text()) == (
        "来週の火曜日に OK?", "outgoing", "Mika")
    assert last.alignment == Qt.AlignmentFlag.AlignRight
    assert item.reply_box.editor.toPlainText() == ""
    contact = store.contact(cid)
    assert contact["last_activity_at"] == contact["conversations"][0]["last_message_at"]
    assert contact["last_activity_at"] > BASE.isoformat()

    store.undo_stack.undo()
    assert [b.body_text() for b in tab.item(conv).thread.bubbles] == ["When can you deliver?"]
    assert store.contact(cid)["last_activity_at"] == BASE.isoformat()


def test_send_with_mail_app_opens_mailto_and_records_the_reply(qtbot, db, opened):
    cid = add_contact(db, first_name="Ada", email="ada@example.com")
    conv = conversation(db, cid, [("incoming", "Quote?", 0)], subject="納期 & price=1+1")
    panel = make_panel(qtbot, db, cid)
    box = expanded(qtbot, panel, conv).reply_box
    assert box.mail_button is not None and not box.mail_button.isEnabled()
    box.editor.setPlainText("こんにちは\nSee you #3 & 100%")
    assert box.mail_button.isEnabled()
    qtbot.mouseClick(box.mail_button, Qt.MouseButton.LeftButton)

    [url] = opened
    query = QUrlQuery(url)
    assert (url.scheme(), url.path()) == ("mailto", "ada@example.com")
    assert query.queryItemValue("subject", DECODED) == "Re: 納期 & price=1+1"
    assert query.queryItemValue("body", DECODED) == "こんにちは\r\nSee you #3 & 100%"
    bubbles = panel.conversations_tab.item(conv).thread.bubbles
    assert bubbles[-1].body_text() == "こんにちは\nSee you #3 & 100%"


def test_mail_app_not_there_records_nothing(qtbot, db, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    cid = add_contact(db, first_name="Ada", email="ada@example.com")
    conv = conversation(db, cid, [("incoming", "Quote?", 0)])
    panel = make_panel(qtbot, db, cid)
    box = expanded(qtbot, panel, conv).reply_box
    box.editor.setPlainText("Here it is")
    qtbot.mouseClick(box.mail_button, Qt.MouseButton.LeftButton)
    assert box.error.isVisibleTo(panel) and "not recorded" in box.error.text()
    assert len(panel.store.conversations(cid)[0]["messages"]) == 1
    assert box.editor.toPlainText() == "Here it is"


def test_no_email_address_disables_the_mail_app_and_says_why(qtbot, db, opened):
    cid = add_contact(db, first_name="Ada", phone="+81 90 1234 5678")
    conv = conversation(db, cid, [("incoming", "Quote?", 0)])
    panel = make_panel(qtbot, db, cid)
    box = expanded(qtbot, panel, conv).reply_box
    box.editor.setPlainText("Here it is")
    assert not box.mail_button.isEnabled()
    assert "no email address" in box.mail_button.toolTip()
    assert box.add_button.isEnabled()
    assert _unnamed(panel) == []  # the thread's and reply box's controls have names


# --- new conversations ----------------------------------------------------------------------
def test_new_message_creates_a_conversation_shown_open(qtbot, db, opened):
    cid = add_contact(db, first_name="Ada", email="ada@example.com")
    panel = make_panel(qtbot, db, cid)
    store, tab = panel.store, panel.conversations_tab
    panel.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_message_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert _unnamed(dialog) == []
    dialog.channel.setCurrentIndex(dialog.channel.findData("whatsapp"))
    assert not dialog.mail_button.isVisible()  # only for email
    dialog.subject.setText("納期の確認")
    assert not dialog.ok_button.isEnabled()  # nothing to record yet
    dialog.body.setPlainText("明日届きますか？")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible() and opened == []
    [conv] = store.conversations(cid)
    assert (conv["channel"], conv["subject"], conv["status"]) == ("whatsapp", "納期の確認", "open")
    assert [(m["direction"], m["body"]) for m in conv["messages"]] == [
        ("outgoing", "明日届きますか？")]
    item = tab.item(conv["id"])
    assert item.is_expanded()
    assert item.thread.bubbles[0].body_text() == "明日届きますか？"
    store.undo_stack.undo()
    assert store.conversations(cid) == [] and tab.items == []


def test_new_email_can_go_through_the_mail_app(qtbot, db, opened):
    cid = add_contact(db, first_name="Ada", email="ada@example.com")
    panel = make_panel(qtbot, db, cid)
    tab = panel.conversations_tab
    dialog = tab.new_message()  # what a header button calls
    assert dialog.channel.currentData() == "email"
    dialog.subject.setText("Pricing & plans")
    dialog.body.setPlainText("Dear Ada,\nthe plans: https://example.com/plans?a=1&b=2")
    assert dialog.mail_button.isVisible() and dialog.mail_button.isEnabled()
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)

    [url] = opened
    query = QUrlQuery(url)
    assert url.path() == "ada@example.com"
    assert query.queryItemValue("subject", DECODED) == "Pricing & plans"  # no "Re:" here
    assert query.queryItemValue("body", DECODED) == (
        "Dear Ada,\r\nthe plans: https://example.com/plans?a=1&b=2")
    [conv] = panel.store.conversations(cid)
    assert conv["channel"] == "email" and not dialog.isVisible()


def test_log_call_records_duration_and_outcome(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    tab = panel.conversations_tab
    panel.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.log_call_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert _unnamed(dialog) == []
    assert dialog.outcome.currentText() == "Reached"
    dialog.direction.setCurrentIndex(dialog.direction.findData("incoming"))
    dialog.duration.setValue(15)
    dialog.notes.setPlainText("Renewal: wants the yearly plan")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [conv] = panel.store.conversations(cid)
    [message] = conv["messages"]
    assert conv["channel"] == "phone"
    assert (message["direction"], message["duration_minutes"], message["outcome"],
            message["body"]) == ("incoming", 15, "Reached", "Renewal: wants the yearly plan")
    bubble = tab.item(conv["id"]).thread.bubbles[0]
    assert bubble.call_label.text() == "Call · 15 min · Reached"
    assert bubble.body_text() == "Renewal: wants the yearly plan"


def test_log_meeting_with_an_outcome_of_ones_own(qtbot, db):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    dialog = panel.conversations_tab.log_call()
    dialog.outcome.setEditText("Signed the contract")
    dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))  # what was typed stays
    assert dialog.outcome.currentText() == "Signed the contract"
    assert dialog.ok_button.text() == "Log meeting"
    dialog.duration.setValue(90)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [conv] = panel.store.conversations(cid)
    assert conv["channel"] == "meeting"
    item = panel.conversations_tab.item(conv["id"])
    assert item.thread.bubbles[0].call_label.text() == "Meeting · 1 h 30 min · Signed the contract"
    assert not item.thread.bubbles[0].body_label.isVisibleTo(item)  # no notes, no empty line


def test_errors_from_the_store_show_beside_the_field(qtbot, db, monkeypatch):
    cid = add_contact(db, first_name="Ada")
    panel = make_panel(qtbot, db, cid)
    dialog = panel.conversations_tab.log_call()

    def refuse(*_args, **_kwargs):
        raise ValidationError({"duration": "must be between 0 and 1,440 minutes"})

    monkeypatch.setattr(panel.store, "start_conversation", refuse)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.messages["duration"].isVisibleTo(dialog)
    assert dialog.messages["duration"].text() == "Must be between 0 and 1,440 minutes"


# --- untrusted text -------------------------------------------------------------------------
def test_hostile_text_shows_literally(qtbot, db, opened):
    cid = add_contact(db, first_name="<b>Eve</b>")
    hostile = "<b>x</b> &amp; <img src=x onerror=alert(1)>"
    with_link = "<b>x</b> see https://example.com/?q=1&r=<i>2</i> or <a href='file:///etc'>"
    conv = conversation(db, cid, [("incoming", hostile, 0),
                                  ("incoming", with_link, 1, {"author": "<i>Mallory</i>"})],
                        subject="<script>alert(1)</script>")
    panel = make_panel(qtbot, db, cid)
    item = expanded(qtbot, panel, conv)
    plain, linked = item.thread.bubbles
    assert plain.body_label.textFormat() == Qt.TextFormat.PlainText
    assert plain.body_label.text() == hostile
    assert plain.author_label.text() == "<b>Eve</b>"
    assert linked.author_label.text() == "<i>Mallory</i>"
    # With a link the label is rich text, built from escaped pieces: it reads as written,
    # and the only link in it is the web address.
    assert linked.body_label.textFormat() == Qt.TextFormat.RichText
    assert linked.body_text() == with_link
    assert anchors(linked.body_label.text()) == ["https://example.com/?q=1&r="]
    assert item.subject_label.text() == "<script>alert(1)</script>"
    assert item.reply_box.editor.accessibleName() == "Reply to <script>alert(1)</script>"


def test_only_web_and_mail_links_open(qtbot, db, opened):
    cid = add_contact(db, first_name="Ada")
    body = ("javascript:alert(1) file:///etc/passwd data:text/html,x "
            "詳細はhttps://example.co.jp/a?b=1をご覧ください。 mailto:ada@example.com.")
    conv = conversation(db, cid, [("incoming", body, 0)])
    panel = make_panel(qtbot, db, cid)
    bubble = expanded(qtbot, panel, conv).thread.bubbles[0]
    html = bubble.body_label.text()
    assert anchors(html) == ["https://example.co.jp/a?b=1", "mailto:ada@example.com"]
    assert bubble.body_text() == body
    assert not bubble.body_label.openExternalLinks()

    # Even a link that somehow got in is refused unless it is http, https or mailto.
    for link in ("javascript:alert(1)", "file:///etc/passwd", "JAVASCRIPT:x", "data:,x",
                 "http:///nohost"):
        bubble.body_label.linkActivated.emit(link)
    assert opened == []
    bubble.body_label.linkActivated.emit("https://example.co.jp/a?b=1")
    assert [u.toString() for u in opened] == ["https://example.co.jp/a?b=1"]


def test_links_are_found_strictly():
    assert linked_html("no links here, just example.com") is None
    assert anchors(linked_html("(see https://example.com/a_(b))")) == [
        "https://example.com/a_(b)"]
    assert anchors(linked_html("ends a sentence https://example.com/x.")) == [
        "https://example.com/x"]
    assert anchors(linked_html('quote "https://example.com/"onmouseover=x"')) == [
        "https://example.com/"]
    long = "https://example.com/" + "a" * 200
    html = linked_html(long)
    assert anchors(html) == [long]  # shown shortened, the link whole
    assert "…" in rendered(html) and len(rendered(html)) < 80


def test_a_new_message_makes_the_contact_the_latest_activity_in_the_list(
        window_factory, demo_db, qtbot):
    from hubdesk.ui.contact_list import COLUMNS

    w = window_factory(demo_db)
    column = [key for key, _header, _sortable in COLUMNS].index("last_activity_at")
    w.table.selectRow(w.model.rowCount() - 1)
    cid = w.current_id()
    dialog = w.profile.conversations_tab.new_message()
    dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))
    dialog.body.setPlainText("Your order shipped")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.listUpdated, timeout=10_000):
        w.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    first = w.model.index(0, column)
    assert w.model.data(first, w.model.IdRole) == cid
    assert w.model.data(first) == "just now"
