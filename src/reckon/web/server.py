"""Run the web app with uvicorn, with no access log: reckon keeps no record of who asked what."""

from __future__ import annotations

from typing import Any, Final

import uvicorn
from fastapi import FastAPI

# uvicorn's own logging, minus its access logger (which writes each client's IP address).
LOG_CONFIG: Final[dict[str, Any]] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "reckon": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def uvicorn_config(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> uvicorn.Config:
    """The uvicorn settings reckon serves with: access log off, no proxy headers, no banner."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,
        log_config=LOG_CONFIG,
        # X-Forwarded-For carries client addresses; reckon has no use for them.
        proxy_headers=False,
        server_header=False,
        date_header=False,
    )


def serve(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` until interrupted."""
    uvicorn.Server(uvicorn_config(app, host, port)).run()
