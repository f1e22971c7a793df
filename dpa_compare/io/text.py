"""Reader for Markdown (`.md`, `.markdown`) and plain text (`.txt`).

Markdown is read the way a person reads the rendered page: ATX (`## x`) and
setext headings give `heading_level`; ordered list markers (`1.`, `1)`) become
`auto_label`, bullets (`*`, `-`, `+`) `list_level` without a label; a bold
run-in title becomes `bold_lead`; pipe tables give one `table_cell` block per
cell; inline markup (emphasis, code, links, images, HTML tags and comments,
backslash escapes) is removed. Paragraphs are separated by blank lines and
their soft-wrapped lines joined (without a space between two Chinese
characters). Plain text has no markup: a paragraph per blank-line-separated
block, or per line when the file has no blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dpa_compare.io import Source, sha256_of
from dpa_compare.io.encoding import decode_text
from dpa_compare.io.markdown_inline import HTML_COMMENT, bold_lead, join_lines, strip_inline
from dpa_compare.lang.labels import CLAUSE_START
from dpa_compare.model import Block

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[*+-]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*)|[ \t]*$)"
)
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_MARKDOWN_SUFFIXES = (".md", ".markdown")


def read(data: bytes, path: Path) -> Source:
    """Return the blocks of the Markdown or plain-text file `path` whose bytes are `data`."""
    text = decode_text(data, path)
    if path.suffix.lower() in _MARKDOWN_SUFFIXES:
        blocks = MarkdownParser(text).parse()
        title = next((b.text for b in blocks if b.heading_level == 1 and b.text), "")
    else:
        blocks = plain_blocks(text)
        title = ""
    return Source(path=str(path), sha256=sha256_of(data), blocks=tuple(blocks), title=title)


def plain_blocks(text: str) -> list[Block]:
    """Return the paragraphs of plain `text`: blank-line separated, or one per line without blank
    lines."""
    lines = text.split("\n")
    filled = [number for number, line in enumerate(lines, 1) if line.strip()]
    # -- blank lines between paragraphs, or none at all (then every line is one) --
    per_line = len(filled) > 1 and filled[-1] - filled[0] + 1 == len(filled)
    groups: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if (
            per_line
            or not groups
            or not lines[number - 2].strip()
            or starts_new_clause(lines[number - 2], line)
        ):
            groups.append((number, [line]))
        else:
            groups[-1][1].append(line)
    return [Block(text=join_lines(group), location=f"line {start}") for start, group in groups]


@dataclass
class _List:
    indent: int  # -- column of the marker --
    content: int  # -- column where the item's text starts --


@dataclass
class _Paragraph:
    lines: list[str] = field(default_factory=list)
    start: int = 0
    label: str | None = None
    list_level: int | None = None


class MarkdownParser:
    """Turn Markdown text into blocks, line by line (a small CommonMark subset, leniently)."""

    def __init__(self, text: str) -> None:
        # -- comments are blanked, not deleted, so line numbers stay right --
        text = HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        self.lines = text.split("\n")
        self.blocks: list[Block] = []
        self.lists: list[_List] = []
        self.paragraph = _Paragraph()
        self.blank_before = True
        self.tables = 0

    def parse(self) -> list[Block]:
        """Return the blocks of the whole text."""
        index = 0
        while index < len(self.lines):
            index = self._line(index)
        self._flush()
        return self.blocks

    def _line(self, index: int) -> int:
        line = self.lines[index].replace("\t", "    ")
        number = index + 1
        if not line.strip():
            self._flush()
            self.blank_before = True
            return index + 1
        if fence := _FENCE.match(line):
            return self._fenced(index, fence.group(1))
        if heading := _ATX.match(line):
            self._flush()
            self.lists.clear()
            self._add(heading.group(2) or "", number, heading_level=len(heading.group(1)))
            return self._next(index)
        if (
            self.paragraph.lines
            and (setext := _SETEXT.match(line))
            and self.paragraph.label is None
            and self.paragraph.list_level is None
        ):
            level = 1 if setext.group(1)[0] == "=" else 2
            paragraph, self.paragraph = self.paragraph, _Paragraph()
            self._add(join_lines(paragraph.lines), paragraph.start, heading_level=level)
            self.lists.clear()
            return self._next(index)
        if _BREAK.match(line):
            self._flush()
            return self._next(index)
        if _TABLE_ROW.match(line):
            return self._table(index)
        if item := _ITEM.match(line):
            self._item(item, number)
            return self._next(index)
        self._text(line, number)
        return self._next(index)

    def _next(self, index: int) -> int:
        self.blank_before = False
        return index + 1

    def _item(self, item: re.Match[str], number: int) -> None:
        indent = len(item.group("indent"))
        text = item.group("text") or ""
        content = (
            indent + len(item.group("marker")) + 1 + (len(text) - len(text.lstrip()) if text else 0)
        )
        self._flush()
        while self.lists and indent < self.lists[-1].indent:
            self.lists.pop()
        if self.lists and indent >= self.lists[-1].content and indent > self.lists[-1].indent + 1:
            self.lists.append(_List(indent, content))
        elif self.lists:
            self.lists[-1] = _List(self.lists[-1].indent, content)
        else:
            self.lists.append(_List(indent, content))
        marker = item.group("marker")
        label = marker if marker[0].isdigit() else None
        self.paragraph = _Paragraph([text.strip()], number, label, len(self.lists) - 1)

    def _text(self, line: str, number: int) -> None:
        indent = len(line) - len(line.lstrip())
        if (
            self.paragraph.lines
            and not self.blank_before
            and not starts_new_clause(self.paragraph.lines[-1], line)
        ):
            self.paragraph.lines.append(_unquoted(line))  # -- soft wrap or lazy continuation --
            return
        level = None
        if self.lists:
            # -- after a blank line, text indented under an item continues it as a new paragraph --
            while self.lists and indent < self.lists[-1].content - 1:
                self.lists.pop()
            level = len(self.lists) if self.lists else None
        self._flush()
        self.paragraph = _Paragraph([_unquoted(line)], number, None, level)

    def _fenced(self, index: int, fence: str) -> int:
        self._flush()
        start = index + 1
        end = start
        while end < len(self.lines) and not self.lines[end].strip().startswith(fence):
            end += 1
        body = "\n".join(self.lines[start:end]).strip("\n")
        if body.strip():
            self.blocks.append(Block(text=body, location=f"line {start + 1}"))
        return end + 1

    def _table(self, index: int) -> int:
        self._flush()
        self.lists.clear()
        self.tables += 1
        row = 0
        while index < len(self.lines) and _TABLE_ROW.match(self.lines[index]):
            line = self.lines[index]
            if not _TABLE_RULE.match(line):
                row += 1
                for column, cell in enumerate(_cells(line), 1):
                    text = strip_inline(cell)
                    if text:
                        location = f"line {index + 1}, table {self.tables} row {row} cell {column}"
                        self.blocks.append(
                            Block(
                                text=text,
                                location=location,
                                kind="table_cell",
                                cell=(self.tables, row, column),
                                header=row == 1,
                            )
                        )
            index += 1
        self.blank_before = True
        return index

    def _flush(self) -> None:
        paragraph, self.paragraph = self.paragraph, _Paragraph()
        if paragraph.lines:
            self._add(
                join_lines(paragraph.lines),
                paragraph.start,
                label=paragraph.label,
                list_level=paragraph.list_level,
            )

    def _add(
        self,
        raw: str,
        number: int,
        heading_level: int | None = None,
        label: str | None = None,
        list_level: int | None = None,
    ) -> None:
        text = strip_inline(raw)
        if not text and label is None:
            return
        self.blocks.append(
            Block(
                text=text,
                location=f"line {number}",
                auto_label=label,
                heading_level=heading_level,
                list_level=list_level,
                bold_lead=bold_lead(raw),
            )
        )


_CLAUSE_START = CLAUSE_START
_ENDED = re.compile(r"(?:[.;:!?。；：！？]|[;；]\s*(?:and|or|and/or|及|或))\s*$")
_TITLE_WORDS = 8


def starts_new_clause(previous: str, line: str) -> bool:
    """Return True when `line` opens a new numbered clause rather than continuing `previous`.

    Legal text often puts one clause per line with no blank line between.
    A line counts as a new clause when it starts with a clause number and
    the line before it ended a clause (`.`, `;`, `; and`, `。`, `：` …) or was
    a numbered title (`第二条 定义`, `7. Audits`), so a hard-wrapped sentence
    that happens to go on with "(a)" or "3.5" is not cut.
    """
    if not _CLAUSE_START.match(line):
        return False
    return bool(_ENDED.search(previous)) or _numbered_title(previous) or next_item(previous, line)


def next_item(previous: str, line: str) -> bool:
    """Return True when `line` opens the item after the one `previous` opened: `(i) …` then `(ii)
    …`.

    Items set one a line continue their list whatever the line before ends
    with (`, and`, nothing): a wrapped sentence does not go on with its own
    next item number.
    """
    from dpa_compare.lang.labels import generic_labels

    before = {(m.scheme, m.numbers) for m in generic_labels(previous.strip(), False) if m.is_item}
    return any(
        (m.scheme, m.numbers[:-1] + (m.numbers[-1] - 1,)) in before
        for m in generic_labels(line.strip(), False)
        if m.is_item and m.numbers
    )


def _numbered_title(line: str) -> bool:
    """Return True for a short numbered line with no closing punctuation: a clause title."""
    if not _CLAUSE_START.match(line) or line.rstrip()[-1:] in ",，、":
        return False
    words = line.split()
    return len(words) <= _TITLE_WORDS and len(line.strip()) <= 40


def _unquoted(line: str) -> str:
    """Return `line` stripped, without the `>` markers of a block quote (`> > text` → `text`)."""
    return _QUOTE.sub("", line.strip()).strip()


def _cells(line: str) -> list[str]:
    """Return the cells of a pipe-table row (escaped `\\|` stays inside its cell)."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [cell.replace("\\|", "|").strip() for cell in re.split(r"(?<!\\)\|", body)]


__all__ = ["MarkdownParser", "plain_blocks", "read", "starts_new_clause"]
