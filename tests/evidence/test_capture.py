"""`reckon capture` against a local HTTP server: WARC with headers, raw body, main text."""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from reckon.evidence import Locker, source_text, verify
from reckon.evidence.capture import capture
from reckon.store.schema import acquisitions, sources

from .conftest import PAGE


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/missing":
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>Not found</p></body></html>")
            return
        body = gzip.compress(PAGE.encode("utf-8"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Test", "kept")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_capture_keeps_the_raw_response_headers_time_and_text(locker: Locker, server: str) -> None:
    from warcio.archiveiterator import ArchiveIterator

    url = f"{server}/memorial/night"
    result = capture(locker, url)
    assert result.ok
    assert result.media_type == "application/warc"
    with locker.writing() as (conn, user):
        row = conn.execute(select(sources).where(sources.c.id == result.source_id)).mappings().one()
        acquisition = conn.execute(select(acquisitions)).mappings().one()
        text = source_text(locker, conn, user, row["id"])
    assert acquisition["method"] == "capture"
    assert acquisition["url"] == url
    assert text is not None
    assert "visiting hall" in text.text
    assert "Subscribe" not in text.text
    assert text.info["url"] == url
    records = list(ArchiveIterator(locker.blobs.open(row["blob_sha256"])))
    kinds = [r.rec_type for r in records]
    assert kinds == ["warcinfo", "request", "response"]
    response = records[2]
    assert response.http_headers.get_header("X-Test") == "kept"
    assert response.http_headers.get_header("Content-Encoding") == "gzip"
    assert response.rec_headers.get_header("WARC-Date").endswith("Z")
    assert verify(locker).ok


def test_capture_of_an_error_page_is_kept_with_a_warning(locker: Locker, server: str) -> None:
    result = capture(locker, f"{server}/missing")
    assert result.ok
    assert any("HTTP 404" in w for w in result.warnings)


def test_capture_refuses_what_is_not_a_web_address(locker: Locker) -> None:
    from reckon.errors import InputError

    with pytest.raises(InputError, match="not a web address"):
        capture(locker, "file:///etc/passwd")
    with pytest.raises(InputError, match="Could not fetch"):
        capture(locker, "http://127.0.0.1:9/nothing-listens-here")
