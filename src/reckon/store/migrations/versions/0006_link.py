"""Link: victim lists, person records, list claims, link runs, pairs, decisions, members.

Revision ID: 0006_link
Revises: 0005_web
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import JSONText, UTCDateTime

revision = "0006_link"
down_revision = "0005_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "victim_lists",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=True),
        sa.Column("replaces_id", sa.Integer, sa.ForeignKey("victim_lists.id"), nullable=True),
        sa.Column("derived_from_id", sa.Integer, sa.ForeignKey("victim_lists.id"), nullable=True),
        sa.Column("calendar", sa.String(12), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("column_map", JSONText, nullable=False),
        sa.Column("n_records", sa.Integer, nullable=False),
        sa.Column("imported_at", UTCDateTime, nullable=False),
        sa.Column("imported_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.UniqueConstraint("name", "version", name="name_version"),
        sa.CheckConstraint("calendar IN ('gregorian', 'jalali')", name="calendar_known"),
    )
    op.create_table(
        "person_records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("victim_lists.id"), nullable=False),
        sa.Column("row_number", sa.Integer, nullable=False),
        sa.Column("list_ref", sa.Text, nullable=True),
        sa.Column("full_name", sa.Text, nullable=True),
        sa.Column("given_name", sa.Text, nullable=True),
        sa.Column("surname", sa.Text, nullable=True),
        sa.Column("father_name", sa.Text, nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("birth_year", sa.String(20), nullable=True),
        sa.Column("birth_lo", sa.Integer, nullable=True),
        sa.Column("birth_hi", sa.Integer, nullable=True),
        sa.Column("city", sa.Text, nullable=True),
        sa.Column("prison", sa.Text, nullable=True),
        sa.Column("death_date", sa.Text, nullable=True),
        sa.Column("death_calendar", sa.String(12), nullable=True),
        sa.Column("death_precision", sa.String(20), nullable=True),
        sa.Column("death_start", sa.String(10), nullable=True),
        sa.Column("death_end", sa.String(10), nullable=True),
        sa.Column("extra", JSONText, nullable=True),
        sa.UniqueConstraint("list_id", "row_number", name="list_row"),
    )
    op.create_index("ix_person_records_list_id", "person_records", ["list_id"])
    op.create_table(
        "list_claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("person_records.id"), nullable=False),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("victim_lists.id"), nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("place", sa.Text, nullable=True),
        sa.Column("value", sa.Text, nullable=True),
        sa.Column("date_text", sa.Text, nullable=True),
        sa.Column("date_calendar", sa.String(12), nullable=True),
        sa.Column("date_precision", sa.String(20), nullable=True),
        sa.Column("date_start", sa.String(10), nullable=True),
        sa.Column("date_end", sa.String(10), nullable=True),
        sa.CheckConstraint(
            "kind IN ('execution', 'death', 'detention', 'affiliation')", name="claim_kind_known"
        ),
    )
    op.create_index("ix_list_claims_record_id", "list_claims", ["record_id"])
    op.create_table(
        "link_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", UTCDateTime, nullable=False),
        sa.Column("run_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("engine", sa.String(10), nullable=False),
        sa.Column("model", JSONText, nullable=False),
        sa.Column("threshold", sa.Float, nullable=False),
        sa.Column("n_records", sa.Integer, nullable=False),
        sa.Column("n_persons", sa.Integer, nullable=False),
        sa.Column("n_held", sa.Integer, nullable=False),
        sa.Column("n_labels", sa.Integer, nullable=False),
        sa.Column("timings", JSONText, nullable=True),
    )
    op.create_table(
        "link_pairs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("link_runs.id"), nullable=False),
        sa.Column("record_l", sa.Integer, sa.ForeignKey("person_records.id"), nullable=False),
        sa.Column("record_r", sa.Integer, sa.ForeignKey("person_records.id"), nullable=False),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("evidence", JSONText, nullable=True),
    )
    op.create_index("ix_link_pairs_run_id", "link_pairs", ["run_id"])
    op.create_table(
        "link_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_l", sa.Integer, sa.ForeignKey("person_records.id"), nullable=False),
        sa.Column("record_r", sa.Integer, sa.ForeignKey("person_records.id"), nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("decided_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("record_l < record_r", name="pair_ordered"),
        sa.CheckConstraint("decision IN ('same', 'different', 'unsure')", name="decision_known"),
    )
    op.create_index("ix_link_decisions_record_l", "link_decisions", ["record_l"])
    op.create_table(
        "person_members",
        sa.Column("record_id", sa.Integer, sa.ForeignKey("person_records.id"), primary_key=True),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("link_runs.id"), nullable=False),
        sa.Column("held", sa.Integer, nullable=False),
    )
    op.create_index("ix_person_members_person_id", "person_members", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_person_members_person_id", table_name="person_members")
    op.drop_table("person_members")
    op.drop_index("ix_link_decisions_record_l", table_name="link_decisions")
    op.drop_table("link_decisions")
    op.drop_index("ix_link_pairs_run_id", table_name="link_pairs")
    op.drop_table("link_pairs")
    op.drop_table("link_runs")
    op.drop_index("ix_list_claims_record_id", table_name="list_claims")
    op.drop_table("list_claims")
    op.drop_index("ix_person_records_list_id", table_name="person_records")
    op.drop_table("person_records")
    op.drop_table("victim_lists")
