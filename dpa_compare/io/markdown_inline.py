"""Markdown inline markup: remove it, find a bold run-in title, join wrapped lines.

Only what changes the words a reader sees matters here: emphasis markers,
code ticks, links (their text stays), images (dropped), HTML tags and
comments, entities, and backslash escapes (`1\\. Definitions` reads
`1. Definitions`).
"""

from __future__ import annotations

import html
import re

from dpa_compare.lang.script import is_cjk

_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~\"'$%&,/:;=?@^"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_PROTECT_BASE = 0xF0000
"""Escaped characters are parked in a private-use plane while emphasis is removed."""

_IMAGE = re.compile(r"!\[[^\[\]]*\]\((?:[^()\s]++|\([^()]*\))*+(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]++|\([^()]*\))*+\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,})>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TICKS = re.compile(r"`+")
_STRONG_UNDERSCORE = re.compile(r"(?<![\w])__|__(?![\w])")
_EMPHASIS = (
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"),
)
_STRIKE = re.compile(r"~~(.+?)~~")
_BOLD_LEAD = re.compile(r"^\s*[_*]?(\*\*|__)(?P<lead>.+?)\1[_*]?")
_MARKUP = re.compile(r"[\\`!\[<*_~&]")
"""A character some inline markup needs; a line without any is plain text."""
_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def strip_inline(raw: str) -> str:
    """Return `raw` Markdown inline text as a reader sees it, markup removed."""
    if _MARKUP.search(raw) is None:
        # -- most lines hold no markup at all: skip the dozen substitutions --
        return _SPACES.sub(" ", raw).strip()
    text = HTML_COMMENT.sub("", raw)
    text = _ESCAPE.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), text)
    text = strip_code_spans(text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _BR.sub(" ", text)
    text = _TAG.sub("", text)
    text = text.replace("**", "")
    text = _STRONG_UNDERSCORE.sub("", text)
    text = _STRIKE.sub(r"\1", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    text = "".join(chr(ord(ch) - _PROTECT_BASE) if ord(ch) >= _PROTECT_BASE else ch for ch in text)
    return _SPACES.sub(" ", text).strip()


def strip_code_spans(text: str) -> str:
    """Return `text` with each code span replaced by its content, stripped (`` `x` `` → `x`).

    A span opens with a run of n backticks and closes at the next run of
    exactly n on the same line. Each run is looked at once (linear time): a
    regex with a back-reference took seconds on a line of a few thousand
    backticks.
    """
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    if len(runs) < 2:
        return text
    next_same: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        width = runs[index][1] - runs[index][0]
        next_same[index] = last.get(width)
        last[width] = index
    pieces: list[str] = []
    done = index = 0
    while index < len(runs):
        close = next_same[index]
        content = text[runs[index][1] : runs[close][0]] if close is not None else "\n"
        if close is None or "\n" in content:
            index += 1
            continue
        pieces += [text[done : runs[index][0]], content.strip()]
        done = runs[close][1]
        index = close + 1
    pieces.append(text[done:])
    return "".join(pieces)


def bold_lead(raw: str) -> str | None:
    """Return the bold run-in title `raw` starts with, markup removed (`**Term.** The …` → `Term.`).

    A paragraph that is bold throughout returns its whole text.
    """
    match = _BOLD_LEAD.match(raw)
    if not match:
        return None
    lead = strip_inline(match.group("lead"))
    return lead or None


def join_lines(lines: list[str]) -> str:
    """Return soft-wrapped `lines` as one line: a space between words, none between Chinese
    characters.

    Hard line breaks (two trailing spaces, a trailing backslash) are joined
    the same way: a clause's text is one line.
    """
    out = ""
    for line in lines:
        piece = line.strip()
        if piece.endswith("\\") and not piece.endswith("\\\\"):
            piece = piece[:-1].rstrip()
        if not piece:
            continue
        if out and not (is_cjk(out[-1]) and is_cjk(piece[0])):
            out += " "
        out += piece
    return out


__all__ = ["HTML_COMMENT", "bold_lead", "join_lines", "strip_code_spans", "strip_inline"]
