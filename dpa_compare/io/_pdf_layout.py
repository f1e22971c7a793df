"""Page layout for the PDF reader: words into lines, in reading order, column by column.

A page is two-column when a vertical gutter near the middle is crossed by
almost no word while each side holds a fair share of the words. Lines that
cross the gutter (a centred title, a full-width clause) split the page into
bands; inside each band the left column is read before the right one.
"""

from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass
from typing import Any

from dpa_compare.lang.script import is_cjk

Word = dict[str, Any]

X_TOLERANCE_RATIO = 0.15
"""Gap between two characters, as a share of the font size, that separates words."""

GUTTER_MIN_WIDTH = 6.0
"""Narrowest empty vertical band, in points, taken for a gutter between two columns."""


@dataclass(frozen=True)
class Line:
    """One line of text on a page; `column` is 0 full width, 1 left, 2 right."""

    page: int
    column: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True)
class PageLines:
    """The lines of one page in reading order, and the page's size in points."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]


def page_lines(page: Any, number: int) -> PageLines:
    """Return the lines of pdfplumber `page` (numbered `number`) in reading order."""
    keep = _distinct_upright_chars(page.chars)
    upright = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in keep)
    words = upright.extract_words(
        x_tolerance=1.5,
        x_tolerance_ratio=X_TOLERANCE_RATIO,
        y_tolerance=3,
        keep_blank_chars=False,
        extra_attrs=["size", "fontname"],
    )
    words = [w for w in words if w["text"].strip()]
    rows = _rows(words)
    gutter = _gutter(rows, float(page.width))
    return PageLines(
        number, float(page.width), float(page.height), tuple(_reading_order(rows, gutter, number))
    )


def _distinct_upright_chars(chars: list[dict[str, Any]]) -> set[int]:
    """Return the ids of the characters worth reading: upright, and not a duplicate.

    Rotated text is a watermark or a margin note, never body text. A glyph
    drawn twice at the same place (fake bold) is read once. This does what
    pdfplumber's `dedupe_chars` does, in one pass instead of a sort per glyph.
    """
    keep: set[int] = set()
    seen: set[tuple[str, float, float]] = set()
    for char in chars:
        if not char.get("upright", True):
            continue
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key not in seen:
            seen.add(key)
            keep.add(id(char))
    return keep


def _rows(words: list[Word]) -> list[list[Word]]:
    """Return the words grouped into rows that share a baseline, top to bottom."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        for row in reversed(rows[-3:]):
            top = min(w["top"] for w in row)
            bottom = max(w["bottom"] for w in row)
            if top <= middle <= bottom:
                row.append(word)
                break
        else:
            rows.append([word])
    return sorted(rows, key=lambda row: min(w["top"] for w in row))


def _gutter(rows: list[list[Word]], width: float) -> tuple[float, float] | None:
    """Return the empty band (left, right) between the columns of a two-column page, or None.

    Each candidate x near the middle is scored by the empty band around it,
    ignoring rows that cross it (a centred title); the widest band wins if
    few words cross it and each side holds a fair share of the words.
    """
    words = [w for row in rows for w in row]
    if len(words) < 20:
        return None
    best: tuple[float, float] | None = None
    x = width * 0.35
    while x <= width * 0.65:
        band = _band(rows, x, len(words))
        if (
            band
            and band[1] - band[0] >= GUTTER_MIN_WIDTH
            and (best is None or band[1] - band[0] > best[1] - best[0])
        ):
            best = band
        x += 2.0
    return best


def _band(rows: list[list[Word]], x: float, total: int) -> tuple[float, float] | None:
    """Return the empty band (left edge, right edge) around `x`, or None if `x` is no gutter."""
    crossing = {id(row) for row in rows if any(w["x0"] < x < w["x1"] for w in row)}
    if sum(len(row) for row in rows if id(row) in crossing) > 0.1 * total:
        return None
    columned = [w for row in rows if id(row) not in crossing for w in row]
    left = [w["x1"] for w in columned if w["x1"] <= x]
    right = [w["x0"] for w in columned if w["x0"] >= x]
    if len(left) < 0.2 * total or len(right) < 0.2 * total:
        return None
    return max(left), min(right)


def _reading_order(
    rows: list[list[Word]], gutter: tuple[float, float] | None, page: int
) -> list[Line]:
    if gutter is None:
        return [_line(row, page, 0) for row in rows]
    lines: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        # -- a row with a word inside the gutter spans both columns (a centred title) --
        if any(w["x0"] < gutter[1] and w["x1"] > gutter[0] for w in row):
            lines += left + right
            left, right = [], []
            lines.append(_line(row, page, 0))
            continue
        west = [w for w in row if w["x1"] <= gutter[0]]
        east = [w for w in row if w["x0"] >= gutter[1]]
        if west:
            left.append(_line(west, page, 1))
        if east:
            right.append(_line(east, page, 2))
    return lines + left + right


def _line(words: list[Word], page: int, column: int) -> Line:
    words = sorted(words, key=lambda w: w["x0"])
    text = words[0]["text"]
    for before, word in zip(words, words[1:], strict=False):
        text += _separator(before, word) + word["text"]
    sizes = [round(float(w["size"]), 1) for w in words for _ in w["text"]]
    return Line(
        page=page,
        column=column,
        text=unicodedata.normalize("NFC", text),
        x0=float(words[0]["x0"]),
        x1=float(max(w["x1"] for w in words)),
        top=float(min(w["top"] for w in words)),
        bottom=float(max(w["bottom"] for w in words)),
        size=statistics.mode(sizes),
        bold=all(_is_bold(w["fontname"]) for w in words),
    )


def _separator(before: Word, word: Word) -> str:
    if not (is_cjk(before["text"][-1]) or is_cjk(word["text"][0])):
        return " "
    # -- next to CJK a space is there only if the page shows a visible gap --
    gap = float(word["x0"]) - float(before["x1"])
    return " " if gap >= 0.2 * float(word["size"]) else ""


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(mark in name for mark in ("bold", "heavy", "black", "semibold", "demi"))


__all__ = ["Line", "PageLines", "is_cjk", "page_lines"]
