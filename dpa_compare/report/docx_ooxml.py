"""Low-level WordprocessingML pieces of the review report: runs, revisions, shading, bookmarks.

The writer builds the (large) tables directly in lxml rather than through
python-docx's cell proxies, which are slow for a thousand rows. Elements are
created as children of python-docx elements, so they get python-docx's
element classes (a `w:r` is a `CT_R`), and `Document.add_comment` can still
anchor comments on them.

Redline formatting follows the Litera / DeltaView convention lawyers know:
insertions blue double underline, deletions red strikethrough, moved text
green double underline (and green double strikethrough where it left).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml import etree

from dpa_compare.lang.script import has_cjk

W_NS = nsmap["w"]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

BLUE, RED, GREEN, GREY = "0000FF", "FF0000", "008000", "767676"

RUN_FORMATS: dict[str, dict[str, str]] = {
    "plain": {},
    "inserted": {"color": BLUE, "u": "double"},
    "deleted": {"color": RED, "strike": "1"},
    "moved": {"color": GREEN, "u": "double"},
    "moved_from": {"color": GREEN, "dstrike": "1"},
    "bold": {"b": "1"},
    "italic": {"i": "1"},
    "muted": {"color": GREY},
}
"""Direct run formatting per span style (display mode)."""

STATUS_FILLS: dict[str, str] = {
    "current": "E2EFDA",
    "cosmetic": "FFF2CC",
    "stale": "FFC000",
    "amended": "FFE699",
    "drift": "FCE4D6",
    "new": "DDEBF7",
    "moved": "C6E0B4",
    "renumbered": "E4DFEC",
    "orphaned": "F8CBAD",
    "missing": "FF9999",
    "unaligned": "D9D9D9",
}
"""Cell shading (hex RGB) of the Status cell, per status (cosmetic pale, stale strong amber)."""

SEVERITY_COLORS: dict[str, str] = {
    "critical": "C00000",
    "major": "C55A11",
    "minor": "7F6000",
    "info": GREY,
}
"""Text colour of the finding mark in the Status cell, per severity."""

HEADING_FILL = "D6DCE4"
HEADER_FILL = "44546A"

BOOKMARK_PREFIX = "dpa_"
BOOKMARK_MAX = 40
"""Word's limit on bookmark name length."""

# -- escapes inside a bookmark name: "_" + one code letter (all lower case,
#    because Word compares bookmark names case-insensitively) --
_ESCAPES = {
    "_": "_",
    ".": "d",
    "-": "h",
    "(": "o",
    ")": "c",
    ":": "k",
    "/": "s",
    " ": "w",
    "~": "t",
    "|": "p",
}
_UNESCAPES = {code: char for char, code in _ESCAPES.items()}
_HASHED = "_z"
_HEX_ESCAPE = re.compile(r"x([0-9a-f]{1,6})_")

# -- the order of w:rPr children the schema requires (subset used here) --
_RPR_ORDER = ("rFonts", "b", "i", "strike", "dstrike", "color", "sz", "szCs", "u", "lang")


@cache
def w(tag: str) -> str:
    """Return the Clark name of `w:<tag>` (python-docx's `qn`), remembered: a review asks for
    the same few dozen names some 100,000 times."""
    return qn(f"w:{tag}")


def sub(parent: Any, tag: str, **attributes: str) -> Any:
    """Return a new `w:<tag>` child appended to `parent`, with `w:` attributes."""
    return etree.SubElement(parent, w(tag), {w(k): v for k, v in attributes.items()})


def run_properties(
    parent: Any,
    style: str,
    fonts: tuple[str, str] | None,
    lang: str | None,
    *,
    size: float | None = None,
    color: str | None = None,
) -> Any:
    """Append a `w:rPr` for a span `style` to `parent` (a `w:r`); return it.

    `fonts` is (Latin font, East Asian font) to set explicitly, None to inherit.
    `lang` "zh" or a Chinese locale ("zh-TW") marks the run Chinese: East Asian
    font hint and that East Asian language ("zh" alone: zh-CN), so full-width
    punctuation and quotes are set in the Chinese font. `size`
    (points) and `color` (hex RGB) override the defaults.
    """
    r_pr = sub(parent, "rPr")
    props = dict(RUN_FORMATS[style])
    if color:
        props["color"] = color
    if size:
        props["sz"] = props["szCs"] = str(round(size * 2))
    chinese = bool(lang) and lang.startswith("zh")  # type: ignore[union-attr]
    for name in _RPR_ORDER:
        if name == "rFonts" and (fonts or chinese):
            attrs = (
                {"ascii": fonts[0], "hAnsi": fonts[0], "eastAsia": fonts[1], "cs": fonts[0]}
                if fonts
                else {}
            )
            sub(r_pr, "rFonts", **attrs, **({"hint": "eastAsia"} if chinese else {}))
        elif name == "lang" and chinese:
            east_asian = lang if lang and "-" in lang else "zh-CN"
            sub(r_pr, "lang", val="en-US", eastAsia=east_asian)
        elif name in props:
            sub(r_pr, name, val=props[name] if name in ("color", "u", "sz", "szCs") else "1")
    return r_pr


