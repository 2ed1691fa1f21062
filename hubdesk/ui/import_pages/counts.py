"""A row of labelled numbers (rows read, created, …) that reads well in a screenshot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


class CountsView(QWidget):
    def __init__(self, names: list[tuple[str, str]], parent: QWidget | None = None):
        """names: (key, label) in the order shown."""
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(28)
        self._values: dict[str, QLabel] = {}
        for column, (key, label) in enumerate(names):
            value = QLabel("—")
            value.setTextFormat(Qt.TextFormat.PlainText)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            value.setAccessibleName(label)
            caption = QLabel(label)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(value, 0, column)
            grid.addWidget(caption, 1, column)
            self._values[key] = value
        grid.setColumnStretch(len(names), 1)

    def set_counts(self, counts: dict[str, int | str | None]) -> None:
        for key, label in self._values.items():
            value = counts.get(key)
            label.setText("—" if value is None else
                          f"{value:,}" if isinstance(value, int) else str(value))

    def text(self, key: str) -> str:
        return self._values[key].text()
