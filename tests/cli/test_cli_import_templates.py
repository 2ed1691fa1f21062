"""`hubdesk import --save-template NAME` / `--template NAME`: a mapping saved under a name is
applied to the next file with the same columns, in any order, before a remembered import."""

from __future__ import annotations

import json
from pathlib import Path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def person(hubdesk, text: str) -> dict:
    [found] = json.loads(hubdesk("search", text, "--json").out)
    return json.loads(hubdesk("show", str(found["id"]), "--json").out)


def save_badge_scans(hubdesk, tmp_path: Path):
    first = write(tmp_path / "monday.csv", "Who,Mail,Role\nAnn Lee,ann@example.com,Buyer\n")
    return hubdesk("import", str(first), "--map", "Who=full_name", "--map", "Mail=email",
                   "--map", "Role=job_title", "--save-template", "Badge scans")


def test_a_saved_template_is_applied_to_a_file_with_the_same_columns_in_another_order(
        hubdesk, tmp_path):
    saved = save_badge_scans(hubdesk, tmp_path)
    assert saved.code == 0
    assert "saved the mapping as template 'Badge scans'" in saved.err
    second = write(tmp_path / "tuesday.csv",
                   "ROLE,mail,who\nManager,bob@example.com,Bob Kim\n")
    again = hubdesk("import", str(second), "--json")
    assert again.code == 0
    assert "same columns as template 'Badge scans': using its mapping" in again.err
    assert "same columns as import" not in again.err  # the named template won, and says so
    assert json.loads(again.out)["created"] == 1
    bob = person(hubdesk, "bob")
    assert (bob["first_name"], bob["last_name"], bob["job_title"]) == ("Bob", "Kim", "Manager")


def test_template_option_maps_known_columns_and_guesses_the_rest(hubdesk, tmp_path):
    save_badge_scans(hubdesk, tmp_path)
    other = write(tmp_path / "fair.csv",
                  "Role,Who,Mail,Company\nCTO,Cy Young,cy@example.com,ACME\n")
    result = hubdesk("import", str(other), "--template", "badge SCANS", "--json")
    assert result.code == 0
    assert "does not know column(s) Company: guessed" in result.err
    cy = person(hubdesk, "young")
    assert (cy["first_name"], cy["job_title"], cy["company"]) == ("Cy", "CTO", "ACME")


def test_map_overrides_the_template(hubdesk, tmp_path):
    save_badge_scans(hubdesk, tmp_path)
    other = write(tmp_path / "fair.csv", "Who,Mail,Role\nDee Park,dee@example.com,Chair\n")
    assert hubdesk("import", str(other), "--template", "Badge scans",
                   "--map", "Role=ignore").code == 0
    dee = person(hubdesk, "park")
    assert (dee["first_name"], dee["job_title"]) == ("Dee", "")


def test_preset_wins_over_an_earlier_import_and_no_false_message_is_printed(hubdesk, tmp_path):
    first = write(tmp_path / "a.csv", "First Name,Last Name,E-mail Address\nAnn,Lee,a@x.com\n")
    hubdesk("import", str(first), "--map", "First Name=last_name",
            "--map", "Last Name=first_name")
    second = write(tmp_path / "b.csv", "First Name,Last Name,E-mail Address\nBob,Kim,b@x.com\n")
    result = hubdesk("import", str(second), "--preset", "outlook")
    assert result.code == 0
    assert "same columns" not in result.err
    bob = person(hubdesk, "b@x.com")
    assert (bob["first_name"], bob["last_name"]) == ("Bob", "Kim")


def test_unknown_template_exits_2_and_writes_nothing(hubdesk, tmp_path):
    src = write(tmp_path / "p.csv", "Name,Email\nAnn Lee,ann@example.com\n")
    result = hubdesk("import", str(src), "--template", "Nope")
    assert result.code == 2
    assert "no mapping template named 'Nope'" in result.err
    assert "Traceback" not in result.err
    assert json.loads(hubdesk("stats", "--json").out)["contacts"] == 0


def test_a_bad_template_name_is_refused_before_anything_is_imported(hubdesk, tmp_path):
    src = write(tmp_path / "p.csv", "Name,Email\nAnn Lee,ann@example.com\n")
    result = hubdesk("import", str(src), "--save-template", "x" * 101)
    assert result.code == 2
    assert "invalid template name: the name is too long" in result.err
    assert json.loads(hubdesk("stats", "--json").out)["contacts"] == 0


def test_a_dry_run_saves_no_template(hubdesk, tmp_path):
    src = write(tmp_path / "p.csv", "Who,Mail\nAnn Lee,ann@example.com\n")
    result = hubdesk("import", str(src), "--map", "Who=full_name", "--dry-run",
                     "--save-template", "Scans")
    assert result.code == 0
    assert "dry run: mapping template 'Scans' not saved" in result.err
    again = hubdesk("import", str(src), "--template", "Scans")
    assert again.code == 2 and "no mapping template named 'Scans'" in again.err


def test_a_template_saved_with_a_new_attribute_fills_it_next_time(hubdesk, tmp_path):
    first = write(tmp_path / "a.csv", "Email,Shoe size\nann@example.com,38\n")
    hubdesk("import", str(first), "--map", "Shoe size=new_attr", "--save-template", "Shoes")
    second = write(tmp_path / "b.csv", "Shoe size,Email\n44,bob@example.com\n")
    assert hubdesk("import", str(second)).code == 0
    assert person(hubdesk, "bob@example.com")["attributes"] == {"shoe_size": "44"}
    assert person(hubdesk, "ann@example.com")["attributes"] == {"shoe_size": "38"}
