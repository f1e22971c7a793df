"""Write .docx files whose clause numbers are real Word automatic numbering.

Test fixtures and the sample corpus need documents numbered the way lawyers'
documents are: by a multi-level list in numbering.xml (`w:abstractNum` +
`w:num`, paragraphs pointing at it with `w:numPr`), never by typed numbers.
This module writes exactly that, from a plain list of paragraphs::

    from dpa_compare.export.numbered_docx import NumberedParagraph as P, write_numbered_docx

    write_numbered_docx("sample.docx", [
        P("Data Processing Addendum", style="Title"),
        P("Definitions", level=0, style="Heading 1"),          # 1.
        P("In this Addendum:", level=1),                        # 1.1
        P('"Personal Data" means …', level=2),                  # (a)
        P("Unnumbered note under (a)."),                        # no number
        P("Processing", level=2, bold_lead="Processing."),      # (b), bold run-in title
    ], scheme="legal-en", title="Data Processing Addendum")

Output is deterministic (fixed core-property dates and zip timestamps) and
written atomically (temporary file in the same folder, then rename).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from dpa_compare.files import reproducible_zip, write_atomically

LEVEL_COUNT = 9
"""Word numbering has levels 0–8."""

FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
"""Created/modified date written into every file, so output bytes do not depend on the clock."""

ZH_EAST_ASIA_FONT = "SimSun"
"""East Asian font of Chinese documents (Word's default Simplified Chinese serif). LibreOffice
substitutes Noto Serif CJK SC / Noto Sans CJK SC through fontconfig when SimSun is absent."""

_DECIMAL_LIKE = frozenset({"decimal", "decimalZero", "decimalHalfWidth"})
_HANG_TWIPS = 720


@dataclass(frozen=True)
class LevelSpec:
    """One level of the multi-level list: how Word numbers paragraphs at that level.

    `num_fmt` is a Word `w:numFmt` value (`decimal`, `lowerLetter`,
    `lowerRoman`, `upperRoman`, `chineseCounting`, …). `lvl_text` is the label
    pattern, `%1`..`%9` standing for the counters of levels 1..9
    (`"%1.%2"`, `"(%3)"`, `"第%1条"`). `start` is the first value.
    `indent_twips` is where the number starts, from the left margin (twips,
    1/1440 inch); the text hangs 720 twips further in. `bold` makes the
    number itself bold. A decimal level whose pattern quotes a non-decimal
    higher level (`%1.%2` under `第%1条`) is written with `w:isLgl`, so Word
    shows `1.1` rather than `一.1`.
    """

    num_fmt: str
    lvl_text: str
    start: int = 1
    indent_twips: int = 0
    bold: bool = False


@dataclass(frozen=True)
class NumberedParagraph:
    """One paragraph to write.

    `level` None: an unnumbered body paragraph; 0..8: an item of the
    document's one multi-level list at that level (the scheme must define
    it). `style` is a Word paragraph style name (`"Heading 1"`, `"Title"`);
    None uses Normal. `bold_lead` is a bold run-in title written before
    `text` (separated by a space in English, nothing in Chinese).
    """

    text: str
    level: int | None = None
    style: str | None = None
    bold_lead: str | None = None


SCHEMES: dict[str, tuple[LevelSpec, ...]] = {
    "legal-en": (
        LevelSpec("decimal", "%1.", indent_twips=0, bold=True),
        LevelSpec("decimal", "%1.%2", indent_twips=0),
        LevelSpec("lowerLetter", "(%3)", indent_twips=720),
        LevelSpec("lowerRoman", "(%4)", indent_twips=1440),
    ),
    "zh-article": (
        LevelSpec("chineseCounting", "第%1条", indent_twips=0, bold=True),
        LevelSpec("decimal", "%1.%2", indent_twips=0),
        LevelSpec("chineseCounting", "（%3）", indent_twips=420),
        LevelSpec("lowerLetter", "(%4)", indent_twips=840),
    ),
    "zh-decimal": (
        LevelSpec("decimal", "%1.", indent_twips=0, bold=True),
        LevelSpec("decimal", "%1.%2", indent_twips=0),
        LevelSpec("chineseCounting", "（%3）", indent_twips=420),
        LevelSpec("lowerLetter", "(%4)", indent_twips=840),
    ),
}
"""Ready-made numbering schemes: `legal-en` 1. / 1.1 / (a) / (i); `zh-article`
第一条 / 1.1 / （一） / (a); `zh-decimal` 1. / 1.1 / （一） / (a)."""


def write_numbered_docx(
    path: str | Path,
    paragraphs: Sequence[NumberedParagraph],
    *,
    scheme: str | Sequence[LevelSpec] = "legal-en",
    lang: str = "en",
    title: str | None = None,
    tables: Sequence[tuple[int, list[list[str]]]] | None = None,
) -> None:
    """Write `paragraphs` to a new .docx at `path`, numbered by Word automatic numbering.

    `scheme` names an entry of `SCHEMES` or gives the levels directly. `lang`
    is "en" or "zh"; "zh" sets the East Asian font (`ZH_EAST_ASIA_FONT`) and
    language (zh-CN) in the document defaults. `title` goes into the core
    properties only (add a `style="Title"` paragraph for a visible title).
    `tables` are `(index_after_paragraph, rows)` pairs: each table is written
    after `paragraphs[index_after_paragraph]` (-1: before the first
    paragraph), one cell per string. Raises `ValueError` for an unknown
    scheme or style, a level the scheme does not define, or a table index out
    of range.
    """
    levels = _levels(scheme)
    placed = _place_tables(tables or (), len(paragraphs))
    data = build_numbered_docx(paragraphs, levels, lang=lang, title=title, tables=placed)
    write_atomically(path, data)


def build_numbered_docx(
    paragraphs: Sequence[NumberedParagraph],
    levels: Sequence[LevelSpec],
    *,
    lang: str = "en",
    title: str | None = None,
    tables: dict[int, list[list[list[str]]]] | None = None,
) -> bytes:
    """Return the bytes of the .docx `write_numbered_docx` writes (`tables` keyed by paragraph
    index)."""
    import docx

    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    document = docx.Document()
    num_id = _add_numbering(document, levels)
    _set_language(document, lang)
    tables = tables or {}
    for table in tables.get(-1, []):
        _add_table(document, table)
    for index, spec in enumerate(paragraphs):
        _add_paragraph(document, spec, num_id, len(levels), lang)
        for table in tables.get(index, []):
            _add_table(document, table)
    _set_core_properties(document, title)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _levels(scheme: str | Sequence[LevelSpec]) -> tuple[LevelSpec, ...]:
    if isinstance(scheme, str):
        if scheme not in SCHEMES:
            raise ValueError(
                f"unknown numbering scheme {scheme!r}; known: {', '.join(sorted(SCHEMES))}"
            )
        return SCHEMES[scheme]
    levels = tuple(scheme)
    if not 1 <= len(levels) <= LEVEL_COUNT:
        raise ValueError(f"a scheme needs 1-{LEVEL_COUNT} levels, got {len(levels)}")
    return levels


def _place_tables(
    tables: Sequence[tuple[int, list[list[str]]]], count: int
) -> dict[int, list[list[list[str]]]]:
    placed: dict[int, list[list[list[str]]]] = {}
    for index, rows in tables:
        if not -1 <= index < count:
            raise ValueError(f"table index_after_paragraph must be in -1..{count - 1}, got {index}")
        if not rows or not any(rows):
            raise ValueError(f"the table after paragraph {index} has no rows")
        placed.setdefault(index, []).append(rows)
    return placed


def _el(tag: str, parent: Any = None, **attributes: str) -> Any:
    """Return a new `w:<tag>` element (appended to `parent` when given) with `w:` attributes."""
    from lxml import etree

    attrs = {qn(f"w:{name}"): value for name, value in attributes.items()}
    if parent is None:
        return etree.Element(qn(f"w:{tag}"), attrs)
    return etree.SubElement(parent, qn(f"w:{tag}"), attrs)


def _add_numbering(document: Any, levels: Sequence[LevelSpec]) -> str:
    """Add one abstractNum for `levels` and one num pointing at it; return the new numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.iterfind(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iterfind(qn("w:num"))]
    abstract_id, num_id = str(max(abstract_ids, default=-1) + 1), str(max(num_ids, default=0) + 1)
    abstract = _el("abstractNum", abstractNumId=abstract_id)
    _el("multiLevelType", abstract, val="multilevel")
    for ilvl, spec in enumerate(levels):
        _add_level(abstract, ilvl, spec, levels)
    existing = numbering.findall(qn("w:abstractNum"))
    # -- schema order: every abstractNum before the first num --
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num = _el("num", numbering, numId=num_id)
    _el("abstractNumId", num, val=abstract_id)
    return num_id


