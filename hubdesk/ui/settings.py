"""Typed access to the few things the window remembers, defaults in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from hubdesk.config import APP_AUTHOR, APP_NAME


def app_settings() -> QSettings:
    return QSettings(APP_AUTHOR, APP_NAME)


class WindowSettings:
    def __init__(self, settings: QSettings):
        self._s = settings

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def header_state(self) -> QByteArray | None:
        value = self._s.value("list/header")
        return value if isinstance(value, QByteArray) else None

    def set_header_state(self, value: QByteArray) -> None:
        self._s.setValue("list/header", value)

    def sync(self) -> None:
        self._s.sync()

    def splitter_state(self) -> QByteArray | None:
        value = self._s.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter_state(self, value: QByteArray) -> None:
        self._s.setValue("window/splitter", value)

    def profile_tab(self) -> int:
        try:
            return int(self._s.value("profile/tab", 0))
        except (TypeError, ValueError):
            return 0

    def set_profile_tab(self, index: int) -> None:
        self._s.setValue("profile/tab", index)

    def export_choices(self) -> dict:
        """The export dialog's last choices (format, preset, encoding, columns, folder)."""
        import json

        try:
            value = json.loads(str(self._s.value("export/choices", "{}")))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def set_export_choices(self, choices: dict) -> None:
        import json

        self._s.setValue("export/choices", json.dumps(choices, ensure_ascii=False))
