"""Index interview.response_id: the search finds the interview of each interview-guide answer it
returns, and without an index every such lookup read the whole interview table.

Revision ID: 0009_interview_response
Revises: 0008_attachments
"""

from __future__ import annotations

from alembic import op

revision = "0009_interview_response"
down_revision = "0008_attachments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_response_id"), ["response_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_response_id"))
