"""Front matter and appendices of the Word review report.

Front matter: the title, a table of the compared documents (role, file,
version, date, full SHA-256), the counts side by side in one table, a legend
that shows every markup and status colour exactly as the report uses it, and
the reproducibility line. Each appendix starts on a new page with its own
table whose header row repeats on every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dpa_compare.report import docx_ooxml as ox

if TYPE_CHECKING:
    from dpa_compare.report.docx_writer import Layout
    from dpa_compare.report.model import (
        Appendix,
        Cell,
        CountTable,
        FrontMatter,
        ReportModel,
        ReportOptions,
    )

_MONO = "Courier New"
_SECTION_SIZE = 11.0


def write_front_matter(body: Any, model: ReportModel, layout: Layout) -> None:
    """Append the front matter of `model` to `body`."""
    front = model.front
    fonts = (model.options.en_font, model.options.zh_font)
    title = ox.paragraph(body, after=60)
    ox.text_run(
        title,
        front.title,
        "bold",
        size=16,
        fonts=fonts,
        lang=model.options.zh_locale if ox.has_cjk(front.title) else None,
    )
    if front.subtitle:
        ox.text_run(ox.paragraph(body, after=120), front.subtitle, "muted", size=10.5)
    if front.documents:
        _section(body, "Documents compared")
        _documents(body, front, layout)
    if front.counts:
        _section(body, "Summary")
        _counts(body, front.counts, layout)
    if front.legend:
        _section(body, "Legend")
        _legend(body, front, layout)
    note = ox.paragraph(body, after=60)
    ox.text_run(
        note,
        "Notes and QA findings are printed in the Notes & QA column and also appear as Word "
        "comments on the words they concern. The Status column gives the translation status and "
        "the most severe open finding.",
        "muted",
    )
    if front.reproducibility:
        line = ox.paragraph(body)
        ox.text_run(line, "Reproducibility: ", "bold", size=8)
        ox.text_run(
            line, front.reproducibility, "muted", size=8, fonts=(_MONO, model.options.zh_font)
        )


def write_actions(body: Any, model: ReportModel, layout: Layout) -> None:
    """Append the "rows needing action" table: row number, page, citations, status, worst finding.

    The page is a PAGEREF field to the row's bookmark: Word and LibreOffice
    fill it in when the document is laid out.
    """
    from dpa_compare.report.model import STATUS_LABELS

    _section(body, f"Rows needing action ({len(model.front.actions)})")
    widths = layout.columns((0.06, 0.06, 0.16, 0.16, 0.14, 0.42))
    tbl = ox.table(body, widths)
    labels = model.options.column_labels
    _header(
        tbl,
        widths,
        ("Row", "Page", labels[0], labels[2] + " " + labels[0], labels[3], "Most severe finding"),
        model.options.zh_locale,
    )
    fonts = (model.options.en_font, model.options.zh_font)
    for item in model.front.actions:
        tr = ox.table_row(tbl)
        ox.text_run(ox.paragraph(ox.table_cell(tr, widths[0])), f"#{item.position}")
        _page_field(ox.paragraph(ox.table_cell(tr, widths[1])), ox.bookmark_name(item.row_id))
        ox.text_run(ox.paragraph(ox.table_cell(tr, widths[2])), item.number)
        zh = ox.paragraph(ox.table_cell(tr, widths[3]))
        ox.text_run(zh, item.zh_number, fonts=fonts, lang=model.options.zh_locale)
        status = ox.table_cell(tr, widths[4], ox.STATUS_FILLS.get(item.status))
        ox.text_run(ox.paragraph(status), STATUS_LABELS.get(item.status, item.status))
        ox.text_run(ox.paragraph(ox.table_cell(tr, widths[5])), item.finding)


def _page_field(p: Any, bookmark: str) -> None:
    """Append a `PAGEREF bookmark` field (the page the bookmark is on) to paragraph `p`."""
    for kind, text in (("begin", None), (None, f" PAGEREF {bookmark} \\h "), ("separate", None),
                       (None, "?"), ("end", None)):  # fmt: skip
        r = ox.sub(p, "r")
        if kind:
            ox.sub(r, "fldChar", fldCharType=kind)
        elif text.startswith(" PAGEREF"):  # type: ignore[union-attr]
            instr = ox.sub(r, "instrText")
            instr.text = text
            instr.set(ox.XML_SPACE, "preserve")
        else:
            ox.sub(r, "t").text = text


def write_appendix(
    body: Any, appendix: Appendix, index: int, layout: Layout, options: ReportOptions
) -> None:
    """Append `appendix` (the `index`-th, lettered A, B, …) on a new page of `body`."""
    heading = ox.paragraph(body, keep_next=True, page_break=True, after=120)
    ox.text_run(heading, f"Appendix {_letter(index)} — {appendix.title}", "bold", size=12)
    if appendix.intro:
        ox.text_run(ox.paragraph(body, after=120), appendix.intro, "muted")
    if not appendix.rows:
        ox.text_run(ox.paragraph(body), "None.", "muted")
        return
    widths = layout.columns(appendix.widths or tuple(1.0 for _ in appendix.columns))
    tbl = ox.table(body, widths)
    _header(tbl, widths, appendix.columns, options.zh_locale)
    fonts = (options.en_font, options.zh_font)
    for row in appendix.rows:
        tr = ox.table_row(tbl)
        for width, cell in zip(widths, row, strict=True):
            write_display_cell(ox.table_cell(tr, width), cell, fonts, locale=options.zh_locale)


def write_display_cell(
    tc: Any, cell: Cell, fonts: tuple[str, str], size: float | None = None, locale: str = "zh-CN"
) -> None:
    """Write `cell` into `tc` as one paragraph with redlines shown by formatting (Chinese as
    `locale`)."""
    p = ox.paragraph(tc)
    lang = cell.lang if cell.lang in ("en", "zh") else ("zh" if ox.has_cjk(cell.text) else None)
    for span in cell.spans:
        ox.text_run(
            p,
            span.text,
            span.style,
            fonts=fonts if lang == "zh" else None,
            lang=locale if lang == "zh" else lang,
            size=size,
        )


def _section(body: Any, text: str) -> None:
    p = ox.paragraph(body, keep_next=True, before=180, after=60)
    ox.text_run(p, text, "bold", size=_SECTION_SIZE)


def _header(tbl: Any, widths: list[int], labels: tuple[str, ...], locale: str = "zh-CN") -> None:
    tr = ox.table_row(tbl, header=True)
    for width, label in zip(widths, labels, strict=True):
        tc = ox.table_cell(tr, width, ox.HEADER_FILL)
        lang = locale if ox.has_cjk(label) else None
        ox.text_run(ox.paragraph(tc), label, "bold", color="FFFFFF", lang=lang)


def _documents(body: Any, front: FrontMatter, layout: Layout) -> None:
    widths = layout.columns((0.13, 0.25, 0.12, 0.12, 0.38))  # -- a full SHA-256 fits on one line --
    tbl = ox.table(body, widths)
    _header(tbl, widths, ("Role", "File", "Version", "Date", "SHA-256"))
    for doc in front.documents:
        tr = ox.table_row(tbl)
        for width, value in zip(
            widths[:4], (doc.role, doc.path, doc.version, doc.date), strict=True
        ):
            ox.text_run(ox.paragraph(ox.table_cell(tr, width)), value)
        ox.text_run(
            ox.paragraph(ox.table_cell(tr, widths[4])), doc.sha256, fonts=(_MONO, _MONO), size=7.5
        )


def _counts(body: Any, counts: tuple[CountTable, ...], layout: Layout) -> None:
    """Write the count tables side by side: a label and a value column per table, titles spanning
    both."""
    pair = min(layout.body // len(counts), 4200)
    widths = [round(pair * 0.78), pair - round(pair * 0.78)] * len(counts)
    tbl = ox.table(body, widths)
    header = ox.table_row(tbl, header=True)
    for table in counts:
        tc = ox.table_cell(header, pair, ox.HEADER_FILL)
        tc[0].insert(
            1, ox.sub(tc[0], "gridSpan", val="2")
        )  # -- schema order: tcW, gridSpan, …, shd --
        ox.text_run(ox.paragraph(tc), table.title, "bold", color="FFFFFF")
    for index in range(max(len(t.rows) for t in counts)):
        tr = ox.table_row(tbl)
        for table in counts:
            label, value = table.rows[index] if index < len(table.rows) else ("", "")
            ox.text_run(ox.paragraph(ox.table_cell(tr, widths[0])), str(label))
            ox.text_run(ox.paragraph(ox.table_cell(tr, widths[1]), align="right"), str(value))


def _legend(body: Any, front: FrontMatter, layout: Layout) -> None:
    """Write the legend two entries per row: a live sample, then what it means."""
    shares = (0.14, 0.36, 0.14, 0.36)
    widths = [round(layout.body * 0.8 * share) for share in shares]
    tbl = ox.table(body, widths)
    entries = front.legend
    for start in range(0, len(entries), 2):
        tr = ox.table_row(tbl)
        for offset, entry in enumerate(entries[start : start + 2]):
            status = entry.kind == "status"
            sample = ox.table_cell(
                tr, widths[2 * offset], ox.STATUS_FILLS.get(entry.key) if status else None
            )
            style = "plain" if status or entry.key not in ox.RUN_FORMATS else entry.key
            ox.text_run(ox.paragraph(sample), entry.label, style)
            ox.text_run(
                ox.paragraph(ox.table_cell(tr, widths[2 * offset + 1])), entry.description, "muted"
            )
        if len(entries) - start == 1:
            ox.paragraph(ox.table_cell(tr, widths[2]))
            ox.paragraph(ox.table_cell(tr, widths[3]))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


__all__ = ["write_actions", "write_appendix", "write_display_cell"]
