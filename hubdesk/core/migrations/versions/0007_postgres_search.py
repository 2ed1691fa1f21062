"""PostgreSQL: indexed short-term search, code-point sorting, change notifications

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

Nothing happens on SQLite. On PostgreSQL:
- 1–2 character terms match whole tokens of search_grams; revision 0002's tsvector index
  could not answer that (the 'simple' parser splits tokens its own way), so an index on the
  token array replaces it and query.py asks `regexp_split_to_array(search_grams, …) @>
  {term}`, splitting as SQLite's FTS5 does;
- the columns the list sorts by compare by code point (COLLATE "C"), as SQLite does, so a
  team database lists contacts in the same order as a local one, whatever the server's
  locale;
- every write to the tables the app shows NOTIFYs `hubdesk_changes` (payload: the schema),
  once per statement, so open windows can refresh (Database.changes_since).
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (table, column, type) of every column the app sorts by.
SORTED_COLUMNS = (
    ("contacts", "sort_name", "VARCHAR(600)"),
    ("contacts", "email", "VARCHAR(320)"),
    ("contacts", "phone", "VARCHAR(64)"),
    ("contacts", "company", "VARCHAR(255)"),
    ("contacts", "subscription_status", "VARCHAR(16)"),
    ("labels", "name", "VARCHAR(100)"),
    ("labels", "name_key", "VARCHAR(100)"),
    ("segments", "name_key", "VARCHAR(255)"),
    ("mapping_templates", "name_key", "VARCHAR(255)"),
)
WATCHED_TABLES = (
    "contacts", "contact_emails", "contact_phones", "attribute_definitions",
    "attribute_values", "labels", "contact_labels", "conversations", "messages", "notes",
    "segments",
)


def _collate(collation: str) -> None:
    for table, column, type_ in SORTED_COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE {type_} '
                   f'COLLATE "{collation}"')


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_contacts_search_grams")
    # The expression query.GRAM_TOKENS_SQL repeats: tokens as SQLite's FTS5 splits them.
    op.execute("CREATE INDEX ix_contacts_search_gram_tokens ON contacts "
               "USING gin (regexp_split_to_array(search_grams, '[ _]+'))")
    _collate("C")
    op.execute("""
        CREATE FUNCTION hubdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('hubdesk_changes', TG_TABLE_SCHEMA);
            RETURN NULL;
        END $$""")
    for table in WATCHED_TABLES:
        op.execute(f"CREATE TRIGGER hubdesk_changes AFTER INSERT OR UPDATE OR DELETE OR "
                   f"TRUNCATE ON {table} FOR EACH STATEMENT "
                   f"EXECUTE FUNCTION hubdesk_notify_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in WATCHED_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS hubdesk_changes ON {table}")
    op.execute("DROP FUNCTION IF EXISTS hubdesk_notify_change()")
    _collate("default")
    op.execute("DROP INDEX IF EXISTS ix_contacts_search_gram_tokens")
    op.execute("CREATE INDEX ix_contacts_search_grams ON contacts "
               "USING gin (to_tsvector('simple', search_grams))")
