"""The review report's front matter, appendices and read-back data, from an `Analysis`.

Front matter: the documents compared, counts (changes by kind, translation
statuses, QA findings by severity, alignment gaps, notes), the legend and a
reproducibility line. Appendices: the English change table (like a table of
departures), a Chinese one with a previous Chinese, the alignment gaps, and
notes that could not be placed on a clause. The document variable
`REVIEW_VARIABLE` carries what `import-review` needs to rebuild the Chinese
document and the notes file from a reviewed copy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dpa_compare.model import Alignment, Document, Link
from dpa_compare.report.model import (
    STATUS_LABELS,
    ActionItem,
    Appendix,
    Cell,
    CountTable,
    DocumentInfo,
    FrontMatter,
    Row,
    Span,
    SpanStyle,
    default_legend,
)

if TYPE_CHECKING:
    from dpa_compare.diff import VersionDiff
    from dpa_compare.qa import Note
    from dpa_compare.report.analysis import Analysis, RowGroup

REVIEW_VARIABLE = "dpa_compare_review"
"""Name of the review data (JSON: Chinese clause list, row citations, original notes, comments),
stored in the report's custom XML part only: a Word document variable is limited to about
65,000 characters, which a review of a few hundred rows would exceed."""

UNKNOWN = "unknown"
"""What the documents table says for a version or date neither the document nor its file name
gives."""

_FILE_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)"
)

REVIEW_FORMAT = 2
"""Version of the `REVIEW_VARIABLE` JSON layout."""

_KIND_LABELS = {
    "unchanged": "Unchanged",
    "modified": "Modified",
    "added": "Added",
    "deleted": "Deleted",
    "moved": "Moved",
    "renumbered": "Renumbered",
    "moved_modified": "Moved and modified",
    "split": "Split",
    "merged": "Merged",
}
_STYLE_OF_OP: dict[int, SpanStyle] = {-1: "deleted", 0: "plain", 1: "inserted"}


def front_matter(analysis: Analysis, rows: Sequence[Row], notes_placed: int, notes_unplaced: int,
                 omit_resolved: bool, only_actionable: bool = False) -> FrontMatter:  # fmt: skip
    """Return the front matter: title, documents, counts, actions, legend and reproducibility line.

    The translation-status counts are those of `dpa-compare stale` (one per
    translated clause, `dpa_compare.status.count_statuses`), whatever rows are printed.
    """
    from dpa_compare.report.build import needs_action
    from dpa_compare.status import count_statuses

    inputs = analysis.inputs
    title = f"Bilingual review — {inputs.en.title}" if inputs.en.title else "Bilingual review"
    subtitle = f"English {_name(inputs.en)} ⇄ 中文 {_name(inputs.zh)}"
    if inputs.previous_en is not None:
        subtitle += f"; changes since {_name(inputs.previous_en)}"
    counts = []
    if inputs.previous_en is not None:
        counts.append(_change_counts("English changes", analysis.stale.en_diff))
    if analysis.stale.zh_diff is not None:
        counts.append(_change_counts("Chinese changes", analysis.stale.zh_diff))
    statuses = count_statuses(r.status for r in analysis.stale.rows)
    counts.append(
        CountTable("Translation status", tuple((STATUS_LABELS[s], n) for s, n in statuses.items()))
    )
    counts.append(_finding_counts(analysis, rows))
    counts.append(_alignment_counts(analysis.alignment, notes_placed, notes_unplaced))
    return FrontMatter(
        title=title,
        subtitle=subtitle,
        documents=tuple(_document(role, doc) for role, doc in _documents(analysis)),
        counts=tuple(counts),
        legend=default_legend(),
        reproducibility=reproducibility(analysis, omit_resolved, only_actionable),
        actions=tuple(_action(row) for row in rows if needs_action(row)),
        footer=f"{_file(inputs.en)} ⇄ {_file(inputs.zh)}",
    )


def _action(row: Row) -> ActionItem:
    worst = row.worst_finding
    finding = (
        next(
            (
                f"{c.severity.capitalize()} · {c.check}"
                for c in row.comments
                if c.kind == "finding" and c.severity == worst
            ),
            "",
        )
        if worst
        else ""
    )
    return ActionItem(row.id, row.position, row.number, row.zh_number, row.status, finding)


def _file(document: Document) -> str:
    from pathlib import PurePath

    return PurePath(document.source).name


def reproducibility(analysis: Analysis, omit_resolved: bool, only_actionable: bool = False) -> str:
    """Return the one-line signature of how the report was made: version, scorers, tokeniser,
    options."""
    from dpa_compare import __version__

    inputs = analysis.inputs
    parts = [f"dpa-compare {__version__}", "align:" + "+".join(analysis.alignment.scorers)]
    parts.append("diff:" + analysis.stale.en_diff.signature)
    checked = (
        "zh~en"
        if inputs.previous_zh is not None
        else ("zh~previous-en" if inputs.previous_en else "zh~en")
    )
    parts.append(
        f"qa:{checked}"
        + (f",glossary {len(inputs.glossary)}" if inputs.glossary is not None else "")
    )
    options = [
        f"previous-en:{'yes' if inputs.previous_en else 'no'}",
        f"previous-zh:{'yes' if inputs.previous_zh else 'no'}",
        f"notes:{'yes' if inputs.notes else 'no'}",
        f"omit-resolved:{'yes' if omit_resolved else 'no'}",
        f"only-actionable:{'yes' if only_actionable else 'no'}",
    ]
    parts.append(",".join(options))
    return " | ".join(parts)


def _name(document: Document) -> str:
    from pathlib import PurePath

    return document.version or PurePath(document.source).name


def _documents(analysis: Analysis) -> list[tuple[str, Document]]:
    inputs = analysis.inputs
    found = [("English, current", inputs.en)]
    if inputs.previous_en is not None:
        found.append(("English, previous", inputs.previous_en))
    found.append(("Chinese, current", inputs.zh))
    if inputs.previous_zh is not None:
        found.append(("Chinese, previous", inputs.previous_zh))
    return found


def _document(role: str, document: Document) -> DocumentInfo:
    version, date = document_version_date(document)
    return DocumentInfo(role, document.source, version, date, document.sha256)


def document_version_date(document: Document) -> tuple[str, str]:
    """Return a document's (version, date): as the document states them, else from its file name,
    else unknown.

    A file named `dpa-2023-03.zh.md` is taken as version and date `2023-03`,
    (marked "from file name"); a document and file name without either give `UNKNOWN`.
    """
    from pathlib import PurePath

    found = _FILE_DATE.search(PurePath(document.source).name)
    from_name = "-".join(x for x in found.groups() if x) if found else ""
    version = document.version or (f"{from_name} (file name)" if from_name else UNKNOWN)
    date = document.date or (f"{from_name} (file name)" if from_name else UNKNOWN)
    return version, date


def _change_counts(title: str, result: VersionDiff) -> CountTable:
    return CountTable(title, tuple((_KIND_LABELS.get(k, k), n) for k, n in result.counts().items()))


def _finding_counts(analysis: Analysis, rows: Sequence[Row]) -> CountTable:
    from dpa_compare.qa.registry import SEVERITIES

    shown = [c for r in rows for c in r.comments if c.kind == "finding"]
    counts = [(s.capitalize(), sum(c.severity == s for c in shown)) for s in SEVERITIES]
    return CountTable("QA findings", (*counts, ("Suppressed", analysis.suppressed)))


def _alignment_counts(alignment: Alignment, notes_placed: int, notes_unplaced: int) -> CountTable:
    links = alignment.links
    return CountTable(
        "Alignment and notes",
        (
            ("Links", len(links)),
            (
                "Low-confidence links",
                sum(link.flagged and bool(link.en_ids and link.zh_ids) for link in links),
            ),
            ("English not aligned (1-0)", sum(not link.zh_ids for link in links)),
            ("Chinese not aligned (0-1)", sum(not link.en_ids for link in links)),
            ("Notes shown", notes_placed),
            ("Notes not placed", notes_unplaced),
        ),
    )


# -- appendices ----------------------------------------------------------------------------------


def appendices(
    analysis: Analysis, unplaced: Sequence[Note], redline_appendix: bool = False
) -> tuple[Appendix, ...]:
    """Return the alignment gaps and the unplaced notes (when there are any).

    The change tables repeat every redline of the main table: only with `redline_appendix`.
    """
    inputs = analysis.inputs
    found = []
    if redline_appendix and inputs.previous_en is not None:
        found.append(_change_table("English changes", analysis.stale.en_diff, "en"))
    if redline_appendix and analysis.stale.zh_diff is not None:
        found.append(_change_table("Chinese changes", analysis.stale.zh_diff, "zh"))
    found.append(_gap_table(analysis.alignment))
    if unplaced:
        found.append(_notes_table(unplaced))
    return tuple(found)


def _change_table(title: str, result: VersionDiff, lang: str) -> Appendix:
    rows = []
    for change in result.changed():
        old, new = _plain(change.old_label), _plain(change.new_label)
        where = f"{old} → {new}" if old and new and old != new else (new or old)
        kind = _KIND_LABELS.get(change.kind, change.kind) + (
            " (cross-references only)" if change.xref_only else ""
        )
        spans = tuple(Span(text, _STYLE_OF_OP[op]) for op, text in change.redline)
        rows.append((Cell.of(where), Cell.of(kind), Cell(spans, lang)))
    intro = (
        f"Every clause of {result.new.source} that differs from {result.old.source}, "
        "in the newer version's order; the redline turns the older text into the newer."
    )
    return Appendix(title, ("Clause", "Change", "Redline"), tuple(rows), intro, (0.12, 0.14, 0.74))


def _gap_table(alignment: Alignment) -> Appendix:
    en = {c.id: c for c in alignment.en.clauses}
    zh = {c.id: c for c in alignment.zh.clauses}
    rows = []
    for link in alignment.links:
        if link.en_ids and link.zh_ids and not link.flagged:
            continue
        kind = link_kind(link)
        rows.append(
            (
                Cell.of(f"{link.shape} {kind}"),
                _side_cell([en[i] for i in link.en_ids], "en"),
                _side_cell([zh[i] for i in link.zh_ids], "zh"),
                Cell.of(
                    f"{link.confidence:.2f}"
                    + (f" · {'; '.join(link.evidence)}" if link.evidence else "")
                ),
            )
        )
    intro = (
        f"Links of the alignment of {alignment.en.source} with {alignment.zh.source} that need a "
        "person's look: clauses with no counterpart (1-0, 0-1) and flagged low-confidence links."
    )
    return Appendix(
        "Alignment gaps",
        ("Link", "English", "中文", "Confidence · evidence"),
        tuple(rows),
        intro,
        (0.1, 0.36, 0.36, 0.18),
    )


def _side_cell(clauses: Sequence, lang: str) -> Cell:  # noqa: ANN001 -- clauses
    text = "\n".join(f"{_plain(c.citation)} {_short(c.full_text)}".strip() for c in clauses)
    return Cell.of(text, lang=lang)


def _notes_table(notes: Sequence[Note]) -> Appendix:
    rows = tuple(
        (
            Cell.of(n.clause),
            Cell.of(n.zh_clause),
            Cell.of(f"{n.author} {n.date}".strip()),
            Cell.of(n.text, lang="zh"),
            Cell.of(n.status),
        )
        for n in notes
    )
    intro = (
        "Translator notes whose clause was not found in the documents compared "
        "(deleted, or an unknown label)."
    )
    columns = ("Clause", "中文条款", "Author", "Note", "Status")
    return Appendix("Notes not placed", columns, rows, intro, (0.1, 0.1, 0.14, 0.56, 0.1))


def _plain(label: str) -> str:
    return " ".join(label.split())


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- read-back data ------------------------------------------------------------------------------


def review_variables(
    analysis: Analysis,
    rows: Sequence[Row],
    groups: Sequence[RowGroup],
    printed: set[str] | frozenset[str] | None = None,
) -> tuple[tuple[str, str], ...]:
    """Return the review data `import-review` reads: Chinese clauses, row citations, original notes.

    `rows` are all rows of the review, `printed` the ids of those the table
    shows (all when None): the others keep their Chinese without a warning.
    Each row also carries a short hash of its English text, so an edit of the
    English column is reported, and each comment its date and note number,
    so an edited note is updated rather than added again.
    """
    inputs = analysis.inputs
    zh_side = "new_zh" if inputs.previous_zh is not None else "zh"
    row_of = {
        i: row.id for row, group in zip(rows, groups, strict=True) for i in getattr(group, zh_side)
    }
    clauses = [
        [
            c.id,
            c.label,
            c.kind,
            c.level,
            c.heading,
            c.text.replace("\r\n", "\n"),
            _plain(c.citation),
            row_of.get(c.id, ""),
        ]
        for c in inputs.zh.clauses
    ]
    zh_document = inputs.zh if zh_side == "new_zh" else inputs.source_zh
    zh_refs = {c.id: _plain(c.citation) for c in zh_document.clauses}
    data = {
        "format": REVIEW_FORMAT,
        "zh": {"source": inputs.zh.source, "title": inputs.zh.title, "sha256": inputs.zh.sha256},
        "clauses": clauses,
        "rows": {
            row.id: [row.number, _zh_ref(group, zh_refs, zh_side), text_hash(row.english.new_text)]
            for row, group in zip(rows, groups, strict=True)
        },
        "omitted": [row.id for row in rows if printed is not None and row.id not in printed],
        "notes": _notes_data(inputs),
        "comments": [
            [row.id, c.author, c.display_text, c.date, _note_number(c, inputs), c.resolved]
            for row in rows
            for c in row.comments
        ],
    }
    return (
        (
            REVIEW_VARIABLE,
            json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        ),
    )


def text_hash(text: str) -> str:
    """Return a short hash of a cell's text (the English column's, to notice edits of it)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _note_number(comment, inputs) -> int:  # noqa: ANN001 -- Comment, ReportInputs
    """Return the index of the note a comment shows in the notes file, -1 for a finding."""
    if comment.kind != "note" or inputs.notes is None:
        return -1
    for k, note in enumerate(inputs.notes.notes):
        flags = "".join(f" [{flag}]" for flag in note.flags)
        if (note.author or "Translator") == comment.author and note.text + flags == comment.text:
            return k
    return -1


def _zh_ref(group: RowGroup, refs: dict[str, str], side: str) -> str:
    """Return the Chinese citation of a row: the plain refs of its clauses on `side`, joined by " +
    "."""
    return " + ".join(refs[i] for i in getattr(group, side) if i in refs)


def _notes_data(inputs) -> dict | None:  # noqa: ANN001 -- ReportInputs
    if inputs.notes is None:
        return None
    from dpa_compare.notes.file import notes_to_data

    return {"path": inputs.notes.path, "data": notes_to_data(inputs.notes)}


def link_kind(link: Link) -> str:
    """Return how a link reads in the gaps table: English only, Chinese only, or low confidence."""
    if link.en_ids and link.zh_ids:
        return "Low confidence"
    return "English only" if link.en_ids else "Chinese only"


__all__ = [
    "REVIEW_FORMAT",
    "REVIEW_VARIABLE",
    "appendices",
    "front_matter",
    "link_kind",
    "reproducibility",
    "review_variables",
]
