"""Person ties: two named persons of different sources are (or are not) one person.

From this revision on, a name read in a second source makes a new named person;
only a recorded decision (a row here, or ties to one list person) makes them
one. Named persons created before it, which several sources may name under one
name, are left as they are: splitting them again would need a coder to say
which mention is which person.

Revision ID: 0014_person_ties
Revises: 0013_sealed_personal_data
"""

import sqlalchemy as sa
from alembic import op

from reckon.store.types import UTCDateTime

revision = "0014_person_ties"
down_revision = "0013_sealed_personal_data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_ties",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("named_person_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=False),
        sa.Column("other_person_id", sa.Integer, sa.ForeignKey("named_persons.id"), nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("decided_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("decision IN ('same', 'different')", name="tie_decision_known"),
        sa.CheckConstraint("method IN ('proposal', 'manual')", name="tie_method_known"),
        sa.CheckConstraint("named_person_id < other_person_id", name="tie_pair_ordered"),
    )
    op.create_index("ix_person_ties_named_person_id", "person_ties", ["named_person_id"])
    op.create_index("ix_person_ties_other_person_id", "person_ties", ["other_person_id"])


def downgrade() -> None:
    op.drop_index("ix_person_ties_other_person_id", table_name="person_ties")
    op.drop_index("ix_person_ties_named_person_id", table_name="person_ties")
    op.drop_table("person_ties")
