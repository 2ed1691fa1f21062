"""`hubdesk FILE` (what a file manager's "Open with HubDesk" runs) opens the app with the
import wizard on that file; commands and unknown words keep their usual meaning."""

from __future__ import annotations

from pathlib import Path

import hubdesk.ui.app as app_module
from hubdesk.cli import _opened_files, main


def test_a_file_argument_is_taken_out_for_the_app(tmp_path):
    f = tmp_path / "連絡先.csv"
    f.write_text("Name\nA\n", encoding="utf-8")
    assert _opened_files(["--db", "x.db", str(f)]) == (["--db", "x.db"], [f])
    assert _opened_files([str(f)]) == ([], [f])
    assert _opened_files(["search", str(f)]) == (["search", str(f)], [])
    assert _opened_files(["--db", str(f)]) == (["--db", str(f)], [])  # the db itself
    missing = str(tmp_path / "nope.csv")
    assert _opened_files([missing]) == ([missing], [])


def test_main_opens_the_app_with_the_file(tmp_path, monkeypatch):
    f = tmp_path / "people.vcf"
    f.write_text("BEGIN:VCARD\nEND:VCARD\n", encoding="utf-8")
    seen = {}

    def run_app(url: str, open_file: Path | None = None) -> int:
        seen["url"], seen["file"] = url, open_file
        return 0

    monkeypatch.setattr(app_module, "run_app", run_app)
    assert main(["--db", str(tmp_path / "c.db"), str(f)]) == 0
    assert seen["file"] == f and seen["url"].endswith("c.db")
