"""The neutral review-report model: what a bilingual review report says, not how it looks.

The pipeline stages (alignment, version diff, QA) fill a `ReportModel`; a
writer (`docx_writer`) turns it into a document. Keeping the two apart makes
the content testable as text (`ReportModel.to_text()`) and lets other writers
(HTML, JSON) share it. Every record is a frozen dataclass that round-trips
through JSON (`to_dict()` / `from_dict()`).

A row of the main table reads::

    №          English                中文              Status      Notes & QA
    7.2 → 8.2  The Processor shall…   处理者应当……      renumbered  Low-confidence link (0.61)

Cell text is a sequence of styled `Span`s; a redline is simply spans styled
`inserted` / `deleted` / `moved` / `moved_from` next to `plain` ones, so the
"old" and "new" texts of any cell can be rebuilt (`Cell.old_text`,
`Cell.new_text`) — which is exactly what Word's "reject all" / "accept all"
must give when the writer emits real tracked changes.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from dpa_compare.model import to_jsonable
from dpa_compare.status import STATUS_LABELS as _SHARED_LABELS
from dpa_compare.status import STATUS_MEANINGS

SpanStyle = Literal[
    "plain", "inserted", "deleted", "moved", "moved_from", "bold", "italic", "muted"
]
"""How a span reads: `inserted` / `deleted` are redline changes; `moved` is
text moved here from elsewhere, `moved_from` the place it left; `bold`,
`italic` and `muted` (grey) are emphasis only."""

SPAN_STYLES: tuple[str, ...] = typing.get_args(SpanStyle)

NEW_ONLY_STYLES = frozenset({"inserted", "moved"})
"""Span styles present only in the new text (dropped by "reject all")."""

OLD_ONLY_STYLES = frozenset({"deleted", "moved_from"})
"""Span styles present only in the old text (dropped by "accept all")."""

RowKind = Literal["heading", "clause", "gap"]
"""`heading`: a section title row (shaded); `clause`: an aligned clause pair
(or a one-sided clause); `gap`: a placeholder for something missing on one
side (an untranslated clause, a structural hole)."""

Status = Literal[
    "",
    "current",
    "cosmetic",
    "stale",
    "new",
    "moved",
    "renumbered",
    "orphaned",
    "missing",
    "amended",
    "drift",
    "unaligned",
]
"""Translation status of a row, from the shared model `dpa_compare.status`
(`current`, `cosmetic`, `stale`, `renumbered`, `moved`, `orphaned`,
`missing`, `amended`, `drift`); `new` and `unaligned` are kept for models
written by hand. Empty for slim heading rows."""

STATUSES: tuple[str, ...] = tuple(s for s in typing.get_args(Status) if s)

STATUS_LABELS: dict[str, str] = {**_SHARED_LABELS, "new": "New", "unaligned": "Unaligned"}
"""Human label shown in the Status column for each status."""

LINE_BREAK = "\u2028"
"""A line break inside one clause's text in a cell ("\\n" separates the clauses of a cell)."""

CellName = Literal["number", "english", "chinese", "status", "notes"]
"""The five cells of a main-table row, left to right."""

CELL_NAMES: tuple[str, ...] = typing.get_args(CellName)

Severity = Literal["critical", "major", "minor", "info"]

SEVERITY_ORDER: tuple[str, ...] = typing.get_args(Severity)
"""Finding severities, most severe first."""

CommentKind = Literal["note", "finding"]


@dataclass(frozen=True)
class Span:
    """A run of text with one style (see `SpanStyle`). `text` may contain "\\n" (a line break)."""

    text: str
    style: SpanStyle = "plain"

    def __post_init__(self) -> None:
        if self.style not in SPAN_STYLES:
            raise ValueError(
                f"span style must be one of {', '.join(SPAN_STYLES)}, got {self.style!r}"
            )


