"""Which text encoding a file is in: a BOM decides, then strict UTF-8, then a scored guess.

A guess is only a guess, so callers show it for the user to confirm (`guessed` is True). Nothing
here ever decodes with replacement characters: a byte the encoding cannot decode is an error that
names its line, because a U+FFFD stored in a contact is data silently lost.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from hubdesk.core.io.table import ImportFileError

SAMPLE_SIZE = 64 * 1024  # enough to judge the encoding and the delimiter, small enough to hold
_CHUNK_SIZE = 1024 * 1024  # decode_check streams in chunks of this size

# Longest BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Names people (and vCard CHARSET parameters, and Outlook) use for the same encodings. Windows
# writes "Shift_JIS" files in its code page 932, which adds NEC and IBM characters (①, ㈱, 髙 …)
# that strict shift_jis rejects, so every Shift_JIS spelling decodes as cp932.
_ALIASES = {
    "sjis": "cp932",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "shiftjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms_kanji": "cp932",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}


# Codecs Python knows that no contact file is written in: their decoders fail with a bare
# UnicodeError (not a UnicodeDecodeError naming the byte) on ordinary text.
_NOT_FILE_ENCODINGS = {"idna", "punycode", "undefined"}
# Their decoders read the byte order from a BOM and refuse a file without one.
_BOM_READING = {"utf-16", "utf-32"}


def normalise_encoding(name: str) -> str:
    """The codec name for what a user typed (or a vCard CHARSET says); raises LookupError for
    an unknown encoding, or one that does not decode bytes to text (base64, rot13, zlib …)."""
    key = name.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        info = codecs.lookup(key)  # raises LookupError
    except ValueError:  # a NUL in the name
        raise LookupError(f"unknown encoding: {name!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_ENCODINGS:
        raise LookupError(f"{name!r} is not a text file encoding")
    return _ALIASES.get(info.name, info.name)


def check_byte_order(path: Path | str, sample: bytes, encoding: str) -> None:
    """Refuse "utf-16"/"utf-32" chosen for a file that starts without a BOM, naming the
    encodings that say the byte order themselves."""
    if encoding in _BOM_READING and not any(
            sample.startswith(bom) for bom, name in _BOMS if name.startswith(encoding)):
        raise ImportFileError(
            path, f"starts without a byte order mark, so {encoding} cannot read it; choose "
                  f"{encoding}-le (what Windows calls Unicode) or {encoding}-be")


def bom_length(start: bytes, encoding: str) -> int:
    """How many bytes of BOM the file beginning with `start` has for `encoding` (to skip).

    Zero when it has none, or for "utf-16"/"utf-32", whose decoders read the BOM themselves.
    """
    family = {"utf-8-sig": "utf-8", "utf-8": "utf-8"}.get(encoding, encoding)
    for bom, name in _BOMS:
        if name.replace("-sig", "") == family and start.startswith(bom):
            return len(bom)
    return 0


def detect_encoding(sample: bytes, *, complete: bool = False) -> tuple[str, bool]:
    """(encoding, guessed) for the first bytes of a file.

    `complete` says the sample is the whole file; otherwise its last character may be cut in the
    middle, which must not count against an encoding. `guessed` is False only when a BOM or valid
    UTF-8 decides, i.e. when no reasonable person would choose differently.
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name, False
    # Before UTF-8, because NUL is valid UTF-8: text with a NUL in every other byte is UTF-16.
    utf16 = _utf16_without_bom(sample)
    if utf16 and _decodes(sample, utf16, complete):
        return utf16, True
    if _decodes(sample, "utf-8", complete):
        return "utf-8", False
    if _decodes(sample, "cp932", complete) and _looks_japanese(_decode_prefix(sample, "cp932")):
        return "cp932", True
    if _decodes(sample, "cp1252", complete):
        return "cp1252", True
    if _decodes(sample, "cp932", complete):
        return "cp932", True
    # Nothing decodes cleanly: offer the commonest Western code page; reading will then stop at
    # the first byte it cannot decode, naming the line, and the user can choose another one.
    return "cp1252", True