def _add_level(abstract: Any, ilvl: int, spec: LevelSpec, levels: Sequence[LevelSpec]) -> None:
    quoted = {int(n) - 1 for n in re.findall(r"%([1-9])", spec.lvl_text)}
    if any(q >= len(levels) for q in quoted):
        raise ValueError(
            f"level {ilvl} pattern {spec.lvl_text!r} quotes a level the scheme does not define"
        )
    lvl = _el("lvl", abstract, ilvl=str(ilvl))
    _el("start", lvl, val=str(spec.start))
    _el("numFmt", lvl, val=spec.num_fmt)
    if spec.num_fmt in _DECIMAL_LIKE and any(
        levels[q].num_fmt not in _DECIMAL_LIKE for q in quoted if q < ilvl
    ):
        _el("isLgl", lvl)
    _el("lvlText", lvl, val=spec.lvl_text)
    _el("lvlJc", lvl, val="left")
    p_pr = _el("pPr", lvl)
    _el("ind", p_pr, left=str(spec.indent_twips + _HANG_TWIPS), hanging=str(_HANG_TWIPS))
    if spec.bold:
        _el("b", _el("rPr", lvl))


def _add_paragraph(
    document: Any, spec: NumberedParagraph, num_id: str, level_count: int, lang: str
) -> None:
    try:
        paragraph = document.add_paragraph(style=spec.style)
    except KeyError:
        raise ValueError(f"unknown paragraph style {spec.style!r}") from None
    if spec.bold_lead:
        paragraph.add_run(spec.bold_lead).bold = True
        paragraph.add_run(("" if lang == "zh" else " ") + spec.text)
    else:
        paragraph.add_run(spec.text)
    if spec.level is None:
        return
    if not 0 <= spec.level < level_count:
        raise ValueError(
            f"paragraph level must be in 0..{level_count - 1} for this scheme, got {spec.level}"
        )
    num_pr = _el("numPr")
    _el("ilvl", num_pr, val=str(spec.level))
    _el("numId", num_pr, val=num_id)
    p_pr = paragraph._p.get_or_add_pPr()
    style = p_pr.find(qn("w:pStyle"))
    # -- schema order: pStyle, keepNext, …, numPr --
    if style is not None:
        style.addnext(num_pr)
    else:
        p_pr.insert(0, num_pr)


