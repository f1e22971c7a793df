"""Write a `ReportModel` as the annotated side-by-side Word review (.docx).

The page is landscape (A4 or Letter) with narrow margins. The front matter holds the title, the
compared documents, the counts, a legend with a sample of every markup and status colour, and the
reproducibility line. The main table follows, with the columns № | English | 中文 | Status | Notes &
QA; its header row repeats on every page; long rows may break across pages (no gaps), slim heading
rows are shaded. The № cell shows both citations as printed (`Article 13` over `第 13 條`) and the
row's number, which the front matter's "rows needing action" table refers to with its page.
Appendices come last. Each row's id is kept in a hidden bookmark (`dpa_…`) around the № text, so
`review_reader` can match a reviewed copy back to its clauses.

Redlines are drawn by formatting (Litera convention), or, with
`tracked_changes=True`, written as real Word revisions (`w:ins` / `w:del`)
so that "accept all" gives the new text and "reject all" the old. Comments
and QA findings become real Word comments anchored on the words they
concern (and are printed in the Notes & QA cell); resolved notes are
written as resolved comments (`commentsExtended`). Each clause of a cell is
its own paragraph; a line break inside a clause is a `w:br`. Chinese runs
carry the document's East Asian language (zh-TW for Traditional text) and
font. The review data travels in a custom XML part only. The same model
always gives the same bytes.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dpa_compare.export.numbered_docx import FIXED_DATE
from dpa_compare.files import reproducible_zip, write_atomically
from dpa_compare.report import docx_ooxml as ox
from dpa_compare.report.docx_front import write_actions, write_appendix, write_front_matter
from dpa_compare.report.model import (
    LINE_BREAK,
    NEW_ONLY_STYLES,
    OLD_ONLY_STYLES,
    STATUS_LABELS,
    Cell,
    Comment,
    ReportModel,
    ReportOptions,
    Row,
)

FIXED_DATE_ISO = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
"""Default date of revisions and comments: fixed, so output does not depend on the clock."""

MAIN_TABLE_CAPTION = "dpa-compare review table"
"""`w:tblCaption` of the main table; `review_reader` finds the table by it."""

ID_MAP_VARIABLE = "dpa_compare_row_ids"
"""Review-data entry mapping hashed bookmark names to long row ids."""

VARIABLES_NAMESPACE = "urn:dpa-compare:variables"
"""Namespace of the custom XML part holding the review data (Word and LibreOffice keep it on
save)."""

W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
COMMENTS_EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
COMMENTS_EXTENDED_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
)

_FONT_TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
_CJK_NON_CHINESE_CHARSETS = frozenset({"80", "81", "82"})  # -- Shift-JIS, Hangul, Johab --
_ALT_NAMES = {
    "PMingLiU": "新細明體",
    "MingLiU": "細明體",
    "SimSun": "宋体",
    "SimHei": "黑体",
    "KaiTi": "楷体",
    "FangSong": "仿宋",
    "Microsoft YaHei": "微软雅黑",
}
_PAGES = {"A4": (16838, 11906), "Letter": (15840, 12240)}
_MARGIN = 720
_COLUMN_SHARES = (0.1, 0.31, 0.31, 0.085, 0.195)
"""№ | English | 中文 | Status | Notes & QA: the № column fits `Article 1-1` and `第 1-1 條` on one
line."""
_BIG5_LOCALES = frozenset({"zh-TW", "zh-HK", "zh-MO"})


@dataclass(frozen=True)
class Layout:
    """Page geometry in twips: landscape `width` × `height`, `body` the width between margins."""

    width: int
    height: int
    margin: int = _MARGIN

    @property
    def body(self) -> int:
        """Return the usable width between the margins."""
        return self.width - 2 * self.margin

    def columns(self, shares: tuple[float, ...]) -> list[int]:
        """Return column widths (twips) proportional to `shares`, summing to the body width
        exactly."""
        total = sum(shares)
        widths = [int(self.body * share / total) for share in shares]
        widths[-1] += self.body - sum(widths)
        return widths


@dataclass
class _Context:
    """What every row writer needs: the document, options, fonts and revision settings."""

    document: Any
    options: ReportOptions
    tracked: bool
    author: str
    date: str

    def fonts(self, lang: str | None) -> tuple[str, str] | None:
        """Return the explicit (Latin, East Asian) fonts for text in `lang`; None to inherit."""
        return (self.options.en_font, self.options.zh_font) if lang == "zh" else None

    def locale(self, lang: str | None) -> str | None:
        """Return the run language to write for a cell in `lang`: the document's Chinese locale for
        "zh"."""
        return self.options.zh_locale if lang == "zh" else lang


def write_docx(
    model: ReportModel,
    path: str | Path,
    *,
    tracked_changes: bool = False,
    author: str = "dpa-compare",
    date: str = FIXED_DATE_ISO,
) -> None:
    """Write `model` as a Word review report at `path` (atomically: temporary file, then rename).

    `tracked_changes` writes redlines in the English and Chinese cells as real
    Word revisions by `author` at `date` (ISO 8601) instead of coloured
    formatting. `date` is also the date of comments that carry none.
    """
    write_atomically(
        Path(path), build_docx(model, tracked_changes=tracked_changes, author=author, date=date)
    )


def build_docx(
    model: ReportModel,
    *,
    tracked_changes: bool = False,
    author: str = "dpa-compare",
    date: str = FIXED_DATE_ISO,
) -> bytes:
    """Return the bytes of the .docx `write_docx` writes."""
    import docx

    context = _Context(
        docx.Document(), model.options, tracked_changes, author, _iso_date(date, "date")
    )
    layout = Layout(*_PAGES[model.options.page])
    document = context.document
    _setup_page(document, layout)
    _setup_styles(document, model.options)
    body = document.element.body
    section_properties = body.find(ox.w("sectPr"))
    write_front_matter(body, model, layout)
    if model.front.actions:
        write_actions(body, model, layout)
    _write_main_table(body, model, layout, context)
    for index, appendix in enumerate(model.appendices):
        write_appendix(body, appendix, index, layout, model.options)
    body.append(section_properties)  # -- the section properties must stay last --
    first_free = (
        max((c.comment_id for c in document.comments), default=-1) + 1 if model.comment_count else 0
    )
    if tracked_changes:
        ox.lift_comment_markers(body)
    ox.renumber_annotations(body, first_free)
    _mark_resolved(document, model)
    _store_long_ids(document, model)
    _tidy_package(document, model.options)
    _set_core_properties(document, model, author)
    _write_footer(document, model)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _setup_page(document: Any, layout: Layout) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(layout.width), Twips(layout.height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(layout.margin))
    section.header_distance = section.footer_distance = Twips(360)


def _setup_styles(document: Any, options: ReportOptions) -> None:
    """Set explicit document-default fonts, size, languages and compact spacing.

    Theme font references are removed everywhere, and the theme's East Asian
    language set to zh-CN: python-docx's template says ja-JP there, which
    would make Word pick a Japanese font for Chinese text (zh-TW for Traditional text).
    """
    styles = document.styles.element
    defaults = styles.find(ox.w("docDefaults"))
    r_pr = defaults.find(f"{ox.w('rPrDefault')}/{ox.w('rPr')}")
    for child in list(r_pr):
        r_pr.remove(child)
    en, zh = options.en_font, options.zh_font
    ox.sub(r_pr, "rFonts", ascii=en, hAnsi=en, eastAsia=zh, cs=en)
    size = str(round(options.font_size * 2))
    ox.sub(r_pr, "sz", val=size)
    ox.sub(r_pr, "szCs", val=size)
    ox.sub(r_pr, "lang", val="en-US", eastAsia=options.zh_locale, bidi="ar-SA")
    spacing = defaults.find(f"{ox.w('pPrDefault')}/{ox.w('pPr')}/{ox.w('spacing')}")
    spacing.set(ox.w("after"), "0")
    spacing.set(ox.w("line"), "240")
    for fonts in styles.iter(ox.w("rFonts")):
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(ox.w(theme), None)
    _add_comment_styles(document)
    settings = document.settings.element
    theme_lang = settings.find(ox.w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(ox.w("eastAsia"), options.zh_locale)


def _add_comment_styles(document: Any) -> None:
    """Add the styles python-docx's comments refer to (`CommentText`, `CommentReference`)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    names = {style.name for style in document.styles}
    if "annotation text" not in names:
        text = document.styles.add_style("annotation text", WD_STYLE_TYPE.PARAGRAPH)
        text.element.set(ox.w("styleId"), "CommentText")
        text.base_style = document.styles["Normal"]
        text.font.size = Pt(10)
    if "annotation reference" not in names:
        reference = document.styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
        reference.element.set(ox.w("styleId"), "CommentReference")
        reference.font.size = Pt(8)
    for style_id in ("CommentText", "CommentReference"):
        # -- built-in styles (Word knows them by name): not marked custom --
        document.styles.element.get_by_id(style_id).attrib.pop(ox.w("customStyle"), None)


