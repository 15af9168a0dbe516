"""Search: names sealed and matching keys hashed under an index key that shreds re-wrap.

The three index tables are a derived cache (rebuilt from person records by
``reckon search reindex``), and an index in clear cannot be sealed here: a
migration has no keys. So the tables are recreated empty in the new layout,
and when the old index held entries, the workspace is marked so that search
refuses with a message to run ``reckon search reindex`` instead of finding
nothing.

Revision ID: 0012_search_sealed
Revises: 0011_estimates
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_search_sealed"
down_revision = "0011_estimates"
branch_labels = None
depends_on = None

STAMP = "search_index"
SUBJECT = "search:index"


def _drop() -> None:
    op.drop_table("search_key_counts")
    op.drop_table("search_keys")
    op.drop_index("ix_search_entries_record_ref", table_name="search_entries")
    op.drop_index("ix_search_entries_person_ref", table_name="search_entries")
    op.drop_table("search_entries")


def _create(sealed: bool) -> None:
    body = (
        [sa.Column("sealed", sa.LargeBinary, nullable=False)]
        if sealed
        else [
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("phonetic", sa.Text, nullable=False),
        ]
    )
    key_type: sa.LargeBinary | sa.String = sa.LargeBinary(16) if sealed else sa.String(80)
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_ref", sa.String(80), nullable=False),
        sa.Column("record_ref", sa.String(80), nullable=False),
        *body,
    )
    op.create_index("ix_search_entries_person_ref", "search_entries", ["person_ref"])
    op.create_index("ix_search_entries_record_ref", "search_entries", ["record_ref"])
    op.create_table(
        "search_keys",
        sa.Column("key", key_type, primary_key=True),
        sa.Column("entry_id", sa.Integer, primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "search_key_counts",
        sa.Column("key", key_type, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )


def upgrade() -> None:
    conn = op.get_bind()
    had_entries = conn.execute(sa.text("SELECT 1 FROM search_entries LIMIT 1")).first()
    _drop()
    _create(sealed=True)
    settings = sa.table("workspace_settings", sa.column("key"), sa.column("value"))
    conn.execute(settings.delete().where(settings.c.key == STAMP))
    if had_entries is not None:
        conn.execute(settings.insert().values(key=STAMP, value="stale"))


def downgrade() -> None:
    conn = op.get_bind()
    settings = sa.table("workspace_settings", sa.column("key"), sa.column("value"))
    keys = sa.table("person_keys", sa.column("subject_ref"))
    conn.execute(settings.delete().where(settings.c.key == STAMP))
    conn.execute(keys.delete().where(keys.c.subject_ref == SUBJECT))
    _drop()
    _create(sealed=False)
