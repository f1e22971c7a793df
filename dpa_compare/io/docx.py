"""Reader for Word `.docx` files: paragraphs and table cells with Word's automatic numbers.

The package is checked first (`zipsafe`: zip bombs, DTDs, encrypted or legacy
files) — nothing reaches python-docx or lxml before that. python-docx then
opens the package and resolves its parts; the body is walked directly in
lxml, in document order, through content controls, custom XML and nested
tables. Each paragraph's automatic number is computed as Word shows it
(`docx_numbering`) and returned as `Block.auto_label`, separate from its
text (`docx_text`).

Locations: `paragraph N` counts the body paragraphs that have text (the
first non-empty paragraph is `paragraph 1`); `table T row R cell C` counts
tables in document order (nested tables included), rows and cells from 1.
A cell yields one block per non-empty paragraph, all with the cell's location.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from dpa_compare.errors import LoadError
from dpa_compare.io import Source, sha256_of
from dpa_compare.io.docx_numbering import Numbering
from dpa_compare.io.docx_styles import NS, Styles, int_or_none, val, w
from dpa_compare.io.docx_text import ParagraphText, bold_lead
from dpa_compare.io.zipsafe import check_package, parse_xml
from dpa_compare.model import Block, BlockKind

if TYPE_CHECKING:
    from lxml import etree

_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTAINERS = frozenset({w("sdtContent"), w("customXml"), w("ins"), w("moveTo"), w("smartTag")})


def read(data: bytes, path: Path) -> Source:
    """Return the blocks of the Word document `data` (the bytes of the file at `path`).

    Raises `LoadError` naming `path` when the file is not a .docx, is
    encrypted or a legacy .doc, is damaged, or is unsafe to parse.
    """
    parts = check_package(data, path)
    main = _main_part_name(parts, path)
    if main not in parts:
        raise LoadError(path, f"has no {main} (it is a zip archive but not a Word document)")
    document = _open(data, path)
    _check_body(document, main, path)
    styles = Styles(_related_element(document.part, "styles", path))
    numbering = Numbering(_related_element(document.part, "numbering", path), styles)
    walker = _Walker(styles, numbering)
    blocks = tuple(walker.blocks(document.element.body))
    return Source(
        path=str(path),
        sha256=sha256_of(data),
        blocks=blocks,
        title=_core_title(document) or walker.title,
    )


def _main_part_name(parts: dict[str, bytes], path: Path) -> str:
    """Return the zip name of the main document part, from `_rels/.rels` (word/document.xml by
    default)."""
    rels = parts.get("_rels/.rels")
    if rels is None:
        return "word/document.xml"
    for rel in parse_xml(rels, "_rels/.rels", path).iter(f"{_PACKAGE_RELS}Relationship"):
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return str(PurePosixPath("/", rel.get("Target") or "")).lstrip("/")
    return "word/document.xml"


def _open(data: bytes, path: Path) -> Any:
    """Return the python-docx `Document` of `data`, turning its failures into `LoadError`."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:
        # -- python-docx: "file '…' is not a Word file, content type is '…'" --
        kind = str(error).rpartition("content type is")[2].strip(" '") or "unknown"
        raise LoadError(
            path, f"is not a Word document (its main part is {kind}); save it as .docx"
        ) from None
    except etree.XMLSyntaxError as error:
        raise LoadError(path, f"is damaged: a part is not well-formed XML ({error.msg})") from None
    except (KeyError, PackageNotFoundError) as error:
        raise LoadError(path, f"is damaged ({type(error).__name__}: {error})") from None


def _check_body(document: Any, main: str, path: Path) -> None:
    """Raise `LoadError` unless the main part is a `<w:document>` holding a `<w:body>`."""
    root = document.element
    if root.tag != w("document"):
        found = root.tag.rpartition("}")[2] or "?"
        raise LoadError(path, f"is damaged: {main} holds <{found}>, not a Word <w:document>")
    if root.find(w("body")) is None:
        raise LoadError(path, f"is damaged: {main} has no <w:body>")


def _related_element(document_part: Any, kind: str, path: Path) -> etree._Element | None:
    """Return the root element of the document part's `kind` ("styles"/"numbering") part, None if
    absent.

    Raises `LoadError` when the relationship points outside the package (Word
    keeps styles and numbering inside; an external link is never followed).
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document_part.part_related_by(RT.STYLES if kind == "styles" else RT.NUMBERING)
    except KeyError:
        return None
    except ValueError:
        raise LoadError(
            path,
            f"its {kind} relationship points outside the file; refusing an external {kind} part",
        ) from None
    return getattr(part, "element", None)


def _core_title(document: Any) -> str:
    """Return the core-properties title, or "" (python-docx invents one when the part is
    missing)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except (KeyError, ValueError):  # -- absent, or an external link --
        return ""
    return (document.core_properties.title or "").strip()


