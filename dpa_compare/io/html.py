"""HTML reader: the main text of a saved web page, as blocks.

The page is parsed with lxml's HTML parser with network access off, comments
and processing instructions dropped. HTML parsers do not expand DTD entities;
a page that declares some (`<!DOCTYPE x [<!ENTITY …>]>`, billion laughs,
XXE) is refused outright, as the Word reader refuses them.

Only the content a reader of the page came for is kept: `<main>` or the
`<article>`s when the page has them, and never scripts, navigation, headers,
footers, forms, cookie banners or menus. Ordered lists get the numbers a
browser would draw (`start`, `type`, `reversed`, `value`), given as the
block's `auto_label` so the segmenter sees them like typed numbers.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from dpa_compare.errors import LoadError
from dpa_compare.io import Source, sha256_of
from dpa_compare.io._html_blocks import BlockWalker, clean_inline
from dpa_compare.io.encoding import BOMS, decode_text
from dpa_compare.io.html_images import (
    holds_clauses,
    mark_pictures,
    with_pictures_read,
    without_pictures,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

DROPPED_TAGS = frozenset(
    "script style noscript template svg math nav header footer aside form button iframe "
    "object embed canvas select textarea input label dialog menu head title link meta".split()
)
"""Elements whose content is never main text."""

DROPPED_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar"}
)
"""ARIA roles of page furniture."""

FURNITURE_WORDS = (
    "nav",
    "menu",
    "cookie",
    "breadcrumb",
    "footer",
    "sidebar",
    "skiplink",
    "toolbar",
)
"""A class or id word starting with one of these marks page furniture."""

_WORD_SPLIT = re.compile(r"[\s_-]+")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_CHARSET_ALIASES = {
    # -- WHATWG: browsers decode these labels with the wider Windows/GB tables --
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "unicode": "utf-16",
}


def read(data: bytes, path: Path, ocr: bool = False) -> Source:
    """Return the blocks of the saved web page `data`, read from `path`.

    Pictures of the main content stored beside the page are read by OCR in
    their place when the page's text holds no clauses, or always when `ocr`
    is True (`dpa_compare.io.html_images`).
    """
    text = decode_html(data, path)
    root = _parse(text, path)
    title = _title(root)
    content = _content_roots(root)
    for node in content:
        _prune(node)
    pictures = mark_pictures(content)
    walker = BlockWalker()
    for node in content:
        walker.walk_root(node)
    blocks = without_pictures(walker.blocks)
    if pictures and (ocr or not holds_clauses(blocks)):
        blocks = with_pictures_read(walker.blocks, pictures, path)
    if not title:
        title = next((b.text for b in blocks if b.heading_level == 1), "")
    return Source(path=str(path), sha256=sha256_of(data), blocks=blocks, title=title)


def decode_html(data: bytes, path: Path) -> str:
    """Return `data` decoded: by its BOM, else as UTF-8 when valid, else by `<meta charset>`.

    Falls back to the shared text decoder for pages that are not UTF-8 and
    declare no charset that fits. Raises `LoadError` for binary data or text
    no encoding fits.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_or_fail(data[len(bom) :], encoding, path)
    if b"\x00" in data[:4096]:
        utf16 = _sniff_utf16(data)
        if utf16:
            return _decode_or_fail(data, utf16, path)
        raise LoadError(path, "contains binary data; it does not look like an HTML page")
    # -- valid UTF-8 with non-ASCII bytes is all but never a legacy encoding by chance,
    # -- while pages saved as UTF-8 under a stale `charset=windows-1252` are common --
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # -- a wrong declaration: let the shared decoder guess --
    return decode_text(data, path)


