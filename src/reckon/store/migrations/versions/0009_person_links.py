"""Person links: a named person of the claims is (or is not) the person of a list's record.

Revision ID: 0009_person_links
Revises: 0008_claims
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import JSONText, UTCDateTime

revision = "0009_person_links"
down_revision = "0008_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("named_person_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=False),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("person_records.id"), nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("evidence", JSONText, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("decided_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("decision IN ('same', 'different')", name="link_decision_known"),
        sa.CheckConstraint("method IN ('proposal', 'manual')", name="link_method_known"),
    )
    op.create_index("ix_person_links_named_person_id", "person_links", ["named_person_id"])
    op.create_index("ix_person_links_record_id", "person_links", ["record_id"])


def downgrade() -> None:
    op.drop_index("ix_person_links_record_id", table_name="person_links")
    op.drop_index("ix_person_links_named_person_id", table_name="person_links")
    op.drop_table("person_links")
