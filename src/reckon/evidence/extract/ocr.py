"""OCR of images and scanned pages with Debian's tesseract (Persian and English).

Tesseract runs as a separate process on a temporary copy of the image, so a
hostile image can at worst make that process fail. The confidence kept is the
mean of tesseract's word confidences (0–100).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from reckon.evidence.extract import Extraction, ExtractionFailed, normalise_newlines

LANGUAGES = "fas+eng"
TIMEOUT_SECONDS = 300
# Larger images are refused rather than decoded: 100 megapixels is a poster at 600 dpi.
MAX_PIXELS = 100_000_000


def tesseract_version() -> str:
    binary = _binary()
    result = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    first = (result.stdout or result.stderr).splitlines()
    return first[0].split()[-1] if first else "unknown"


def _binary() -> str:
    binary = shutil.which("tesseract")
    if binary is None:
        raise ExtractionFailed(
            "OCR needs Debian's tesseract-ocr with the Persian and English language packs "
            "(apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-eng)."
        )
    return binary


def check_image(data: bytes) -> dict[str, str]:
    """Width, height and format of an image, refusing decompression bombs before decoding."""
    try:
        from PIL import Image
    except ImportError as exc:
        raise ExtractionFailed('reading images needs Pillow: pip install "reckon[ocr]".') from exc
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            kind = image.format or "unknown"
    except Exception as exc:
        raise ExtractionFailed(f"the image cannot be read ({type(exc).__name__}).") from exc
    if width * height > MAX_PIXELS:
        raise ExtractionFailed(
            f"the image is {width}×{height} pixels, over the limit of {MAX_PIXELS:,} "
            "(a possible decompression bomb); it was kept but not read."
        )
    return {"width": str(width), "height": str(height), "format": kind}


def ocr_file(path: Path) -> tuple[str, float | None]:
    """Text and mean word confidence of one image file."""
    binary = _binary()
    with tempfile.TemporaryDirectory(prefix="reckon-ocr-") as tmp:
        base = Path(tmp) / "out"
        try:
            result = subprocess.run(
                [binary, str(path), str(base), "-l", LANGUAGES, "txt", "tsv"],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionFailed(f"OCR took longer than {TIMEOUT_SECONDS} s.") from exc
        txt = base.with_suffix(".txt")
        if result.returncode != 0 or not txt.exists():
            message = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ExtractionFailed(f"tesseract failed ({message[-1] if message else 'no output'}).")
        text = normalise_newlines(txt.read_text(encoding="utf-8")).strip("\n\f ")
        confidences = []
        tsv = base.with_suffix(".tsv")
        if tsv.exists():
            rows = csv.DictReader(
                io.StringIO(tsv.read_text(encoding="utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE
            )
            for row in rows:
                try:
                    conf = float(row.get("conf") or -1)
                except ValueError:
                    continue
                if row.get("level") == "5" and conf >= 0 and (row.get("text") or "").strip():
                    confidences.append(conf)
    mean = round(sum(confidences) / len(confidences), 2) if confidences else None
    return text, mean


def extract_image(data: bytes) -> Extraction:
    info = check_image(data)
    with tempfile.NamedTemporaryFile(prefix="reckon-img-", suffix=".img") as handle:
        handle.write(data)
        handle.flush()
        text, confidence = ocr_file(Path(handle.name))
    info["ocr_languages"] = LANGUAGES
    return Extraction("tesseract", tesseract_version(), text, confidence=confidence, info=info)
