"""Commands that set up and describe a workspace: init, status, user."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from reckon.cli.app import app, console, open_workspace
from reckon.roles import Role
from reckon.store import status as store_status
from reckon.store import users
from reckon.workspace import init_workspace

user_app = typer.Typer(help="Manage workspace users and their roles.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new workspace.")] = Path("."),
    user: Annotated[
        str, typer.Option("--user", "-u", help="Your user name; you become the workspace admin.")
    ] = "admin",
) -> None:
    """Create a workspace: settings, a store and a blob folder."""
    workspace = init_workspace(directory, user, os.environ)
    with workspace:
        console.print(f"Created workspace {workspace.root} (store: {workspace.redacted_url}).")
        console.print(f"You act as '{user}' (admin).")


@app.command()
def status(ctx: typer.Context) -> None:
    """Count each kind of record in the workspace."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        counts = store_status.record_counts(conn)
        table = Table("records", "count", title=f"Workspace {workspace.root}")
        for name, count in counts.items():
            table.add_row(name, f"{count:,}")
        console.print(table)
        console.print(f"Store: {workspace.redacted_url}; acting user: {workspace.settings.user}")


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The new user's name.")],
    role: Annotated[Role, typer.Option("--role", help="What the user may do.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read a web login password from stdin.")
    ] = False,
) -> None:
    """Add a user with a role (admin only)."""
    password_hash = None
    if password_stdin:
        from argon2 import PasswordHasher

        password_hash = PasswordHasher().hash(sys.stdin.readline().rstrip("\n"))
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        users.add_user(conn, name, role, actor=actor, password_hash=password_hash)
    console.print(f"Added user '{name}' with role {role.value}.")


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """List users and their roles."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        table = Table("name", "role", "active")
        for user, active in users.list_users(conn):
            table.add_row(user.name, user.role.value, "yes" if active else "no")
        console.print(table)
