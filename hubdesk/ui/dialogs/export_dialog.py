"""Export: what (all, the current search and filter, or the selection), how (CSV, XLSX,
vCard; preset, encoding, formula protection; columns), where — then the export runs in the
background with progress and Cancel, and ends with Open file / Show in folder.

The dialog remembers its choices. A CSV in a Windows code page that cannot hold some
characters stops with the list of them and offers to write "?" instead."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QProcess, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.io.export_columns import EXPORT_PRESETS, available_columns, default_columns
from hubdesk.core.io.export_rows import ExportScope
from hubdesk.core.io.exporter import ExportOptions, ExportResult, run_export
from hubdesk.core.query import ContactQuery
from hubdesk.ui.dialogs.export_columns_list import ExportColumnsList
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.settings import WindowSettings
from hubdesk.ui.store import ContactStore

# Marked for translation here, translated when shown (the Preferences dialog shows ENCODINGS
# too, under its own context: hubdesk.ui.core_strings marks them for it).
FORMATS = (("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV"), ".csv"),
           ("xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (XLSX)"), ".xlsx"),
           ("vcard3", QT_TRANSLATE_NOOP("ExportDialog", "vCard 3.0"), ".vcf"),
           ("vcard4", QT_TRANSLATE_NOOP("ExportDialog", "vCard 4.0"), ".vcf"))
ENCODINGS = (("utf-8-sig", QT_TRANSLATE_NOOP("ExportDialog", "UTF-8 for Excel (with BOM)")),
             ("utf-8", QT_TRANSLATE_NOOP("ExportDialog", "UTF-8")),
             ("cp932", QT_TRANSLATE_NOOP("ExportDialog", "Windows Japanese (Shift_JIS / CP932)")),
             ("cp1252", QT_TRANSLATE_NOOP("ExportDialog", "Windows Western (cp1252)")))


@dataclass
class ExportScopes:
    """What the window offers to export, with counts."""

    all_count: int
    current: ContactQuery | None = None  # the list as shown, when narrowed by search/filter
    current_count: int = 0
    selected: list[int] = field(default_factory=list)


class ExportDialog(QDialog):
    def __init__(self, store: ContactStore, jobs: JobRunner, settings: WindowSettings,
                 scopes: ExportScopes, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs, self.settings, self.scopes = store, jobs, settings, scopes
        self.setWindowTitle(self.tr("Export contacts"))
        self.setMinimumSize(640, 560)
        self.result_: ExportResult | None = None
        self._job = None
        self._ready = False  # widgets signal while the page is built; react once it is
        saved = settings.export_choices()

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices_page(saved))
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._ready = True
        self._format_changed()

    # --- page 1: choices -------------------------------------------------------------------
    def _choices_page(self, saved: dict) -> QWidget:
        page = QWidget()
        s = self.scopes
        # The buttons first: every choice below updates them as soon as it is made.
        self.message = FieldMessage()
        self.replace_button = QPushButton(self.tr('Write them as "?" and export'))
        self.replace_button.clicked.connect(lambda: self.start(replace_unrepresentable=True))
        self.replace_button.hide()
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.start())
        self.scope_all = QRadioButton(self.tr("All contacts (%1)")
                                      .replace("%1", f"{s.all_count:,}"))
        self.scope_current = QRadioButton(self.tr("The current search and filter (%1)")
                                          .replace("%1", f"{s.current_count:,}"))
        self.scope_selected = QRadioButton(self.tr("The selected contacts (%1)")
                                           .replace("%1", f"{len(s.selected):,}"))
        self.scope_current.setEnabled(s.current is not None)
        self.scope_selected.setEnabled(bool(s.selected))
        self.scope_group = QButtonGroup(self)
        for button in (self.scope_all, self.scope_current, self.scope_selected):
            self.scope_group.addButton(button)
            button.toggled.connect(self._update_button)
        # The most specific thing the user is looking at is what they most likely mean.
        (self.scope_selected if len(s.selected) > 1 else
         self.scope_current if s.current is not None else self.scope_all).setChecked(True)

        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("Format"))
        for key, text, _ext in FORMATS:
            self.format_combo.addItem(self.tr(text), key)
        self._select(self.format_combo, saved.get("format", "csv"))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(self.tr("Layout"))
        for preset in EXPORT_PRESETS.values():
            self.preset_combo.addItem(
                QCoreApplication.translate("ExportPresets", preset.label), preset.name)
        self._select(self.preset_combo, saved.get("preset", "hubdesk"))
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.encoding_combo = QComboBox()
        self.encoding_combo.setAccessibleName(self.tr("Encoding"))
        for key, text in ENCODINGS:
            self.encoding_combo.addItem(self.tr(text), key)
        self._select(self.encoding_combo, saved.get("encoding", "utf-8-sig"))
        self.neutralize = QCheckBox(self.tr("Protect spreadsheets from formulas in cells "
                                            "(a leading ' before = + - @)"))
        self.neutralize.setChecked(bool(saved.get("neutralize", True)))

        self.columns = ExportColumnsList()
        self.columns.changed.connect(self._update_button)
        self._saved_columns = saved.get("columns") if isinstance(saved.get("columns"), list) \
            else None
        self._fill_columns()

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File"))
        folder = saved.get("folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.path_edit.setText(str(Path(folder) / f"contacts-{date.today().isoformat()}.csv"))
        self.path_edit.textChanged.connect(self._update_button)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_file)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(choose)

        form = QFormLayout()
        scope_box = QVBoxLayout()
        for button in (self.scope_all, self.scope_current, self.scope_selected):
            scope_box.addWidget(button)
        form.addRow(self.tr("Export:"), scope_box)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Layout:"), self.preset_combo)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow("", self.neutralize)
        form.addRow(self.tr("Columns:"), self.columns)
        form.addRow(self.tr("Save as:"), where)

        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        return page

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        combo.setCurrentIndex(max(combo.findData(data), 0))

    def _fill_columns(self) -> None:
        preset = self.preset_combo.currentData()
        columns, defaults = self.store.read(
            lambda s: ([(c.key, c.header) for c in available_columns(s, preset)],
                       default_columns(s, preset)))
        chosen = self._saved_columns if self._saved_columns else defaults
        self._saved_columns = None  # remembered columns apply once; a new layout resets them
        self.columns.set_columns(columns, chosen)

    def _preset_changed(self) -> None:
        self._fill_columns()

    def _format_changed(self, *_args) -> None:
        if not self._ready:
            return
        kind = self.format_combo.currentData()
        is_csv = kind == "csv"
        self.encoding_combo.setEnabled(is_csv)
        self.neutralize.setEnabled(is_csv)
        self.preset_combo.setEnabled(kind in ("csv", "xlsx"))
        ext = next(e for k, _t, e in FORMATS if k == kind)
        path = Path(self.path_edit.text().strip() or "contacts.csv")
        self.path_edit.setText(str(path.with_suffix(ext)))
        self._update_button()

    def _choose_file(self) -> None:
        kind = self.format_combo.currentData()
        ext = next(e for k, _t, e in FORMATS if k == kind)
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(),
            self.tr("%1 files (*%2)").replace("%1", ext[1:].upper()).replace("%2", ext))
        if name:
            self.path_edit.setText(str(Path(name).with_suffix(ext)))

    def scope(self) -> tuple[ExportScope, int]:
        if self.scope_selected.isChecked():
            return ExportScope(ids=list(self.scopes.selected)), len(self.scopes.selected)
        if self.scope_current.isChecked() and self.scopes.current is not None:
            return ExportScope(query=self.scopes.current), self.scopes.current_count
        return ExportScope(), self.scopes.all_count

    def _update_button(self, *_args) -> None:
        if not self._ready:
            return
        _scope, n = self.scope()
        self.export_button.setText(self.tr("Yes, export %1 contacts").replace("%1", f"{n:,}"))
        problem = ""
        if not self.columns.chosen():
            problem = self.tr("Choose at least one column.")
        elif not self.path_edit.text().strip():
            problem = self.tr("Choose where to save the file.")
        self.export_button.setEnabled(not problem and n > 0)
        self.replace_button.hide()  # a changed choice deserves a fresh try
        if problem:
            self.message.show_error(problem)
        else:
            self.message.clear_message()

    def options(self, replace_unrepresentable: bool = False) -> ExportOptions:
        kind = self.format_combo.currentData()
        return ExportOptions(
            columns=self.columns.chosen(), preset=self.preset_combo.currentData(),
            format="vcard" if kind.startswith("vcard") else kind,
            encoding=self.encoding_combo.currentData(), neutralize=self.neutralize.isChecked(),
            replace_unrepresentable=replace_unrepresentable,
            vcard_version="4.0" if kind == "vcard4" else "3.0")

    def _remember(self) -> None:
        self.settings.set_export_choices({
            "format": self.format_combo.currentData(), "preset": self.preset_combo.currentData(),
            "encoding": self.encoding_combo.currentData(),
            "neutralize": self.neutralize.isChecked(), "columns": self.columns.chosen(),
            "folder": str(Path(self.path_edit.text().strip()).parent)})

    # --- page 2: running ----------------------------------------------------------------------
    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def start(self, *, replace_unrepresentable: bool = False) -> None:
        if not self.export_button.isEnabled() and not replace_unrepresentable:
            return
        self._remember()
        scope, n = self.scope()
        path = Path(self.path_edit.text().strip()).expanduser()
        options, db = self.options(replace_unrepresentable), self.store.db
        self.progress.setRange(0, max(n, 1))
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Exporting %1 contacts to %2…")
                                    .replace("%1", f"{n:,}").replace("%2", str(path)))
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(1)
        self._started = time.monotonic()
        self._job = self.jobs.start(
            "export", lambda report, cancelled: run_export(
                db, path, options, scope, progress=report, cancelled=cancelled),
            self._done, self._failed, self._progress)
        self._job.finished.connect(self._job_ended)

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)

    def _job_ended(self) -> None:
        if self._job is not None and self._job.is_cancelled():
            self._job = None
            self._show_done(self.tr("Export cancelled. No file was written."), None)

    def _done(self, result: ExportResult) -> None:
        self._job = None
        self.result_ = result
        if result.cancelled:
            self._show_done(self.tr("Export cancelled. No file was written."), None)
            return
        notes = [self.tr("Exported %1 contacts to %2").replace("%1", f"{result.rows:,}")
                 .replace("%2", str(result.path))]
        if result.replaced_control_chars:
            notes.append(self.tr("%1 control characters a workbook cannot hold were replaced.")
                         .replace("%1", f"{result.replaced_control_chars:,}"))
        if result.unrepresentable is not None and result.unrepresentable.cells:
            notes.append(self.tr("Written as \"?\": ") + result.unrepresentable.message())
        if result.labels_with_separators:
            notes.append(self.tr("Labels containing separators (they re-import as several "
                                 "labels): ") + ", ".join(result.labels_with_separators))
        self._show_done("\n".join(notes), result.path)

    def _failed(self, message: str) -> None:
        self._job = None
        self.pages.setCurrentIndex(0)
        self.message.show_error(message)
        # A code page that lacks some characters: the user may accept "?" for them.
        self.replace_button.setVisible(is_unrepresentable(message))

    # --- page 3: done ---------------------------------------------------------------------------
    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open file"))
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("Show in folder"))
        self.folder_button.clicked.connect(self.show_in_folder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.done_label)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _show_done(self, text: str, path: Path | None) -> None:
        self.done_label.setText(text)
        self.open_button.setVisible(path is not None)
        self.folder_button.setVisible(path is not None)
        self.pages.setCurrentIndex(2)

    def open_file(self) -> None:
        if self.result_ is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_.path)))

    def show_in_folder(self) -> None:
        if self.result_ is None:
            return
        path = self.result_.path
        if sys.platform == "win32":
            QProcess.startDetached("explorer", [f"/select,{path}"])
        elif sys.platform == "darwin":
            QProcess.startDetached("open", ["-R", str(path)])
        else:  # file managers differ; the folder itself opens everywhere
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def reject(self) -> None:
        if self._job is not None:
            self.cancel()  # closing mid-export cancels it; the dialog says so when it stops
            return
        super().reject()


def is_unrepresentable(message: str) -> bool:
    """The export stopped on characters the chosen code page lacks (export_encoding)."""
    return "cannot represent" in message
