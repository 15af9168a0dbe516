"""Investigators' sessions in signed cookies, CSRF tokens, and password checks.

A session is a signed, time-limited cookie holding a random session id and
(after login) the user's name; the user's role is read from the store on every
request, so that a changed role or a deactivated account takes effect at once.
The cookie is ``__Host-`` prefixed: Secure, HttpOnly, SameSite=Strict, Path=/.
Only the investigators' side sets it (see `reckon.web.security`).

Every form carries a CSRF token: on the investigators' side an HMAC of the
session id; on the public submission form, which has no session and no cookie,
a signed timestamped nonce.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import Connection

from reckon.errors import NotFoundError, PermissionDenied
from reckon.store import users
from reckon.store.users import User

COOKIE_NAME: Final = "__Host-reckon-session"
SESSION_SECONDS: Final = 8 * 3600
FORM_TOKEN_SECONDS: Final = 4 * 3600
_HASHER = PasswordHasher()
# Verified against when the user does not exist, so that timing does not reveal names.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


class CSRFError(PermissionDenied):
    """A form arrived without a valid token (an old page, or a request from another site)."""


def load_secret(path: Path) -> bytes:
    """The workspace's web signing key, made on first use (readable by its owner only)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key)
        return key


@dataclass(frozen=True)
class Session:
    sid: str
    user: str | None = None

    @classmethod
    def anonymous(cls) -> Session:
        return cls(sid=secrets.token_urlsafe(24))


class Signer:
    """Signs sessions and form tokens with the workspace's web key."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret
        self._sessions = URLSafeTimedSerializer(secret, salt="reckon.session")
        self._forms = TimestampSigner(secret, salt="reckon.public-form")

    def dump_session(self, session: Session) -> str:
        return self._sessions.dumps({"sid": session.sid, "user": session.user})

    def load_session(self, cookie: str | None) -> Session | None:
        if not cookie:
            return None
        try:
            data = self._sessions.loads(cookie, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("sid"), str):
            return None
        user = data.get("user")
        return Session(sid=data["sid"], user=user if isinstance(user, str) else None)

    def csrf_token(self, session: Session) -> str:
        return hmac.new(self._secret, f"csrf:{session.sid}".encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, session: Session | None, token: str | None) -> None:
        if session is None or not token or not hmac.compare_digest(self.csrf_token(session), token):
            raise CSRFError(
                "This form has expired or did not come from this site.",
                hint="Go back, reload the page and send the form again.",
            )

    def public_form_token(self) -> str:
        return self._forms.sign(secrets.token_urlsafe(12)).decode()

    def check_public_form_token(self, token: str | None) -> None:
        try:
            self._forms.unsign(token or "", max_age=FORM_TOKEN_SECONDS)
        except BadSignature as exc:
            raise CSRFError(
                "This form has expired or did not come from this site.",
                hint="Open the form again and resend what you wrote.",
            ) from exc


def authenticate(conn: Connection, name: str, password: str) -> User:
    """The active user with this name and password, or `PermissionDenied` (same message for both)."""
    stored = users.password_hash(conn, name) if name else None
    try:
        _HASHER.verify(stored or _DUMMY_HASH, password)
        ok = stored is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if ok:
        # An inactive user gets the same answer as a wrong password.
        with contextlib.suppress(NotFoundError):
            return users.get_user(conn, name)
    raise PermissionDenied(
        "The user name or password is wrong.",
        hint="Check both and try again; an admin sets passwords with 'reckon user add'.",
    )