@dataclass(frozen=True)
class Cell:
    """The content of one table cell: styled spans, in reading order.

    `lang` is the language of the text ("en", "zh"), or None for mixed or
    neutral content (numbers, notes); the writer picks fonts by it.
    """

    spans: tuple[Span, ...] = ()
    lang: str | None = None

    @classmethod
    def of(cls, text: str, style: SpanStyle = "plain", lang: str | None = None) -> Cell:
        """Return a cell of one span `text` (no span when `text` is empty)."""
        return cls((Span(text, style),) if text else (), lang)

    @property
    def text(self) -> str:
        """Return everything shown in the cell, old and new alike."""
        return "".join(s.text for s in self.spans)

    @property
    def new_text(self) -> str:
        """Return the cell's text with every change accepted (Word's "accept all")."""
        return "".join(s.text for s in self.spans if s.style not in OLD_ONLY_STYLES)

    @property
    def old_text(self) -> str:
        """Return the cell's text with every change rejected (Word's "reject all")."""
        return "".join(s.text for s in self.spans if s.style not in NEW_ONLY_STYLES)

    @property
    def has_changes(self) -> bool:
        """Return True when some span is a redline change."""
        return any(s.style in NEW_ONLY_STYLES | OLD_ONLY_STYLES for s in self.spans)


@dataclass(frozen=True)
class Anchor:
    """Where a comment is anchored in its row: a cell, and optionally one span of it.

    `span` None anchors the whole cell's text; an index anchors that span
    only, through `span_end` (inclusive) when given. `text` names the words
    concerned; the report builder turns it into span indices.
    """

    cell: CellName = "chinese"
    span: int | None = None
    span_end: int | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if self.cell not in CELL_NAMES:
            raise ValueError(
                f"anchor cell must be one of {', '.join(CELL_NAMES)}, got {self.cell!r}"
            )


@dataclass(frozen=True)
class Comment:
    """A reviewer note or a QA finding, written as a real Word comment.

    `date` is an ISO 8601 date-time ("2024-09-01T00:00:00Z"); empty means the
    writer's fixed date. `severity` is set for findings (`critical`, `major`,
    `minor`, `info`); `check` names the QA check that raised it. `resolved`
    marks a note already resolved (written as a resolved Word comment).
    """

    text: str
    anchor: Anchor = field(default_factory=Anchor)
    author: str = "dpa-compare"
    initials: str = "DC"
    date: str = ""
    kind: CommentKind = "note"
    severity: Severity | None = None
    check: str = ""
    resolved: bool = False

    @property
    def display_text(self) -> str:
        """Return the comment as written: findings get a "[Major] check: " lead."""
        if self.kind != "finding":
            return self.text
        lead = f"[{(self.severity or 'info').capitalize()}] "
        return f"{lead}{self.check}: {self.text}" if self.check else f"{lead}{self.text}"


@dataclass(frozen=True)
class Row:
    """One row of the main table.

    `id` is the row's stable key (unique in the report; written into the .docx
    as a hidden bookmark so a reviewed copy can be read back). `en_id` /
    `zh_id` are the clause ids on each side (None on a side that has none).
    `number` is the № cell text ("7.2", "7.2 → 8.2" when renumbered).
    `level` is the heading depth (0 top) for heading rows. `zh_number` is
    the Chinese citation as printed (`第 13 條`); `position` the row's number
    in the printed table (1 = first row), 0 when not numbered.
    """

    id: str
    kind: RowKind
    number: str
    english: Cell = field(default_factory=Cell)
    chinese: Cell = field(default_factory=Cell)
    status: Status = ""
    notes: Cell = field(default_factory=Cell)
    comments: tuple[Comment, ...] = ()
    en_id: str | None = None
    zh_id: str | None = None
    level: int = 0
    zh_number: str = ""
    position: int = 0

    def __post_init__(self) -> None:
        if self.kind not in ("heading", "clause", "gap"):
            raise ValueError(
                f"row {self.id!r}: kind must be heading, clause or gap, got {self.kind!r}"
            )
        if self.status and self.status not in STATUSES:
            raise ValueError(
                f"row {self.id!r}: status must be one of {', '.join(STATUSES)}, got {self.status!r}"
            )
        for comment in self.comments:
            spans = self.cell(comment.anchor.cell).spans
            last = comment.anchor.span_end
            if comment.anchor.span is not None and not (
                0 <= comment.anchor.span < len(spans)
                and (last is None or comment.anchor.span <= last < len(spans))
            ):
                raise ValueError(
                    f"row {self.id!r}: comment anchored on span {comment.anchor.span} of the "
                    f"{comment.anchor.cell} cell, which has {len(spans)} spans"
                )

    @property
    def worst_finding(self) -> Severity | None:
        """Return the severity of the row's most severe open QA finding, None when it has none."""
        found = {c.severity for c in self.comments if c.kind == "finding" and not c.resolved}
        return next((s for s in SEVERITY_ORDER if s in found), None)

    def cell(self, name: str) -> Cell:
        """Return the cell called `name` (see `CellName`); the number and status cells as plain
        text."""
        if name == "number":
            return Cell.of(self.number)
        if name == "status":
            return Cell.of(STATUS_LABELS.get(self.status, ""))
        if name in ("english", "chinese", "notes"):
            return getattr(self, name)
        raise ValueError(f"unknown cell {name!r}; known: {', '.join(CELL_NAMES)}")


