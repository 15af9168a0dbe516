"""The serve command: the web app over a workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from reckon.cli.app import app, console, open_workspace


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the memorial register and the investigators' workspace over HTTP."""
    from reckon.web import create_app
    from reckon.web.server import serve as run

    with open_workspace(ctx) as workspace:
        console.print(f"Serving {workspace.root} at http://{host}:{port}/ (no access log).")
        run(create_app(workspace), host, port)
