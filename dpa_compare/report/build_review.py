"""Read a reviewed report back into a Chinese document and a notes file (`dpa-compare import-review`).

    result = import_review("review_edited.docx")
    result.markdown()       # the updated Chinese document, one block per clause, original order
    result.notes_yaml()     # original notes + the reviewer's new comments, in the qa/notes.py format

The 中文 cell of each row is read with tracked changes accepted
(`review_reader.read_review`), matched to the row's Chinese clauses by the
row-id bookmark, and split back into clauses line by line. The clause list,
row citations and original notes travel inside the report (document
variable `build_front.REVIEW_VARIABLE`). Every doubt becomes a warning
naming the row: a lost or edited bookmark, a row the report did not write,
a cell whose line count no longer matches its clauses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dpa_compare.errors import LoadError
from dpa_compare.report.build_front import REVIEW_FORMAT, REVIEW_VARIABLE


@dataclass(frozen=True)
class ReviewedClause:
    """One Chinese clause after review: its id, label, kind, level, heading and text; `edited` when changed."""

    id: str
    label: str
    kind: str
    level: int
    heading: str
    text: str
    ref: str = ""
    row_id: str = ""
    edited: bool = False

    @property
    def full_text(self) -> str:
        """Return heading and body joined, as the report shows them."""
        return (
            f"{self.heading} {self.text}"
            if self.heading and self.text
            else self.heading or self.text
        )


@dataclass(frozen=True)
class NewComment:
    """A comment the reviewer added: its row, citations, author, initials, date and text."""

    row_id: str
    clause: str
    zh_clause: str
    author: str
    initials: str
    date: str
    text: str


@dataclass(frozen=True)
class ReviewResult:
    """What a reviewed report gives back: the Chinese clauses, the edits, new comments and warnings."""

    path: str
    source: str
    clauses: tuple[ReviewedClause, ...]
    edits: tuple[tuple[str, str, str], ...]
    comments: tuple[NewComment, ...]
    warnings: tuple[str, ...]
    notes: dict[str, Any] | None = None

    def markdown(self) -> str:
        """Return the Chinese document as Markdown: one block per clause with its label, in the original order."""
        return to_markdown(self.clauses)

    def notes_data(self) -> dict[str, Any]:
        """Return the notes file: the report's original notes, then one open note per new comment."""
        data = (
            json.loads(json.dumps(self.notes["data"]))
            if self.notes
            else {"source": self.source, "notes": []}
        )
        data.setdefault("notes", [])
        for comment in self.comments:
            note = {"clause": comment.clause, "zh_clause": comment.zh_clause, "author": comment.author,
                    "date": comment.date[:10], "text": comment.text, "status": "open"}  # fmt: skip
            data["notes"].append(
                {k: v for k, v in note.items() if v or k in ("clause", "text", "status")}
            )
        return data

    def notes_yaml(self) -> str:
        """Return `notes_data()` as YAML, readable by `dpa_compare.qa.load_notes`."""
        import yaml

        return yaml.safe_dump(self.notes_data(), allow_unicode=True, sort_keys=False, width=120)

    def summary(self) -> dict[str, Any]:
        """Return counts and details for the command's summary (JSON-ready)."""
        return {
            "report": self.path,
            "clauses": len(self.clauses),
            "edited": [{"row": r, "before": b, "after": a} for r, b, a in self.edits],
            "comments": [
                {"row": c.row_id, "author": c.author, "text": c.text} for c in self.comments
            ],
            "warnings": list(self.warnings),
        }


