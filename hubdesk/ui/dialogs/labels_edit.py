"""Labels typed as a comma-separated list, completing the one being typed from existing labels."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

# Japanese input types the ideographic comma (、) as readily as a comma.
_SEPARATORS = re.compile(r"[,、，]")


def split_labels(text: str) -> list[str]:
    """Names in order, without blanks or repeats (ignoring case, as label names are unique)."""
    seen: set[str] = set()
    out = []
    for part in _SEPARATORS.split(text):
        name = part.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


class _LastItemCompleter(QCompleter):
    """Completes the text after the last comma and keeps what came before it."""

    def splitPath(self, path: str) -> list[str]:
        return [_SEPARATORS.split(path)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        line = self.widget().text() if self.widget() else ""
        parts = _SEPARATORS.split(line)
        chosen = str(index.data())
        return ", ".join([p.strip() for p in parts[:-1] if p.strip()] + [chosen])


class LabelsEdit(QLineEdit):
    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Comma-separated, e.g. customer, tokyo"))
        completer = _LastItemCompleter(QStringListModel(names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def labels(self) -> list[str]:
        return split_labels(self.text())

    def set_labels(self, names: list[str]) -> None:
        self.setText(", ".join(names))
