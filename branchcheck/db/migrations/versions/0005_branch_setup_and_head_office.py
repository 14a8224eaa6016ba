"""a real branch and head office: the branch's head office, staff deactivation, draft answers,
evidence on items, each finding's steps as append-only rows, guarded post history, upload
packages and head office's receipts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SEALED = "(SELECT status FROM inspection WHERE id = {row}.inspection_id) = 'sealed'"

# columns of a finding fixed when it is raised; the loop's steps never rewrite them
FINDING_FIXED = (
    "inspection_id",
    "branch_id",
    "checklist_key",
    "item_key",
    "problem_key",
    "title",
    "severity",
    "risk_driver",
    "created_at",
    "origin",
    "obligation_key",
)

GUARDS = [
    (
        "finding_step_no_update",
        """CREATE TRIGGER finding_step_no_update BEFORE UPDATE ON finding_step
           BEGIN SELECT RAISE(ABORT, 'finding steps are append-only'); END""",
    ),
    (
        "finding_step_no_delete",
        """CREATE TRIGGER finding_step_no_delete BEFORE DELETE ON finding_step
           BEGIN SELECT RAISE(ABORT, 'finding steps are append-only'); END""",
    ),
    (
        "finding_fixed_no_update",
        "CREATE TRIGGER finding_fixed_no_update BEFORE UPDATE ON finding WHEN "
        + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FINDING_FIXED)
        + " BEGIN SELECT RAISE(ABORT, 'a finding''s facts never change'); END",
    ),
    (
        "finding_state_needs_step",
        """CREATE TRIGGER finding_state_needs_step BEFORE UPDATE ON finding
           WHEN NEW.state IS NOT OLD.state AND NOT EXISTS (
               SELECT 1 FROM finding_step s WHERE s.finding_id = NEW.id AND s.to_state = NEW.state
               AND s.id = (SELECT MAX(id) FROM finding_step WHERE finding_id = NEW.id))
           BEGIN SELECT RAISE(ABORT, 'a finding changes state only by a recorded step'); END""",
    ),
    (
        "finding_no_delete",
        """CREATE TRIGGER finding_no_delete BEFORE DELETE ON finding
           WHEN OLD.inspection_id IS NULL
             OR (SELECT status FROM inspection WHERE id = OLD.inspection_id) = 'sealed'
           BEGIN SELECT RAISE(ABORT, 'a finding is never removed'); END""",
    ),
    (
        "staff_post_no_delete",
        """CREATE TRIGGER staff_post_no_delete BEFORE DELETE ON staff_post
           BEGIN SELECT RAISE(ABORT, 'the post history is never removed'); END""",
    ),
    (
        "staff_post_only_ends",
        """CREATE TRIGGER staff_post_only_ends BEFORE UPDATE ON staff_post
           WHEN OLD.to_date IS NOT NULL OR NEW.staff_id IS NOT OLD.staff_id
             OR NEW.role IS NOT OLD.role OR NEW.from_date IS NOT OLD.from_date
             OR NEW.route IS NOT OLD.route
           BEGIN SELECT RAISE(ABORT, 'a post is only ever ended, never rewritten'); END""",
    ),
    (
        "item_evidence_sealed_no_insert",
        f"""CREATE TRIGGER item_evidence_sealed_no_insert BEFORE INSERT ON item_evidence
           WHEN {_SEALED.format(row="NEW")}
           BEGIN SELECT RAISE(ABORT, 'evidence of a sealed record never changes'); END""",
    ),
    (
        "item_evidence_sealed_no_update",
        f"""CREATE TRIGGER item_evidence_sealed_no_update BEFORE UPDATE ON item_evidence
           WHEN {_SEALED.format(row="OLD")}
           BEGIN SELECT RAISE(ABORT, 'evidence of a sealed record never changes'); END""",
    ),
    (
        "item_evidence_sealed_no_delete",
        f"""CREATE TRIGGER item_evidence_sealed_no_delete BEFORE DELETE ON item_evidence
           WHEN {_SEALED.format(row="OLD")}
           BEGIN SELECT RAISE(ABORT, 'evidence of a sealed record never changes'); END""",
    ),
    (
        "record_receipt_no_update",
        """CREATE TRIGGER record_receipt_no_update BEFORE UPDATE ON record_receipt
           BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END""",
    ),
]


def upgrade() -> None:
    with op.batch_alter_table("branch") as batch:
        batch.add_column(
            sa.Column("head_office", sa.String(200), nullable=False, server_default="")
        )
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("deactivated_on", sa.String(10), nullable=True))
    with op.batch_alter_table("answer") as batch:
        batch.add_column(sa.Column("draft", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("sealed_record") as batch:
        # the workbook's detached CMS signature by the inspector (openssl cms -verify checks it)
        batch.add_column(sa.Column("xlsx_p7s", sa.LargeBinary(), nullable=True))
    op.create_table(
        "item_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspection.id"), nullable=False),
        sa.Column("item_key", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "finding_step",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("finding_id", sa.String(36), sa.ForeignKey("finding.id"), nullable=False),
        sa.Column("step", sa.String(32), nullable=False),
        sa.Column("from_state", sa.String(16), nullable=False),
        sa.Column("to_state", sa.String(16), nullable=False),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("actor", sa.String(32), nullable=False),
        sa.Column("on_date", sa.String(10), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_finding_step_finding_id", "finding_step", ["finding_id"])
    op.create_table(
        "upload_package",
        sa.Column("id", sa.String(64), primary_key=True),  # derived from the package's content
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("records", sa.JSON(), nullable=False),  # the record IDs it carries
    )
    op.create_table(
        "record_receipt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("package_id", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),  # accepted / duplicate / rejected
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("received_at", sa.String(40), nullable=False),  # head office's time
        sa.Column("receipt_sha256", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("package_id", "record_id", "receipt_sha256"),
    )
    for _name, statement in GUARDS:
        op.execute(statement)


def downgrade() -> None:
    for name, _statement in GUARDS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("record_receipt")
    op.drop_table("upload_package")
    op.drop_index("ix_finding_step_finding_id", "finding_step")
    op.drop_table("finding_step")
    op.drop_table("item_evidence")
    with op.batch_alter_table("sealed_record") as batch:
        batch.drop_column("xlsx_p7s")
    with op.batch_alter_table("answer") as batch:
        batch.drop_column("draft")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("deactivated_on")
    with op.batch_alter_table("branch") as batch:
        batch.drop_column("head_office")
