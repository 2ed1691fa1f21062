"""Screenshots for docs/: the real window on demo data, as a user sees it.

Run under a (virtual) screen:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python build/screenshots.py
(`build/screenshots.py NAME` takes only one set, NAME from SHOTS: `filter-builder`,
`export`, `duplicates`, `conversations`, `health`, `team` (edit conflict, interrupted
import), `polish` (dark theme, preferences), `japanese` (docs/ja-*.png, the UI in Japanese).)
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from hubdesk.config import sqlite_url
from hubdesk.core.db import open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.ui.app import make_application
from hubdesk.ui.dialogs.contact_editor import ContactEditor
from hubdesk.ui.main_window import MainWindow

DOCS = Path(__file__).resolve().parents[1] / "docs"


def settle(window: MainWindow, ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(window: MainWindow, name: str) -> None:
    window.grab().save(str(DOCS / name))
    print(f"wrote docs/{name}")


def filter_builder(tmp: Path, settings: QSettings) -> None:
    """Two conditions applied from the builder, three saved segments in the sidebar."""
    from PySide6.QtWidgets import QLineEdit

    from hubdesk.core.segments import save_segment

    db = open_database(sqlite_url(tmp / "segments.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
        save_segment(s, "VIP customers", "label:vip and label:customer")
        save_segment(s, "Enterprise plans", "plan:enterprise")
        save_segment(s, "Quiet for 90 days", "last_activity older-than 90d")
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.filter_action.setChecked(True)
    builder = window.filter_builder
    first = builder.rows()[0]
    first.set_field("label")
    first.set_op("has_any")
    first.value.inputs[0].set_values(["vip"])
    second = builder.add_row()
    second.set_field("attr:account_size")
    second.set_op("gt")
    edit = second.value.inputs[0]
    assert isinstance(edit, QLineEdit)
    edit.setText("100")
    builder.apply()
    settle(window, 900)
    window.table.selectRow(0)
    settle(window, 300)
    shoot(window, "filter-builder.png")
    window.close()
    db.dispose()


def export_and_bulk(tmp: Path, settings: QSettings) -> None:
    """The export dialog over a filtered list, and the bulk 'Add labels' dialog."""
    from hubdesk.core.filters import parse, resolve
    from hubdesk.ui.dialogs.bulk_edit import BulkEditDialog
    from hubdesk.ui.dialogs.export_dialog import ExportDialog, ExportScopes

    db = open_database(sqlite_url(tmp / "export.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
        where = resolve(s, parse("label:vip and plan:pro"))
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.apply_filter(where)
    settle(window, 900)
    window.table.selectAll()
    settle(window, 200)
    scopes = ExportScopes(all_count=5000, current=window.query,
                          current_count=window.model.rowCount(),
                          selected=window.selected_ids())
    dialog = ExportDialog(window.store, window.jobs, window.settings, scopes, window)
    dialog.scope_current.setChecked(True)
    dialog.path_edit.setText(str(Path.home() / "Documents" / "vip-pro-2026-11-25.csv"))
    dialog.show()
    settle(window, 300)
    shoot(dialog, "export-dialog.png")
    dialog.reject()
    bulk = BulkEditDialog(window.store, "add_labels", window.selected_ids(), window)
    bulk.labels_edit.setText("展示会2026, follow-up")
    bulk.show()
    settle(window, 300)
    shoot(bulk, "bulk-add-labels.png")
    bulk.reject()
    window.close()
    db.dispose()


def duplicates(tmp: Path, settings: QSettings) -> None:
    """Tools → Find duplicates over demo data with a planted pair (the same person typed
    with full-width and half-width characters), and the merge dialog for that pair."""
    from hubdesk.core.contacts import create_contact
    from hubdesk.ui.dialogs.merge_dialog import MergeDialog

    db = open_database(sqlite_url(tmp / "duplicates.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
        older = create_contact(s, {
            "first_name": "太郎", "last_name": "山田", "first_name_reading": "たろう",
            "last_name_reading": "やまだ", "email": "taro.yamada@abc-shoji.co.jp",
            "phone": "03-1234-5678", "company": "株式会社ＡＢＣ商事", "job_title": "営業部長",
            "address_city": "千代田区", "address_region": "東京都"},
            labels=["customer"], region="JP", now=datetime(2025, 3, 2, 9, 30))
        newer = create_contact(s, {
            "first_name": "ﾀﾛｳ", "last_name": "ﾔﾏﾀﾞ", "email": "t.yamada@abc-shoji.co.jp",
            "phone": "090-8765-4321", "company": "株式会社ABC商事", "job_title": "部長",
            "timezone": "Asia/Tokyo"}, labels=["展示会2026"], region="JP")
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.find_duplicates()
    view = window.duplicates_view
    assert view is not None
    view.resize(900, 560)
    while view.is_scanning():
        settle(window, 200)
    group = next(g for g in view.model.groups() if {older, newer} <= set(g.ids))
    view.select_group(group.key)
    view.tree.scrollTo(view.model.group_index(group.key),
                       view.tree.ScrollHint.PositionAtCenter)
    settle(window, 300)
    shoot(view, "duplicates-view.png")
    dialog = MergeDialog(window.store, group.ids, parent=view)
    dialog.show()
    settle(window, 300)
    shoot(dialog, "merge-dialog.png")
    dialog.reject()
    view.close()
    window.close()
    db.dispose()


def conversation_thread(tmp: Path, settings: QSettings) -> None:
    """A Japanese contact's email thread, expanded: bubbles both ways, a link, the contact's
    time beside the user's, and a reply being written."""
    import os
    import time
    from datetime import UTC, datetime, timedelta

    from hubdesk.core import contacts, conversations

    saved_tz = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"  # the user, replying to someone in Tokyo
    time.tzset()
    db = open_database(sqlite_url(tmp / "conversations.db"))
    now = datetime.now(UTC).replace(tzinfo=None, second=0, microsecond=0)
    with db.session() as s:
        add_demo_contacts(s, 300, seed=5)
        cid = contacts.create_contact(s, {
            "first_name": "美咲", "last_name": "山本", "email": "misaki.yamamoto@example.co.jp",
            "company": "株式会社さくら精機", "timezone": "Asia/Tokyo"})
        call = conversations.start_conversation(s, cid, "phone", "導入前の打ち合わせ",
                                                status="resolved", at=now - timedelta(days=9))
        conversations.add_message(s, call, "outgoing", "要件を確認。見積もりはメールで送付。",
                                  author="Mika Sato", at=now - timedelta(days=9),
                                  duration_minutes=25, outcome="Reached")
        thread = conversations.start_conversation(s, cid, "email", "年間プランのお見積もり",
                                                  status="pending", at=now - timedelta(days=2))
        for offset, direction, author, body in (
            (timedelta(days=2, hours=5), "incoming", "",
             "お世話になっております。年間プラン（20名）のお見積もりをお願いできますか。\n"
             "仕様はこちらです: https://example.co.jp/rfq/2024-118"),
            (timedelta(days=1, hours=22), "outgoing", "Mika Sato",
             "山本様\nありがとうございます。お見積もりを添付いたしました。"
             "料金の詳細は https://hubdesk.example/pricing をご覧ください。"),
            (timedelta(hours=7), "incoming", "",
             "ありがとうございます。社内で確認のうえ、来週ご連絡いたします。"),
        ):
            conversations.add_message(s, thread, direction, body, author=author,
                                      at=now - offset)
    window = MainWindow(db, settings)
    window.resize(1400, 900)
    window.show()
    settle(window)
    window.splitter.setSizes([780, 620])
    window.search.setText("山本 美咲")
    settle(window, 900)
    window.select_contact(cid)
    window.profile.tabs.setCurrentWidget(window.profile.conversations_tab)
    settle(window, 200)
    tab = window.profile.conversations_tab
    item = tab.item(thread)
    item.set_expanded(True)
    item.reply_box.editor.setPlainText("山本様\nご確認ありがとうございます。ご連絡をお待ちしております。")
    settle(window, 400)
    shoot(window.profile, "conversation-thread.png")
    window.close()
    db.dispose()
    if saved_tz is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved_tz
    time.tzset()


