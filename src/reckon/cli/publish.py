"""Commands that decide what is public: publish, withdraw, correct, withhold, disclose."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from reckon.cli.app import app, console, open_workspace
from reckon.publish import records
from reckon.publish import withhold as withholding
from reckon.publish.rules import Override, Rules
from reckon.store import users

TypeArg = Annotated[str, typer.Argument(help="person, claim, event, involvement or estimate.")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why (kept in the audit log).")]


@app.command()
def publish(
    ctx: typer.Context,
    item_type: TypeArg,
    item_ids: Annotated[list[str], typer.Argument(help="Ids of the items to publish.")],
    override_reason: Annotated[
        str | None,
        typer.Option(
            "--override-reason",
            help="Publish an allegation on fewer independent sources than the rule asks, and why.",
        ),
    ] = None,
    legal_review: Annotated[
        bool, typer.Option("--legal-review", help="Flag the override for legal review.")
    ] = False,
    note: Annotated[
        str | None, typer.Option("--note", help="A note kept with the decision.")
    ] = None,
) -> None:
    """Publish items under the publication rules (editors)."""
    override = None
    if override_reason is not None or legal_review:
        override = Override(override_reason or "", legal_review)
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        if len(item_ids) == 1:
            records.publish(
                conn,
                actor,
                item_type,
                item_ids[0],
                rules=Rules.from_settings(workspace.settings),
                override=override,
                note=note,
            )
            made = 1
        else:
            if override is not None:
                from reckon.errors import InputError

                raise InputError("An override applies to one item at a time.")
            made = len(records.publish_many(conn, actor, item_type, item_ids, note=note))
    console.print(f"Published {made} {item_type} item(s).")


@app.command()
def withdraw(
    ctx: typer.Context,
    item_type: TypeArg,
    item_id: Annotated[str, typer.Argument(help="The published item's id.")],
    reason: ReasonOpt,
) -> None:
    """Take a published item off every public output (editors)."""
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        records.withdraw(conn, actor, item_type, item_id, reason)
    console.print(f"Withdrew {item_type} {escape(item_id)}.")


@app.command()
def correct(
    ctx: typer.Context,
    item_type: TypeArg,
    item_id: Annotated[str, typer.Argument(help="The published item's id.")],
    reason: ReasonOpt,
) -> None:
    """Mark a published item as corrected, with the correction shown beside it (editors)."""
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        records.correct(conn, actor, item_type, item_id, reason)
    console.print(f"Marked {item_type} {escape(item_id)} as corrected.")


@app.command()
def publications(
    ctx: typer.Context,
    item_type: Annotated[
        str | None, typer.Option("--type", help="Only items of this type.")
    ] = None,
) -> None:
    """List publication decisions and the persons withheld from public view."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        table = Table("id", "item", "status", "by", "at", "override / change")
        for pub in records.history(conn, item_type):
            remark = pub.change_reason or ""
            if pub.override_reason:
                remark = f"override (legal review): {pub.override_reason}. {remark}".strip()
            table.add_row(
                str(pub.id),
                f"{pub.item_type.value} {escape(pub.item_id)}",
                pub.status,
                pub.published_by,
                pub.published_at.strftime("%Y-%m-%d %H:%M"),
                escape(remark),
            )
        console.print(table)
        held = withholding.withholds(conn)
        if held:
            console.print(f"Withheld from every public output: {len(held)} person(s).")
            for item in held:
                console.print(
                    f"  {escape(item.person_ref)}: {escape(item.reason)} ({item.recorded_by})"
                )


@app.command()
def withhold(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person's reference.")],
    reason: ReasonOpt,
    lift: Annotated[bool, typer.Option("--lift", help="End the withhold instead.")] = False,
) -> None:
    """Withhold a person from every public output, e.g. at the family's request (editors)."""
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        if lift:
            withholding.lift_withhold(conn, actor, person, reason)
        else:
            withholding.withhold(conn, actor, person, reason)
    verb = "No longer withholding" if lift else "Withheld"
    console.print(f"{verb} person {escape(person)}.")


@app.command()
def disclose(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person's reference.")],
    field: Annotated[str, typer.Argument(help="The private field to show, e.g. father_name.")],
    reason: Annotated[str, typer.Option("--reason", help="Who asked and why.")] = "",
    revoke: Annotated[bool, typer.Option("--revoke", help="Make the field private again.")] = False,
) -> None:
    """Show a private field of a person publicly because the family asked (editors)."""
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        if revoke:
            withholding.revoke_disclosure(conn, actor, person, field)
        else:
            withholding.disclose(conn, actor, person, field, reason)
    state = "private again" if revoke else "shown publicly"
    console.print(f"Field {escape(field)} of person {escape(person)} is {state}.")


@app.command()
def shred(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person's reference.")],
    reason: ReasonOpt,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase a person's personal data for ever by destroying their key (admins)."""
    from reckon.publish.erasure import PersonVault

    if not yes:
        typer.confirm(
            f"Erase the personal data of {person} for ever, in this store and every backup?",
            abort=True,
        )
    with open_workspace(ctx) as workspace:
        with workspace.engine.connect() as conn:
            actor = users.acting_user(conn, workspace.settings.user)
        report = PersonVault.for_workspace(workspace).shred(workspace, actor, person, reason)
    console.print(
        f"Shredded person {escape(person)}: {report.fields_erased} field(s) of "
        f"{len(report.subjects)} record(s) erased; erasure key epoch {report.epoch}. "
        "Copy keys/ to your key backup now (docs/erasure.md)."
    )
