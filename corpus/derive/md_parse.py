"""Parse the corpus Markdown format into typed blocks (the build's single source of structure).

The corpus files follow one narrow format (corpus/README.md, "Markdown format
of the documents"): one block per line, blank lines between blocks. This
parser knows exactly that format, in both languages, and refuses anything
else with the file and line number — a derived file must never silently lose
a clause. It is deliberately separate from `dpa_compare.io.text` and
`dpa_compare.segment`: the derived files are test fixtures for those modules,
so they must not be built by them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ZH_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_TITLE = re.compile(r"^# (?P<text>\S.*)$")
_SECTION = re.compile(
    r"^## (?:(?P<num>\d+)\.|第(?P<zh>[一二三四五六七八九十百零]+)条)\s+(?P<text>\S.*)$"
)
_ANNEX = re.compile(
    r"^## (?:Annex (?P<num>\d+)|附件(?P<zh>[一二三四五六七八九十]+|\d+))"
    r"(?:\s*[–—:：-]\s*|\s+)(?P<text>\S.*)$"
)
_SUB = re.compile(r"^(?P<sec>\d+)\.(?P<num>\d+)\s+(?P<text>\S.*)$")
_ITEM = re.compile(
    r"^(?P<open>[(（])(?P<mark>[a-z]+|[一二三四五六七八九十]+)(?P<close>[)）])\s*(?P<text>\S.*)$"
)
_ANNEX_PARA = re.compile(r"^(?P<num>\d+)\.\s+(?P<text>\S.*)$")
_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")
_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")


class FormatError(ValueError):
    """A corpus file that does not follow the corpus Markdown format."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")


