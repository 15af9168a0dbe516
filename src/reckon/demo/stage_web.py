"""Demo stage: index the demo's names for search, publish its victims' records, give the team
web passwords, so that `reckon demo --serve` can be explored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from argon2 import PasswordHasher
from sqlalchemy import func, select

from reckon.store import users

if TYPE_CHECKING:
    from reckon.demo.run import DemoContext

# Fictional demo only; printed by `reckon demo --serve`.
DEMO_PASSWORD: Final = "reckon-demo"  # noqa: S105 - printed for the fictional demo
DEMO_EDITOR: Final = "maryam.editor"


def stage_web(ctx: DemoContext) -> None:
    from reckon.demo.run import DEMO_ADMIN, DEMO_TEAM
    from reckon.publish.records import publish_many
    from reckon.search.sync import reindex
    from reckon.store.schema import publications, search_entries

    hashed = PasswordHasher().hash(DEMO_PASSWORD)
    with ctx.workspace.engine.begin() as conn:
        admin = users.acting_user(conn, DEMO_ADMIN)
        names = [DEMO_ADMIN, *(name for name, _ in DEMO_TEAM)]
        for name in names:
            users.set_password_hash(conn, name, hashed, actor=admin)
        entries = reindex(conn)
        persons = sorted(set(conn.execute(select(search_entries.c.person_ref)).scalars()))
        published_persons = conn.execute(
            select(func.count())
            .select_from(publications)
            .where(publications.c.item_type == "person")
        ).scalar_one()
        if not published_persons:
            # Until the publish stage does it: every reconciled victim named by a list is public.
            publish_many(conn, users.acting_user(conn, DEMO_EDITOR), "person", persons)
    ctx.report(
        "web",
        f"{entries} names of {len(persons)} persons indexed for search; "
        f"{len(names)} users can log in to 'reckon demo --serve'",
    )
