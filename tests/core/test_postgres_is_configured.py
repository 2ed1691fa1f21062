"""Says, in every test summary, whether the [postgresql] runs happened (tests/conftest.py)."""

from __future__ import annotations

from sqlalchemy import text


def test_postgres_is_configured(postgres_url):
    """Skipped, with the reason, when no PostgreSQL server was given; otherwise the server
    answers and has pg_trgm, which the search needs."""
    from hubdesk.core.db import open_database

    db = open_database(postgres_url)
    try:
        with db.read_session() as s:
            assert s.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"
                                  )).scalar_one() == 1
    finally:
        db.dispose()
