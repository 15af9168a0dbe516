"""The errors reckon raises, one tree rooted in `ReckonError`.

::

    ReckonError                  anything reckon reports to a user
    ├── UserError                the user can fix it (exit code 2, HTTP 400)
    │   ├── WorkspaceError       no workspace, or a broken one
    │   ├── InputError           a bad file, row, argument or value
    │   ├── NotFoundError        an id that names nothing (HTTP 404)
    │   ├── ConflictError        the action clashes with the stored state (HTTP 409)
    │   ├── PermissionDenied     the acting user's role does not allow it (HTTP 403)
    │   ├── LockedError          protected content without the passphrase (HTTP 403)
    │   └── MissingExtra         an optional part is not installed
    └── IntegrityError           stored evidence failed a check (exit code 1, HTTP 500)

Every message says what is wrong and what to do about it, in one sentence or two.
`ReckonWarning` is the warning category for reckon's own warnings (tests turn
them into errors).
"""

from __future__ import annotations


class ReckonError(Exception):
    """Base of every error reckon reports to a user."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message if hint is None else f"{message} {hint}")

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message} {self.hint}"


class UserError(ReckonError):
    """Something the user asked for cannot be done as asked; they can fix it."""

    exit_code = 2
    http_status = 400


class WorkspaceError(UserError):
    """No workspace where one was expected, or a workspace that cannot be opened."""


class InputError(UserError):
    """A file, row, argument or value that reckon cannot accept."""


class NotFoundError(UserError):
    """An identifier that names nothing in the workspace."""

    http_status = 404


class ConflictError(UserError):
    """The action contradicts what is already stored."""

    http_status = 409


class PermissionDenied(UserError):
    """The acting user's role does not allow the action."""

    http_status = 403


class LockedError(UserError):
    """Protected content was asked for without the passphrase that unlocks it."""

    http_status = 403


class MissingExtra(UserError):
    """An optional dependency is not installed."""

    def __init__(self, extra: str, package: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the '{package}' package, which is not installed.",
            hint=f'Install it with: pip install "reckon[{extra}]"',
        )
        self.extra = extra


class IntegrityError(ReckonError):
    """Stored evidence or the custody log failed a check."""

    exit_code = 1


class ReckonWarning(UserWarning):
    """A warning raised by reckon itself."""


def require(module: str, extra: str, purpose: str) -> object:
    """Import an optional module, or raise `MissingExtra` naming the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(extra, module.split(".")[0], purpose) from exc