def text_run(
    parent: Any,
    text: str,
    style: str = "plain",
    *,
    fonts: tuple[str, str] | None = None,
    lang: str | None = None,
    deleted: bool = False,
    formatted: bool = True,
    size: float | None = None,
    color: str | None = None,
) -> Any:
    """Append a `w:r` showing `text` to `parent`; return it.

    "\\n" becomes a line break and "\\t" a tab. `deleted` writes `w:delText`
    (required inside `w:del`). `formatted` False drops the redline formatting
    of `style` (tracked changes carry their own marks). `size` / `color` as
    in `run_properties`.
    """
    r = sub(parent, "r")
    run_properties(r, style if formatted else "plain", fonts, lang, size=size, color=color)
    text_tag = "delText" if deleted else "t"
    for index, line in enumerate(text.split("\n")):
        if index:
            sub(r, "br")
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                sub(r, "tab")
            if part:
                t = sub(r, text_tag)
                t.text = part
                if part != part.strip():
                    t.set(XML_SPACE, "preserve")
    return r


def revision(parent: Any, kind: str, author: str, date: str) -> Any:
    """Append a `w:ins` or `w:del` revision wrapper to `parent`; return it (id assigned later)."""
    return sub(parent, kind, id="0", author=author, date=date)


def shade(properties: Any, fill: str) -> None:
    """Append a solid `w:shd` with `fill` (hex RGB) to `properties` (a `w:tcPr`)."""
    sub(properties, "shd", val="clear", color="auto", fill=fill)


def paragraph(
    parent: Any,
    *,
    keep_next: bool = False,
    page_break: bool = False,
    before: int = 0,
    after: int = 0,
    align: str | None = None,
) -> Any:
    """Append a compact `w:p` (`before` / `after` twips of space) to `parent`; return it.

    `keep_next` keeps it on the page of the next paragraph; `page_break` starts a new page.
    """
    p = sub(parent, "p")
    p_pr = sub(p, "pPr")
    if keep_next:
        sub(p_pr, "keepNext")
    if page_break:
        sub(p_pr, "pageBreakBefore")
    sub(p_pr, "spacing", before=str(before), after=str(after), line="240", lineRule="auto")
    if align:
        sub(p_pr, "jc", val=align)
    return p


