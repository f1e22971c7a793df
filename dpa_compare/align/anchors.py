"""Anchors: tokens that survive translation unchanged — numbers, dates, percentages, Latin words.

Each sentence becomes a set of normalised anchor strings: `n:2023` for a
number (Arabic, full-width or Chinese numerals, English number words, month
names), `w:gdpr` for a Latin-script token in Chinese text. Two sentences that
share anchors are likely translations of each other.
"""

from __future__ import annotations

import re
import unicodedata

from dpa_compare.lang.numerals import chinese_to_int

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z]")
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_EN_WORD = re.compile(r"[A-Za-z]+")

_EN_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twice": 2,
    "half": 50,
    "dozen": 12,
}
_MONTHS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november december".split(),
        1,
    )
}
# -- "may" and "march" are verbs far more often than months: only their capitalised forms count --
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})


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
        if value is not None and value > 1 and not (len(run) == 1 and run in "万亿"):
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
        elif lower in _MONTHS and (lower not in _AMBIGUOUS_MONTHS or word[0].isupper()):
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
