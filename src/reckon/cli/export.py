"""Commands that write what leaves the workspace: public exports, FtM, case files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from reckon.cli.app import app, console, err_console, open_workspace
from reckon.errors import InputError
from reckon.evidence.locker import Locker
from reckon.publish.items import ItemType
from reckon.publish.readers import ReadContext
from reckon.store import users


@app.command()
def export(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder (--public) or file (--ftm).")],
    public: Annotated[
        bool, typer.Option("--public", help="The published register: CSV, JSON Lines, dictionary.")
    ] = False,
    ftm: Annotated[
        bool, typer.Option("--ftm", help="Investigators' data as FollowTheMoney entities.")
    ] = False,
) -> None:
    """Export the public register (--public) or investigators' FtM entities (--ftm)."""
    if public == ftm:
        raise InputError("Choose one of --public or --ftm.")
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        locker = Locker.open(workspace)
        read = ReadContext(locker, conn, users.acting_user(conn, workspace.settings.user))
        if public:
            from reckon.publish.export.public import export_public

            report = export_public(read, out)
            counts = ", ".join(f"{n} {k}" for k, n in report.counts.items())
            console.print(f"Wrote the public register to {escape(str(out))}: {counts}.")
            missing = report.missing
        else:
            from reckon.publish.export.ftm import export_ftm

            ftm_report = export_ftm(locker, read, out)
            counts = ", ".join(f"{n} {k}" for k, n in sorted(ftm_report.counts.items()))
            console.print(f"Wrote FollowTheMoney entities to {escape(str(out))}: {counts}.")
            missing = ftm_report.missing
    for line in missing:
        err_console.print(f"note: not exported: {escape(line)}")


@app.command()
def dossier(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="The person's reference or the event's id.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The case file to write (FILE.pdf).")],
    event: Annotated[bool, typer.Option("--event", help="SUBJECT is an event.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="en or fa (Persian, right to left).")] = "en",
    include_confidential: Annotated[
        bool,
        typer.Option(
            "--include-confidential",
            help="Put confidential sources' content into the evidence package.",
        ),
    ] = False,
) -> None:
    """Write a case file PDF about a person or an event, with its evidence package."""
    from reckon.publish.dossier.build import write_dossier

    kind = ItemType.EVENT if event else ItemType.PERSON
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        locker = Locker.open(workspace)
        read = ReadContext(locker, conn, users.acting_user(conn, workspace.settings.user))
        files = write_dossier(read, kind, subject, out, lang, include_confidential)
    console.print(
        f"Wrote {escape(str(files.pdf))}: {len(files.dossier.claims)} claim(s), "
        f"{len(files.dossier.sources)} source(s)."
    )
    if files.package is not None:
        console.print(f"Evidence package: {escape(str(files.package))}")
    if not files.dossier.published:
        console.print("Not public under the publication rules: for investigators and lawyers only.")