def _decodes(sample: bytes, encoding: str, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _decode_prefix(sample: bytes, encoding: str) -> str:
    """The sample decoded, leaving out a character cut at its end (only call when it decodes)."""
    return codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample, final=False)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte: which side says the order."""
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls > 0.3 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.3 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _is_japanese(char: str) -> bool:
    code = ord(char)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs (kanji)
        or 0xFF01 <= code <= 0xFF60  # full-width ASCII variants
        or 0x2460 <= code <= 0x24FF  # circled numbers (NEC extensions)
        or 0x3200 <= code <= 0x33FF  # enclosed and squared CJK (㈱, ㌔)
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs (IBM extensions)
    )


def _looks_japanese(text: str) -> bool:
    """Whether text decoded as cp932 reads as Japanese rather than as Latin bytes misread.

    Accented Latin letters in cp1252 (é = 0xE9, Ä = 0xC4 …) are cp932 lead bytes or half-width
    katakana, so a Western file sometimes decodes as cp932 too, but into scattered half-width
    katakana and rare kanji, not into runs of kana and kanji.
    """
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return False
    full_width = sum(1 for c in non_ascii if _is_japanese(c))
    # Half-width katakana (U+FF61–FF9F) are real in old Japanese files but are also what cp1252's
    # capitals with accents decode into, so they count as neither for nor against.
    half_width = sum(1 for c in non_ascii if 0xFF61 <= ord(c) <= 0xFF9F)
    others = len(non_ascii) - full_width - half_width
    return full_width >= 2 and full_width >= 4 * others


def decode_check(path: Path | str, encoding: str) -> None:
    """Read the whole file (in chunks) and raise ImportFileError at the first undecodable byte.

    Lines are counted the way the CSV reader counts them (CR LF, CR and LF each end a line), so
    the number given is the one an editor shows.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    line = 1
    pending_cr = False  # a CR at the end of one chunk may pair with an LF starting the next
    with open(path, "rb") as file:
        while True:
            chunk = file.read(_CHUNK_SIZE)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                before = _count_before(error, encoding, pending_cr)
                raise _undecodable(path, encoding, error, line + before) from None
            if text:
                line += count_line_breaks(text, pending_cr)
                pending_cr = text.endswith("\r")
            if not chunk:
                return


def _count_before(error: UnicodeDecodeError, encoding: str, pending_cr: bool) -> int:
    """Line breaks in the bytes the decoder had accepted in this chunk before the bad byte."""
    good = error.object[: error.start]
    # Only counting: the bytes before error.start decoded cleanly, "replace" never triggers here
    # except for a BOM-dependent codec restarted mid-file, where it affects no line break.
    text = codecs.decode(good, encoding, errors="replace")
    return count_line_breaks(text, pending_cr)


def count_line_breaks(text: str, pending_cr: bool = False) -> int:
    """CR LF, lone CR and lone LF each count once; an LF right after `pending_cr` was counted."""
    breaks = text.count("\r") + text.count("\n") - text.count("\r\n")
    if pending_cr and text.startswith("\n"):
        breaks -= 1
    return breaks


def _undecodable(
    path: Path | str, encoding: str, error: UnicodeDecodeError, line: int
) -> ImportFileError:
    bad = error.object[error.start : max(error.end, error.start + 1)]
    shown = " ".join(f"0x{b:02X}" for b in bad[:4])
    return ImportFileError(
        path,
        f"byte {shown} cannot be decoded as {encoding}; choose the file's encoding",
        line,
    )


def read_sample(path: Path | str, size: int = SAMPLE_SIZE) -> tuple[bytes, bool]:
    """The first `size` bytes and whether they are the whole file."""
    try:
        with open(path, "rb") as file:
            sample = file.read(size + 1)
    except OSError as error:
        raise ImportFileError(path, f"cannot be read: {error.strerror or error}") from None
    return sample[:size], len(sample) <= size
