"""Drop ix_answer_response_id: the unique (response_id, path) index already serves every
lookup by response, and a second index on 120k+ answers slowed saves and bundle imports.

Revision ID: 0004_answer_index
Revises: 0003_exchange_conflict
"""

from __future__ import annotations

from alembic import op

revision = "0004_answer_index"
down_revision = "0003_exchange_conflict"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_response_id"))


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answer_response_id"), ["response_id"], unique=False)
