"""What the wizard's pages share: the file as read, the mapping, the options and results.

One object passed to every page, so each page reads what the previous one decided instead of
reaching into its widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.io.draft import ColumnMapping
from hubdesk.core.io.importer import ImportOptions, ImportResult
from hubdesk.core.io.table import SourceRow, SourceTable


@dataclass
class ImportState:
    path: Path | None = None
    table: SourceTable | None = None  # the file as last read successfully with the page's choices
    preview: list[SourceRow] = field(default_factory=list)  # its first rows
    attributes: list[AttributeInfo] = field(default_factory=list)
    mapping: list[ColumnMapping] = field(default_factory=list)  # one per header, in order
    mapped_headers: tuple[str, ...] = ()  # the headers `mapping` was made for
    options: ImportOptions = field(default_factory=ImportOptions)
    dry_run: ImportResult | None = None
    result: ImportResult | None = None  # the real import, once it has run
    undone: bool = False
