"""The ``reckon`` command line: thin commands over the library."""

from reckon.cli import (
    claims,
    core,
    demo,
    estimate,
    evidence,
    export,
    extract,
    link,
    names,
    publish,
    search,
    web,
)
from reckon.cli.app import app

__all__ = ["app", "main"]

# Command modules register themselves on `app` when imported.
_COMMAND_MODULES = (
    claims,
    core,
    demo,
    estimate,
    evidence,
    export,
    extract,
    link,
    names,
    publish,
    search,
    web,
)


def main() -> None:
    """Entry point of the ``reckon`` console script."""
    app(prog_name="reckon")