def polish(tmp: Path, settings: QSettings) -> None:
    """The main window in the dark theme with a labelled contact selected, and the
    Preferences dialog (over the light theme, as most users first see it)."""
    from hubdesk.ui.dialogs.settings_dialog import SettingsDialog
    from hubdesk.ui.theme import AppTheme

    db = open_database(sqlite_url(tmp / "polish.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
    theme = AppTheme.of()
    theme.set_theme("dark")
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.splitter.setSizes([900, 500])
    header = window.table.horizontalHeader()
    for column, width in enumerate((190, 230, 0, 0, 130, 190, 0)):
        header.setSectionHidden(column, not width)  # room for the Labels column
        if width:
            header.resizeSection(column, width)
    # A contact with several labels, so the chips in the list and the profile show.
    row = max(range(40), key=lambda r: len(window.model.contact_row(r).labels))
    window.table.selectRow(row)
    window.profile.tabs.setCurrentWidget(window.profile.labels_tab)
    settle(window, 400)
    shoot(window, "dark-theme.png")
    window.close()
    theme.set_theme("light")
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.store.author = "Mika Sato"
    dialog = SettingsDialog(window.settings, window.store, window.jobs, window)
    dialog.author.setText("Mika Sato")
    dialog.show()
    settle(window, 300)
    shoot(dialog, "settings.png")
    # The Database page with a team server filled in (nothing is saved: the dialog is
    # rejected, and no connection is made without Test connection).
    dialog.tabs.setCurrentWidget(dialog.database_page)
    page = dialog.database_page
    page.server_radio.setChecked(True)
    page.server_form.host.setText("db.example.com")
    page.server_form.database.setText("hubdesk")
    page.server_form.user.setText("mika")
    page.server_form.password.setText("correct horse battery")
    dialog.adjustSize()
    settle(window, 300)
    shoot(dialog, "settings-team-server.png")
    dialog.reject()
    window.close()
    db.dispose()


def health(tmp: Path, settings: QSettings) -> None:
    """View → Health over demo data with the problems real lists have, its "no time zone"
    row shown in the list."""
    from PySide6.QtWidgets import QScrollArea
    from sqlalchemy import update

    from hubdesk.core.contacts import create_contact
    from hubdesk.core.models import Contact

    db = open_database(sqlite_url(tmp / "health.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
        ids = Contact.id
        s.execute(update(Contact).where(ids % 17 == 0).values(timezone=None))
        s.execute(update(Contact).where(ids % 41 == 0).values(email=None))
        s.execute(update(Contact).where(ids % 97 == 0).values(deleted_at=datetime(2026, 9, 1)))
        s.execute(update(Contact).where(ids % 53 == 0).values(
            email="info at example dot com",
            problems='[{"field": "email", "message": "An email address must have an @-sign.", '
                     '"value": "info at example dot com"}]'))
        for n in range(6):  # the same people typed twice
            create_contact(s, {"first_name": "Sam", "last_name": f"Rivera{n}",
                               "email": f"sam.rivera{n}@example.org",
                               "phone": f"03-5555-01{n:02d}", "address_country": "JP"},
                           region="JP")
            create_contact(s, {"first_name": "Samuel", "last_name": f"Rivera{n}",
                               "email": f"SAM.RIVERA{n}@example.org"}, region="JP")
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.segments_dock.hide()
    window.health_dock.show()
    view = window.health_dock.ensure_view()
    while view.figures is None or view.duplicates is None:
        settle(window, 200)
    window.health_dock.show_filter("timezone is-empty")
    settle(window, 900)
    window.splitter.setSizes([560, 400])
    window.table.selectRow(0)
    settle(window, 400)
    shoot(window, "health-view.png")
    content = view.findChild(QScrollArea).widget()  # every chart, as the dock scrolls them
    content.resize(460, content.sizeHint().height())
    shoot(content, "health-charts.png")
    window.close()
    db.dispose()


def japanese_ui(tmp: Path, settings: QSettings) -> None:
    """The Japanese UI (HUBDESK_LANG=ja): the main window, the import wizard's file page and
    the filter builder, as docs/ja-*.png."""
    import os

    from import_wizard_screenshots import write_file

    from hubdesk.core.segments import save_segment
    from hubdesk.ui.i18n import install_translators
    from hubdesk.ui.import_wizard import ImportWizard
    from hubdesk.ui.jobs import JobRunner
    from hubdesk.ui.store import ContactStore

    os.environ["HUBDESK_LANG"] = "ja"
    install_translators("ja")
    db = open_database(sqlite_url(tmp / "japanese.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
        save_segment(s, "VIP顧客", "label:vip and label:customer")
        save_segment(s, "エンタープライズ契約", "plan:enterprise")
        save_segment(s, "90日間連絡なし", "last_activity older-than 90d")
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    settle(window)
    window.splitter.setSizes([860, 540])
    row = next(r for r in range(window.model.rowCount())
               if any("\u4e00" <= ch <= "\u9fff" for ch in window.model.data(
                   window.model.index(r, 0))))
    window.table.selectRow(row)
    window.table.scrollTo(window.model.index(row, 0), window.table.ScrollHint.PositionAtCenter)
    settle(window, 300)
    shoot(window, "ja-main-window.png")

    window.filter_action.setChecked(True)
    builder = window.filter_builder
    first = builder.rows()[0]
    first.set_field("label")
    first.set_op("has_any")
    first.value.inputs[0].set_values(["vip"])
    second = builder.add_row()
    second.set_field("last_activity_at")
    second.set_op("older_days")
    builder.apply()
    settle(window, 900)
    window.table.selectRow(0)
    settle(window, 300)
    shoot(window, "ja-filter-builder.png")

    path = tmp / "連絡先.csv"
    write_file(path, 2000)
    wizard = ImportWizard(ContactStore(db), JobRunner(), path=path)
    wizard.show()
    while not wizard.file_page.isComplete():
        settle(window, 100)
    settle(window, 300)
    shoot(wizard, "ja-import-wizard.png")
    wizard.close()
    window.close()
    db.dispose()
    install_translators("en")
    del os.environ["HUBDESK_LANG"]


def team_and_recovery(tmp: Path, settings: QSettings) -> None:
    """Two HubDesk users saved the same contact (the conflict dialog), and a window opening
    on a database where an import was killed halfway (the Resume / Undo bar)."""
    from hubdesk.core import contacts
    from hubdesk.core.io import import_jobs
    from hubdesk.core.io.importer import ImportOptions, run_import
    from hubdesk.core.io.mapping import guess_mapping
    from hubdesk.core.io.open_table import open_table
    from hubdesk.core.models import ImportJob
    from hubdesk.ui.dialogs.edit_conflict import EditConflictDialog

    db = open_database(sqlite_url(tmp / "team.db"))
    with db.session() as s:
        add_demo_contacts(s, 400, seed=5)
    source = tmp / "trade-show-leads.csv"
    source.write_text("Name,Email,Company\n" + "".join(
        f"Lead {i},lead{i}@example.com,Expo {i % 7}\n" for i in range(250)), encoding="utf-8")
    table = open_table(source)
    calls = []

    def stop_after_two(_done, _total):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stands in for the process being killed

    with contextlib.suppress(KeyboardInterrupt):
        run_import(db, table, guess_mapping(table.headers), ImportOptions(batch_size=50),
                   progress=stop_after_two)
    with db.session() as s:  # what a killed process leaves: "running", its owner gone
        job = s.query(ImportJob).order_by(ImportJob.id.desc()).first()
        job.status, job.owner_pid = "running", 2**22 + 7
    import_jobs.mark_interrupted(db)
    window = MainWindow(db, settings)
    window.resize(1360, 820)
    window.show()
    settle(window, 900)
    shoot(window, "interrupted-import.png")

    cid = window.model.id_at(2)
    editor = ContactEditor(window.store, cid, window)
    with db.session() as s:
        contacts.update_contact(s, cid, {"job_title": "Head of Sales", "company": "Initech"})
    mine = {**editor._values_to_save(), "first_name": "Alexandra", "company": "Initrode"}
    theirs = window.store.editable(cid)
    dialog = EditConflictDialog(mine, editor._initial, editor._original, theirs, window)
    dialog.show()
    settle(window, 300)
    shoot(dialog, "edit-conflict.png")
    dialog.reject()
    editor.reject()
    window.close()
    db.dispose()


SHOTS = {"filter-builder": filter_builder, "export": export_and_bulk,
         "conversations": conversation_thread, "duplicates": duplicates, "polish": polish,
         "japanese": japanese_ui, "health": health, "team": team_and_recovery}


def main() -> int:
    app = make_application(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    DOCS.mkdir(exist_ok=True)
    if len(sys.argv) == 2:  # just this set of shots, leaving the others as they are
        SHOTS[sys.argv[1]](tmp, settings)
        return 0

    empty = open_database(sqlite_url(tmp / "empty.db"))
    window = MainWindow(empty, settings)
    window.resize(1360, 820)
    window.show()
    settle(window)
    shoot(window, "empty-state.png")
    window.close()
    empty.dispose()

    db = open_database(sqlite_url(tmp / "demo.db"))
    with db.session() as s:
        add_demo_contacts(s, 5000, seed=3)
    window = MainWindow(db, settings)
    window.resize(1360, 820)
    window.show()
    settle(window)
    window.resize(1400, 860)
    window.splitter.setSizes([860, 540])
    window.table.selectRow(3)
    settle(window, 300)
    shoot(window, "main-window.png")
    japanese = next(r for r in range(window.model.rowCount())
                    if any("\u4e00" <= ch <= "\u9fff" for ch in window.model.data(
                        window.model.index(r, 0))))
    window.table.selectRow(japanese)
    tabs = ("attributes", "labels", "conversations", "notes")
    for i, tab in enumerate(tabs):
        window.profile.tabs.setCurrentIndex(i)
        settle(window, 200)
        shoot(window.profile, f"profile-japanese-{tab}.png")
    window.table.selectRow(1)
    for i, tab in enumerate(tabs):
        window.profile.tabs.setCurrentIndex(i)
        settle(window, 200)
        shoot(window.profile, f"profile-latin-{tab}.png")
    window.profile.tabs.setCurrentIndex(0)
    editor = ContactEditor(window.store, window.current_id(), window)
    editor.show()
    settle(window, 300)
    shoot(editor, "contact-editor.png")
    editor.reject()
    window.search.setText("山田")
    settle(window, 900)
    shoot(window, "search-japanese.png")
    window.search.setText("090-1")
    settle(window, 900)
    shoot(window, "search-phone.png")
    window.close()
    db.dispose()
    filter_builder(tmp, settings)
    export_and_bulk(tmp, settings)
    duplicates(tmp, settings)
    health(tmp, settings)
    team_and_recovery(tmp, settings)
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
