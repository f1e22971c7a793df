"""Turn a pruned HTML tree into `Block`s: paragraphs, headings, list items, table cells.

A block is the text of one block-level element that is not inside a child
block (a `<div>`'s own text between its paragraphs is a block of its own).
`<br>` becomes a newline inside a block; other whitespace collapses as a
browser collapses it. Ordered lists are numbered as a browser numbers them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dpa_compare.lang.numerals import int_to_roman
from dpa_compare.lang.script import CJK, strip_invisible
from dpa_compare.model import Block

if TYPE_CHECKING:
    from lxml.html import HtmlElement

HEADINGS = {f"h{n}": n for n in range(1, 7)}
LISTS = frozenset({"ol", "ul", "dir"})
BLOCK_TAGS = (
    frozenset(
        "address article aside blockquote body center dd details dialog div dl dt fieldset "
        "figcaption figure "
        "footer form header hgroup hr html legend li main nav p section summary tbody td tfoot th "
        "thead tr "
        "caption".split()
    )
    | HEADINGS.keys()
    | LISTS
    | {"pre", "table"}
)
"""Elements that start a new block; everything else is inline."""

BOLD_TAGS = frozenset({"b", "strong"})
BR = "\u2028"
"""Marker for `<br>` while text is collected (a real newline is collapsible whitespace)."""

MAX_BOLD_LEAD = 200
"""Longest bold run-in title taken as `bold_lead`, in characters."""

_CJK_BREAK = re.compile(rf"(?<=[{CJK}])[ \t\r\f\v\xa0]*\n[ \t\n\r\f\v\xa0]*(?=[{CJK}])")
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)

_CSS_TYPES = {
    "decimal": "1",
    "decimal-leading-zero": "1",
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
    "none": "",
}


def clean_inline(text: str) -> str:
    """Return `text` with invisible characters dropped and whitespace collapsed as a browser does.

    A line break between two CJK characters disappears (as in Chinese
    typesetting); `<br>` markers become newlines.
    """
    text = _CJK_BREAK.sub("", strip_invisible(text))
    lines = (_SPACE.sub(" ", line).strip() for line in text.split(BR))
    return "\n".join(line for line in lines if line)


def list_label(number: int, style: str) -> str:
    """Return the marker a browser draws for item `number` of a list of `type` `style` (`1 a A i
    I`)."""
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return (letters.upper() if style == "A" else letters) + "."
    if style in ("i", "I") and 0 < number < 4000:
        return int_to_roman(number, upper=style == "I") + "."
    return f"{number}."


class BlockWalker:
    """Collect the blocks of one or more content roots, in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._runs: list[tuple[str, bool]] = []
        self._bold = 0
        self._list_level: int | None = None
        self._pending: tuple[str | None, int] | None = None
        self._tables = 0
        self._sibling_numbers: dict[HtmlElement, dict[HtmlElement, tuple[int, int]]] = {}

    def walk_root(self, root: HtmlElement) -> None:
        """Add the blocks of `root` and everything below it."""
        self._walk(root, root)
        self._flush(root)

    # -- the tree walk -----------------------------------------------------------------

    def _walk(self, element: HtmlElement, owner: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            self._runs.append((BR, False))
        elif tag == "pre":
            self._flush(owner)
            self._emit_pre(element)
        elif tag in LISTS:
            self._flush(owner, force_label=True)
            self._walk_list(element)
        elif tag == "li":
            self._flush(owner, force_label=True)
            self._walk_item(element, None, self._list_level or 0)
        elif tag == "table":
            self._flush(owner)
            self._walk_table(element)
        elif tag in BLOCK_TAGS:
            self._flush(owner)
            self._walk_children(element, element)
            self._flush(element)
        elif tag:
            bold = tag in BOLD_TAGS or bool(_BOLD_STYLE.search(element.get("style", "")))
            self._bold += bold
            self._walk_children(element, owner)
            self._bold -= bold

    def _walk_children(self, element: HtmlElement, owner: HtmlElement) -> None:
        self._text(element.text)
        for child in element:
            self._walk(child, owner)
            self._text(child.tail)

    def _text(self, text: str | None) -> None:
        if text:
            self._runs.append((text, self._bold > 0))

    def _walk_list(self, element: HtmlElement) -> None:
        items = [c for c in element if c.tag == "li"]
        ordered = element.tag == "ol"
        style = _list_type(element, "1" if ordered else "")
        backwards = ordered and element.get("reversed") is not None
        counter = _int(element.get("start"), len(items) if backwards else 1)
        saved = self._list_level
        self._list_level = 0 if saved is None else saved + 1
        for child in element:
            if child.tag == "li":
                counter = _int(child.get("value"), counter)
                item_style = _list_type(child, style)
                self._walk_item(
                    child, list_label(counter, item_style) if item_style else None, self._list_level
                )
                counter += -1 if backwards else 1
            else:
                self._walk(child, element)
            self._text(child.tail)
        self._flush(element, force_label=True)
        self._list_level = saved

    def _walk_item(self, item: HtmlElement, label: str | None, level: int) -> None:
        self._pending = (label, level)
        self._walk_children(item, item)
        self._flush(item, force_label=True)
        self._pending = None

    def _walk_table(self, table: HtmlElement) -> None:
        rows = _rows(table)
        if _is_layout_table(table, rows):
            self._walk_children(table, table)
            self._flush(table)
            return
        self._tables += 1
        for caption in table.iterchildren("caption"):
            self._walk(caption, table)
        for r, row in enumerate(rows, start=1):
            cells = [c for c in row if c.tag in ("td", "th")]
            for c, cell in enumerate(cells, start=1):
                text = _cell_text(cell)
                if text:
                    self.blocks.append(
                        Block(
                            text=text,
                            location=f"table {self._tables} row {r} cell {c}",
                            kind="table_cell",
                            cell=(self._tables, r, c),
                            header=_is_header(row),
                        )
                    )

    def _emit_pre(self, element: HtmlElement) -> None:
        lines = [
            line.rstrip().replace("\t", "    ") for line in element.text_content().splitlines()
        ]
        text = strip_invisible("\n".join(lines).strip("\n"))
        if text.strip():
            self.blocks.append(Block(text=text, location=self._location(element)))

    # -- making blocks -------------------------------------------------------------------

    def _flush(self, owner: HtmlElement, force_label: bool = False) -> None:
        runs, self._runs = self._runs, []
        text = clean_inline("".join(t for t, _ in runs))
        if not text:
            if force_label and self._pending and self._pending[0]:
                pending_label, pending_level = self._pending
                self._pending = None
                self.blocks.append(
                    Block(
                        text="",
                        location=self._location(owner),
                        auto_label=pending_label,
                        list_level=pending_level,
                    )
                )
            return
        label, level = self._pending if self._pending else (None, None)
        self._pending = None
        heading = HEADINGS.get(owner.tag) if isinstance(owner.tag, str) else None
        self.blocks.append(
            Block(
                text=text,
                location=self._location(owner),
                auto_label=label,
                heading_level=heading,
                list_level=level,
                bold_lead=None if heading else _bold_lead(runs),
            )
        )

    def _location(self, element: HtmlElement) -> str:
        short = "/".join(self._step(node) for node in _last_three(element))
        return f"element {len(self.blocks) + 1} ({short})"

    def _step(self, node: HtmlElement) -> str:
        """Return `node`'s step of its XPath (`p[3]`, or `p` when it is its parent's only `p`).

        lxml's `getpath` counts the siblings again for every call: quadratic on
        a page of 20,000 unclosed `<p>`. Each parent's children are numbered once here.
        """
        parent = node.getparent()
        if parent is None:
            return str(node.tag)
        numbers = self._sibling_numbers.get(parent)
        if numbers is None:
            numbers = self._sibling_numbers[parent] = _number_children(parent)
        index, count = numbers[node]
        return f"{node.tag}[{index}]" if count > 1 else str(node.tag)


def _last_three(element: HtmlElement) -> list[HtmlElement]:
    """Return `element` and up to two ancestors, outermost first."""
    chain = [element]
    while len(chain) < 3 and (parent := chain[-1].getparent()) is not None:
        chain.append(parent)
    return chain[::-1]


def _number_children(parent: HtmlElement) -> dict[HtmlElement, tuple[int, int]]:
    """Return child → (its 1-based number among same-tag siblings, how many share its tag)."""
    seen: dict[object, int] = {}
    numbered = {}
    for child in parent:
        seen[child.tag] = seen.get(child.tag, 0) + 1
        numbered[child] = (seen[child.tag], child.tag)
    return {child: (index, seen[tag]) for child, (index, tag) in numbered.items()}


def _bold_lead(runs: list[tuple[str, bool]]) -> str | None:
    lead: list[str] = []
    rest: list[str] = []
    for text, bold in runs:
        if rest or (not bold and text.strip()):
            rest.append(text)
        else:
            lead.append(text)
    lead_text = clean_inline("".join(lead))
    if not lead_text or not clean_inline("".join(rest)) or len(lead_text) > MAX_BOLD_LEAD:
        return None
    return lead_text


def _list_type(element: HtmlElement, default: str) -> str:
    match = _LIST_STYLE.search(element.get("style", ""))
    if match and match.group(1).lower() in _CSS_TYPES:
        return _CSS_TYPES[match.group(1).lower()]
    declared = (element.get("type") or "").strip()
    if declared in ("1", "a", "A", "i", "I"):
        return declared
    return default


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return default


def _is_header(row: HtmlElement) -> bool:
    """Return True for a row of `<thead>` or a row made only of `<th>` cells."""
    parent = row.getparent()
    cells = [c for c in row if c.tag in ("td", "th")]
    return (
        (parent is not None and parent.tag == "thead")
        or bool(cells)
        and all(c.tag == "th" for c in cells)
    )


def _rows(table: HtmlElement) -> list[HtmlElement]:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _is_layout_table(table: HtmlElement, rows: list[HtmlElement]) -> bool:
    """Return True for a table used to lay out a page rather than to hold data."""
    if table.get("role", "").lower() in ("presentation", "none"):
        return True
    if all(sum(c.tag in ("td", "th") for c in row) <= 1 for row in rows):
        return True
    return any(True for _ in table.iterdescendants("h1", "h2", "h3", "h4", "h5", "h6", "table"))


def _cell_text(cell: HtmlElement) -> str:
    walker = BlockWalker()
    walker.walk_root(cell)
    parts = [f"{b.auto_label} {b.text}".strip() if b.auto_label else b.text for b in walker.blocks]
    return "\n".join(p for p in parts if p)


__all__ = ["BLOCK_TAGS", "BlockWalker", "clean_inline", "list_label"]