def _add_table(document: Any, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _set_language(document: Any, lang: str) -> None:
    """Set the document-default language, and for Chinese the East Asian font, in styles.xml."""
    styles = document.styles.element
    r_pr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr is None:
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = _el("docDefaults")
            styles.insert(0, defaults)
        r_pr = _el("rPr", _el("rPrDefault", defaults))
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = _el("lang", r_pr)
    language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-US")
    language.set(qn("w:eastAsia"), "zh-CN" if lang == "zh" else "en-US")
    if lang != "zh":
        return
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("rFonts")
        r_pr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), ZH_EAST_ASIA_FONT)
    # -- a theme font attribute outranks the explicit one; drop them everywhere --
    for element in styles.iter(qn("w:rFonts")):
        element.attrib.pop(qn("w:eastAsiaTheme"), None)


def _set_core_properties(document: Any, title: str | None) -> None:
    core = document.core_properties
    core.title = title or ""
    core.author = core.last_modified_by = "dpa_compare"
    core.created = core.modified = core.last_printed = FIXED_DATE
    core.revision = 1


__all__ = [
    "FIXED_DATE",
    "LEVEL_COUNT",
    "LevelSpec",
    "NumberedParagraph",
    "SCHEMES",
    "ZH_EAST_ASIA_FONT",
    "build_numbered_docx",
    "write_numbered_docx",
]
