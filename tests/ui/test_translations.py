"""The Japanese translation is complete, consistent with the code, compiled, and loaded.

A string added to the UI without a translation fails test_catalogue_matches_the_code (it
names the string and where it is); `python build/translations.py update`, translating it in
resources/translations/hubdesk_ja.ts and `python build/translations.py release` fix it
(docs/translation.md).
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from hubdesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
HOW_TO_FIX = ("run `python build/translations.py update`, translate the new strings in "
              "resources/translations/hubdesk_ja.ts, then `python build/translations.py "
              "release` (docs/translation.md)")


def _load_build_script():
    spec = importlib.util.spec_from_file_location("hubdesk_build_translations",
                                                  ROOT / "build" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _load_build_script()
TS = translations.ts_file("ja")
QM = translations.qm_file("ja")
PLACEHOLDER = re.compile(r"%(?:\d+|n)")
MNEMONIC = re.compile(r"&(?!&)\S")


def _entries() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message in the committed .ts."""
    return [(context, m.findtext("source") or "", m.findtext("translation") or "")
            for context, m in translations.messages(TS)]


def test_every_string_is_translated():
    missing = translations.unfinished(TS)
    assert not missing, (f"{len(missing)} strings have no Japanese translation: "
                         + "; ".join(f"[{c}] {s!r}" for c, s in missing[:20])
                         + f" — {HOW_TO_FIX}")


def test_translations_keep_placeholders_accelerators_and_ellipses():
    problems = []
    for context, source, translation in _entries():
        if not translation:
            continue  # untranslated: test_every_string_is_translated says so
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation)):
            problems.append(f"[{context}] {source!r} → {translation!r}: placeholders differ")
        if bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(translation)):
            problems.append(f"[{context}] {source!r} → {translation!r}: keyboard accelerator "
                            "(&) missing or added")
        if source.endswith("…") and not translation.endswith("…"):
            problems.append(f"[{context}] {source!r} → {translation!r}: lost the “…”")
    assert not problems, "\n".join(problems)


def test_catalogue_matches_the_code(tmp_path):
    """The .ts holds exactly the strings the code asks for (lupdate over hubdesk/, ~1 s)."""
    fresh = tmp_path / "fresh.ts"
    translations.extract(fresh, "ja_JP", locations="absolute", keep=False)
    in_code: dict[tuple[str, str], str] = {}
    for context, message in translations.messages(fresh):
        where = message.find("location")
        place = ""
        if where is not None:
            path = (fresh.parent / where.get("filename", "")).resolve()
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            place = f"{shown}:{where.get('line')}"
        in_code[(context, message.findtext("source") or "")] = place
    committed = {(c, s) for c, s, _ in _entries()}
    new = sorted(set(in_code) - committed)
    gone = sorted(committed - set(in_code))
    assert not new, (f"{len(new)} strings in the code are not in {TS.name}:\n"
                     + "\n".join(f"  {in_code[k]}: [{k[0]}] {k[1]!r}" for k in new)
                     + f"\n{HOW_TO_FIX}")
    assert not gone, (f"{len(gone)} strings in {TS.name} are no longer in the code: "
                      + "; ".join(f"[{c}] {s!r}" for c, s in gone[:20])
                      + " — run `python build/translations.py update` and `release`")


def _helper_context(function: ast.FunctionDef) -> str | None:
    """"Ctx" for `def helper(text): return QCoreApplication.translate("Ctx", text)`."""
    params = [a.arg for a in function.args.args]
    body = [n for n in function.body if not (isinstance(n, ast.Expr)
                                             and isinstance(n.value, ast.Constant))]
    if len(params) != 1 or len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and len(call.args) == 2
            and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"):
        return None
    context, text = call.args
    if (isinstance(context, ast.Constant) and isinstance(context.value, str)
            and isinstance(text, ast.Name) and text.id == params[0]):
        return context.value
    return None


def test_strings_given_to_a_translating_helper_are_in_the_catalogue():
    """lupdate reads only tr(…) and translate("Context", "text") calls: the strings passed to
    a helper like `def _tr(text): return QCoreApplication.translate("Ctx", text)` are not
    extracted, so they need writing out (or a QT_TRANSLATE_NOOP mark) to be translated."""
    committed = {(c, s) for c, s, _ in _entries()}
    missing = []
    for path in translations.source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {node.name: context for node in ast.walk(tree)
                   if isinstance(node, ast.FunctionDef)
                   and (context := _helper_context(node)) is not None}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and (helpers[node.func.id], node.args[0].value) not in committed):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: "
                               f"[{helpers[node.func.id]}] {node.args[0].value!r}")
    assert not missing, ("lupdate cannot see these helper calls; write "
                         "QCoreApplication.translate(\"Context\", \"text\") at each call "
                         "(docs/translation.md):\n" + "\n".join(missing))


