"""Helpers for testing the web app (used by reckon's tests; handy for deployments' own checks)."""

from __future__ import annotations

import re
from typing import Any, Protocol


class _Client(Protocol):
    def get(self, url: str, **kwargs: Any) -> Any: ...

    def post(self, url: str, **kwargs: Any) -> Any: ...


def csrf_of(html: str) -> str:
    """The CSRF token of the first form in ``html``."""
    found = re.search(r'name="(?:csrf|token)" value="([^"]+)"', html)
    if found is None:
        raise AssertionError("the page has no form token")
    return found.group(1)


def login(client: _Client, name: str, password: str) -> None:
    """Log ``client`` in through the login form, as a browser would."""
    form = client.get("/work/login")
    response = client.post(
        "/work/login",
        data={"name": name, "password": password, "csrf": csrf_of(form.text)},
        follow_redirects=False,
    )
    if response.status_code != 303:
        raise AssertionError(f"login as {name} failed ({response.status_code})")
