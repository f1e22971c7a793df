"""Read a reviewed report back into a Chinese document and a notes file (`dpa-compare
import-review`).

    result = import_review("review_edited.docx")
    result.markdown()       # the updated Chinese document, one block per clause, original order
    result.notes_yaml()     # original notes + the reviewer's new comments, in the notes/file.py
    format

The 中文 cell of each row is read with tracked changes accepted
(`review_reader.read_review`), matched to the row's Chinese clauses by the
row-id bookmark, and split back into clauses paragraph by paragraph (a line
break inside a paragraph stays a line break of that clause). The clause list,
row citations, English-text hashes, comments and original notes travel inside
the report (the custom XML part, `build_front.REVIEW_VARIABLE`).

Comments come back as notes: a comment the report wrote and the reviewer left
alone changes nothing, unless it was marked resolved (its note becomes
`resolved`); an edited note comment updates that note (no duplicate); a reply
is kept with the note it answers (`replies`); any other new comment becomes a
new open note (resolved when marked so). Edits of the English column are not
imported — the English is the source document — but reported as a warning per
row (`english_edits`). Every doubt becomes a warning naming the row: a lost
or edited bookmark, a row the report did not write, a cell whose paragraph
count no longer matches its clauses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dpa_compare.errors import LoadError
from dpa_compare.report.build_front import REVIEW_FORMAT, REVIEW_VARIABLE, text_hash
from dpa_compare.report.model import LINE_BREAK, clause_line, is_heading_only


@dataclass(frozen=True)
class ReviewedClause:
    """One Chinese clause after review: its id, label, kind, level, heading and text; `edited` when
    changed."""

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
        """Return heading and body joined."""
        return (
            f"{self.heading} {self.text}"
            if self.heading and self.text
            else self.heading or self.text
        )

    @property
    def line(self) -> str:
        """Return the clause as its line of the report's 中文 cell shows it (`clause_line`)."""
        return clause_line(self.label, self.heading, self.text)


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
    resolved: bool = False


@dataclass(frozen=True)
class Reply:
    """A reply written under a comment of the report: the note it answers (index), author, date,
    text."""

    note: int
    author: str
    date: str
    text: str


@dataclass(frozen=True)
class ReviewResult:
    """What a reviewed report gives back: the Chinese clauses, the edits, new comments and
    warnings."""

    path: str
    source: str
    clauses: tuple[ReviewedClause, ...]
    edits: tuple[tuple[str, str, str], ...]
    comments: tuple[NewComment, ...]
    warnings: tuple[str, ...]
    notes: dict[str, Any] | None = None
    note_updates: tuple[tuple[int, str, str], ...] = ()
    replies: tuple[Reply, ...] = ()
    english_edits: tuple[str, ...] = ()

    def markdown(self) -> str:
        """Return the Chinese document as Markdown: one block per clause with its label, in the
        original order."""
        return to_markdown(self.clauses)

    def notes_data(self) -> dict[str, Any]:
        """Return the notes file: the report's notes as reviewed (edits, resolutions, replies), then
        the new ones."""
        data: dict[str, Any] = (
            json.loads(json.dumps(self.notes["data"]))
            if self.notes
            else {"source": self.source, "notes": []}
        )
        data.setdefault("notes", [])
        notes: list[dict[str, Any]] = data["notes"]
        for index, field, value in self.note_updates:
            if 0 <= index < len(notes):
                notes[index][field] = value
        for reply in self.replies:
            if 0 <= reply.note < len(notes):
                notes[reply.note].setdefault("replies", []).append(
                    {"author": reply.author, "date": reply.date[:10], "text": reply.text}
                )
        for comment in self.comments:
            status = "resolved" if comment.resolved else "open"
            note = {
                "clause": comment.clause,
                "zh_clause": comment.zh_clause,
                "author": comment.author,
                "date": comment.date[:10],
                "text": comment.text,
                "status": status,
            }
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
            "edited": [
                {"row": r, "before": _plain_breaks(b), "after": _plain_breaks(a)}
                for r, b, a in self.edits
            ],
            "comments": [
                {"row": c.row_id, "author": c.author, "text": c.text} for c in self.comments
            ],
            "notes_updated": [{"note": i, "field": f, "value": v} for i, f, v in self.note_updates],
            "replies": [{"note": r.note, "author": r.author, "text": r.text} for r in self.replies],
            "english_edits": list(self.english_edits),
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
    english_edits = []
    threads = _Threads(data.get("comments", []))
    for reviewed in review.rows:
        if reviewed.row_id not in rows:
            warnings.append(
                f"table row {reviewed.position} (№ {reviewed.number!r}): id {reviewed.row_id!r} "
                "is not a row of this report; its edits were not imported"
            )
            continue
        number, zh_ref, en_hash = rows[reviewed.row_id]
        if text_hash(reviewed.english) != en_hash:
            english_edits.append(reviewed.row_id)
            warnings.append(
                f"row {reviewed.row_id!r} (№ {number!r}): the English column was edited; "
                "English edits are not imported (change the English source document)"
            )
        members = by_row.get(reviewed.row_id, [])
        before = "\n".join(clauses[k].line for k in members)
        if reviewed.chinese != before:
            edits.append((reviewed.row_id, before, reviewed.chinese))
            clauses = _apply(clauses, members, reviewed.chinese, reviewed.row_id, rows, warnings)
            by_row = _rows_of(clauses)
        for comment in reviewed.comments:
            threads.read(reviewed.row_id, comment, _english_ref(number), zh_ref)
    seen = {r.row_id for r in review.rows} | set(data.get("omitted", []))
    warnings += [
        f"row {row_id!r} (№ {rows[row_id][0]!r}) was not found in the reviewed copy; "
        "its Chinese is kept as the report wrote it"
        for row_id in rows
        if row_id not in seen
    ]
    return ReviewResult(
        str(path),
        data["zh"]["source"],
        tuple(clauses),
        tuple(edits),
        tuple(threads.new),
        tuple(warnings),
        data.get("notes"),
        tuple(threads.updates),
        tuple(threads.replies),
        tuple(english_edits),
    )


