"""Build the review report: align, diff, stale statuses, QA, notes → a `ReportModel`.

    >>> model = build_report(en, zh, previous_en=old_en, notes=load_notes("notes.yaml"),
    ...                      glossary=load_glossary("glossary.yaml"))        # doctest: +SKIP
    >>> write_docx(model, "review.docx")                                     # doctest: +SKIP

The Chinese document `zh` is taken to translate `previous_en` when that is
given (so a changed English clause makes its translation `stale`), else
`en`. With `previous_zh`, `zh` is the translation's newer version: its
cells show a redline against `previous_zh`, and QA checks `zh` against `en`.

One row per link of the alignment of the translated English with the
Chinese, in the reading order of the current English: rows that share a
clause (n:m links, splits, merges) are one row; unaligned clauses keep rows
of their own. Every clause of `en` and of `zh` appears in exactly one row,
each on a line of its own in its cell (accept-all text), so a reviewed copy
can be read back clause by clause (`build_review`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC
from typing import TYPE_CHECKING

from dpa_compare.lang.script import has_han
from dpa_compare.model import Alignment, Clause, Document
from dpa_compare.record import Comparison
from dpa_compare.report.analysis import Analysis, ReportInputs
from dpa_compare.report.analysis import RowGroup as _RowGroup
from dpa_compare.report.model import (
    SEVERITY_ORDER,
    Anchor,
    Cell,
    CellName,
    Comment,
    ReportModel,
    ReportOptions,
    Row,
    Span,
    SpanStyle,
    clause_line,
    is_heading_only,
)
from dpa_compare.status import ACTIONABLE, most_urgent

if TYPE_CHECKING:
    from dpa_compare.qa import Finding, Glossary, Note, NotesFile
    from dpa_compare.stale import StaleRow

QA_AUTHOR, QA_INITIALS = "dpa-compare QA", "QA"
"""Author and initials of the Word comments that carry QA findings."""

ENGLISH_ANCHORED_CHECKS = frozenset({"omission"})
"""Checks whose finding is about missing text: anchored on the English cell (the text left out)."""

ACTION_SEVERITIES = frozenset({"critical", "major"})
"""Finding severities that make a row need action even when its translation is current."""

TRADITIONAL_FONT, SIMPLIFIED_FONT = "PMingLiU", "SimSun"
"""Word's standard Chinese serif fonts for Traditional (新細明體) and Simplified (宋体) text."""

NOTE_MESSAGE_LIMIT = 300
"""Characters of a finding message or note printed in the Notes & QA cell (the comment has it
all)."""

_STYLE_OF_OP: dict[int, SpanStyle] = {-1: "deleted", 0: "plain", 1: "inserted"}


def analyse(
    inputs: ReportInputs | Comparison, on_step: Callable[[str], None] | None = None
) -> Analysis:
    """Return the alignment, stale statuses and QA findings of `inputs` (the slow part: seconds).

    `inputs` is a comparison record (`dpa_compare.record.compare`) or the
    report's inputs, made into one; every stage is read from the record.
    """
    record = inputs if isinstance(inputs, Comparison) else _record(inputs, on_step)
    alignment = record.alignment
    qa_alignment = record.current_alignment if record.previous_zh is not None else None
    stale = record.stale
    qa = record.qa
    report_inputs = ReportInputs(record.en, record.zh, record.previous_en, record.previous_zh,
                                 record.notes, record.glossary)  # fmt: skip
    return Analysis(report_inputs, alignment, stale, qa.findings, len(qa.suppressed), qa_alignment)


def _record(inputs: ReportInputs, on_step: Callable[[str], None] | None) -> Comparison:
    from dpa_compare.record import compare

    return compare(inputs.en, inputs.zh, inputs.previous_en, inputs.previous_zh,
                   glossary=inputs.glossary, notes=inputs.notes, on_step=on_step)  # fmt: skip


