"""the branch over time: findings without an inspection (missed obligations, rotation), their
evidence, exceptions and accountability; staff absences and post history; explanations of misses

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 01:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STAFF = "staff.id"


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.alter_column("inspection_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(
            sa.Column("origin", sa.String(length=16), nullable=False, server_default="inspection")
        )
        batch.add_column(sa.Column("obligation_key", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("result_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("rectified_on", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("closed_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("closed_on", sa.String(length=10), nullable=True))
        batch.add_column(
            sa.Column("exception_reason", sa.Text(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("exception_until", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("exception_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("missed_by_inspection_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("missed_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_finding_result_by", "staff", ["result_by_id"], ["id"])
        batch.create_foreign_key("fk_finding_closed_by", "staff", ["closed_by_id"], ["id"])
        batch.create_foreign_key("fk_finding_exception_by", "staff", ["exception_by_id"], ["id"])
        batch.create_foreign_key("fk_finding_missed_by", "staff", ["missed_by_id"], ["id"])
        batch.create_foreign_key(
            "fk_finding_missed_by_inspection", "inspection", ["missed_by_inspection_id"], ["id"]
        )
        batch.create_unique_constraint("uq_finding_obligation", ["branch_id", "obligation_key"])
    op.create_table(
        "finding_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("finding_id", sa.String(length=36), sa.ForeignKey("finding.id"), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), sa.ForeignKey(STAFF), nullable=False),
        sa.Column("added_at", sa.String(length=40), nullable=False),
    )
    op.create_table(
        "staff_absence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey(STAFF), nullable=False),
        sa.Column("first_day", sa.String(length=10), nullable=False),
        sa.Column("last_day", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), sa.ForeignKey(STAFF), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
    )
    op.create_table(
        "staff_post",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey(STAFF), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("from_date", sa.String(length=10), nullable=False),
        sa.Column("to_date", sa.String(length=10), nullable=True),
        sa.Column("route", sa.String(length=64), nullable=False, server_default=""),
    )
    op.create_table(
        "obligation_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), sa.ForeignKey("branch.id"), nullable=False),
        sa.Column("obligation_key", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("explained_by_id", sa.Integer(), sa.ForeignKey(STAFF), nullable=False),
        sa.Column("explained_at", sa.String(length=40), nullable=False),
        sa.UniqueConstraint("branch_id", "obligation_key"),
    )


def downgrade() -> None:
    op.drop_table("obligation_note")
    op.drop_table("staff_post")
    op.drop_table("staff_absence")
    op.drop_table("finding_evidence")
    with op.batch_alter_table("finding") as batch:
        batch.drop_constraint("uq_finding_obligation", type_="unique")
        for fk in (
            "fk_finding_missed_by_inspection",
            "fk_finding_missed_by",
            "fk_finding_exception_by",
            "fk_finding_closed_by",
            "fk_finding_result_by",
        ):
            batch.drop_constraint(fk, type_="foreignkey")
        for col in (
            "missed_by_id",
            "missed_by_inspection_id",
            "exception_by_id",
            "exception_until",
            "exception_reason",
            "closed_on",
            "closed_by_id",
            "rectified_on",
            "result_by_id",
            "obligation_key",
            "origin",
        ):
            batch.drop_column(col)
        batch.alter_column("inspection_id", existing_type=sa.String(length=36), nullable=False)
