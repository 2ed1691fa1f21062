"""Typed access to the few things the window remembers, defaults in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from hubdesk.config import APP_AUTHOR, APP_NAME


def app_settings() -> QSettings:
    return QSettings(APP_AUTHOR, APP_NAME)


class WindowSettings:
    def __init__(self, settings: QSettings):
        self._s = settings

    @property
    def qsettings(self) -> QSettings:
        """The store underneath, for a new window on the same settings."""
        return self._s

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

    def dock_state(self) -> QByteArray | None:
        """Where the docks (Segments, Health) are and which are open."""
        value = self._s.value("window/docks")
        return value if isinstance(value, QByteArray) else None

    def set_dock_state(self, value: QByteArray) -> None:
        self._s.setValue("window/docks", value)

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

    # --- preferences (Settings → Preferences…) -----------------------------------------------
    def _choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = str(self._s.value(key, default) or default)
        return value if value in allowed else default

    def theme(self) -> str:
        """"system" (follow the OS), "light" or "dark"."""
        return self._choice("appearance/theme", THEMES, "system")

    def set_theme(self, value: str) -> None:
        self._s.setValue("appearance/theme", value if value in THEMES else "system")

    def language(self) -> str:
        """"" (the system's), "en" or "ja"; read once at start."""
        return self._choice("general/language", LANGUAGES, "")

    def set_language(self, value: str) -> None:
        self._s.setValue("general/language", value if value in LANGUAGES else "")

    def phone_region(self) -> str:
        """Where numbers typed without a +country code are from ("": HUBDESK_REGION or the
        locale, as the core decides)."""
        value = str(self._s.value("general/phone_region", "") or "").strip().upper()
        return value if len(value) == 2 and value.isalpha() else ""

    def set_phone_region(self, value: str) -> None:
        self._s.setValue("general/phone_region", (value or "").strip().upper())

    def author(self) -> str:
        """The name notes and messages written here are signed with."""
        return str(self._s.value("general/author", "") or "").strip()

    def set_author(self, value: str) -> None:
        self._s.setValue("general/author", (value or "").strip())

    def legacy_database_location(self) -> str:
        """Where earlier HubDesk versions kept a moved database's file (now in hubdesk.db_choice,
        which the command line reads too); read once at start to carry it over."""
        return str(self._s.value("database/location", "") or "")

    def forget_legacy_database_location(self) -> None:
        self._s.remove("database/location")

    def export_defaults(self) -> tuple[str, bool]:
        """CSV encoding and formula protection: the export dialog starts from these."""
        choices = self.export_choices()
        encoding = choices.get("encoding")
        return (encoding if isinstance(encoding, str) and encoding else "utf-8-sig",
                bool(choices.get("neutralize", True)))

    def set_export_defaults(self, encoding: str, neutralize: bool) -> None:
        # Merged into the dialog's remembered choices, which is what it reads on opening.
        self.set_export_choices({**self.export_choices(), "encoding": encoding,
                                 "neutralize": neutralize})


THEMES = ("system", "light", "dark")
LANGUAGES = ("", "en", "ja")


def use_phone_region(code: str) -> None:
    """Make `code` the region the core reads phones in: core.normalize.default_region()
    reads HUBDESK_REGION, so the setting is handed to it there."""
    import os

    if code:
        os.environ["HUBDESK_REGION"] = code
