"""Page images of Chinese text for the OCR tests and `bench/bench_ocr.py`, drawn with Noto CJK.

A Markdown translation is laid out the way a typesetter would print it:
Letter pages at 150 dpi (1275 × 1650 px), 12-point body text, larger
headings, a running header and a page number in the margins, and table rows
with their cells in columns. `printed_paragraphs` gives the text each page
image shows, paragraph by paragraph, which is what OCR must give back.
Degraded variants reproduce what arrives in practice: a JPEG saved at
quality 35, a page scanned 1.5° askew with sensor noise, and a 1080-px-wide
phone screenshot of the whole article in one long image.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_FILE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
"""Noto Sans CJK (Debian's fonts-noto-cjk); `.ci/run` installs it."""

FONT_INDEX = {"sc": 2, "tc": 3}
"""Face in the collection: Simplified or Traditional Chinese glyph forms."""

PAGE = (1275, 1650)
MARGIN = 150
BODY_PX = 25
HEADING_PX = 34
TITLE_PX = 42
"""The document title (`#`) is set larger than section headings (`##`)."""
PITCH = 1.6
"""Line pitch, as a multiple of the font size."""

RUNNING_HEADER = "Lumenfield 数据处理附录"


@dataclass(frozen=True)
class Paragraph:
    """One printed paragraph: its text, whether it is a heading, and its cells if a table row."""

    text: str
    heading: bool = False
    cells: tuple[str, ...] = ()
    title: bool = False


def paragraphs_of(markdown: str) -> list[Paragraph]:
    """Return the printed paragraphs of a Markdown translation (headings, text, table rows)."""
    found = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"\|?[\s|:-]+\|?", line):
            continue
        if line.startswith("|"):
            cells = tuple(c.strip() for c in line.strip("|").split("|"))
            found.append(Paragraph(" ".join(cells), cells=cells))
        elif line.startswith("#"):
            title = not line.startswith("##")
            found.append(Paragraph(line.lstrip("#").strip(), heading=True, title=title))
        else:
            found.append(Paragraph(line))
    return found


def printed_labels(paragraphs: list[Paragraph]) -> list[str]:
    """Return the decimal clause numbers the paragraphs start with, as printed (`1.`, `1.1`)."""
    found = []
    for paragraph in paragraphs:
        match = re.match(r"(\d+(?:\.\d+)*\.?)\s", paragraph.text)
        if match:
            found.append(match.group(1))
    return found


def font(size: int, script: str = "sc") -> ImageFont.FreeTypeFont:
    """Return Noto Sans CJK at `size` pixels in the glyph forms of `script` (`sc` or `tc`)."""
    return ImageFont.truetype(str(FONT_FILE), size, index=FONT_INDEX[script])


