"""The Labels tab: the contact's labels as coloured chips, each removable, and a box that adds
an existing label (type-ahead, any case) or creates a new one in a chosen colour."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import ValidationError
from hubdesk.core.labels import PALETTE
from hubdesk.ui.profile.flow_layout import FlowLayout
from hubdesk.ui.profile.label_chip import LabelChip
from hubdesk.ui.profile.plain import clear_layout, plain_label, set_error_style
from hubdesk.ui.store import ContactStore


def _swatch(color: str | None) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color) if color else QColor(0, 0, 0, 0))
    return QIcon(pixmap)


class LabelsTab(QWidget):
    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._contact_id: int | None = None
        self._on_contact: list[str] = []
        self._names_stale = True
        self.new_color: str | None = None  # None: the core picks the next palette colour
        self.chips: list[LabelChip] = []
        store.labelsChanged.connect(self._mark_names_stale)

        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText(self.tr("Add a label…"))
        self.add_edit.setAccessibleName(self.tr("Add label"))
        self.add_edit.setClearButtonEnabled(True)
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_edit.setCompleter(self.completer)
        self.add_edit.returnPressed.connect(self._return_pressed)
        # Choosing a suggestion (arrows + Enter, or a click) adds it at once.
        self.completer.activated[str].connect(self.add_name)
        self.add_edit.textEdited.connect(self._load_names)
        self.add_edit.installEventFilter(self)

        self.color_button = QToolButton()
        self.color_button.setAccessibleName(self.tr("Colour for a new label"))
        self.color_button.setToolTip(self.tr("Colour for a new label"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The text carries its own arrow; the style's indicator would overlap it.
        self.color_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        menu = QMenu(self.color_button)
        menu.addAction(self.tr("Automatic colour"), lambda: self.set_new_color(None))
        for color in PALETTE:
            menu.addAction(_swatch(color), color, lambda c=color: self.set_new_color(c))
        self.color_button.setMenu(menu)
        self.set_new_color(None)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the typed label"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed)
        self.error_label = plain_label(wrap=True)
        set_error_style(self.error_label)
        self.error_label.setVisible(False)

        self.empty_label = plain_label(self.tr("No labels yet"), muted=True)
        chips_box = QWidget()
        self.chips_layout = FlowLayout(chips_box)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(chips_box)
        content_layout.addWidget(self.empty_label)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        add_row = QHBoxLayout()
        add_row.setSpacing(4)
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.color_button)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(add_row)
        layout.addWidget(self.error_label)
        layout.addWidget(scroll, 1)

    def set_contact(self, contact: dict) -> None:
        if contact["id"] != self._contact_id:
            self.add_edit.clear()
            self.error_label.setVisible(False)
        self._contact_id = contact["id"]
        clear_layout(self.chips_layout)
        self.chips = []
        for label in contact.get("labels") or ():
            chip = LabelChip(label["name"], label["color"], label.get("description", ""))
            chip.removeClicked.connect(self.remove)
            self.chips_layout.addWidget(chip)
            self.chips.append(chip)
        self._on_contact = [lb["name"] for lb in contact.get("labels") or ()]
        self.empty_label.setVisible(not self.chips)
        self._names_stale = True

    def set_new_color(self, color: str | None) -> None:
        self.new_color = color
        self.color_button.setIcon(_swatch(color) if color else QIcon())
        self.color_button.setText(self.tr("Colour ▾"))
        self.color_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon if color
            else Qt.ToolButtonStyle.ToolButtonTextOnly)

    # --- actions ---------------------------------------------------------------------------
    def _return_pressed(self) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer goes on to emit activated() with the highlighted name
        self.add_typed()

    def add_typed(self) -> None:
        self.add_name(self.add_edit.text())

    def add_name(self, name: str) -> None:
        """Add an existing label (matched ignoring case) or create it."""
        name = name.strip()
        if not name or self._contact_id is None:
            return
        try:
            self._store.add_label(self._contact_id, name, self.new_color)
        except ValidationError as exc:
            self.error_label.setText(next(iter(exc.errors.values()), str(exc)))
            self.error_label.setVisible(True)
            return
        self.error_label.setVisible(False)
        self.add_edit.clear()
        self.set_new_color(None)

    def remove(self, name: str) -> None:
        if self._contact_id is not None:
            self._store.remove_label(self._contact_id, name)

    # --- type-ahead over existing labels, read only when the user starts typing ------------
    def _mark_names_stale(self) -> None:
        self._names_stale = True

    def _load_names(self) -> None:
        if not self._names_stale:
            return
        self._names_stale = False
        taken = {n.casefold() for n in self._on_contact}
        self._names.setStringList([name for name in self._store.label_names()
                                   if name.casefold() not in taken])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.add_edit and event.type() == QEvent.Type.FocusIn:
            self._load_names()
        return False
