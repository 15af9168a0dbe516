"""Text per format: PDF pages, OCR with confidence, web archives, hostile files."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest

from reckon.evidence import media
from reckon.evidence.extract import ExtractionFailed, extract
from reckon.evidence.extract.html import extract_html

from .conftest import PAGE
from .makefiles import text_image, text_pdf, wacz, zip_bomb_wacz

LIMIT = 10 * 1024 * 1024
needs_ocr = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed"
)


def _warc(html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://memorial.example/night",
            "response",
            payload=io.BytesIO(html.encode()),
            http_headers=headers,
        )
    )
    return out.getvalue()


def test_pdf_text_per_page_with_page_starts() -> None:
    data = text_pdf(["Evin prison, first page", "Khavaran cemetery, second page"])
    assert media.sniff(data[:4096], "x.bin") == media.PDF
    result = extract(data, media.PDF, LIMIT)
    assert result is not None
    assert result.page_starts is not None
    assert len(result.page_starts) == 2
    second = result.page_starts[1]
    assert "Evin" in result.text[:second]
    assert result.text[second:].startswith("Khavaran")
    assert result.info["pages"] == "2"


def test_html_main_text_without_boilerplate() -> None:
    result = extract_html(PAGE.encode())
    assert "visiting hall" in result.text
    assert "Subscribe" not in result.text
    assert "About us" not in result.text
    assert result.info.get("author") == "Parisa Nouri"


@needs_ocr
def test_image_ocr_keeps_confidence() -> None:
    data = text_image(["Gohardasht prison register", "Page 12 of the transfers"])
    assert media.sniff(data[:4096]) == "image/png"
    result = extract(data, "image/png", LIMIT)
    assert result is not None
    assert result.extractor == "tesseract"
    assert "Gohardasht" in result.text
    assert result.confidence is not None
    assert result.confidence > 50


@needs_ocr
def test_scanned_pdf_goes_through_ocr() -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(text_image(["Vakilabad transfer list"])))
    out = io.BytesIO()
    image.convert("RGB").save(out, "PDF", resolution=150)
    result = extract(out.getvalue(), media.PDF, LIMIT)
    assert result is not None
    assert result.extractor == "pypdf+tesseract"
    assert "Vakilabad" in result.text
    assert result.confidence is not None
    assert result.info["ocr_pages"] == "1"


def test_warc_and_wacz_give_the_archived_page_text() -> None:
    warc = _warc(PAGE)
    assert media.sniff(warc[:4096]) == media.WARC
    assert media.sniff(gzip.decompress(warc)[:4096]) == media.WARC
    result = extract(warc, media.WARC, LIMIT)
    assert result is not None
    assert "visiting hall" in result.text
    assert result.info["url"] == "https://memorial.example/night"
    packed = wacz(warc)
    assert media.sniff(packed[:4096], data=packed) == media.WACZ
    result = extract(packed, media.WACZ, LIMIT)
    assert result is not None
    assert "visiting hall" in result.text


def test_decompression_bombs_are_not_unpacked() -> None:
    bomb = zip_bomb_wacz()
    assert len(bomb) < 200_000
    with pytest.raises(ExtractionFailed, match="bomb"):
        extract(bomb, media.WACZ, LIMIT)
    gz_bomb = gzip.compress(b"WARC/1.0\r\n" + b"\0" * (30 * 1024 * 1024))
    with pytest.raises(ExtractionFailed):
        extract(gz_bomb, media.WARC, 1024 * 1024)


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj trailer << /Root 1 0 R >>",
            media.PDF,
        ),
        (b"<html>" + b"<div>" * 100_000 + b"deep", media.HTML),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"),
        (b"WARC/1.0\r\nnonsense", media.WARC),
    ],
)
def test_broken_files_fail_with_a_message_not_a_crash(data: bytes, media_type: str) -> None:
    message = ""
    try:
        extract(data, media_type, LIMIT)
    except ExtractionFailed as exc:
        message = str(exc)
        assert message


def test_media_types_from_content(tmp_path: Path) -> None:
    assert media.sniff(b"RIFF\0\0\0\0WAVEfmt ") == "audio/wav"
    assert media.sniff(b"\0\0\0\x18ftypmp42") == "video/mp4"
    assert media.sniff(b"ID3\x03") == "audio/mpeg"
    assert media.sniff(b"<!DOCTYPE html><html>", "a.txt") == media.HTML
    assert media.sniff("نام,شهر\nعلی,رشت\nرضا,تبریز\nمریم,شیراز\n".encode(), "list") == media.CSV
    assert media.sniff("گزارش کوتاه".encode(), "x") == media.PLAIN
    assert media.sniff(b"\0\x01\x02\x03binary\x00") == media.OCTET
