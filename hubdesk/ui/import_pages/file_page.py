"""Page 1: which file, and how to read it — encoding, delimiter, header row, sheet — with a
live preview of its first rows. Every change re-reads the file's start on a worker."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from hubdesk.core.io.open_table import SUPPORTED, open_table
from hubdesk.core.io.table import SourceRow, SourceTable
from hubdesk.ui.import_pages.file_choices import (
    delimiter_name,
    delimiters,
    encodings,
    same_encoding,
)
from hubdesk.ui.import_pages.latest_job import LatestJob
from hubdesk.ui.import_pages.message import PageMessage
from hubdesk.ui.import_pages.preview_model import PreviewModel
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.jobs import JobRunner

PREVIEW_ROWS = 20
FILE_FILTER = QT_TRANSLATE_NOOP("FilePage", "Contact files (*.csv *.tsv *.txt *.tab *.xlsx "
                                "*.xlsm *.vcf *.vcard);;All files (*)")


def read_preview(path: Path, encoding: str | None, delimiter: str | None, sheet: str | None,
                 has_header: bool) -> tuple[SourceTable, list[SourceRow]]:
    """The table and its first rows; only the start of the file is read."""
    table = open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet,
                       has_header=has_header)
    rows = table.rows()
    try:
        return table, list(islice(rows, PREVIEW_ROWS))
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # the reader's file handle, now rather than when collected


class FilePage(QWizardPage):
    def __init__(self, state: ImportState, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("HubDesk reads %1.").replace(
            "%1", QCoreApplication.translate("ImportFormats", SUPPORTED)))  # core_strings
        self._reader = LatestJob(jobs, "import preview", self)
        self._reader.busyChanged.connect(self._busy_changed)
        self._detected: tuple[str, bool] | None = None  # the file's encoding, as found
        self._auto_encoding = True  # until the user picks one, the reader finds it
        self._error = ""

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose or type the path of a file"))
        self.path_edit.setAccessibleName(self.tr("File"))
        self.path_edit.editingFinished.connect(self._path_typed)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.encoding_combo = QComboBox()
        self.encoding_combo.setAccessibleName(self.tr("Encoding"))
        # Wide enough for the "(guessed, please check)" mark, which is the point of it.
        self.encoding_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for codec, label in encodings():
            self.encoding_combo.addItem(label, codec)
        self.encoding_combo.activated.connect(self._encoding_chosen)
        self.encoding_note = PageMessage()
        self.encoding_note.setWordWrap(False)  # one short sentence under the combo

        self.delimiter_combo = QComboBox()
        self.delimiter_combo.setAccessibleName(self.tr("Delimiter"))
        # "Automatic (semicolon)" is written after the file is read: the width must follow.
        self.delimiter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value, label in delimiters():
            self.delimiter_combo.addItem(label, value)
        self.delimiter_combo.activated.connect(lambda _i: self.reload())
        self.header_check = QCheckBox(self.tr("The first row holds the column names"))
        self.header_check.setChecked(True)
        self.header_check.toggled.connect(lambda _on: self.reload())
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.sheet_combo.activated.connect(lambda _i: self.reload())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.path_edit.setMinimumWidth(640)
        self.sheet_combo.setMinimumWidth(240)
        self.form = form
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow("", self.encoding_note)
        form.addRow(self.tr("Delimiter:"), self.delimiter_combo)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow("", self.header_check)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names the file and its notes
        self.status.setWordWrap(True)
        self.error = PageMessage()
        self.error.setAccessibleName(self.tr("File problem"))
        self.model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.model)
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setDefaultSectionSize(140)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        self._enable_choices(None)

    # --- choosing ------------------------------------------------------------------------
    def browse(self) -> None:
        start = str(self.state.path.parent) if self.state.path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import contacts"), start, self.tr(FILE_FILTER))
        if name:
            self.set_path(Path(name))

    def _path_typed(self) -> None:
        text = self.path_edit.text().strip()
        if text and Path(text) != self.state.path:
            self.set_path(Path(text))

    def set_path(self, path: Path) -> None:
        """A new file: its encoding, delimiter and sheet are found again."""
        self.state.path = path
        self.path_edit.setText(str(path))
        self._detected, self._auto_encoding = None, True
        self.delimiter_combo.setCurrentIndex(0)
        self.sheet_combo.clear()
        self.reload()

    def _encoding_chosen(self, _index: int) -> None:
        self._auto_encoding = False
        self.reload()

    def reload(self) -> None:
        path = self.state.path
        if path is None:
            return
        encoding = None if self._auto_encoding else self.encoding_combo.currentData()
        delimiter = self.delimiter_combo.currentData()
        sheet = self.sheet_combo.currentData()
        has_header = self.header_check.isChecked()
        self.state.table, self.state.preview = None, []
        self._error = ""
        self.error.clear_message()  # a stale error would describe the previous choices
        self._reader.start(
            lambda _report, _cancelled: read_preview(path, encoding, delimiter, sheet,
                                                     has_header),
            self._read, self._failed)
        self.completeChanged.emit()

    # --- results -------------------------------------------------------------------------
    def _read(self, result: tuple[SourceTable, list[SourceRow]]) -> None:
        table, rows = result
        self.state.table, self.state.preview = table, rows
        self._error = ""
        self.path_edit.deselect()  # focus selected it all; a selected path looks like a prompt
        self.error.clear_message()
        if self._detected is None and table.encoding:
            self._detected = (table.encoding, table.encoding_guessed)
        self._show_encoding(table)
        self._show_delimiter(table)
        self._show_sheets(table)
        self._enable_choices(table)
        self.model.set_rows(table.headers, rows)
        self.status.setText(self._describe(table, rows))
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.state.table, self.state.preview = None, []
        path = self.state.path
        if path is not None and message.startswith(str(path)):
            message = path.name + message[len(str(path)):]  # the folder is on the line above
        self._error = message
        self.error.show_error(message)
        self.model.clear()
        self.status.clear()
        self.encoding_note.clear_message()  # the error says what is wrong now
        if self.sheet_combo.count() == 0:
            # Whatever failed, the way out may be another encoding or delimiter.
            for widget in (self.encoding_combo, self.delimiter_combo, self.header_check):
                widget.setEnabled(True)
        self.completeChanged.emit()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("Reading…"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.table is not None and not self._error and not self._reader.busy()

    def cleanupPage(self) -> None:
        self._reader.cancel()

    def stop(self) -> None:
        self._reader.cancel()

    # --- showing what was found ------------------------------------------------------------
    def _show_encoding(self, table: SourceTable) -> None:
        combo = self.encoding_combo
        if not table.encoding:
            self.encoding_note.clear_message()
            return
        for i, (_codec, label) in enumerate(encodings()):
            combo.setItemText(i, label)  # earlier marks belong to an earlier file
        while combo.count() > len(encodings()):
            combo.removeItem(combo.count() - 1)
        detected, guessed = self._detected or (table.encoding, table.encoding_guessed)
        index = next((i for i in range(combo.count())
                      if same_encoding(combo.itemData(i), detected)), -1)
        if index < 0:  # e.g. UTF-32, found by its BOM: offer it rather than another
            combo.addItem(detected, detected)
            index = combo.count() - 1
        mark = self.tr("guessed, please check") if guessed else self.tr("detected")
        combo.setItemText(index, f"{combo.itemText(index)} ({mark})")
        current = next((i for i in range(combo.count())
                        if same_encoding(combo.itemData(i), table.encoding)), index)
        combo.setCurrentIndex(current)
        if guessed and current == index:
            self.encoding_note.show_note(self.tr(
                "Guessed from the file's contents: check that names read correctly below."))
        else:
            self.encoding_note.clear_message()

    def _show_delimiter(self, table: SourceTable) -> None:
        if table.delimiter:
            self.delimiter_combo.setItemText(0, self.tr("Automatic (%1)").replace(
                "%1", delimiter_name(table.delimiter)))

    def _show_sheets(self, table: SourceTable) -> None:
        combo = self.sheet_combo
        combo.blockSignals(True)  # filling the list is not the user choosing a sheet
        combo.clear()
        for name in table.sheets:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(table.sheet), 0) if table.sheets else -1)
        combo.blockSignals(False)

    def _enable_choices(self, table: SourceTable | None) -> None:
        kind = table.format if table else None
        text = kind in ("csv", "tsv")
        self.encoding_combo.setEnabled(text or kind == "vcard")
        self.delimiter_combo.setEnabled(text)
        self.header_check.setEnabled(text or kind == "xlsx")
        self.sheet_combo.setEnabled(kind == "xlsx")
        self.form.setRowVisible(self.sheet_combo, kind == "xlsx")  # only workbooks have sheets

    def _describe(self, table: SourceTable, rows: list[SourceRow]) -> str:
        kinds = {"csv": self.tr("CSV"), "tsv": self.tr("TSV"), "xlsx": self.tr("Excel workbook"),
                 "vcard": self.tr("vCard")}
        text = self.tr("%1 with %2 columns — the first %3 rows:").replace(
            "%1", kinds.get(table.format, table.format)).replace(
            "%2", str(len(table.headers))).replace("%3", str(len(rows)))
        if table.notes:
            text += "\n" + "; ".join(table.notes)
        return text
