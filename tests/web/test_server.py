"""`reckon serve` runs uvicorn with no access log: nothing ties a request to an address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from reckon.web import create_app
from reckon.web.server import LOG_CONFIG, uvicorn_config
from reckon.workspace import Workspace

from .conftest import free_port, live_server, wait_until


def test_uvicorn_is_configured_without_access_log(workspace: Workspace) -> None:
    config = uvicorn_config(create_app(workspace), "127.0.0.1", 8123)
    assert config.access_log is False
    assert config.proxy_headers is False
    assert LOG_CONFIG["loggers"]["uvicorn.access"]["handlers"] == []


def _accepts(port: int) -> bool:
    """Whether something listens on the port (uvicorn listens once the app has started)."""
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_reckon_serve_logs_no_request(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    ws = str(tmp_path / "ws")
    subprocess.run(
        [sys.executable, "-c", "from reckon.cli import main; main()", "init", ws],
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from reckon.cli import main; main()",
            "-w",
            ws,
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Ready when the port accepts (however long a loaded machine takes), or failed when the
        # process is gone; only then the requests whose absence from the log is the test.
        wait_until(lambda: server.poll() is not None or _accepts(port), "reckon serve")
        if server.poll() is not None:
            pytest.fail(f"reckon serve exited before it served anything: {server.communicate()}")
        url = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{url}/search?q=Karimi", timeout=60) as answer:
            body = answer.read().decode()
        assert "<html" in body
        with urllib.request.urlopen(f"{url}/?lang=fa", timeout=60):
            pass
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    log = out + err
    assert "Serving" in out
    assert "GET /" not in log
    assert "Karimi" not in log
    assert "127.0.0.1:" not in log.replace(f"http://127.0.0.1:{port}", "")


def test_the_browser_tests_live_server_serves_a_workspace_and_stops(workspace: Workspace) -> None:
    with live_server(workspace) as base, urllib.request.urlopen(f"{base}/?lang=fa") as answer:
        assert answer.status == 200
    assert not _accepts(int(base.rsplit(":", 1)[1]))
