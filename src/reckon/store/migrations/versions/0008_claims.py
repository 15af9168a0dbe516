"""Claims: named persons, places, mentions, claims and decisions, events, involvements, witnesses.

Revision ID: 0008_claims
Revises: 0007_text_inline
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import JSONText, UTCDateTime

revision = "0008_claims"
down_revision = "0007_text_inline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "named_persons",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.String(128), nullable=False),
        sa.Column("protected", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_index("ix_named_persons_name_key", "named_persons", ["name_key"])
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("artifact_id", sa.Integer, sa.ForeignKey("text_artifacts.id"), nullable=False),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("normalized", sa.Text, nullable=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=True),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), nullable=True),
        sa.Column("sealed", sa.Text, nullable=True),
        sa.Column("finder", sa.String(20), nullable=False),
        sa.CheckConstraint("end_offset > start_offset", name="span_not_empty"),
        sa.CheckConstraint("type IN ('PERSON', 'PLACE', 'ORG', 'DATE')", name="mention_type_known"),
    )
    op.create_index("ix_mentions_person_id", "mentions", ["person_id"])
    op.create_index("ix_mentions_source_id", "mentions", ["source_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("artifact_id", sa.Integer, sa.ForeignKey("text_artifacts.id"), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("victim_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=True),
        sa.Column("perpetrator_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=True),
        sa.Column("sealed_parties", sa.Text, nullable=True),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), nullable=True),
        sa.Column("detail", sa.Text, nullable=True),
        sa.Column("date_text", sa.Text, nullable=True),
        sa.Column("date_calendar", sa.String(12), nullable=True),
        sa.Column("date_precision", sa.String(20), nullable=True),
        sa.Column("date_start", sa.String(10), nullable=True),
        sa.Column("date_end", sa.String(10), nullable=True),
        sa.Column("quote_start", sa.Integer, nullable=True),
        sa.Column("quote_end", sa.Integer, nullable=True),
        sa.Column("credibility", sa.Integer, nullable=False),
        sa.Column("credibility_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("credibility_reason", sa.Text, nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("decided_at", UTCDateTime, nullable=True),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility_1_to_6"),
        sa.CheckConstraint(
            "kind IN ('arrest', 'detention', 'transfer', 'trial', 'execution', 'burial', 'disappearance', 'release', 'affiliation', 'ordered', 'took_part', 'was_present', 'sat_on_commission')",
            name="claim_kind_known",
        ),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected')", name="claim_status_known"
        ),
    )
    op.create_index("ix_claims_perpetrator_id", "claims", ["perpetrator_id"])
    op.create_index("ix_claims_victim_id", "claims", ["victim_id"])
    op.create_index("ix_claims_source_id", "claims", ["source_id"])
    op.create_table(
        "claim_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("by_user", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("changes", JSONText, nullable=True),
    )
    op.create_index("ix_claim_decisions_claim_id", "claim_decisions", ["claim_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), nullable=True),
        sa.Column("date_start", sa.String(10), nullable=True),
        sa.Column("date_end", sa.String(10), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "event_claims",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
    )
    op.create_table(
        "involvements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("degree", sa.String(30), nullable=True),
        sa.UniqueConstraint("event_id", "person_id", "role", name="event_person_role"),
        sa.CheckConstraint(
            "role IN ('victim', 'alleged_perpetrator', 'witness')",
            name="role_known",
        ),
    )
    op.create_index("ix_involvements_event_id", "involvements", ["event_id"])
    op.create_index("ix_involvements_person_id", "involvements", ["person_id"])
    op.create_table(
        "involvement_claims",
        sa.Column("involvement_id", sa.Integer, sa.ForeignKey("involvements.id"), primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
    )
    op.create_table(
        "witnesses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sealed", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("witnesses")
    op.drop_table("involvement_claims")
    op.drop_index("ix_involvements_event_id", table_name="involvements")
    op.drop_index("ix_involvements_person_id", table_name="involvements")
    op.drop_table("involvements")
    op.drop_table("event_claims")
    op.drop_table("events")
    op.drop_index("ix_claim_decisions_claim_id", table_name="claim_decisions")
    op.drop_table("claim_decisions")
    op.drop_index("ix_claims_perpetrator_id", table_name="claims")
    op.drop_index("ix_claims_victim_id", table_name="claims")
    op.drop_index("ix_claims_source_id", table_name="claims")
    op.drop_table("claims")
    op.drop_index("ix_mentions_person_id", table_name="mentions")
    op.drop_index("ix_mentions_source_id", table_name="mentions")
    op.drop_table("mentions")
    op.drop_table("places")
    op.drop_index("ix_named_persons_name_key", table_name="named_persons")
    op.drop_table("named_persons")