def test_core_texts_shown_in_the_ui_are_marked_for_translation():
    """The core's tables have no tr(); hubdesk/ui/core_strings.py marks them instead."""
    from hubdesk.core import duplicates
    from hubdesk.core.fields import STANDARD_FIELDS
    from hubdesk.core.filters.model import OPERATOR_LABELS
    from hubdesk.core.filters.resolve import PSEUDO_FIELDS
    from hubdesk.core.io.export_columns import EXPORT_PRESETS
    from hubdesk.core.io.open_table import SUPPORTED
    from hubdesk.core.io.presets import PRESETS
    from hubdesk.core.merge import GROUP_LABELS
    from hubdesk.ui.dialogs.export_dialog import ENCODINGS

    needed = {("FilterOperator", text) for text in OPERATOR_LABELS.values()}
    needed |= {("FilterField", f.label) for f in (*STANDARD_FIELDS, *PSEUDO_FIELDS)}
    needed |= {("ImportTargets", f.label) for f in STANDARD_FIELDS if f.editable}
    needed |= {("ImportPresets", p.label) for p in PRESETS.values()}
    needed |= {("ExportPresets", p.label) for p in EXPORT_PRESETS.values()}
    needed |= {("MergeFields", label) for label in GROUP_LABELS.values()}
    needed |= {("SettingsDialog", text) for _, text in ENCODINGS}
    needed.add(("ImportFormats", SUPPORTED))
    needed |= {("DuplicateReason", duplicates.reason_text((kind, "x")).replace(" x", " %1"))
               for kind in (duplicates.EMAIL, duplicates.PHONE)}
    needed |= {("DuplicateReason", duplicates.reason_text((kind, "x")))
               for kind in (duplicates.NAME_COMPANY, duplicates.NAME_EMAIL)}
    committed = {(c, s) for c, s, _ in _entries()}
    missing = sorted(needed - committed)
    assert not missing, ("add these to hubdesk/ui/core_strings.py (QT_TRANSLATE_NOOP), then "
                         f"translate them: {missing}")


def test_compiled_catalogue_matches_the_ts():
    """The committed .qm (what the app loads) answers every message as the .ts says."""
    assert QM.is_file(), f"{QM} is missing: run `python build/translations.py release`"
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [(c, s) for c, s, t in _entries() if translator.translate(c, s) != t]
    assert not stale, (f"{QM.name} is older than {TS.name} ({len(stale)} messages differ, "
                       f"e.g. {stale[:5]}): run `python build/translations.py release`")


def test_language_follows_the_variable_then_the_preference_then_the_system(
        settings, monkeypatch):
    from hubdesk.ui.settings import WindowSettings

    monkeypatch.delenv(i18n.ENV, raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda: "ja")
    assert i18n.ui_language(settings) == "ja"
    WindowSettings(settings).set_language("en")
    assert i18n.ui_language(settings) == "en"
    monkeypatch.setenv(i18n.ENV, "ja_JP.UTF-8")
    assert i18n.ui_language(settings) == "ja"
    monkeypatch.setenv(i18n.ENV, "fr")  # not one of ours: the preference decides
    assert i18n.ui_language(settings) == "en"


@pytest.fixture
def japanese(monkeypatch, settings):
    monkeypatch.setenv(i18n.ENV, "ja")
    assert i18n.install_translators(i18n.ui_language(settings)) == "ja"
    yield
    i18n.install_translators("en")


def test_japanese_ui_translates_the_window_and_qts_own_buttons(japanese, window_factory, db):
    w = window_factory(db)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus[0] == "ファイル(&F)"
    assert {"編集(&E)", "表示(&V)", "ヘルプ(&H)"} <= set(menus)
    assert w.count_label.text() == "0 件"
    # Qt's own catalogue (qtbase_ja) is loaded too: standard buttons read in Japanese.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_english_needs_no_translator(window_factory, db):
    i18n.install_translators("en")
    w = window_factory(db)
    assert w.menuBar().actions()[0].text() == "&File"
    assert i18n.current_language() == "en"
