"""The migrations build exactly the schema the models describe, so a model change without its
revision fails here instead of on a user's database."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from hubdesk.core.models import Base

# Derived FTS5 tables and PostgreSQL's search indexes exist only in migrations; SQLite cannot
# reflect expression indexes.
NOT_COMPARED = ("contacts_fts", "contacts_short")
EXPRESSION_INDEXES = {"ix_contacts_live_email", "ix_contact_emails_email",
                      "ix_contacts_search_trgm", "ix_contacts_search_gram_tokens"}


def _include(obj, name, type_, _reflected, _compare_to) -> bool:
    if type_ == "table" and name and name.startswith(NOT_COMPARED):
        return False
    return not (type_ == "index" and name in EXPRESSION_INDEXES)


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrated_database_equals_the_models(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _include})
        assert compare_metadata(ctx, Base.metadata) == []
