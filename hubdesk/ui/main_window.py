"""The main window: a search bar over the contact list, a status bar with the counts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core import contacts as contact_service
from hubdesk.core import sort_ranks
from hubdesk.core.db import Database
from hubdesk.core.demo import add_demo_contacts
from hubdesk.core.errors import HubDeskError
from hubdesk.core.filters import Expr
from hubdesk.core.query import ContactQuery, all_ids, count, first_page
from hubdesk.ui.contact_actions import ContactActions
from hubdesk.ui.contact_list import COLUMNS, ContactListModel, ContactTableView
from hubdesk.ui.database_warnings import check_database_location, check_xml_safety
from hubdesk.ui.dialogs.attribute_definitions import AttributeDefinitionsDialog
from hubdesk.ui.dialogs.contact_editor import ContactEditor
from hubdesk.ui.dialogs.labels_manager import LabelsManagerDialog
from hubdesk.ui.filters.builder import FilterBuilder
from hubdesk.ui.filters.multi_select import menu_text
from hubdesk.ui.filters.panel_settings import FilterPanelSettings
from hubdesk.ui.filters.segments_panel import SegmentsPanel
from hubdesk.ui.filters.tree import chip_texts, without_item
from hubdesk.ui.health.dock import HealthDock
from hubdesk.ui.interrupted_imports import InterruptedImports
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.live_refresh import LiveRefresh
from hubdesk.ui.profile.panel import ProfilePanel
from hubdesk.ui.selection_commands import SelectionCommands
from hubdesk.ui.settings import WindowSettings, app_settings
from hubdesk.ui.store import ContactStore
from hubdesk.ui.widgets.empty_state import EmptyState
from hubdesk.ui.widgets.filter_chips import FilterChips
from hubdesk.ui.widgets.icons import icon
from hubdesk.ui.widgets.warning_bar import WarningBar

SEARCH_DEBOUNCE_MS = 200
IMPORTABLE = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".vcf", ".vcard")
FIRST_PAGE = 60  # more than a tall window shows
DEMO_CONTACTS = 1000


class MainWindow(QMainWindow):
    # Emitted after each query result is shown; tests and the benchmark wait on it.
    listUpdated = Signal()
    windowReplaced = Signal(object)  # a MainWindow that takes this one's place (a restore)

    def __init__(self, db: Database, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        settings = settings or app_settings()
        self.settings = WindowSettings(settings)
        self.panel_settings = FilterPanelSettings(settings)
        self.jobs = JobRunner(self)
        self.store = ContactStore(db, self, jobs=self.jobs)
        self.store.author = self.settings.author()  # Settings → Preferences… → Your name
        self.store.importUndone.connect(self._import_undone)
        self.store.importUndoFailed.connect(self._import_undo_failed)
        self.store.busyChanged.connect(self._store_busy)
        self._wizard_open = False
        self.store.listChanged.connect(self.refresh)
        self.store.contactsChanged.connect(lambda _ids: self.model.refresh_rows())
        self.query = ContactQuery()
        self.total = 0
        self._generation = 0
        self._first_shown = False
        self._query_jobs: list = []
        self._select_when_listed: int | None = None
        self._import_chip = ""
        self._closing = False
        name = db.path.name if db.path else db.engine.url.render_as_string(hide_password=True)
        self.setWindowTitle(f"HubDesk — {name}")
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.model = ContactListModel(self._fetch_rows, self)
        self.model.sortRequested.connect(self._sort_requested)
        # Label chips in the list show names and colours edited elsewhere.
        self.store.labelsChanged.connect(self.model.refresh_rows)
        self.table = ContactTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.empty = EmptyState()
        self._build_empty_actions()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.profile = ProfilePanel(self.store)
        self.profile.editRequested.connect(self.edit_contact)
        self.profile.deleteRequested.connect(lambda cid: self.contact_actions.delete_ids([cid]))
        self.profile.contactMerged.connect(self.select_contact)
        self.duplicates_view = None  # Tools → Find duplicates…, made when first asked for
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.chips = FilterChips()
        self.chips.removed.connect(self._remove_filter)
        self.chips.clearedAll.connect(self._clear_all)
        self.filter_builder = FilterBuilder(self.store)
        self.filter_builder.applied.connect(self.apply_filter)
        self.filter_builder.saveRequested.connect(self._save_segment)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        self.warning_bar = WarningBar()
        list_layout.addWidget(self.warning_bar)
        self.import_bar = WarningBar()  # an interrupted import: Resume or Undo
        list_layout.addWidget(self.import_bar)
        list_layout.addWidget(self.chips)
        list_layout.addWidget(self.filter_builder)
        list_layout.addWidget(self.stack, 1)
        self.filter_builder.setVisible(False)  # View → Filter (Ctrl+Shift+F) opens it
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.profile)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._build_segments_dock()
        self.table.selectionModel().currentRowChanged.connect(self._follow_current)

        self.contact_actions = ContactActions(
            self.store, self, self.selected_ids, self.name_of,
            lambda: self.table.selectionModel().hasSelection())
        self.contact_actions.failed.connect(self._show_error)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.contact_actions.update_enabled())
        self.model.modelReset.connect(self.contact_actions.update_enabled)
        self._build_actions()
        self.selection_commands = SelectionCommands(self)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_commands.update_enabled())
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._search_now)
        self._restore_layout()
        self.refresh()
        check_database_location(self)  # a file on a network share gets a warning bar
        check_xml_safety(self)
        self.interrupted_imports = InterruptedImports(self)
        self.interrupted_imports.check()
        self.live_refresh = LiveRefresh(self)  # others' changes show up by themselves

    # --- building ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_action = QAction(icon("new-contact"), self.tr("New contact"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_contact)
        self.edit_action = QAction(self.tr("Edit contact…"), self)
        self.edit_action.triggered.connect(self._edit_current)
        self.attributes_action = QAction(self.tr("Custom attributes…"), self)
        self.attributes_action.triggered.connect(
            lambda: AttributeDefinitionsDialog(self.store, self).exec())
        self.labels_action = QAction(self.tr("Manage labels…"), self)
        self.labels_action.triggered.connect(
            lambda: LabelsManagerDialog(self.store, self).exec())
        self.import_action = QAction(icon("import"), self.tr("Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.import_file(None))
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.backup_action = QAction(self.tr("Back up database…"), self)
        self.backup_action.triggered.connect(self._backup)
        self.backup_action.setEnabled(self.db.path is not None)
        self.restore_action = QAction(self.tr("Restore backup…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.restore_action.setEnabled(self.db.path is not None)
        self.restore_flow = None  # the last File → Restore backup…, kept while it runs
        self.demo_action = QAction(self.tr("Add %n demo contacts").replace(
            "%n", f"{DEMO_CONTACTS:,}"), self)
        self.demo_action.triggered.connect(self.add_demo_data)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.view_contacts = QAction(self.tr("Contacts"), self, checkable=True, checked=True)
        self.view_trash = QAction(self.tr("Trash"), self, checkable=True)
        views = QActionGroup(self)
        for action in (self.view_contacts, self.view_trash):
            views.addAction(action)
        self.view_trash.toggled.connect(self._show_trash)
        self.filter_action = QAction(self.tr("Filter"), self, checkable=True)
        self.filter_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.filter_action.setToolTip(self.tr("Show the filter builder (Ctrl+Shift+F)"))
        self.filter_action.toggled.connect(self._show_filter_builder)
        self.duplicates_action = QAction(self.tr("Find duplicates…"), self)
        self.duplicates_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.duplicates_action.triggered.connect(self.find_duplicates)
        self.about_action = QAction(self.tr("About HubDesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        self.preferences_action = QAction(self.tr("Preferences…"), self)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))  # ⌘, on macOS
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.guide_action = QAction(self.tr("User guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self._user_guide)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.view_contacts)
        bar.addAction(self.view_trash)
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search name, email, phone or company  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setMinimumWidth(420)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_now)
        bar.addWidget(self.search)
        bar.addAction(self.filter_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        actions = self.contact_actions
        for action in (actions.restore, actions.purge, actions.empty_trash):
            bar.addAction(action)
        bar.addAction(self.import_action)
        bar.addAction(self.selection_commands.export_action)
        bar.addAction(self.new_action)
        bar.addAction(actions.delete)
        self.addToolBar(bar)
        self.table.openRequested.connect(self._edit_current)
        # Esc in the search box clears it, as in every search field users know.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self._clear_search,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.import_action)
        import_messages = file_menu.addAction(self.tr("Import messages…"))
        import_messages.triggered.connect(self.import_messages)
        file_menu.addAction(self.selection_commands.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.contact_actions.undo)
        edit_menu.addAction(self.contact_actions.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.contact_actions.delete)
        self.menuBar().addMenu(self.selection_commands.menu)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.view_contacts)
        view_menu.addAction(self.view_trash)
        view_menu.addSeparator()
        view_menu.addAction(self.filter_action)
        view_menu.addAction(self.segments_dock.toggleViewAction())
        self.health_dock = HealthDock(self)  # View → Health (Ctrl+Shift+H)
        view_menu.addAction(self.health_dock.toggleViewAction())
        trash_menu = view_menu.addMenu(self.tr("Trash actions"))
        for action in (self.contact_actions.restore, self.contact_actions.purge,
                       self.contact_actions.empty_trash):
            trash_menu.addAction(action)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.duplicates_action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        settings_menu.addAction(self.preferences_action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.attributes_action)
        settings_menu.addAction(self.labels_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.demo_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_empty_actions(self) -> None:
        self.empty_import = self.empty.add_button(self.tr("Import a file…"))
        self.empty_import.clicked.connect(lambda: self.import_file(None))
        self.empty_new = self.empty.add_button(self.tr("New contact"))
        self.empty_new.clicked.connect(self.new_contact)
        self.empty_demo = self.empty.add_button(self.tr("Add %n demo contacts").replace(
            "%n", f"{DEMO_CONTACTS:,}"))
        self.empty_demo.clicked.connect(self.add_demo_data)
        self.empty_clear = self.empty.add_button(self.tr("Clear search"))
        self.empty_clear.clicked.connect(self._clear_search_and_filters)
        self.empty.finish_buttons()

    def _build_segments_dock(self) -> None:
        self.segments = SegmentsPanel(self.store, self.jobs, lambda: self.query.where)
        self.segments.segmentChosen.connect(self._segment_chosen)
        self.segments_dock = QDockWidget(self.tr("Segments"), self)
        self.segments_dock.setObjectName("segmentsDock")
        self.segments_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.segments_dock.setWidget(self.segments)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.segments_dock)
        self.resizeDocks([self.segments_dock], [230], Qt.Orientation.Horizontal)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(self.tr("Number of contacts"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)

    # --- querying ------------------------------------------------------------------------
    def _fetch_rows(self, ids: list[int]):
        with self.db.read_session() as s:
            return contact_service.list_rows(s, ids)

    def _search_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.query = replace(self.query, text=self.search.text())
        self.refresh()

    def _keep_sort_indicator(self, column: int, _order) -> None:
        # Clicking a column that cannot sort (labels) must not move the arrow off the
        # column the list is really sorted by.
        if COLUMNS[column][2]:
            return
        sorted_by = next(i for i, (key, _, _) in enumerate(COLUMNS) if key == self.query.sort)
        order = (Qt.SortOrder.DescendingOrder if self.query.descending
                 else Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(sorted_by, order)
        header.blockSignals(False)

    def _sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.query.sort, self.query.descending):
            self.query = replace(self.query, sort=key, descending=descending)
            self.refresh()

    def refresh(self) -> None:
        """Rerun the current query off the UI thread, in two steps: the first page (shown
        as soon as it is known), then every id and the counts (appended below it). Only the
        newest query's results are shown; older ones are cancelled."""
        self._generation += 1
        generation, query, db = self._generation, self.query, self.db
        for job in self._query_jobs:
            job.cancel()

        def first(_report, _cancelled):
            ranks = sort_ranks.current(db)
            with db.read_session() as s:
                return generation, first_page(s, query, FIRST_PAGE, ranks)

        def everything(_report, cancelled):
            with db.read_session() as s:
                ids = all_ids(s, query, cancelled)
                everyone = ContactQuery(trash=query.trash, import_job=query.import_job)
                narrowed = query.text.strip() or query.where is not None
                total = count(s, everyone) if narrowed else len(ids)
            return generation, ids, total

        self._first_shown = False
        self._query_jobs = [
            self.jobs.start("search", first, self._show_first_page, self._show_error),
            self.jobs.start("search", everything, self._show_result, self._show_error),
        ]
        if query.text.strip():
            self.count_label.setText(self.tr("Searching…"))
            # For the next keystrokes: every contact's place in name order, which the first
            # page of a common term needs (core.sort_ranks). Asked in the background, where
            # it returns at once while the ranks are current and rebuilds them otherwise.
            if db.dialect == "sqlite":
                self.jobs.start("sort ranks", lambda _r, _c: sort_ranks.refresh(db),
                                lambda _ranks: None, lambda _message: None)

    def _show_first_page(self, result) -> None:
        generation, ids = result
        if generation != self._generation or self._first_shown:
            return  # a newer query is on its way, or the whole result is already here
        self._first_shown = True
        current = self.current_id()
        self.model.set_ids(ids)
        self._restore_selection(current)
        if ids:
            self.stack.setCurrentWidget(self.table)

    def _show_result(self, result) -> None:
        generation, ids, total = result
        if generation != self._generation:
            return
        current = self.current_id()
        if self._first_shown:
            self.model.extend_ids(ids)
        else:
            self.model.set_ids(ids)
        self._first_shown = True
        self.total = total
        wanted = self._select_when_listed or current
        self._select_when_listed = None
        if self.current_id() != wanted:  # a reset (not an append) lost it, or a new contact
            self._restore_selection(wanted)
        self.profile.show_contact(self.current_id())
        self._update_counts()
        self.listUpdated.emit()

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        QMessageBox.warning(self, self.tr("HubDesk"), message)

    def _update_counts(self) -> None:
        shown = self.model.rowCount()
        if self.query.text.strip() or self.query.where is not None:
            self.count_label.setText(self.tr("%1 of %2 match").replace("%1", f"{shown:,}")
                                     .replace("%2", f"{self.total:,}"))
        elif self.query.trash:
            self.count_label.setText(self.tr("%1 in Trash").replace("%1", f"{shown:,}"))
        elif self.query.import_job:
            self.count_label.setText(self.tr("%1 from this import").replace("%1", f"{shown:,}"))
        elif shown == 1:
            self.count_label.setText(self.tr("1 contact"))
        else:
            self.count_label.setText(self.tr("%1 contacts").replace("%1", f"{shown:,}"))
        if shown:
            self.stack.setCurrentWidget(self.table)
            return
        searching = bool(self.query.text.strip())
        filtering = self.query.where is not None
        everyone = not searching and not filtering and not self.query.trash
        self.empty_import.setVisible(everyone)
        self.empty_new.setVisible(everyone)
        self.empty_demo.setVisible(everyone)
        self.empty_clear.setVisible(searching or filtering or bool(self.query.import_job))
        self.empty_clear.setText(self.tr("Clear search") if searching
                                 else self.tr("Clear filter") if filtering
                                 else self.tr("Show all contacts"))
        if filtering and not searching:
            self.empty.show_message(
                self.tr("No matches"), self.tr("No contact matches this filter."))
        elif self.query.import_job and not searching:
            self.empty.show_message(
                self.tr("Nothing from this import"),
                self.tr("The contacts this import created or updated are gone (deleted, or "
                        "the import was undone)."))
        elif self.query.trash and not searching:
            self.empty.show_message(
                self.tr("Trash is empty"),
                self.tr("Deleted contacts wait here until you restore them or empty the Trash."),
            )
        elif searching:
            self.empty.show_message(
                self.tr("No matches"),
                self.tr("No contact matches “%1”. Search by name, email, phone or company.")
                .replace("%1", self.query.text.strip()),
            )
        else:
            self.empty.show_message(
                self.tr("No contacts yet"),
                self.tr("Import a file or create a contact to get started."),
            )
        self.stack.setCurrentWidget(self.empty)

    def name_of(self, contact_id: int) -> str:
        row = self.model.row_of(contact_id)
        contact = self.model.contact_row(row) if row is not None else None
        if contact is None:
            return f"#{contact_id}"
        return contact.name or contact.email or contact.company or contact.phone

    def _show_trash(self, trash: bool) -> None:
        self.query = replace(self.query, trash=trash)
        self.contact_actions.set_trash_view(trash)
        self.new_action.setVisible(not trash)
        self.import_action.setVisible(not trash)
        self.selection_commands.export_action.setVisible(not trash)
        self.selection_commands.update_enabled()
        self.refresh()

    def selected_ids(self) -> list[int]:
        """From the selection's ranges, not its cells: select-all on a million rows is one
        range, and asking Qt for every selected row would freeze the window."""
        ids: list[int] = []
        seen: set[tuple[int, int]] = set()
        for rng in self.table.selectionModel().selection():
            span = (rng.top(), rng.bottom())
            if span not in seen:  # a range per column group can repeat the same rows
                seen.add(span)
                ids.extend(self.model.ids_in(*span))
        return list(dict.fromkeys(ids))

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _restore_selection(self, contact_id: int | None) -> None:
        row = self.model.row_of(contact_id) if contact_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _follow_current(self, *_args) -> None:
        self.profile.show_contact(self.current_id())

    def _edit_current(self) -> None:
        cid = self.current_id()
        if cid is not None and not self.query.trash:
            self.edit_contact(cid)

    def edit_contact(self, contact_id: int) -> None:
        ContactEditor(self.store, contact_id, self).exec()

    def import_file(self, path: Path | None) -> None:
        from hubdesk.ui.import_wizard import ImportWizard  # loaded when first needed

        if self.query.trash:
            self.view_contacts.trigger()
        wizard = ImportWizard(self.store, self.jobs, path, self)
        wizard.summary_page.showImported.connect(
            lambda job_id: self.show_import(job_id, wizard.state.table.path.name
                                            if wizard.state.table else ""))
        self._wizard_open = True
        try:
            wizard.exec()
        finally:
            self._wizard_open = False

    def import_messages(self) -> None:
        from hubdesk.core.normalize import default_region
        from hubdesk.ui.dialogs.import_messages import ImportMessagesDialog

        ImportMessagesDialog(self.store, self.jobs, default_region() or None, self).exec()

    # --- narrowing the list --------------------------------------------------------------
    def show_import(self, job_id: int, file_name: str = "") -> None:
        """List only what one import created or updated (0: everyone again)."""
        if job_id and self.query.trash:
            self.view_contacts.trigger()
        self.query = replace(self.query, import_job=job_id)
        self._import_chip = self.tr("Imported from %1").replace("%1", file_name) \
            if file_name else self.tr("Import %1").replace("%1", str(job_id))
        self._update_chips()
        self.refresh()

    def apply_filter(self, expr: Expr | None) -> None:
        """Narrow the list by a resolved filter (None: no filter); the search text, the
        counts and everything that acts on "what I am looking at" use the same query."""
        self.query = replace(self.query, where=expr)
        self._update_chips()
        self.refresh()

    def _update_chips(self) -> None:
        """One chip for the import shown (if any), one per top-level filter condition."""
        chips = [("import", self._import_chip)] if self.query.import_job else []
        texts = chip_texts(self.query.where, self.filter_builder.names(), self.tr("or"))
        chips += [(f"where:{i}", menu_text(text)) for i, text in enumerate(texts)]
        self.chips.set_chips(chips)

    def _remove_filter(self, key: str) -> None:
        if key == "import":
            self.show_import(0)
        elif key.startswith("where:") and self.query.where is not None:
            rest = without_item(self.query.where, int(key.removeprefix("where:")))
            self.filter_builder.set_expression(rest)
            if not self.filter_builder.apply():
                self.filter_action.setChecked(True)  # the builder shows why

    def _clear_all(self) -> None:
        self.filter_builder.clear(emit=False)
        self.query = replace(self.query, where=None, import_job=0)
        self._update_chips()
        self.refresh()

    def _show_filter_builder(self, visible: bool) -> None:
        self.filter_builder.setVisible(visible)
        if visible:
            self.filter_builder.ensure_row()
            self.filter_builder.focus_first()

    def _segments_toggled(self, visible: bool) -> None:
        # Closing the window hides the dock too; that is not the user's choice.
        if self.isVisible() and not self._closing:
            self.panel_settings.set_segments_visible(visible)

    def _segment_chosen(self, name: str, expr: Expr) -> None:
        self.filter_builder.set_expression(expr)
        self.apply_filter(expr)
        self.statusBar().showMessage(self.tr("Segment: %1").replace("%1", name), 5000)

    def _save_segment(self, name: str, expr: Expr) -> None:
        try:
            saved = self.segments.save(name, expr)
        except HubDeskError as exc:
            self.filter_builder.show_error(str(exc))
            return
        if saved:
            self.segments_dock.show()
            self.statusBar().showMessage(
                self.tr("Saved segment %1").replace("%1", name.strip()), 5000)

    def _clear_search_and_filters(self) -> None:
        if self.query.text.strip():
            self._clear_search()
        elif self.query.where is not None:
            self.filter_builder.clear()
        elif self.query.import_job:
            self.show_import(0)
        else:
            self._clear_search()

    def _store_busy(self, busy: bool) -> None:
        self.progress.setRange(0, 0)  # undoing an import reports no steps: a busy bar
        self.progress.setVisible(busy)
        if busy:
            self.statusBar().showMessage(self.tr("Undoing the import…"))

    def _import_undone(self, job_id: int, affected: int) -> None:
        self.statusBar().showMessage(
            self.tr("Import undone: %1 contacts removed or restored").replace(
                "%1", f"{affected:,}"), 10_000)

    def _import_undo_failed(self, _job_id: int, message: str) -> None:
        if self._wizard_open:
            self.statusBar().showMessage(message, 10_000)  # the wizard shows it in place
        else:
            self._show_error(message)

    # A contact file dropped on the window opens the import wizard with it.
    def dragEnterEvent(self, event) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    @staticmethod
    def _dropped_file(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in IMPORTABLE else None

    def new_contact(self) -> None:
        if self.query.trash:
            self.view_contacts.trigger()
        editor = ContactEditor(self.store, None, self)
        if editor.exec() and editor.saved_id is not None:
            self._select_when_listed = editor.saved_id

    def _clear_search(self) -> None:
        self.search.clear()
        self._search_now()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- actions -------------------------------------------------------------------------
    def add_demo_data(self) -> None:
        if self.total and not self.contact_actions.confirm(
                self.tr("Add demo contacts"),
                self.tr("Add %n made-up demo contacts to this database, beside your own "
                        "%1 contacts?").replace("%n", f"{DEMO_CONTACTS:,}")
                .replace("%1", f"{self.total:,}")):
            return
        db = self.db

        def work(report, cancelled):
            step = 100
            for done in range(0, DEMO_CONTACTS, step):
                if cancelled():
                    return done
                with db.session() as s:
                    add_demo_contacts(s, step, seed=done + 1)
                report(done + step, DEMO_CONTACTS)
            return DEMO_CONTACTS

        self.demo_action.setEnabled(False)
        self.empty_demo.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, DEMO_CONTACTS)
        self.progress.setValue(0)

        def finished(added) -> None:
            self.progress.setVisible(False)
            self.demo_action.setEnabled(True)
            self.empty_demo.setEnabled(True)
            self.statusBar().showMessage(self.tr("Added %1 demo contacts").replace(
                "%1", f"{added:,}"), 5000)
            self.store.announce_outside_write()

        def failed(message: str) -> None:
            self.progress.setVisible(False)
            self.demo_action.setEnabled(True)
            self.empty_demo.setEnabled(True)
            self._show_error(message)
            self.store.announce_outside_write()  # the batches before the failure are in

        self.jobs.start("demo data", work, finished, failed,
                        lambda done, _total: self.progress.setValue(done))

    def find_duplicates(self) -> None:
        """One Duplicates window, beside this one (not modal): the user merges a group, looks
        at the contacts in the list, and comes back to the next group."""
        from hubdesk.ui.duplicates_view import DuplicatesView  # loaded when first needed

        if self.duplicates_view is None:
            self.duplicates_view = DuplicatesView(self.store, self.jobs, self)
            self.duplicates_view.showContact.connect(self.select_contact)
        self.duplicates_view.show()
        self.duplicates_view.raise_()
        self.duplicates_view.activateWindow()

    def select_contact(self, contact_id: int) -> bool:
        """Select a contact in the list, if the list shows it."""
        row = self.model.row_of(contact_id)
        if row is None:
            self.statusBar().showMessage(
                self.tr("That contact is not in the list: clear the search or filter to "
                        "see it."), 8000)
            return False
        self._restore_selection(contact_id)
        return True

    def _backup(self) -> None:
        suggested = str((self.db.path or Path.home()).with_suffix(".backup.db"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up database"), suggested,
                                              self.tr("SQLite database (*.db)"))
        if not path:
            return
        db, target = self.db, Path(path)
        self.jobs.start(
            # The file dialog already asked whether to replace an existing file.
            "backup", lambda _r, _c: db.backup(target, overwrite=True),
            lambda dest: self.statusBar().showMessage(
                self.tr("Backed up to %1").replace("%1", str(dest)), 8000),
            self._show_error,
        )

    def restore_backup(self, path: Path | None = None) -> None:
        """File → Restore backup…: this window closes and one on the restored database
        opens (see ui.restore_flow); path skips the file dialog."""
        from hubdesk.ui.restore_flow import RestoreBackup  # loaded when first needed

        self.restore_flow = RestoreBackup(self)
        self.restore_flow.windowReplaced.connect(self.windowReplaced)
        if path is None:
            self.restore_flow.choose()
        else:
            self.restore_flow.check(path)

    def _about(self) -> None:
        from hubdesk.ui.dialogs.about_dialog import AboutDialog  # loaded when first needed

        AboutDialog(self).exec()

    def _user_guide(self) -> None:
        from hubdesk.ui.dialogs.about_dialog import open_user_guide

        problem = open_user_guide()
        if problem:
            self.statusBar().showMessage(problem, 15_000)

    def open_preferences(self) -> None:
        from hubdesk.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.store, self.jobs, self)
        dialog.exec()
        if dialog.database_moved:
            self.close()  # what is written from now on belongs in the new file

    # --- layout memory -------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        header = self.settings.header_state()
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        splitter = self.settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.profile.tabs.setCurrentIndex(self.settings.profile_tab())
        docks = self.settings.dock_state()
        if docks is not None:
            # Where the docks were and whether Health was open (it then fills in the
            # background); the Segments sidebar's own rule below still decides its visibility.
            self.restoreState(docks)
        self.filter_action.setChecked(self.panel_settings.builder_visible())
        # Until the user shows or hides it, the sidebar shows once there is a segment.
        self.segments_dock.setVisible(self.panel_settings.segments_visible(
            bool(self.segments.model.rowCount())))
        self.segments_dock.toggleViewAction().toggled.connect(self._segments_toggled)

    def save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_header_state(self.table.horizontalHeader().saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.set_dock_state(self.saveState())
        self.settings.set_profile_tab(self.profile.tabs.currentIndex())
        self.panel_settings.set_builder_visible(self.filter_action.isChecked())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.save_layout()
        self._search_timer.stop()
        self.segments.shutdown()
        self.jobs.cancel_all()
        self.jobs.wait()
        super().closeEvent(event)
