"""head office's store: who changed the trust store (head office's signer, fixed on first use,
replaced only with its own key)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 11:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("trust_anchor") as batch:
        batch.add_column(sa.Column("added_by", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("removed_by", sa.String(length=200), nullable=True))
    op.create_table(
        "ho_signer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("pinned_at", sa.String(length=40), nullable=False),
        sa.Column("replaced_at", sa.String(length=40), nullable=True),
        sa.Column("replaced_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fingerprint"),
        sa.UniqueConstraint("slot"),
    )


def downgrade() -> None:
    op.drop_table("ho_signer")
    with op.batch_alter_table("trust_anchor") as batch:
        batch.drop_column("removed_by")
        batch.drop_column("added_by")
