"""Whatever a CSV holds, the importer answers with counts that add up and a consistent
database — or with the one typed error for an unreadable file."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubdesk.core import contacts
from hubdesk.core.db import open_database
from hubdesk.core.io.importer import ImportOptions, run_import
from hubdesk.core.io.mapping import guess_mapping
from hubdesk.core.io.open_table import open_table
from hubdesk.core.io.table import ImportFileError

HEADERS = ["First Name", "Last Name", "E-mail Address", "Mobile Phone", "Company",
           "Categories", "Notes", "Time Zone"]
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "山田", "太郎", "a@example.com", "A@EXAMPLE.COM", "090-1234-5678",
                     "+81 90 1234 5678", "not an email", "Asia/Tokyo", "Mars/Base",
                     "VIP;顧客", "* myContacts ::: Friends", "0/0/00", "Unspecified"]),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=len(HEADERS) + 2), max_size=25)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows, policy=st.sampled_from(["update", "skip", "create"]))
def test_counts_add_up_and_the_database_agrees(rows, policy):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADERS)
        writer.writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")
        db = open_database(f"sqlite:///{Path(tmp) / 'c.db'}")
        try:
            try:
                table = open_table(path)
            except ImportFileError:
                return  # e.g. a cell made the file undecodable: the typed error, nothing else
            result = run_import(db, table, guess_mapping(table.headers),
                                ImportOptions(region="JP", on_duplicate=policy))
            assert result.read == result.created + result.updated + result.skipped + (
                result.failed)
            with db.read_session() as s:
                assert contacts.stats(s)["contacts"] == result.created
                check = s.connection().exec_driver_sql("PRAGMA foreign_key_check").all()
                assert check == []
        finally:
            db.dispose()
