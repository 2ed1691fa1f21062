"""CSV and TSV files as a SourceTable, streamed row by row.

The encoding and the delimiter are judged on a 64 KB sample; the rows are then read through the
csv module from a text stream, so memory stays flat however long the file is. Nothing is
dropped: short rows are padded and noted, cells beyond the header are kept in `extra`.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from hubdesk.core.io.encoding import (
    bom_length,
    check_byte_order,
    decode_check,
    detect_encoding,
    normalise_encoding,
    read_sample,
)
from hubdesk.core.io.table import ImportFileError, SourceRow, SourceTable

DELIMITERS = [",", "\t", ";", "|"]  # in order of preference when two fit equally well
# The csv module refuses fields over 128 KB by default; a long note is legitimate, a field of
# hundreds of megabytes is a broken quote swallowing the file, which is reported, not held.
_FIELD_LIMIT = 16 * 1024 * 1024
# What a user may type for the delimiter besides the character itself.
_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def read_csv(
    path: Path | str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    has_header: bool = True,
) -> SourceTable:
    """Open a delimited text file; the encoding and delimiter are detected unless given."""
    path = Path(path)
    sample, complete = read_sample(path)
    if encoding:
        try:
            encoding, guessed = normalise_encoding(encoding), False
        except LookupError:
            raise ImportFileError(path, f"unknown encoding {encoding!r}") from None
        check_byte_order(path, sample, encoding)
    else:
        encoding, guessed = detect_encoding(sample, complete=complete)
    skip = bom_length(sample, encoding)
    text = _whole_lines(path, _decode_sample(path, sample[skip:], encoding, complete), complete)
    delimiter = _DELIMITER_NAMES.get((delimiter or "").lower(), delimiter)
    if delimiter is None:
        delimiter = detect_delimiter(text, default="\t" if path.suffix.lower() == ".tsv" else ",")
    elif len(delimiter) != 1:
        raise ImportFileError(path, f"the delimiter must be one character, not {delimiter!r}")

    first = next(sample_records(text, delimiter), None)
    if first is None:
        raise ImportFileError(path, "the file is empty")
    if has_header:
        headers = make_headers(first)
    else:
        # The widest row of the sample sets the columns; a wider row further down keeps its
        # cells in `extra`, noted as a problem.
        width = max(len(cells) for cells in sample_records(text, delimiter))
        headers = [f"Column {i}" for i in range(1, width + 1)]

    def rows() -> Iterator[SourceRow]:
        return _read_rows(path, encoding, skip, delimiter, headers, has_header)

    return SourceTable(
        path=path,
        format="tsv" if delimiter == "\t" else "csv",
        headers=headers,
        rows=rows,
        encoding=encoding,
        encoding_guessed=guessed,
        delimiter=delimiter,
    )


def _decode_sample(path: Path, sample: bytes, encoding: str, complete: bool) -> str:
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        return decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        decode_check(path, encoding)  # raises, naming the line
        raise  # unreachable: the same bytes fail in decode_check


def _whole_lines(path: Path, text: str, complete: bool) -> str:
    """The sample without the line its end cuts in two, which would look like a short row."""
    text = text.lstrip("\ufeff")
    if complete:
        return text
    cut = max(text.rfind("\n"), text.rfind("\r"))
    if cut < 0:
        raise ImportFileError(path, "the first line is longer than 64 KB: not a CSV file?", 1)
    return text[: cut + 1]


def sample_records(text: str, delimiter: str) -> Iterator[list[str]]:
    """The sample parsed with `delimiter` (quoted newlines joined), blank rows left out.

    A generator, so that judging the delimiter holds one record at a time, not the sample's
    thousand rows as lists of cells.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            if not _blank(cells):
                yield cells
    except csv.Error:
        return  # only a sample: a record it cuts short is judged by the rows before it


def detect_delimiter(text: str, *, default: str = ",") -> str:
    """The delimiter that splits the sample's rows into the most consistent number of cells.

    For each candidate, the commonest cell count above one is found; the candidate whose count
    the largest share of rows agrees with wins. A file with one column, where nothing splits,
    gets `default`.
    """
    best, best_score = default, (0.0, 0)
    for delimiter in DELIMITERS:
        counts = [len(cells) for cells in sample_records(text, delimiter)]
        split = Counter(n for n in counts if n > 1)
        if not split:
            continue
        width, agreeing = split.most_common(1)[0]
        score = (agreeing / len(counts), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def make_headers(cells: list[str]) -> list[str]:
    """Header cells cleaned of BOMs and spaces, empty ones named by position, all unique.

    Mapping is by header name, so two columns called "E-mail" must stay apart: the second
    becomes "E-mail (2)".
    """
    names = [cell.replace("\ufeff", "").strip() for cell in cells]
    names = [name or f"Column {i}" for i, name in enumerate(names, start=1)]
    seen: set[str] = set()
    headers: list[str] = []
    for name in names:
        unique, n = name, 1
        while unique in seen:
            n += 1
            unique = f"{name} ({n})"
        seen.add(unique)
        headers.append(unique)
    return headers


def fit_row(
    number: int, line: int, cells: list[str], width: int, *, note_short: bool = True
) -> SourceRow:
    """A SourceRow with exactly `width` values; what does not fit is kept and noted.

    A short row is padded with "" and, unless `note_short` is False, noted: in a CSV file a
    missing delimiter may mean the cells that follow moved one column to the left.
    """
    row = SourceRow(number=number, line=line, values=cells[:width])
    ragged = f"row has {_cells(len(cells))}, the header has {width}"
    if len(cells) < width:
        row.values.extend([""] * (width - len(cells)))
        if note_short:
            row.problems.append(ragged)
    elif len(cells) > width:
        row.extra = cells[width:]
        # Exporters such as Thunderbird end every row with a delimiter, giving one empty cell
        # more than the header: kept in `extra`, but it is not worth a problem on every row.
        if not _blank(row.extra):
            row.problems.append(ragged)
    return row


def _cells(count: int) -> str:
    return "1 cell" if count == 1 else f"{count} cells"


def _blank(cells: list[str]) -> bool:
    return all(not cell.strip() for cell in cells)


def _read_rows(
    path: Path, encoding: str, skip: int, delimiter: str, headers: list[str], has_header: bool
) -> Iterator[SourceRow]:
    # Process-wide, but only ever raised: a long note is legitimate, a runaway quote is not.
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    try:
        binary = open(path, "rb")  # noqa: SIM115 - the with below closes it
    except OSError as error:
        raise ImportFileError(path, f"cannot be read: {error.strerror or error}") from None
    with binary:
        binary.seek(skip)  # past the BOM, so the first header is clean whatever the decoder
        stream = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        number, header_pending, line = 0, has_header, 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                decode_check(path, encoding)  # raises, naming the exact line
                raise
            except csv.Error as error:
                raise ImportFileError(path, f"cannot be read as CSV: {error}", line) from None
            start, line = line, reader.line_num + 1  # csv counts CR, LF and CR LF as it reads
            if _blank(cells):
                continue
            if number == 0 and not has_header:
                cells[0] = cells[0].lstrip("\ufeff")
            if header_pending:
                header_pending = False
                continue
            number += 1
            yield fit_row(number, start, cells, len(headers))
