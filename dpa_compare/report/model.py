"""The neutral review-report model: what a bilingual review report says, not how it looks.

The pipeline stages (alignment, version diff, QA) fill a `ReportModel`; a
writer (`docx_writer`) turns it into a document. Keeping the two apart makes
the content testable as text (`ReportModel.to_text()`) and lets other writers
(HTML, JSON) share it. Every record is a frozen dataclass that round-trips
through JSON (`to_dict()` / `from_dict()`).

A row of the main table reads::

    №            English                 中文                    Status      Notes & QA
    7.2 → 8.2    The Processor shall…    处理者应当……             renumbered  Low-confidence link (0.61)

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
    "", "current", "stale", "new", "moved", "renumbered", "orphaned", "missing", "unaligned"
]
"""Translation status of a row: `current` (translation matches the current
English), `stale` (English changed since it was translated), `new` (English
clause new in this version), `moved`, `renumbered`, `orphaned` (Chinese with
no English counterpart any more), `missing` (English with no translation),
`unaligned` (no confident link either way). Empty for heading rows."""

STATUSES: tuple[str, ...] = tuple(s for s in typing.get_args(Status) if s)

STATUS_LABELS: dict[str, str] = {
    "current": "Current",
    "stale": "Stale",
    "new": "New",
    "moved": "Moved",
    "renumbered": "Renumbered",
    "orphaned": "Orphaned",
    "missing": "Missing",
    "unaligned": "Unaligned",
}
"""Human label shown in the Status column for each status."""

CellName = Literal["number", "english", "chinese", "status", "notes"]
"""The five cells of a main-table row, left to right."""

CELL_NAMES: tuple[str, ...] = typing.get_args(CellName)

Severity = Literal["critical", "major", "minor", "info"]

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

    `span` None anchors the whole cell's text; an index anchors that span only.
    """

    cell: CellName = "chinese"
    span: int | None = None

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
    `minor`, `info`); `check` names the QA check that raised it.
    """

    text: str
    anchor: Anchor = field(default_factory=Anchor)
    author: str = "dpa-compare"
    initials: str = "DC"
    date: str = ""
    kind: CommentKind = "note"
    severity: Severity | None = None
    check: str = ""

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
    `level` is the heading depth (0 top) for heading rows.
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
            if comment.anchor.span is not None and not 0 <= comment.anchor.span < len(spans):
                raise ValueError(
                    f"row {self.id!r}: comment anchored on span {comment.anchor.span} of the "
                    f"{comment.anchor.cell} cell, which has {len(spans)} spans"
                )

    def cell(self, name: str) -> Cell:
        """Return the cell called `name` (see `CellName`); the number and status cells as plain text."""
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
class FrontMatter:
    """Everything before the main table: title, inputs, counts, legend, reproducibility line."""

    title: str
    subtitle: str = ""
    documents: tuple[DocumentInfo, ...] = ()
    counts: tuple[CountTable, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    reproducibility: str = ""


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
                    f"appendix {self.title!r} row {index + 1} has {len(row)} cells, expected {len(self.columns)}"
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
    font_size: float = 9.5
    column_labels: tuple[str, str, str, str, str] = ("№", "English", "中文", "Status", "Notes & QA")

    def __post_init__(self) -> None:
        if self.page not in ("A4", "Letter"):
            raise ValueError(f"page must be A4 or Letter, got {self.page!r}")
        if not 6 <= self.font_size <= 14:
            raise ValueError(
                f"font_size must be 6-14 points (the table must fit a landscape page), got {self.font_size}"
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


def default_legend() -> tuple[LegendEntry, ...]:
    """Return the standard legend: every redline markup, then every status."""
    markup = (
        LegendEntry("markup", "inserted", "inserted text", "added in the newer version"),
        LegendEntry("markup", "deleted", "deleted text", "removed from the older version"),
        LegendEntry("markup", "moved", "moved text", "moved here from elsewhere"),
        LegendEntry("markup", "moved_from", "moved-from text", "moved away from here"),
    )
    meanings = {
        "current": "translation matches the current English",
        "stale": "English changed since the translation was made",
        "new": "new English clause in this version",
        "moved": "clause moved to another place",
        "renumbered": "clause number changed",
        "orphaned": "Chinese clause with no English counterpart",
        "missing": "English clause with no translation",
        "unaligned": "no confident English–Chinese link",
    }
    return markup + tuple(LegendEntry("status", s, STATUS_LABELS[s], meanings[s]) for s in STATUSES)


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
    "default_legend",
]