def table(parent: Any, widths: Iterable[int], *, borders: bool = True, caption: str = "") -> Any:
    """Append a fixed-layout `w:tbl` with column `widths` (twips) to `parent`; return it."""
    widths = list(widths)
    tbl = sub(parent, "tbl")
    tbl_pr = sub(tbl, "tblPr")
    sub(tbl_pr, "tblW", w=str(sum(widths)), type="dxa")
    if borders:
        edges = sub(tbl_pr, "tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            sub(edges, edge, val="single", sz="4", space="0", color="808080")
    sub(tbl_pr, "tblLayout", type="fixed")
    margins = sub(tbl_pr, "tblCellMar")
    for edge in ("left", "right"):
        sub(margins, edge, w="70", type="dxa")
    if caption:
        sub(tbl_pr, "tblCaption", val=caption)
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    return tbl


def table_row(tbl: Any, *, header: bool = False, cant_split: bool = True) -> Any:
    """Append a `w:tr` to `tbl` (repeated on every page when `header`); return it."""
    tr = sub(tbl, "tr")
    tr_pr = sub(tr, "trPr")
    if cant_split:
        sub(tr_pr, "cantSplit")
    if header:
        sub(tr_pr, "tblHeader")
    return tr


def table_cell(tr: Any, width: int, fill: str | None = None) -> Any:
    """Append a `w:tc` of `width` twips (shaded `fill` when given) to `tr`; return it."""
    tc = sub(tr, "tc")
    tc_pr = sub(tc, "tcPr")
    sub(tc_pr, "tcW", w=str(width), type="dxa")
    if fill:
        shade(tc_pr, fill)
    return tc


def bookmark_name(row_id: str) -> str:
    """Return the Word bookmark name that carries `row_id` (≤ 40 chars, starting with a letter).

    Letters and digits stay; other characters are escaped reversibly
    (`7.2(a)` → `dpa_7_d2_oa_c`; upper case and rare characters too, since
    Word compares names case-insensitively). An id too long to fit becomes a
    hash (`dpa__z…`), which `decode_bookmark` resolves only through the
    mapping the writer stores in the document.
    """
    encoded = BOOKMARK_PREFIX + "".join(_escape(char) for char in row_id)
    if row_id and len(encoded) <= BOOKMARK_MAX:
        return encoded
    digest = hashlib.sha256(row_id.encode("utf-8")).hexdigest()
    return (BOOKMARK_PREFIX + _HASHED + digest)[:BOOKMARK_MAX]


def decode_bookmark(name: str) -> str | None:
    """Return the row id encoded in bookmark `name`; None when it is not a readable row bookmark.

    Hashed names (long ids) also give None: look them up in the stored mapping.
    """
    if not name.startswith(BOOKMARK_PREFIX) or name.startswith(BOOKMARK_PREFIX + _HASHED):
        return None
    body, out, index = name[len(BOOKMARK_PREFIX) :], [], 0
    while index < len(body):
        char = body[index]
        if char.isascii() and (char.isdigit() or char.islower()):
            out.append(char)
            index += 1
            continue
        if char != "_" or index + 1 >= len(body):
            return None
        code = body[index + 1]
        if (
            code == "u"
            and index + 2 < len(body)
            and body[index + 2].islower()
            and body[index + 2].isascii()
        ):
            out.append(body[index + 2].upper())
            index += 3
        elif code == "x" and (match := _HEX_ESCAPE.match(body, index + 1)):
            out.append(chr(int(match.group(1), 16)))
            index = match.end()
        elif code in _UNESCAPES:
            out.append(_UNESCAPES[code])
            index += 2
        else:
            return None
    return "".join(out) or None


def is_hashed_bookmark(name: str) -> bool:
    """Return True when `name` is a hashed (long-id) row bookmark."""
    return name.startswith(BOOKMARK_PREFIX + _HASHED)


def _escape(char: str) -> str:
    if char.isascii() and (char.isdigit() or char.islower()):
        return char
    if char.isascii() and char.isupper():
        return "_u" + char.lower()
    if char in _ESCAPES:
        return "_" + _ESCAPES[char]
    return f"_x{ord(char):x}_"


def add_bookmark(p: Any, name: str) -> None:
    """Wrap the runs of paragraph `p` in a bookmark called `name` (id assigned later)."""
    start = sub(p, "bookmarkStart", id="0", name=name)
    p_pr = p.find(w("pPr"))
    if p_pr is not None:
        p_pr.addnext(start)
    sub(p, "bookmarkEnd", id="0")


def renumber_annotations(body: Any, first_id: int) -> int:
    """Give every `w:ins`, `w:del` and bookmark under `body` a unique id from `first_id`; return the
    next free id.

    Comments keep the ids python-docx gave them (0…n-1); everything else is
    numbered after them, so no two annotations of any type share an id.
    Bookmark ends get their start's id (a bookmark here never spans paragraphs).
    """
    next_id = first_id
    open_bookmarks: list[Any] = []
    for element in body.iter(w("ins"), w("del"), w("bookmarkStart"), w("bookmarkEnd")):
        if element.tag == w("bookmarkEnd"):
            element.set(
                w("id"), open_bookmarks.pop(0).get(w("id")) if open_bookmarks else str(next_id)
            )
            continue
        element.set(w("id"), str(next_id))
        next_id += 1
        if element.tag == w("bookmarkStart"):
            open_bookmarks.append(element)
    return next_id


def lift_comment_markers(p: Any) -> None:
    """Move comment range markers and reference runs of paragraph `p` out of `w:ins` / `w:del`.

    python-docx places them next to the anchored runs; a run inside a revision
    would make the comment itself part of the revision ("reject all" would
    delete the reference), so they go just outside the revision instead.
    """
    for tag, before in (("commentRangeStart", True), ("commentRangeEnd", False)):
        for marker in list(p.iter(w(tag))):
            wrapper = marker.getparent()
            if wrapper.tag not in (w("ins"), w("del")):
                continue
            if before:
                wrapper.addprevious(marker)
                continue
            reference = marker.getnext()
            wrapper.addnext(marker)
            if reference is not None and reference.find(w("commentReference")) is not None:
                marker.addnext(reference)


__all__ = [
    "BOOKMARK_MAX",
    "HEADER_FILL",
    "HEADING_FILL",
    "RUN_FORMATS",
    "SEVERITY_COLORS",
    "STATUS_FILLS",
    "add_bookmark",
    "bookmark_name",
    "decode_bookmark",
    "has_cjk",
    "is_hashed_bookmark",
    "lift_comment_markers",
    "paragraph",
    "renumber_annotations",
    "revision",
    "run_properties",
    "shade",
    "sub",
    "table",
    "table_cell",
    "table_row",
    "text_run",
    "w",
]
