"""Settings → Preferences…: language, phone region and your name; theme; which database
HubDesk opens (database_page.py); CSV export defaults. Kept in QSettings through
WindowSettings, the database choice in hubdesk.db_choice; OK saves, Cancel leaves the stored
settings as they were (the theme, shown live while choosing, goes back too)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.normalize import default_region
from hubdesk.ui.dialogs.country_combo import PhoneRegionCombo
from hubdesk.ui.dialogs.database_page import DatabasePage, note
from hubdesk.ui.dialogs.export_dialog import ENCODINGS
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.settings import WindowSettings, use_phone_region
from hubdesk.ui.store import ContactStore
from hubdesk.ui.theme import AppTheme

# Each language by its own name, so it can be found whatever the interface is in.
LANGUAGE_NAMES = (("en", "English"), ("ja", "日本語"))


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
        self.database_page = DatabasePage(store.db, jobs)
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
        form.addRow("", note(self.tr("A new language takes effect the next time HubDesk "
                                      "starts.")))
        form.addRow(self.tr("Default phone region:"), self.region)
        form.addRow("", note(self.tr("Phone numbers typed without a +country code are read "
                                      "as numbers from this country.")))
        form.addRow(self.tr("Your name:"), self.author)
        form.addRow("", note(self.tr("Notes and messages you write are signed with this "
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
        form.addRow("", note(self.tr("Same as the system follows your computer's light or "
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
        form.addRow("", note(self.tr("File → Export… starts from these; what you choose "
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
        if not self.database_page.save():
            self.tabs.setCurrentWidget(self.database_page)  # where the reason is shown
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
