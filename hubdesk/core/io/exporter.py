"""Export contacts to CSV, XLSX or vCard: choose columns, read in batches, write as it goes.

The file is written under a temporary name in the target's folder and renamed over the target
only when complete, so a cancel, an error or a crash never leaves a partial file, and an
existing file is replaced only by a finished one. All reading happens in one read transaction:
the file is one consistent picture of the database even while others write.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hubdesk.core.db import Database
from hubdesk.core.io.export_cells import LABEL_SPLITS
from hubdesk.core.io.export_columns import (
    LABELS,
    ExportColumn,
    ExportError,
    export_preset,
    resolve_columns,
)
from hubdesk.core.io.export_csv import CsvWriter
from hubdesk.core.io.export_encoding import UnrepresentableReport, csv_codec
from hubdesk.core.io.export_rows import ContactRows, ExportScope
from hubdesk.core.models import Label
from hubdesk.core.query import SearchCancelled

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".vcf": "vcard", ".vcard": "vcard"}
Progress = Callable[[int, int], None]


@dataclass
class ExportOptions:
    columns: Sequence[str] | None = None  # column keys in order; None: the preset's defaults
    preset: str = "hubdesk"  # headers and defaults: hubdesk, chatwoot, google
    format: str | None = None  # csv, xlsx or vcard; None: from the file's extension
    encoding: str = "utf-8-sig"  # CSV: utf-8-sig (Excel), utf-8, or a code page like cp932
    neutralize: bool = True  # CSV: a leading ' on cells a spreadsheet would run
    replace_unrepresentable: bool = False  # CSV code pages: "?" for what they lack
    vcard_version: str = "3.0"
    batch_size: int = 2000


@dataclass
class ExportResult:
    path: Path
    format: str
    columns: list[str]  # keys
    headers: list[str]
    rows: int = 0
    replaced_control_chars: int = 0  # XLSX: characters a workbook cannot hold, now U+FFFD
    truncated_cells: int = 0  # XLSX: texts cut to 32,767 characters
    unrepresentable: UnrepresentableReport | None = None  # CSV code pages ("?" written)
    # Labels holding ; , or ::: — an importer splits them into several labels.
    labels_with_separators: list[str] = field(default_factory=list)
    cancelled: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "exported": self.rows, "columns": self.columns}


class ExportWriter(Protocol):
    """What every format's writer does (export_csv, export_xlsx, export_vcard)."""

    def header(self) -> None: ...
    def rows(self, ids: list[int], rows: list[tuple[Any, ...]]) -> None: ...
    def finish(self) -> None: ...
    def discard(self) -> None: ...  # cancelled or failed: drop what the writer holds


def export_format(path: Path, format: str | None = None) -> str:
    if format:
        if format not in FORMATS.values():
            raise ExportError(f"unknown format '{format}' (csv, xlsx or vcard)")
        return format
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ExportError(f"{path}: name the file .csv, .xlsx or .vcf to choose the format")
    return kind


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise ExportError(f"{path} is a folder; name a file to write")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: folder {path.parent} does not exist")


