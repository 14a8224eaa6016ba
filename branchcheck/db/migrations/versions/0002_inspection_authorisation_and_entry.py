"""inspection: a deputy's authorisation, the real time of entry, a late entry's reason

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 23:58:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inspection") as batch:
        batch.add_column(sa.Column("authorisation", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("entered_at", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("late_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("inspection") as batch:
        batch.drop_column("late_reason")
        batch.drop_column("entered_at")
        batch.drop_column("authorisation")
