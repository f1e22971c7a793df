"""OCR: page images into paragraphs, with the recogniser's confidence kept beside the text.

The recogniser is RapidOCR with the PP-OCR detection and recognition models
that ship inside its wheel (the `ocr` extra), run through onnxruntime. It is
imported on first use only, and only the bundled model files are ever named,
so nothing is downloaded at run time. The angle classifier is off and every
page is scaled to `PAGE_WIDTH_PX` wide: with its defaults the engine drops
whole lines of a dense legal page.

A page taller than `STRIP_MAX_PX` (a phone screenshot of a whole article) is
cut into strips at blank rows, so no line is cut in two and the detector
never shrinks the image. Detected boxes become lines by vertical overlap;
the lines then go through the PDF reader's own steps — running headers and
footers removed, lines joined into paragraphs — so a scanned page and a
typed PDF page segment alike.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpa_compare.errors import LoadError
from dpa_compare.io._pdf_layout import Line, PageLines, is_cjk
from dpa_compare.lang.zh_ocr import restore_fullwidth, restore_label_space, wrapped_closing
from dpa_compare.model import Block, OcrDoubt

if TYPE_CHECKING:
    from PIL.Image import Image

MISSING_EXTRA = (
    "needs OCR, which is not installed: pip install 'dpa-compare[ocr]' "
    "(RapidOCR and onnxruntime) and try again"
)

PAGE_WIDTH_PX = 1275
"""Width every page image is scaled to before recognition (a Letter page at 150 dpi)."""

PAGE_WIDTH_PT = 612.0
"""Width of the page in the coordinates handed to the paragraph builder (Letter, in points)."""

STRIP_MAX_PX = 1900
"""Tallest strip recognised at once; the engine shrinks anything over 2000 px."""

MAX_PIXELS = 80_000_000
"""Largest image accepted, in pixels (a 1080 × 40 000 phone capture is 43 MP)."""

LOW_CONFIDENCE = 0.90
"""A line read with a lower mean character confidence is a doubt worth a person's look."""

_BOX_TO_FONT = 1.2
"""Detected box height ÷ font size: the detector pads every box above and below."""

CELL_GAP_EM = 1.0
"""A gap between words wider than this many font heights separates table columns, not words."""

_SENTENCE_END = tuple("。；：！？.;:!?")

_BLANK_INK = 0.002
"""Share of dark pixels below which a pixel row counts as blank (noise tolerated)."""


@dataclass(frozen=True)
class PageImage:
    """One page to read: the image and the name it is cited by (`page 3 (scan-03.png)`)."""

    image: Image
    name: str


@dataclass(frozen=True)
class _Box:
    text: str
    score: float
    x0: float
    x1: float
    top: float
    bottom: float
    rule: bool = False
    """True for a printed horizontal rule (a table's row separator), which has no text."""
    ink: tuple[float, float] | None = None
    """Left and right edge of the recognised words (the detector pads its boxes), if known."""


# -- the engine -----------------------------------------------------------------------------


