"""From a vCard file's bytes to properties: encoding, line ends, unfolding, parameters, values.

vcard.py groups the properties into cards and cards into rows. Work stays on bytes until a value
is needed, because a value's bytes may be in a charset of its own (`CHARSET=SHIFT_JIS`), and
because a Shift_JIS character may end in the byte of a backslash: escapes are undone only on
decoded text. Files whose encoding is not ASCII-compatible (UTF-16) are decoded line by line and
re-encoded as UTF-8, so the rest of the work is the same for every file.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hubdesk.core.io.encoding import (
    check_byte_order,
    detect_encoding,
    normalise_encoding,
    read_sample,
)
from hubdesk.core.io.table import ImportFileError

_CHUNK = 64 * 1024  # small: a decoded chunk must not dwarf what one card needs
_ASCII_PROBE = "BEGIN:VCARD\r\n;=,:\\\"."  # what must keep its bytes for the byte-level parsing


@dataclass(frozen=True)
class FileEncoding:
    name: str  # what the table reports (e.g. "utf-8-sig", "cp932", "utf-16-be")
    guessed: bool  # True when not from a BOM, valid UTF-8 or the caller
    codec: str  # decodes values that declare no CHARSET ("utf-8" for transcoded files)
    transcode: bool  # not ASCII-compatible: lines are decoded, then handled as UTF-8
    skip: int  # BOM bytes to skip (byte-level reading only)


def file_encoding(path: Path, override: str | None) -> FileEncoding:
    """How to read `path`: the caller's encoding, else a BOM, else strict UTF-8 over the whole
    file, else a guess (encoding.detect_encoding: UTF-16 without BOM, cp932, cp1252)."""
    sample, complete = read_sample(path)  # raises ImportFileError when unreadable
    if override:
        try:
            name, guessed = normalise_encoding(override), False
        except LookupError:
            raise ImportFileError(path, f"unknown encoding {override!r}") from None
        check_byte_order(path, sample, name)
    else:
        name, guessed = detect_encoding(sample, complete=complete)
        if name == "utf-8" and not complete:
            bad = _first_undecodable(path, "utf-8")
            if bad is not None:  # valid at the start only: guess from around the bad byte
                name, guessed = _guess_near(path, bad), True
    codec = "utf-8" if name == "utf-8-sig" else name
    transcode = _ASCII_PROBE.encode(codec) != _ASCII_PROBE.encode("ascii")
    skip = 3 if codec == "utf-8" and sample.startswith(codecs.BOM_UTF8) else 0
    return FileEncoding(name, guessed, "utf-8" if transcode else codec, transcode, skip)


def _first_undecodable(path: Path, codec: str) -> int | None:
    """Offset of the first byte `codec` cannot decode, or None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    offset = 0
    with open(path, "rb") as file:
        while True:
            chunk = file.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                return offset + error.start
            if not chunk:
                return None
            offset += len(chunk)


def _guess_near(path: Path, offset: int) -> str:
    with open(path, "rb") as file:
        file.seek(max(0, offset - 4096))
        window = file.read(64 * 1024)
    start = window.find(b"\n") + 1 if offset > 4096 else 0  # begin on a whole line
    name, _ = detect_encoding(window[start:], complete=False)
    return "cp1252" if name.startswith("utf-8") else name


def physical_lines(path: Path, enc: FileEncoding) -> Iterator[bytes]:
    """The file's lines as bytes without their line ends (properties() counts them). LF, CR LF
    and CR CR LF (a CR LF written by a program in text mode) each end one line; a file with CR
    only uses CR; a lone CR inside an LF-ended line stays in it."""
    try:
        with open(path, "rb") as file:
            if enc.transcode:
                yield from _transcoded_lines(path, file, enc.name)
                return
            file.seek(enc.skip)
            probe = file.read(64 * 1024)
            file.seek(enc.skip)
            if b"\n" not in probe and b"\r" in probe:
                yield from _split_chunks(file, b"\r")
                return
            for raw in file:
                yield raw.rstrip(b"\r\n")
    except OSError as error:
        raise ImportFileError(path, f"cannot be read: {error.strerror or error}") from None


def _split_chunks(file: io.BufferedReader, end: bytes) -> Iterator[bytes]:
    pending = b""
    while chunk := file.read(_CHUNK):
        lines = (pending + chunk).split(end)
        pending = lines.pop()
        yield from lines
    if pending:
        yield pending


def _transcoded_lines(path: Path, file: io.BufferedReader, name: str) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder(name)(errors="strict")
    pending, number = "", 0
    while True:
        chunk = file.read(_CHUNK)
        state = decoder.getstate()
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            decoder.setstate(state)  # count the lines before the bad bytes to name its line
            try:
                good = decoder.decode(chunk[: max(0, error.start - len(state[0]))])
            except UnicodeDecodeError:
                good = ""
            line = number + (pending + good).count("\n") + 1
            raise ImportFileError(path, f"bytes cannot be decoded as {name}", line) from None
        if number == 0 and not pending:
            text = text.lstrip("\ufeff")
        lines = (pending + text).split("\n")
        pending = lines.pop()
        number += len(lines)
        for line in lines:
            yield line.rstrip("\r").encode("utf-8")
        if not chunk:
            break
    if pending:
        yield pending.rstrip("\r").encode("utf-8")


