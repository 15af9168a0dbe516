"""`reckon serve` runs uvicorn with no access log: nothing ties a request to an address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from reckon.web import create_app
from reckon.web.server import LOG_CONFIG, uvicorn_config
from reckon.workspace import Workspace


def test_uvicorn_is_configured_without_access_log(workspace: Workspace) -> None:
    config = uvicorn_config(create_app(workspace), "127.0.0.1", 8123)
    assert config.access_log is False
    assert config.proxy_headers is False
    assert LOG_CONFIG["loggers"]["uvicorn.access"]["handlers"] == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_reckon_serve_logs_no_request(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    ws = str(tmp_path / "ws")
    subprocess.run(
        [sys.executable, "-c", "from reckon.cli import main; main()", "init", ws],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
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
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=Karimi") as answer:
                    body = answer.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert "<html" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/?lang=fa"):
            pass
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    log = out + err
    assert "Serving" in out
    assert "GET /" not in log
    assert "Karimi" not in log
    assert "127.0.0.1:" not in log.replace(f"http://127.0.0.1:{port}", "")
