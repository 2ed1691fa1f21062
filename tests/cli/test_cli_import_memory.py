"""A file with the same columns as one imported before gets the mapping chosen then."""

from __future__ import annotations

import json


def test_the_mapping_chosen_once_is_applied_to_the_next_file(hubdesk, tmp_path):
    first = tmp_path / "week1.csv"
    first.write_text("Who,Mail,Role\nAnn Lee,ann@example.com,Buyer\n", encoding="utf-8")
    done = hubdesk("import", str(first), "--map", "Who=full_name", "--map", "Mail=email",
                   "--map", "Role=job_title")
    assert done.code == 0
    second = tmp_path / "week2.csv"
    second.write_text("Who,Mail,Role\nBob Kim,bob@example.com,Manager\n", encoding="utf-8")
    again = hubdesk("import", str(second), "--json")
    assert "same columns as import 1" in again.err
    assert json.loads(again.out)["created"] == 1
    [bob] = json.loads(hubdesk("search", "bob", "--json").out)
    shown = json.loads(hubdesk("show", str(bob["id"]), "--json").out)
    assert (shown["first_name"], shown["last_name"], shown["job_title"]) == (
        "Bob", "Kim", "Manager")


def test_other_columns_are_guessed_afresh(hubdesk, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("Who,Mail\nAnn Lee,ann@example.com\n", encoding="utf-8")
    hubdesk("import", str(first), "--map", "Who=full_name", "--map", "Mail=email")
    other = tmp_path / "b.csv"
    other.write_text("Who,Mail,Extra\nBob Kim,bob@example.com,x\n", encoding="utf-8")
    result = hubdesk("import", str(other))
    assert "same columns" not in result.err
