"""Quotations in English and Chinese: whether a sentence ends by closing one.

A translation keeps a speaker's words together: where the Chinese closes a
quotation (`……。”`, `……」`), the English closes it too (`…,' he said` aside),
so a sentence that ends in a closed quotation marks a likely boundary of an
aligned group in both languages at once. English closes with `'` `"` `’` `”`
after a stop, comma, dash or ellipsis (`…here!'`, `…tomorrow."`), which keeps a
plural possessive (`the Brothers'`) out; Chinese with `”` `’` `」` `』`.
"""

from __future__ import annotations

import re

ZH_CLOSING_QUOTES = "”’」』"
"""Characters that close a Chinese quotation."""

EN_CLOSING_QUOTES = "'\"’”"
"""Characters that close an English quotation (straight or curly)."""

_EN_CLOSED = re.compile(rf"[.!?,;:…\-—–]\s*[{EN_CLOSING_QUOTES}]$")


def ends_quotation(text: str, lang: str) -> bool:
    """Return True when `text` (one sentence in `lang`, "zh" or "en") ends by closing a quotation.

    Any other language answers False: the evidence is then simply absent.
    """
    body = text.rstrip()
    if not body:
        return False
    if lang == "zh":
        return body[-1] in ZH_CLOSING_QUOTES
    if lang == "en":
        return bool(_EN_CLOSED.search(body))
    return False


__all__ = ["EN_CLOSING_QUOTES", "ZH_CLOSING_QUOTES", "ends_quotation"]
