"""Read a reviewer-edited Word report back: the Chinese text and the comments of every row.

A report written by `docx_writer` carries each row's id in a hidden bookmark
(`dpa_…`) in its № cell. After a translator or lawyer has edited the copy in
Word or LibreOffice, `read_review` walks the main table and returns, per row
whose bookmark survived, the 中文 (and English) cell text with tracked
changes taken as accepted (`w:ins` kept, `w:del` dropped; struck-through
text drawn by the writer's own redline formatting is dropped too) and the
Word comments anchored in that row, with their resolved state and the
comment they reply to (`word/commentsExtended.xml`: `w15:done`,
`w15:paraIdParent`, keyed by the `w14:paraId` of each comment's last
paragraph). Each paragraph of a cell is one line ("\\n"); a line break
inside a paragraph reads as `LINE_BREAK`. A row whose bookmark was deleted,
edited into something unreadable, or duplicated by copy-paste produces a
warning naming the row — never a silent mismatch.

`cell_text(tc, "accept" | "reject" | "shown")` gives the accept-all,
reject-all or as-displayed text of any table cell; `review_changes` compares
a `ReviewImport` with the model the report was written from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dpa_compare.errors import LoadError
from dpa_compare.files import read_input
from dpa_compare.io.zipsafe import check_package, parse_xml
from dpa_compare.report import docx_ooxml as ox
from dpa_compare.report.docx_writer import ID_MAP_VARIABLE, MAIN_TABLE_CAPTION, VARIABLES_NAMESPACE
from dpa_compare.report.model import CELL_NAMES, LINE_BREAK

if TYPE_CHECKING:
    from dpa_compare.report.model import ReportModel

TextMode = Literal["accept", "reject", "shown"]

_w = ox.w
_ADDED = frozenset({_w("ins"), _w("moveTo")})
_REMOVED = frozenset({_w("del"), _w("moveFrom")})
_OFF = frozenset({"0", "false", "off", "none"})
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


@dataclass(frozen=True)
class ReviewComment:
    """A Word comment found in a row: its `cell` ("chinese", "notes", …), author, date (ISO) and
    text.

    `resolved` is True when it was marked resolved (done) in Word; `parent` is
    the id of the comment it replies to ("" for a comment of its own).
    """

    id: str
    cell: str
    author: str
    initials: str
    date: str
    text: str
    resolved: bool = False
    parent: str = ""


@dataclass(frozen=True)
class ReviewedRow:
    """One main-table row read back: its id, № text, cell texts (changes accepted) and comments.

    `position` is the row's place in the table (1 = first row after the header).
    """

    row_id: str
    position: int
    number: str
    english: str
    chinese: str
    comments: tuple[ReviewComment, ...] = ()


@dataclass(frozen=True)
class ReviewImport:
    """Everything read from a reviewed report: identified rows, warnings about the rest, document
    variables."""

    path: str
    rows: tuple[ReviewedRow, ...]
    warnings: tuple[str, ...] = ()
    variables: tuple[tuple[str, str], ...] = ()

    def variable(self, name: str) -> str | None:
        """Return the value of the report's document variable `name`, None when it has none."""
        return dict(self.variables).get(name)

    def row(self, row_id: str) -> ReviewedRow:
        """Return the row with id `row_id`; KeyError when it was not read."""
        for row in self.rows:
            if row.row_id == row_id:
                return row
        raise KeyError(f"{self.path}: no row with id {row_id!r}")


@dataclass(frozen=True)
class ReviewChanges:
    """What a reviewer changed relative to the model: Chinese edits, new comments, rows lost.

    `edits` are (row id, text before, text after); `comments` are (row id,
    comment) for comments the writer did not put there; `lost` are model row
    ids that could not be found in the reviewed copy.
    """

    edits: tuple[tuple[str, str, str], ...]
    comments: tuple[tuple[str, ReviewComment], ...]
    lost: tuple[str, ...]


