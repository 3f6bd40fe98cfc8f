"""attachment_blob and attachment: files answering image, audio, video and file questions
(issue 13). A blob is stored once, keyed by the SHA-256 of its bytes; an attachment row ties a
response and a file name (the answer's value) to a blob. Nothing existing changes: every
answer is kept as it is.

Revision ID: 0008_attachments
Revises: 0007_search_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_attachments"
down_revision = "0007_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=128), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )
    op.create_table(
        "attachment",
        sa.Column("response_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["response_id"], ["response.id"], name=op.f("fk_attachment_response_id_response"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sha256"], ["attachment_blob.sha256"],
                                name=op.f("fk_attachment_sha256_attachment_blob")),
        sa.PrimaryKeyConstraint("response_id", "file_name", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
    op.drop_table("attachment")
    op.drop_table("attachment_blob")
