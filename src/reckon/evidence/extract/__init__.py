"""Text from a source's bytes, one extractor per format.

`extract` returns an `Extraction` (the text, page starts, OCR confidence and
what the extractor found about the document), ``None`` for formats that have
no text (audio, video, unknown binaries), or raises `ExtractionFailed` with a
message that is recorded on the source and shown; it never loses the source.
An extractor's name and version go with its text: a new version writes a new
text artifact, and old offsets keep pointing into the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reckon.evidence import media


class ExtractionFailed(Exception):
    """The text of a source could not be extracted; the message says why."""


@dataclass(frozen=True)
class Extraction:
    """Text extracted from one source by one extractor version."""

    extractor: str
    version: str
    text: str
    page_starts: list[int] | None = None
    confidence: float | None = None
    info: dict[str, str] = field(default_factory=dict)


def extract(data: bytes, media_type: str, limit: int) -> Extraction | None:
    """The text of ``data``; ``limit`` caps how many bytes any decompression may produce."""
    from reckon.evidence.extract import html, ocr, pdf, plain, warc

    try:
        if media_type == media.HTML:
            return html.extract_html(data)
        if media_type in (media.PLAIN, media.MARKDOWN, media.CSV, media.JSON):
            return plain.extract_plain(data, media_type)
        if media_type == media.PDF:
            return pdf.extract_pdf(data, limit)
        if media_type in media.IMAGE_TYPES:
            return ocr.extract_image(data)
        if media_type == media.WARC:
            return warc.extract_warc(data, limit)
        if media_type == media.WACZ:
            return warc.extract_wacz(data, limit)
    except ExtractionFailed:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ExtractionFailed(f"the {media_type} parser gave up ({type(exc).__name__}).") from exc
    except Exception as exc:  # a hostile file may break any parser in any way
        raise ExtractionFailed(
            f"the {media_type} parser failed ({type(exc).__name__}: {str(exc)[:200]})."
        ) from exc
    return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
