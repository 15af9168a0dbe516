"""Capture a live web page as a WARC file and preserve it like any other source.

The response is kept as it came over the wire: the raw (still compressed)
body, the status line and headers, with the request that asked for it and the
UTC time, in a gzipped WARC (warcio). Only ``Transfer-Encoding`` is renamed
to ``X-Archive-Orig-Transfer-Encoding``, because httpx hands over the body
already de-chunked. The page is never executed; its main text is extracted
from the archived response like any WARC's.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from urllib.parse import urlsplit

from reckon import __version__
from reckon.errors import InputError, require
from reckon.evidence.locker import Locker
from reckon.evidence.sources import AddResult, SourceFacts, add_bytes
from reckon.roles import Permission

TIMEOUT_SECONDS = 60.0
USER_AGENT = f"reckon/{__version__} (evidence capture)"


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise InputError(
            f"'{url}' is not a web address.", hint="Give a full http:// or https:// URL."
        )
    return parts.netloc


def fetch_warc(url: str, limit: int, timeout: float = TIMEOUT_SECONDS) -> tuple[bytes, int]:
    """A gzipped WARC (warcinfo, request and response records) of ``url``; and the HTTP status."""
    httpx = require("httpx", "evidence", "Capturing web pages")
    require("warcio", "evidence", "Writing web archives")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    _check_url(url)
    captured = datetime.now(UTC)
    try:
        with (
            httpx.Client(  # type: ignore[attr-defined]
                follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            chunks = []
            size = 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > limit:
                    raise InputError(
                        f"{url} is larger than the limit of {limit:,} bytes (max_source_bytes)."
                    )
                chunks.append(chunk)
            body = b"".join(chunks)
            request = response.request
            http_version = response.http_version or "HTTP/1.1"
            status_line = f"{response.status_code} {response.reason_phrase}"
            headers = [
                (
                    "X-Archive-Orig-Transfer-Encoding"
                    if k.decode("latin-1").lower() == "transfer-encoding"
                    else k.decode("latin-1"),
                    v.decode("latin-1"),
                )
                for k, v in response.headers.raw
            ]
            final_url = str(response.url)
            request_headers = [
                (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
            ]
            request_target = request.url.raw_path.decode("latin-1")
            status = response.status_code
    except httpx.HTTPError as exc:  # type: ignore[attr-defined]
        raise InputError(f"Could not fetch {url} ({type(exc).__name__}: {exc}).") from exc
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    date = captured.strftime("%Y-%m-%dT%H:%M:%SZ")
    info = writer.create_warcinfo_record(
        "capture.warc.gz",
        {"software": f"reckon {__version__} (httpx, warcio)", "format": "WARC File Format 1.1"},
    )
    writer.write_record(info)
    http_request = StatusAndHeaders(
        f"GET {request_target} {http_version}", request_headers, is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(
            final_url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=http_request,
            warc_headers_dict={"WARC-Date": date},
        )
    )
    http_response = StatusAndHeaders(status_line, headers, protocol=http_version)
    writer.write_record(
        writer.create_warc_record(
            final_url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_response,
            warc_headers_dict={"WARC-Date": date},
        )
    )
    return out.getvalue(), status


def capture(locker: Locker, url: str, facts: SourceFacts | None = None) -> AddResult:
    """Fetch ``url`` now and preserve the response as a WARC source with its text."""
    facts = facts or SourceFacts()
    with locker.reading() as (_conn, user):
        user.require(Permission.ADD_SOURCES)
    host = _check_url(url)
    data, status = fetch_warc(url, locker.max_source_bytes)
    import httpx

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    result = add_bytes(
        locker,
        data,
        f"capture-{host}-{stamp}.warc.gz",
        SourceFacts(
            **{
                **facts.__dict__,
                "url": url,
                "method": "capture",
                "tool": f"reckon capture (httpx {httpx.__version__})",
            }
        ),
    )
    if status >= 400:
        result.warnings.append(
            f"{url} answered HTTP {status}; the response was preserved as it is."
        )
    return result
