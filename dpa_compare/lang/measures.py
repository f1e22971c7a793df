"""Words around a number that say what it is: a version, a label, a rank, a count of things.

QA compares the quantities a translation must keep; these patterns tell
it which numbers are not quantities (`v2`, `第2版`, `Class 2`, `10th grade`)
and which small Chinese numbers still count (二人, 三次).
"""

from __future__ import annotations

import re

from dpa_compare.lang.numerals import CHINESE_NUMERAL_CHARS

VERSION = re.compile(
    r"(?<![A-Za-z])[vV]\.?\s?\d+(?:\.\d+)*(?![\d.])|\b(?i:version|release|edition|rev\.?)\s+\d+(?:\.\d+)*"
    r"|第\s*\d+(?:\.\d+)*\s*版|\d+(?:\.\d+)*\s*版(?!权|權|本)|版本\s*\d+(?:\.\d+)*"
)
"""A version: `v2`, `version 3.1`, `第2版`, `2版` — a name, not a quantity."""

VERSION_CAPTION = re.compile(
    r"(?i:version|version\s+(?:no\.?|number)|release|edition|revision|rev\.?)\s*[:：]?|版本|版次|版本號|版本号"
)
"""A line that only announces a version (`Version`, `Rev.:`, `版本`): the bare number on the next
line is that version (`1.0`), not a clause number. Match with `fullmatch` on the stripped line."""

NOT_ONE_AFTER = "同统統唯任每逐某其之单單专專第万萬划劃前近次隔"
"""After these, 一 is "the/each/same" as often as a count (前一日 "the day before")."""

NOT_ONE_AFTER_WORD = re.compile(r"(?:未來|未来|(?<!以)[上下])\s*$")
"""Before 一, a word that makes it "the next/last" (下一年度, 未來一年 "the coming year"), not a
count; 以上一年以下 keeps its count."""

CALENDAR_MONTH_AFTER = re.compile(
    r"\s*月(?!\s*(?:以上|以下|以內|以内|之內|之内|內|内|為限|为限|期間|期间|有期|徒刑))"
)
"""After a number up to twelve: a month of the calendar (十二月底, 七月至十二月), not six months
(六月以下有期徒刑)."""

SCALE_AS_UNIT_AFTER = re.compile(r"\s*(?:元|圓|美元|位|單位|单位|人|股)")
"""After a scale character standing alone (新臺幣千元 "in thousands of NT dollars"): the scale is a
unit of account, not a figure."""

METRIC_PREFIX_UNIT = re.compile(r"[千百十]?(?:瓦|克|米|卡|伏|焦|帕|赫|位元組|位元|公尺|公克)")
"""After 千 (or another place unit) closing a numeral: a metric prefix of the unit (一萬千瓦 is
10,000 kW, 五千克 is 5 kg), so the numeral ends before it."""

LABEL_WORD_BEFORE = re.compile(
    r"\b(?:class(?:es)?|types?|categor(?:y|ies)|grades?|levels?|tiers?|groups?|phases?|stages?|form"
    r"|table|attachment|schedule|chapter|part|no\.|number|ranks?)\s*[-–]?\s*$"
    # -- and the bracketed echo of a worded one: "grade nine (9)" ⇄ 第九職等 --
    r"|\b(?:class|category|grade|level|tier|rank)\s+[a-z]+(?:-[a-z]+)?\s*[(（]\s*$"
    # -- and the next of a list of them: "Grade 6 or 7", "Rank 13 to 14" --
    r"|\b(?:class(?:es)?|categor(?:y|ies)|grades?|levels?|tiers?|ranks?)\s+\d+\s*(?:or|to|-|–)\s*$",
    re.IGNORECASE,
)
"""A label word just before a number: the number is the label's (`Class 2` ⇄ 第二類)."""

CITED_ITEM_BEFORE = re.compile(
    r"\b(?:mentioned|referred\s+to|specified|stated|listed|enumerated|described|prescribed"
    r"|provided(?:\s+for)?|set\s+(?:out|forth)|stipulated)\s+(?:in|under)\s*$",
    re.IGNORECASE,
)
CITED_ITEM_AFTER = re.compile(
    r"\s*(?:$|[,.;:)]|\s(?:above|below|hereof|herein|of\s+(?:this|the|paragraph|article)\b))",
    re.IGNORECASE,
)
"""A bare number cited by the words before it and closing the phrase (`the lands mentioned in 3,`,
`as set out in 2 above`): an item of the list cited by its number, not a quantity."""

RANK_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b(?:\s*(?:to|or|and|-|–)\s*\d+(?:st|nd|rd|th)\b)?"
    r"[\s-]*(?:grade|rank|level|class|session|term|edition|place)s?\b",
    re.IGNORECASE,
)
"""After an ordinal digit: a rank (`7th grade`, `7th to 8th grade` ⇄ 第七職等), not a quantity."""

CLASSIFIERS = frozenset("人名位次件個个份張张家所項项")
"""Measure words after a Chinese number that make it a count of things, compared even when small."""

