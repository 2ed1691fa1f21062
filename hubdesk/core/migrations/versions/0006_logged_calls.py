"""logged calls and meetings: a message's duration and outcome

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Plain ALTER TABLE on both dialects (SQLite ≥ 3.35 drops columns itself): a batch copy
# of the table would be slower on a big database and gains nothing here.
def upgrade() -> None:
    op.add_column("messages", sa.Column("duration_minutes", sa.Integer(), nullable=True))
    op.add_column("messages", sa.Column("outcome", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("messages", "outcome")
    op.drop_column("messages", "duration_minutes")
