"""PDF reader: the text layer of a PDF, as paragraphs in reading order.

pdfplumber gives words with their positions; `dpa_compare.io._pdf_layout`
groups them into lines (column by column on two-column pages). This module
opens the file, turns every failure into a `LoadError` that says what to do,
removes running headers, footers and page numbers, and joins lines into
paragraphs: a paragraph ends at a wider vertical gap, a change of indentation
or font, or before a line that starts with a clause number; a word broken
with a hyphen across lines is mended, and CJK lines join without spaces.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import re
import statistics
import warnings
from collections.abc import Iterator
from pathlib import Path

from dpa_compare.errors import LoadError
from dpa_compare.io import Source, sha256_of
from dpa_compare.io import _pdf_limits as limits
from dpa_compare.io._pdf_layout import Line, PageLines, is_cjk, page_lines
from dpa_compare.lang import en, zh
from dpa_compare.lang.labels import LOOSE_CLAUSE_START, STRUCTURAL_SCHEMES
from dpa_compare.lang.numerals import CHINESE_NUMERAL_CHARS
from dpa_compare.lang.script import has_han
from dpa_compare.model import Block

NO_TEXT_LAYER = "has no text layer: it looks scanned; run OCR first (e.g. ocrmypdf) and try again"

MARGIN_ZONE = 0.08
"""Share of the page height at the top and at the bottom where running headers and footers live
(Word's default: a 1-inch margin with the header half an inch from the edge)."""

OUTER_LINES = 2
"""How many lines at each end of a page may be a running header, footer or page number."""

INDENT = 8.0
"""Change of left edge, in points, that starts a new paragraph."""

_ZH_PAGE = rf"第\s*[\d{CHINESE_NUMERAL_CHARS}]+\s*[页頁]"
_ZH_PAGES = rf"共\s*[\d{CHINESE_NUMERAL_CHARS}]+\s*[页頁]"
_PAGE_NUMBER = re.compile(
    rf"""^(?:
        (?:page|p\.|pg\.?)?\s*\d{{1,4}}(?:\s*(?:of|/|\|)\s*\d{{1,4}})?
      | [-–—]\s*\d{{1,4}}\s*[-–—]
      | (?:{_ZH_PAGES}\s*[,，/]?\s*)?{_ZH_PAGE}(?:\s*[,，/]?\s*{_ZH_PAGES})?
      | [ivxlcdm]{{1,7}}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_CLAUSE_START = LOOSE_CLAUSE_START
_TERMINAL = tuple(".;:!?。；：！？…")
_LIST_END = re.compile(
    r"(?:[.;:!?。；：！？…]|[;,]\s*(?:and|or|and/or))[\s\"'”’)]*$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")


def read(data: bytes, path: Path) -> Source:
    """Return the paragraphs of the PDF `data`, read from `path`."""
    if b"%PDF-" not in data[:1024]:
        raise LoadError(
            path, "is not a PDF file (no %PDF header); check that it is not another format renamed"
        )
    pages, title, images = _extract(data, path)
    if not any(line.text.strip() for page in pages for line in page.lines):
        if images:
            return _scanned(data, path)
        raise LoadError(path, NO_TEXT_LAYER)
    pages = remove_furniture(pages)
    blocks = tuple(paragraphs(pages))
    if not blocks and images:
        return _scanned(data, path)
    if not title:
        title = next((b.text for b in blocks if b.heading_level == 1), "")
    return Source(path=str(path), sha256=sha256_of(data), blocks=blocks, title=title)


def _scanned(data: bytes, path: Path) -> Source:
    """Return a PDF without a text layer read by OCR (`dpa_compare.io.ocr_pdf`)."""
    from dpa_compare.io.ocr_pdf import read_scanned

    return read_scanned(data, path)


def _extract(data: bytes, path: Path) -> tuple[list[PageLines], str, int]:
    """Return each page's lines, the metadata title, and how many images the pages hold."""
    with _quiet():
        import pdfplumber
        from pdfplumber.utils.exceptions import PdfminerException

        try:
            with limits.bounded_streams(), contextlib.ExitStack() as stack:
                with limits.time_budget(limits.page_seconds()):
                    pdf = pdfplumber.open(io.BytesIO(data))
                    stack.callback(limits.close_within_budget, pdf)
                    limits.refuse_too_many_pages(limits.declared_page_count(pdf), path)
                    title = _metadata_title(pdf.metadata)
                    all_pages = pdf.pages
                limits.refuse_too_many_pages(len(all_pages), path)
                pages: list[PageLines] = []
                images = 0
                for number, page in enumerate(all_pages, start=1):
                    with limits.time_budget(limits.page_seconds()):
                        try:
                            images += len(page.images)
                            pages.append(page_lines(page, number))
                            page.close()
                        except (limits.OverBudget, limits.StreamTooLarge) as error:
                            raise limits.limit_error(error, path, f"page {number}") from None
                return pages, title, images
        except (limits.OverBudget, limits.StreamTooLarge) as error:
            raise limits.limit_error(error, path, "the file") from None
        except PdfminerException as error:
            raise _load_error(path, error.args[0] if error.args else error) from None
        except LoadError:
            raise
        except Exception as error:  # noqa: BLE001 -- pdfminer fails on damaged files in many ways
            raise _load_error(path, error) from None


def _load_error(path: Path, error: object) -> LoadError:
    name = type(error).__name__
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
        return LoadError(
            path,
            "is password-protected; save an unprotected copy (or remove the password) "
            "and try again",
        )
    if name in ("PDFTextExtractionNotAllowed", "PDFEncryptionNotSupported"):
        return LoadError(
            path, f"is encrypted in a way that cannot be read ({name}); save an unprotected copy"
        )
    detail = " ".join(str(error).split())[:120]
    return LoadError(
        path, f"is damaged and cannot be read as a PDF ({name}{': ' + detail if detail else ''})"
    )


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence pdfminer's log records and warnings while a PDF is read."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _metadata_title(metadata: dict) -> str:
    value = metadata.get("Title") if isinstance(metadata, dict) else None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = " ".join(str(value or "").split())
    if (
        not text
        or text.lower() in ("untitled", "untitled document")
        or text.lower().endswith((".doc", ".docx"))
    ):
        return ""
    return text


# -- running headers, footers and page numbers ----------------------------------------------


def remove_furniture(pages: list[PageLines]) -> list[PageLines]:
    """Return `pages` without page numbers and lines repeated at the same height on most pages."""
    needed = max(2, math.ceil(len(pages) / 2))
    candidates = [_outer_lines(page) for page in pages]
    keys = [
        [(_DIGITS.sub("#", " ".join(line.text.lower().split())), line.top) for line in lines]
        for lines in candidates
    ]
    cleaned = []
    for page, outer in zip(pages, candidates, strict=True):
        doomed = set()
        for line in outer:
            key = _DIGITS.sub("#", " ".join(line.text.lower().split()))
            repeats = sum(
                any(k == key and abs(top - line.top) <= 4 for k, top in page_keys)
                for page_keys in keys
            )
            if _PAGE_NUMBER.match(line.text.strip()) or (len(pages) > 1 and repeats >= needed):
                doomed.add(id(line))
        cleaned.append(
            PageLines(
                page.number,
                page.width,
                page.height,
                tuple(line for line in page.lines if id(line) not in doomed),
            )
        )
    return cleaned


def _outer_lines(page: PageLines) -> list[Line]:
    by_height = sorted(page.lines, key=lambda line: line.top)
    top = [line for line in by_height[:OUTER_LINES] if line.bottom <= page.height * MARGIN_ZONE]
    bottom = [
        line for line in by_height[-OUTER_LINES:] if line.top >= page.height * (1 - MARGIN_ZONE)
    ]
    return top + [line for line in bottom if line not in top]


# -- lines into paragraphs --------------------------------------------------------------------


def paragraphs(pages: list[PageLines]) -> Iterator[Block]:
    """Yield one block per paragraph of `pages`' lines, in reading order."""
    lines = [line for page in pages for line in page.lines if line.text.strip()]
    if not lines:
        return
    body_size = _body_size(lines)
    pitch = _line_pitch(lines)
    levels = _heading_levels(lines, body_size)
    extents = _column_extents(lines)
    current: list[Line] = []
    for line in lines:
        if current and _starts_paragraph(current, line, pitch, levels, extents[current[-1].column]):
            yield _block(current, levels)
            current = []
        current.append(line)
    if current:
        yield _block(current, levels)


def _starts_paragraph(
    current: list[Line],
    line: Line,
    pitch: float,
    levels: dict[float, int],
    extent: tuple[float, float],
) -> bool:
    """Return True when `line` does not continue the paragraph whose lines are `current`."""
    prev = current[-1]
    if (
        levels.get(prev.size) != levels.get(line.size)
        or abs(prev.size - line.size) > 1.0
        or prev.bold != line.bold
    ):
        return True
    if _ended(prev, extent):
        return True
    if _CLAUSE_START.match(line.text) and _LIST_END.search(prev.text):
        return True
    if _opens_heading(line.text) and not _full(line, extent):
        return True  # -- `Chapter 3 …` then `Article 12`, even when the line before is full --
    if line.page != prev.page or line.column != prev.column or line.top < prev.top:
        # -- a page or column break: a full last line goes on unless it closed a sentence --
        return prev.text.rstrip().endswith(_TERMINAL)
    # -- single-line paragraphs make the usual pitch a paragraph gap: no leading is over twice the
    # size --
    if line.top - prev.top > min(pitch, 2.0 * prev.size) * 1.3 + 0.5:
        return True
    if len(current) > 1 and abs(line.x0 - prev.x0) > INDENT:
        return True  # -- a first-line indent, or the end of a hanging indent --
    return bool(_CLAUSE_START.match(line.text)) and line.x0 < prev.x0 - INDENT


def _full(line: Line, extent: tuple[float, float]) -> bool:
    """Return True when `line` runs to within a tenth of the column's width of its right edge."""
    return extent[1] - line.x1 < 0.1 * max(extent[1] - extent[0], 1.0)


def _opens_heading(text: str) -> bool:
    """Return True when `text` is a whole heading line: an article, chapter or annex label and
    at most a title (`Article 12`, `Chapter 3 General Provisions`, `第 10 條`).

    Such a line stands alone even when the line before it runs to the column's
    edge; a citation (`Article 12 of the Act`, `第十條規定`, a sentence's last
    line `Article 21.`) does not count.
    """
    lang = zh if has_han(text) else en
    if text.rstrip().endswith(_TERMINAL):
        return False  # -- `… of Article 21.`: the last line of a sentence --
    found = lang.match_label(text.strip(), True)[:1]
    if not found or found[0].scheme not in STRUCTURAL_SCHEMES:
        return False
    rest = found[0].rest.strip()
    return not rest or lang.looks_like_title(rest)


def _ended(prev: Line, extent: tuple[float, float]) -> bool:
    """Return True when line `prev` stops short of the column's edge where a paragraph ends."""
    text = prev.text.rstrip()
    if re.search(r"[A-Za-z]-$", text):
        return False
    width = max(extent[1] - extent[0], 1.0)
    room = extent[1] - prev.x1
    if is_cjk(text[-1]):
        return room > 2 * prev.size
    # -- ragged-right text: the next word did not fit, so a line falls short by a word at most --
    return room > 0.25 * width or (room > 0.1 * width and text.endswith(_TERMINAL))


def _block(lines: list[Line], levels: dict[float, int]) -> Block:
    text = lines[0].text.strip()
    for line in lines[1:]:
        text = join_lines(text, line.text.strip())
    level = levels.get(lines[0].size)
    return Block(text=text, location=f"page {lines[0].page}", heading_level=level)


def join_lines(left: str, right: str) -> str:
    """Return two lines of one paragraph joined: hyphenation mended, no space between CJK."""
    if not left or not right:
        return left + right
    if re.search(r"[A-Za-z]-$", left) and right[0].islower():
        return left[:-1] + right
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    return f"{left} {right}"


def _column_extents(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Return column → (left edge, right edge) of the text, over the whole document."""
    extents: dict[int, tuple[float, float]] = {}
    for line in lines:
        left, right = extents.get(line.column, (line.x0, line.x1))
        extents[line.column] = (min(left, line.x0), max(right, line.x1))
    return extents


def _body_size(lines: list[Line]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=weights.__getitem__)


def _line_pitch(lines: list[Line]) -> float:
    """Return the usual distance between the tops of consecutive lines of a paragraph."""
    gaps = [
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.column == b.column and 0 < b.top - a.top < 3 * max(a.size, 1)
    ]
    if not gaps:
        return max(lines[0].size, 1) * 1.2
    gaps.sort()
    # -- the lower quartile: most gaps are line spacing, the rest paragraph spacing --
    return max(gaps[len(gaps) // 4], statistics.median(gaps) * 0.5)


def _heading_levels(lines: list[Line], body_size: float) -> dict[float, int]:
    """Return font size → heading level for sizes clearly larger than the body text."""
    larger = sorted({line.size for line in lines if line.size >= body_size * 1.15}, reverse=True)
    return {size: min(index, 6) for index, size in enumerate(larger, start=1)}


__all__ = ["NO_TEXT_LAYER", "join_lines", "paragraphs", "read", "remove_furniture"]