def read_review(path: str | Path) -> ReviewImport:
    """Return the rows and comments of the reviewed report at `path`.

    Raises `LoadError` naming `path` when the file cannot be read, is not a
    safe .docx, or holds no dpa-compare review table.
    """
    path = Path(path)
    data = read_input(path, "review")
    parts = check_package(data, path)
    if "word/document.xml" not in parts:
        raise LoadError(
            path, "has no word/document.xml (it is a zip archive but not a Word document)"
        )
    root = parse_xml(parts["word/document.xml"], "word/document.xml", path)
    comments = _comments(parts, path)
    variables = document_variables(parts, path)
    long_ids = _long_ids(variables)
    table = _main_table(root)
    if table is None:
        raise LoadError(path, "holds no dpa-compare review table (was it written by dpa-compare?)")
    rows, warnings = _read_rows(table, comments, long_ids)
    in_table = {
        m.get(_w("id")) for m in table.iter(_w("commentRangeStart"), _w("commentReference"))
    }
    warnings += [
        f"comment {cid} by {author or 'unknown'} is outside the review table; not imported"
        for cid, (author, *_rest) in comments.items()
        if cid not in in_table
    ]
    return ReviewImport(
        path=str(path),
        rows=tuple(rows),
        warnings=tuple(warnings),
        variables=tuple(variables.items()),
    )


def cell_text(
    element: Any,
    mode: TextMode = "accept",
    *,
    formatted_redlines: bool = True,
    line_break: str = "\n",
) -> str:
    """Return the text of `element` (a `w:tc`, `w:p`, …), paragraphs joined by "\\n".

    A line break inside a paragraph (`w:br`, `w:cr`) reads as `line_break`.

    `mode` "accept": tracked insertions kept, deletions dropped (Word's "accept
    all"); "reject": the reverse ("reject all"); "shown": everything, as
    displayed with markup. With `formatted_redlines`, "accept" also drops
    struck-through text (the writer's formatted deletions) and "reject"
    drops double-underlined text (its formatted insertions).
    """
    paragraphs = [element] if element.tag == _w("p") else list(element.iter(_w("p")))
    texts = [
        "".join(_paragraph_pieces(p, mode, formatted_redlines)).replace("\n", line_break)
        for p in paragraphs
    ]
    return "\n".join(texts).rstrip("\n")


def accept_all_text(element: Any) -> str:
    """Return `element`'s text as Word's "accept all changes" would leave it."""
    return cell_text(element, "accept", formatted_redlines=False)


def reject_all_text(element: Any) -> str:
    """Return `element`'s text as Word's "reject all changes" would leave it."""
    return cell_text(element, "reject", formatted_redlines=False)


def review_changes(model: ReportModel, review: ReviewImport) -> ReviewChanges:
    """Return the Chinese edits and new comments of `review` relative to `model`."""
    edits, added = [], []
    found = {row.row_id for row in review.rows}
    for reviewed in review.rows:
        try:
            original = model.row(reviewed.row_id)
        except KeyError:
            continue
        if reviewed.chinese != original.chinese.new_text:
            edits.append((reviewed.row_id, original.chinese.new_text, reviewed.chinese))
        written = {(c.author, c.display_text) for c in original.comments}
        added += [
            (reviewed.row_id, c) for c in reviewed.comments if (c.author, c.text) not in written
        ]
    lost = tuple(row.id for row in model.rows if row.id not in found)
    return ReviewChanges(edits=tuple(edits), comments=tuple(added), lost=lost)