def _wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Return `text` broken into lines no wider than `width` pixels (CJK breaks anywhere)."""
    lines, current = [], ""
    for token in re.findall(r"[A-Za-z0-9@:/._%§-]+|\s|.", text):
        if current and face.getlength(current + token) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _table_columns(
    paragraphs: list[Paragraph], face: ImageFont.FreeTypeFont, width: int, em: int
) -> dict[int, tuple[list[int], list[int]]]:
    """Return, for each table row (by `id`), its column starts and widths in pixels.

    As a typesetter sets a table: each column as wide as its widest cell,
    columns two ems apart; a table wider than the text block has its columns
    narrowed in proportion, and cells wrap inside them.
    """
    found: dict[int, tuple[list[int], list[int]]] = {}
    table: list[Paragraph] = []
    for para in [*paragraphs, Paragraph("")]:
        if para.cells and (not table or len(para.cells) == len(table[0].cells)):
            table.append(para)
            continue
        if table:
            natural = [
                max(round(face.getlength(row.cells[k])) for row in table)
                for k in range(len(table[0].cells))
            ]
            gutter = 2 * em
            room = width - gutter * (len(natural) - 1)
            if sum(natural) > room:
                natural = [max(2 * em, w * room // sum(natural)) for w in natural]
            starts = [sum(natural[:k]) + gutter * k for k in range(len(natural))]
            found.update({id(row): (starts, natural) for row in table})
        table = [para] if para.cells else []
    return found


def render_pages(
    paragraphs: list[Paragraph],
    script: str = "sc",
    size: tuple[int, int] = PAGE,
    margin: int = MARGIN,
    body_px: int = BODY_PX,
    heading_px: int = HEADING_PX,
    furniture: bool = True,
    max_pages: int | None = None,
) -> list[tuple[Image.Image, list[Paragraph]]]:
    """Return page images of `paragraphs`, each with the paragraphs it shows (whole ones only).

    A paragraph never breaks across pages, so each page's printed text is a
    run of whole paragraphs.
    """
    width, height = size
    body, heading = font(body_px, script), font(heading_px, script)
    title_px = round(heading_px * TITLE_PX / HEADING_PX)
    title = font(title_px, script)
    pages: list[tuple[Image.Image, list[Paragraph]]] = []
    queue = list(paragraphs)
    columns = _table_columns(paragraphs, body, width - 2 * margin, body_px)
    while queue and (max_pages is None or len(pages) < max_pages):
        image = Image.new("L", size, 255)
        draw = ImageDraw.Draw(image)
        number = len(pages) + 1
        if furniture:
            small = font(18, script)
            draw.text((margin, 60), RUNNING_HEADER, font=small, fill=90)
            draw.text((width // 2 - 30, height - 90), f"第 {number} 页", font=small, fill=90)
        y = margin
        shown: list[Paragraph] = []
        while queue:
            para = queue[0]
            face = title if para.title else heading if para.heading else body
            px = title_px if para.title else heading_px if para.heading else body_px
            if para.cells:
                starts, widths = columns[id(para)]
                wrapped = [_wrap(cell, face, w) for cell, w in zip(para.cells, widths, strict=True)]
                count = max(len(cell_lines) for cell_lines in wrapped)
                lines = [
                    tuple(cell_lines[k] if k < len(cell_lines) else "" for cell_lines in wrapped)
                    for k in range(count)
                ]
            else:
                lines = _wrap(para.text, face, width - 2 * margin)
            needed = len(lines) * px * PITCH
            if y + needed > height - margin and shown:
                break
            for line in lines:
                if para.cells:
                    for start, cell in zip(starts, line, strict=True):
                        draw.text((margin + start, y), cell, font=face, fill=0)
                else:
                    draw.text((margin, y), line, font=face, fill=0)
                y += round(px * PITCH)
            y += round(px * 0.9)
            shown.append(queue.pop(0))
        pages.append((image, shown))
    return pages


def jpeg(image: Image.Image, quality: int = 35) -> Image.Image:
    """Return `image` after a round trip through JPEG at `quality`."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def skewed_with_noise(image: Image.Image, degrees: float = 1.5, seed: int = 7) -> Image.Image:
    """Return `image` rotated by `degrees`, slightly blurred, with Gaussian sensor noise."""
    import numpy as np

    turned = image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    soft = turned.filter(ImageFilter.GaussianBlur(0.6))
    noise = np.random.default_rng(seed).normal(0, 18, (soft.height, soft.width))
    pixels = np.clip(np.asarray(soft, dtype=float) + noise, 0, 255).astype("uint8")
    return Image.fromarray(pixels)


def phone_screenshots(
    paragraphs: list[Paragraph], script: str = "sc", height: int = 4200, count: int | None = None
) -> list[tuple[Image.Image, list[Paragraph]]]:
    """Return long 1080-px-wide phone captures of `paragraphs`, each with the paragraphs shown."""
    return render_pages(
        paragraphs,
        script,
        size=(1080, height),
        margin=48,
        body_px=40,
        heading_px=52,
        furniture=False,
        max_pages=count,
    )


def png_bytes(image: Image.Image) -> bytes:
    """Return `image` encoded as PNG."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def traditional(markdown: str) -> str:
    """Return `markdown` in Traditional Chinese as printed in Taiwan (OpenCC s2tw: 為, not 爲)."""
    import opencc

    return opencc.OpenCC("s2tw").convert(markdown)
