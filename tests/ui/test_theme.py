"""Light and dark themes: readable palettes, readable label chips, and the app following
the system's scheme or the user's choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from hubdesk.core.labels import PALETTE
from hubdesk.ui import theme
from hubdesk.ui.profile.label_chip import LabelChip
from hubdesk.ui.theme import AppTheme, dark_palette, is_dark, light_palette
from hubdesk.ui.widgets.delegates import (
    chip_border_color,
    contrast_ratio,
    readable_text_color,
    relative_luminance,
)

Role = QPalette.ColorRole
WHITE, BLACK = QColor("#ffffff"), QColor("#000000")


@pytest.fixture
def app_theme(qapp, monkeypatch):
    """The app's theme, put back to the offscreen default (light) afterwards."""
    current = AppTheme.of(qapp)
    yield current
    monkeypatch.undo()
    current.set_theme("system")
    assert not is_dark(qapp.palette())


@pytest.mark.parametrize("make", [dark_palette, light_palette], ids=["dark", "light"])
def test_text_reads_on_every_surface_of_both_palettes(qapp, make):
    palette = make()

    def ratio(fg, bg):
        return contrast_ratio(palette.color(fg), palette.color(bg))

    assert ratio(Role.Text, Role.Base) >= 7
    assert ratio(Role.WindowText, Role.Window) >= 7
    assert ratio(Role.Text, Role.AlternateBase) >= 7
    assert ratio(Role.ButtonText, Role.Button) >= 4.5
    assert ratio(Role.ToolTipText, Role.ToolTipBase) >= 4.5
    assert ratio(Role.HighlightedText, Role.Highlight) >= 4.5
    assert ratio(Role.Link, Role.Base) >= 4.5
    assert ratio(Role.PlaceholderText, Role.Base) >= 4.5


def test_the_palettes_are_what_they_say(qapp):
    assert is_dark(dark_palette())
    assert not is_dark(light_palette())


@pytest.mark.parametrize("color", PALETTE)
def test_chip_text_reaches_aa_contrast_or_the_best_black_or_white_can(color):
    chip = QColor(color)
    text = readable_text_color(chip)
    best = max(contrast_ratio(chip, WHITE), contrast_ratio(chip, BLACK))
    assert contrast_ratio(chip, text) >= min(4.5, best)


def test_any_colour_gets_the_better_of_light_and_dark_text():
    for value in ("#ffffff", "#ffff00", "#808080", "#777777", "#000080", "#000000"):
        chip = QColor(value)
        text = readable_text_color(chip)
        best = max(contrast_ratio(chip, WHITE), contrast_ratio(chip, BLACK))
        assert contrast_ratio(chip, text) >= min(4.5, best), value


@pytest.mark.parametrize("make", [dark_palette, light_palette], ids=["dark", "light"])
@pytest.mark.parametrize("color", PALETTE)
def test_every_chip_stands_out_from_the_row_or_gets_an_outline(make, color):
    palette = make()
    chip = QColor(color)
    for surface in (palette.color(Role.Base), palette.color(Role.Highlight)):
        border = chip_border_color(chip, surface)
        if contrast_ratio(chip, surface) < 3:
            assert border is not None
            # Light on dark rows (and on a selected row's strong blue), dark on light ones.
            assert (border.lightness() > 128) == (relative_luminance(surface) < 0.18)
        else:
            assert border is None


def test_a_grey_chip_on_a_dark_panel_is_outlined(qtbot):
    panel = QWidget()
    panel.setPalette(dark_palette())
    panel.setAutoFillBackground(True)
    qtbot.addWidget(panel)
    chip = LabelChip("archived", "#4b5563", parent=panel)
    chip.move(10, 10)
    panel.resize(200, 60)
    panel.show()
    qtbot.waitExposed(panel)
    image = chip.grab().toImage()
    middle_top = image.pixelColor(image.width() // 2, 0)
    inside = image.pixelColor(image.width() // 2, image.height() // 2 - 5)
    assert middle_top.lightness() > QColor("#4b5563").lightness() + 20
    assert inside.name() == "#4b5563"


def test_dark_and_light_are_applied_to_the_whole_app(qapp, app_theme):
    seen = []
    app_theme.changed.connect(seen.append)
    app_theme.set_theme("dark")
    assert is_dark(qapp.palette()) and app_theme.dark()
    assert contrast_ratio(qapp.palette().color(Role.Text),
                          qapp.palette().color(Role.Base)) >= 7
    app_theme.set_theme("light")
    assert not is_dark(qapp.palette())
    assert seen == [True, False]


def test_system_follows_the_os_and_its_changes(qapp, app_theme, monkeypatch):
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    app_theme.set_theme("system")
    assert not is_dark(qapp.palette())
    # The OS switches to dark mode while HubDesk runs.
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(qapp.palette())
    # A theme chosen by the user is kept whatever the OS does.
    app_theme.set_theme("light")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(qapp.palette())


def test_where_qt_cannot_tell_the_system_scheme_it_is_light(qapp, app_theme):
    # The offscreen platform reports no scheme, like many Linux desktops without a portal.
    assert qapp.styleHints().colorScheme() == Qt.ColorScheme.Unknown
    app_theme.set_theme("system")
    assert not is_dark(qapp.palette())


def test_there_is_one_theme_per_application(qapp, app_theme):
    assert AppTheme.of(qapp) is app_theme
    assert AppTheme.of() is app_theme
    assert isinstance(QApplication.instance(), QApplication)


def test_the_window_in_dark_theme_shows_chips_and_profile(window_factory, demo_db, app_theme,
                                                          qtbot):
    app_theme.set_theme("dark")
    window = window_factory(demo_db)
    row = next(r for r in range(window.model.rowCount())
               if window.model.contact_row(r) and window.model.contact_row(r).labels)
    window.table.selectRow(row)
    qtbot.waitUntil(lambda: window.profile.contact_id() is not None, timeout=5000)
    assert window.profile.labels_tab.chips
    assert is_dark(window.table.palette())
    window.table.viewport().grab()  # paints the chips; a Qt warning would fail the test
