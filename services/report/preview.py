"""A made report as the student will see it on paper: its PDF's pages drawn as pictures (pypdfium2,
PDFium in a wheel: no system package, works on Community Cloud)."""

from __future__ import annotations

import io
import threading

# PDFium is not thread-safe, and several sessions may draw a preview at once
_PDFIUM = threading.Lock()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def page_png(pdf: bytes, index: int, width: int = 900) -> bytes:
    """Page ``index`` (from 0) as a PNG ``width`` pixels wide."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            page = document[index]
            picture = page.render(scale=width / page.get_width()).to_pil()
        finally:
            document.close()
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
