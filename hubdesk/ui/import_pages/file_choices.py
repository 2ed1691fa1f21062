"""The choices of the file page: encodings people's files come in, and delimiters."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hubdesk.core.io.encoding import normalise_encoding

# lupdate reads the context from each call, so it is written out there.
translate = QCoreApplication.translate


def encodings() -> list[tuple[str, str]]:
    """(codec, label): what address books are exported in, Japanese and Western first."""
    return [
        ("utf-8", translate("ImportFilePage", "UTF-8")),
        ("utf-8-sig", translate("ImportFilePage", "UTF-8 with BOM")),
        ("cp932", translate("ImportFilePage", "Shift_JIS (Windows, cp932)")),
        ("euc_jp", translate("ImportFilePage", "EUC-JP")),
        ("iso2022_jp", translate("ImportFilePage", "ISO-2022-JP (JIS)")),
        ("utf-16", translate("ImportFilePage", "UTF-16")),
        ("utf-16-le", translate("ImportFilePage", "UTF-16 little-endian")),
        ("utf-16-be", translate("ImportFilePage", "UTF-16 big-endian")),
        ("cp1252", translate("ImportFilePage", "Western European (Windows-1252)")),
        ("iso8859-1", translate("ImportFilePage", "Latin-1 (ISO-8859-1)")),
        ("iso8859-15", translate("ImportFilePage", "Latin-9 (ISO-8859-15)")),
        ("cp1250", translate("ImportFilePage", "Central European (Windows-1250)")),
        ("cp1251", translate("ImportFilePage", "Cyrillic (Windows-1251)")),
        ("gb18030", translate("ImportFilePage", "Chinese Simplified (GB18030)")),
        ("big5", translate("ImportFilePage", "Chinese Traditional (Big5)")),
        ("euc_kr", translate("ImportFilePage", "Korean (EUC-KR)")),
        ("mac-roman", translate("ImportFilePage", "Mac OS Roman")),
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
        (None, translate("ImportFilePage", "Automatic")),
        (",", translate("ImportFilePage", "Comma ( , )")),
        (";", translate("ImportFilePage", "Semicolon ( ; )")),
        ("\t", translate("ImportFilePage", "Tab")),
        ("|", translate("ImportFilePage", "Vertical bar ( | )")),
    ]


def delimiter_name(delimiter: str | None) -> str:
    names = {",": translate("ImportFilePage", "comma"),
             ";": translate("ImportFilePage", "semicolon"),
             "\t": translate("ImportFilePage", "tab"),
             "|": translate("ImportFilePage", "vertical bar")}
    return names.get(delimiter or "", repr(delimiter))
