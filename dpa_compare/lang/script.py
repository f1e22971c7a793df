"""Chinese script normalisation for matching: Traditional → Simplified with OpenCC.

Text is always displayed as printed; these functions serve comparisons only
(a Simplified glossary term found in a Traditional translation, 個人資料 ⇄
个人资料). OpenCC ships its conversion tables inside the package, so nothing
is fetched at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_HAN = range(0x3400, 0xA000)


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Return `text` with Traditional characters (and variant forms) in their Simplified form."""
    if not any(ord(ch) in _HAN for ch in text):
        return text
    return _converter().convert(text)


def is_traditional(text: str) -> bool:
    """Return True when at least 5% of the Han characters of `text` change under Traditional → Simplified."""
    sample = text[:20_000]
    han = [ch for ch in sample if ord(ch) in _HAN]
    if not han:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, simplified) if a != b)
    return changed >= 0.05 * len(han)


__all__ = ["is_traditional", "to_simplified"]
