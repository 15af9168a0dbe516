"""The demo command."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from reckon.cli.app import app, console
from reckon.demo import run_demo


@app.command()
def demo(
    directory: Annotated[
        Path, typer.Option("--dir", help="Folder for the demo workspace (rebuilt each run).")
    ] = Path("reckon-demo"),
    serve: Annotated[
        bool, typer.Option("--serve", help="Then serve the demo workspace in the web app.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve.")] = 8000,
) -> None:
    """Build a demo workspace from fictional data and run every pipeline stage on it."""
    started = time.perf_counter()
    ctx = run_demo(directory, os.environ, progress=lambda name: console.print(f"… {name}"))
    table = Table("stage", "result", title="reckon demo (fictional data)")
    for stage, line in ctx.summary:
        table.add_row(stage, escape(line))  # lines name extras like reckon[pdf]
    console.print(table)
    console.print(
        f"Demo workspace: {ctx.workspace.root} ({time.perf_counter() - started:.1f} s). "
        f"Explore it with: reckon --workspace {directory} status"
    )
    if serve:
        from reckon.demo.serve import serve_demo

        serve_demo(directory, port, console.print)