def build_report(
    en: Document,
    zh: Document,
    previous_en: Document | None = None,
    previous_zh: Document | None = None,
    notes: NotesFile | None = None,
    glossary: Glossary | None = None,
    *,
    omit_resolved: bool = False,
    options: ReportOptions | None = None,
    on_step: Callable[[str], None] | None = None,
    only_actionable: bool = False,
    redline_appendix: bool = False,
) -> ReportModel:
    """Return the review report of the Chinese `zh` against the English `en`.

    `previous_en` / `previous_zh` are the earlier versions the redlines are
    drawn against; `notes` (a notes file) become Word comments, resolved ones
    left out with `omit_resolved`; `glossary` feeds alignment and QA.
    `on_step` is called with a short description after each stage (progress).
    `only_actionable` prints only the rows needing action (see
    `needs_action`); `redline_appendix` adds the change tables that repeat
    the English redlines. The same inputs always give the same model.
    """
    inputs = ReportInputs(en, zh, previous_en, previous_zh, notes, glossary)
    return model_from_analysis(
        analyse(inputs, on_step),
        omit_resolved=omit_resolved,
        options=options,
        only_actionable=only_actionable,
        redline_appendix=redline_appendix,
    )


def model_from_analysis(
    analysis: Analysis,
    *,
    omit_resolved: bool = False,
    options: ReportOptions | None = None,
    only_actionable: bool = False,
    redline_appendix: bool = False,
) -> ReportModel:
    """Return the `ReportModel` of an `analysis` (pure and fast: no alignment or QA is run)."""
    from dpa_compare.report.build_front import appendices, front_matter, review_variables

    inputs = analysis.inputs
    groups = _merge_headings(_groups(analysis.stale.rows), inputs)
    rows = [_row(group, analysis) for group in groups]
    placed, unplaced = _place_notes(rows, groups, inputs, omit_resolved)
    rows = _attach_findings(rows, groups, analysis.findings, inputs.previous_zh is not None)
    rows = [_finish(row, group, analysis) for row, group in zip(rows, groups, strict=True)]
    printed = [k for k, row in enumerate(rows) if not only_actionable or needs_action(row)]
    shown = tuple(replace(rows[k], position=n) for n, k in enumerate(printed, 1))
    return ReportModel(
        front=front_matter(analysis, shown, placed, len(unplaced), omit_resolved, only_actionable),
        rows=shown,
        appendices=appendices(analysis, unplaced, redline_appendix),
        options=options or default_options(inputs.zh),
        variables=review_variables(analysis, rows, groups, {row.id for row in shown}),
    )


def needs_action(row: Row) -> bool:
    """Return True when `row` asks for work: a non-current status, or an open critical/major
    finding."""
    return row.status in ACTIONABLE or row.worst_finding in ACTION_SEVERITIES


def default_options(zh: Document) -> ReportOptions:
    """Return the layout options for the Chinese `zh`: zh-TW and a Traditional font for Traditional
    text."""
    from dpa_compare.lang.script import is_traditional

    sample = "\n".join(c.full_text for c in zh.clauses[:400])
    if is_traditional(sample):
        return ReportOptions(zh_font=TRADITIONAL_FONT, zh_locale="zh-TW")
    return ReportOptions(zh_font=SIMPLIFIED_FONT, zh_locale="zh-CN")


# -- rows ---------------------------------------------------------------------------------------


def _groups(stale_rows: Sequence[StaleRow]) -> list[_RowGroup]:
    """Return the stale rows merged where they share a clause id on either side, in stale order."""
    groups: list[_RowGroup] = []
    owner: dict[tuple[str, str], _RowGroup] = {}
    for row in stale_rows:
        found = [owner[k] for k in _keys(row) if k in owner]
        group = found[0] if found else _RowGroup()
        if not found:
            groups.append(group)
        for other in found[1:]:
            if other is not group:
                for member in other.members:
                    group.add(member)
                groups.remove(other)
        group.add(row)
        for member in group.members:
            for key in _keys(member):
                owner[key] = group
    return groups


def _keys(row: StaleRow) -> list[tuple[str, str]]:
    return ([("old", i) for i in row.old_en_ids] + [("new", i) for i in row.new_en_ids]
            + [("zh", i) for i in row.zh_ids] + [("nzh", i) for i in row.new_zh_ids])  # fmt: skip


def _merge_headings(groups: list[_RowGroup], inputs: ReportInputs) -> list[_RowGroup]:
    """Return `groups` with each heading-only group joined to the group of its first child.

    A title or an article number alone (`Article 13` over its paragraphs) is
    no row of its own: it becomes a heading line in the row below it. A
    heading followed by no deeper clause stays a (slim) heading row.
    """
    out: list[_RowGroup] = []
    pending: list[_RowGroup] = []
    for group in groups:
        clauses = _group_clauses(group, inputs)
        level = clauses[0].level if clauses else 0
        if pending and _level(pending[-1], inputs) >= level:
            out.extend(pending)  # -- not a child of the last heading: the headings stay rows --
            pending = []
        if clauses and all(is_heading_only(c.text) for c in clauses):
            pending.append(group)
            continue
        if pending:
            merged = _RowGroup()
            for member in (*pending, group):
                for row in member.members:
                    merged.add(row)
            group, pending = merged, []
        out.append(group)
    return out + pending