def _tidy_package(document: Any, options: ReportOptions) -> None:
    """Drop the template's blank-page thumbnail and Japanese fonts; declare the report's fonts.

    The font table tells Word and LibreOffice which character set each font
    serves; declaring the Chinese font as GB2312 (charset 86) or Big5
    (charset 88, Traditional) makes a missing SimSun / PMingLiU fall back to a
    Chinese font of the same script, never a Japanese one.
    """
    from lxml import etree

    package = document.part.package
    for r_id in [r_id for r_id, rel in package.rels.items() if rel.reltype.endswith("/thumbnail")]:
        package.rels.pop(r_id)
    part = document.part.part_related_by(_FONT_TABLE_REL)
    fonts = etree.fromstring(part.blob)
    for font in list(fonts):
        charset = font.find(ox.w("charset"))
        if charset is not None and charset.get(ox.w("val")) in _CJK_NON_CHINESE_CHARSETS:
            fonts.remove(font)
    declared = {font.get(ox.w("name")) for font in fonts}
    for name, charset, family in (
        (options.en_font, "00", "roman"),
        (options.zh_font, "88" if options.zh_locale in _BIG5_LOCALES else "86", "auto"),
    ):
        if name not in declared:
            font = ox.sub(fonts, "font", name=name)
            if name in _ALT_NAMES:
                ox.sub(font, "altName", val=_ALT_NAMES[name])
            ox.sub(font, "charset", val=charset)
            ox.sub(font, "family", val=family)
            ox.sub(font, "pitch", val="variable")
    # -- python-docx keeps non-XML-mapped parts as bytes; replace them --
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _write_main_table(body: Any, model: ReportModel, layout: Layout, context: _Context) -> None:
    heading = ox.paragraph(body, keep_next=True, page_break=True, after=120)
    ox.text_run(heading, "Clause-by-clause review", "bold")
    widths = layout.columns(_COLUMN_SHARES)
    tbl = ox.table(body, widths, caption=MAIN_TABLE_CAPTION)
    header = ox.table_row(tbl, header=True)
    for width, label in zip(widths, model.options.column_labels, strict=True):
        tc = ox.table_cell(header, width, ox.HEADER_FILL)
        lang = "zh" if ox.has_cjk(label) else None
        ox.text_run(
            ox.paragraph(tc),
            label,
            "bold",
            lang=context.locale(lang),
            fonts=context.fonts(lang),
            color="FFFFFF",
        )
    for row in model.rows:
        _write_row(tbl, row, widths, context)


