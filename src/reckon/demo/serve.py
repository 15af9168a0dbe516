"""Serve a demo workspace in the web app (``reckon demo --serve``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reckon.demo.stage_web import DEMO_PASSWORD
from reckon.workspace import Workspace


def serve_demo(directory: Path, port: int, say: Callable[[str], object]) -> None:
    """Open the demo workspace made by `run_demo` and serve it on localhost until interrupted."""
    from reckon.web import create_app
    from reckon.web.server import serve

    env = dict(os.environ)
    env.pop("RECKON_DATABASE_URL", None)
    env.pop("RECKON_USER", None)
    env.setdefault("RECKON_PASSPHRASE", "demo passphrase, not for real use")
    with Workspace.open(directory, env) as workspace:
        say(f"reckon demo is served at http://127.0.0.1:{port}/ (Ctrl-C to stop).")
        say(
            f"Investigators log in at http://127.0.0.1:{port}/work/login, e.g. as "
            f"maryam.editor with the demo password '{DEMO_PASSWORD}'."
        )
        serve(create_app(workspace), "127.0.0.1", port)