def _group_clauses(group: _RowGroup, inputs: ReportInputs) -> list[Clause]:
    return (
        _clauses(inputs.en, group.new_en)
        or _clauses(inputs.source_en, group.old_en)
        or _clauses(inputs.source_zh, group.zh)
        or _clauses(inputs.zh, group.new_zh)
    )


def _level(group: _RowGroup, inputs: ReportInputs) -> int:
    clauses = _group_clauses(group, inputs)
    return clauses[0].level if clauses else 0


def _row(group: _RowGroup, analysis: Analysis) -> Row:
    inputs = analysis.inputs
    en_new = _clauses(inputs.en, group.new_en)
    en_old = _clauses(inputs.source_en, group.old_en)
    zh_old = _clauses(inputs.source_zh, group.zh)
    zh_new = _clauses(inputs.zh, group.new_zh) if inputs.previous_zh is not None else zh_old
    english = _cell(en_old, en_new, "en", inputs.previous_en is not None, ())
    chinese = _cell(
        zh_old, zh_new, "zh", inputs.previous_zh is not None, _zh_terms(inputs.glossary)
    )
    everything = en_new or en_old or zh_new or zh_old
    heading = all(is_heading_only(c.text) for c in everything)
    status = most_urgent(m.status for m in group.members)
    return Row(
        id=_row_id(group, inputs),
        kind="heading" if heading else "clause",
        number=_number(
            _body(en_old), _body(en_new), _body(zh_new or zh_old), inputs.previous_en is not None
        ),
        english=english,
        chinese=chinese,
        status="" if heading and status == "current" else status,  # type: ignore[arg-type]
        en_id=next(iter(group.new_en or group.old_en), None),
        zh_id=next(iter(group.new_zh or group.zh), None),
        level=everything[0].level,
        zh_number=" + ".join(_cite(c) for c in _body(zh_new or zh_old)),
    )


def _body(clauses: list[Clause]) -> list[Clause]:
    """Return the clauses with body text (all of them when every one is a heading)."""
    return [c for c in clauses if not is_heading_only(c.text)] or clauses


def _row_id(group: _RowGroup, inputs: ReportInputs) -> str:
    """Return the row's stable id: its English clause id, else "zh-" + its Chinese clause id.

    The first clause with body text names the row (a heading folded into the
    row does not). With a previous Chinese, a row holding only a clause the
    newer Chinese dropped gets "zh-old-": old and new clause ids may coincide.
    """
    if group.new_en:
        return _first_body(inputs.en, group.new_en)
    if inputs.previous_zh is not None and group.new_zh:
        return "zh-" + _first_body(inputs.zh, group.new_zh)
    if group.zh:
        prefix = "zh-old-" if inputs.previous_zh is not None else "zh-"
        return prefix + _first_body(inputs.source_zh, group.zh)
    return "old-" + _first_body(inputs.source_en, group.old_en)


def _first_body(document: Document, ids: Sequence[str]) -> str:
    """Return the first of `ids` whose clause has body text (the first id when none has)."""
    return next((c.id for c in _clauses(document, ids) if not is_heading_only(c.text)), ids[0])


def _clauses(document: Document, ids: Sequence[str]) -> list[Clause]:
    """Return the clauses of `document` with the given `ids`, in document order (unknown ids
    skipped)."""
    order = {c.id: k for k, c in enumerate(document.clauses)}
    return [document.clauses[k] for k in sorted(order[i] for i in ids if i in order)]


def _cell(
    old: list[Clause], new: list[Clause], lang: str, redlined: bool, terms: Sequence[str]
) -> Cell:
    """Return a text cell: the new clauses one a line, redlined against the old ones when
    `redlined`.

    Heading-only clauses read as printed (label and heading), in bold when
    there is no redline.
    """
    from dpa_compare.diff.redline import redline

    new_text = "\n".join(_line(c) for c in new)
    old_text = "\n".join(_line(c) for c in old)
    if not redlined or old_text == new_text:
        spans: list[Span] = []
        for k, clause in enumerate(new):
            if k:
                spans.append(Span("\n"))
            if line := _line(clause):
                spans.append(Span(line, "bold" if is_heading_only(clause.text) else "plain"))
        return Cell(tuple(spans), lang)
    edits = redline(old_text, new_text, lang, terms)
    return Cell(tuple(Span(text, _STYLE_OF_OP[op]) for op, text in edits), lang)


