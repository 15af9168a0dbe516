"""Erasure: personal data sealed with a key per person record.

Revision ID: 0004_erasure
Revises: 0003_publish
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_erasure"
down_revision = "0003_publish"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_data",
        sa.Column("subject_ref", sa.String(80), primary_key=True),
        sa.Column("field", sa.String(60), primary_key=True),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("person_data")
