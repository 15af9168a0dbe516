"""Demo stage: give the demo team web passwords, so that `reckon demo --serve` can be explored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from argon2 import PasswordHasher

from reckon.store import users

if TYPE_CHECKING:
    from reckon.demo.run import DemoContext

# Fictional demo only; printed by `reckon demo --serve`.
DEMO_PASSWORD: Final = "reckon-demo"  # noqa: S105 - printed for the fictional demo


def stage_web(ctx: DemoContext) -> None:
    from reckon.demo.run import DEMO_ADMIN, DEMO_TEAM

    hashed = PasswordHasher().hash(DEMO_PASSWORD)
    with ctx.workspace.engine.begin() as conn:
        admin = users.acting_user(conn, DEMO_ADMIN)
        names = [DEMO_ADMIN, *(name for name, _ in DEMO_TEAM)]
        for name in names:
            users.set_password_hash(conn, name, hashed, actor=admin)
    ctx.report("web", f"{len(names)} users can log in to 'reckon demo --serve'")
