"""Find one other contact by typing (name, email, phone or company), for "Merge with…".

The search is the list's own first-page search, so it stays fast on a million contacts; it
still runs on the window's workers when there are some, as every search does."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core import contacts as contact_service
from hubdesk.core.query import ContactQuery, first_page
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore

RESULTS = 30
DEBOUNCE_MS = 200


class PickContactDialog(QDialog):
    # After each search's results are shown; tests wait on it.
    searched = Signal()

    def __init__(self, store: ContactStore, exclude: Sequence[int] = (),
                 title: str = "", prompt: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.exclude = set(exclude)
        self.picked_id: int | None = None
        self._generation = 0
        self.setWindowTitle(title or self.tr("Choose a contact"))
        self.setMinimumSize(460, 420)
        intro = QLabel(prompt or self.tr("Search for the contact by name, email, phone or "
                                         "company."))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Matching contacts"))
        self.results.setUniformItemSizes(True)
        self.results.itemDoubleClicked.connect(lambda _item: self._pick())
        self.results.currentItemChanged.connect(lambda *_: self._update_ok())
        self.status = plain_label(muted=True)  # may quote an error message
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Choose"))
        self.buttons.accepted.connect(self._pick)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self._update_ok()
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, text = self._generation, self.search.text()
        exclude, read_with = self.exclude, self.store.read

        def work(_report=None, _cancelled=None):
            def read(s):
                ids = [i for i in first_page(s, ContactQuery(text=text), RESULTS + len(exclude))
                       if i not in exclude][:RESULTS]
                rows = contact_service.list_rows(s, ids)
                return [rows[i] for i in ids if i in rows]
            return generation, read_with(read)

        jobs = self.store.jobs
        if jobs is None:
            self._show(work())
        else:
            jobs.start("pick contact", work, self._show, self.status.setText)

    def _show(self, result) -> None:
        generation, rows = result
        if generation != self._generation:
            return  # typed on meanwhile: a newer search is on its way
        self.results.clear()
        for row in rows:
            parts = [p for p in (row.email, row.company) if p]
            text = row.name or row.email or row.company or row.phone or f"#{row.id}"
            if parts and text != parts[0]:
                text += "  —  " + " · ".join(parts)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        self.status.setText("" if rows else self.tr("No matching contact."))
        self._update_ok()
        self.searched.emit()

    def _update_ok(self) -> None:
        self.ok.setEnabled(self.results.currentItem() is not None)

    def choose_row(self, row: int) -> None:
        self.results.setCurrentRow(row)
        self._pick()

    def _pick(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.picked_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
