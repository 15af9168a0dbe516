"""Estimates: saved results of ``reckon estimate --save``.

Revision ID: 0011_estimates
Revises: 0010_claim_figures
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import JSONText, UTCDateTime

revision = "0011_estimates"
down_revision = "0010_claim_figures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "estimates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("label", sa.Text, nullable=True),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("lists", JSONText, nullable=False),
        sa.Column("strata", sa.String(80), nullable=True),
        sa.Column("parameters", JSONText, nullable=False),
        sa.Column("estimate", sa.Float, nullable=False),
        sa.Column("lower", sa.Float, nullable=False),
        sa.Column("upper", sa.Float, nullable=True),
        sa.Column("level", sa.Float, nullable=False),
        sa.Column("result", JSONText, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.CheckConstraint("level > 0 AND level < 1", name="estimate_interval_level"),
    )


def downgrade() -> None:
    op.drop_table("estimates")
