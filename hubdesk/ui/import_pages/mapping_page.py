"""Page 2: where each column goes. Filled from guess_mapping (or a preset the user names),
every target editable; the user's edits survive going back to page 1 unless the columns
change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from hubdesk.core import attributes as attrs
from hubdesk.core.io.draft import IGNORE
from hubdesk.core.io.mapping import detect_preset, guess_mapping, mapping_for_preset
from hubdesk.core.io.presets import PRESETS
from hubdesk.core.io.templates import remembered_mapping
from hubdesk.ui.import_pages.mapping_model import MappingModel
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.import_pages.target_delegate import TargetDelegate
from hubdesk.ui.import_pages.targets import SURE, target_choices
from hubdesk.ui.store import ContactStore

TARGET_WIDTH = 280


class MappingPage(QWizardPage):
    def __init__(self, state: ImportState, store: ContactStore, parent=None):
        super().__init__(parent)
        self.state, self.store = state, store
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr(
            "Choose where each column goes. ✓ marks a sure match, ? a guess to check."))

        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(self.tr("Exported from"))
        self.preset_combo.addItem(self.tr("Any program (match by column names)"), "")
        for preset in PRESETS.values():
            self.preset_combo.addItem(preset.label, preset.name)
        self.preset_combo.activated.connect(lambda _i: self._guess())
        self.preset_note = QLabel()
        self.preset_note.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exported from:")))
        top.addWidget(self.preset_combo)
        top.addWidget(self.preset_note, 1)

        self.model = MappingModel(self)
        self.model.mappingEdited.connect(self._edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        # After setModel: the view's own reset closes editors, so they are opened after it.
        self.model.modelReset.connect(self._open_editors)
        self.view.setAccessibleName(self.tr("Column mapping"))
        self.view.setItemDelegateForColumn(MappingModel.TARGET, TargetDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(MappingModel.SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingModel.TARGET, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(MappingModel.HEADER, 200)
        header.resizeSection(MappingModel.GUESS, 150)
        header.resizeSection(MappingModel.TARGET, TARGET_WIDTH)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def initializePage(self) -> None:
        table = self.state.table
        if table is None:
            return
        if tuple(table.headers) != self.state.mapped_headers:
            # Another file or other reading choices: the old mapping describes other columns.
            self.state.attributes = self.store.read(attrs.list_attributes)
            detected = detect_preset(table.headers) or ""
            self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(detected), 0))
            self._guess()
        else:
            # Same columns, perhaps read with another encoding: keep the user's choices but
            # show the samples as they read now.
            self.model.set_mapping(self.state.mapping, self.state.preview,
                                   target_choices(self.state.attributes))

    def _guess(self) -> None:
        table = self.state.table
        if table is None:
            return
        preset = self.preset_combo.currentData()
        samples = [row.values for row in self.state.preview]
        if preset:
            mapping = mapping_for_preset(table.headers, preset,
                                         attributes=self.state.attributes, samples=samples)
            detected = detect_preset(table.headers) == preset
            note = (self.tr("recognised from the column names") if detected
                    else self.tr("chosen by you"))
        else:
            mapping = guess_mapping(table.headers, attributes=self.state.attributes,
                                    samples=samples)
            note = self.tr("no known program recognised: columns matched by their names")
        earlier, remembered = self.store.read(
            lambda session: remembered_mapping(session, list(table.headers)))
        if remembered and not preset:
            # The same columns were imported before: start from what the user chose then.
            mapping = remembered
            note = self.tr("same columns as import %1: its mapping is applied").replace(
                "%1", str(earlier))
        self.preset_note.setText(note)
        self.state.mapping = mapping
        self.state.mapped_headers = tuple(table.headers)
        self.model.set_mapping(mapping, self.state.preview,
                               target_choices(self.state.attributes))
        self._edited()

    def _open_editors(self) -> None:
        for row in range(self.model.rowCount()):
            self.view.openPersistentEditor(self.model.index(row, MappingModel.TARGET))

    def _edited(self) -> None:
        self.state.mapping = self.model.mapping()
        mapping = self.state.mapping
        used = sum(1 for m in mapping if m.target != IGNORE)
        unsure = sum(1 for m in mapping if m.target != IGNORE and m.confidence < SURE)
        text = self.tr("%1 of %2 columns will be imported.").replace(
            "%1", str(used)).replace("%2", str(len(mapping)))
        if unsure:
            text += " " + self.tr("%1 guesses to check (?).").replace("%1", str(unsure))
        if not used:
            text = self.tr("Choose where at least one column goes.")
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return any(m.target != IGNORE for m in self.state.mapping)
