"""import jobs: who runs them and how their file was read, for resuming interrupted ones

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25

A job killed mid-import stayed "running" forever. The owner (host, process id) and a heartbeat
tell a job whose process is gone from one still running elsewhere; `source` records how the
file was read and its size and time, so `hubdesk import --resume` reads the same rows or
refuses a file that changed. Jobs from before this revision have none of it: they can be
marked interrupted and undone, not resumed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD COLUMN (nullable) on both dialects: no copy of the table.
def upgrade() -> None:
    op.add_column("import_jobs", sa.Column("owner_host", sa.String(length=255), nullable=True))
    op.add_column("import_jobs", sa.Column("owner_pid", sa.Integer(), nullable=True))
    op.add_column("import_jobs", sa.Column("heartbeat_at", sa.DateTime(), nullable=True))
    op.add_column("import_jobs", sa.Column("source", sa.Text(), nullable=True))


def downgrade() -> None:
    for column in ("source", "heartbeat_at", "owner_pid", "owner_host"):
        op.drop_column("import_jobs", column)