@dataclass(slots=True)
class Prop:
    """One property (a logical line): raw bytes until the card needs its value."""

    line: int  # where it starts
    name: str  # upper case, group ("item1.") removed; "" for a line that is not a property
    head: bytes  # name and parameters as written
    value: bytes  # continuation lines joined; empty for properties nobody reads
    has_data: bool  # some value was written (a PHOTO with data counts, an empty one does not)

    @property
    def params(self) -> Params:
        return parse_params(self.head)


@dataclass(frozen=True, slots=True)  # shared between properties with the same head: immutable
class Params:
    types: frozenset[str] = frozenset()  # lower case; 2.1 bare words count as types
    encoding: str = ""  # "qp", "b" or ""
    charset: str = ""
    pref: int = 0  # 1 = most preferred (PREF, TYPE=pref, PREF=1); 0 = not said
    sort_as: bytes = b""


def properties(lines: Iterator[bytes], keep: frozenset[str]) -> Iterator[Prop]:
    """Unfold physical lines into properties. Values are kept only for names in `keep`.

    Continuations: a line starting with a space or tab (the space is dropped); after a
    quoted-printable line ending in "=" (a soft line break) the next line as it is; after a
    2.1 BASE64 value, lines without a colon up to a blank line; after a line ending in a
    backslash, a line without a colon (an escaped line break, kept as a line break).
    """
    # The pending property lives in local variables: this loop runs once per line of the file.
    active = kept = qp = b64 = qp_open = has_data = False
    number, start, name, head, last, parts = 0, 0, "", b"", b"", []
    for raw in lines:
        number += 1
        if qp_open and not _is_end(raw):  # after a soft line break: the line as it is
            if kept:
                parts[-1] = parts[-1][:-1]  # the "=" of the soft line break
                parts.append(raw)
            has_data, last, qp_open = has_data or bool(raw.strip()), raw, raw.endswith(b"=")
            continue
        if raw[:1] in (b" ", b"\t"):
            if active:
                raw = raw[1:]
                if kept:
                    parts.append(raw)
                has_data, last = has_data or bool(raw.strip()), raw
                qp_open = qp and raw.endswith(b"=")
                continue
            raw = raw.strip()  # a continuation of nothing: judge it as a line of its own
        if not raw or raw.isspace():
            b64 = False  # a blank line ends a 2.1 BASE64 value
            continue
        colon = _find_colon(raw)
        if colon < 0 and active and (b64 or (not qp and _odd_backslashes(last))):
            if kept:
                if not b64:  # the escaped line break stays a line break
                    parts[-1] = parts[-1][:-1] + b"\n"
                parts.append(raw)
            has_data, last = True, raw
            continue
        if active:
            yield Prop(start, name, head, b"".join(parts), has_data)
            active = False
        if colon < 0:
            yield Prop(number, "", raw, b"", False)
            continue
        head, last = raw[:colon], raw[colon + 1 :]
        name, qp, b64 = _head(head)
        kept = name in keep
        parts = [last] if kept else []
        active, start, has_data = True, number, bool(last.strip())
        qp_open = qp and last.endswith(b"=")
    if active:
        yield Prop(start, name, head, b"".join(parts), has_data)


def _odd_backslashes(data: bytes) -> bool:
    """Whether `data` ends in an escaping backslash (an odd number of them)."""
    return data.endswith(b"\\") and (len(data) - len(data.rstrip(b"\\"))) % 2 == 1


# Heads repeat from card to card ("TEL;TYPE=CELL"): what they say is worked out once. A plain
# dict, not lru_cache, which would build a key tuple per line.
_HEADS: dict[bytes, tuple[str, bool, bool]] = {}


def _head(head: bytes) -> tuple[str, bool, bool]:
    """(name without group, quoted-printable?, base64?) for a property's name and parameters."""
    known = _HEADS.get(head)
    if known is None:
        name = head.split(b";", 1)[0].rsplit(b".", 1)[-1].strip().decode("latin-1").upper()
        upper = head.upper()
        qp = b"QUOTED-PRINTABLE" in upper or b"ENCODING=QP" in upper
        known = name, qp, not qp and (b"BASE64" in upper or b"ENCODING=B" in upper)
        if len(_HEADS) > 4096:  # a file of ever-new heads must not grow the memory
            _HEADS.clear()
        _HEADS[head] = known
    return known


def _is_end(raw: bytes) -> bool:
    return raw.strip().upper() == b"END:VCARD"


def _find_colon(raw: bytes) -> int:
    """The colon between name/parameters and value; colons in quoted parameters do not count."""
    colon = raw.find(b":")
    if colon < 0 or raw.find(b'"', 0, colon) < 0:
        return colon
    quoted = False
    for index, byte in enumerate(raw):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return index
    return colon  # an unclosed quote: the first colon is the best guess


