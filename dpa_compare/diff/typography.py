"""Typographic classes of change: two texts that differ only in how the same words are set.

    >>> typographic_classes("the “Data”", 'the "data"')
    ('quotes', 'case')
    >>> typographic_classes("notify, then", "notify then") is None
    True

A change is typographic when the texts become equal after normalising some
of these classes, each a named step: `invisible` (zero-width characters,
soft hyphens), `whitespace` (NBSP and other spaces, line breaks, runs of
spaces, spaces next to CJK text or punctuation), `width` (full-width /
half-width forms), `quotes` (curly, straight, corner quotes), `brackets`
(square brackets removed around text, Markdown escapes), `emphasis`
(Markdown `*`, `_`, `` ` `` markers), `hyphens` (a hyphen or dash inside or
between words: "Sub-processing" / "Subprocessing"), `case`. Any other
difference — a word, a number, a comma (`，` → `、` is a legal amendment in
Chinese) — is a real change, so a typographic class never hides a word change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from dpa_compare.lang.script import CJK, strip_invisible

__all__ = ["CLASSES", "typographic_classes", "typographic_key"]

_SPACE = re.compile(r"\s+")
_SPACE_BY_CJK = re.compile(rf"\s*([{CJK}])\s*")
_SPACE_BEFORE_CLOSING = re.compile(r"\s+([,.;:!?)\]])")
_SPACE_AFTER_OPENING = re.compile(r"([(\[])\s+")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»「」『』＂〝〞"} | {c: "'" for c in "‘’‚‛‹›＇`´"})
_BRACKET = re.compile(r"\\([\[\]().*_#\\.+!-])|[\[\]【】]")
_EMPHASIS = re.compile(r"[*_~]+")
_DASH = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_HYPHEN = re.compile(r"(?<=[^\W\d_])-+(?=[^\W\d_])")


def _width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _whitespace(text: str) -> str:
    text = _SPACE_BY_CJK.sub(r"\1", _SPACE.sub(" ", text))
    return _SPACE_AFTER_OPENING.sub(r"\1", _SPACE_BEFORE_CLOSING.sub(r"\1", text)).strip()


STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("invisible", strip_invisible),
    ("whitespace", _whitespace),  # -- first, so an NBSP is a space before `width` sees it --
    ("width", _width),
    ("quotes", lambda t: t.translate(_QUOTES)),
    ("brackets", lambda t: _BRACKET.sub(lambda m: m.group(1) or "", t)),
    ("emphasis", lambda t: _EMPHASIS.sub("", t)),
    ("hyphens", lambda t: _HYPHEN.sub("", t.translate(_DASH))),
    ("case", str.casefold),
    ("whitespace", _whitespace),
)
CLASSES: tuple[str, ...] = tuple(dict.fromkeys(name for name, _ in STEPS))


def typographic_key(text: str, skip: str = "") -> str:
    """Return `text` with every typographic class but `skip` normalised: equal keys, same words."""
    for name, step in STEPS:
        if name != skip:
            text = step(text)
    return text


def typographic_classes(old: str, new: str) -> tuple[str, ...] | None:
    """Return the classes that tell `old` from `new` when they differ only typographically.

    None when they differ in anything else; () when they are equal. A class
    is listed when the texts stay different without normalising it.
    """
    if old == new:
        return ()
    if typographic_key(old) != typographic_key(new):
        return None
    needed = tuple(
        name for name in CLASSES if typographic_key(old, name) != typographic_key(new, name)
    )
    return needed or _changing_steps(old, new)


def _changing_steps(old: str, new: str) -> tuple[str, ...]:
    """Return the classes whose step alters one text only, or makes them equal.

    Used when no single class is needed on its own (an NBSP is both a space
    and a width variant).
    """
    out = []
    for name, step in STEPS:
        if old == new:
            break
        old_next, new_next = step(old), step(new)
        one_sided = (old_next != old) != (new_next != new)
        if (one_sided or old_next == new_next) and name not in out:
            out.append(name)
        old, new = old_next, new_next
    return tuple(out)
