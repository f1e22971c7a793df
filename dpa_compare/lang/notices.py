"""Notes about a text rather than text of it: translator's notices and editorial remarks.

    is_reference_notice("This English translation is for reference only.", "en")   # True
    is_editorial_note("(Remark: for the forms, please refer to pages 12-14 of the Gazette)",
                      "en")                                                         # True

A published translation often carries a notice of its own standing — "the
translation is for reference only", "in case of discrepancy the Chinese text
shall prevail" — and an editor may add a bracketed remark pointing to where
attachments are printed. Neither is text of the document, so neither has a
counterpart in the other language. Which language prevails is read by the
governing-language check itself (`qa.checks.structure`); this module says
whether a paragraph calls its own text a translation for reference, and whether
it is a bracketed editorial remark.
"""

from __future__ import annotations

import re

_EN_REFERENCE = re.compile(
    r"\b(?:translation|translated\s+(?:text|version)|(?:english|chinese)\s+(?:version|text))\b"
    r"[^.;]{0,80}?\bfor\s+(?:your\s+)?(?:reference|information)(?:\s+purposes?)?\s+only\b"
    r"|\bfor\s+reference\s+only\b[^.;]{0,40}\btranslation\b",
    re.IGNORECASE,
)
_ZH_REFERENCE = re.compile(
    r"(?:譯本|译本|譯文|译文|英文版|中文版|英文本|中文本|翻譯|翻译)[^。；]{0,20}"
    r"(?:僅供|仅供|只供)(?:參考|参考)"
)
_EN_NOTE_WORD = re.compile(
    r"(?:remarks?|notes?|editor'?s?\s+notes?|explanatory\s+notes?|n\.\s?b\.)\s*[:：]",
    re.IGNORECASE,
)
_ZH_NOTE_WORD = re.compile(r"(?:註|注|備註|备注|附註|附注|說明|说明|編者按|编者按)\s*[:：]")
_EN_POINTER = re.compile(r"\bplease\s+(?:refer|see)\b", re.IGNORECASE)
_ZH_POINTER = re.compile(r"請參閱|请参阅|請參照|请参照|詳見|详见")
_BRACKETED = re.compile(r"\s*[(（\[［](?P<inside>.*)[)）\]］][.。]?\s*", re.DOTALL)


def is_reference_notice(text: str, lang: str) -> bool:
    """Return True when `text` says that it (a translation) is for reference only."""
    pattern = _EN_REFERENCE if lang == "en" else _ZH_REFERENCE
    return bool(pattern.search(text))


def is_editorial_note(text: str, lang: str) -> bool:
    """Return True when `text` is a bracketed editorial remark (a note or a pointer elsewhere).

    The whole paragraph is in brackets and opens with a note word (`Remark:`,
    `Note:`, `註：`) or points the reader elsewhere ("please refer to", 請參閱).
    """
    m = _BRACKETED.fullmatch(text)
    if m is None:
        return False
    inside = m.group("inside").strip()
    note, pointer = (_EN_NOTE_WORD, _EN_POINTER) if lang == "en" else (_ZH_NOTE_WORD, _ZH_POINTER)
    return bool(note.match(inside) or pointer.search(inside))


__all__ = ["is_editorial_note", "is_reference_notice"]
