"""Pictures in a saved web page: a translation published as images, read by OCR in page order.

An article page saved with its images folder (`page.html` + `page_files/`)
may carry its clauses only in pictures. Each `<img>` of the main content is
replaced, before the text is walked, by a placeholder paragraph, so the
pictures keep their place between the text blocks. When the page's own text
holds no clause (or when OCR is asked for), every placeholder becomes the
paragraphs read from its picture; otherwise the placeholders are dropped.

Only pictures stored beside the page are read: `src` / `data-src` naming a
file under the page's folder, or a `data:` URI. Remote addresses are never
fetched, and icons (under `MIN_PICTURE_PX` on a side) are skipped.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from dpa_compare.errors import LoadError
from dpa_compare.model import Block

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_PICTURE_PX = 200
"""Pictures narrower or lower than this are icons, dividers or avatars, never a page of text."""

MIN_CLAUSES = 2
"""A page whose text shows fewer clause numbers than this holds its clauses elsewhere."""

_MARK = "\ue000"
_PLACEHOLDER = re.compile(rf"^{_MARK}picture (\d+){_MARK}$")
_SOURCE_ATTRIBUTES = ("data-src", "src", "data-original")


def mark_pictures(roots: Sequence[HtmlElement]) -> list[tuple[str, ...]]:
    """Put a placeholder paragraph in place of each `<img>` under `roots`; return their sources."""
    from lxml.html import Element

    sources: list[tuple[str, ...]] = []
    for root in roots:
        for image in list(root.iter("img")):
            # -- a saved article keeps the remote address in one attribute, the file in another --
            source = tuple(image.get(a) for a in _SOURCE_ATTRIBUTES if image.get(a))
            placeholder = Element("p")
            placeholder.text = f"{_MARK}picture {len(sources)}{_MARK}"
            placeholder.tail = image.tail
            image.getparent().replace(image, placeholder)
            sources.append(source)
    return sources


def is_placeholder(block: Block) -> bool:
    """Return True for the block standing where a picture was."""
    return bool(_PLACEHOLDER.match(block.text))


def without_pictures(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Return `blocks` with the picture placeholders removed."""
    return tuple(block for block in blocks if not is_placeholder(block))


def holds_clauses(blocks: Sequence[Block]) -> bool:
    """Return True when at least `MIN_CLAUSES` text blocks start with a clause number."""
    from dpa_compare.lang import en, zh

    numbered = 0
    for block in blocks:
        if block.auto_label or en.match_label(block.text) or zh.match_label(block.text):
            numbered += 1
            if numbered >= MIN_CLAUSES:
                return True
    return False


def with_pictures_read(
    blocks: Sequence[Block], sources: Sequence[tuple[str, ...]], page: Path
) -> tuple[Block, ...]:
    """Return `blocks` with each placeholder replaced by the paragraphs OCR reads in its picture."""
    from dpa_compare.io.ocr import engine_for, read_pages

    engine_for(page)
    pictures = {
        index: picture
        for index, source in enumerate(sources)
        if (picture := _load_picture(source, page)) is not None
    }
    if not pictures:
        return without_pictures(blocks)
    order = sorted(pictures)
    read = read_pages([pictures[i] for i in order], page)
    by_picture: dict[int, list[Block]] = {i: [] for i in order}
    for block in read:
        number = int(block.location.split()[1])
        by_picture[order[number - 1]].append(block)
    result: list[Block] = []
    for block in blocks:
        match = _PLACEHOLDER.match(block.text)
        if match:
            result += by_picture.get(int(match.group(1)), [])
        else:
            result.append(block)
    return tuple(result)


def _load_picture(sources: tuple[str, ...], page: Path):  # noqa: ANN202 -- PageImage | None
    """Return the first local picture of `sources` as a page image; None when there is none."""
    from dpa_compare.io.ocr import PageImage, open_image

    data, name = next(
        (found for source in sources if (found := _picture_bytes(source, page))[0] is not None),
        (None, ""),
    )
    if data is None:
        return None
    try:
        frames = open_image(data, page / name)
    except LoadError:
        return None
    image = frames[0]
    if min(image.width, image.height) < MIN_PICTURE_PX:
        return None
    return PageImage(image, name)


def _picture_bytes(source: str, page: Path) -> tuple[bytes | None, str]:
    if source.startswith("data:"):
        header, _, payload = source.partition(",")
        if not header.endswith(";base64"):
            return None, ""
        try:
            return base64.b64decode(payload, validate=False), "inline picture"
        except (binascii.Error, ValueError):
            return None, ""
    parts = urlsplit(source)
    if parts.scheme or parts.netloc or not parts.path:
        return None, ""
    folder = page.parent.resolve()
    file = (folder / unquote(parts.path)).resolve()
    if not file.is_relative_to(folder) or not file.is_file():
        return None, ""
    if file.stat().st_size > 50 * 1024 * 1024:
        return None, ""
    return file.read_bytes(), file.name


__all__ = [
    "MIN_PICTURE_PX",
    "holds_clauses",
    "is_placeholder",
    "mark_pictures",
    "with_pictures_read",
    "without_pictures",
]