def import_review(path: str | Path) -> ReviewResult:
    """Return the Chinese clauses, edits and new comments of the reviewed report at `path`.

    Raises `LoadError` naming `path` when it is not a review report written by dpa-compare.
    """
    from dpa_compare.report.review_reader import read_review

    path = Path(path)
    review = read_review(path)
    data = _review_data(path, review.variable(REVIEW_VARIABLE))
    clauses = [ReviewedClause(i, label, kind, level, heading, text, ref, row)
               for i, label, kind, level, heading, text, ref, row in data["clauses"]]  # fmt: skip
    rows: dict[str, list[str]] = data["rows"]
    warnings = list(review.warnings)
    by_row = _rows_of(clauses)
    edits = []
    written = {(r, a, t) for r, a, t in data.get("comments", [])}
    comments = []
    for reviewed in review.rows:
        if reviewed.row_id not in rows:
            warnings.append(f"table row {reviewed.position} (№ {reviewed.number!r}): id {reviewed.row_id!r} "
                            "is not a row of this report; its edits were not imported")  # fmt: skip
            continue
        members = by_row.get(reviewed.row_id, [])
        before = "\n".join(clauses[k].full_text for k in members)
        if reviewed.chinese != before:
            edits.append((reviewed.row_id, before, reviewed.chinese))
            clauses = _apply(clauses, members, reviewed.chinese, reviewed.row_id, rows, warnings)
            by_row = _rows_of(clauses)
        number, zh_ref = rows[reviewed.row_id]
        for comment in reviewed.comments:
            if (reviewed.row_id, comment.author, comment.text) not in written:
                comments.append(NewComment(reviewed.row_id, _english_ref(number), zh_ref, comment.author,
                                           comment.initials, comment.date, comment.text))  # fmt: skip
    seen = {r.row_id for r in review.rows}
    warnings += [f"row {row_id!r} (№ {rows[row_id][0]!r}) was not found in the reviewed copy; "
                 "its Chinese is kept as the report wrote it" for row_id in rows if row_id not in seen]  # fmt: skip
    return ReviewResult(str(path), data["zh"]["source"], tuple(clauses), tuple(edits), tuple(comments),
                        tuple(warnings), data.get("notes"))  # fmt: skip


def _review_data(path: Path, value: str | None) -> dict[str, Any]:
    """Return the review data `value` (the report's `REVIEW_VARIABLE`) read; LoadError naming `path` when absent or damaged."""
    if value is None:
        raise LoadError(path, "carries no dpa-compare review data (write it with `dpa-compare report`; "
                              "its document variables must survive editing)")  # fmt: skip
    try:
        data = json.loads(value)
    except ValueError:
        raise LoadError(
            path, f"its review data (document variable {REVIEW_VARIABLE}) is damaged"
        ) from None
    if not isinstance(data, dict) or data.get("format") != REVIEW_FORMAT:
        raise LoadError(path, f"its review data has an unknown format {data.get('format') if isinstance(data, dict) else '?'!r}; "
                              f"this dpa-compare reads format {REVIEW_FORMAT}")  # fmt: skip
    problem = _shape_problem(data)
    if problem:
        raise LoadError(path, f"its review data (document variable {REVIEW_VARIABLE}) has the wrong shape: {problem}")
    return data


def _shape_problem(data: dict[str, Any]) -> str:
    """Return what is wrong with the shape of review `data` ("" when it is as `report` writes it).

    The data comes from a file a reviewer edited: every field `import_review`
    reads is checked before it is used.
    """
    clauses, rows = data.get("clauses"), data.get("rows")
    zh, notes, comments = data.get("zh"), data.get("notes"), data.get("comments", [])
    clause_types = (str, str, str, int, str, str, str, str)
    if not isinstance(zh, dict) or not isinstance(zh.get("source"), str):
        return "'zh' must hold the Chinese source name"
    if not isinstance(clauses, list) or not all(
        isinstance(c, list) and len(c) == len(clause_types)
        and all(isinstance(v, t) and not isinstance(v, bool) for v, t in zip(c, clause_types, strict=True))
        for c in clauses
    ):  # fmt: skip
        return "'clauses' must be a list of [id, label, kind, level, heading, text, ref, row]"
    if not isinstance(rows, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in rows.values()
    ):  # fmt: skip
        return "'rows' must map each row id to [number, Chinese citation]"
    if not isinstance(comments, list) or not all(
        isinstance(c, list) and len(c) == 3 and all(isinstance(x, str) for x in c) for c in comments
    ):  # fmt: skip
        return "'comments' must be a list of [row, author, text]"
    if notes is not None and not (isinstance(notes, dict) and isinstance(notes.get("data"), dict)):
        return "'notes' must hold the notes file's data"
    return ""


