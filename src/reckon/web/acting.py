"""Acting as the signed-in user: library calls record what they do under that user's name.

The library reads the acting user from the workspace's settings (as the CLI
does); a web request acts for the signed-in investigator, so each write gets a
shallow copy of the workspace whose ``user`` is theirs. The copy shares the
engine, the blob store and the app's unlocked keyring.
"""

from __future__ import annotations

import copy

from reckon.evidence import Locker
from reckon.store.users import User
from reckon.web.i18n import Locale
from reckon.web.sessions import Session, Signer
from reckon.web.templating import Chrome
from reckon.workspace import Workspace


def acting_locker(locker: Locker, user: User) -> Locker:
    """The app's locker acting as ``user``."""
    workspace: Workspace = copy.copy(locker.workspace)
    workspace.settings = workspace.settings.with_overrides(user=user.name)
    return Locker(workspace, locker.keyring)


def work_chrome(
    loc: Locale, path: str, user: User, session: Session | None, signer: Signer
) -> Chrome:
    """The chrome of an investigators' page: who is signed in and the form token."""
    assert session is not None  # a signed-in user always has a session
    return Chrome(loc=loc, path=path, user=user, csrf=signer.csrf_token(session))
