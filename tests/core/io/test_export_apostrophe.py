"""The leading-apostrophe pact between the exporters (export_cells.protect) and the importer
(row_draft.clean_cell): whatever the exporter writes, the importer reads back the value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hubdesk.core.io.export_cells import protect
from hubdesk.core.io.row_draft import clean_cell


def test_importer_removes_exactly_one_text_marker():
    assert clean_cell("'+819012345678") == "+819012345678"  # Excel users type this
    assert clean_cell("'=SUM(A1)") == "=SUM(A1)"
    assert clean_cell("''=x") == "'=x"
    assert clean_cell("'''x") == "''x"
    assert clean_cell("'-5") == "-5" and clean_cell("'@home") == "@home"
    assert clean_cell("'plain") == "'plain"  # an apostrophe that is part of the text
    assert clean_cell("'") == "'" and clean_cell("O'Neil") == "O'Neil"


def test_exporter_marks_formulas_and_escapes_apostrophes():
    assert protect("=1+1", True) == "'=1+1"
    assert protect("=1+1", False) == "=1+1"
    assert protect("'=1+1", False) == "''=1+1"
    assert protect("''", True) == "'''"
    assert protect("'plain", True) == "'plain"
    assert protect("\tx", True) == "'\tx"


@given(text=st.text(alphabet=st.sampled_from("'=+-@\t\r\nab 日"), max_size=8),
       neutralize=st.booleans())
def test_what_is_written_reads_back(text, neutralize):
    value = text.strip()
    if clean_cell(value) != value and not value.startswith("'"):
        return  # an Outlook placeholder: empty in any file
    assert clean_cell(protect(value, neutralize)) == value
