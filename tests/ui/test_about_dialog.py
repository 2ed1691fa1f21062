"""Help → About HubDesk and Help → User guide."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices

from hubdesk import __version__
from hubdesk.ui.dialogs import about_dialog
from hubdesk.ui.dialogs.about_dialog import AboutDialog, bundled_libraries, normalized

ROOT = Path(__file__).resolve().parents[2]


def _declared_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.match(r"[A-Za-z0-9._-]+", dep).group(0) for dep in project["dependencies"]]


def _rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_every_runtime_dependency_is_listed_with_its_version_and_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = {normalized(row[0]): row for row in _rows(dialog.model)}
    for name in _declared_dependencies():
        row = rows.get(normalized(name))
        assert row is not None, f"{name} is missing from About"
        assert re.match(r"\d", row[1]), f"{name} has no version"
        assert row[2] and row[2] != "not stated", f"{name} has no licence"
        assert row[3] == "HubDesk"


def test_what_the_dependencies_need_is_listed_too():
    libraries = {normalized(lib.name): lib for lib in bundled_libraries()}
    # PySide6-Essentials brings shiboken6; alembic brings Mako.
    assert normalized(libraries["shiboken6"].required_by) == "pyside6-essentials"
    assert "mako" in libraries
    assert len(libraries) == len(bundled_libraries())  # each once


def test_the_dialog_names_the_version_and_what_it_runs_on(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.version.text() == f"Version {__version__}"
    assert dialog.version.textFormat() == Qt.TextFormat.PlainText
    assert dialog.versions.textFormat() == Qt.TextFormat.PlainText
    for name in ("Python", "Qt", "PySide6", "SQLAlchemy"):
        assert re.search(rf"^{name} \d", dialog.versions.text(), re.M), name
    assert dialog.details_text().startswith(f"HubDesk: {__version__}\n")


def test_the_libraries_model_is_a_well_behaved_model(qtbot, qtmodeltester):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)


def test_help_about_opens_the_dialog(window_factory, db, monkeypatch):
    window = window_factory(db)
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda d: opened.append(d) or 0)
    assert window.about_action.menuRole() == QAction.MenuRole.AboutRole
    window.about_action.trigger()
    assert len(opened) == 1


def test_the_bundled_user_guide_is_the_one_in_docs():
    bundled = about_dialog.user_guide_path()
    assert bundled.is_file()
    assert bundled.read_bytes() == (ROOT / "docs" / "user-guide.md").read_bytes()


def test_every_picture_the_guide_shows_exists():
    text = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert pictures
    for picture in pictures:
        assert (ROOT / "docs" / picture).is_file(), picture


def test_help_user_guide_opens_the_bundled_guide(window_factory, db, monkeypatch):
    window = window_factory(db)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    guide = next(a for a in help_menu.actions() if a.text() == "User guide")
    guide.trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [about_dialog.user_guide_path()]
    assert window.statusBar().currentMessage() == ""


def test_a_guide_nothing_can_open_is_explained(window_factory, db, monkeypatch):
    window = window_factory(db)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    window.guide_action.trigger()
    message = window.statusBar().currentMessage()
    assert "No program opened the user guide" in message
    assert str(about_dialog.user_guide_path()) in message


def test_the_about_dialog_opens_the_guide_too(qtbot, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.guide_button.click()
    assert len(opened) == 1 and opened[0].isLocalFile()
    assert dialog.message.isHidden()
