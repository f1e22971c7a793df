"""Word-level redlines between two texts, with diff-match-patch doing the diff.

diff-match-patch diffs characters. Its `linesToChars` trick (see its wiki's
"line or word mode") makes it diff larger units: every distinct token becomes
one character, the coded strings are diffed, and the result is decoded back.
Here the units are the tokens of `dpa_compare.tokenize`: English words and
jieba's Chinese words, so a redline never cuts a word in half.

Settings, recorded in `SIGNATURE`: `Diff_Timeout = 0` (no time limit, so the
result never depends on machine speed), and `diff_cleanupSemantic` applied on
purpose after the diff — it folds runs of small coincidental equalities
("the", ",") into the surrounding change, which is what a reader of a legal
redline wants.

    >>> redline("The Processor shall notify", "The Processor must notify", "en")
    (Edit(op=0, text='The Processor '), Edit(op=-1, text='shall'), Edit(op=1, text='must'),
    Edit(op=0, text=' notify'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from dpa_compare.tokenize import tokenize

__all__ = [
    "DELETE",
    "EQUAL",
    "INSERT",
    "SIGNATURE",
    "Edit",
    "RedlineCheckError",
    "code_point",
    "edits_from_json",
    "markup",
    "new_text",
    "old_text",
    "redline",
]

DELETE, EQUAL, INSERT = -1, 0, 1
"""Edit operations, as diff-match-patch numbers them."""

SIGNATURE = "dmp:t0,semantic"
"""Reproducibility signature of the diff settings: no timeout, semantic cleanup."""

# -- token codes: the Basic Multilingual Plane's Private Use Area first, then
#    the two supplementary private planes, then whole unassigned-or-rare planes.
#    The coded strings never mix with real text, so any code point would do;
#    private ones keep debugging dumps unambiguous. Surrogates are never used --
_CODE_RANGES: tuple[tuple[int, int], ...] = (
    (0xE000, 0xF8FF + 1),
    (0xF0000, 0xFFFFD + 1),
    (0x100000, 0x10FFFD + 1),
    (0x30000, 0xEFFFF + 1),
)
MAX_TOKENS = sum(end - start for start, end in _CODE_RANGES)
"""The most distinct tokens one redline can code (about 1.1 million)."""


class Edit(NamedTuple):
    """One step of a redline: `op` is -1 (deleted), 0 (kept) or 1 (inserted).

    A plain tuple underneath, so it serialises to JSON as `[op, text]`.
    """

    op: int
    text: str


class RedlineCheckError(RuntimeError):
    """A redline failed its self-check: a bug in dpa_compare, not bad input."""


def redline(
    old: str, new: str, lang: str = "en", glossary_terms: Iterable[str] = ()
) -> tuple[Edit, ...]:
    """Return the word-level edits turning `old` into `new`.

    Adjacent edits never share an op and no edit is empty; kept text
    (`EQUAL`) and deleted text rebuild `old`, kept and inserted text rebuild
    `new` — checked on every call (`RedlineCheckError` if not).
    """
    if old == new:
        edits: tuple[Edit, ...] = (Edit(EQUAL, old),) if old else ()
    else:
        edits = _token_diff(
            tokenize(old, lang, glossary_terms), tokenize(new, lang, glossary_terms)
        )
    _check(edits, old, new)
    return edits


def old_text(edits: Iterable[Sequence[object]]) -> str:
    """Return the old text the `edits` were made from (kept + deleted)."""
    return "".join(str(text) for op, text in edits if op != INSERT)


def new_text(edits: Iterable[Sequence[object]]) -> str:
    """Return the new text the `edits` produce (kept + inserted)."""
    return "".join(str(text) for op, text in edits if op != DELETE)


def edits_from_json(data: Iterable[Sequence[object]]) -> tuple[Edit, ...]:
    """Return the edits serialised as `[[op, text], …]`."""
    return tuple(Edit(int(op), str(text)) for op, text in data)  # type: ignore[call-overload]


def markup(edits: Iterable[Edit], context: int | None = None) -> str:
    """Return the edits as plain text: `[-deleted-]` and `{+inserted+}`.

    With `context`, kept text longer than about twice `context` characters
    is shortened to its first and last `context` characters around ` … `.
    """
    parts = []
    for op, text in edits:
        if op == DELETE:
            parts.append(f"[-{show_invisible(text)}-]")
        elif op == INSERT:
            parts.append(f"{{+{show_invisible(text)}+}}")
        else:
            parts.append(_shorten(text, context) if context is not None else text)
    return "".join(parts)


_INVISIBLE_NAMES = {
    "\u00a0": "⟨NBSP⟩", "\u202f": "⟨NNBSP⟩", "\u2007": "⟨FIGSP⟩", "\u3000": "⟨IDSP⟩",
    "\u200b": "⟨ZWSP⟩", "\u200c": "⟨ZWNJ⟩", "\u200d": "⟨ZWJ⟩", "\u2060": "⟨WJ⟩",
    "\ufeff": "⟨BOM⟩", "\u00ad": "⟨SHY⟩", "\t": "⟨TAB⟩",
}  # fmt: skip
_INVISIBLE = re.compile("[" + "".join(_INVISIBLE_NAMES) + "]")


def show_invisible(text: str) -> str:
    """Return `text` with characters a reader cannot see (NBSP, zero-width) named: `⟨NBSP⟩`.

    Only inserted and deleted text is shown so: an edit that swaps a space
    for a non-breaking one reads `[-⟨NBSP⟩-]{+ +}`, not `[- -]{+ +}`.
    """
    return _INVISIBLE.sub(lambda m: _INVISIBLE_NAMES[m.group()], text)


def _shorten(text: str, context: int) -> str:
    if len(text) <= 2 * context + 3:
        return text
    return f"{text[:context]} … {text[-context:]}" if context else " … "


def _token_diff(old_tokens: list[str], new_tokens: list[str]) -> tuple[Edit, ...]:
    """Return the merged edits between two token lists, diffed as coded characters."""
    from diff_match_patch import diff_match_patch

    codes: dict[str, str] = {}
    tokens: list[str] = []
    old_coded = _encode(old_tokens, codes, tokens)
    new_coded = _encode(new_tokens, codes, tokens)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # -- no deadline: the same inputs always give the same diff --
    # -- checklines=False: the coded strings have no lines; line mode would only waste time --
    diffs = dmp.diff_main(old_coded, new_coded, False)
    dmp.diff_cleanupSemantic(diffs)
    lookup = {code: token for token, code in codes.items()}
    return _merge((op, "".join(lookup[ch] for ch in coded)) for op, coded in diffs)


def _encode(token_list: list[str], codes: dict[str, str], tokens: list[str]) -> str:
    out = []
    for token in token_list:
        code = codes.get(token)
        if code is None:
            code = code_point(len(tokens))
            codes[token] = code
            tokens.append(token)
        out.append(code)
    return "".join(out)


def code_point(index: int) -> str:
    """Return the character coding the `index`-th distinct token."""
    for start, end in _CODE_RANGES:
        if index < end - start:
            return chr(start + index)
        index -= end - start
    raise RedlineCheckError(
        f"more than {MAX_TOKENS} distinct tokens in one redline; split the texts first"
    )


def _merge(edits: Iterable[tuple[int, str]]) -> tuple[Edit, ...]:
    """Return `edits` without empty steps, adjacent steps of one op joined.

    Within one changed stretch deletions come before insertions, so a
    reader always sees `[-old-]{+new+}`.
    """
    merged: list[Edit] = []
    for op, text in edits:
        if not text:
            continue
        if merged and merged[-1].op == op:
            merged[-1] = Edit(op, merged[-1].text + text)
        elif op == DELETE and merged and merged[-1].op == INSERT:
            inserted = merged.pop()
            if merged and merged[-1].op == DELETE:
                merged[-1] = Edit(DELETE, merged[-1].text + text)
            else:
                merged.append(Edit(DELETE, text))
            merged.append(inserted)
        else:
            merged.append(Edit(op, text))
    return tuple(merged)


def _check(edits: tuple[Edit, ...], old: str, new: str) -> None:
    if old_text(edits) != old or new_text(edits) != new:
        raise RedlineCheckError(
            f"redline self-check failed (please report): old={_clip(old)!r} new={_clip(new)!r}"
        )


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
