"""A button that opens a checklist: the value editor for "is any of" / "has all of" and the
like. The menu stays open while the user ticks several options."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton, QWidget

SUMMARY_CHARS = 40
MIN_WIDTH = 160  # room for a few names before the summary is cut


def menu_text(text: str) -> str:
    """Action and button texts treat & as a shortcut marker; label names are user text."""
    return text.replace("&", "&&")


class _StayOpenMenu(QMenu):
    """A plain QMenu closes on every click, which makes ticking three labels three trips."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        action = self.activeAction()
        if (event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and action is not None and action.isCheckable()):
            action.trigger()
            return
        super().keyPressEvent(event)


class MultiSelectButton(QToolButton):
    changed = Signal()

    def __init__(self, options: Callable[[], Iterable[str]], parent: QWidget | None = None,
                 *, label: Callable[[str], str] | None = None):
        """options: called each time the menu opens, so new labels appear without a reload.
        label: how an option reads (fixed choices are translated; values stay as they are)."""
        super().__init__(parent)
        self._options = options
        self._label = label or (lambda option: option)
        self._checked: list[str] = []
        self._menu = _StayOpenMenu(self)
        self._menu.aboutToShow.connect(self._rebuild)
        self.setMenu(self._menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(MIN_WIDTH)
        self._rebuild()

    def values(self) -> tuple[str, ...]:
        return tuple(self._checked)

    def set_values(self, values: Iterable[str]) -> None:
        self._checked = list(dict.fromkeys(str(v) for v in values))
        self._rebuild()

    def actions_by_text(self) -> dict[str, QAction]:
        """The menu's options by their (unescaped) text: for keyboard-free tests."""
        return {a.data(): a for a in self._menu.actions() if a.isCheckable()}

    def _rebuild(self) -> None:
        self._menu.clear()
        # What is ticked stays listed even if it is no longer an option (a deleted label),
        # so the user can see it and untick it.
        options = list(dict.fromkeys([*self._options(), *self._checked]))
        if not options:
            empty = self._menu.addAction(self.tr("No options"))
            empty.setEnabled(False)
        for option in options:
            action = self._menu.addAction(menu_text(self._label(option)))
            action.setData(option)
            action.setCheckable(True)
            action.setChecked(option in self._checked)
            action.toggled.connect(lambda on, o=option: self._toggle(o, on))
        self._show_summary()

    def _toggle(self, option: str, on: bool) -> None:
        if on and option not in self._checked:
            self._checked.append(option)
        elif not on and option in self._checked:
            self._checked.remove(option)
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        chosen = ", ".join(self._label(option) for option in self._checked)
        summary = chosen[:SUMMARY_CHARS - 1] + "…" if len(chosen) > SUMMARY_CHARS else chosen
        self.setText(menu_text(summary) if summary else self.tr("Choose…"))
        self.setAccessibleName(self.tr("Values: %1").replace("%1", chosen)
                               if self._checked else self.tr("Choose values"))
