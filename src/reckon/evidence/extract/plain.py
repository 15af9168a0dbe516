"""Plain text, Markdown, CSV and JSON: the encoding detected, newlines normalised."""

from __future__ import annotations

from reckon.evidence import media
from reckon.evidence.extract import Extraction, ExtractionFailed, normalise_newlines

VERSION = "1"


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ExtractionFailed("its text encoding could not be recognised.")
    return str(best), str(best.encoding)


def extract_plain(data: bytes, media_type: str) -> Extraction:
    text, encoding = decode(data)
    info = {"encoding": encoding}
    if media_type == media.CSV:
        # The linkage issue imports lists; here we only flag that this may be one.
        info["possible_list"] = "yes"
    return Extraction("plain", VERSION, normalise_newlines(text), info=info)
