"""An independent reading of the corpus Markdown format: every clause's label and compared text.

The corpus tests check the answer keys against the texts, and the project's
readers and segmenter against both, so this module must share no code with
either `dpa_compare` or corpus/build.py: it is a second, deliberately tiny
implementation of the label rules in corpus/README.md ("Clause labels").

Labels: `¶N` (unnumbered top-level blocks), `7`, `7.2`, `7.2(a)`,
`7.2(a)(i)`, `Annex 1`, `Annex 1 2`, `Annex 3 header` (the header row),
`Annex 3 row N` (body rows). Chinese files are
labelled with their numbers as printed (section `第七条` or `7`, items
`7.2（a）`, `7.2（一）`, sub-items `7.2（a）（i）`, `7.2（一）(i)`, annexes
`附件一`, their paragraphs `附件一 2` and rows `附件三 row 1`).
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

_SECTION = re.compile(r"^## (?:(\d+)\.|第([一二三四五六七八九十]+)条)\s+(.+)$")
_ANNEX = re.compile(
    r"^## (?:Annex (\d+)|附件([一二三四五六七八九十]+|\d+))(?:\s*[–—:：-]\s*|\s+)(.+)$"
)
_SUB = re.compile(r"^(\d+)\.(\d+)\s+(.+)$")
_ITEM = re.compile(r"^([(（])([a-z]+|[一二三四五六七八九十]+)([)）])\s*(.+)$")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.+)$")


def chinese_number(text: str) -> int:
    """Return the value of a Chinese numeral below 100 (`十七` → 17), or of ASCII digits."""
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CN[text]
    return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN[units] if units else 0)


def strip_emphasis(text: str) -> str:
    """Return `text` without `**` / `*` emphasis markers."""
    return text.replace("**", "").replace("*", "")


def clause_texts(path: Path, encoding: str = "utf-8") -> dict[str, str]:
    """Return label → compared text (emphasis stripped) for the corpus file `path`, in document
    order.

    Raises `AssertionError` naming the line when a label repeats, so a
    malformed file cannot hide a clause.
    """
    lines = path.read_bytes().decode(encoding).replace("\r\n", "\n").split("\n")
    found: dict[str, str] = {}
    section = sub = item = annex = ""
    paragraphs = rows = 0
    letters_seen: list[str] = []

    def add(label: str, text: str, number: int) -> None:
        assert label not in found, f"{path.name}:{number}: label {label!r} occurs twice"
        found[label] = strip_emphasis(text).strip()

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            if rows or not _is_header(lines, number):
                rows += 1
                add(f"{annex} row {rows}", " | ".join(cells), number)
            else:
                add(f"{annex} header", " | ".join(cells), number)
            continue
        if line.startswith("# "):
            paragraphs += 1
            add(f"¶{paragraphs}", line[2:], number)
        elif match := _ANNEX.match(line):
            annex = f"Annex {match[1]}" if match[1] else f"附件{match[2]}"
            add(annex, match[3], number)
        elif (match := _SECTION.match(line)) and not annex:
            section = str(int(match[1]) if match[1] else chinese_number(match[2]))
            add(match[1] or f"第{match[2]}条", match[3], number)
        elif line.startswith("#"):
            raise AssertionError(f"{path.name}:{number}: unexpected heading {line[:40]!r}")
        elif match := _SUB.match(line):
            sub, letters_seen = f"{match[1]}.{match[2]}", []
            assert match[1] == section, (
                f"{path.name}:{number}: clause {sub} is not in section {section}"
            )
            add(sub, match[3], number)
        elif match := _ITEM.match(line):
            mark, printed = match[2], match[1] + match[2] + match[3]
            if _is_roman(mark, letters_seen):
                add(item + printed, match[4], number)
            else:
                letters_seen.append(mark)
                item = sub + printed
                add(item, match[4], number)
        elif annex and (match := _NUMBERED.match(line)):
            add(f"{annex} {match[1]}", match[2], number)
        else:
            paragraphs += 1
            add(f"¶{paragraphs}", line, number)
    return found


def _is_roman(mark: str, letters_seen: list[str]) -> bool:
    """Return True when `(mark)` is a roman sub-item rather than the next letter item."""
    if mark not in _ROMANS or not letters_seen:
        return False
    return not (len(mark) == 1 and letters_seen[-1] == chr(ord(mark) - 1))


def _is_header(lines: list[str], number: int) -> bool:
    """Return True when the table line `number` (1-based) is followed by the separator row."""
    following = lines[number] if number < len(lines) else ""
    return bool(re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", following.strip()))


def labels(path: Path, encoding: str = "utf-8") -> set[str]:
    """Return the set of clause labels of the corpus file `path`."""
    return set(clause_texts(path, encoding))


def corpus_file(relative: str) -> Path:
    """Return the path of `relative` (as written in the keys) inside corpus/."""
    return CORPUS / relative


def canonical(label: str) -> str:
    """Return `label` with its numbers in the English style, so labels printed differently compare
    equal.

    `第七条` → `7`, `7.2（一）` and `7.2（a）` → `7.2(a)`, `7.2（一）(i)` → `7.2(a)(i)`,
    `附件三 row 2` → `Annex 3 row 2`; English labels come back unchanged.
    """
    label = re.sub(r"^第([一二三四五六七八九十]+)条$", lambda m: str(chinese_number(m[1])), label)
    label = re.sub(
        r"^附件([一二三四五六七八九十]+|\d+)", lambda m: f"Annex {chinese_number(m[1])}", label
    )
    label = re.sub(
        r"（([一二三四五六七八九十]+)）",
        lambda m: f"({chr(ord('a') + chinese_number(m[1]) - 1)})",
        label,
    )
    return label.replace("（", "(").replace("）", ")")