def _write_row(tbl: Any, row: Row, widths: list[int], context: _Context) -> None:
    """Append the table row of `row`, then anchor its comments on the runs they concern."""
    heading = row.kind == "heading"
    tr = ox.table_row(tbl, cant_split=heading)
    fill = ox.HEADING_FILL if heading else None
    runs: dict[str, list[Any]] = {}
    number_cell = ox.table_cell(tr, widths[0], fill)
    p = ox.paragraph(number_cell, keep_next=heading)
    runs["number"] = [ox.text_run(p, row.number, "bold" if heading else "plain")]
    ox.add_bookmark(p, ox.bookmark_name(row.id))
    if row.zh_number and row.zh_number != row.number:
        zh = context.locale("zh")
        ox.text_run(ox.paragraph(number_cell), row.zh_number, fonts=context.fonts("zh"), lang=zh)
    if row.position:
        ox.text_run(ox.paragraph(number_cell), f"#{row.position}", "muted", size=7)
    for name, width in (("english", widths[1]), ("chinese", widths[2])):
        cell = getattr(row, name)
        tc = ox.table_cell(tr, width, fill)
        runs[name] = _write_cell(
            tc, cell, context, tracked=context.tracked, bold=heading, keep_next=heading
        )
    status_fill = fill if heading else ox.STATUS_FILLS.get(row.status)
    status_cell = ox.table_cell(tr, widths[3], status_fill)
    runs["status"] = [
        ox.text_run(ox.paragraph(status_cell, keep_next=heading), STATUS_LABELS.get(row.status, ""))
    ]
    if worst := row.worst_finding:
        mark = ox.paragraph(status_cell, before=40)
        ox.text_run(
            mark, f"▲ {worst.capitalize()} finding", "bold", color=ox.SEVERITY_COLORS[worst]
        )
    notes_cell = ox.table_cell(tr, widths[4], fill)
    runs["notes"] = _write_cell(
        notes_cell, row.notes, context, tracked=False, bold=False, keep_next=heading
    )
    for comment in row.comments:
        _add_comment(context, comment, runs[comment.anchor.cell], row)


