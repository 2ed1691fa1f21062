"""The choices of the file page: encodings people's files come in, and delimiters."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hubdesk.core.io.encoding import normalise_encoding


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportFilePage", text)


def encodings() -> list[tuple[str, str]]:
    """(codec, label): what address books are exported in, Japanese and Western first."""
    return [
        ("utf-8", _tr("UTF-8")),
        ("utf-8-sig", _tr("UTF-8 with BOM")),
        ("cp932", _tr("Shift_JIS (Windows, cp932)")),
        ("euc_jp", _tr("EUC-JP")),
        ("iso2022_jp", _tr("ISO-2022-JP (JIS)")),
        ("utf-16", _tr("UTF-16")),
        ("utf-16-le", _tr("UTF-16 little-endian")),
        ("utf-16-be", _tr("UTF-16 big-endian")),
        ("cp1252", _tr("Western European (Windows-1252)")),
        ("iso8859-1", _tr("Latin-1 (ISO-8859-1)")),
        ("iso8859-15", _tr("Latin-9 (ISO-8859-15)")),
        ("cp1250", _tr("Central European (Windows-1250)")),
        ("cp1251", _tr("Cyrillic (Windows-1251)")),
        ("gb18030", _tr("Chinese Simplified (GB18030)")),
        ("big5", _tr("Chinese Traditional (Big5)")),
        ("euc_kr", _tr("Korean (EUC-KR)")),
        ("mac-roman", _tr("Mac OS Roman")),
    ]


def same_encoding(a: str | None, b: str | None) -> bool:
    """Whether two spellings name one codec ("Shift_JIS" and "cp932" do, as the reader uses)."""
    if not a or not b:
        return False
    try:
        return normalise_encoding(a) == normalise_encoding(b)
    except LookupError:
        return a.lower() == b.lower()


def delimiters() -> list[tuple[str | None, str]]:
    return [
        (None, _tr("Automatic")),
        (",", _tr("Comma ( , )")),
        (";", _tr("Semicolon ( ; )")),
        ("\t", _tr("Tab")),
        ("|", _tr("Vertical bar ( | )")),
    ]


def delimiter_name(delimiter: str | None) -> str:
    names = {",": _tr("comma"), ";": _tr("semicolon"), "\t": _tr("tab"), "|": _tr("vertical bar")}
    return names.get(delimiter or "", repr(delimiter))
