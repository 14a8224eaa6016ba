"""head office's store: each finding's facts and dates as its package says them, and the
branches' schedule obligations (for the consolidated report)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 08:10:00
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FINDING_COLUMNS: list[tuple[str, Any]] = [
    ("record_id", sa.String(length=36)),
    ("checklist", sa.String(length=64)),
    ("item_key", sa.String(length=120)),
    ("title_zh", sa.String(length=400)),
    ("title_en", sa.String(length=400)),
    ("severity", sa.String(length=32)),
    ("risk_driver", sa.String(length=64)),
    ("origin", sa.String(length=32)),
    ("repeat", sa.Boolean()),
    ("missed_record_id", sa.String(length=36)),
    ("missed_by", sa.String(length=32)),
    ("found_on", sa.String(length=10)),
    ("due_date", sa.String(length=10)),
    ("rectified_on", sa.String(length=10)),
    ("closed_on", sa.String(length=10)),
]


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("branch_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_finding_branch", "branch", ["branch_id"], ["id"])
        for name, kind in _FINDING_COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    op.create_index("ix_finding_branch_found", "finding", ["branch_id", "found_on"])
    op.create_index("ix_finding_finding_id", "finding", ["finding_id"])
    op.create_table(
        "obligation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("checklist", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("period_start", sa.String(length=10), nullable=False),
        sa.Column("due_on", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_on", sa.String(length=10), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["package_id"], ["package.id"]),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("package_id", "key"),
    )
    op.create_index("ix_obligation_branch_due", "obligation", ["branch_id", "due_on"])
    op.create_index("ix_record_branch_date", "record", ["branch_id", "local_date"])


def downgrade() -> None:
    op.drop_index("ix_record_branch_date", table_name="record")
    op.drop_index("ix_obligation_branch_due", table_name="obligation")
    op.drop_table("obligation")
    op.drop_index("ix_finding_finding_id", table_name="finding")
    op.drop_index("ix_finding_branch_found", table_name="finding")
    with op.batch_alter_table("finding") as batch:
        for name, _ in reversed(_FINDING_COLUMNS):
            batch.drop_column(name)
        batch.drop_constraint("fk_finding_branch", type_="foreignkey")
        batch.drop_column("branch_id")
