"""Every investigators' route checks the caller's role; every API route refuses what it may not see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from reckon.roles import Permission, Role, allows
from reckon.web.deps import signed_in
from reckon.web.security import is_private_path

# The only private routes open to anyone: the login form and its answer.
OPEN_PRIVATE = {("GET", "/work/login"), ("POST", "/work/login")}


def _calls(dependant: Any) -> Iterator[Any]:
    for dep in dependant.dependencies:
        yield dep.call
        yield from _calls(dep)


def api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Every API route, also inside included routers (reckon's routers have no prefix)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):
            yield from api_routes(route.original_router.routes)


def _private_routes(app: FastAPI) -> list[tuple[str, str, Permission | None]]:
    found = []
    for route in api_routes(app.routes):
        if not is_private_path(route.path):
            continue
        for method in sorted(route.methods):
            if (method, route.path) in OPEN_PRIVATE:
                continue
            calls = list(_calls(route.dependant))
            permissions = [
                c.required_permission for c in calls if hasattr(c, "required_permission")
            ]
            assert signed_in in calls, f"{method} {route.path} does not check who is signed in"
            found.append((method, route.path, permissions[0] if permissions else None))
    return found


def test_every_private_route_checks_login_and_role(app: FastAPI) -> None:
    routes = _private_routes(app)
    assert ("GET", "/api/work/submissions", Permission.READ_CONFIDENTIAL) in routes
    assert len(routes) >= 4


def test_every_public_route_is_under_a_public_prefix(app: FastAPI) -> None:
    # A route is private by its path; a public path must not hold investigators' data.
    paths = [route.path for route in api_routes(app.routes)]
    assert "/search" in paths
    assert "/api/search" in paths
    for route in api_routes(app.routes):
        if not is_private_path(route.path):
            calls = list(_calls(route.dependant))
            assert signed_in not in calls, route.path


def test_anonymous_callers_get_401_from_every_private_api_route(
    app: FastAPI, client: TestClient
) -> None:
    for method, path, _ in _private_routes(app):
        if path.startswith("/api/") and "{" not in path:
            assert client.request(method, path).status_code == 401, path


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_what_it_may_see(
    app: FastAPI, login_as: Callable[[Role], TestClient], role: Role
) -> None:
    client = login_as(role)
    for method, path, permission in _private_routes(app):
        if method != "GET" or "{" in path:
            continue
        status = client.get(path, follow_redirects=False).status_code
        allowed = permission is None or allows(role, permission)
        assert status == (200 if allowed else 403), (role, path, status)
