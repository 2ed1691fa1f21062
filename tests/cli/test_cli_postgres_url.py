"""A team database by URL: `postgresql://` without a driver means psycopg, --db and
HUBDESK_DATABASE_URL both reach it, and a password never shows in what is printed."""

from __future__ import annotations

import json

from hubdesk.config import resolve_database_url


def test_a_postgresql_url_without_a_driver_means_psycopg():
    assert resolve_database_url("postgresql://mika@db.example/hubdesk", {}) == (
        "postgresql+psycopg://mika@db.example/hubdesk")
    assert resolve_database_url(None, {"HUBDESK_DATABASE_URL": "postgres://x@y/z"}) == (
        "postgresql+psycopg://x@y/z")
    assert resolve_database_url("postgresql+psycopg://x@y/z", {}) == "postgresql+psycopg://x@y/z"


def test_the_environment_variable_reaches_a_team_database(hubdesk_process, postgres_url):
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    added = hubdesk_process("add", "--first-name", "Ann", "--label", "vip", "--json",
                            database=url)
    assert added.code == 0, added.err
    stats = hubdesk_process("stats", "--json", database=url)
    assert stats.code == 0, stats.err
    assert json.loads(stats.out)["contacts"] == 1


def test_an_unreachable_server_is_one_line_without_the_password(hubdesk):
    # Port 1 on loopback: nothing listens there, so the refusal is immediate.
    result = hubdesk("stats", db="postgresql://mika:s3cret-pw@127.0.0.1:1/hubdesk")
    assert result.code == 2
    assert "s3cret-pw" not in result.err + result.out
    assert result.err.startswith("hubdesk: Cannot open database postgresql+psycopg://mika:***@")
    assert "Traceback" not in result.err
