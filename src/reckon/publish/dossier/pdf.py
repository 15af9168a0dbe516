"""Render a case file to PDF with WeasyPrint (the ``pdf`` extra)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from reckon.errors import require
from reckon.publish.dossier.html import render_html
from reckon.publish.dossier.model import Dossier


def write_pdf(dossier: Dossier, out: Path, lang: str = "en") -> Path:
    """Write the case file to ``out`` atomically; returns the path."""
    weasyprint: Any = require("weasyprint", "pdf", "Writing a case file as PDF")
    html = render_html(dossier, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".dossier-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # No base URL and no url fetcher beyond data: the file loads nothing from anywhere.
        weasyprint.HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(str(tmp))
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"a case file loads nothing from outside ({url[:60]})")
