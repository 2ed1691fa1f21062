"""The "Import as" cell: a combo of targets, always open so every choice is visible."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from hubdesk.ui.import_pages.mapping_model import MappingModel

Index = QModelIndex | QPersistentModelIndex


class TargetDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setMaxVisibleItems(20)
        model = index.model()
        if isinstance(model, MappingModel):
            for target, label in model.choices():
                combo.addItem(label, target)  # labels: field names and the user's attributes
        combo.setAccessibleName(self.tr("Import column “%1” as").replace(
            "%1", str(index.siblingAtColumn(MappingModel.HEADER).data())))
        # Persistent editors never lose focus to commit: each pick is written at once.
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            if found >= 0 and found != editor.currentIndex():
                editor.blockSignals(True)  # showing the model's value is not an edit
                editor.setCurrentIndex(found)
                editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