def _line(clause: Clause) -> str:
    return clause_line(clause.label, clause.heading, clause.text)


def _number(en_old: list[Clause], en_new: list[Clause], zh: list[Clause], versions: bool) -> str:
    """Return the № text: the English citation, `old → new` when renumbered, the Chinese one for
    Chinese-only rows."""
    new = " + ".join(_cite(c) for c in en_new)
    old = " + ".join(_cite(c) for c in en_old)
    if en_new:
        return f"{old} → {new}" if versions and en_old and old != new else new
    if en_old:
        return old
    return " + ".join(_cite(c) for c in zh)


def _cite(clause: Clause) -> str:
    return clause.citation


def _row_remarks(group: _RowGroup, analysis: Analysis) -> list[str]:
    """Return the alignment remarks of the Notes & QA cell (the status says what changed)."""
    remarks = []
    stale = [m for m in group.members if m.status == "stale"]
    if stale and all(m.xref_only for m in stale):
        remarks.append("Only cross-references changed")
    links = _links_of(group, analysis.alignment)
    for link in links:
        if link.flagged and link.en_ids and link.zh_ids:
            remarks.append(f"Low-confidence link ({link.confidence:.2f})")
    if group.old_en and not group.zh and any(link.en_ids and not link.zh_ids for link in links):
        remarks.append("No Chinese counterpart found")
    if group.zh and not group.old_en:
        remarks.append("No English counterpart found")
    if len(links) == 1 and len(links[0].en_ids) + len(links[0].zh_ids) > 2:
        remarks.append(f"{links[0].shape} link")
    return remarks


def _links_of(group: _RowGroup, alignment: Alignment) -> list:  # noqa: ANN401 -- list of Link
    ids = set(group.old_en) | set(group.zh)
    return [link for link in alignment.links if ids & (set(link.en_ids) | set(link.zh_ids))]


# -- notes and findings ------------------------------------------------------------------------


def _place_notes(rows: list[Row], groups: list[_RowGroup], inputs: ReportInputs,
                 omit_resolved: bool) -> tuple[int, tuple[Note, ...]]:  # fmt: skip
    """Add each translator note as a comment on its row (Chinese cell); return (placed, unplaced
    notes)."""
    if inputs.notes is None:
        return 0, ()
    by_en = _index(inputs.source_en, groups, "old_en")
    by_zh = _index(inputs.source_zh, groups, "zh")
    placed, unplaced = 0, []
    for note in inputs.notes.notes:
        if omit_resolved and note.status == "resolved":
            continue
        index = _note_row(note, by_en, by_zh)
        if index is None or note.orphaned:
            unplaced.append(note)
            continue
        words = _note_words(note, inputs)
        rows[index] = _with_comment(rows[index], _note_comment(note, rows[index], words))
        placed += 1
    return placed, tuple(unplaced)


def _index(document: Document, groups: list[_RowGroup], side: str) -> dict[str, int]:
    """Return clause id and citation → row index, for the clauses of `document` on `side`."""
    found: dict[str, int] = {}
    refs = {c.id: _cite(c) for c in document.clauses}
    for k, group in enumerate(groups):
        for clause_id in getattr(group, side):
            found.setdefault(f"id:{clause_id}", k)
            found.setdefault(f"ref:{refs.get(clause_id, '')}", k)
    return found


def _note_row(note: Note, by_en: dict[str, int], by_zh: dict[str, int]) -> int | None:
    keys = (
        (f"id:{note.clause_id}", by_en),
        (f"ref:{' '.join(note.clause.split())}", by_en),
        (f"ref:{' '.join(note.zh_clause.split())}", by_zh),
    )
    for key, index in keys:
        if key not in ("id:", "ref:") and key in index:
            return index[key]
    return None