def _write_cell(
    tc: Any, cell: Cell, context: _Context, *, tracked: bool, bold: bool, keep_next: bool
) -> list[Any]:
    """Write `cell`'s spans into `tc`, a paragraph per line; return one `w:r` per span (an empty run
    if none).

    "\\n" starts a new paragraph (the clauses of a cell); `LINE_BREAK` is a
    line break inside one (`w:br`). A span holding "\\n" is split over the
    paragraphs, and its first piece's run stands for it.
    """
    p = ox.paragraph(tc, keep_next=keep_next)
    lang = cell.lang if cell.lang in ("en", "zh") else ("zh" if ox.has_cjk(cell.text) else None)
    fonts = context.fonts(lang)
    runs = []
    for span in cell.spans:
        first = None
        # -- a removed clause break is no paragraph of the new text: a line break in the struck
        #    run --
        pieces = [span.text] if span.style in OLD_ONLY_STYLES else span.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                p = ox.paragraph(tc, keep_next=keep_next)
            run = _write_span(
                p, piece, span.style, context, tracked=tracked, bold=bold, lang=lang, fonts=fonts
            )
            first = first if first is not None else run
        runs.append(first)
    return runs or [ox.sub(p, "r")]


def _write_span(p: Any, text: str, span_style: str, context: _Context, *, tracked: bool, bold: bool,
                lang: str | None, fonts: tuple[str, str] | None) -> Any:  # fmt: skip
    """Append one piece of a span (no paragraph break inside) to `p`; return its `w:r`."""
    text = text.replace(LINE_BREAK, "\n")
    locale = context.locale(lang)
    style = "bold" if bold and span_style == "plain" else span_style
    if tracked and span_style in NEW_ONLY_STYLES | OLD_ONLY_STYLES:
        deleted = span_style in OLD_ONLY_STYLES
        wrapper = ox.revision(p, "del" if deleted else "ins", context.author, context.date)
        return ox.text_run(
            wrapper, text, style, fonts=fonts, lang=locale, deleted=deleted, formatted=False
        )
    return ox.text_run(p, text, style, fonts=fonts, lang=locale)


def _add_comment(context: _Context, comment: Comment, cell_runs: list[Any], row: Row) -> None:
    """Add `comment` as a Word comment on the runs of its anchor (one span, or the whole cell)."""
    from docx.text.run import Run

    anchor = comment.anchor
    if anchor.span is None or anchor.span >= len(cell_runs):
        first, last = cell_runs[0], cell_runs[-1]
    else:
        first = cell_runs[anchor.span]
        last = cell_runs[
            min(anchor.span_end if anchor.span_end is not None else anchor.span, len(cell_runs) - 1)
        ]
    document = context.document
    added = document.add_comment(
        [Run(first, document), Run(last, document)],
        text=comment.display_text,
        author=comment.author,
        initials=comment.initials,
    )
    date = _iso_date(comment.date, f"row {row.id!r} comment date") if comment.date else context.date
    added._comment_elm.set(ox.w("date"), date)
    if comment.resolved:
        added._comment_elm.set(_RESOLVED_MARK, "1")


_RESOLVED_MARK = "{urn:dpa-compare:variables}resolved"
"""Temporary attribute on a resolved comment, replaced by `_mark_resolved` with commentsExtended."""


