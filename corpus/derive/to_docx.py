"""Corpus blocks → a .docx whose clause numbers are real Word automatic numbering.

The layout is the one a law firm's template produces: one multi-level list
(numbering.xml) carries every number. Levels 0–3 are the section, clause,
item and sub-item levels; level 4 numbers the annex headings ("Annex 1",
"附件一") and level 5 the numbered annex paragraphs, which Word restarts
under each annex because a higher level intervenes. Nothing is typed: the
text of every numbered paragraph starts after its number.

Markdown emphasis becomes bold / italic runs, written straight into
document.xml after `write_numbered_docx`'s writer has laid the paragraphs
out (its API takes plain text per paragraph); the first row of each table
is marked as a repeating header row and set in bold, as Word users do.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from derive.md_parse import MdBlock, inline_runs, plain
from dpa_compare.export.numbered_docx import LevelSpec, NumberedParagraph, build_numbered_docx
from dpa_compare.files import reproducible_zip

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML = "http://www.w3.org/XML/1998/namespace"

_LEVEL_OF = {"section": 0, "clause": 1, "item": 2, "subitem": 3, "annex": 4, "annex_paragraph": 5}

EN_LEVELS: tuple[LevelSpec, ...] = (
    LevelSpec("decimal", "%1.", bold=True),
    LevelSpec("decimal", "%1.%2"),
    LevelSpec("lowerLetter", "(%3)", indent_twips=720),
    LevelSpec("lowerRoman", "(%4)", indent_twips=1440),
    LevelSpec("decimal", "Annex %5", bold=True),
    LevelSpec("decimal", "%6."),
)
"""1. / 1.1 / (a) / (i), then Annex 1 / 1. for the annexes."""

# -- decimal level 0: LibreOffice 7.4 ignores w:isLgl, so "第%1条" with "%1.%2" would show "一.1" --
ZH_DECIMAL_LEVELS: tuple[LevelSpec, ...] = (
    LevelSpec("decimal", "%1.", bold=True),
    LevelSpec("decimal", "%1.%2"),
    LevelSpec("chineseCounting", "（%3）", indent_twips=420),
    LevelSpec("lowerRoman", "(%4)", indent_twips=840),
    LevelSpec("chineseCounting", "附件%5", bold=True),
    LevelSpec("decimal", "%6."),
)
"""1. / 1.1 / （一） / (i), then 附件一 / 1. for the annexes (the zh/dpa-2023-03 conventions)."""


def build_docx(blocks: Sequence[MdBlock], levels: Sequence[LevelSpec], lang: str) -> bytes:
    """Return the bytes of a numbered .docx holding `blocks`, numbered by `levels`."""
    paragraphs: list[NumberedParagraph] = []
    sources: list[MdBlock] = []
    tables: dict[int, list[list[list[str]]]] = {}
    title = ""
    for block in blocks:
        if block.kind == "table":
            rows = [[plain(cell) for cell in row] for row in block.rows]
            tables.setdefault(len(paragraphs) - 1, []).append(rows)
            continue
        paragraphs.append(_paragraph(block))
        sources.append(block)
        if block.kind == "title":
            title = plain(block.text)
    data = build_numbered_docx(paragraphs, levels, lang=lang, title=title, tables=tables)
    return _with_emphasis(data, sources)


def _paragraph(block: MdBlock) -> NumberedParagraph:
    text = plain(block.text)
    if block.kind == "title":
        return NumberedParagraph(text, style="Title")
    if block.kind == "paragraph":
        return NumberedParagraph(text)
    style = "Heading 1" if block.kind in ("section", "annex") else None
    return NumberedParagraph(text, level=_LEVEL_OF[block.kind], style=style)


def _with_emphasis(data: bytes, sources: list[MdBlock]) -> bytes:
    """Return `data` with the runs of every paragraph whose Markdown has emphasis split into styled
    runs."""
    from lxml import etree

    package = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(package.read("word/document.xml"))
    body = root.find(f"{{{_W}}}body")
    paragraphs = body.findall(f"{{{_W}}}p")
    if len(paragraphs) != len(sources):
        raise RuntimeError(
            f"the writer produced {len(paragraphs)} body paragraphs for {len(sources)} blocks"
        )
    for table in body.iter(f"{{{_W}}}tbl"):
        _mark_header_row(table)
    for paragraph, block in zip(paragraphs, sources, strict=True):
        runs = inline_runs(block.text)
        if all(not bold and not italic for _, bold, italic in runs):
            continue
        for run in paragraph.findall(f"{{{_W}}}r"):
            paragraph.remove(run)
        for text, bold, italic in runs:
            _add_run(paragraph, text, bold, italic)
    document_xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _replace_part(package, "word/document.xml", document_xml)


def _mark_header_row(table: object) -> None:
    """Mark the first row of `table` as its header row (Word: "Repeat as header row at the top of
    each page")."""
    from lxml import etree

    row = table.find(f"{{{_W}}}tr")
    tr_pr = row.find(f"{{{_W}}}trPr")
    if tr_pr is None:
        tr_pr = etree.Element(f"{{{_W}}}trPr")
        # -- schema order: tblPrEx, trPr, then the cells --
        row.insert(1 if row.find(f"{{{_W}}}tblPrEx") is not None else 0, tr_pr)
    etree.SubElement(tr_pr, f"{{{_W}}}tblHeader")
    for cell in row.iter(f"{{{_W}}}r"):
        r_pr = cell.find(f"{{{_W}}}rPr")
        if r_pr is None:
            r_pr = etree.Element(f"{{{_W}}}rPr")
            cell.insert(0, r_pr)
        etree.SubElement(r_pr, f"{{{_W}}}b")


def _add_run(paragraph: object, text: str, bold: bool, italic: bool) -> None:
    from lxml import etree

    run = etree.SubElement(paragraph, f"{{{_W}}}r")
    if bold or italic:
        r_pr = etree.SubElement(run, f"{{{_W}}}rPr")
        if bold:
            etree.SubElement(r_pr, f"{{{_W}}}b")
        if italic:
            etree.SubElement(r_pr, f"{{{_W}}}i")
    t = etree.SubElement(run, f"{{{_W}}}t")
    t.text = text
    if text != text.strip():
        t.set(f"{{{_XML}}}space", "preserve")


def _replace_part(package: zipfile.ZipFile, name: str, content: bytes) -> bytes:
    """Return the zip `package` with part `name` replaced, timestamps fixed so bytes are
    reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in package.infolist():
            target.writestr(info.filename, content if info.filename == name else package.read(info))
    return reproducible_zip(out.getvalue())


__all__ = ["EN_LEVELS", "ZH_DECIMAL_LEVELS", "build_docx"]
