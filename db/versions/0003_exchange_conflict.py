"""exchange_conflict: fields both sides changed, waiting for a user's choice (issue 6)

Revision ID: 0003_exchange_conflict
Revises: 0002_answer_relevant
Create Date: 2026-11-27 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_exchange_conflict"
down_revision = "0002_answer_relevant"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=300), nullable=False),
        sa.Column("mine_value", sa.Text(), nullable=True),
        sa.Column("theirs_value", sa.Text(), nullable=True),
        sa.Column("mine_changes", sa.Text(), nullable=False),
        sa.Column("theirs_changes", sa.Text(), nullable=False),
        sa.Column("held_audit", sa.Text(), nullable=False),
        sa.Column("source_installation", sa.String(length=36), nullable=True),
        sa.Column("bundle_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("resolved_by", sa.String(length=128), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflict")),
    )
    with op.batch_alter_table("exchange_conflict", schema=None) as batch_op:
        batch_op.create_index(
            "ix_exchange_conflict_record", ["table_name", "record_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("exchange_conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_exchange_conflict_record")
    op.drop_table("exchange_conflict")
