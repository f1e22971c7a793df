"""How a document marks the terms it defines: quoted terms and statute short forms.

`"Provider"` / `「個人資料」` quote a defined term; `(hereinafter referred to
as "the Bond")` ⇄ `（以下簡稱本公債）` introduce a short form the rest of the
text should keep.
"""

from __future__ import annotations

import re

EN_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]")
ZH_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n]{1,40})[”」』\"]")
"""A quoted term: "Provider", “提供方”, 「個人資料」."""

EN_SHORT_FORM = re.compile(
    r"\bhereinafter(?:\s+(?:referred\s+to\s+as|called|cited\s+as))?\s*(?:the\s+)?[\"“]([^\"“”\n]{1,40})[\"”]",
    re.IGNORECASE,
)
ZH_SHORT_FORM = re.compile(r"[（(]以下(?:簡稱|简称|稱|称)[「“\"]?([^」”\"）)]{1,12})[」”\"]?[）)]")
"""A short form introduced in passing: `(hereinafter "the Bond")` ⇄ `（以下簡稱本公債）`."""

__all__ = ["EN_QUOTED", "EN_SHORT_FORM", "ZH_QUOTED", "ZH_SHORT_FORM"]
