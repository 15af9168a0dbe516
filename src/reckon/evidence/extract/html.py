"""Web pages: the main text without navigation, menus and footers (trafilatura)."""

from __future__ import annotations

from reckon.errors import require
from reckon.evidence.extract import Extraction, normalise_newlines


def trafilatura_version() -> str:
    import trafilatura

    return str(trafilatura.__version__)


def extract_html(data: bytes | str, url: str | None = None) -> Extraction:
    """Main text, title, author and date of a page; the page is parsed, never run or served."""
    trafilatura = require("trafilatura", "evidence", "Extracting text from web pages")
    document = trafilatura.bare_extraction(  # type: ignore[attr-defined]
        data, url=url, with_metadata=True, include_comments=False
    )
    info: dict[str, str] = {}
    text = ""
    if document is not None:
        text = normalise_newlines(document.text or "")
        for key in ("title", "author", "date", "url", "sitename"):
            value = getattr(document, key, None)
            if value:
                info[key] = str(value)
    return Extraction("trafilatura", trafilatura_version(), text, info=info)
