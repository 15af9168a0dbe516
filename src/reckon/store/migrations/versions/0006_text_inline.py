"""Evidence: text artifacts kept in the store (``content``) instead of a second blob file.

Revision ID: 0006_text_inline
Revises: 0005_web
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_text_inline"
down_revision = "0005_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("text_artifacts", sa.Column("content", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    op.drop_column("text_artifacts", "content")
