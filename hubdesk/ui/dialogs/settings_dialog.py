"""Settings → Preferences…: language, phone region and your name; theme; where the database
lives (and moving it); CSV export defaults. Everything is kept in QSettings through
WindowSettings; OK saves, Cancel leaves the stored settings as they were (the theme, shown
live while choosing, goes back too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from hubdesk import config
from hubdesk.core.db import Database
from hubdesk.core.normalize import default_region
from hubdesk.core.relocate import CopiedDatabase, copy_database
from hubdesk.ui.dialogs.country_combo import PhoneRegionCombo
from hubdesk.ui.dialogs.export_dialog import ENCODINGS
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.settings import WindowSettings, use_phone_region
from hubdesk.ui.store import ContactStore
from hubdesk.ui.theme import AppTheme

# Each language by its own name, so it can be found whatever the interface is in.
LANGUAGE_NAMES = (("en", "English"), ("ja", "日本語"))


def _note(text: str) -> QLabel:
    """An explanation under a setting: smaller, but in the full text colour — the grey of
    placeholder text is too faint on Fusion's tab pane in the dark theme."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def app_database(db: Database, settings: WindowSettings) -> bool:
    """Whether `db` is the one HubDesk opens by itself (the default file, or where it was
    moved) rather than one named with --db or HUBDESK_DATABASE_URL."""
    default = config.sqlite_url(config.default_database_path())
    return db.url == config.moved_database_url(default, settings.database_location())


