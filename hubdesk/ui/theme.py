"""Light and dark: follow the system (the default), or the choice made in Settings → Appearance.

The platform's own style is kept whenever it can draw the scheme wanted (macOS, Windows 11,
KDE, GNOME with a dark Qt theme…). Where it cannot — Qt does not know the system's scheme,
the style has no dark variant, or the user wants the opposite of the system — the app
switches to Fusion with a palette of its own, which every platform can draw.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from hubdesk.ui.settings import THEMES

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Chosen for contrast, not taste alone: body text on base and window ≥ 7:1, selected text
# on the highlight and links on base ≥ 4.5:1 (tests/ui/test_theme.py measures them).
_DARK = {
    Role.Window: "#2b2d30", Role.WindowText: "#e6e7e9", Role.Base: "#1e1f22",
    Role.AlternateBase: "#26282b", Role.ToolTipBase: "#3c3f43", Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#9a9ca1", Role.Text: "#e6e7e9", Role.Button: "#3a3d41",
    Role.ButtonText: "#e6e7e9", Role.BrightText: "#ff7b72", Role.Light: "#55585d",
    Role.Midlight: "#45484c", Role.Mid: "#34373b", Role.Dark: "#1a1b1e", Role.Shadow: "#0b0c0d",
    Role.Highlight: "#2f5fb3", Role.HighlightedText: "#ffffff", Role.Link: "#79b0ff",
    Role.LinkVisited: "#c5a3ff",
}
_DARK_DISABLED = {Role.WindowText: "#7d8086", Role.Text: "#7d8086", Role.ButtonText: "#7d8086",
                  Role.Highlight: "#45484c", Role.HighlightedText: "#b0b3b8"}
# Fusion's own light palette selects with a pale blue that white text does not read on.
_LIGHT_CHANGES = {Role.Highlight: "#2563eb", Role.HighlightedText: "#ffffff",
                  Role.Link: "#1d4ed8", Role.PlaceholderText: "#6b7280"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(color))
    if hasattr(Role, "Accent"):  # Qt 6.6+: some styles draw focus and checks with it
        palette.setColor(Role.Accent, QColor(_DARK[Role.Highlight]))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette())
    for role, color in _LIGHT_CHANGES.items():
        for group in (Group.Active, Group.Inactive):
            palette.setColor(group, role, QColor(color))
    if hasattr(Role, "Accent"):
        palette.setColor(Role.Accent, QColor(_LIGHT_CHANGES[Role.Highlight]))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def system_prefers_dark() -> bool:
    """The OS's choice as Qt reports it; where Qt cannot tell (Unknown), light."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


class AppTheme(QObject):
    """The application's one theme; `AppTheme.of(app)` finds or makes it."""

    changed = Signal(bool)  # dark?

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("hubdeskTheme")
        self._app = app
        self._native_style = app.style().name()
        self._applying = False
        self.theme = "system"
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    @classmethod
    def of(cls, app: QApplication | None = None) -> AppTheme:
        app = app or QApplication.instance()
        found = app.findChild(AppTheme, "hubdeskTheme")
        return found if found is not None else cls(app)

    def dark(self) -> bool:
        return is_dark(self._app.palette())

    def set_theme(self, theme: str) -> None:
        self.theme = theme if theme in THEMES else "system"
        self._apply()

    def _system_changed(self, _scheme) -> None:
        if self.theme == "system" and not self._applying:
            self._apply()

    def _apply(self) -> None:
        self._applying = True  # asking Qt for a scheme announces a change of its own
        try:
            hints = self._app.styleHints()
            if hasattr(hints, "setColorScheme"):  # Qt 6.8+: the platform style may follow
                if self.theme == "system":
                    # Unknown means "the platform's own" for setColorScheme as well.
                    getattr(hints, "unsetColorScheme",
                            lambda: hints.setColorScheme(Qt.ColorScheme.Unknown))()
                else:
                    hints.setColorScheme(Qt.ColorScheme.Dark if self.theme == "dark"
                                         else Qt.ColorScheme.Light)
            want_dark = self.theme == "dark" or (self.theme == "system"
                                                 and system_prefers_dark())
            self._use_style(self._native_style)
            self._app.setPalette(QPalette())  # back to what the style and platform give
            if is_dark(self._app.palette()) != want_dark:
                self._use_style("Fusion")
                self._app.setPalette(dark_palette() if want_dark else light_palette())
        finally:
            self._applying = False
        self.changed.emit(self.dark())

    def _use_style(self, name: str) -> None:
        if self._app.style().name().lower() != name.lower():
            self._app.setStyle(name)
