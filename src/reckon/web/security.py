"""Headers that keep every page to its own origin, and the rule that public pages set no cookies.

The Content-Security-Policy allows nothing from another origin: no fonts,
scripts, images, frames or form targets. Session cookies exist only under
``/work`` (the investigators' side); a response anywhere else has any
``Set-Cookie`` removed here, so that a public page cannot set one by mistake.
"""

from __future__ import annotations

from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS: Final[tuple[tuple[bytes, bytes], ...]] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # A visitor's click to another site must not tell it which person they looked up.
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
PRIVATE_PREFIXES: Final = ("/work", "/api/work")


def is_private_path(path: str) -> bool:
    """Whether ``path`` belongs to the investigators' side (login, sessions, cookies)."""
    return any(path == p or path.startswith(p + "/") for p in PRIVATE_PREFIXES)


class SecurityHeaders:
    """ASGI middleware: add the security headers; drop cookies outside the private side."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = is_private_path(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if private or k.lower() != b"set-cookie"
                ]
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                if private:
                    # Investigators' pages hold confidential material: never cache them.
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
