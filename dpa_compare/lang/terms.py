"""How a document marks the terms it defines: quoted terms and statute short forms.

`"Provider"` / `「個人資料」` quote a defined term; `(hereinafter referred to
as "the Bond")` ⇄ `（以下簡稱本公債）` introduce a short form the rest of the
text should keep.
"""

from __future__ import annotations

import re

from dpa_compare.lang.script import HAN

EN_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]")
ZH_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n]{1,40})[”」』\"]")
"""A quoted term: "Provider", “提供方”, 「個人資料」."""

EN_SHORT_FORM = re.compile(
    r"\bhereinafter(?:\s+(?:referred\s+to\s+as|called|cited\s+as))?\s*(?:the\s+)?[\"“]([^\"“”\n]{1,40})[\"”]",
    re.IGNORECASE,
)
ZH_SHORT_FORM = re.compile(r"[（(]以下(?:簡稱|简称|稱|称)[「“\"]?([^」”\"）)]{1,12})[」”\"]?[）)]")
"""A short form introduced in passing: `(hereinafter "the Bond")` ⇄ `（以下簡稱本公債）`."""

ZH_GLOSS = re.compile(
    rf"(?<=[{HAN}])[ \t]*[（(][ \t]*([A-Za-z][A-Za-z0-9 ,，、./&'’-]{{0,60}}?)[ \t]*[）)]"
)
"""The original English of a Chinese term, in brackets right after it: 背對背方式（back to back），
阻斷服務攻擊（denial-of-service attack，DoS）. A gloss the translator keeps on purpose, not English
left untranslated; `GLOSS_MAX_WORDS` bounds it so that a sentence in brackets is still reported."""

GLOSS_MAX_WORDS = 6
"""The most English words a bracketed gloss holds."""


def glosses(text: str) -> list[tuple[int, int]]:
    """Return the spans (brackets included) of the English glosses of `text`."""
    return [
        match.span()
        for match in ZH_GLOSS.finditer(text)
        if len(re.findall(r"[A-Za-z]+", match.group(1))) <= GLOSS_MAX_WORDS
    ]


__all__ = [
    "EN_QUOTED",
    "EN_SHORT_FORM",
    "GLOSS_MAX_WORDS",
    "ZH_GLOSS",
    "ZH_QUOTED",
    "ZH_SHORT_FORM",
    "glosses",
]
