"""Alembic environment: HubDesk always passes an open connection in config.attributes."""

from alembic import context

from hubdesk.core.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables where needed.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
