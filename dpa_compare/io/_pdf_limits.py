"""Limits that keep pdfminer finite on hostile PDFs: pages, decoded stream size, time per page.

A 530-byte PDF whose `/MediaBox` refers to itself sends pdfminer into an
endless loop; a 1 MB stream can inflate to gigabytes; 5,000 pages or a page
of 200,000 words take minutes. Each limit has a default and an environment
variable to change it:

* `DPA_COMPARE_MAX_PDF_PAGES` (default 2,000 pages): checked from the page
  tree's declared count before any page is read, and again while reading;
* `DPA_COMPARE_MAX_PDF_STREAM_MB` (default 64): largest decoded (Flate)
  stream; pdfminer's inflater is swapped for a bounded one while a PDF is read;
* `DPA_COMPARE_PDF_PAGE_SECONDS` (default 10): time allowed to open the file
  and to lay out any one page. The budget is a `SIGALRM` timer, so it applies
  when the reader runs in the main thread (always so on the command line).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import FrameType, SimpleNamespace
from typing import Any

from dpa_compare.errors import LoadError

DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_STREAM_MB = 64
DEFAULT_PAGE_SECONDS = 10.0


class OverBudget(BaseException):  # noqa: N818 -- not an error of the PDF's: a signal to stop
    """Raised by the timer inside pdfminer; a BaseException so pdfminer's `except Exception` lets
    it out."""


class StreamTooLarge(BaseException):  # noqa: N818
    """Raised inside pdfminer when a stream inflates beyond the limit."""


def _number(variable: str, default: float) -> float:
    raw = os.environ.get(variable, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        raise LoadError(variable, f"must be a number, got {raw!r}") from None


def max_pages() -> int:
    """Return the most pages a PDF may have."""
    return int(_number("DPA_COMPARE_MAX_PDF_PAGES", DEFAULT_MAX_PAGES))


def max_stream_bytes() -> int:
    """Return the largest decoded stream accepted, in bytes."""
    return int(_number("DPA_COMPARE_MAX_PDF_STREAM_MB", DEFAULT_MAX_STREAM_MB) * 1024 * 1024)


def page_seconds() -> float:
    """Return the time budget to open a PDF or lay out one page, in seconds."""
    return _number("DPA_COMPARE_PDF_PAGE_SECONDS", DEFAULT_PAGE_SECONDS)


def refuse_too_many_pages(count: int, path: Path) -> None:
    """Raise `LoadError` when `count` pages is beyond the limit."""
    if count > max_pages():
        raise LoadError(
            path,
            f"has {count:,} pages; the limit is {max_pages():,} "
            "(set DPA_COMPARE_MAX_PDF_PAGES to raise it)",
        )


def declared_page_count(pdf: Any) -> int:
    """Return the `/Count` of the PDF's page tree (0 when absent or not a number)."""
    from pdfminer.pdftypes import resolve1

    try:
        pages = resolve1(pdf.doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
    except Exception:  # noqa: BLE001 -- a damaged tree: the reader's own checks report it
        return 0
    return count if isinstance(count, int) else 0


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise `OverBudget` inside the block once `seconds` have passed (main thread only)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def close_within_budget(pdf: Any) -> None:
    """Close a pdfplumber PDF, giving up after a second (after a failure its close walks the
    pages again)."""
    with contextlib.suppress(OverBudget, StreamTooLarge, Exception), time_budget(1.0):
        pdf.close()


class _BoundedInflater:
    """A `zlib.decompressobj` that stops once its output passes `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self._inner = zlib.decompressobj()
        self._left = limit

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0:
            raise StreamTooLarge
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _bounded_zlib(limit: int) -> SimpleNamespace:
    """Return a stand-in for the `zlib` module whose inflating stops at `limit` bytes."""

    def decompress(data: bytes, *_args: object) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, limit + 1)
        if len(out) > limit:
            raise StreamTooLarge
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    return SimpleNamespace(
        decompress=decompress,
        decompressobj=lambda *_a: _BoundedInflater(limit),
        error=zlib.error,
    )


@contextlib.contextmanager
def bounded_streams() -> Iterator[None]:
    """Make pdfminer's Flate decoding stop at `max_stream_bytes()` while the block runs."""
    from pdfminer import pdftypes

    original = pdftypes.zlib
    pdftypes.zlib = _bounded_zlib(max_stream_bytes())  # type: ignore[assignment]
    try:
        yield
    finally:
        pdftypes.zlib = original


def limit_error(error: BaseException, path: Path, where: str) -> LoadError:
    """Return the `LoadError` for a limit reached while reading `where` ("the file", "page 3")."""
    if isinstance(error, StreamTooLarge):
        return LoadError(
            path,
            f"{where} holds a stream that decodes to more than {max_stream_bytes():,} bytes; "
            "refusing it (set DPA_COMPARE_MAX_PDF_STREAM_MB to raise the limit)",
        )
    return LoadError(
        path,
        f"reading {where} took more than {page_seconds():g} s (a damaged or hostile PDF?); "
        "set DPA_COMPARE_PDF_PAGE_SECONDS to allow more",
    )


__all__ = [
    "OverBudget",
    "StreamTooLarge",
    "bounded_streams",
    "close_within_budget",
    "declared_page_count",
    "limit_error",
    "max_pages",
    "max_stream_bytes",
    "page_seconds",
    "refuse_too_many_pages",
    "time_budget",
]