class _Cell(NamedTuple):
    """Which table cell a paragraph sits in: its location text, (table, row, column), and header
    flag."""

    location: str
    coordinates: tuple[int, int, int]
    header: bool


@dataclass
class _Walker:
    """Walks a document body in order, numbering paragraphs as Word does."""

    styles: Styles
    numbering: Numbering
    title: str = ""
    paragraphs: int = 0
    tables: int = 0

    def blocks(self, container: etree._Element, cell: _Cell | None = None) -> Iterator[Block]:
        """Yield the blocks of `container` (body, cell, content control); `cell` says which table
        cell it is."""
        for child in container:
            tag = child.tag
            if tag == w("p"):
                block = self._paragraph(child, cell)
                if block is not None:
                    yield block
            elif tag == w("tbl"):
                yield from self._table(child)
            elif tag == w("sdt"):
                content = child.find("w:sdtContent", NS)
                if content is not None:
                    yield from self.blocks(content, cell)
            elif tag in _CONTAINERS:
                yield from self.blocks(child, cell)

    def _table(self, table: etree._Element) -> Iterator[Block]:
        self.tables += 1
        number = self.tables
        for r, row in enumerate(_children(table, "tr"), start=1):
            if row.find("w:trPr/w:del", NS) is not None:  # -- a row deleted with tracked changes --
                continue
            repeated = row.find("w:trPr/w:tblHeader", NS)
            header = repeated is not None and val(repeated) not in ("0", "false", "off")
            for c, cell in enumerate(_children(row, "tc"), start=1):
                yield from self.blocks(
                    cell, _Cell(f"table {number} row {r} cell {c}", (number, r, c), header)
                )

    def _paragraph(self, paragraph: etree._Element, cell: _Cell | None) -> Block | None:
        p_pr = paragraph.find("w:pPr", NS)
        style = self.styles.paragraph_style(p_pr)
        bold = self.styles.bold(style)
        pieces = ParagraphText(
            self.styles, self.styles.default_bold if bold is None else bold
        ).collect(paragraph)
        text = "".join(piece for piece, _ in pieces).strip()
        if not text and p_pr is not None and p_pr.find("w:rPr/w:del", NS) is not None:
            return None  # -- a whole paragraph deleted with tracked changes: not numbered either --
        label = self._label(p_pr, style)
        if not text:
            return None
        if self.styles.is_title(style) and not self.title:
            self.title = text
        kind: BlockKind = "paragraph" if cell is None else "table_cell"
        if cell is None:
            self.paragraphs += 1
        shown = label is not None and (label.text is not None or label.bullet)
        return Block(
            text=text,
            location=cell.location if cell else f"paragraph {self.paragraphs}",
            kind=kind,
            cell=cell.coordinates if cell else None,
            header=cell.header if cell else False,
            auto_label=label.text if label is not None else None,
            heading_level=0
            if self.styles.is_title(style)
            else _heading_level(p_pr, style, self.styles),
            list_level=label.level if label is not None and shown else None,
            bold_lead=bold_lead(pieces),
        )

    def _label(self, p_pr: etree._Element | None, style: str | None):  # noqa: ANN202
        """Return the numbering `Label` of a paragraph (advancing Word's counters), None when
        unnumbered."""
        direct = p_pr.find("w:numPr", NS) if p_pr is not None else None
        num_id = val(direct.find("w:numId", NS)) if direct is not None else None
        ilvl = int_or_none(val(direct.find("w:ilvl", NS))) if direct is not None else None
        style_num, style_ilvl, carrier = self.styles.num_pr(style)
        if num_id is None:
            num_id = style_num
        if num_id is None or not self.numbering.knows(num_id):
            return None
        if ilvl is None and num_id == style_num:
            ilvl = style_ilvl
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style)
        if ilvl is None and carrier != style:
            ilvl = self.numbering.level_of_style(num_id, carrier)
        return self.numbering.label(num_id, ilvl or 0)


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Yield the `w:<tag>` children of `element`, looking through content controls and custom
    XML."""
    for child in element:
        if child.tag == w(tag):
            yield child
        elif child.tag == w("sdt"):
            content = child.find("w:sdtContent", NS)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in (w("customXml"), w("ins"), w("moveTo")):
            yield from _children(child, tag)


def _heading_level(p_pr: etree._Element | None, style: str | None, styles: Styles) -> int | None:
    """Return 1–9 from a direct `w:outlineLvl`, else from the paragraph style; None for body
    text."""
    outline = int_or_none(val(p_pr.find("w:outlineLvl", NS))) if p_pr is not None else None
    if outline is not None:
        return outline + 1 if 0 <= outline <= 8 else None
    return styles.heading_level(style)


__all__ = ["read"]