class _Threads:
    """Match the comments of a reviewed copy with those the report wrote (`data["comments"]`).

    A written comment is known by its row, author and date (Word keeps them
    when the text is edited); its note number says which note it shows.
    """

    def __init__(self, written: list[list[Any]]) -> None:
        self.written = [(w[0], w[1], w[2], w[3], w[4]) for w in written]
        self.was_resolved = [bool(w[5]) for w in written]
        self.claimed: set[int] = set()
        self.by_comment: dict[str, int] = {}  # -- reviewed comment id → written index --
        self.new_by_comment: dict[str, int] = {}
        self.new: list[NewComment] = []
        self.updates: list[tuple[int, str, str]] = []
        self.replies: list[Reply] = []

    def read(self, row_id: str, comment: Any, clause: str, zh_clause: str) -> None:  # noqa: ANN401
        """Take one reviewed comment of row `row_id` into account."""
        if comment.parent and self._reply(comment):
            return
        index = self._match(row_id, comment)
        if index is None:
            self.new_by_comment[comment.id] = len(self.new)
            self.new.append(NewComment(row_id, clause, zh_clause, comment.author, comment.initials,
                                       comment.date, comment.text, comment.resolved))  # fmt: skip
            return
        self.by_comment[comment.id] = index
        _, _, text, _, note = self.written[index]
        if note < 0:
            if (
                comment.text != text
            ):  # -- an edited QA finding: the reviewer's words become a note --
                self.new.append(
                    NewComment(
                        row_id,
                        clause,
                        zh_clause,
                        comment.author,
                        comment.initials,
                        comment.date,
                        comment.text,
                        comment.resolved,
                    )
                )
            return
        if comment.text != text:
            self.updates.append((note, "text", _strip_flags(comment.text)))
        if comment.resolved and not self.was_resolved[index]:
            self.updates.append((note, "status", "resolved"))

    def _match(self, row_id: str, comment: Any) -> int | None:  # noqa: ANN401
        candidates = [
            k
            for k, (row, author, _, _, _) in enumerate(self.written)
            if row == row_id and author == comment.author and k not in self.claimed
        ]
        exact = [k for k in candidates if self.written[k][2] == comment.text]
        dated = [k for k in candidates if self.written[k][3] and self.written[k][3] == comment.date]
        undated = [k for k in candidates if not self.written[k][3]]
        for found in (exact, dated, undated if len(undated) == 1 else []):
            if found:
                self.claimed.add(found[0])
                return found[0]
        return None

    def _reply(self, comment: Any) -> bool:  # noqa: ANN401
        """Record `comment` as a reply to its parent; False when the parent is unknown."""
        if comment.parent in self.by_comment:
            note = self.written[self.by_comment[comment.parent]][4]
            if note >= 0:
                self.replies.append(Reply(note, comment.author, comment.date, comment.text))
                return True
            return False  # -- a reply to a QA finding: a note of its own --
        if comment.parent in self.new_by_comment:
            parent = self.new[self.new_by_comment[comment.parent]]
            addition = f"\n— {comment.author}: {comment.text}"
            self.new[self.new_by_comment[comment.parent]] = replace(
                parent, text=parent.text + addition
            )
            return True
        return False


