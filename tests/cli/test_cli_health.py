"""`hubdesk health`: the Health view's counts, each equal to what its filter finds."""

from __future__ import annotations

import json

from hubdesk.core.health import CHECKS


def test_health_json_counts_are_what_the_filters_find(hubdesk):
    hubdesk("add", "--first-name", "Ann", "--email", "ann@example.com", "--label", "vip",
            "--timezone", "Asia/Tokyo")
    hubdesk("add", "--first-name", "Bob", "--phone", "12-ab")
    hubdesk("add", "--company", "Acme", "--email", "ANN@example.com")
    done = hubdesk("health", "--json")
    assert done.code == 0, done.err
    counts = json.loads(done.out)
    assert next(iter(counts)) == "contacts" and counts["contacts"] == 3
    for check in CHECKS:
        found = hubdesk("search", "--where", check.filter, "--json")
        assert counts[check.key] == len(json.loads(found.out)), check.key
    assert (counts["invalid_phone"], counts["no_name"], counts["no_labels"]) == (1, 1, 2)
    assert counts["possible_duplicates"] == 2  # the same email in two cases
    assert counts["trash"] == 0


def test_health_as_text_and_without_the_duplicate_scan(hubdesk):
    hubdesk("add", "--first-name", "Bob", "--phone", "12-ab")
    done = hubdesk("health", "--no-duplicates")
    assert done.code == 0
    lines = done.out.splitlines()
    assert lines[0].split() == ["1", "contacts"]
    assert "1  phone that does not parse (not E.164)   (--where 'invalid_phone:yes')" in lines
    assert not any("duplicates" in line for line in lines)
    assert "--no-duplicates" in done.err
    assert "possible_duplicates" not in json.loads(
        hubdesk("health", "--json", "--no-duplicates").out)