def _decode_or_fail(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise LoadError(
            path,
            f"starts with a {encoding.upper()} byte order mark but is not valid "
            f"{encoding.upper()} (byte {error.start})",
        ) from None


def _sniff_utf16(data: bytes) -> str | None:
    head = data[:200]
    if len(head) >= 4 and head[0] == 0x3C and head[1] == 0 and head[2] != 0:
        return "utf-16-le"
    if len(head) >= 4 and head[0] == 0 and head[1] == 0x3C and head[3] != 0:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # -- a page that says UTF-16 in ASCII-compatible bytes is UTF-8 (HTML spec) --
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def _parse(text: str, path: Path) -> HtmlElement:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        encoding="utf-8",
    )
    cleaned = _strip_internal_subset(text, path).replace("\x00", "")
    if not cleaned.strip():
        raise LoadError(path, "the document contains no text")
    try:
        root = lxml.html.document_fromstring(cleaned.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as error:
        raise LoadError(path, f"cannot be parsed as HTML ({_first_line(error)})") from None
    for entry in parser.error_log:
        if entry.level_name == "FATAL" and "depth" in entry.message.lower():
            raise LoadError(
                path, "is nested too deeply to be read safely (more than 255 levels of elements)"
            )
    return root


def _strip_internal_subset(text: str, path: Path) -> str:
    """Return `text` with the `[…]` internal subset of a leading DOCTYPE removed.

    Raises `LoadError` when the subset declares entities: web pages never do,
    and such a file is built to attack XML parsers (billion laughs, XXE).
    HTML parsers would not expand them, but the file is not a web page.
    """
    start = text.find("<!")
    if start < 0 or start > 1024 or text[start : start + 9].upper() != "<!DOCTYPE":
        return text
    close = text.find(">", start)
    bracket = text.find("[", start)
    if bracket < 0 or (0 <= close < bracket):
        return text
    end = text.find("]>", bracket)
    end = len(text) - 2 if end < 0 else end
    if "<!ENTITY" in text[bracket:end].upper():
        raise LoadError(
            path,
            "declares DTD entities (<!ENTITY …>), which web pages never do; "
            "refusing it as unsafe (an XML entity attack?)",
        )
    return text[:bracket] + ">" + text[end + 2 :]


def _title(root: HtmlElement) -> str:
    for element in root.iter("title"):
        text = clean_inline(element.text_content())
        if text:
            return text
    return ""


def _content_roots(root: HtmlElement) -> list[HtmlElement]:
    """Return the elements holding the page's main text: `<main>`, else the `<article>`s, else
    `<body>`."""
    mains = [e for e in root.iter("main") if not _is_hidden(e)]
    mains += [
        e
        for e in root.iter()
        if isinstance(e.tag, str) and e.get("role", "").lower() == "main" and e.tag != "main"
    ]
    if mains:
        return _outermost(mains)
    articles = [e for e in root.iter("article") if not _is_hidden(e)]
    if articles:
        return _outermost(articles)
    body = root.find("body")
    return [body if body is not None else root]


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    kept = [e for e in elements if not any(a in chosen for a in e.iterancestors())]
    return sorted(kept, key=_document_position(kept))


def _document_position(elements: list[HtmlElement]):  # noqa: ANN202 -- a key function
    order = {}
    if elements:
        for index, element in enumerate(elements[0].getroottree().iter()):
            order[element] = index
    return lambda e: order.get(e, 0)


def _prune(root: HtmlElement) -> None:
    """Remove page furniture and hidden elements below `root` (never `root` itself)."""
    doomed = [e for e in root.iterdescendants() if isinstance(e.tag, str) and _is_furniture(e)]
    for element in doomed:
        # -- drop_tree keeps the tail: it is text of the parent, not of the element --
        element.drop_tree()


def _is_furniture(element: HtmlElement) -> bool:
    if element.tag in DROPPED_TAGS or _is_hidden(element):
        return True
    if element.get("role", "").lower() in DROPPED_ROLES:
        return True
    if element.tag in ("main", "article", "body", "html", "li", "p", "td", "th", "tr", "table"):
        return False
    words = [
        w for value in (element.get("class", ""), element.get("id", "")) for w in _words(value)
    ]
    return any(w.startswith(FURNITURE_WORDS) for w in words)


def _words(value: str) -> list[str]:
    # -- split camelCase too: "mainMenu" → "main", "menu" --
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value).lower()
    return [w for w in _WORD_SPLIT.split(spaced) if w]


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style", "")))


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]


__all__ = ["decode_html", "read"]
