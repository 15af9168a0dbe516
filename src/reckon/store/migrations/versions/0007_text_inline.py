"""Evidence: text artifacts kept in the store (``content``) instead of a second blob file.

Revision ID: 0007_text_inline
Revises: 0006_link
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_text_inline"
down_revision = "0006_link"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("text_artifacts", sa.Column("content", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    op.drop_column("text_artifacts", "content")
