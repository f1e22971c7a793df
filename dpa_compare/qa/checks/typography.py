"""Typography of the Chinese text: half-width punctuation between Chinese characters, unpaired
brackets and quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dpa_compare.lang.numerals import CHINESE_SMALL_NUMERAL
from dpa_compare.qa.registry import Context, Issue, Pair, check
from dpa_compare.qa.text import HAN, find_emails, find_urls

_HALF_WIDTH = re.compile(rf"(?<=[{HAN}])[ \t]*([,;:?!])[ \t]*(?=[{HAN}“‘「（《]|$)")
_ASCII_PARENS = re.compile(r"\(([^()]*)\)")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "《": "》", "【": "】", "(": ")"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# -- a list marker closed by a bracket alone: "1）", "a)", "一）", "(iv)" is paired anyway --
_ENUMERATOR = re.compile(
    rf"(?:^|(?<=[\s;；:：,，。、{HAN}]))(?:\d{{1,2}}|[a-zA-Z]|[ivxIVX]{{1,4}}|{CHINESE_SMALL_NUMERAL}{{1,3}})$"
)


def _snippet(text: str, start: int, end: int, width: int = 8) -> str:
    return text[max(0, start - width) : end + width].replace("\n", " ")


def _protected(text: str) -> str:
    """Return `text` with URLs and e-mail addresses blanked out (same length)."""
    chars = list(text)
    for _, start, end in (*find_urls(text), *find_emails(text)):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@check("minor")
def punctuation(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Half-width punctuation between Chinese characters (use ，；：？！（）)."""
    text = _protected(pair.zh_text)
    if not re.search(f"[{HAN}]", text):
        return
    found = [(m.group(1), m.start(1), m.end(1)) for m in _HALF_WIDTH.finditer(text)]
    for match in _ASCII_PARENS.finditer(text):
        if re.search(f"[{HAN}]", match.group(1)):
            found += [("(", match.start(), match.start() + 1), (")", match.end() - 1, match.end())]
    if found:
        found.sort(key=lambda f: f[1])
        shown = [
            f"{mark!r} → {_FULL_WIDTH[mark]!r} in …{_snippet(pair.zh_text, s, e)}…"
            for mark, s, e in found
        ]
        marks = "".join(dict.fromkeys(mark for mark, _, _ in found))
        yield Issue(
            f"half-width punctuation in Chinese text: {' '.join(marks)} ({len(found)}×)",
            tuple(shown),
        )


def _is_apostrophe(text: str, index: int) -> bool:
    return (
        0 < index < len(text) - 1
        and text[index - 1].isascii()
        and text[index - 1].isalpha()
        and text[index + 1].isascii()
        and text[index + 1].isalpha()
    )


def unbalanced(text: str) -> list[tuple[str, int, str]]:
    """Return (mark, position, problem) for each bracket or quote in `text` left unpaired."""
    stack: list[tuple[str, int]] = []
    problems: list[tuple[str, int, str]] = []
    for index, ch in enumerate(text):
        if ch in ("’", "‘") and _is_apostrophe(text, index):
            continue
        if ch in _PAIRS:
            stack.append((ch, index))
        elif ch in _CLOSERS:
            if stack and stack[-1][0] == _CLOSERS[ch]:
                stack.pop()
            elif any(opener == _CLOSERS[ch] for opener, _ in stack):
                while stack and stack[-1][0] != _CLOSERS[ch]:
                    opener, at = stack.pop()
                    problems.append((opener, at, f"{opener} not closed"))
                stack.pop()
            elif (
                ch == "’" and index > 0 and text[index - 1].isascii() and text[index - 1].isalpha()
            ):
                continue  # -- possessive: Customers’ --
            elif ch in "）)" and _ENUMERATOR.search(text[:index]):
                continue
            else:
                problems.append((ch, index, f"{ch} without {_CLOSERS[ch]}"))
    problems.extend((opener, at, f"{opener} not closed") for opener, at in stack)
    return sorted(problems, key=lambda p: p[1])


@check("minor")
def brackets(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Unpaired brackets or quotation marks in the Chinese text."""
    text = _protected(pair.zh_text)
    problems = unbalanced(text)
    if problems:
        shown = tuple(
            f"{problem} at …{_snippet(pair.zh_text, at, at + 1)}…" for _, at, problem in problems
        )
        yield Issue(
            f"unpaired brackets or quotes in Chinese text: {', '.join(p for _, _, p in problems)}",
            shown,
        )


__all__ = ["brackets", "punctuation", "unbalanced"]
