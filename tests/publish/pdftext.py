"""Helpers to read a PDF back with poppler (pdftotext, pdftoppm) and compare Persian by word.

Text extraction reorders right-to-left runs around digits and splits some
marks, so Persian is compared word by word after normalising what extractors
are known to change (../shared/VERIFIED.md): zero-width non-joiners and bidi
controls are dropped, the hamza above (ٔ) is dropped, and the lam-alef ligature
that pdftotext gives back as "ال" is folded together with "لا".
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

_INVISIBLE = re.compile("[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u0654]")


def have_poppler() -> bool:
    return shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with bidi marks removed and whitespace collapsed (for English phrases and hashes)."""
    return " ".join(_INVISIBLE.sub("", text).split())


def persian_key(word: str) -> str:
    return _INVISIBLE.sub("", word).replace("لا", "ال").strip(".,:;،؛()")


def persian_words_found(text: str, phrase: str) -> dict[str, bool]:
    """For each word of ``phrase``, whether the extracted ``text`` holds it as a word."""
    words = {persian_key(w) for w in re.split(r"[\s\u200c]+", _INVISIBLE.sub(" ", text))}
    words |= {persian_key(w) for w in _INVISIBLE.sub("", text).split()}
    return {w: persian_key(w) in words for w in phrase.split()}


def page_images(pdf: Path, prefix: Path, dpi: int = 60) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, capture_output=True
    )
    return sorted(prefix.parent.glob(prefix.name + "*.png"))
