"""The wizard's item models: qtmodeltester, plain one-line strings for file text, and the
mapping kept in column order while the user edits it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.io.draft import IGNORE, LABELS, NEW_ATTRIBUTE, ColumnMapping
from hubdesk.core.io.importer import ImportResult, RowReport
from hubdesk.core.io.table import SourceRow
from hubdesk.ui.import_pages.mapping_model import MappingModel, column_samples
from hubdesk.ui.import_pages.options_page import dry_run_counts, parse_labels
from hubdesk.ui.import_pages.preview_model import PreviewModel
from hubdesk.ui.import_pages.problems_model import ProblemsModel
from hubdesk.ui.import_pages.targets import target_choices

ROWS = [
    SourceRow(1, 2, ["山田", "<b>bold</b>", "line one\nline two"]),
    SourceRow(2, 4, ["", "x@example.com", ""]),  # a quoted newline above: line 4, not 3
    SourceRow(3, 5, ["佐藤", "", "note"]),
]
HEADERS = ["姓", "Email", "メモ"]


def test_preview_model(qtmodeltester):
    model = PreviewModel()
    model.set_rows(HEADERS, ROWS)
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "<b>bold</b>"  # shown as typed, never as markup
    assert model.index(0, 2).data() == "line one ⏎ line two"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓"
    assert model.headerData(1, Qt.Orientation.Vertical) == "4"  # the line errors name
    model.clear()
    qtmodeltester.check(model)


def test_mapping_model_edits_keep_column_order(qtmodeltester):
    attributes = [AttributeInfo(1, "rank", "Rank", "text")]
    mapping = [ColumnMapping("姓", "last_name", 1.0, "preset:outlook"),
               ColumnMapping("Email", "email", 0.8, "fuzzy"),
               ColumnMapping("メモ", IGNORE, 0.0, "none")]
    model = MappingModel()
    model.set_mapping(mapping, ROWS, target_choices(attributes))
    qtmodeltester.check(model)
    assert model.index(0, MappingModel.SAMPLE).data() == "山田 | 佐藤"
    assert model.index(1, MappingModel.GUESS).data() == "? 80 % — check"
    assert model.index(2, MappingModel.GUESS).data() == "— not imported"
    assert model.index(2, MappingModel.TARGET).data() == "Not imported"
    assert model.index(2, MappingModel.HEADER).data(Qt.ItemDataRole.FontRole).italic()
    targets = [key for key, _label in model.choices()]
    assert targets[0] == IGNORE and "attr:rank" in targets and targets[-1] == NEW_ATTRIBUTE

    assert model.setData(model.index(2, MappingModel.TARGET), LABELS)
    assert [m.header for m in model.mapping()] == HEADERS
    assert model.mapping()[2] == ColumnMapping("メモ", LABELS, 1.0, "user")
    assert not model.setData(model.index(2, MappingModel.HEADER), "x")  # only targets edit

    # Two columns into one one-value field: both say so, nothing is dropped silently.
    model.setData(model.index(1, MappingModel.TARGET), "last_name")
    assert model.index(1, MappingModel.GUESS).data() == "⚠ also from “姓”"
    assert model.index(0, MappingModel.GUESS).data() == "⚠ also from “Email”"
    qtmodeltester.check(model)


def test_problems_model(qtmodeltester):
    result = ImportResult(read=3, created=1, failed=1, errors=[
        RowReport(3, 5, "nothing identifies a person (no name, email or phone)")],
        warnings=[RowReport(1, 2, "email: <script>bad</script>")])
    model = ProblemsModel()
    model.set_result(result)
    qtmodeltester.check(model)
    assert [model.index(r, ProblemsModel.ROW).data() for r in range(2)] == ["1", "3"]
    assert model.index(0, ProblemsModel.MESSAGE).data() == "email: <script>bad</script>"
    assert model.index(1, ProblemsModel.OUTCOME).data() == "Rejected"
    model.set_result(None)
    qtmodeltester.check(model)


def test_samples_labels_and_counts():
    assert column_samples(ROWS, 1) == ["<b>bold</b>", "x@example.com"]
    assert parse_labels("展示会2025， VIP, ,vip;VIP") == ("展示会2025", "VIP", "vip")
    result = ImportResult(read=10, created=5, updated=2, skipped=1, failed=2,
                          warnings=[RowReport(1, 2, "x")])
    assert dry_run_counts(result, "update") == {
        "read": 10, "valid": 7, "problems": 1, "rejected": 2, "duplicates": 3}
    assert dry_run_counts(result, "create")["duplicates"] == "—"
    assert dry_run_counts(None, "update") == {}
