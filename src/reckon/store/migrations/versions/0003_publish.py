"""Publish: publications, the persons they name, withholds, disclosures, per-person keys.

Revision ID: 0003_publish
Revises: 0002_evidence
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import UTCDateTime

revision = "0003_publish"
down_revision = "0002_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_type", sa.String(20), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("published_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("published_at", UTCDateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("override_reason", sa.Text, nullable=True),
        sa.Column("legal_review", sa.Boolean, nullable=False),
        sa.Column("changed_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("changed_at", UTCDateTime, nullable=True),
        sa.Column("change_reason", sa.Text, nullable=True),
        sa.CheckConstraint(
            "item_type IN ('person', 'claim', 'event', 'involvement', 'estimate')",
            name="item_type_known",
        ),
        sa.CheckConstraint(
            "status IN ('published', 'corrected', 'withdrawn')", name="status_known"
        ),
    )
    op.create_index("ix_publications_item", "publications", ["item_type", "item_id"])
    op.create_table(
        "publication_persons",
        sa.Column("publication_id", sa.Integer, sa.ForeignKey("publications.id"), primary_key=True),
        sa.Column("person_ref", sa.String(80), primary_key=True),
    )
    op.create_index("ix_publication_persons_person_ref", "publication_persons", ["person_ref"])
    op.create_table(
        "person_withholds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_ref", sa.String(80), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.Column("lifted_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("lifted_at", UTCDateTime, nullable=True),
        sa.Column("lift_reason", sa.Text, nullable=True),
    )
    op.create_index("ix_person_withholds_person_ref", "person_withholds", ["person_ref"])
    op.create_table(
        "field_disclosures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_ref", sa.String(80), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.Column("revoked_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("revoked_at", UTCDateTime, nullable=True),
    )
    op.create_index("ix_field_disclosures_person_ref", "field_disclosures", ["person_ref"])
    op.create_table(
        "person_keys",
        sa.Column("subject_ref", sa.String(80), primary_key=True),
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("shredded_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("shredded_at", UTCDateTime, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("person_keys")
    op.drop_index("ix_field_disclosures_person_ref", table_name="field_disclosures")
    op.drop_table("field_disclosures")
    op.drop_index("ix_person_withholds_person_ref", table_name="person_withholds")
    op.drop_table("person_withholds")
    op.drop_index("ix_publication_persons_person_ref", table_name="publication_persons")
    op.drop_table("publication_persons")
    op.drop_index("ix_publications_item", table_name="publications")
    op.drop_table("publications")