class DatabasePage(QWidget):
    """Where the database is, and Move database…: a checked copy, used from the next start."""

    moved = Signal(object)  # CopiedDatabase
    busyChanged = Signal(bool)

    def __init__(self, db: Database, settings: WindowSettings, jobs: JobRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.settings, self.jobs = db, settings, jobs
        self.copied: CopiedDatabase | None = None
        self.location = QLabel(str(db.path) if db.path else
                               make_url(db.url).render_as_string(hide_password=True))
        self.location.setTextFormat(Qt.TextFormat.PlainText)
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setAccessibleName(self.tr("Database location"))
        self.move_button = QPushButton(self.tr("Move database…"))
        self.move_button.clicked.connect(self.choose_destination)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the backup API reports no steps
        self.progress.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # paths and core messages
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        form = QFormLayout()
        form.addRow(self.tr("Location:"), self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if db.path is None:
            self.move_button.setEnabled(False)
            why = self.tr("This database lives on a server; it is moved there, not here.")
        elif not app_database(db, settings):
            self.move_button.setEnabled(False)
            why = self.tr("This database was named with --db or HUBDESK_DATABASE_URL, so "
                          "HubDesk opens it only when told to. To move it, copy the file "
                          "with File → Back up database… and name the copy next time.")
        else:
            why = self.tr("Move database… copies it to a file you choose, checks the copy, "
                          "and HubDesk uses the copy from its next start. The old file stays "
                          "where it is until you delete it.")
        layout.addWidget(_note(why))
        layout.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch()

    def choose_destination(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Move database to"), str(Path(folder) / "contacts.db"),
            self.tr("SQLite database (*.db)"),
            # The copy refuses an existing file itself, with a message that says so.
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.move_to(Path(path))

    def move_to(self, dest: Path) -> None:
        if self.db.path is not None and dest.absolute() == self.db.path.absolute():
            self._show(self.tr("The database is already there."))
            return
        self.move_button.setEnabled(False)
        self.progress.show()
        self._show(self.tr("Copying and checking the database…"))
        self.busyChanged.emit(True)
        db = self.db
        self.jobs.start("move database", lambda _report, _cancelled: copy_database(db, dest),
                        self._copied, self._failed)

    def _copied(self, copied: CopiedDatabase) -> None:
        self.copied = copied
        self.settings.set_database_location(str(copied.path))
        self.settings.sync()
        self.progress.hide()
        self.location.setText(str(copied.path))
        self._show(self.tr("Copied and checked: %1 contacts in %2. Close HubDesk and start "
                           "it again to work in the new location; the old file stays in %3 "
                           "until you delete it.")
                   .replace("%1", f"{copied.contacts:,}").replace("%2", str(copied.path))
                   .replace("%3", str(self.db.path)))
        self.busyChanged.emit(False)
        self.moved.emit(copied)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.move_button.setEnabled(True)
        self._show(self.tr("The database was not moved: %1").replace("%1", message))
        self.busyChanged.emit(False)

    def _show(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


class SettingsDialog(QDialog):
    def __init__(self, settings: WindowSettings, store: ContactStore, jobs: JobRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings, self.store = settings, store
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(560)
        self._busy = False
        self._stored_theme = settings.theme()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_page(), self.tr("General"))
        self.tabs.addTab(self._appearance_page(), self.tr("Appearance"))
        self.database_page = DatabasePage(store.db, settings, jobs)
        self.database_page.busyChanged.connect(self._set_busy)
        self.database_page.moved.connect(self._database_moved)
        self.tabs.addTab(self.database_page, self.tr("Database"))
        self.tabs.addTab(self._export_page(), self.tr("Export"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    @property
    def database_moved(self) -> bool:
        """The window must close: from now on, writes would go to the old file."""
        return self.database_page.copied is not None

    # --- pages ---------------------------------------------------------------------------
    def _general_page(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language())))
        self.region = PhoneRegionCombo()
        self.region.setAccessibleName(self.tr("Default phone region"))
        self._region_at_open = self.settings.phone_region() or default_region()
        self.region.set_value(self._region_at_open)
        self.author = QLineEdit(self.settings.author() or self.store.author)
        self.author.setAccessibleName(self.tr("Your name"))
        self.author.setPlaceholderText(self.tr("e.g. Mika Sato"))
        self.author.setMaxLength(200)
        form = QFormLayout(page)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", _note(self.tr("A new language takes effect the next time HubDesk "
                                      "starts.")))
        form.addRow(self.tr("Default phone region:"), self.region)
        form.addRow("", _note(self.tr("Phone numbers typed without a +country code are read "
                                      "as numbers from this country.")))
        form.addRow(self.tr("Your name:"), self.author)
        form.addRow("", _note(self.tr("Notes and messages you write are signed with this "
                                      "name, so your team knows who wrote them.")))
        return page

    def _appearance_page(self) -> QWidget:
        page = QWidget()
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        for key, text in (("system", self.tr("Same as the system")), ("light", self.tr("Light")),
                          ("dark", self.tr("Dark"))):
            self.theme.addItem(text, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self._stored_theme)))
        self.theme.currentIndexChanged.connect(
            lambda _i: AppTheme.of().set_theme(self.theme.currentData()))
        form = QFormLayout(page)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow("", _note(self.tr("Same as the system follows your computer's light or "
                                      "dark mode as it changes; where HubDesk cannot tell, "
                                      "it is light.")))
        return page

    def _export_page(self) -> QWidget:
        page = QWidget()
        encoding, neutralize = self.settings.export_defaults()
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(self.tr("CSV encoding"))
        for key, text in ENCODINGS:
            self.encoding.addItem(self.tr(text), key)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(encoding)))
        self.neutralize = QCheckBox(self.tr("Protect spreadsheets from formulas in cells "
                                            "(a leading ' before = + - @)"))
        self.neutralize.setChecked(neutralize)
        form = QFormLayout(page)
        form.addRow(self.tr("CSV encoding:"), self.encoding)
        form.addRow("", self.neutralize)
        form.addRow("", _note(self.tr("File → Export… starts from these; what you choose "
                                      "there is remembered for the next export.")))
        return page

    # --- closing -------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)

    def _database_moved(self, _copied) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Close HubDesk"))

    def accept(self) -> None:
        if self._busy:
            return
        s = self.settings
        s.set_language(self.language.currentData())
        region = self.region.value() if self.region.is_listed() else ""
        if region and region != self._region_at_open:
            s.set_phone_region(region)
            use_phone_region(region)
        s.set_author(self.author.text())
        self.store.author = s.author()
        s.set_theme(self.theme.currentData())
        s.set_export_defaults(self.encoding.currentData(), self.neutralize.isChecked())
        s.sync()
        super().accept()

    def reject(self) -> None:
        if self._busy:
            return  # the copy is running; it ends by itself, with its result shown here
        if self.theme.currentData() != self._stored_theme:
            AppTheme.of().set_theme(self._stored_theme)
        super().reject()
