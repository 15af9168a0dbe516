"""``reckon search``: the name search index (rebuild it)."""

from __future__ import annotations

import typer

from reckon.cli.app import app, console, open_workspace
from reckon.store.users import acting_user

search_app = typer.Typer(help="The name search index behind /search.", no_args_is_help=True)
app.add_typer(search_app, name="search")


@search_app.command("reindex")
def reindex(ctx: typer.Context) -> None:
    """Rebuild the name search index from the person records (sealed under a new index key)."""
    from reckon.search.sync import rebuild

    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        entries = rebuild(conn, acting_user(conn, workspace.settings.user))
    console.print(f"Indexed {entries} name(s) for search.")