def _paragraph_pieces(p: Any, mode: TextMode, formatted: bool) -> list[str]:
    pieces = []
    for node in p.iter(_w("t"), _w("delText"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")):
        if node.tag == _w("tab") and node.getparent().tag != _w("r"):
            continue  # -- a tab stop definition, not a tab character --
        if not _visible(node, p, mode, formatted):
            continue
        if node.tag in (_w("t"), _w("delText")):
            pieces.append(node.text or "")
        else:
            pieces.append({_w("tab"): "\t", _w("noBreakHyphen"): "-"}.get(node.tag, "\n"))
    return pieces


def _visible(node: Any, p: Any, mode: TextMode, formatted: bool) -> bool:
    """Return True when `node` (text or break inside `p`) shows in the text of `mode`."""
    added = removed = False
    run = None
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _w("r") and run is None:
            run = parent
        added = added or parent.tag in _ADDED
        removed = removed or parent.tag in _REMOVED
        parent = parent.getparent()
    if mode == "shown":
        return True
    if mode == "accept":
        return not removed and not (formatted and _run_is(run, ("strike", "dstrike")))
    return not added and not (formatted and _run_is(run, ("u",), double=True))


def _run_is(run: Any, properties: tuple[str, ...], double: bool = False) -> bool:
    if run is None or (r_pr := run.find(_w("rPr"))) is None:
        return False
    for name in properties:
        prop = r_pr.find(_w(name))
        if prop is None:
            continue
        value = (prop.get(_w("val")) or "true").lower()
        if double and value == "double" or not double and value not in _OFF:
            return True
    return False


_CommentData = tuple[str, str, str, str, bool, str]
"""(author, initials, date, text, resolved, parent comment id) of one comment."""


def _comments(parts: dict[str, bytes], path: Path) -> dict[str, _CommentData]:
    """Return comment id → (author, initials, date, text, resolved, parent id) from the comment
    parts."""
    data = parts.get("word/comments.xml")
    if data is None:
        return {}
    extended = _comments_extended(parts, path)
    found: dict[str, tuple[str, str, str, str]] = {}
    by_para: dict[str, str] = {}
    state: dict[str, tuple[bool, str]] = {}
    for comment in parse_xml(data, "word/comments.xml", path).iter(_w("comment")):
        paragraphs = list(comment.iter(_w("p")))
        text = "\n".join(cell_text(p, "accept", formatted_redlines=False) for p in paragraphs)
        cid = comment.get(_w("id"), "")
        found[cid] = (
            comment.get(_w("author"), ""),
            comment.get(_w("initials"), ""),
            comment.get(_w("date"), ""),
            text,
        )
        para_id = paragraphs[-1].get(f"{_W14}paraId", "") if paragraphs else ""
        if para_id:
            by_para[para_id.upper()] = cid
            state[cid] = extended.get(para_id.upper(), (False, ""))
    out = {}
    for cid, values in found.items():
        done, parent_para = state.get(cid, (False, ""))
        out[cid] = (*values, done, by_para.get(parent_para, ""))
    return out


def _comments_extended(parts: dict[str, bytes], path: Path) -> dict[str, tuple[bool, str]]:
    """Return paraId → (done, parent paraId) from word/commentsExtended.xml (Word 2013+,
    LibreOffice)."""
    data = parts.get("word/commentsExtended.xml")
    if data is None:
        return {}
    found = {}
    for entry in parse_xml(data, "word/commentsExtended.xml", path).iter(f"{_W15}commentEx"):
        done = (entry.get(f"{_W15}done") or "0").lower() in ("1", "true", "on")
        parent = (entry.get(f"{_W15}paraIdParent") or "").upper()
        found[(entry.get(f"{_W15}paraId") or "").upper()] = (done, parent)
    return found


def document_variables(parts: dict[str, bytes], path: Path) -> dict[str, str]:
    """Return the document variables of a report: settings.xml `w:docVar`s, then the writer's custom
    XML part.

    LibreOffice drops `w:docVar`s when it saves a .docx; the copy the writer
    keeps in a custom XML part (`VARIABLES_NAMESPACE`) survives.
    """
    found: dict[str, str] = {}
    if (settings := parts.get("word/settings.xml")) is not None:
        for variable in parse_xml(settings, "word/settings.xml", path).iter(_w("docVar")):
            found.setdefault(variable.get(_w("name")) or "", variable.get(_w("val")) or "")
    tag = f"{{{VARIABLES_NAMESPACE}}}variable"
    for name, data in sorted(parts.items()):
        if (
            name.startswith("customXml/")
            and name.endswith(".xml")
            and VARIABLES_NAMESPACE.encode() in data
        ):
            for variable in parse_xml(data, name, path).iter(tag):
                found.setdefault(variable.get("name") or "", variable.text or "")
    return found


def _long_ids(variables: dict[str, str]) -> dict[str, str]:
    """Return the hashed-bookmark → row id mapping the writer stored (empty if none or damaged)."""
    try:
        mapping = json.loads(variables.get(ID_MAP_VARIABLE) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in mapping.items()} if isinstance(mapping, dict) else {}


def _main_table(root: Any) -> Any:
    """Return the review table: the one captioned by the writer, else the one with most row
    bookmarks."""
    tables = list(root.iter(_w("tbl")))
    for tbl in tables:
        caption = tbl.find(f"{_w('tblPr')}/{_w('tblCaption')}")
        if caption is not None and caption.get(_w("val")) == MAIN_TABLE_CAPTION:
            return tbl
    scored = [
        (sum(1 for b in t.iter(_w("bookmarkStart")) if _is_row_mark(b)), i)
        for i, t in enumerate(tables)
    ]
    best = max(scored, default=(0, -1))
    return tables[best[1]] if best[0] else None


def _is_row_mark(bookmark: Any) -> bool:
    return (bookmark.get(_w("name")) or "").startswith(ox.BOOKMARK_PREFIX)


def _read_rows(
    table: Any, comments: dict[str, _CommentData], long_ids: dict[str, str]
) -> tuple[list[ReviewedRow], list[str]]:
    rows: list[ReviewedRow] = []
    warnings: list[str] = []
    seen: dict[str, int] = {}
    position = 0
    for tr in table.findall(_w("tr")):
        if tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None:
            continue
        position += 1
        cells = tr.findall(_w("tc"))
        number = cell_text(cells[0], "shown") if cells else ""
        where = f"table row {position} (№ {number!r})"
        row_id, problem = _row_id(tr, long_ids)
        if row_id is None:
            lost = len(_row_comments(cells, comments))
            extra = f" (nor its {lost} comment{'s' if lost > 1 else ''})" if lost else ""
            warnings.append(f"{where}: {problem}; its edits were not imported{extra}")
            continue
        if row_id in seen:
            warnings.append(
                f"{where}: id {row_id!r} already read from row {seen[row_id]} (copied row?); "
                "skipped"
            )
            continue
        if len(cells) < 3:
            warnings.append(
                f"{where}: has {len(cells)} cells, expected 5 (merged or deleted cells?); skipped"
            )
            continue
        seen[row_id] = position
        english = cell_text(cells[1], line_break=LINE_BREAK)
        chinese = cell_text(cells[2], line_break=LINE_BREAK)
        rows.append(
            ReviewedRow(row_id, position, number, english, chinese, _row_comments(cells, comments))
        )
    return rows, warnings


def _row_id(tr: Any, long_ids: dict[str, str]) -> tuple[str | None, str]:
    """Return (row id, "") from the row's bookmark, or (None, what is wrong)."""
    names = [b.get(_w("name")) or "" for b in tr.iter(_w("bookmarkStart")) if _is_row_mark(b)]
    if not names:
        return None, "its clause-id bookmark is missing"
    name = names[0]
    if ox.is_hashed_bookmark(name):
        row_id = long_ids.get(name)
        return (
            (row_id, "")
            if row_id
            else (None, f"bookmark {name!r} is not in the document's id table")
        )
    row_id = ox.decode_bookmark(name)
    return (row_id, "") if row_id else (None, f"bookmark {name!r} is malformed (edited?)")


def _row_comments(cells: list[Any], comments: dict[str, _CommentData]) -> tuple[ReviewComment, ...]:
    found: dict[str, ReviewComment] = {}
    for index, tc in enumerate(cells):
        cell = CELL_NAMES[index] if index < len(CELL_NAMES) else f"cell {index + 1}"
        for marker in tc.iter(_w("commentRangeStart"), _w("commentReference")):
            cid = marker.get(_w("id"), "")
            if cid in comments and cid not in found:
                found[cid] = ReviewComment(cid, cell, *comments[cid])
    return tuple(found.values())


__all__ = [
    "ReviewChanges",
    "ReviewComment",
    "ReviewImport",
    "ReviewedRow",
    "accept_all_text",
    "cell_text",
    "document_variables",
    "read_review",
    "reject_all_text",
    "review_changes",
]