@dataclass(frozen=True)
class MdBlock:
    """One block of a corpus file.

    `kind` is `title`, `paragraph` (unnumbered), `section`, `clause` (N.M),
    `item` (the (a) / （一） level), `subitem` (the (i) level), `annex`,
    `annex_paragraph` or `table`. `number` is the block's own counter value
    (section 7 → 7, clause 7.2 → 2, item (c) → 3, annex 1 → 1), 0 for
    unnumbered blocks. `marker` is the number as typed (`7.`, `第七条`,
    `7.2`, `(c)`, `（三）`, `Annex 1`, `附件一`, `3.`). `text` is the Markdown
    text after the marker, emphasis kept; `rows` holds a table's cells
    (header first, separator row dropped) with emphasis kept.
    """

    kind: str
    line: int
    text: str = ""
    number: int = 0
    marker: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def zh_number(text: str) -> int:
    """Return the value of a Chinese numeral up to 999 (`十二` → 12) or of ASCII digits."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = ZH_DIGITS[char]
    return total + current


def roman_value(text: str) -> int:
    """Return the value of a lower-case roman numeral (`iv` → 4)."""
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        total += -value if index + 1 < len(text) and values[text[index + 1]] > value else value
    return total


def parse_file(path: Path, encoding: str = "utf-8") -> list[MdBlock]:
    """Return the blocks of the corpus file at `path`."""
    return parse(path.read_bytes().decode(encoding), path)


def parse(text: str, path: Path | str = "<text>") -> list[MdBlock]:
    """Return the blocks of corpus Markdown `text` (from `path`, named in errors)."""
    if "\r" in text:
        raise FormatError(path, 1, "CR characters found; corpus files use LF line endings")
    blocks: list[MdBlock] = []
    lines = text.split("\n")
    index = 0
    state = _State()
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if line.startswith("|"):
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            blocks.append(_table(lines[index:end], index + 1, path))
            index = end
            continue
        blocks.append(state.block(line, index + 1, path))
        index += 1
    return blocks


class _State:
    """What the parser needs to remember to tell `(i)` the item from `(i)` the roman sub-item."""

    def __init__(self) -> None:
        self.in_annex = False
        self.last_item: MdBlock | None = None
        self.seen_title = False

    def block(self, line: str, number: int, path: Path | str) -> MdBlock:
        if line.startswith("# "):
            match = _TITLE.match(line)
            if self.seen_title or match is None:
                raise FormatError(path, number, "a second or empty '# ' title")
            self.seen_title = True
            return MdBlock("title", number, match["text"])
        if line.startswith("#"):
            return self._heading(line, number, path)
        if match := _SUB.match(line):
            self.last_item = None
            return MdBlock(
                "clause", number, match["text"], int(match["num"]), f"{match['sec']}.{match['num']}"
            )
        if match := _ITEM.match(line):
            return self._item(match, number, path)
        if self.in_annex and (match := _ANNEX_PARA.match(line)):
            return MdBlock(
                "annex_paragraph", number, match["text"], int(match["num"]), f"{match['num']}."
            )
        return MdBlock("paragraph", number, line)

    def _heading(self, line: str, number: int, path: Path | str) -> MdBlock:
        self.last_item = None
        if match := _ANNEX.match(line):
            self.in_annex = True
            value = int(match["num"]) if match["num"] else zh_number(match["zh"])
            marker = f"Annex {value}" if match["num"] else f"附件{match['zh']}"
            return MdBlock("annex", number, match["text"], value, marker)
        if (match := _SECTION.match(line)) and not self.in_annex:
            value = int(match["num"]) if match["num"] else zh_number(match["zh"])
            marker = f"{value}." if match["num"] else f"第{match['zh']}条"
            return MdBlock("section", number, match["text"], value, marker)
        raise FormatError(path, number, f"unrecognised heading {line[:60]!r}")

    def _item(self, match: re.Match[str], number: int, path: Path | str) -> MdBlock:
        mark, marker = match["mark"], match["open"] + match["mark"] + match["close"]
        chinese = not mark.isascii()
        letter_follows = (
            self.last_item is not None
            and self.last_item.kind == "item"
            and len(mark) == 1
            and self.last_item.marker[1:-1] == chr(ord(mark) - 1)
        )
        if chinese:
            block = MdBlock("item", number, match["text"], zh_number(mark), marker)
        elif _ROMAN.match(mark) and not letter_follows and self.last_item is not None:
            block = MdBlock("subitem", number, match["text"], roman_value(mark), marker)
        elif len(mark) == 1:
            block = MdBlock("item", number, match["text"], ord(mark) - ord("a") + 1, marker)
        else:
            raise FormatError(
                path, number, f"item marker {marker!r} is neither a letter nor a roman numeral"
            )
        if block.kind == "item":
            self.last_item = block
        return block


def _table(lines: list[str], first: int, path: Path | str) -> MdBlock:
    rows = [tuple(cell.strip() for cell in line.strip().strip("|").split("|")) for line in lines]
    if len(rows) < 3 or not all(_SEPARATOR_CELL.match(cell) for cell in rows[1]):
        raise FormatError(
            path, first, "a table needs a header row, a separator row and at least one body row"
        )
    body = [rows[0], *rows[2:]]
    if any(len(row) != len(rows[0]) for row in body):
        raise FormatError(path, first, "table rows have different numbers of cells")
    return MdBlock("table", first, rows=tuple(body))


_EMPHASIS = re.compile(r"(\*\*|\*)")


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """Return `text` split into `(text, bold, italic)` runs, the `**` / `*` markers removed.

    Raises `ValueError` when an emphasis marker is left open.
    """
    runs: list[tuple[str, bool, bool]] = []
    bold = italic = False
    for piece in _EMPHASIS.split(text):
        if piece == "**":
            bold = not bold
        elif piece == "*":
            italic = not italic
        elif piece:
            runs.append((piece, bold, italic))
    if bold or italic:
        raise ValueError(f"unclosed emphasis in {text[:60]!r}")
    return runs


def plain(text: str) -> str:
    """Return `text` with its Markdown emphasis removed."""
    return "".join(piece for piece, _, _ in inline_runs(text))


__all__ = [
    "FormatError",
    "MdBlock",
    "inline_runs",
    "parse",
    "parse_file",
    "plain",
    "roman_value",
    "zh_number",
]
