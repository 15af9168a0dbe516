"""Plain text for extraction: sentences with offsets, script detection, text from files.

Offsets everywhere in `reckon.extract` are character offsets into the text as
given (Python string indices), so that a claim's quote can be cut from the
source's stored text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from reckon.errors import InputError

__all__ = ["FOLD", "FOLD_LETTERS", "Sentence", "is_persian", "read_text", "sentences"]

# Persian/Arabic digits → ASCII, Arabic yeh/kaf → Persian, ZWNJ → space: one char to one,
# so that offsets found in folded text are offsets into the original.
FOLD = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يكىۀ\u200c", "0123456789" + "0123456789" + "یکیه ")

# The same without the ZWNJ: for matching Persian words, whose parts it joins.
FOLD_LETTERS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يكىۀ", "0123456789" + "0123456789" + "یکیه")

_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

# A sentence ends at . ! ? ؟ followed by space and a capital, a quote or an Arabic-script
# letter; or at a blank line; or at a line that is a heading or a list item.
_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "No",
    "Gen",
    "Col",
    "Lt",
    "Jr",
    "Sr",
    "vs",
    "e.g",
    "i.e",
)
_BOUNDARY = re.compile(
    r"(?<=[.!?؟])[\"”’)]*\s+(?=[\"“‘(]?[A-Z\u0600-\u06ff0-9۰-۹])"
    r"|\n\s*\n"
    r"|\n(?=\s*(?:#|[-*•]\s|\d+[.)]\s|[۰-۹]+[.)]\s))"
    # A labelled field ("Arrested: 3 Ordibehesht 1361", "Fate: executed …", "تاریخ اعدام: …")
    # is a statement of its own, not more of the line above.
    r"|\n(?=[^\S\n]*(?:[A-Z][\w'’-]*(?:[^\S\n]+[\w'’-]+){0,3}|[\u0600-\u06ff][\u0600-\u06ff\u200c]*(?:[^\S\n]+[\u0600-\u06ff\u200c]+){0,3}):[^\S\n])"
)  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def persian(self) -> bool:
        return is_persian(self.text)


def is_persian(text: str) -> bool:
    """Whether Arabic-script letters outnumber Latin ones."""
    return len(_ARABIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text))


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their offsets, surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        before = text[begin : match.start()]
        word = re.search(r"(\S+)\.$", before)
        if word and word.group(1).rstrip(".") in _ABBREVIATIONS:
            continue
        # Initials ("A. Rahimi") do not end a sentence.
        if re.search(r"(?:^|\s)[A-Z]\.$", before):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    # A heading is a sentence of its own, even without a blank line after it.
    split: list[tuple[int, int]] = []
    for start, end in spans:
        chunk = text[start:end]
        if chunk.lstrip().startswith("#") and "\n" in chunk.strip():
            cut = start + len(chunk) - len(chunk.lstrip()) + chunk.strip().index("\n")
            split += [(start, cut), (cut + 1, end)]
        else:
            split.append((start, end))
    result = []
    for start, end in split:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        s = start + lead
        result.append(Sentence(s, s + len(stripped), stripped))
    return result


class _HTMLText(HTMLParser):
    """Visible text of a page, without scripts, navigation, sidebars and footers."""

    _SKIP: ClassVar[set[str]] = {
        "script",
        "style",
        "nav",
        "footer",
        "aside",
        "header",
        "noscript",
        "form",
        "template",
    }
    _BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Main text of an HTML page (a fallback when the evidence module's extractor is absent)."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    raw = "".join(parts for parts in parser.parts)
    paragraphs = [re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", p).strip() for p in raw.split("\n\n")]
    lines = [re.sub(r"[ \t]+", " ", p) for p in paragraphs if p.strip()]
    return "\n\n".join(lines) + "\n"


def read_text(path: Path) -> str:
    """The text of a file to extract from: plain text and Markdown as they are, HTML and
    PDF through the evidence module's extractors when installed."""
    if not path.is_file():
        raise InputError(
            f"{path} is not a file.", hint="Give the path of a text, HTML or PDF file."
        )
    suffix = path.suffix.lower()
    data = path.read_bytes()
    extracted = _evidence_text(path, data)
    if extracted is not None:
        return extracted
    if suffix == ".pdf":
        raise InputError(
            f"{path} is a PDF, and reading PDFs needs the evidence module's extractor.",
            hint="Convert it to text first (pdftotext), or add it as a source with 'reckon add'.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}).",
            hint="Convert it to UTF-8 first.",
        ) from exc
    if suffix in {".html", ".htm"} or text.lstrip().lower().startswith(("<!doctype html", "<html")):
        return html_to_text(text)
    return text


def _evidence_text(path: Path, data: bytes) -> str | None:
    """Text from the evidence module's extractors (HTML main text, PDF, OCR), when present."""
    import importlib

    try:
        media: Any = importlib.import_module("reckon.evidence.media")
        extractors: Any = importlib.import_module("reckon.evidence.extract")
    except ImportError:
        return None
    try:
        media_type = media.sniff(data[:8192], name=path.name, path=str(path))
        result = extractors.extract(data, media_type, 64 * 1024 * 1024)
    except Exception as exc:  # the evidence extractor's failure, with its reason
        raise InputError(f"Cannot read the text of {path}: {exc}") from exc
    text = getattr(result, "text", None)
    return text if isinstance(text, str) else None
