"""The visible text of one Word paragraph, read straight from its XML.

python-docx's `paragraph.text` only looks at the paragraph's direct runs, so
it loses tracked insertions, content controls and field results. This module
walks the whole paragraph instead and keeps what a reader of the final
document sees:

* tracked changes accepted: `w:ins` / `w:moveTo` kept, `w:del` / `w:moveFrom`
  (and `w:delText`) dropped;
* fields: the result (between `separate` and `end`) kept, the instruction
  dropped; `w:fldSimple` keeps its result runs;
* hyperlinks, smart tags, custom XML, content controls: their text kept;
* hidden text (`w:vanish`) dropped; tabs → `\\t`, breaks → `\\n`,
  non-breaking hyphens → `-`, symbol characters decoded when they are
  ordinary Unicode.

Each piece of text carries whether it is bold, for the bold run-in title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dpa_compare.io.docx_styles import NS, Styles, is_on, val, w

if TYPE_CHECKING:
    from lxml import etree

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED = frozenset(
    {
        w(t)
        for t in (
            "pPr",
            "rPr",
            "del",
            "moveFrom",
            "sdtPr",
            "sdtEndPr",
            "rt",
            "customXmlPr",
            "smartTagPr",
            "proofErr",
            "bookmarkStart",
            "bookmarkEnd",
            "commentRangeStart",
            "commentRangeEnd",
        )
    }
    | {f"{_MC}AlternateContent"}
)
_CHARACTERS = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "-",
}
_PRIVATE_USE = range(0xE000, 0xF900)

Piece = tuple[str, bool]
"""A stretch of visible text and whether it is bold."""


class ParagraphText:
    """Collects the visible text pieces of one paragraph (see module docstring)."""

    def __init__(self, styles: Styles, paragraph_bold: bool) -> None:
        self._styles = styles
        self._paragraph_bold = paragraph_bold
        self._fields: list[bool] = []  # -- one entry per open field: True once past `separate` --
        self.pieces: list[Piece] = []

    def collect(self, paragraph: etree._Element) -> list[Piece]:
        """Return the visible text pieces of `paragraph` (a `w:p`) in reading order."""
        self._walk(paragraph)
        return self.pieces

    def _walk(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == w("r"):
                self._run(child)
            else:
                # -- ins, moveTo, hyperlink, smartTag, customXml, sdt/sdtContent,
                #    fldSimple, dir, bdo, ruby/rubyBase: their text is visible --
                self._walk(child)

    def _run(self, run: etree._Element) -> None:
        r_pr = run.find("w:rPr", NS)
        hidden = r_pr is not None and bool(is_on(r_pr.find("w:vanish", NS)))
        bold = self._run_bold(r_pr)
        for child in run:
            tag = child.tag
            if tag == w("fldChar"):
                self._field_char(val(child, "fldCharType"))
            elif hidden or not all(self._fields):
                continue
            elif tag == w("t"):
                self._add(child.text or "", bold)
            elif tag in _CHARACTERS:
                self._add(_CHARACTERS[tag], bold)
            elif tag == w("sym"):
                self._add(_symbol(val(child, "char")), bold)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(False)
        elif kind == "separate" and self._fields:
            self._fields[-1] = True
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _run_bold(self, r_pr: etree._Element | None) -> bool:
        if r_pr is None:
            return self._paragraph_bold
        direct = is_on(r_pr.find("w:b", NS))
        if direct is not None:
            return direct
        style = val(r_pr.find("w:rStyle", NS))
        from_style = self._styles.bold(style) if style else None
        return self._paragraph_bold if from_style is None else from_style

    def _add(self, text: str, bold: bool) -> None:
        if not text:
            return
        if self.pieces and self.pieces[-1][1] == bold:
            self.pieces[-1] = (self.pieces[-1][0] + text, bold)
        else:
            self.pieces.append((text, bold))


def _symbol(code: str | None) -> str:
    """Return the character of a `w:sym` code, or "" for a private-use (symbol-font) glyph."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    return "" if value in _PRIVATE_USE or value <= 0 or value > 0x10FFFF else chr(value)


def bold_lead(pieces: list[Piece]) -> str | None:
    """Return the bold run-in title that opens `pieces`, if bold text is followed by plain text."""
    index, lead = 0, []
    while index < len(pieces) and not pieces[index][0].strip():
        index += 1
    while index < len(pieces) and (pieces[index][1] or not pieces[index][0].strip()):
        lead.append(pieces[index][0])
        index += 1
    title = "".join(lead).strip()
    rest = "".join(text for text, _ in pieces[index:])
    return title if title and rest.strip() else None


__all__ = ["ParagraphText", "Piece", "bold_lead"]
