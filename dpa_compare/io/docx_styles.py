"""Paragraph and character styles of a .docx (styles.xml), as the reader needs them.

Word properties cascade: direct formatting, then the paragraph's style, then
that style's `w:basedOn` ancestors, then the document defaults. The reader
asks four things of that cascade: which numbering a style links to, its
heading level, whether it makes text bold, and its human name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docx.oxml.ns import nsmap, qn

if TYPE_CHECKING:
    from lxml import etree

W = nsmap["w"]
NS = {"w": W}
_MAX_CHAIN = 32
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


def w(tag: str) -> str:
    """Return the Clark name of WordprocessingML element or attribute `tag` (python-docx's `qn`)."""
    return qn(f"w:{tag}")


def val(element: etree._Element | None, attribute: str = "val") -> str | None:
    """Return the `w:val` (or `w:<attribute>`) of `element`; None when either is absent."""
    return None if element is None else element.get(w(attribute))


def is_on(element: etree._Element | None) -> bool | None:
    """Return the value of an on/off property element (`<w:b/>`, `<w:b w:val="0"/>`); None when
    absent."""
    if element is None:
        return None
    return val(element) not in ("0", "false", "off", "none")


class Styles:
    """The styles of one document, looked up by style id, following `w:basedOn` chains."""

    def __init__(self, root: etree._Element | None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self._default_paragraph: str | None = None
        self._default_bold = False
        if root is None:
            return
        for style in root.iterfind("w:style", NS):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            self._by_id.setdefault(style_id, style)
            is_default = style.get(w("default")) in ("1", "true", "on")
            if style.get(w("type")) == "paragraph" and is_default:
                self._default_paragraph = style_id
        defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:b", NS)
        self._default_bold = bool(is_on(defaults))

    def paragraph_style(self, p_pr: etree._Element | None) -> str | None:
        """Return the style id a paragraph with properties `p_pr` uses (the default style when
        unset)."""
        style = val(p_pr.find("w:pStyle", NS)) if p_pr is not None else None
        return style if style in self._by_id else self._default_paragraph

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """Return the style `style_id` followed by its `w:basedOn` ancestors (cycles cut)."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while (
            style_id
            and style_id in self._by_id
            and style_id not in seen
            and len(chain) < _MAX_CHAIN
        ):
            seen.add(style_id)
            style = self._by_id[style_id]
            chain.append(style)
            style_id = val(style.find("w:basedOn", NS))
        return chain

    def name(self, style_id: str | None) -> str:
        """Return the name of style `style_id` ("" when unknown)."""
        style = self._by_id.get(style_id or "")
        return (val(style.find("w:name", NS)) or "") if style is not None else ""

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """Return `(numId, ilvl, carrier)` a paragraph style links to, from the nearest style in its
        chain.

        `carrier` is the id of the style that holds the `w:numPr`; all three are
        None when no style in the chain links to a numbering.
        """
        for style in self.chain(style_id):
            num_pr = style.find("w:pPr/w:numPr", NS)
            if num_pr is not None and num_pr.find("w:numId", NS) is not None:
                ilvl = int_or_none(val(num_pr.find("w:ilvl", NS)))
                return val(num_pr.find("w:numId", NS)), ilvl, style.get(w("styleId"))
        return None, None, None

    def heading_level(self, style_id: str | None) -> int | None:
        """Return 1–9 when style `style_id` is a heading style (by name or outline level), else
        None."""
        for style in self.chain(style_id):
            match = _HEADING_NAME.match(val(style.find("w:name", NS)) or "")
            if match:
                return int(match.group(1))
            outline = int_or_none(val(style.find("w:pPr/w:outlineLvl", NS)))
            if outline is not None:
                return outline + 1 if 0 <= outline <= 8 else None
        return None

    def is_title(self, style_id: str | None) -> bool:
        """Return True when style `style_id` is Word's "Title" style (or based on it)."""
        return any(
            (val(s.find("w:name", NS)) or "").lower() == "title" for s in self.chain(style_id)[:2]
        )

    def bold(self, style_id: str | None) -> bool | None:
        """Return whether style `style_id` (paragraph or character) sets bold; None when no style
        in its chain says."""
        for style in self.chain(style_id):
            state = is_on(style.find("w:rPr/w:b", NS))
            if state is not None:
                return state
        return None

    @property
    def default_bold(self) -> bool:
        """Return whether the document defaults (`w:docDefaults`) make text bold."""
        return self._default_bold

    def numbering_style_num_id(self, style_id: str | None) -> str | None:
        """Return the numId a numbering style (`w:type="numbering"`) points at, for
        `w:numStyleLink`."""
        style = self._by_id.get(style_id or "")
        if style is None:
            return None
        return val(style.find("w:pPr/w:numPr/w:numId", NS))


def int_or_none(text: str | None) -> int | None:
    """Return the integer `text` spells (a `w:val`), None when it is absent or not an integer."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


__all__ = ["NS", "W", "Styles", "int_or_none", "is_on", "val", "w"]
