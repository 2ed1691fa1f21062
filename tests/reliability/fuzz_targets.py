"""What the fuzz tests run on each input, and what counts as a proper refusal."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from hubdesk.core.errors import HubDeskError
from hubdesk.core.io.table import ImportFileError
from tests.reliability import xlsx_parts


def refused_only(action: Callable[[], object], typed: tuple[type[BaseException], ...]) -> None:
    """Run action; a typed error is a proper refusal, anything else fails the test."""
    try:
        action()
    except typed:
        pass
    except Exception as exc:
        raise AssertionError(f"untyped {type(exc).__name__} escaped: {exc!r}") from exc


def read_and_dry_run(path: Path, db) -> None:
    from hubdesk.core.io.importer import ImportOptions, run_import
    from hubdesk.core.io.mapping import guess_mapping
    from hubdesk.core.io.open_table import open_table

    def action() -> None:
        table = open_table(path)
        for _ in table.rows():
            pass
        run_import(db, table, guess_mapping(table.headers), ImportOptions(dry_run=True))

    refused_only(action, (ImportFileError,))


def workbook(path: Path, sheet: str, strings: str, flips: list[tuple[int, int]]) -> Path:
    """The minimal workbook with fuzzed sheet rows and shared strings (inside their root
    elements, so the parser gets past the first tag), and some bytes of the zip changed."""
    head, main = xlsx_parts.HEAD.decode(), xlsx_parts.MAIN
    sheet = f'{head}<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData></worksheet>'
    strings = f'{head}<sst xmlns="{main}">{strings}</sst>'
    xlsx_parts.write(path, sheet=[sheet.encode("utf-8", "surrogatepass")],
                     strings=[strings.encode("utf-8", "surrogatepass")])
    if flips:  # damage the zip itself: headers, sizes, compressed data
        data = bytearray(path.read_bytes())
        for at, value in flips:
            data[at % len(data)] = value
        path.write_bytes(bytes(data))
    assert zipfile.is_zipfile(path) or flips
    return path


def template(db, headers: str, mapping: str, file_headers: list[str]) -> None:
    from sqlalchemy import delete

    from hubdesk.core.clock import utcnow
    from hubdesk.core.io import templates
    from hubdesk.core.models import MappingTemplate

    with db.session() as s:
        s.execute(delete(MappingTemplate))
        s.add(MappingTemplate(name="Fuzzed", name_key="fuzzed", headers=headers,
                              mapping=mapping, created_at=utcnow(), updated_at=utcnow()))

    def action() -> None:
        with db.read_session() as s:
            templates.apply_template(s, "Fuzzed", file_headers)
            templates.template_for_headers(s, file_headers)
            templates.list_templates(s)

    refused_only(action, (HubDeskError,))