def available() -> bool:
    """Return True when the OCR extra is installed."""
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _engine() -> Any:
    """Return the RapidOCR engine, built once, with the models bundled in its wheel."""
    import rapidocr
    from rapidocr import RapidOCR

    models = Path(rapidocr.__file__).parent / "models"
    det = sorted(models.glob("*det*.onnx"))
    rec = sorted(models.glob("*rec*.onnx"))
    if not det or not rec:
        raise RuntimeError(f"the RapidOCR wheel has no bundled models in {models}")
    threads = physical_cores()
    return RapidOCR(
        params={
            "Global.use_cls": False,
            "Global.log_level": "error",
            "Det.model_path": str(det[-1]),
            "Rec.model_path": str(rec[-1]),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )


def physical_cores() -> int:
    """Return the physical CPU cores this process may run on (hyper-threads counted once).

    onnxruntime runs fastest with one inference thread per physical core;
    extra threads on hyper-threads or on cores the process may not use only
    contend with each other.
    """
    import os

    allowed = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    logical = allowed or os.cpu_count() or 1
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return logical
    cores = set(
        re.findall(r"physical id\s*:\s*(\d+)[^\n]*\n(?:[^\n]+\n)*?core id\s*:\s*(\d+)", text)
    )
    siblings = (os.cpu_count() or logical) // len(cores) if cores else 1
    return max(1, logical // max(1, siblings))


def engine_for(path: Path) -> Any:
    """Return the OCR engine; raise `LoadError` naming `path` and the extra when it is missing."""
    if not available():
        raise LoadError(path, MISSING_EXTRA)
    return _engine()


# -- images ---------------------------------------------------------------------------------


def open_image(data: bytes, path: Path) -> list[Image]:
    """Return the pages (frames) of the image file `data`, as RGB images."""
    import io

    from PIL import Image as PILImage
    from PIL import ImageOps, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise LoadError(
                    path,
                    f"the image is {image.width} × {image.height} pixels; "
                    f"the limit is {MAX_PIXELS:,} pixels",
                )
            frames = []
            for index in range(getattr(image, "n_frames", 1)):
                image.seek(index)
                frames.append(ImageOps.exif_transpose(image).convert("RGB"))
            return frames
        except LoadError:
            raise
        except (UnidentifiedImageError, PILImage.DecompressionBombWarning) as error:
            raise LoadError(path, f"is not a readable image ({_first_line(error)})") from None
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise LoadError(path, f"is a damaged image ({_first_line(error)})") from None


def _first_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:120] or type(error).__name__


def _scaled(image: Image) -> Image:
    """Return `image` in grey, scaled to `PAGE_WIDTH_PX` wide."""
    from PIL import Image as PILImage

    grey = image.convert("L")
    if grey.width == PAGE_WIDTH_PX:
        return grey
    height = max(1, round(grey.height * PAGE_WIDTH_PX / grey.width))
    return grey.resize((PAGE_WIDTH_PX, height), PILImage.Resampling.LANCZOS)


def strips(height: int, blank_rows: Sequence[bool], tallest: int = STRIP_MAX_PX) -> list[int]:
    """Return the rows at which to cut an image `height` rows tall into strips.

    Each cut is the blank row nearest to `tallest` rows below the previous cut
    (searching upward, not further than half a strip); with no blank row
    there, the strip is cut at full height.
    """
    cuts = [0]
    while height - cuts[-1] > tallest:
        start = cuts[-1]
        target = start + tallest
        cut = next(
            (row for row in range(target, start + tallest // 2, -1) if blank_rows[row]), target
        )
        cuts.append(cut)
    return [*cuts, height]


def _recognise(page: Image) -> list[_Box]:
    """Return the text boxes the engine finds in `page` (already scaled), in page pixels."""
    import numpy as np

    pixels = np.asarray(page)
    blank = ((pixels < 128).mean(axis=1) <= _BLANK_INK).tolist()
    cuts = strips(page.height, blank)
    found: list[tuple[list[tuple[float, float]], str, float, tuple[float, float]]] = []
    for top, bottom in zip(cuts, cuts[1:], strict=False):
        strip = np.ascontiguousarray(np.stack([pixels[top:bottom]] * 3, axis=-1))
        result = _engine()(strip, return_word_box=True)
        if result.boxes is None:
            continue
        words = result.word_results if len(result.word_results) == len(result.txts) else ()
        for index, (corners, text, score) in enumerate(
            zip(result.boxes, result.txts, result.scores, strict=False)
        ):
            quad = [(float(x), float(y)) for x, y in corners]
            for part_quad, part, ink in split_at_gaps(
                quad, str(text), words[index] if words else ()
            ):
                found.append(([(x, y + top) for x, y in part_quad], part, float(score), ink))
    return [*_straightened(found), *horizontal_rules(pixels)]


RULE_MIN_SHARE = 0.25
"""A dark run across at least this share of the page width, a few pixels thick, is a rule."""


def horizontal_rules(pixels: Any) -> list[_Box]:
    """Return the horizontal rules printed on a page (grey pixels) as text-less boxes.

    A rule is a band of at most 8 pixel rows, each holding one unbroken dark
    run at least `RULE_MIN_SHARE` of the page wide: no line of text has one.
    A rule of a page scanned askew spreads over too many rows to be found;
    tables there are cut into rows by their spacing alone.
    """
    import numpy as np

    dark = pixels < 128
    width = dark.shape[1]
    found: list[tuple[int, int, int]] = []
    for y in np.flatnonzero(dark.mean(axis=1) >= RULE_MIN_SHARE).tolist():
        edges = np.flatnonzero(np.diff(np.concatenate(([0], dark[y].astype(np.int8), [0]))))
        starts, ends = edges[::2], edges[1::2]
        longest = int(np.argmax(ends - starts))
        if ends[longest] - starts[longest] >= RULE_MIN_SHARE * width:
            found.append((y, int(starts[longest]), int(ends[longest])))
    rules: list[_Box] = []
    band: list[tuple[int, int, int]] = []
    for row in [*found, (-10, 0, 0)]:
        if band and row[0] == band[-1][0] + 1:
            band.append(row)
            continue
        if band and len(band) <= 8:
            x0, x1 = min(b[1] for b in band), max(b[2] for b in band)
            rules.append(_Box("", 1.0, x0, x1, band[0][0], band[-1][0] + 1, rule=True))
        band = [row]
    return rules


def split_at_gaps(
    quad: list[tuple[float, float]], text: str, words: Sequence[Any]
) -> list[tuple[list[tuple[float, float]], str, tuple[float, float]]]:
    """Return one detected box cut where its words stand apart by more than `CELL_GAP_EM` ems.

    The detector sometimes takes two neighbouring table cells for one line
    of text; the recogniser's word boxes (`return_word_box`: words of Latin
    text, single Han characters) show the gutter between them. The text is
    cut at the same place, so each part keeps its own spaces. Each part
    comes with the x-range of its words' ink, by which gutters are measured.
    """
    placed = _placed_words(text, words)
    whole = (min(x for x, _ in quad), max(x for x, _ in quad))
    if not placed:
        return [(quad, text, whole)]
    font = abs(quad[3][1] - quad[0][1]) / _BOX_TO_FONT
    parts: list[tuple[list[tuple[float, float]], str, tuple[float, float]]] = []
    first, start = 0, 0
    for index in range(1, len(placed) + 1):
        if index < len(placed):
            gap = placed[index][1][0][0] - placed[index - 1][1][1][0]
            if gap < CELL_GAP_EM * font:
                continue
        end = placed[index][0] if index < len(placed) else len(text)
        # -- outer edges stay the detector's (its padding is what line sizes are measured by) --
        left = quad if first == 0 else placed[first][1]
        right = quad if index == len(placed) else placed[index - 1][1]
        part_quad = [
            (left[0][0], quad[0][1]),
            (right[1][0], quad[1][1]),
            (right[2][0], quad[2][1]),
            (left[3][0], quad[3][1]),
        ]
        ink = (placed[first][1][0][0], placed[index - 1][1][1][0])
        parts.append((part_quad, text[start:end].strip(), ink))
        first, start = index, end
    parts = [part for part in parts if part[1]]
    return parts if len(parts) > 1 else [(quad, text, parts[0][2] if parts else whole)]


def _placed_words(text: str, words: Sequence[Any]) -> list[tuple[int, list[list[float]]]]:
    """Return (offset in `text`, corners) of each recognised word, or [] if they do not match."""
    placed = []
    cursor = 0
    for word in words:
        if len(word) < 3 or not word[0] or word[2] is None:
            return []
        found = text.find(str(word[0]), cursor)
        if found < 0:
            return []
        placed.append((found, [[float(x), float(y)] for x, y in word[2]]))
        cursor = found + len(str(word[0]))
    return placed


def _straightened(
    found: list[tuple[list[tuple[float, float]], str, float, tuple[float, float]]],
) -> list[_Box]:
    """Return the boxes with the page's skew taken out of their corners (text is read already).

    The skew is the median slope of the top edges of wide boxes (lines of
    text); each corner is turned back by it, so a page scanned askew still
    gives one row per printed line.
    """
    slopes = sorted(
        (q[1][1] - q[0][1]) / (q[1][0] - q[0][0])
        for q, _, _, _ in found
        if q[1][0] - q[0][0] > 5 * abs(q[3][1] - q[0][1]) > 0
    )
    angle = math.atan(slopes[len(slopes) // 2]) if slopes else 0.0
    cos, sin = math.cos(-angle), math.sin(-angle)
    boxes = []
    for quad, text, score, (left, right) in found:
        xs = [x * cos - y * sin for x, y in quad]
        ys = [x * sin + y * cos for x, y in quad]
        middle = sum(y for _, y in quad) / len(quad)
        ink = (left * cos - middle * sin, right * cos - middle * sin)
        boxes.append(_Box(text, score, min(xs), max(xs), min(ys), max(ys), ink=ink))
    return boxes


# -- boxes into lines -----------------------------------------------------------------------


def box_rows(boxes: Sequence[_Box]) -> list[list[_Box]]:
    """Return `boxes` grouped into rows whose boxes overlap vertically by half, top to bottom."""
    rows: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        middle = (box.top + box.bottom) / 2
        for row in reversed(rows[-3:]):
            top = statistics.median(b.top for b in row)
            bottom = statistics.median(b.bottom for b in row)
            if top <= middle <= bottom:
                row.append(box)
                break
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def row_text(row: Sequence[_Box]) -> str:
    """Return the text of one row of boxes, spaced as printed and repaired where it is Chinese."""
    text = row[0].text.strip()
    for before, box in zip(row, row[1:], strict=False):
        word = box.text.strip()
        if not text or not word:
            text += word
            continue
        gap = box.x0 - before.x1
        height = before.bottom - before.top
        cjk = is_cjk(text[-1]) or is_cjk(word[0])
        text += " " if not cjk or gap > 0.5 * height else ""
        text += word
    if any(is_cjk(char) for char in text):
        text = restore_fullwidth(text)
    return text


@dataclass(frozen=True)
class _Cell:
    """A run of a line's text with no gap wider than `CELL_GAP_EM` inside (points)."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True)
class _ReadLine:
    line: Line
    confidence: float
    cells: tuple[_Cell, ...] = ()


def line_cells(row: Sequence[_Box], scale: float = 1.0) -> tuple[_Cell, ...]:
    """Return the runs of `row` separated by gaps wider than `CELL_GAP_EM` font heights."""
    groups: list[list[_Box]] = [[row[0]]]
    for before, box in zip(row, row[1:], strict=False):
        font = max(before.bottom - before.top, box.bottom - box.top) / _BOX_TO_FONT
        gap = (box.ink or (box.x0, box.x1))[0] - (before.ink or (before.x0, before.x1))[1]
        if gap >= CELL_GAP_EM * font:
            groups.append([box])
        else:
            groups[-1].append(box)
    return tuple(
        _Cell(row_text(group), group[0].x0 * scale, max(b.x1 for b in group) * scale)
        for group in groups
    )


def page_lines(boxes: Sequence[_Box], number: int, height_px: int) -> list[_ReadLine]:
    """Return the lines of one page in the paragraph builder's coordinates (points)."""
    rows = _with_full_stops_rejoined(box_rows(boxes))
    # -- a row with no letter or digit is a rule, a bullet glyph or a smudge, not text --
    rows = [row for row in rows if any(char.isalnum() for char in row_text(row))]
    if not rows:
        return []
    scale = PAGE_WIDTH_PT / PAGE_WIDTH_PX
    heights = [max(b.bottom - b.top for b in row) for row in rows]
    ems = [_em_width(row) for row in rows]
    body_height = statistics.median(heights)
    body_em = statistics.median(e for e in ems if e) if any(ems) else 0.0
    read = []
    for row, height, em in zip(rows, heights, ems, strict=False):
        ratio = height / body_height
        if em and body_em:
            # -- a tall box may be descenders (`privacy@`); a heading is both taller and wider --
            ratio = min(ratio, em / body_em)
        elif ratio < 1.4:
            ratio = (
                1.0  # -- a Latin line (a URL) measured by height alone: body unless far larger --
            )
        if row_text(row).rstrip().endswith(_SENTENCE_END):
            ratio = min(ratio, 1.0)  # -- a heading never ends a sentence --
        line = Line(
            page=number,
            column=0,
            text=row_text(row),
            x0=min(b.x0 for b in row) * scale,
            x1=max(b.x1 for b in row) * scale,
            top=min(b.top for b in row) * scale,
            bottom=max(b.bottom for b in row) * scale,
            size=_font_size(ratio, body_height) * scale,
            bold=False,
        )
        read.append(_ReadLine(line, min(b.score for b in row), line_cells(row, scale)))
    return read


def _with_full_stops_rejoined(rows: list[list[_Box]]) -> list[list[_Box]]:
    """Return `rows` with closing marks wrapped alone onto the next row put back on theirs.

    Alone, the recogniser reads a `。` as `0` or `o`, and a row of marks only
    (`》）。`) would be dropped as holding no text; they are appended to the
    row of Chinese they end, which they directly follow.
    """
    joined: list[list[_Box]] = []
    for row in rows:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and len(row) == 1
            and row[0].x1 - row[0].x0
            <= (len(row[0].text.strip()) + 0.5) * (row[0].bottom - row[0].top)
            and row[0].top - max(b.bottom for b in previous)
            < max(b.bottom - b.top for b in previous)
            and (marks := wrapped_closing(row[0].text, row_text(previous)))
        ):
            last = previous[-1]
            previous[-1] = dataclasses.replace(last, text=last.text.rstrip() + marks)
            continue
        joined.append(list(row))
    return joined


def _em_width(row: Sequence[_Box]) -> float:
    """Return the width of one em in a row of Chinese text (Han glyphs are one em wide), else 0."""
    text = "".join(b.text for b in row)
    wide = sum(1 for char in text if is_cjk(char))
    if wide < 2 or wide < 0.3 * len(text):
        return 0.0
    width = sum(b.x1 - b.x0 for b in row)
    return width / (wide + 0.5 * (len(text) - wide))


def _font_size(ratio: float, body_height: float) -> float:
    """Return the font size, in pixels, of a line `ratio` times the size of the body text.

    Box sizes jitter from line to line; a line within a fifth of the body
    size is body text, others are rounded to quarter steps of it, so only a
    clearly larger line reads as a heading.
    """
    if 0.8 <= ratio < 1.18:
        ratio = 1.0
    else:
        ratio = max(0.5, round(ratio * 4) / 4)
    return round(body_height * ratio / _BOX_TO_FONT, 1)


# -- pages into blocks ----------------------------------------------------------------------


def read_pages(pages: Sequence[PageImage], path: Path) -> tuple[Block, ...]:
    """Return the paragraphs of the page images `pages`, in order, with OCR confidence."""
    engine_for(path)
    recognised = []
    for page in pages:
        scaled = _scaled(page.image)
        recognised.append((_recognise(scaled), scaled.height, page.name))
    return blocks_from_boxes(recognised)


def blocks_from_boxes(recognised: Sequence[tuple[list[_Box], int, str]]) -> tuple[Block, ...]:
    """Return the paragraphs of pages given as (boxes, height in pixels, name), in order."""
    from dpa_compare.io.pdf import paragraphs, remove_furniture

    layouts: list[PageLines] = []
    confidence: dict[int, float] = {}
    cells: dict[int, tuple[_Cell, ...]] = {}
    names: dict[int, str] = {}
    rules: dict[int, list[float]] = {}
    for number, (boxes, height_px, name) in enumerate(recognised, start=1):
        read = page_lines([b for b in boxes if not b.rule], number, height_px)
        scale = PAGE_WIDTH_PT / PAGE_WIDTH_PX
        rules[number] = [(b.top + b.bottom) / 2 * scale for b in boxes if b.rule]
        height = height_px * PAGE_WIDTH_PT / PAGE_WIDTH_PX
        layouts.append(PageLines(number, PAGE_WIDTH_PT, height, tuple(r.line for r in read)))
        confidence.update({id(r.line): r.confidence for r in read})
        cells.update({id(r.line): r.cells for r in read})
        names[number] = f"page {number}" + (f" ({name})" if name else "")
    layouts = remove_furniture(_without_running_lines(layouts))
    heights = {page.number: page.height for page in layouts}
    tables = find_tables(layouts, cells, rules)
    in_tables = {id(line) for table in tables for row in table.rows for line in row}
    layouts = [
        dataclasses.replace(page, lines=tuple(ln for ln in page.lines if id(ln) not in in_tables))
        for page in layouts
    ]
    lines = [line for page in layouts for line in page.lines if line.text.strip()]
    blocks = list(paragraphs(layouts))
    groups = _rejoin_wrapped(list(zip(blocks, _lines_of(blocks, lines), strict=False)), lines)
    placed: list[tuple[tuple[int, float], list[Block]]] = []
    for block, group in groups:
        where = _place(group) if group else placed[-1][0] if placed else (0, 0.0)
        placed.append((where, [_with_confidence(block, group, confidence, names, heights)]))
    placed += [
        (_place(table.rows[0]), table_blocks(table, cells, confidence, names, heights))
        for table in tables
    ]
    placed.sort(key=lambda item: item[0])  # -- stable: a page's paragraphs stay in order --
    return tuple(block for _, found in placed for block in found)


def _place(lines: Sequence[Line]) -> tuple[int, float]:
    """Return where `lines` begin, (page, top), to put tables and paragraphs in reading order."""
    return lines[0].page, lines[0].top


# -- tables ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """A table found on one page: its rows (lines of each), column starts, number, first row."""

    rows: tuple[tuple[Line, ...], ...]
    starts: tuple[float, ...]
    number: int
    first_row: int


def find_tables(
    layouts: Sequence[PageLines],
    cells: dict[int, tuple[_Cell, ...]],
    rules: dict[int, list[float]] | None = None,
) -> list[_Table]:
    """Return the tables of `layouts`, in order; a table running on from the page before
    keeps its number and row count.

    A table is a run of consecutive lines, at least two of them cut into two
    or more cells by gutters wider than `CELL_GAP_EM`, whose cells all start
    at the column starts of the run's first line (within one font height) and
    end before the next column; a line of one cell joins the run only as the
    wrapped continuation of a row (set as close as the lines of a paragraph)
    or, on a ruled page, as a line between the same two rules as the row's.
    A single line in such columns at a page's foot or top is a table row
    when the table goes on across the page break. `rules` gives the heights
    of each page's horizontal rules.
    """
    found = [
        (page, [ln for ln in page.lines if ln.text.strip()], _table_spans(page, cells))
        for page in layouts
    ]
    tables: list[_Table] = []
    ended_page: dict[int, bool] = {}
    for index, (page, lines, spans) in enumerate(found):
        for span, starts, font, leading, lone in spans:
            previous = tables[-1] if tables else None
            continued = (
                previous is not None
                and span[0] is lines[0]
                and previous.rows[-1][-1].page == page.number - 1
                and ended_page.get(previous.number, False)
                and _same_columns(previous.starts, starts, font)
            )
            if (
                lone
                and not continued
                and not _runs_on(span, lines, starts, font, found[index + 1 :])
            ):
                continue
            ruled = (rules or {}).get(page.number, [])
            rows = _table_rows(span, cells, starts, font, leading, ruled)
            if previous is not None and continued:
                number, first = previous.number, previous.first_row + len(previous.rows)
            else:
                number, first = (previous.number + 1 if previous else 1), 1
            tables.append(_Table(tuple(rows), tuple(starts), number, first))
            ended_page[number] = span[-1] is lines[-1]
    return tables


def _same_columns(these: Sequence[float], those: Sequence[float], tolerance: float) -> bool:
    return len(these) == len(those) and all(
        abs(a - b) <= tolerance for a, b in zip(these, those, strict=True)
    )


def _runs_on(
    span: Sequence[Line],
    lines: Sequence[Line],
    starts: Sequence[float],
    font: float,
    later: Sequence[tuple[PageLines, list[Line], list[Any]]],
) -> bool:
    """Return True when a lone table line ending its page is continued by a table on the next."""
    if span[-1] is not lines[-1] or not later:
        return False
    _, next_lines, next_spans = later[0]
    return any(
        other[0] is next_lines[0] and _same_columns(starts, other_starts, font)
        for other, other_starts, *_ in next_spans
    )


def _table_spans(
    page: PageLines, cells: dict[int, tuple[_Cell, ...]]
) -> list[tuple[list[Line], list[float], float, float, bool]]:
    """Return (lines, column starts, font height, leading, lone) of each table on one page.

    `lone` marks a single line in columns at the top or foot of the page: a
    table only when it continues one across the page break.
    """
    lines = [line for line in page.lines if line.text.strip()]
    spans: list[tuple[list[Line], list[float], float, float, bool]] = []
    if len(lines) < 2:
        return spans
    font = statistics.median(line.bottom - line.top for line in lines) / _BOX_TO_FONT
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False))
    leading = gaps[len(gaps) // 4]
    index = 0
    while index < len(lines):
        starts = [cell.x0 for cell in cells.get(id(lines[index]), ())]
        end, split = index + 1, 1
        while len(starts) >= 2 and end < len(lines):
            found = cells.get(id(lines[end]), ())
            if not _fits(found, starts, font):
                break
            if len(found) < 2 and lines[end].top - lines[end - 1].bottom > leading + 0.3 * font:
                break
            split += len(found) >= 2
            end += 1
        at_edge = index == 0 or end == len(lines)
        if split >= 2 or (len(starts) >= 2 and at_edge):
            spans.append((list(lines[index:end]), starts, font, leading, split < 2))
            index = end
        else:
            index += 1
    return spans


def _fits(found: Sequence[_Cell], starts: Sequence[float], tolerance: float) -> bool:
    """Return True when every cell starts at one of `starts` and ends before the next one."""
    if not found:
        return False
    for cell in found:
        column = _column(cell, starts, tolerance)
        if column is None:
            return False
        if column + 1 < len(starts) and cell.x1 > starts[column + 1] + tolerance:
            return False
    return True


def _column(cell: _Cell, starts: Sequence[float], tolerance: float) -> int | None:
    return next((k for k, x in enumerate(starts) if abs(cell.x0 - x) <= tolerance), None)


def _table_rows(
    span: Sequence[Line],
    cells: dict[int, tuple[_Cell, ...]],
    starts: Sequence[float],
    font: float,
    leading: float,
    rules: Sequence[float] = (),
) -> list[tuple[Line, ...]]:
    """Return the lines of `span` grouped into table rows.

    Rules printed between the lines separate the rows. Without them, rows
    set apart by more space than the lines of a wrapped cell are cut there;
    when all lines are set alike, a line with text in the first column
    starts a row and the others continue it.
    """
    pairs = list(zip(span, span[1:], strict=False))

    def middle(line: Line) -> float:
        return (line.top + line.bottom) / 2

    # -- a rule close under a line may touch its box: compare with the lines' middles --
    inside = [y for y in rules if middle(span[0]) < y < middle(span[-1])]
    if inside:
        loose = [any(middle(a) < y < middle(b) for y in inside) for a, b in pairs]
    else:
        loose = [b.top - a.bottom > leading + 0.3 * font for a, b in pairs]
    rows: list[list[Line]] = [[span[0]]]
    for line, apart in zip(span[1:], loose, strict=False):
        first_column = any(_column(cell, starts, font) == 0 for cell in cells.get(id(line), ()))
        if apart if any(loose) else first_column:
            rows.append([line])
        else:
            rows[-1].append(line)
    return [tuple(row) for row in rows]


def table_blocks(
    table: _Table,
    cells: dict[int, tuple[_Cell, ...]],
    confidence: dict[int, float],
    names: dict[int, str],
    heights: dict[int, float],
) -> list[Block]:
    """Return one `table_cell` block per filled cell of `table`, as the typed readers give them.

    The first row of a table (not of its continuation on a later page) is
    its header, as Markdown's first row is.
    """
    from dpa_compare.io.pdf import join_lines

    font = statistics.median(ln.bottom - ln.top for row in table.rows for ln in row) / _BOX_TO_FONT
    blocks = []
    for number, row in enumerate(table.rows, start=table.first_row):
        texts: dict[int, str] = {}
        for line in row:
            for cell in cells.get(id(line), ()):
                column = _column(cell, table.starts, font) or 0
                before = texts.get(column)
                texts[column] = join_lines(before, cell.text) if before else cell.text
        for column, text in sorted(texts.items()):
            where = f"table {table.number} row {number} cell {column + 1}"
            block = Block(
                text=text,
                location="",
                kind="table_cell",
                cell=(table.number, number, column + 1),
                header=number == 1,
            )
            block = _with_confidence(block, list(row), confidence, names, heights)
            blocks.append(dataclasses.replace(block, location=f"{block.location}, {where}"))
    return blocks


def _rejoin_wrapped(
    groups: list[tuple[Block, list[Line]]], lines: Sequence[Line]
) -> list[tuple[Block, list[Line]]]:
    """Return the paragraphs with those split before a word too long for the line rejoined.

    A typesetter moves an e-mail address or a URL that does not fit to the
    next line, leaving the line short; the paragraph builder takes a short
    line for a paragraph's end. When the room left on that line is narrower
    than the next line's first word, the line did not end a paragraph.
    """
    from dpa_compare.io.pdf import join_lines

    if not lines:
        return groups
    right = max(line.x1 for line in lines)
    joined: list[tuple[Block, list[Line]]] = []
    for block, group in groups:
        if joined and group and _wrapped_before(joined[-1][1], group[0], right):
            previous, previous_lines = joined[-1]
            merged = dataclasses.replace(previous, text=join_lines(previous.text, block.text))
            joined[-1] = (merged, previous_lines + group)
        else:
            joined.append((block, group))
    return joined


def _wrapped_before(previous: list[Line], first: Line, right: float) -> bool:
    if not previous:
        return False
    last = previous[-1]
    text = last.text.rstrip()
    if first.page != last.page or first.top <= last.top or not text:
        return False
    if text.endswith(("。", "；", "：", "！", "？", ".", ";", ":")) or last.size != first.size:
        return False
    if first.top - last.bottom > 0.7 * (last.bottom - last.top):
        return False
    word = re.match(r"[A-Za-z0-9@:/._%+-]{6,}", first.text.strip())
    if not word:
        return False
    word_width = (first.x1 - first.x0) * len(word.group()) / max(len(first.text.strip()), 1)
    return right - last.x1 < word_width


def _without_running_lines(pages: list[PageLines]) -> list[PageLines]:
    """Return `pages` without margin lines repeated on most pages, spaces and digits ignored.

    The PDF reader's `remove_furniture` compares lines as extracted; OCR may
    read the same running header with or without a space (`Lumenfield 数据`,
    `Lumenfield数据`), so the comparison here ignores whitespace.
    """
    from dpa_compare.io.pdf import MARGIN_ZONE

    if len(pages) < 2:
        return pages

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text.lower()))

    def in_margin(line: Line, page: PageLines) -> bool:
        return line.bottom <= page.height * MARGIN_ZONE or line.top >= page.height * (
            1 - MARGIN_ZONE
        )

    seen = Counter(
        k for page in pages for k in {key(ln) for ln in page.lines if in_margin(ln, page)}
    )
    needed = max(2, math.ceil(len(pages) / 2))
    return [
        dataclasses.replace(
            page,
            lines=tuple(
                ln for ln in page.lines if not (in_margin(ln, page) and seen[key(ln)] >= needed)
            ),
        )
        for page in pages
    ]


def _lines_of(blocks: Sequence[Block], lines: Sequence[Line]) -> Iterator[list[Line]]:
    """Yield, for each block, the lines the paragraph builder joined into it (in order)."""
    from dpa_compare.io.pdf import join_lines

    index = 0
    for block in blocks:
        group: list[Line] = []
        text = ""
        while index < len(lines) and (not group or text != block.text):
            group.append(lines[index])
            text = (
                join_lines(text, lines[index].text.strip()) if text else lines[index].text.strip()
            )
            index += 1
        yield group


def _with_confidence(
    block: Block,
    lines: Sequence[Line],
    confidence: dict[int, float],
    names: dict[int, str],
    heights: dict[int, float],
) -> Block:
    scores = [confidence.get(id(line), 1.0) for line in lines]
    doubts = tuple(
        OcrDoubt(
            text=line.text,
            confidence=round(score, 3),
            location=f"{names[line.page]}, {round(100 * line.top / heights[line.page])}% down",
        )
        for line, score in zip(lines, scores, strict=False)
        if score < LOW_CONFIDENCE
    )
    page = lines[0].page if lines else None
    text = block.text
    if any(is_cjk(char) for char in text):
        # -- a bracket opened on one line and closed on the next is paired only now --
        text = restore_label_space(restore_fullwidth(text))
    return dataclasses.replace(
        block,
        text=text,
        location=names.get(page, block.location) if page else block.location,
        ocr_confidence=round(min(scores), 3) if scores else None,
        ocr_doubts=doubts,
    )


__all__ = [
    "LOW_CONFIDENCE",
    "MISSING_EXTRA",
    "PAGE_WIDTH_PX",
    "PageImage",
    "available",
    "box_rows",
    "engine_for",
    "open_image",
    "read_pages",
    "row_text",
    "strips",
]
