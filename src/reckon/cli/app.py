"""The Typer app every command module registers on, and the shared CLI plumbing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from reckon import __version__
from reckon.errors import ReckonError
from reckon.workspace import Workspace

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@dataclass
class State:
    """Options given before the command name."""

    workspace: Path | None = None
    debug: bool = False


class ReckonGroup(TyperGroup):
    """Turns a `ReckonError` into one clear line on stderr and its exit code."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ReckonError as exc:
            state = ctx.obj if isinstance(ctx.obj, State) else State()
            if state.debug:
                raise
            err_console.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return sorted(super().list_commands(ctx))


app = typer.Typer(
    cls=ReckonGroup,
    name="reckon",
    help="Document mass atrocities: preserve sources, code claims, reconcile victim lists, "
    "estimate the uncounted, and publish with care.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        console.print(f"reckon {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            "-w",
            help="Workspace folder (else RECKON_WORKSPACE, else the current folder).",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = State(workspace=workspace, debug=debug)


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def open_workspace(ctx: typer.Context) -> Workspace:
    """Open the workspace named by --workspace, RECKON_WORKSPACE or the current folder."""
    return Workspace.open(state(ctx).workspace, os.environ)
