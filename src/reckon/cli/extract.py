"""The extract command: propose mentions and claims from a text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from reckon.cli.app import app, console
from reckon.extract.pipeline import extract_text
from reckon.extract.text import read_text


@app.command()
def extract(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(help="A file (text, Markdown, HTML, PDF) or a workspace source id.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Propose mentions (people, places, organisations, dates) and claims from a text."""
    path = Path(target)
    stored: int | None = None
    if path.exists() or not target.isdigit():
        result = extract_text(read_text(path))
    else:
        from reckon.claims.coding import propose_from_source
        from reckon.cli.app import open_workspace

        with open_workspace(ctx) as workspace:
            proposed = propose_from_source(workspace, int(target))
        result = proposed.extraction
        stored = len(proposed.new_claims)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    mentions = Table("type", "text", "normalized", "at", title="Mentions")
    for m in result.mentions:
        mentions.add_row(m.type.value, " ".join(m.text.split()), m.normalized, f"{m.start}–{m.end}")
    console.print(mentions)
    claims = Table(
        "kind", "victim", "alleged perpetrator", "place", "date", "quote", title="Claims"
    )
    for c in result.as_json()["claims"]:
        quote = " ".join(c["quote"].split())
        claims.add_row(
            c["type"], c["victim"] or "", c["perpetrator"] or "", c["place"] or "",
            c["date"] or "", quote if len(quote) < 90 else quote[:87] + "…",
        )  # fmt: skip
    console.print(claims)
    if stored is not None:
        console.print(f"Stored {stored} new proposed claims; review them with 'reckon claims'.")