@dataclass(frozen=True)
class DocumentInfo:
    """One compared input: its `role` ("English, current"), file, version, date and SHA-256."""

    role: str
    path: str
    version: str = ""
    date: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class CountTable:
    """A small titled table of counts: (`label`, value) pairs, e.g. changes by kind."""

    title: str
    rows: tuple[tuple[str, int], ...]


LegendKind = Literal["markup", "status"]


@dataclass(frozen=True)
class LegendEntry:
    """One legend line: a markup sample (`key` a span style) or a status swatch (`key` a status)."""

    kind: LegendKind
    key: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class ActionItem:
    """One line of the front matter's "rows needing action" table: where the row is and why.

    `position` is the row's number in the printed table; the writer adds its page.
    """

    row_id: str
    position: int
    number: str
    zh_number: str
    status: str
    finding: str = ""


@dataclass(frozen=True)
class FrontMatter:
    """Everything before the main table: title, inputs, counts, actions, legend, reproducibility.

    `footer` is the short page-footer text (the documents' names); `actions`
    lists the rows needing action (empty: no table).
    """

    title: str
    subtitle: str = ""
    documents: tuple[DocumentInfo, ...] = ()
    counts: tuple[CountTable, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    reproducibility: str = ""
    actions: tuple[ActionItem, ...] = ()
    footer: str = ""


@dataclass(frozen=True)
class Appendix:
    """A titled table after the main one (change table, alignment gaps…).

    `widths` are relative column widths (any positive numbers); empty means equal.
    """

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...] = ()
    intro: str = ""
    widths: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"appendix {self.title!r} row {index + 1} has {len(row)} cells, expected "
                    f"{len(self.columns)}"
                )
        if self.widths and (len(self.widths) != len(self.columns) or min(self.widths) <= 0):
            raise ValueError(
                f"appendix {self.title!r}: widths must be {len(self.columns)} positive numbers"
            )


@dataclass(frozen=True)
class ReportOptions:
    """How the report is laid out. Fonts are Word font names; `font_size` is in points."""

    page: Literal["A4", "Letter"] = "A4"
    en_font: str = "Times New Roman"
    zh_font: str = "SimSun"
    zh_locale: str = "zh-CN"
    font_size: float = 9.5
    column_labels: tuple[str, str, str, str, str] = ("№", "English", "中文", "Status", "Notes & QA")

    def __post_init__(self) -> None:
        if self.zh_locale not in ("zh-CN", "zh-TW", "zh-HK", "zh-SG", "zh-MO"):
            raise ValueError(
                f"zh_locale must be zh-CN, zh-TW, zh-HK, zh-SG or zh-MO, got {self.zh_locale!r}"
            )
        if self.page not in ("A4", "Letter"):
            raise ValueError(f"page must be A4 or Letter, got {self.page!r}")
        if not 6 <= self.font_size <= 14:
            raise ValueError(
                "font_size must be 6-14 points (the table must fit a landscape page), got "
                f"{self.font_size}"
            )
        if len(self.column_labels) != len(CELL_NAMES):
            raise ValueError(
                f"column_labels needs {len(CELL_NAMES)} labels, got {len(self.column_labels)}"
            )


