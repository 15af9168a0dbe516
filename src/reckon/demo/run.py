"""Build a demo workspace from the bundled fictional data and run each stage on it.

The demo data (``reckon/demo/data``) is synthetic: fictional victims, witnesses
and officials modelled on the 1988 prison executions in Iran. Each stage of the
pipeline adds a function to `STAGES`; the demo runs them in order and prints
what each produced.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from reckon.errors import WorkspaceError
from reckon.roles import Role
from reckon.store import users
from reckon.workspace import CONFIG_NAME, Workspace, init_workspace

DEMO_MARKER = ".reckon-demo"
DEMO_ADMIN = "demo-admin"
# Two editors and an investigator, because publishing an allegation takes two people.
DEMO_TEAM: tuple[tuple[str, Role], ...] = (
    ("maryam.editor", Role.EDITOR),
    ("daniel.editor", Role.EDITOR),
    ("sara.investigator", Role.INVESTIGATOR),
    ("omid.reviewer", Role.REVIEWER),
)


@dataclass
class DemoContext:
    """What every stage gets: the workspace, the bundled data and a place to report."""

    workspace: Workspace
    data: Path
    summary: list[tuple[str, str]] = field(default_factory=list)
    results: dict[str, object] = field(default_factory=dict)

    def report(self, stage: str, line: str) -> None:
        self.summary.append((stage, line))


Stage = Callable[[DemoContext], None]


def data_dir() -> Path:
    """The folder of bundled demo data inside the installed package."""
    return Path(str(resources.files("reckon.demo") / "data"))


def _prepare_folder(directory: Path) -> None:
    if directory.exists() and any(directory.iterdir()):
        if not (directory / DEMO_MARKER).is_file():
            raise WorkspaceError(
                f"{directory} exists and is not a demo workspace; the demo will not overwrite it.",
                hint="Choose another folder with --dir.",
            )
        shutil.rmtree(directory)


def stage_workspace(ctx: DemoContext) -> None:
    with ctx.workspace.engine.begin() as conn:
        admin = users.acting_user(conn, DEMO_ADMIN)
        for name, role in DEMO_TEAM:
            users.add_user(conn, name, role, actor=admin)
        team = users.list_users(conn)
    ctx.report(
        "workspace",
        f"created {ctx.workspace.root} with {len(team)} users "
        f"({', '.join(sorted({u.role.value for u, _ in team}))})",
    )


def _stage_evidence(ctx: DemoContext) -> None:
    from reckon.demo.stage_evidence import stage_evidence

    stage_evidence(ctx)


def _stage_names(ctx: DemoContext) -> None:
    from reckon.demo.stage_names import stage_names

    stage_names(ctx)


def _stage_linkage(ctx: DemoContext) -> None:
    from reckon.demo.stage_linkage import stage_linkage

    stage_linkage(ctx)


def _stage_claims(ctx: DemoContext) -> None:
    from reckon.demo.stage_claims import stage_claims

    stage_claims(ctx)


def _stage_publish(ctx: DemoContext) -> None:
    from reckon.demo.stage_publish import stage_publish

    stage_publish(ctx)


def _stage_estimate(ctx: DemoContext) -> None:
    from reckon.demo.stage_estimate import stage_estimate

    stage_estimate(ctx)


def _stage_web(ctx: DemoContext) -> None:
    from reckon.demo.stage_web import stage_web

    stage_web(ctx)


STAGES: list[tuple[str, Stage]] = [
    ("workspace", stage_workspace),
    ("evidence", _stage_evidence),
    ("names", _stage_names),
    ("linkage", _stage_linkage),
    ("claims", _stage_claims),
    ("estimate", _stage_estimate),
    ("publish", _stage_publish),
    ("web", _stage_web),
]


def run_demo(
    directory: Path,
    env: Mapping[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoContext:
    """Create a fresh demo workspace in ``directory`` and run every stage on it."""
    env = dict(os.environ if env is None else env)
    # The demo is always self-contained: its own SQLite store and a known passphrase.
    env.pop("RECKON_DATABASE_URL", None)
    env.pop("RECKON_USER", None)
    env.setdefault("RECKON_PASSPHRASE", "demo passphrase, not for real use")
    _prepare_folder(directory)
    workspace = init_workspace(directory, DEMO_ADMIN, env)
    (workspace.root / DEMO_MARKER).write_text(
        "This workspace was made by 'reckon demo' from fictional data.\n", encoding="utf-8"
    )
    assert (workspace.root / CONFIG_NAME).is_file()
    ctx = DemoContext(workspace=workspace, data=data_dir())
    try:
        for name, stage in STAGES:
            if progress is not None:
                progress(name)
            stage(ctx)
    finally:
        workspace.close()
    return ctx
