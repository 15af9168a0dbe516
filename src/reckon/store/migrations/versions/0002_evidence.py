"""Evidence: sources, grades, acquisitions, derivations, text artifacts, custody log.

Revision ID: 0002_evidence
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import JSONText, UTCDateTime

revision = "0002_evidence"
down_revision = "0001_core"
branch_labels = None
depends_on = None

_GRADES = "IN ('A', 'B', 'C', 'D', 'E', 'F')"


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("blob_sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(120), nullable=False),
        sa.Column("confidential", sa.Boolean, nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("original_name", sa.Text, nullable=True),
        sa.Column("publisher", sa.Text, nullable=True),
        sa.Column("published", sa.String(40), nullable=True),
        sa.Column("affiliation", sa.Text, nullable=True),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("technical", JSONText, nullable=True),
        sa.Column("text_status", sa.String(20), nullable=False),
        sa.Column("text_error", sa.Text, nullable=True),
        sa.Column("added_at", UTCDateTime, nullable=False),
        sa.Column("added_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.CheckConstraint(f"reliability {_GRADES}", name="reliability_grade"),
        sa.CheckConstraint(
            "text_status IN ('ok', 'failed', 'none', 'locked')", name="text_status_known"
        ),
    )
    op.create_table(
        "source_grades",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("grade", sa.String(1), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("graded_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.CheckConstraint(f"grade {_GRADES}", name="grade_known"),
    )
    op.create_index("ix_source_grades_source_id", "source_grades", ["source_id"])
    op.create_table(
        "acquisitions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("by_user", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("publisher", sa.Text, nullable=True),
        sa.Column("from_person", sa.Text, nullable=True),
        sa.Column("original_path", sa.Text, nullable=True),
        sa.Column("tool", sa.String(120), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_index("ix_acquisitions_source_id", "acquisitions", ["source_id"])
    op.create_table(
        "source_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("derived_from_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("recorded_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("source_id", "derived_from_id", name="uq_source_links_pair"),
        sa.CheckConstraint("source_id <> derived_from_id", name="not_self"),
    )
    op.create_index("ix_source_links_source_id", "source_links", ["source_id"])
    op.create_index("ix_source_links_derived_from_id", "source_links", ["derived_from_id"])
    op.create_table(
        "text_artifacts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("extractor", sa.String(60), nullable=False),
        sa.Column("extractor_version", sa.String(60), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("blob_sha256", sa.String(64), nullable=False),
        sa.Column("chars", sa.Integer, nullable=False),
        sa.Column("page_starts", JSONText, nullable=True),
        sa.Column("confidence", sa.Float, nullable=True),
        sa.Column("info", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint(
            "source_id", "extractor", "extractor_version", name="uq_text_artifacts_version"
        ),
    )
    op.create_index("ix_text_artifacts_source_id", "text_artifacts", ["source_id"])
    op.create_table(
        "custody_entries",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("object_type", sa.String(30), nullable=False),
        sa.Column("object_id", sa.String(80), nullable=False),
        sa.Column("object_sha256", sa.String(64), nullable=True),
        sa.Column("detail_sha256", sa.String(64), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("signature", sa.String(100), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("custody_entries")
    op.drop_index("ix_text_artifacts_source_id", table_name="text_artifacts")
    op.drop_table("text_artifacts")
    op.drop_index("ix_source_links_derived_from_id", table_name="source_links")
    op.drop_index("ix_source_links_source_id", table_name="source_links")
    op.drop_table("source_links")
    op.drop_index("ix_acquisitions_source_id", table_name="acquisitions")
    op.drop_table("acquisitions")
    op.drop_index("ix_source_grades_source_id", table_name="source_grades")
    op.drop_table("source_grades")
    op.drop_table("sources")
