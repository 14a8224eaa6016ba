"""audit anchors (the chain's head signed at each seal) and triggers that keep a sealed record's
inspection row, answers and signatures, and the anchors themselves, from changing

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 03:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SEALED = "(SELECT status FROM inspection WHERE id = {row}.inspection_id) = 'sealed'"

# (name, statement): what the database itself refuses, whoever writes to it
GUARDS = [
    (
        "audit_anchor_no_update",
        """CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor
           BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END""",
    ),
    (
        "audit_anchor_no_delete",
        """CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
           BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END""",
    ),
    (
        "inspection_sealed_no_update",
        """CREATE TRIGGER inspection_sealed_no_update BEFORE UPDATE ON inspection
           WHEN OLD.status = 'sealed'
           BEGIN SELECT RAISE(ABORT, 'a sealed inspection never changes'); END""",
    ),
    (
        "inspection_sealed_no_delete",
        """CREATE TRIGGER inspection_sealed_no_delete BEFORE DELETE ON inspection
           WHEN OLD.status = 'sealed'
           BEGIN SELECT RAISE(ABORT, 'a sealed inspection is never removed'); END""",
    ),
    (
        "answer_sealed_no_insert",
        f"""CREATE TRIGGER answer_sealed_no_insert BEFORE INSERT ON answer
           WHEN {_SEALED.format(row="NEW")}
           BEGIN SELECT RAISE(ABORT, 'answers of a sealed record never change'); END""",
    ),
    (
        "signature_sealed_no_insert",
        f"""CREATE TRIGGER signature_sealed_no_insert BEFORE INSERT ON signature
           WHEN {_SEALED.format(row="NEW")}
           BEGIN SELECT RAISE(ABORT, 'signatures of a sealed record never change'); END""",
    ),
    (
        "signature_sealed_no_update",
        f"""CREATE TRIGGER signature_sealed_no_update BEFORE UPDATE ON signature
           WHEN {_SEALED.format(row="OLD")}
           BEGIN SELECT RAISE(ABORT, 'signatures of a sealed record never change'); END""",
    ),
    (
        "signature_sealed_no_delete",
        f"""CREATE TRIGGER signature_sealed_no_delete BEFORE DELETE ON signature
           WHEN {_SEALED.format(row="OLD")}
           BEGIN SELECT RAISE(ABORT, 'signatures of a sealed record never change'); END""",
    ),
]


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("signer", sa.String(length=32), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("chain_pem", sa.JSON(), nullable=False),
    )
    for _name, statement in GUARDS:
        op.execute(statement)


def downgrade() -> None:
    for name, _statement in GUARDS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("audit_anchor")
