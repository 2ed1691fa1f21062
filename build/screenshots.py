"""Screenshots for docs/: the real window on demo data, as a user sees it.

Run under a (virtual) screen:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python build/screenshots.py
(`build/screenshots.py filter-builder` takes only docs/filter-builder.png.)
"""

from __future__ import annotations

import sys
import tempfile
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


def main() -> int:
    app = make_application(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    DOCS.mkdir(exist_ok=True)
    if sys.argv[1:] == ["filter-builder"]:  # just this shot, leaving the others as they are
        filter_builder(tmp, settings)
        return 0
    if sys.argv[1:] == ["export"]:
        export_and_bulk(tmp, settings)
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
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
