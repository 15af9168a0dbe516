"""Web: the name search index, and the moderation queue of submissions.

Revision ID: 0005_web
Revises: 0004_erasure
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import UTCDateTime

revision = "0005_web"
down_revision = "0004_erasure"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_ref", sa.String(80), nullable=False),
        sa.Column("record_ref", sa.String(80), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("phonetic", sa.Text, nullable=False),
    )
    op.create_index("ix_search_entries_person_ref", "search_entries", ["person_ref"])
    op.create_index("ix_search_entries_record_ref", "search_entries", ["record_ref"])
    op.create_table(
        "search_keys",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("entry_id", sa.Integer, primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "search_key_counts",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("receipt_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("contact", sa.Text, nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("moderated_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("moderated_at", UTCDateTime, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("submissions")
    op.drop_table("search_key_counts")
    op.drop_table("search_keys")
    op.drop_index("ix_search_entries_record_ref", table_name="search_entries")
    op.drop_index("ix_search_entries_person_ref", table_name="search_entries")
    op.drop_table("search_entries")
