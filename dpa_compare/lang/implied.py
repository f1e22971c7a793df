"""Numbers stated in words, not numerals: `twice`, `in duplicate`, `a year`, 半價, 全額.

A translation often writes a figure one way in one language and leaves it
inside a word in the other (`furnish the documents in duplicate` ⇄ 二份,
`a 50 % discount` ⇄ 半價, `within a month` ⇄ 一個月內). QA reads these words
as weak values: they never raise a finding themselves, but they excuse the
same figure stated on the other side only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from dpa_compare.lang.numerals import CHINESE_NUMERAL_CLASS as CN_NUMERAL_CLASS
from dpa_compare.lang.numerals import chinese_to_int
from dpa_compare.lang.numwords import EN_ORDINALS

_HALF = (Decimal(50), Decimal("0.5"))
_WHOLE = (Decimal(100), Decimal(1))

_EN_WORDS: dict[str, tuple[Decimal, ...]] = {
    "twice": (Decimal(2),), "thrice": (Decimal(3),),
    "duplicate": (Decimal(2),), "triplicate": (Decimal(3),), "quadruplicate": (Decimal(4),),
    "half": _HALF, "halves": _HALF, "in full": _WHOLE,
    "quarterly": (Decimal(3),), "biennially": (Decimal(2),), "annually": (Decimal(1),),
    "hourly": (Decimal(1),), "daily": (Decimal(1),), "weekly": (Decimal(1),),
    "monthly": (Decimal(1),), "yearly": (Decimal(1),),
    "decade": (Decimal(10),), "decades": (Decimal(10),), "decennium": (Decimal(10),),
    "decennia": (Decimal(10),), "fortnight": (Decimal(14), Decimal(2)),
}  # fmt: skip
# -- "where the offenders are more than one" ⇄ 二人以上 "two or more": a count of persons, not
# "more than one month" --
_EN_MORE_THAN_ONE = re.compile(
    r"\bmore\s+than\s+one(?=\s*[,.;:)]|\s*$|\s+(?:persons?|people|part(?:y|ies)|individuals?"
    r"|members?|offenders?|doers?|entit(?:y|ies))\b)",
    re.IGNORECASE,
)
# -- an ordinal word: "the fifteenth of each month" ⇄ 每月十五日, "a second time" ⇄ 二次 --
_EN_WORDS |= {word: (Decimal(n),) for word, n in EN_ORDINALS.items()}
_EN_IMPLIED = re.compile(
    r"\b(?:" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
# -- "a year", "the day before", "each month": one of the unit, as 一年 / 前一日 / 每一個月 say --
_EN_ONE_UNIT = re.compile(
    r"\b(?:a|an|the|one|each|every|per|any)\s+"
    r"(?:(?:calendar|full|whole|previous|preceding|next|following|additional|same|current|coming"
    r"|fiscal|financial|accounting|business|working)\s+){0,2}"
    r"(?:year|month|week|day|hour)s?\b"
    # -- a rate per hour written with a slash: `0.01 mSv/h` --
    r"|(?<=[A-Za-z])/h\b",
    re.IGNORECASE,
)
# -- "a hundred", "a thousand", "a hundred thousand": the article is the one --
_EN_A_SCALE = re.compile(r"\ba\s+(hundred|thousand|million)(?:\s+(thousand|million))?\b", re.I)
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6}
# -- 一個半月, 兩年半, 二公尺半 (2.5 m), 一倍半: and a half --
_ZH_AND_A_HALF = re.compile(
    rf"({CN_NUMERAL_CLASS}{{1,3}}|兩|两)又?(?:個|个)?半(?=(?:個|个)?(?:月|年|小時|小时|日|天|週|周))"
    rf"|({CN_NUMERAL_CLASS}{{1,3}}|兩|两)"
    r"(?:年|天|日|公尺|公分|公里|公斤|公克|公噸|公吨|公升|公頃|公顷|米|倍)半"
)
_ZH_WORDS: dict[str, tuple[Decimal, ...]] = {
    "半價": _HALF, "半价": _HALF, "半數": _HALF, "半数": _HALF, "半額": _HALF, "半额": _HALF,
    "一半": _HALF, "減半": _HALF, "减半": _HALF, "折半": _HALF, "過半": _HALF, "过半": _HALF,
    "半年": (Decimal(6), Decimal("0.5")), "全額": _WHOLE, "全额": _WHOLE, "全數": _WHOLE,
    "全数": _WHOLE, "全部": _WHOLE, "十足": _WHOLE,
    "旬": (Decimal(10),),  # -- 旬報 "a ten-day report" --
}  # fmt: skip
_ZH_IMPLIED = re.compile("|".join(_ZH_WORDS))
# -- 每年 "each year", 單週 "in one week", 當年度 "that year", 同一年度 "in one year": one of the
# unit --
_ZH_ONE_UNIT = re.compile(
    r"(?:每|單|单|當|当|同一?)(?:一)?(?:個|个)?(?:年度|年|月|週|周|星期|日|天|小時|小时)"
)


def implied_numbers(text: str, lang: str) -> Iterator[tuple[int, int, Decimal]]:
    """Yield (start, end, value) for each number `text` states in a word, one per reading."""
    if lang == "zh":
        for m in _ZH_IMPLIED.finditer(text):
            for value in _ZH_WORDS[m.group()]:
                yield m.start(), m.end(), value
        for m in _ZH_ONE_UNIT.finditer(text):
            yield m.start(), m.end(), Decimal(1)
        for m in _ZH_AND_A_HALF.finditer(text):
            whole = m.group(1) or m.group(2)
            count = 2 if whole in "兩两" else chinese_to_int(whole)
            yield m.start(), m.end(), Decimal(count) + Decimal("0.5")
        return
    for m in _EN_A_SCALE.finditer(text):
        scale = _EN_SCALES[m.group(1).lower()] * _EN_SCALES.get((m.group(2) or "").lower(), 1)
        yield m.start(), m.end(), Decimal(scale)
    for m in _EN_IMPLIED.finditer(text):
        for value in _EN_WORDS[m.group().lower()]:
            yield m.start(), m.end(), value
    for m in _EN_ONE_UNIT.finditer(text):
        yield m.start(), m.end(), Decimal(1)
    for m in _EN_MORE_THAN_ONE.finditer(text):
        yield m.start(), m.end(), Decimal(2)


__all__ = ["implied_numbers"]