def _split_outside_quotes(data: bytes, sep: bytes) -> list[bytes]:
    if b'"' not in data:
        return data.split(sep)
    parts, start, quoted = [], 0, False
    for index, byte in enumerate(data):
        if byte == 0x22:
            quoted = not quoted
        elif byte == sep[0] and not quoted:
            parts.append(data[start:index])
            start = index + 1
    parts.append(data[start:])
    return parts


@lru_cache(maxsize=4096)
def parse_params(head: bytes) -> Params:
    """TYPE=a,b / 2.1 bare words (TEL;CELL;PREF) / ENCODING / CHARSET / PREF=n / SORT-AS."""
    types: set[str] = set()
    encoding = charset = ""
    pref, sort_as = 0, b""
    for item in _split_outside_quotes(head, b";")[1:]:
        key, eq, raw = item.partition(b"=")
        key = key.strip().upper()
        if not eq:  # 2.1: a bare word is a type, or an encoding
            raw, key = key, b"TYPE"
            if raw in (b"QUOTED-PRINTABLE", b"BASE64", b"B"):
                key = b"ENCODING"
        raw = raw.strip()
        if key == b"SORT-AS":
            sort_as = raw.strip(b'"')
            continue
        text = raw.replace(b'"', b"").decode("latin-1").strip().lower()
        if key == b"TYPE":
            types.update(t.strip() for t in text.split(",") if t.strip())
        elif key == b"ENCODING":
            encoding = {"quoted-printable": "qp", "qp": "qp", "base64": "b"}.get(text, text)
        elif key == b"CHARSET":
            charset = text
        elif key == b"PREF":
            pref = int(text) if text.isdigit() else 1
    if not pref and "pref" in types:
        pref = 1
    return Params(frozenset(types), encoding, charset, pref, sort_as)


def decode_value(path: Path, prop: Prop, enc: FileEncoding, data: bytes | None = None) -> str:
    """The property's value (or other bytes of it, e.g. a parameter) as text, never with U+FFFD.

    QUOTED-PRINTABLE and BASE64 are undone first. A known CHARSET decides for those bytes;
    without one they are tried as UTF-8, the file's encoding, then cp1252. 8-bit values are in
    their CHARSET, else (or when that fails) in the file's encoding. Bytes that none of these
    decode are an ImportFileError naming the property's line.
    """
    params = prop.params
    if data is None:
        data = prop.value
        if params.encoding == "qp":
            data = binascii.a2b_qp(data)
        elif params.encoding == "b":
            try:
                data = base64.b64decode(data)
            except (binascii.Error, ValueError):
                raise ImportFileError(path, f"{prop.name} has broken BASE64", prop.line) from None
    if data.isascii():
        return data.decode("ascii")
    encoded = params.encoding in ("qp", "b")
    charset = _known(params.charset)
    if encoded:  # bytes spelled out in ASCII: only a CHARSET says what they are
        tries = [charset] if charset else ["utf-8", enc.codec, "cp1252"]
    else:  # 8-bit bytes as written; in a transcoded (UTF-16) file they are our UTF-8
        tries = [charset, enc.codec] if charset and not enc.transcode else [enc.codec]
    for name in dict.fromkeys(tries):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return _raise_undecodable(path, prop, data, tries[0])


def _known(charset: str) -> str:
    """The codec for a CHARSET parameter ("SHIFT_JIS" → cp932), "" when absent or unknown."""
    try:
        return normalise_encoding(charset) if charset else ""
    except LookupError:
        return ""


def _raise_undecodable(path: Path, prop: Prop, data: bytes, codec: str) -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as error:
        shown = " ".join(f"0x{b:02X}" for b in data[error.start : error.start + 2])
        message = f"{prop.name}: bytes {shown} cannot be decoded as {codec}"
    else:  # not reached: the caller tried this codec first
        message = f"{prop.name} cannot be decoded"
    raise ImportFileError(path, message + "; choose the file's encoding", prop.line)


# RFC 6350 escapes, plus \: and \" that Apple and Google write (in URLs and notes).
_ESCAPES_30 = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":", '"': '"'}
_ESCAPES_21 = {",": ",", ";": ";", "\\": "\\", ":": ":"}  # 2.1 knows \; (and writers add these)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def unescape(text: str, v21: bool) -> str:
    """Undo backslash escapes; an unknown escape is kept as written (nothing is lost)."""
    if "\\" not in text:
        return text
    table = _ESCAPES_21 if v21 else _ESCAPES_30
    return _ESCAPE.sub(lambda m: table.get(m.group(1), m.group(0)), text)


def split_unescaped(text: str, sep: str) -> list[str]:
    """Split on `sep` where it is not escaped by a backslash (escapes are kept for unescape)."""
    if "\\" not in text:
        return text.split(sep)
    parts, start, index = [], 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == sep:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def decode_caret(text: str) -> str:
    """RFC 6868 parameter escapes of vCard 4.0: ^n newline, ^' double quote, ^^ caret."""
    if "^" not in text:
        return text
    return re.sub(r"\^([n'^])", lambda m: {"n": "\n", "'": '"', "^": "^"}[m.group(1)], text)