def _mark_resolved(document: Any, model: ReportModel) -> None:
    """Write `commentsExtended` (Word 2013+) saying which comments are resolved (`w15:done`).

    Each comment's paragraph gets a `w14:paraId` (8 hex digits, below 0x80000000
    as Word requires), the key `w15:commentEx` refers to.
    """
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    if not model.comment_count:
        return
    comments = document.part._comments_part.element
    root = etree.Element(f"{{{W15_NS}}}commentsEx", nsmap={"w15": W15_NS})
    resolved_any = False
    for number, comment in enumerate(comments.iter(ox.w("comment")), 1):
        paragraphs = comment.findall(ox.w("p"))
        para_id = f"{number:08X}"
        if paragraphs:
            paragraphs[-1].set(f"{{{W14_NS}}}paraId", para_id)
        done = comment.attrib.pop(_RESOLVED_MARK, "0")
        resolved_any = resolved_any or done == "1"
        etree.SubElement(
            root,
            f"{{{W15_NS}}}commentEx",
            {f"{{{W15_NS}}}paraId": para_id, f"{{{W15_NS}}}done": done},
        )
    if not resolved_any:
        return
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(
        PackURI("/word/commentsExtended.xml"), COMMENTS_EXTENDED_TYPE, blob, document.part.package
    )
    document.part.relate_to(part, COMMENTS_EXTENDED_REL)


def _store_long_ids(document: Any, model: ReportModel) -> None:
    """Record row ids too long for a bookmark name, and `model.variables`, as document variables.

    They go in a custom XML part (`VARIABLES_NAMESPACE`) only: LibreOffice
    drops document variables when it saves a .docx, and Word limits a
    document variable to about 65,000 characters, which the review data of a
    few hundred rows exceeds; a custom XML part has no such limit.
    """
    mapping = {
        ox.bookmark_name(row.id): row.id
        for row in model.rows
        if ox.is_hashed_bookmark(ox.bookmark_name(row.id))
    }
    named = (
        [(ID_MAP_VARIABLE, json.dumps(mapping, ensure_ascii=False, sort_keys=True))]
        if mapping
        else []
    ) + list(model.variables)
    if named:
        _add_variables_part(document, named)


def _add_variables_part(document: Any, named: list[tuple[str, str]]) -> None:
    """Add a custom XML part holding the (name, value) variables `named`, related from the main
    document."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.part import Part
    from lxml import etree

    root = etree.Element(f"{{{VARIABLES_NAMESPACE}}}variables", nsmap={None: VARIABLES_NAMESPACE})
    for name, value in named:
        etree.SubElement(root, f"{{{VARIABLES_NAMESPACE}}}variable", name=name).text = value
    package = document.part.package
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", blob, package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)


def _set_core_properties(document: Any, model: ReportModel, author: str) -> None:
    core = document.core_properties
    core.title = model.front.title
    core.subject = "Bilingual clause-by-clause review"
    core.author = core.last_modified_by = author
    # -- the core properties hold at most 255 characters; the footer has the whole line --
    core.comments = _clip(model.front.reproducibility, 255)
    core.created = core.modified = core.last_printed = FIXED_DATE
    core.revision = 1


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _write_footer(document: Any, model: ReportModel) -> None:
    footer = document.sections[0].footer
    p = footer.paragraphs[0]._p
    p_pr = p.get_or_add_pPr()
    ox.sub(p_pr, "jc", val="right")
    # -- short: the documents' names and the page; the settings signature is in the front matter --
    lead = f"{model.front.footer}    " if model.front.footer else ""
    ox.text_run(p, f"{lead}Page ", "muted", size=7)
    for index, instruction in enumerate(("PAGE", "NUMPAGES")):
        if index:
            ox.text_run(p, " of ", "muted", size=7)
        field = ox.sub(p, "fldSimple", instr=f" {instruction} ")
        ox.text_run(field, "1", "muted", size=7)


def _iso_date(value: str, what: str) -> str:
    """Return `value` (ISO 8601) as Word's UTC form `YYYY-MM-DDTHH:MM:SSZ`; ValueError naming
    `what`."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} must be an ISO 8601 date-time, got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = [
    "FIXED_DATE_ISO",
    "ID_MAP_VARIABLE",
    "MAIN_TABLE_CAPTION",
    "VARIABLES_NAMESPACE",
    "Layout",
    "build_docx",
    "write_docx",
]
