"""Page 2: where each column goes. Filled from a mapping template saved for the same columns,
else guess_mapping (or a preset the user names), every target editable; the user's edits
survive going back to page 1 unless the columns change. The mapping can be saved as a named
template, which is applied by itself the next time a file with these columns comes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from hubdesk.core import attributes as attrs
from hubdesk.core.errors import HubDeskError, ValidationError
from hubdesk.core.io import templates
from hubdesk.core.io.draft import IGNORE, ColumnMapping
from hubdesk.core.io.mapping import detect_preset, guess_mapping, mapping_for_preset
from hubdesk.core.io.presets import PRESETS
from hubdesk.ui.import_pages.mapping_model import MappingModel
from hubdesk.ui.import_pages.message import PageMessage
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
            self.preset_combo.addItem(
                QCoreApplication.translate("ImportPresets", preset.label), preset.name)
        self.preset_combo.activated.connect(lambda _i: self._preset_chosen())
        # Names the source of the mapping, including template names: never markup.
        self.preset_note = QLabel()
        self.preset_note.setTextFormat(Qt.TextFormat.PlainText)

        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Mapping template"))
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_combo.setMinimumContentsLength(16)
        self.template_combo.activated.connect(self._template_chosen)
        self.template_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.save_template_button = QPushButton(self.tr("Save as template…"))
        self.save_template_button.clicked.connect(self.ask_template_name)
        self.delete_template_button = QPushButton(self.tr("Delete template"))
        self.delete_template_button.clicked.connect(self.delete_selected_template)
        self.template_message = PageMessage()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exported from:")))
        top.addWidget(self.preset_combo)
        top.addSpacing(12)
        template_label = QLabel(self.tr("Template:"))
        template_label.setBuddy(self.template_combo)
        top.addWidget(template_label)
        top.addWidget(self.template_combo)
        top.addWidget(self.save_template_button)
        top.addWidget(self.delete_template_button)
        top.addStretch(1)

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
        layout.addWidget(self.preset_note)
        layout.addWidget(self.template_message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def initializePage(self) -> None:
        table = self.state.table
        if table is None:
            return
        self.template_message.clear_message()
        if tuple(table.headers) != self.state.mapped_headers:
            # Another file or other reading choices: the old mapping describes other columns.
            self.state.attributes = self.store.read(attrs.list_attributes)
            detected = detect_preset(table.headers) or ""
            self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(detected), 0))
            named = self.store.read(
                lambda session: templates.template_for_headers(session, list(table.headers)))
            self._refresh_templates(named or "")
            if named:
                self._apply_template(named, automatic=True)
            else:
                self._guess()
        else:
            # Same columns, perhaps read with another encoding: keep the user's choices but
            # show the samples as they read now.
            self._refresh_templates(self.template_combo.currentData() or "")
            self.model.set_mapping(self.state.mapping, self.state.preview,
                                   target_choices(self.state.attributes))

    # --- where the mapping comes from ------------------------------------------------------
    def _preset_chosen(self) -> None:
        # The latest choice wins: a program named now replaces the template's mapping.
        self.template_combo.setCurrentIndex(0)
        self._guess()

    def _template_chosen(self, index: int) -> None:
        name = self.template_combo.itemData(index)
        self.template_message.clear_message()
        if name:
            self._apply_template(name)
        else:
            self._guess()

    def _proposal(self) -> tuple[list[ColumnMapping], str]:
        """The preset's or the fuzzy guess, with a note saying which."""
        table = self.state.table
        assert table is not None
        preset = self.preset_combo.currentData()
        samples = [row.values for row in self.state.preview]
        if preset:
            mapping = mapping_for_preset(table.headers, preset,
                                         attributes=self.state.attributes, samples=samples)
            detected = detect_preset(table.headers) == preset
            return mapping, (self.tr("recognised from the column names") if detected
                             else self.tr("chosen by you"))
        mapping = guess_mapping(table.headers, attributes=self.state.attributes,
                                samples=samples)
        return mapping, self.tr("no known program recognised: columns matched by their names")

    def _guess(self) -> None:
        table = self.state.table
        if table is None:
            return
        mapping, note = self._proposal()
        earlier, remembered = self.store.read(
            lambda session: templates.remembered_mapping(session, list(table.headers)))
        if remembered and not self.preset_combo.currentData():
            # The same columns were imported before: start from what the user chose then.
            mapping = remembered
            note = self.tr("same columns as import %1: its mapping is applied").replace(
                "%1", str(earlier))
        self._show(mapping, note)

    def _apply_template(self, name: str, *, automatic: bool = False) -> None:
        table = self.state.table
        if table is None:
            return
        headers, known = list(table.headers), self.state.attributes
        try:
            applied = self.store.read(
                lambda session: templates.apply_template(session, name, headers, known))
        except HubDeskError as exc:
            # Deleted since the list was read (perhaps by a colleague on a shared database).
            self.template_message.show_error(str(exc))
            self._refresh_templates("")
            self._guess()
            return
        guessed, _note = self._proposal()
        mapping = templates.with_fallback(applied, guessed)
        note = (self.tr("same columns as template “%1”: its mapping is applied") if automatic
                else self.tr("template “%1” applied")).replace("%1", name)
        unknown = sum(1 for m in applied if m.source == templates.UNKNOWN)
        if unknown:
            note += self.tr("; %1 column(s) it does not know were guessed").replace(
                "%1", str(unknown))
        self._show(mapping, note)

    def _show(self, mapping: list[ColumnMapping], note: str) -> None:
        table = self.state.table
        assert table is not None
        self.preset_note.setText(note)
        self.state.mapping = mapping
        self.state.mapped_headers = tuple(table.headers)
        self.model.set_mapping(mapping, self.state.preview,
                               target_choices(self.state.attributes))
        self._edited()

    # --- saving and deleting templates -----------------------------------------------------
    def _refresh_templates(self, select: str) -> None:
        """Reread the saved templates and select `select` (a name), or None."""
        names = [info.name for info in self.store.read(templates.list_templates)]
        self.template_combo.clear()
        self.template_combo.addItem(self.tr("None"), "")
        for name in names:
            self.template_combo.addItem(name, name)
        self.template_combo.setCurrentIndex(max(self.template_combo.findData(select), 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_template_button.setEnabled(bool(self.template_combo.currentData()))

    def ask_template_name(self) -> None:
        table = self.state.table
        suggested = self.template_combo.currentData() or (table.path.stem if table else "")
        name, ok = QInputDialog.getText(
            self, self.tr("Save mapping template"),
            self.tr("Template name (saving under an existing name replaces that template):"),
            QLineEdit.EchoMode.Normal, suggested)
        if ok:
            self.save_template_named(name)

    def save_template_named(self, name: str) -> bool:
        """Save the mapping shown under `name`; a problem with the name is shown beside the
        template controls, and nothing is saved."""
        try:
            with self.store.db.session() as session:
                templates.save_template(session, name, self.model.mapping())
        except ValidationError as exc:
            self.template_message.show_error(
                self.tr("Not saved: %1").replace("%1", "; ".join(exc.errors.values())))
            return False
        except HubDeskError as exc:
            self.template_message.show_error(str(exc))
            return False
        saved = name.strip()
        self.template_message.clear_message()
        self._refresh_templates(saved)
        self.preset_note.setText(self.tr("mapping saved as template “%1”").replace("%1", saved))
        return True

    def delete_selected_template(self) -> None:
        name = self.template_combo.currentData()
        if not name:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Delete mapping template"),
            self.tr("Delete the mapping template “%1”?\nImports already made are not "
                    "changed, and the columns shown keep their choices.").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's text, not markup
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self._delete_template(name)

    def _delete_template(self, name: str) -> bool:
        try:
            with self.store.db.session() as session:
                templates.delete_template(session, name)
        except HubDeskError as exc:
            self.template_message.show_error(str(exc))
            self._refresh_templates("")
            return False
        self.template_message.clear_message()
        self._refresh_templates("")
        self.preset_note.setText(
            self.tr("template “%1” deleted; the columns keep their current choices").replace(
                "%1", name))
        return True

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
