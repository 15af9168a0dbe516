"""Media type of a file from its first bytes, the file name only breaking ties.

A renamed file is still recognised: a PDF called ``notes.txt`` is a PDF. Only
text formats that have no signature (CSV, Markdown) use the suffix, and only
once the bytes are known to be text.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import PurePath

OCTET = "application/octet-stream"
HTML = "text/html"
PDF = "application/pdf"
WARC = "application/warc"
WACZ = "application/wacz"
CSV = "text/csv"
MARKDOWN = "text/markdown"
PLAIN = "text/plain"
JSON = "application/json"
ZIP = "application/zip"

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, PDF),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"BM", 0, "image/bmp"),
    (b"WARC/", 0, WARC),
    (b"ID3", 0, "audio/mpeg"),
    (b"fLaC", 0, "audio/flac"),
    (b"OggS", 0, "audio/ogg"),
    (b"\x1aE\xdf\xa3", 0, "video/webm"),
    (b"#!AMR", 0, "audio/amr"),
)

_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
IMAGE_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/gif", "image/tiff", "image/bmp", "image/webp"}
)
AUDIO_VIDEO_PREFIXES = ("audio/", "video/")


def sniff(
    head: bytes, name: str | None = None, path: str | None = None, data: bytes | None = None
) -> str:
    """The media type of a file whose first bytes (4 KiB or more) are ``head``.

    ``path`` or the whole ``data`` lets a ZIP container be looked into.
    """
    for signature, offset, media_type in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return media_type
    if head[:4] == b"RIFF" and len(head) >= 12:
        kind = head[8:12]
        return {b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo", b"WEBP": "image/webp"}.get(
            kind, OCTET
        )
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B "):
            return "audio/mp4"
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if head[:2] == b"\xff\xfb" or head[:2] == b"\xff\xf3" or head[:2] == b"\xff\xf2":
        return "audio/mpeg"
    if head[:4] == b"PK\x03\x04":
        return _zip_kind(path if data is None else io.BytesIO(data))
    if head[:2] == b"\x1f\x8b":
        return _gzip_kind(head)
    return _text_kind(head, name)


def _zip_kind(path: str | io.BytesIO | None) -> str:
    if path is None:
        return ZIP
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ZIP
    if "datapackage.json" in names and any(n.startswith("archive/") for n in names):
        return WACZ
    if "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return ZIP


def _gzip_kind(head: bytes) -> str:
    # Only the first few bytes are inflated: enough to see a WARC header, never a bomb.
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return "application/gzip"
    return WARC if inner.startswith(b"WARC/") else "application/gzip"


def _decodes(head: bytes) -> str | None:
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore")
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The head may end in the middle of a character.
        if exc.start >= len(head) - 3:
            return head[: exc.start].decode("utf-8")
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return None if best is None else str(best)


def _text_kind(head: bytes, name: str | None) -> str:
    text = _decodes(head)
    if text is None:
        return OCTET
    if len(_CONTROL.findall(text, 0, 8192)) > 2:
        return OCTET
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        "<html" in lowered[:1024] and "</" in lowered
    ):
        return HTML
    if lowered.startswith(("{", "[")) and lowered.rstrip().endswith(("}", "]")):
        return JSON
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix in {".md", ".markdown"}:
        return MARKDOWN
    if suffix in {".csv", ".tsv"} or _looks_like_csv(text):
        return CSV
    if suffix in {".htm", ".html"} and "<" in lowered:
        return HTML
    return PLAIN


def _looks_like_csv(text: str) -> bool:
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if len(lines) < 3:
        return False
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t|")
    except csv.Error:
        return False
    rows = list(csv.reader(io.StringIO("\n".join(lines)), dialect))
    widths = {len(row) for row in rows[:-1]}  # the last line may be cut short
    return len(widths) == 1 and widths.pop() >= 2


def has_text(media_type: str) -> bool:
    """Whether reckon tries to extract text from this media type."""
    return (
        media_type.startswith("text/")
        or media_type in {PDF, WARC, WACZ, JSON}
        or media_type in IMAGE_TYPES
    )


def is_audio_video(media_type: str) -> bool:
    return media_type.startswith(AUDIO_VIDEO_PREFIXES)
