"""Anchors: tokens that survive translation unchanged — numbers, dates, percentages, Latin words.

Each sentence becomes a set of normalised anchor strings: `n:2023` for a
number (Arabic, full-width or Chinese numerals, English number words, month
names), `w:gdpr` for a Latin-script token in Chinese text. Two sentences that
share anchors are likely translations of each other.
"""

from __future__ import annotations

import re
import unicodedata

from dpa_compare.lang.dates import AMBIGUOUS_MONTHS, MONTH_NAMES
from dpa_compare.lang.numerals import CHINESE_NUMERAL_CLASS, CHINESE_SCALE_CHARS, chinese_to_int
from dpa_compare.lang.numwords import EN_CARDINALS, EN_ORDINALS

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z]")
_ZH_NUMERAL = re.compile(CHINESE_NUMERAL_CLASS + "+")
_EN_WORD = re.compile(r"[A-Za-z]+")

# -- "one"/"first" and "zero" are mostly words ("one of the parties"), not numbers to match --
_EN_NUMBERS = {
    word: value
    for word, value in (EN_CARDINALS | EN_ORDINALS).items()
    if value > 1 and (value <= 10 or word in EN_CARDINALS)
} | {"twice": 2, "half": 50, "dozen": 12}
_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}


def zh_numeral_value(text: str) -> int | None:
    """Return the value of a run of Chinese numerals (二十三 → 23, 一九九八 → 1998), or None."""
    try:
        return chinese_to_int(text)
    except ValueError:
        return None


def _number_key(value: float) -> str:
    return f"n:{int(value)}" if float(value).is_integer() else f"n:{value:g}"


def _arabic(text: str) -> set[str]:
    keys = set()
    for match in _DIGITS.findall(text):
        plain = match.replace(",", "")
        try:
            keys.add(_number_key(float(plain)))
        except ValueError:
            continue
    return keys


def zh_anchors(text: str) -> frozenset[str]:
    """Return the anchors of Chinese `text` (full-width digits and letters normalised)."""
    text = unicodedata.normalize("NFKC", text)
    keys = _arabic(text)
    for run in _ZH_NUMERAL.findall(text):
        value = zh_numeral_value(run)
        # -- a lone 一 is mostly the article "a", and 万/亿 alone are words: keep real numbers --
        if value is not None and value > 1 and not (len(run) == 1 and run in CHINESE_SCALE_CHARS):
            keys.add(_number_key(value))
    keys.update(f"w:{w.lower()}" for w in _LATIN.findall(text) if len(w) > 1)
    return frozenset(keys)


def en_anchors(text: str) -> frozenset[str]:
    """Return the anchors of English `text`: numbers, number words, months, all words as `w:`."""
    text = unicodedata.normalize("NFKC", text)
    keys = _arabic(text)
    for word in _EN_WORD.findall(text):
        lower = word.lower()
        if lower in _EN_NUMBERS:
            keys.add(_number_key(_EN_NUMBERS[lower]))
        elif lower in _MONTHS and (lower not in AMBIGUOUS_MONTHS or word[0].isupper()):
            keys.add(_number_key(_MONTHS[lower]))
        if len(word) > 1:
            keys.add(f"w:{lower}")
    return frozenset(keys)


def anchors(text: str, lang: str) -> frozenset[str]:
    """Return the anchors of `text` written in `lang` ("zh" or "en")."""
    return zh_anchors(text) if lang == "zh" else en_anchors(text)


def countable(keys: frozenset[str], lang: str) -> int:
    """Return how many of `keys` count towards the anchor total of a sentence in `lang`.

    English `w:` keys are there only to be matched by Latin tokens in Chinese,
    so on the English side only numbers count.
    """
    if lang == "zh":
        return len(keys)
    return sum(1 for key in keys if key.startswith("n:"))


__all__ = ["anchors", "countable", "en_anchors", "zh_anchors", "zh_numeral_value"]