@dataclass(frozen=True)
class ReportModel:
    """A whole review report: front matter, main-table rows, appendices, layout options.

    `variables` are (name, value) pairs the writer stores as document
    variables (settings.xml `w:docVar`): data a reviewed copy must carry back
    to `import-review` (the Chinese clause list, the original notes).
    """

    front: FrontMatter
    rows: tuple[Row, ...] = ()
    appendices: tuple[Appendix, ...] = ()
    options: ReportOptions = field(default_factory=ReportOptions)
    variables: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for row in self.rows:
            if row.id in seen:
                raise ValueError(f"row id {row.id!r} appears twice; row ids must be unique")
            seen.add(row.id)

    @property
    def comment_count(self) -> int:
        """Return the number of comments over all rows."""
        return sum(len(row.comments) for row in self.rows)

    def row(self, row_id: str) -> Row:
        """Return the row with id `row_id`; KeyError when absent."""
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(f"no row with id {row_id!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the whole report."""
        return to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportModel:
        """Return the report `data` (as made by `to_dict`) describes."""
        return _from_jsonable(cls, data)

    def to_json(self) -> str:
        """Return the report as a JSON string (Chinese kept as characters)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> ReportModel:
        """Return the report serialised in `text`."""
        return cls.from_dict(json.loads(text))

    def to_text(self) -> str:
        """Return a plain-text rendering, for tests and debugging (see `render_text`)."""
        from dpa_compare.report.text import render_text

        return render_text(self)


def is_heading_only(text: str) -> bool:
    """Return True for a clause with no body text (a title, an article number): `text` its body."""
    return not text.strip()


def clause_line(label: str, heading: str, text: str) -> str:
    """Return how a clause reads on its own line of a table cell.

    A heading-only clause shows its label and heading as printed
    (`Article 13`, `第 一 章 總則`); any other clause its heading and text
    (the label is in the № column). Line breaks inside the clause become
    `LINE_BREAK`, so "\\n" keeps separating the clauses of a cell.
    """
    if is_heading_only(text):
        line = " ".join(x for x in (" ".join(label.split()), heading.strip()) if x)
    else:
        line = f"{heading} {text}" if heading else text
    return line.replace("\r\n", "\n").replace("\n", LINE_BREAK)


def default_legend() -> tuple[LegendEntry, ...]:
    """Return the standard legend: every redline markup, then every status."""
    markup = (
        LegendEntry("markup", "inserted", "inserted text", "added in the newer version"),
        LegendEntry("markup", "deleted", "deleted text", "removed from the older version"),
        LegendEntry("markup", "moved", "moved text", "moved here from elsewhere"),
        LegendEntry("markup", "moved_from", "moved-from text", "moved away from here"),
    )
    return markup + tuple(
        LegendEntry("status", s, STATUS_LABELS[s], STATUS_MEANINGS[s]) for s in STATUS_MEANINGS
    )


def _from_jsonable(hint: Any, data: Any) -> Any:
    """Return `data` (plain JSON values) rebuilt as the type `hint` describes."""
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _from_jsonable(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_jsonable(args[0], item) for item in data)
        return tuple(_from_jsonable(a, item) for a, item in zip(args, data, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"{hint.__name__}: unknown field(s) {', '.join(sorted(unknown))}")
        return hint(**{name: _from_jsonable(hints[name], value) for name, value in data.items()})
    return data


__all__ = [
    "CELL_NAMES",
    "LINE_BREAK",
    "SEVERITY_ORDER",
    "ActionItem",
    "NEW_ONLY_STYLES",
    "OLD_ONLY_STYLES",
    "SPAN_STYLES",
    "STATUSES",
    "STATUS_LABELS",
    "Anchor",
    "Appendix",
    "Cell",
    "CellName",
    "Comment",
    "CountTable",
    "DocumentInfo",
    "FrontMatter",
    "LegendEntry",
    "ReportModel",
    "ReportOptions",
    "Row",
    "Span",
    "SpanStyle",
    "Status",
    "clause_line",
    "default_legend",
    "is_heading_only",
]
