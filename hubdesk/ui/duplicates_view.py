"""Tools → Find duplicates: the scan runs in the background (progress, Cancel), the groups it
finds are listed with a confidence and the reason, and each can be merged (the merge dialog)
or dismissed as "Not duplicates", which is remembered so the scan never suggests it again.
A window beside the main one, not a modal dialog: double-clicking a contact shows it there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core import contacts as contact_service
from hubdesk.core import duplicates
from hubdesk.core.errors import HubDeskError
from hubdesk.ui.duplicates_model import DuplicatesModel, Group, Person
from hubdesk.ui.jobs import Job, JobRunner
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore

# Groups shown opened, so each contact's email, phone and company are there to compare;
# beyond this many, expanding them all takes too long and the group lines carry the names.
EXPAND_UP_TO = 5000


class DuplicatesView(QDialog):
    showContact = Signal(int)
    # The list shown is the result of a finished scan (or of a change to it); tests wait.
    scanFinished = Signal()

    def __init__(self, store: ContactStore, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs = store, jobs
        self.setWindowTitle(self.tr("Find duplicates"))
        self.setWindowFlag(Qt.WindowType.Window)  # its own window, with minimise/maximise
        self.setModal(False)
        self.resize(820, 560)
        self._job: Job | None = None
        self._generation = 0
        self._scanned = False
        self._busy_merging = False  # our own merge also says "the list changed"

        intro = QLabel(self.tr(
            "Contacts that look like the same person. Merge them, or mark them as not "
            "duplicates so they are not suggested again."))
        intro.setWordWrap(True)
        self.status = plain_label(wrap=True)
        self.status.setObjectName("duplicatesStatus")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Scan progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.model = DuplicatesModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Groups of possible duplicates"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((220, 220, 150)):
            header.resizeSection(column, width)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._groups_shown)
        self.model.rowsRemoved.connect(lambda *_: self._update_buttons())

        self.rescan_button = QPushButton(self.tr("Rescan"))
        self.rescan_button.setAutoDefault(False)
        self.rescan_button.clicked.connect(self.scan)
        self.not_button = QPushButton(self.tr("Not duplicates"))
        self.not_button.setAutoDefault(False)
        self.not_button.setToolTip(self.tr("Stop suggesting this group"))
        self.not_button.clicked.connect(self.not_duplicates)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.merge_selected)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.not_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addLayout(progress_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        store.listChanged.connect(self._list_changed)
        self._set_scanning(False)
        self._update_buttons()

    # --- scanning ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._scanned and self._job is None:
            self.scan()  # opening the window is asking for a scan

    def scan(self) -> None:
        self.cancel(quiet=True)
        self._scanned = True
        self._generation += 1
        generation, read = self._generation, self.store.read

        def work(report, cancelled):
            return generation, read(lambda s: _scan(s, report, cancelled))

        self.progress.setRange(0, 0)  # busy until the first report says how far
        self.status.setText(self.tr("Looking for duplicates…"))
        self._set_scanning(True)
        self._job = self.jobs.start(
            "duplicate scan", work, self._scanned_groups, self._scan_failed,
            lambda done, total: self._progress(generation, done, total))

    def cancel(self, quiet: bool = False) -> None:
        if self._job is None:
            return
        self._job.cancel()  # its result or failure is dropped (jobs.Job)
        self._job = None
        self._generation += 1
        self._set_scanning(False)
        if not quiet:
            self.status.setText(self.tr("Scan cancelled. Rescan to look again."))
            self.scanFinished.emit()

    def is_scanning(self) -> bool:
        return self._job is not None

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation != self._generation:
            return  # a cancelled scan's last reports
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("Comparing %1 of %2 contacts…")
                            .replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

    def _scanned_groups(self, result) -> None:
        generation, groups = result
        if generation != self._generation:
            return
        self._job = None
        self._set_scanning(False)
        self.model.set_groups(groups)
        self.scanFinished.emit()

    def _scan_failed(self, message: str) -> None:
        self._job = None
        self._set_scanning(False)
        self.status.setText(self.tr("The scan failed: %1").replace("%1", message))
        self.scanFinished.emit()

    def _set_scanning(self, scanning: bool) -> None:
        self.progress.setVisible(scanning)
        self.cancel_button.setVisible(scanning)
        self.rescan_button.setEnabled(not scanning)
        self._update_buttons()

    def _groups_shown(self) -> None:
        if self.model.rowCount() <= EXPAND_UP_TO:
            self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, self.tree.rootIndex(), True)
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))
        self._show_count()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.status.setText(self.tr("No likely duplicates found.") if not n else
                            self.tr("1 group of possible duplicates.") if n == 1 else
                            self.tr("%1 groups of possible duplicates.").replace("%1", f"{n:,}"))
        self._update_buttons()

    def _list_changed(self) -> None:
        if self._busy_merging or not self._scanned or self._job is not None:
            return
        self.status.setText(self.tr("Contacts have changed since the scan: Rescan to bring "
                                    "the list up to date."))

    # --- acting on a group -------------------------------------------------------------------
    def current_group(self) -> Group | None:
        return self.model.group_at(self.tree.currentIndex())

    def select_group(self, key: int) -> None:
        self.tree.setCurrentIndex(self.model.group_index(key))

    def _update_buttons(self) -> None:
        has = self.current_group() is not None and self._job is None
        self.merge_button.setEnabled(has)
        self.not_button.setEnabled(has)

    def merge_selected(self) -> None:
        from hubdesk.ui.dialogs.merge_dialog import MergeDialog

        group = self.current_group()
        if group is None:
            return
        dialog = MergeDialog(self.store, group.ids, parent=self)
        self.merge_dialog = dialog  # tests drive the open dialog
        self._busy_merging = True
        try:
            merged = dialog.exec() and dialog.kept_id is not None
        finally:
            self._busy_merging = False
        if merged:
            self._merged(group, dialog.kept_id)

    def _merged(self, group: Group, kept_id: int) -> None:
        kept = next(p for p in group.people if p.id == kept_id)
        row = self.model.group_index(group.key).row()
        self.model.remove_group(group.key)
        self.model.contacts_gone({i for i in group.ids if i != kept_id}, self._person(kept))
        self._after_change(row)

    def not_duplicates(self) -> None:
        group = self.current_group()
        if group is None:
            return
        try:
            with self.store.db.session() as s:
                duplicates.mark_not_duplicates(s, group.ids)
        except HubDeskError as exc:
            self.status.setText(str(exc))
            return
        row = self.model.group_index(group.key).row()
        self.model.remove_group(group.key)
        self._after_change(row)

    def _after_change(self, row: int) -> None:
        """The next group becomes current, so the user can go on with the keyboard."""
        n = self.model.rowCount()
        if n:
            self.tree.setCurrentIndex(self.model.index(min(row, n - 1), 0))
        self._show_count()

    def _person(self, person: Person) -> Person:
        """The kept contact as it is after the merge (name and email may have changed)."""
        rows = self.store.read(lambda s: contact_service.list_rows(s, [person.id]))
        row = rows.get(person.id)
        return _person(row) if row is not None else person

    def _double_clicked(self, index) -> None:
        person = self.model.person_at(index)
        if person is not None:
            self.showContact.emit(person.id)

    def hideEvent(self, event: QHideEvent) -> None:
        # Closed (or Esc): a scan nobody waits for stops.
        if self._job is not None:
            self.cancel(quiet=True)
            self._scanned = False  # opening again scans again
        super().hideEvent(event)


def _scan(session, report, cancelled) -> list[Group]:
    """The scan and the names to show, on a worker."""
    found = duplicates.find_duplicates(session, progress=report, cancelled=cancelled)
    ids = list(dict.fromkeys(i for g in found for i in g.ids))
    rows = contact_service.list_rows(session, ids)
    groups = []
    for g in found:
        people = [_person(rows[i]) for i in g.ids if i in rows]
        if len(people) >= 2:
            groups.append(Group(people, g.reason, g.confidence, list(g.reasons or [])))
    return groups


def _person(row) -> Person:
    return Person(row.id, row.name, row.email, row.phone, row.phone_valid, row.company)
