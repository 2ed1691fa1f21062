"""Screenshots of every import wizard page for docs/ (run under xvfb-run)."""

from __future__ import annotations

import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HUBDESK_REGION", "JP")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from hubdesk.config import sqlite_url
from hubdesk.core.db import open_database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.ui.app import make_application
from hubdesk.ui.import_wizard import ImportWizard
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.store import ContactStore

DOCS = Path(__file__).resolve().parents[1] / "docs"
LAST = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤",
        "髙橋", "斎藤"]
FIRST = ["太郎", "花子", "一郎", "陽子", "健", "美咲", "翔太", "さくら", "大輔", "愛"]
COMPANIES = ["株式会社テスト", "山田商事", "東京物産株式会社", "", "合同会社みらい", "㈱サンプル"]


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(check, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        settle(50)


def shoot(wizard: ImportWizard, page: str) -> None:
    settle(300)
    path = DOCS / f"import-wizard-{page}.png"
    wizard.grab().save(str(path))
    print("wrote", path)


def write_file(path: Path, rows: int) -> None:
    rng = random.Random(4)
    with path.open("w", encoding="cp932", newline="") as out:
        w = csv.writer(out)
        w.writerow(["Last Name", "First Name", "E-mail Address", "Mobile Phone", "Company",
                    "Group", "Fax", "Favourite colour"])
        w.writerow(["", "", "", "", "名前のない会社", "", "", ""])
        w.writerow(["鈴木", "一郎", "ichiro@@example", "", "髙橋商事", "", "", "青"])
        for i in range(rows):
            last, first = rng.choice(LAST), rng.choice(FIRST)
            w.writerow([last, first, f"user{i}@example.jp",
                        f"090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                        rng.choice(COMPANIES),
                        rng.choice(["取引先", "展示会", "取引先;展示会", ""]),
                        "", rng.choice(["赤", "青", "", ""])])


def main() -> int:
    app = make_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp())
    db = open_database(sqlite_url(tmp / "demo.db"))
    with db.session() as s:
        add_demo_contacts(s, 300, seed=3)
    store, jobs = ContactStore(db), JobRunner()
    path = tmp / "連絡先.csv"
    write_file(path, 40_000)

    wizard = ImportWizard(store, jobs, path=path)
    wizard.show()
    wait_until(wizard.file_page.isComplete)
    shoot(wizard, "file")

    page = wizard.file_page
    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("utf-8"))
    page.encoding_combo.activated.emit(page.encoding_combo.currentIndex())
    wait_until(page.error.isVisible)
    shoot(wizard, "file-wrong-encoding")
    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("cp932"))
    page.encoding_combo.activated.emit(page.encoding_combo.currentIndex())
    wait_until(page.isComplete)

    wizard.next()
    shoot(wizard, "mapping")

    wizard.options_page.labels.setText("展示会2025")
    wizard.next()
    wait_until(lambda: wizard.state.dry_run is not None)
    shoot(wizard, "options")

    wizard.next()
    wait_until(lambda: "rows/s" in wizard.run_page.rows.text() and
               wizard.run_page.progress.value() > 6000)
    shoot(wizard, "import")
    wait_until(lambda: wizard.currentPage() is wizard.summary_page)
    shoot(wizard, "summary")
    jobs.wait()
    wizard.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
