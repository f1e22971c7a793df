"""Scripts: which characters are Han or CJK, and Traditional → Simplified for matching.

This module is the one place that knows the code-point ranges of Chinese
script; everything else asks it (`has_han`, `is_cjk`) or builds patterns from
its character-class bodies (`HAN`, `CJK`).

- `HAN`: Han ideographs — extension A, the unified block, the compatibility
  ideographs and the supplementary ideographic planes (extensions B–H).
- `CJK`: characters Chinese and Japanese text sets without spaces between
  them — Han, radicals, CJK punctuation (`。、「」`), kana, bopomofo,
  vertical and full-width forms (`，（）１Ａ`). Hangul is not included:
  Korean separates its words with spaces.

Text is always displayed as printed; `to_simplified` serves comparisons
only (a Simplified glossary term found in a Traditional translation,
個人資料 ⇄ 个人资料). OpenCC ships its conversion tables inside the package,
so nothing is fetched at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""Han ideographs, as the body of a regular-expression character class (`f"[{HAN}]"`)."""

CJK = r"\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
"""Han, kana, CJK and full-width punctuation and forms, as the body of a character class."""

HAN_CHAR = re.compile(f"[{HAN}]")
"""One Han character."""

CJK_CHAR = re.compile(f"[{CJK}]")
"""One CJK character (Han, kana, CJK or full-width punctuation)."""

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Characters that print as nothing: zero-width space/non-joiner/joiner, word joiner, BOM, soft
hyphen. Web pages scatter them before headings; they must not hide a label (`⟨ZWJ⟩Schedule 2`)."""

_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE), None)

BOX_DRAWING = r"\u2500-\u257f"
"""Box-drawing characters (`─ │ ┌ ┬ ├ ┼ └`), as the body of a character class: tables drawn in
text."""

_BOX_LINE = re.compile(f"[{BOX_DRAWING}]")


def strip_invisible(text: str) -> str:
    """Return `text` without the characters of `INVISIBLE`."""
    return text.translate(_INVISIBLE_TABLE)


def is_box_drawing_line(text: str) -> bool:
    """Return True when `text` is a line of a table drawn in text: it opens with a box-drawing
    character (`┌───┬──┐`, `│Type │Period │`)."""
    return _BOX_LINE.match(text.strip()) is not None


def is_han(char: str) -> bool:
    """Return True when the one character `char` is a Han ideograph."""
    return HAN_CHAR.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """Return True when `text` contains a Han character."""
    return HAN_CHAR.search(text) is not None


def is_cjk(char: str) -> bool:
    """Return True when the one character `char` is Han, kana, CJK or full-width punctuation."""
    return CJK_CHAR.fullmatch(char) is not None


def has_cjk(text: str) -> bool:
    """Return True when `text` contains a CJK character (see `is_cjk`)."""
    return CJK_CHAR.search(text) is not None


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Return `text` with Traditional characters (and variant forms) in their Simplified form."""
    if not has_han(text):
        return text
    return _converter().convert(text)


def is_traditional(text: str) -> bool:
    """Return True when 5% or more of the Han characters of `text` change under T → S conversion."""
    han = HAN_CHAR.findall(text[:20_000])
    if not han:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, simplified, strict=False) if a != b)
    return changed >= 0.05 * len(han)


__all__ = [
    "BOX_DRAWING",
    "CJK",
    "CJK_CHAR",
    "HAN",
    "HAN_CHAR",
    "has_cjk",
    "has_han",
    "is_box_drawing_line",
    "is_cjk",
    "is_han",
    "is_traditional",
    "to_simplified",
]