def _note_words(note: Note, inputs: ReportInputs) -> tuple[CellName, str]:
    """Return (cell, line) of the clause a note concerns: its Chinese clause, else its English
    one."""
    wanted = " ".join(note.zh_clause.split())
    for clause in inputs.source_zh.clauses:
        if wanted and _cite(clause) == wanted:
            return "chinese", _line(clause)
    for clause in inputs.source_en.clauses:
        if clause.id == note.clause_id or _cite(clause) == " ".join(note.clause.split()):
            return "english", _line(clause)
    return "chinese", ""


def _note_comment(note: Note, row: Row, words: tuple[CellName, str]) -> Comment:
    cell, line = words
    if not row.cell(cell).spans:
        cell, line = ("chinese" if row.chinese.spans else "english"), ""
    flags = "".join(f" [{flag}]" for flag in note.flags)
    return Comment(
        text=f"{note.text}{flags}",
        anchor=Anchor(cell, text=line),
        author=note.author or "Translator",
        initials=initials(note.author or "Translator"),
        date=_iso(note.date),
        kind="note",
        resolved=note.status == "resolved",
    )


def _attach_findings(rows: list[Row], groups: list[_RowGroup], findings: Sequence[Finding],
                     current_pair: bool) -> list[Row]:  # fmt: skip
    """Add each QA finding as a comment on the row of its clause; return the rows.

    `current_pair` says QA checked the current Chinese against the current
    English (ids of `new_zh` / `new_en`), else the Chinese against the English
    it translates (ids of `zh` / `old_en`): old and new ids may coincide, so
    each finding is looked up on its own side only.
    """
    en_side, zh_side = ("new_en", "new_zh") if current_pair else ("old_en", "zh")
    by_zh = {i: k for k, g in enumerate(groups) for i in getattr(g, zh_side)}
    by_en = {i: k for k, g in enumerate(groups) for i in getattr(g, en_side)}
    for finding in findings:
        index = _finding_row(finding, by_en, by_zh)
        rows[index] = _with_comment(rows[index], _finding_comment(finding, rows[index]))
    return rows


def _evidence_words(finding: Finding) -> list[str]:
    """Return the strings of a finding's evidence that may be quoted from a cell, longest pieces
    first."""
    evidence = finding.evidence
    values: list[object] = []
    if isinstance(evidence, dict):
        for key in ("zh_text", "en_text", "zh_only", "en_only", "term", "expected"):
            value = evidence.get(key)
            values += value if isinstance(value, list | tuple) else [value]
    else:
        values += list(evidence)
    words = []
    for value in values:
        if isinstance(value, str) and value.strip():
            # -- "… quoted context …" excerpts: the pieces between ellipses are verbatim --
            words += [piece.strip() for piece in value.split("…") if len(piece.strip()) >= 2]
    return words


def _finding_row(finding: Finding, by_en: dict[str, int], by_zh: dict[str, int]) -> int:
    for clause_id in (finding.zh_id, *finding.zh_ids):
        if clause_id in by_zh:
            return by_zh[clause_id]
    for clause_id in (finding.en_id, *finding.en_ids):
        if clause_id in by_en:
            return by_en[clause_id]
    return 0  # -- a document-wide finding: on the first row --


def _finding_comment(finding: Finding, row: Row) -> Comment:
    english = finding.check in ENGLISH_ANCHORED_CHECKS or not row.chinese.spans
    cell = "english" if english and row.english.spans else "chinese"
    other = "chinese" if cell == "english" else "english"
    lead = "" if finding.en_id or finding.zh_id else "(whole document) "
    words = ""
    for name in (cell, other):
        text = row.cell(name).text
        found = [w for w in _evidence_words(finding) if w in text]
        if found and row.cell(name).spans:
            cell, words = name, found[0]
            break
    return Comment(
        text=lead + finding.message,
        anchor=Anchor(cell, text=words),  # type: ignore[arg-type]
        author=QA_AUTHOR,
        initials=QA_INITIALS,
        kind="finding",
        severity=finding.severity,
        check=finding.check,
    )


def _with_comment(row: Row, comment: Comment) -> Row:
    return replace(row, comments=(*row.comments, comment))


# -- the finished row: notes cell, exact anchors -------------------------------------------------


def _finish(row: Row, group: _RowGroup, analysis: Analysis) -> Row:
    """Return `row` with its Notes & QA cell written and its comments anchored on their words."""
    row = _anchor_on_words(row)
    return replace(row, notes=notes_cell(_row_remarks(group, analysis), row.comments))


