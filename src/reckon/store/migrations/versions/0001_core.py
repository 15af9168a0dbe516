"""Core tables: workspace settings, users with roles, audit entries.

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import JSONText, UTCDateTime

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace_settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'editor', 'investigator', 'reviewer')", name="role_known"
        ),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("object_type", sa.String(40), nullable=False),
        sa.Column("object_id", sa.String(80), nullable=True),
        sa.Column("detail", JSONText, nullable=True),
    )
    op.create_index("ix_audit_entries_user_id", "audit_entries", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_entries_user_id", table_name="audit_entries")
    op.drop_table("audit_entries")
    op.drop_table("users")
    op.drop_table("workspace_settings")