# -- words that contain a numeral but are not a count: 四周 "all around", 一律 "uniformly" --
_NUMERAL_WORDS = (
    "一律", "一致", "一切", "一般", "一併", "一并", "一旦", "一經", "一经", "一概", "一貫", "一贯",
    "一再", "一同", "一起", "一些", "一面", "一方面", "一向", "一直", "一味", "一體", "一体",
    "一定", "一時", "一时", "一樣", "一样", "一帶", "一带", "一連串", "一连串", "統一", "统一",
    "唯一", "同一", "劃一", "划一", "逐一", "萬一", "万一", "不一",
    "四周", "四週", "四處", "四处", "四面", "再三", "百姓", "百貨", "百货",
    "第三人", "第三者", "第三方",
)  # fmt: skip
# -- 四周 is a duration ("four weeks", as Simplified Chinese writes 周) where a duration would be:
#    after 滿/為期/每/約, before 內/以內/後/前/以上/以下 --
_DURATION_AROUND = re.compile(r"(?:滿|满|為期|为期|每|約|约|歷時|历时|經過|经过|逾)\s*$")
_DURATION_AFTER = re.compile(
    r"\s*(?:內|内|以內|以内|之內|之内|後|后|前|以上|以下|為限|为限|期間|期间|左右|起|屆滿|届满)"
)
NUMERAL_WORD = re.compile("|".join(sorted(_NUMERAL_WORDS, key=len, reverse=True)))
"""A word with a numeral in it that states no number (一律, 四周, 第三人)."""


def numeral_words(text: str) -> list[tuple[int, int]]:
    """Return the spans of words in Chinese `text` whose numeral is no count (一律, 一致, 四周).

    Such a word is lexicalised: 四周牆壁 "the surrounding walls", 一律 "uniformly",
    一致 "unanimous". 四周 stays "four weeks" where a duration would stand
    (滿四周, 四周內).
    """
    spans = []
    for match in NUMERAL_WORD.finditer(text):
        if _inside_a_numeral(text, match.start(), match.end()):
            continue  # -- 十四周 "fourteen weeks", 十萬一千 "101,000" --
        if match.group() in ("四周", "四週") and (
            _DURATION_AROUND.search(text[max(0, match.start() - 4) : match.start()])
            or _DURATION_AFTER.match(text, match.end())
        ):
            continue
        spans.append(match.span())
    return spans


def _inside_a_numeral(text: str, start: int, end: int) -> bool:
    """Return True when the word at `start`–`end` continues a numeral on either side."""
    numeral = CHINESE_NUMERAL_CHARS + "0123456789"
    word = text[start:end]
    return (word[0] in numeral and start > 0 and text[start - 1] in numeral) or (
        word[-1] in numeral and end < len(text) and text[end] in numeral
    )


ORDINAL_VALUE_AFTER = re.compile(
    r"\s*(?:年度|年|個月|个月|月|週|周|日|天|次|屆|届|期|號|号|順位|顺位|代|輪|轮|季|胎|名)"
)
"""After 第N: a unit that makes the ordinal a value (第十一年 "the 11th year", 第十七號 "No. 17"),
not a structural label like 第N條 / 第N項 / 第N款 (clauses are cross-references)."""

GLUED_MEASURE_UNIT = re.compile(
    r"(?:cm|mm|km|m|kg|mg|g|ml|ha|kW|kw|KW|kWh|kwh|MW|GW|kV|Hz|kHz|MHz|GHz|dB|ppm|ppb|m2|m3|m²|m³"
    r"|tons?|tonnes?|t|Bq|kBq|MBq|GBq|TBq|Sv|mSv|μSv|uSv|Gy|mGy|L|cc)(?![A-Za-z0-9])"
    # -- a unit per something (`185Bq/detector`, `0.05g/lamp`), a square/cube sign (`177c㎡`) --
    r"|[A-Za-z]{1,4}(?=/[A-Za-z])|[A-Za-z]?[㎡㎠㎥㎏㎎㎜㎝㎞㏄㎖㎘ℓ℃]"
)
"""A unit of measure written right after its figure (`96.5cm`, `20kg`, `50ton`, `177c㎡`): the
figure is a quantity."""

METRIC_MEGA_AFTER = re.compile(r"\s?(?P<prefix>[MG])(?:W|Wh|V|VA)(?![A-Za-z])")
"""After a figure: a unit in mega or giga (`1,000MW`), which the other language may give in kilo
(一百萬瓩, 10⁶ kW)."""

WORD_GLUED_BEFORE = re.compile(
    r"\b(?:to|and|or|below|above|over|under|than|of|within|least|most|exceeding|about|by)$"
)
"""A word run into the figure after it by a lost space (`below50 kg`, `8 to12`): the figure is
still a quantity."""

ATTRIBUTIVE_DURATION = {
    "en": re.compile(r"-\s*(?:year|month|week|day|hour)\s+[a-z]", re.IGNORECASE),
    "zh": re.compile(r"(?:年|個月|个月)(?:學制|学制|制)"),
}
"""After a number: a duration used as a modifier (`a two-year programme`, 四年學制 "a four-year
course"). It names a kind of thing; a translation may name the thing instead."""

__all__ = [
    "ATTRIBUTIVE_DURATION",
    "CALENDAR_MONTH_AFTER",
    "METRIC_MEGA_AFTER",
    "METRIC_PREFIX_UNIT",
    "NOT_ONE_AFTER_WORD",
    "SCALE_AS_UNIT_AFTER",
    "WORD_GLUED_BEFORE",
    "CITED_ITEM_AFTER",
    "CITED_ITEM_BEFORE",
    "CLASSIFIERS",
    "GLUED_MEASURE_UNIT",
    "LABEL_WORD_BEFORE",
    "NOT_ONE_AFTER",
    "NUMERAL_WORD",
    "ORDINAL_VALUE_AFTER",
    "RANK_AFTER",
    "VERSION",
    "VERSION_CAPTION",
    "numeral_words",
]