def _rows_of(clauses: list[ReviewedClause]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for k, clause in enumerate(clauses):
        if clause.row_id:
            found.setdefault(clause.row_id, []).append(k)
    return found


def _apply(clauses: list[ReviewedClause], members: list[int], text: str, row_id: str,
           rows: dict[str, list[str]], warnings: list[str]) -> list[ReviewedClause]:  # fmt: skip
    """Return `clauses` with the row's Chinese replaced by the reviewed `text`, split into lines."""
    lines = text.split("\n") if text else []
    number = rows[row_id][0]
    if not members:
        # -- a translation typed into a row that had no Chinese: a new clause after the previous row's --
        label = _english_ref(number)
        position = _insert_at(clauses, row_id, list(rows))
        added = ReviewedClause(
            f"new-{row_id}", label, "clause", 0, "", " ".join(lines), label, row_id, True
        )
        return clauses[:position] + [added] + clauses[position:]
    if len(lines) != len(members):
        warnings.append(f"row {row_id!r} (№ {number!r}): the edited 中文 cell has {len(lines)} line(s) for "
                        f"{len(members)} clause(s); all of it went to the first clause, check its split")  # fmt: skip
        lines = [" ".join(lines)] + [""] * (len(members) - 1)
    out = list(clauses)
    for k, line in zip(members, lines, strict=True):
        out[k] = _edited(out[k], line)
    return out


def _edited(clause: ReviewedClause, line: str) -> ReviewedClause:
    if line == clause.full_text:
        return clause
    if clause.heading and clause.text and line.startswith(clause.heading + " "):
        return replace(clause, text=line[len(clause.heading) + 1 :], edited=True)
    if clause.heading and not clause.text:
        return replace(clause, heading=line, edited=True)
    return replace(clause, heading="", text=line, edited=True)


def _insert_at(clauses: list[ReviewedClause], row_id: str, order: list[str]) -> int:
    rank = {r: k for k, r in enumerate(order)}
    mine = rank[row_id]
    before = [k for k, c in enumerate(clauses) if c.row_id in rank and rank[c.row_id] < mine]
    return before[-1] + 1 if before else 0


def _english_ref(number: str) -> str:
    """Return the current English citation of a № text (`old → new` gives `new`)."""
    return number.split("→")[-1].strip()


def to_markdown(clauses: tuple[ReviewedClause, ...] | list[ReviewedClause]) -> str:
    """Return `clauses` as Markdown: headings as `#` lines, clauses as `label text` paragraphs, table rows as tables."""
    blocks: list[str] = []
    table: list[str] = []
    for k, clause in enumerate(clauses):
        if clause.kind == "table_row":
            cells = clause.full_text.split(" | ")
            table.append("| " + " | ".join(cells) + " |")
            if len(table) == 1:
                table.append("|" + "---|" * len(cells))
            continue
        if table:
            blocks.append("\n".join(table))
            table = []
        blocks.append(_block(clause, first=k == 0))
    if table:
        blocks.append("\n".join(table))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _block(clause: ReviewedClause, first: bool) -> str:
    label = clause.label
    if clause.kind == "heading" or (clause.heading and not clause.text):
        if first and not label:
            return f"# {clause.heading or clause.text}"
        return (
            "#" * min(clause.level + 2, 6)
            + " "
            + " ".join(x for x in (label, clause.heading or clause.text) if x)
        )
    body = f"**{clause.heading}** {clause.text}" if clause.heading else clause.text
    return f"{label} {body}" if label else body


__all__ = ["NewComment", "ReviewResult", "ReviewedClause", "import_review", "to_markdown"]
