"""Roles and what each may do: the one place where permissions are decided."""

from __future__ import annotations

from enum import StrEnum

from reckon.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    INVESTIGATOR = "investigator"
    REVIEWER = "reviewer"


class Permission(StrEnum):
    MANAGE_USERS = "manage users"
    ADD_SOURCES = "add sources"
    READ_CONFIDENTIAL = "read confidential sources"
    REVEAL_IDENTITIES = "reveal witnesses and submitters"
    CODE_CLAIMS = "code claims"
    REVIEW_LINKS = "review record links"
    PUBLISH = "publish"
    ESTIMATE = "run estimates"
    EXPORT_INVESTIGATION = "export investigators' data"
    ERASE = "erase a person's data for ever"


ROLE_NAMES: tuple[str, ...] = tuple(r.value for r in Role)

_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.EDITOR: frozenset(
        {
            Permission.ADD_SOURCES,
            Permission.READ_CONFIDENTIAL,
            Permission.CODE_CLAIMS,
            Permission.REVIEW_LINKS,
            Permission.PUBLISH,
            Permission.ESTIMATE,
            Permission.EXPORT_INVESTIGATION,
        }
    ),
    Role.INVESTIGATOR: frozenset(
        {
            Permission.ADD_SOURCES,
            Permission.READ_CONFIDENTIAL,
            Permission.REVEAL_IDENTITIES,
            Permission.CODE_CLAIMS,
            Permission.REVIEW_LINKS,
            Permission.ESTIMATE,
            Permission.EXPORT_INVESTIGATION,
        }
    ),
    Role.REVIEWER: frozenset({Permission.REVIEW_LINKS}),
}


def allows(role: Role | str, permission: Permission) -> bool:
    return permission in _GRANTS[Role(role)]


def check(user_name: str, role: Role | str, permission: Permission) -> None:
    """Raise `PermissionDenied` unless ``role`` grants ``permission``."""
    if not allows(role, permission):
        raise PermissionDenied(
            f"User '{user_name}' (role {Role(role).value}) may not {permission.value}.",
            hint="Ask an admin to act, or to give you a role that allows it.",
        )
