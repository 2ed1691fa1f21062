"""The UI's language: English (the source texts) or Japanese, chosen once as the app starts.

HUBDESK_LANG=ja|en (for this run) wins, then Settings → Preferences → Language, then the
system's preferred UI languages in order. Japanese installs two translators: HubDesk's own
(resources/translations/hubdesk_ja.qm, made by `python build/translations.py release`) and
Qt's for its standard dialogs and buttons (qtbase_ja.qm, shipped with PySide6 and kept in the
frozen build). docs/translation.md says how strings get translated.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from hubdesk.paths import resource

log = logging.getLogger("hubdesk")

LANGUAGES = ("en", "ja")  # English is the source language: it needs no translator
ENV = "HUBDESK_LANG"

_installed: list[QTranslator] = []
_current = "en"


def _code(name: str) -> str:
    """'ja' for 'ja', 'ja-JP', 'ja_JP.UTF-8'; '' for anything else."""
    code = name.strip().replace("_", "-").split("-")[0].split(".")[0].lower()
    return code if code in LANGUAGES else ""


def system_language() -> str:
    """The first language the system's UI preferences name that HubDesk has (else English)."""
    for name in QLocale.system().uiLanguages():
        code = _code(name)
        if code:
            return code
    return "en"


def ui_language(settings: QSettings | None = None) -> str:
    """"en" or "ja": HUBDESK_LANG, else the Preferences choice, else the system's."""
    env = _code(os.environ.get(ENV, ""))
    if env:
        return env
    from hubdesk.ui.settings import WindowSettings, app_settings

    chosen = _code(WindowSettings(settings or app_settings()).language())
    return chosen or system_language()


def translation_files(language: str) -> list[tuple[str, str]]:
    """(file name, folder) of the catalogues a language loads, HubDesk's first."""
    if language == "en":
        return []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return [(f"hubdesk_{language}.qm", str(resource("translations"))),
            (f"qtbase_{language}.qm", qt_folder)]


def install_translators(language: str, app: QCoreApplication | None = None) -> str:
    """Make `language` the UI's language from now on (widgets made earlier keep their texts).
    Returns the language in use: English when the catalogues cannot be loaded."""
    global _current
    app = app or QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    _current = "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for name, folder in translation_files(language):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("hubdesk_"):
            log.warning("no %s in %s: the UI stays in English", name, folder)
            return _current
        else:  # Qt's own: its dialogs' buttons stay English, HubDesk's texts are translated
            log.warning("no %s in %s", name, folder)
    _current = language
    return language


def current_language() -> str:
    """The language install_translators last made current ("en" before it is called)."""
    return _current
