"""PDF: text per page with page boundaries kept; pages without text go through OCR.

The text of a PDF is its pages' texts joined by a form feed (``\\f``);
``page_starts`` gives the character offset at which each page begins, so a
claim's offsets can be turned into a page number.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from reckon.errors import require
from reckon.evidence.extract import Extraction, ExtractionFailed, normalise_newlines

PAGE_BREAK = "\f"
OCR_DPI = 200
MAX_PAGES = 5000


def _ocr_page(pdf_path: Path, number: int) -> tuple[str, float | None]:
    from reckon.evidence.extract import ocr

    if shutil.which("pdftoppm") is None:
        raise ExtractionFailed("OCR of scanned PDF pages needs Debian's poppler-utils (pdftoppm).")
    with tempfile.TemporaryDirectory(prefix="reckon-pdf-") as tmp:
        prefix = Path(tmp) / "page"
        result = subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(OCR_DPI),
                "-f",
                str(number),
                "-l",
                str(number),
                "-png",
                "-singlefile",
                str(pdf_path),
                str(prefix),
            ],
            capture_output=True,
            timeout=ocr.TIMEOUT_SECONDS,
            check=False,
        )
        image = prefix.with_suffix(".png")
        if result.returncode != 0 or not image.exists():
            raise ExtractionFailed(f"page {number} could not be rendered for OCR.")
        return ocr.ocr_file(image)


def extract_pdf(data: bytes, limit: int) -> Extraction:
    pypdf = require("pypdf", "evidence", "Extracting text from PDFs")
    reader = pypdf.PdfReader(io.BytesIO(data))  # type: ignore[attr-defined]
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as exc:
            raise ExtractionFailed("the PDF is encrypted with a password.") from exc
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise ExtractionFailed(f"the PDF has {count:,} pages, over the limit of {MAX_PAGES:,}.")
    texts: list[str] = []
    scanned: list[int] = []
    total = 0
    for index, page in enumerate(reader.pages):
        text = normalise_newlines(page.extract_text() or "").replace(PAGE_BREAK, "\n")
        total += len(text)
        if total > limit:
            raise ExtractionFailed("the PDF's text is larger than the size limit.")
        if not text.strip():
            scanned.append(index)
        texts.append(text)
    confidences: list[float] = []
    extractor = "pypdf"
    version = str(pypdf.__version__)  # type: ignore[attr-defined]
    if scanned:
        from reckon.evidence.extract import ocr

        with tempfile.NamedTemporaryFile(prefix="reckon-pdf-", suffix=".pdf") as handle:
            handle.write(data)
            handle.flush()
            for index in scanned:
                text, confidence = _ocr_page(Path(handle.name), index + 1)
                texts[index] = text
                if confidence is not None:
                    confidences.append(confidence)
        extractor = "pypdf+tesseract"
        version = f"{version}+{ocr.tesseract_version()}"
    page_starts = []
    offset = 0
    for text in texts:
        page_starts.append(offset)
        offset += len(text) + len(PAGE_BREAK)
    info = {"pages": str(count)}
    if scanned:
        info["ocr_pages"] = ",".join(str(i + 1) for i in scanned)
    metadata = reader.metadata
    if metadata is not None:
        for key, name in (("title", "/Title"), ("author", "/Author")):
            value = metadata.get(name)
            if value:
                info[key] = str(value)[:500]
    confidence = round(sum(confidences) / len(confidences), 2) if confidences else None
    return Extraction(
        extractor,
        version,
        PAGE_BREAK.join(texts),
        page_starts=page_starts,
        confidence=confidence,
        info=info,
    )
