"""Whether the filter builder and the segments sidebar were open, remembered between runs
(beside the window's own settings, in the same QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


class FilterPanelSettings:
    def __init__(self, settings: QSettings):
        self._s = settings

    def _flag(self, key: str, default: bool) -> bool:
        value = self._s.value(key, default)
        # INI files give strings back; other backends give bools.
        return value if isinstance(value, bool) else str(value).lower() == "true"

    def builder_visible(self) -> bool:
        return self._flag("filters/builderVisible", False)

    def set_builder_visible(self, visible: bool) -> None:
        self._s.setValue("filters/builderVisible", visible)

    def segments_visible(self, default: bool) -> bool:
        """default: used until the user shows or hides the sidebar themselves."""
        return self._flag("filters/segmentsVisible", default)

    def set_segments_visible(self, visible: bool) -> None:
        self._s.setValue("filters/segmentsVisible", visible)