def _temporary_beside(path: Path) -> Path:
    """An empty new file in the target's folder (so the final rename stays on one disk);
    fails here, before any work, when the folder cannot be written."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with open(tmp, "xb"):
            pass
    except OSError as exc:
        raise ExportError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    return tmp


def _to_disk(path: Path) -> None:
    """The file's bytes on the disk before it takes the target's name: otherwise a power cut
    just after the rename can leave an empty file where the old export was."""
    with open(path, "r+b") as f:
        os.fsync(f.fileno())


def _labels_with_separators(session: Session, columns: list[ExportColumn]) -> set[str]:
    if not any(c.key == LABELS for c in columns):
        return set()
    names = session.scalars(select(Label.name).where(or_(
        *(Label.name.contains(s, autoescape=True) for s in (";", ",", "；", "，", ":::")))))
    return {n for n in names if LABEL_SPLITS.search(n)}


def _writer(kind: str, tmp: Path, out: BinaryIO | None, columns: list[ExportColumn],
            options: ExportOptions, dialect: str) -> ExportWriter:
    labels_style = export_preset(options.preset).labels_style
    if kind == "csv":
        return CsvWriter(out, columns, encoding=options.encoding,
                         neutralize=options.neutralize,
                         replace_unrepresentable=options.replace_unrepresentable,
                         labels_style=labels_style, dialect=dialect)
    if kind == "xlsx":
        from hubdesk.core.io.export_xlsx import XlsxWriter  # openpyxl loads only when needed

        return XlsxWriter(tmp, columns, labels_style=labels_style)
    from hubdesk.core.io.export_vcard import VcardWriter

    assert out is not None
    return VcardWriter(out, columns, version=options.vcard_version)


def run_export(
    db: Database, path: Path | str, options: ExportOptions | None = None,
    scope: ExportScope | None = None, *, progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the contacts of `scope` (default: every live contact) to `path`.

    `progress(done, total)` follows each batch; `cancelled()` is asked between batches and
    a True stops the export, leaving no file (result.cancelled). Anything that cannot be
    done as asked is an ExportError, and then nothing was written."""
    options = options or ExportOptions()
    path = Path(path)
    kind = export_format(path, options.format)
    if kind == "csv":
        csv_codec(options.encoding)  # an unknown encoding fails before any work
    _check_target(path)
    tmp = _temporary_beside(path)
    try:
        with db.read_session() as s:
            columns = resolve_columns(s, options.columns, options.preset)
            result = ExportResult(path, kind, [c.key for c in columns],
                                  [c.header for c in columns])
            # openpyxl writes the workbook to the path itself; the others stream to it
            with open(tmp, "wb") if kind != "xlsx" else contextlib.nullcontext() as out:
                writer = _writer(kind, tmp, out, columns, options, db.dialect)
                try:
                    finished = _write(s, writer, columns, options, scope, result, progress,
                                      cancelled)
                except BaseException:
                    writer.discard()
                    raise
                if not finished:
                    writer.discard()
        if not finished:
            tmp.unlink(missing_ok=True)
            result.cancelled = True
            return result
        _to_disk(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return result


def _write(session: Session, writer: ExportWriter, columns: list[ExportColumn],
           options: ExportOptions, scope: ExportScope | None, result: ExportResult,
           progress: Progress | None, cancelled: Callable[[], bool] | None) -> bool:
    """Every row through the writer; False when cancelled."""
    try:
        source = ContactRows(session, columns, scope or ExportScope(), options.batch_size,
                             cancelled, getattr(writer, "expression", None))
    except SearchCancelled:  # cancelled while the search was finding the contacts
        return False
    split = _labels_with_separators(session, columns)
    label_at = next((i for i, c in enumerate(columns) if c.key == LABELS), None)
    seen_split: set[str] = set()
    writer.header()
    done = 0
    if progress:
        progress(0, source.total)
    for ids, rows in source.batches():
        if cancelled and cancelled():
            return False
        writer.rows(ids, rows)
        if split and label_at is not None:
            for row in rows:
                labels = row[label_at] or ()
                if isinstance(labels, str):  # joined by the database already (CSV)
                    seen_split.update(lb for lb in split if lb in labels)
                else:
                    seen_split.update(lb for lb in labels if lb in split)
        done += len(rows)
        if progress:
            progress(done, source.total)
    if cancelled and cancelled():
        return False
    writer.finish()
    result.rows = done
    result.labels_with_separators = sorted(seen_split)
    result.replaced_control_chars = getattr(writer, "replaced", 0)
    result.truncated_cells = getattr(writer, "truncated", 0)
    report = getattr(writer, "report", None)
    result.unrepresentable = report if report else None
    return True


def find_unrepresentable(
    db: Database, encoding: str, options: ExportOptions | None = None,
    scope: ExportScope | None = None,
) -> UnrepresentableReport:
    """What a CSV export in `encoding` could not hold — which rows, columns and characters —
    without writing anything: ask before exporting in a code page."""
    options = options or ExportOptions()
    with db.read_session() as s:
        columns = resolve_columns(s, options.columns, options.preset)
        writer = CsvWriter(None, columns, encoding=encoding, neutralize=options.neutralize,
                           labels_style=export_preset(options.preset).labels_style,
                           dialect=db.dialect)
        writer.header()
        source = ContactRows(s, columns, scope or ExportScope(), options.batch_size,
                             expression=writer.expression)
        for ids, rows in source.batches():
            writer.rows(ids, rows)
    return writer.report
