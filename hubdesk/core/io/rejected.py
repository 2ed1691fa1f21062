"""The rejected-rows file: the original columns of every row that was not imported, plus an
`errors` column saying why — fix it in a spreadsheet and import it again."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from hubdesk.core.io.importer import RowReport


def write_rejected(path: Path, headers: list[str], rows: list[RowReport]) -> Path:
    """Written beside the target and renamed, so a failure never leaves half a file.
    UTF-8 with BOM so Excel opens Japanese text correctly."""
    path = Path(path)
    width = max([len(headers), *(len(r.values) for r in rows)]) if rows else len(headers)
    header = headers + [f"Column {i + 1}" for i in range(len(headers), width)] + ["errors"]
    fd, tmp = tempfile.mkstemp(prefix=".rejected-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for r in rows:
                cells = r.values + [""] * (width - len(r.values))
                writer.writerow([*cells, f"row {r.row} (line {r.line}): {r.message}"])
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
