"""Workspace users and the acting user of a command."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from reckon.errors import ConflictError, InputError, NotFoundError, WorkspaceError
from reckon.roles import Permission, Role, check
from reckon.store import audit
from reckon.store.schema import users
from reckon.store.types import utcnow


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role

    def require(self, permission: Permission) -> None:
        """Raise `PermissionDenied` unless this user's role grants ``permission``."""
        check(self.name, self.role, permission)


def _row_to_user(row: object) -> User:
    return User(id=row.id, name=row.name, role=Role(row.role))  # type: ignore[attr-defined]


def add_user(
    conn: Connection,
    name: str,
    role: Role | str,
    actor: User | None,
    password_hash: str | None = None,
) -> User:
    """Create a user; ``actor`` is None only for the workspace's first admin."""
    try:
        role = Role(role)
    except ValueError as exc:
        known = ", ".join(r.value for r in Role)
        raise InputError(f"'{role}' is not a role.", hint=f"Use one of: {known}.") from exc
    if actor is not None:
        actor.require(Permission.MANAGE_USERS)
    if conn.execute(select(users.c.id).where(users.c.name == name)).first() is not None:
        raise ConflictError(f"User '{name}' already exists.", hint="Choose another name.")
    result = conn.execute(
        users.insert().values(
            name=name,
            role=role.value,
            password_hash=password_hash,
            active=True,
            created_at=utcnow(),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    user = User(id=int(key[0]), name=name, role=role)
    audit.record(conn, actor or user, "user-added", "user", str(user.id), {"role": role.value})
    return user


def get_user(conn: Connection, name: str) -> User:
    row = conn.execute(select(users).where(users.c.name == name, users.c.active.is_(True))).first()
    if row is None:
        raise NotFoundError(f"There is no active user '{name}' in this workspace.")
    return _row_to_user(row)


def acting_user(conn: Connection, name: str) -> User:
    """The user a command acts as (from reckon.toml or RECKON_USER)."""
    try:
        return get_user(conn, name)
    except NotFoundError as exc:
        raise WorkspaceError(
            f"This workspace has no active user '{name}' to act as.",
            hint="Fix 'user' in reckon.toml or RECKON_USER, or have an admin run "
            f"'reckon user add {name} --role ROLE'.",
        ) from exc


def list_users(conn: Connection) -> list[tuple[User, bool]]:
    """Every user with whether their account is active."""
    rows = conn.execute(select(users).order_by(users.c.name)).all()
    return [(_row_to_user(row), bool(row.active)) for row in rows]


def set_password_hash(conn: Connection, name: str, password_hash: str, actor: User) -> None:
    """Set a user's web login password (its argon2 hash); admins only, or the user themself."""
    if actor.name != name:
        actor.require(Permission.MANAGE_USERS)
    user = get_user(conn, name)
    conn.execute(users.update().where(users.c.id == user.id).values(password_hash=password_hash))
    audit.record(conn, actor, "password-set", "user", str(user.id))


def password_hash(conn: Connection, name: str) -> str | None:
    value = conn.execute(select(users.c.password_hash).where(users.c.name == name)).scalar()
    return None if value is None else str(value)
