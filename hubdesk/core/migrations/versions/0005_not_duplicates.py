"""not duplicates: pairs the user said are different people, so the scan stops suggesting them

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "not_duplicates",
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("low_id < high_id", name="ck_not_duplicates_ordered"),
        sa.ForeignKeyConstraint(["low_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["high_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("low_id", "high_id"),
    )
    op.create_index("ix_not_duplicates_high", "not_duplicates", ["high_id"])


def downgrade() -> None:
    op.drop_index("ix_not_duplicates_high", table_name="not_duplicates")
    op.drop_table("not_duplicates")
