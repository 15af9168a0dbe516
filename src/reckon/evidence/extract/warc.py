"""Web archives (WARC, WACZ): the main text of the archived page.

The archive is kept whole as the source; its text is that of the first HTML
response it holds (the page that was captured), through the HTML extractor.
Decompression is capped so that a small archive cannot expand without bound.
"""

from __future__ import annotations

import io
import zipfile

from reckon.errors import require
from reckon.evidence.extract import Extraction, ExtractionFailed
from reckon.evidence.extract.html import extract_html

# A zip member that expands more than this many times is treated as a bomb.
MAX_RATIO = 200


def _first_html(stream: io.BufferedIOBase | io.BytesIO, limit: int) -> tuple[bytes, dict[str, str]]:
    require("warcio", "evidence", "Reading web archives")
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if "html" not in content_type.lower():
            continue
        body = record.content_stream().read(limit + 1)
        if len(body) > limit:
            raise ExtractionFailed(
                "the archived page decompresses to more than the size limit "
                "(a possible decompression bomb); the archive was kept but not read."
            )
        info = {
            "url": record.rec_headers.get_header("WARC-Target-URI") or "",
            "captured": record.rec_headers.get_header("WARC-Date") or "",
            "http_status": record.http_headers.get_statuscode() or "",
        }
        return body, info
    raise ExtractionFailed("the archive holds no HTML page.")


def _from_archive(stream: io.BufferedIOBase | io.BytesIO, limit: int, kind: str) -> Extraction:
    body, info = _first_html(stream, limit)
    page = extract_html(body, url=info.get("url") or None)
    merged = {**{k: v for k, v in info.items() if v}, **page.info}
    return Extraction(f"{kind}+{page.extractor}", page.version, page.text, info=merged)


def extract_warc(data: bytes, limit: int) -> Extraction:
    return _from_archive(io.BytesIO(data), limit, "warc")


def extract_wacz(data: bytes, limit: int) -> Extraction:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if m.filename.startswith("archive/")]
        if not members:
            raise ExtractionFailed("the WACZ file has no archive/ folder.")
        total = sum(m.file_size for m in archive.infolist())
        for member in archive.infolist():
            if member.file_size > limit or total > 10 * limit:
                raise ExtractionFailed(
                    "the WACZ file expands beyond the size limit (a possible decompression "
                    "bomb); the file was kept but not read."
                )
            if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
                raise ExtractionFailed(
                    f"{member.filename} expands {member.file_size // member.compress_size}× "
                    "(a possible decompression bomb); the file was kept but not read."
                )
        for member in sorted(members, key=lambda m: m.filename):
            if not member.filename.endswith((".warc", ".warc.gz")):
                continue
            with archive.open(member) as handle:
                data_member = handle.read(limit + 1)
            try:
                return _from_archive(io.BytesIO(data_member), limit, "wacz")
            except ExtractionFailed:
                continue
    raise ExtractionFailed("the WACZ file holds no archived HTML page.")
