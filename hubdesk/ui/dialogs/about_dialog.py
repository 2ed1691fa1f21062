"""Help → About HubDesk: version, what it runs on, the libraries it bundles with their
licences (read from the installed packages' metadata, so the list cannot drift from what
ships), and the way to the user guide (Help → User guide opens the same file)."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    qVersion,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk import __version__
from hubdesk.paths import resource
from hubdesk.ui.widgets.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

# Where a package's metadata is missing (a frozen build that did not copy it), its version
# is still known from the module itself.
_MODULES = {"pyside6-essentials": "PySide6", "sqlalchemy": "sqlalchemy", "alembic": "alembic",
            "openpyxl": "openpyxl", "defusedxml": "defusedxml", "phonenumbers": "phonenumbers",
            "email-validator": "email_validator", "platformdirs": "platformdirs",
            "tzdata": "tzdata", "rapidfuzz": "rapidfuzz", "psycopg": "psycopg"}


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str
    required_by: str  # "HubDesk" for a direct dependency, else the package that needs it


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(requirements: list[str] | None,
                  extras: frozenset[str] = frozenset()) -> list[tuple[str, frozenset[str]]]:
    """(name, extras asked for) of what gets installed: unconditional requirements, and those
    of the extras the dependent asked for (`psycopg[binary]` brings psycopg-binary); the
    other extras are options HubDesk does not ship."""
    found = []
    for text in requirements or ():
        requirement, _, marker = text.partition(";")
        wanted = set(re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker))
        if wanted and not wanted & extras:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", requirement)
        if match:
            asked = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
            found.append((match.group(1), asked))
    return found


def _licence(meta) -> str:
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:  # some packages paste the whole text
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:80] if text else ""


def _module_version(name: str) -> str:
    module = _MODULES.get(normalized(name))
    if module is None:
        return ""
    try:
        return str(getattr(__import__(module), "__version__", ""))
    except ImportError:
        return ""


def bundled_libraries() -> list[Library]:
    """HubDesk's runtime dependencies, then what they need in turn (as installed here)."""
    try:
        direct = _requirements(metadata.requires("hubdesk"))
    except metadata.PackageNotFoundError:
        direct = [(name, frozenset()) for name in _MODULES]
    found: list[Library] = []
    seen: set[str] = set()
    queue = [(name, extras, "HubDesk") for name, extras in direct]
    while queue:
        name, extras, parent = queue.pop(0)
        if normalized(name) in seen:
            continue
        seen.add(normalized(name))
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            if parent == "HubDesk":  # always listed: it is bundled even if not described
                found.append(Library(name, _module_version(name), "", parent))
            continue
        found.append(Library(meta["Name"] or name, meta["Version"] or "", _licence(meta), parent))
        queue += [(child, child_extras, meta["Name"] or name)
                  for child, child_extras in _requirements(metadata.requires(name), extras)]
    pyside = next((lib for lib in found if normalized(lib.name).startswith("pyside6")), None)
    # Python and Qt ship inside the installed app too; no package metadata states their
    # licences, so they are named here (Qt comes with PySide6, under the same terms).
    found.append(Library("Python", platform.python_version(), "PSF-2.0", "HubDesk"))
    if pyside is not None:
        found.append(Library("Qt", qVersion(), pyside.licence, pyside.name))
    return found


def runtime_versions() -> list[tuple[str, str]]:
    def version_of(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return _module_version(name)

    return [("HubDesk", __version__), ("Python", platform.python_version()),
            ("Qt", qVersion()), ("PySide6", pyside_version),
            ("SQLAlchemy", version_of("SQLAlchemy")),
            ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})")]


def user_guide_path() -> Path:
    return resource("docs", "user-guide.md")


def open_user_guide() -> str:
    """Open the bundled user guide in the system's viewer; "" when it opened, else why not
    (for the caller to show)."""
    path = user_guide_path()
    if not path.is_file():
        return QCoreApplication.translate(
            "UserGuide", "The user guide is not installed here (%1).").replace("%1", str(path))
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return QCoreApplication.translate(
            "UserGuide", "No program opened the user guide. It is a text file; open %1 with "
            "any text editor.").replace("%1", str(path))
    return ""


class LibraryTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("LibraryTableModel", "Library"),
               QT_TRANSLATE_NOOP("LibraryTableModel", "Version"),
               QT_TRANSLATE_NOOP("LibraryTableModel", "Licence"),
               QT_TRANSLATE_NOOP("LibraryTableModel", "Needed by"))

    def set_libraries(self, libraries: list[Library]) -> None:
        self._set_rows(libraries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lib: Library = self._rows[index.row()]
            value = (lib.name, lib.version, lib.licence, lib.required_by)[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return value or None
            if index.column() == 2 and not value:
                return self.tr("not stated")
            return value
        return None


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About HubDesk"))
        self.resize(680, 560)
        icon = QLabel()
        app_icon = QGuiApplication.windowIcon()
        if app_icon.isNull():
            app_icon = QIcon(str(resource("icons", "hubdesk.svg")))
        icon.setPixmap(app_icon.pixmap(64, 64))
        name = QLabel("HubDesk")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.versions = QLabel(self._versions_text())
        self.versions.setTextFormat(Qt.TextFormat.PlainText)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(self.tr("Curate customer contacts offline: a fast contact list, "
                                 "profiles, import, export and duplicate merging."))
        summary.setWordWrap(True)
        for label in (name, self.version, summary):
            label.setTextFormat(Qt.TextFormat.PlainText)
        heading = QVBoxLayout()
        for widget in (name, self.version, summary, self.versions):
            heading.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.model = LibraryTableModel(self)
        self.model.set_libraries(bundled_libraries())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Bundled libraries and their licences"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        libraries = QLabel(self.tr("HubDesk includes these libraries, each under its own "
                                   "licence:"))
        libraries.setWordWrap(True)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.guide_button = QPushButton(self.tr("Open the user guide"))
        self.guide_button.clicked.connect(self._open_guide)
        self.copy_button = QPushButton(self.tr("Copy version details"))
        self.copy_button.setToolTip(self.tr("For a bug report: HubDesk's version and what it "
                                            "runs on"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details_text()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(libraries)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    @staticmethod
    def _versions_text() -> str:
        return "\n".join(f"{name} {version}" for name, version in runtime_versions()[1:])

    def details_text(self) -> str:
        return "\n".join(f"{name}: {version}" for name, version in runtime_versions())

    def _open_guide(self) -> None:
        problem = open_user_guide()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
