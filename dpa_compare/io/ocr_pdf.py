"""Scanned PDFs: pages with no text layer rasterised and read by OCR.

pypdfium2 (installed with pdfplumber) renders each page at the width the
recogniser reads best (`ocr.PAGE_WIDTH_PX`); the page images then go through
the same OCR reader as image files.
"""

from __future__ import annotations

from pathlib import Path

from dpa_compare.errors import LoadError
from dpa_compare.io import Source, sha256_of
from dpa_compare.io.ocr import MISSING_EXTRA, PAGE_WIDTH_PX, PageImage, available, read_pages

MAX_SCANNED_PAGES = 300
"""Most pages of a scanned PDF read by OCR (about 10 CPU-seconds each)."""


def read_scanned(data: bytes, path: Path) -> Source:
    """Return the paragraphs of the scanned PDF `data` (no text layer), read by OCR."""
    if not available():
        raise LoadError(path, f"has no text layer (it looks scanned); reading it {MISSING_EXTRA}")
    pages = [PageImage(image, "") for image in rasterise(data, path)]
    blocks = read_pages(pages, path)
    if not any(block.text.strip() for block in blocks):
        raise LoadError(path, "has no text layer, and OCR found no text in its page images")
    return Source(path=str(path), sha256=sha256_of(data), blocks=blocks)


def rasterise(data: bytes, path: Path) -> list:  # noqa: ANN401 -- PIL images
    """Return each page of the PDF `data` as a PIL image `PAGE_WIDTH_PX` wide."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise LoadError(path, f"cannot be rendered for OCR ({error})") from None
    try:
        if len(document) > MAX_SCANNED_PAGES:
            raise LoadError(
                path,
                f"is a scanned PDF of {len(document)} pages; OCR reads at most "
                f"{MAX_SCANNED_PAGES}: split it and try again",
            )
        images = []
        for page in document:
            width = page.get_width() or 612.0
            bitmap = page.render(scale=PAGE_WIDTH_PX / width, grayscale=True)
            images.append(bitmap.to_pil())
            page.close()
        return images
    finally:
        document.close()


__all__ = ["MAX_SCANNED_PAGES", "rasterise", "read_scanned"]
