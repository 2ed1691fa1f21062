"""search index: FTS5 trigram over contacts.search_text, short-query grams, kept by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

The derived columns (search_text, search_grams) are computed in Python by core.searchtext; the
triggers only copy them into the FTS tables, so the database stays editable by plain SQLite.
Contacts written before this revision get their derived columns filled here.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_DDL = [
    # Trigram: substring search for queries of 3+ characters, Japanese included.
    """CREATE VIRTUAL TABLE contacts_fts USING fts5(
        search_text, content='contacts', content_rowid='id', tokenize='trigram')""",
    # Whole-token index of 1–2 character grams: short queries (山田, 林, "jo") stay indexed.
    """CREATE VIRTUAL TABLE contacts_short USING fts5(
        search_grams, content='contacts', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', detail='none')""",
    """CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts(rowid, search_text) VALUES (new.id, new.search_text);
        INSERT INTO contacts_short(rowid, search_grams) VALUES (new.id, new.search_grams);
    END""",
    """CREATE TRIGGER contacts_search_ad AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts(contacts_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO contacts_short(contacts_short, rowid, search_grams)
            VALUES ('delete', old.id, old.search_grams);
    END""",
    """CREATE TRIGGER contacts_search_au AFTER UPDATE OF search_text, search_grams ON contacts
    BEGIN
        INSERT INTO contacts_fts(contacts_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO contacts_short(contacts_short, rowid, search_grams)
            VALUES ('delete', old.id, old.search_grams);
        INSERT INTO contacts_fts(rowid, search_text) VALUES (new.id, new.search_text);
        INSERT INTO contacts_short(rowid, search_grams) VALUES (new.id, new.search_grams);
    END""",
]


def _backfill(conn) -> None:
    # Imported lazily: a migration must run with the code that ships beside it.
    from hubdesk.core.searchtext import derived_columns

    rows = conn.execute(sa.text("SELECT id FROM contacts")).scalars().all()
    cols = (
        "first_name, last_name, first_name_reading, last_name_reading, email, phone, company, "
        "job_title, external_id"
    )
    for start in range(0, len(rows), 1000):
        chunk = rows[start : start + 1000]
        found = conn.execute(
            sa.text(f"SELECT id, {cols} FROM contacts WHERE id IN ({','.join(map(str, chunk))})")
        ).mappings()
        updates = []
        for row in found:
            emails = (
                conn.execute(
                    sa.text("SELECT email FROM contact_emails WHERE contact_id = :id"),
                    {"id": row["id"]},
                )
                .scalars()
                .all()
            )
            phones = (
                conn.execute(
                    sa.text("SELECT phone FROM contact_phones WHERE contact_id = :id"),
                    {"id": row["id"]},
                )
                .scalars()
                .all()
            )
            derived = derived_columns(dict(row), emails, phones)
            updates.append({"id": row["id"], **derived})
        if updates:
            conn.execute(
                sa.text(
                    "UPDATE contacts SET sort_name = :sort_name, search_text = :search_text, "
                    "search_grams = :search_grams WHERE id = :id"
                ),
                updates,
            )


def upgrade() -> None:
    conn = op.get_bind()
    _backfill(conn)
    if conn.dialect.name == "sqlite":
        for ddl in SQLITE_DDL:
            op.execute(ddl)
        op.execute("INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild')")
        op.execute("INSERT INTO contacts_short(contacts_short) VALUES ('rebuild')")
    elif conn.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops)"
        )
        op.execute(
            "CREATE INDEX ix_contacts_search_grams ON contacts "
            "USING gin (to_tsvector('simple', search_grams))"
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("contacts_search_ai", "contacts_search_ad", "contacts_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS contacts_fts")
        op.execute("DROP TABLE IF EXISTS contacts_short")
    elif conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_contacts_search_trgm")
        op.execute("DROP INDEX IF EXISTS ix_contacts_search_grams")