def _strip_flags(text: str) -> str:
    """Return a note's text without the carry-forward flags the report appended (`[reopened]`)."""
    import re

    return re.sub(r"(?: \[[a-z_-]+\])+$", "", text)


def _plain_breaks(text: str) -> str:
    return text.replace(LINE_BREAK, "\n")


def _review_data(path: Path, value: str | None) -> dict[str, Any]:
    """Return the review data `value` (the report's `REVIEW_VARIABLE`) read; LoadError naming `path`
    when absent or damaged."""
    if value is None:
        raise LoadError(
            path,
            "carries no dpa-compare review data (write it with `dpa-compare report`; "
            "its custom XML part must survive editing)",
        )
    try:
        data = json.loads(value)
    except ValueError:
        raise LoadError(path, f"its review data ({REVIEW_VARIABLE}) is damaged") from None
    if not isinstance(data, dict) or data.get("format") != REVIEW_FORMAT:
        raise LoadError(
            path,
            "its review data has an unknown format "
            f"{data.get('format') if isinstance(data, dict) else '?'!r}; "
            f"this dpa-compare reads format {REVIEW_FORMAT}",
        )
    problem = _shape_problem(data)
    if problem:
        raise LoadError(
            path,
            f"its review data ({REVIEW_VARIABLE}) has the wrong shape: {problem}",
        )
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
        isinstance(c, list)
        and len(c) == len(clause_types)
        and all(
            isinstance(v, t) and not isinstance(v, bool)
            for v, t in zip(c, clause_types, strict=True)
        )
        for c in clauses
    ):
        return "'clauses' must be a list of [id, label, kind, level, heading, text, ref, row]"
    if not isinstance(rows, dict) or not all(
        isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v)
        for v in rows.values()
    ):
        return "'rows' must map each row id to [number, Chinese citation, English hash]"
    comment_types = (str, str, str, str, int, bool)
    if not isinstance(comments, list) or not all(
        isinstance(c, list) and len(c) == len(comment_types)
        and all(isinstance(v, t) and (t is bool or not isinstance(v, bool))
                for v, t in zip(c, comment_types, strict=True))
        for c in comments
    ):  # fmt: skip
        return "'comments' must be a list of [row, author, text, date, note number, resolved]"
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
    """Return `clauses` with the row's Chinese replaced by the reviewed `text`, one paragraph per
    clause."""
    lines = text.split("\n") if text else []
    number = rows[row_id][0]
    if not members:
        # -- a translation typed into a row that had no Chinese: a new clause after the previous
        #    row's --
        label = _english_ref(number)
        position = _insert_at(clauses, row_id, list(rows))
        added = ReviewedClause(
            f"new-{row_id}",
            label,
            "clause",
            0,
            "",
            _plain_breaks("\n".join(lines)),
            label,
            row_id,
            True,
        )
        return clauses[:position] + [added] + clauses[position:]
    if len(lines) != len(members):
        warnings.append(
            f"row {row_id!r} (№ {number!r}): the edited 中文 cell has {len(lines)} paragraph(s) "
            f"for {len(members)} clause(s); all of it went to the first clause, check its split"
        )
        lines = [LINE_BREAK.join(lines)] + [""] * (len(members) - 1)
    out = list(clauses)
    for k, line in zip(members, lines, strict=True):
        out[k] = _edited(out[k], line)
    return out


def _edited(clause: ReviewedClause, line: str) -> ReviewedClause:
    """Return `clause` with its cell line replaced by `line` (its label and heading kept where they
    still read so)."""
    if line == clause.line:
        return clause
    line = _plain_breaks(line)
    if is_heading_only(clause.text):
        label = " ".join(clause.label.split())
        heading = line[len(label) :].strip() if label and line.startswith(label) else line
        return replace(clause, heading=heading, edited=True)
    if clause.heading and line.startswith(clause.heading + " "):
        return replace(clause, text=line[len(clause.heading) + 1 :], edited=True)
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
    """Return `clauses` as Markdown: headings as `#` lines, clauses as `label text` paragraphs,
    table rows as tables."""
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


__all__ = ["NewComment", "Reply", "ReviewResult", "ReviewedClause", "import_review", "to_markdown"]
