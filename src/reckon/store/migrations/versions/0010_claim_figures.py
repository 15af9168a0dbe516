"""Claims: a kind for published figures (death tolls), recorded as claims of their publisher.

Revision ID: 0010_claim_figures
Revises: 0009_person_links
"""

from alembic import op

from reckon.store.engine import begin_writing

revision = "0010_claim_figures"
down_revision = "0009_person_links"
branch_labels = None
depends_on = None

KINDS = (
    "arrest", "detention", "transfer", "trial", "execution", "burial", "disappearance",
    "release", "affiliation", "ordered", "took_part", "was_present", "sat_on_commission",
)  # fmt: skip


def _check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _set_kinds(kinds: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint("claim_kind_known", "claims", type_="check")
        op.create_check_constraint("claim_kind_known", "claims", _check(kinds))
        return
    # SQLite cannot alter a CHECK constraint: the table is rebuilt under its own name.
    # Foreign keys are on (and cannot be switched off inside the migration's
    # transaction), so they are deferred to the commit: dropping the old table orphans
    # the rows that refer to claims, and copying the rows back into the new table adopts
    # them again before the commit checks (a row lost on the way would fail it).
    begin_writing(bind)
    create = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claims'"
    ).scalar_one()
    indexes = [
        str(row[0])
        for row in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' "
            "AND sql IS NOT NULL"
        )
    ]
    old = next(k for k in (_check(KINDS), _check((*KINDS, "figure"))) if k in create)
    bind.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    bind.exec_driver_sql("CREATE TABLE _claims_copy AS SELECT * FROM claims")
    bind.exec_driver_sql("DROP TABLE claims")
    bind.exec_driver_sql(create.replace(old, _check(kinds)))
    bind.exec_driver_sql("INSERT INTO claims SELECT * FROM _claims_copy")
    bind.exec_driver_sql("DROP TABLE _claims_copy")
    for sql in indexes:
        bind.exec_driver_sql(sql)


def upgrade() -> None:
    _set_kinds((*KINDS, "figure"))


def downgrade() -> None:
    # The old kinds cannot hold a figure: figures and their decisions go with the kind.
    op.execute(
        "DELETE FROM claim_decisions WHERE claim_id IN (SELECT id FROM claims WHERE kind = 'figure')"
    )
    op.execute("DELETE FROM claims WHERE kind = 'figure'")
    _set_kinds(KINDS)