def notes_cell(remarks: Sequence[str], comments: Sequence[Comment]) -> Cell:
    """Return the Notes & QA cell: open findings (most severe first), notes, then alignment remarks.

    Printed reviews and PDFs lose Word comments, so every finding and note
    is also written here: `Critical · numbers: numbers differ …`.
    """
    spans: list[Span] = []

    def line(lead: str, text: str, style: SpanStyle) -> None:
        if spans:
            spans.append(Span("\n"))
        spans.append(Span(lead, style))
        spans.append(Span(_clip(" ".join(text.split()), NOTE_MESSAGE_LIMIT)))

    rank = {s: k for k, s in enumerate(SEVERITY_ORDER)}
    findings = sorted(
        (c for c in comments if c.kind == "finding"), key=lambda c: rank[c.severity or "info"]
    )
    for comment in findings:
        state = " (resolved)" if comment.resolved else ""
        line(
            f"{(comment.severity or 'info').capitalize()} · {comment.check}{state}: ",
            comment.text,
            "bold",
        )
    for comment in comments:
        if comment.kind == "note":
            state = " (resolved)" if comment.resolved else ""
            line(f"Note, {comment.author}{state}: ", comment.text, "italic")
    for remark in remarks:
        if spans:
            spans.append(Span("\n"))
        spans.append(Span(remark, "muted"))
    return Cell(tuple(spans))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _anchor_on_words(row: Row) -> Row:
    """Return `row` with each comment that names its words anchored on exactly those spans."""
    comments = list(row.comments)
    cells = {}
    for name in ("english", "chinese"):
        cell = row.cell(name)
        wanted = {}
        for k, comment in enumerate(comments):
            anchor = comment.anchor
            if anchor.cell == name and anchor.text and anchor.span is None:
                start = cell.text.find(anchor.text)
                if start >= 0:
                    wanted[k] = (start, start + len(anchor.text))
        if not wanted:
            continue
        spans, bounds = _split_spans(cell.spans, {x for pair in wanted.values() for x in pair})
        cells[name] = Cell(spans, cell.lang)
        for k, (start, end) in wanted.items():
            inside = [i for i, (a, b) in enumerate(bounds) if a >= start and b <= end and a < b]
            if inside:
                anchor = replace(comments[k].anchor, span=inside[0], span_end=inside[-1])
                comments[k] = replace(comments[k], anchor=anchor)
    return replace(
        row,
        comments=tuple(comments),
        english=cells.get("english", row.english),
        chinese=cells.get("chinese", row.chinese),
    )


def _split_spans(
    spans: Sequence[Span], cuts: set[int]
) -> tuple[tuple[Span, ...], list[tuple[int, int]]]:
    """Return `spans` cut at the character offsets `cuts`, and each new span's (start, end)."""
    out: list[Span] = []
    bounds: list[tuple[int, int]] = []
    offset = 0
    for span in spans:
        end = offset + len(span.text)
        points = [offset, *sorted(c for c in cuts if offset < c < end), end]
        for a, b in zip(points, points[1:], strict=False):
            out.append(Span(span.text[a - offset : b - offset], span.style))
            bounds.append((a, b))
        offset = end
    return tuple(out), bounds


def initials(author: str) -> str:
    """Return Word-style initials of `author`: first letters of its words ("Chen Yu" → "CY"); a CJK
    name's first two characters."""
    words = author.split()
    if len(words) == 1 and has_han(author):
        return author[:2]
    return "".join(w[0].upper() for w in words[:3]) or "?"


def _iso(date: str) -> str:
    """Return a note's date ("2020-04-20") as a UTC ISO date-time, "" when absent or unreadable."""
    from datetime import datetime

    date = date.strip()
    if not date:
        return ""
    try:
        parsed = datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if parsed.tzinfo is not None:
        # -- the "Z" written below means UTC: a note dated 10:00 at +08:00 is 02:00Z, not 10:00Z --
        parsed = parsed.astimezone(UTC)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def _zh_terms(glossary: Glossary | None) -> tuple[str, ...]:
    """Return the glossary's Chinese renderings: kept whole when Chinese text is tokenised."""
    if glossary is None:
        return ()
    return tuple(sorted({z for entry in glossary for z in entry.zh}))


__all__ = [
    "ENGLISH_ANCHORED_CHECKS",
    "QA_AUTHOR",
    "Analysis",
    "ReportInputs",
    "analyse",
    "build_report",
    "initials",
    "model_from_analysis",
]
