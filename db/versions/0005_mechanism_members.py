"""mechanism.member_states: a mechanism's membership as a list of States (ISO 3166-1
alpha-3 codes, JSON text), and where that list comes from (issue 12).

member_state_count stays: a number cannot be turned into a list of States, so the counts
typed so far are kept as they were (nothing is lost, a downgrade finds them), but no report
adds them up any more and the program no longer edits them.

Revision ID: 0005_mechanism_members
Revises: 0004_answer_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_mechanism_members"
down_revision = "0004_answer_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mechanism", schema=None) as batch_op:
        batch_op.add_column(sa.Column("member_states", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("member_states_source", sa.Text(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch copy of the table: a
    # copy drops and recreates "mechanism", which the rows that refer to it forbid.
    op.execute("ALTER TABLE mechanism DROP COLUMN member_states_source")
    op.execute("ALTER TABLE mechanism DROP COLUMN member_states")
