"""The same Alembic revisions build the schema on PostgreSQL, revision 0007's search index,
sort collation and change triggers included, and it goes down and up again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from hubdesk.core.db import (
    alembic_config,
    current_revision,
    head_revision,
    open_database,
    upgrade,
)
from hubdesk.core.errors import DatabaseError


@pytest.fixture
def fresh(postgres_server) -> Iterator[str]:
    schema, url = postgres_server.fresh_schema()
    yield url
    postgres_server.drop_schema(schema)


def _facts(engine) -> dict:
    with engine.connect() as conn:
        def names(sql: str) -> set[str]:
            return set(conn.execute(text(sql)).scalars())

        return {
            "indexes": names("SELECT indexname FROM pg_indexes WHERE schemaname = "
                             "current_schema() AND indexname LIKE 'ix_contacts_search%'"),
            "triggers": names("SELECT DISTINCT event_object_table FROM "
                              "information_schema.triggers WHERE trigger_schema = "
                              "current_schema() AND trigger_name = 'hubdesk_changes'"),
            "sort_collation": conn.execute(text(
                "SELECT collation_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = 'contacts' AND column_name = 'sort_name'"
            )).scalar(),
        }


def test_a_new_schema_is_built_at_head_and_0007_goes_down_and_up(fresh):
    db = open_database(fresh)
    try:
        assert current_revision(db.engine) == head_revision()
        facts = _facts(db.engine)
        assert facts["indexes"] == {"ix_contacts_search_trgm", "ix_contacts_search_gram_tokens"}
        assert {"contacts", "notes", "labels", "contact_labels"} <= facts["triggers"]
        assert facts["sort_collation"] == "C"
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006")
        facts = _facts(db.engine)
        assert facts["indexes"] == {"ix_contacts_search_trgm", "ix_contacts_search_grams"}
        assert facts["triggers"] == set()
        assert facts["sort_collation"] is None  # the database's default again
        upgrade(db.engine)
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def test_a_database_of_another_program_is_refused_without_showing_the_password(fresh):
    db = open_database(fresh)
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))  # tables, but not HubDesk's
    db.dispose()
    url = make_url(fresh).set(password="s3cret-pw").render_as_string(hide_password=False)
    with pytest.raises(DatabaseError, match="not a HubDesk database") as caught:
        open_database(url)
    assert "s3cret-pw" not in str(caught.value) and "***" in str(caught.value)
