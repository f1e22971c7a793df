"""Dates and times in English and Chinese text, read into comparable keys.

`1 January 2025`, `January 1st, 2025`, `2025-01-01` and `2025年1月1日`
(or `二〇二五年一月一日`) all read as `2025-01-01`; a month and year
(`May 2020`, `2020年5月`) as `2020-05`; a day and month without a year as
`--05-01`. Numeric slash dates whose day and month could swap
(`03/04/2025`) keep both readings and agree with either. Times read as
24-hour `HH:MM` (`5:00 p.m.` = `下午5:00` = `17:00`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dpa_compare.lang.numwords import CN_NUMERAL_CLASS, chinese_to_decimal

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july",
               "august", "september", "october", "november", "december")  # fmt: skip
"""English month names in order, lower case."""
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
"""Month names that are ordinary words in lower case: months only when capitalised."""
_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# -- capitalised only: "may" and "march" are ordinary words in lower case --
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_MONTH = rf"(?P<month>{_MONTH_NAMES}\.?)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_OF = r"(?:of\s+(?:the\s+year\s+)?)?"  # -- "12th May of 2009" --
ROC_YEAR_OFFSET = 1911
"""A Republic of China (Minguo) year, as Taiwan prints dates, plus this is the Gregorian year."""


def roc_to_gregorian(year: int) -> int:
    """Return the Gregorian year of Minguo year `year` (民國87年 → 1998)."""
    return year + ROC_YEAR_OFFSET


_NUMERIC_ISO = re.compile(
    rf"(?<![\d/.-]){_YEAR}(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d/-])(?!\.\d)"
)
_NUMERIC_DMY = re.compile(
    rf"(?<![\d/.])(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep){_YEAR}(?![\d/])(?!\.\d)"
)

_EN_PATTERNS = (
    re.compile(
        rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:(?:day\s+)?of\s+)?{_MONTH}\s*,?\s*{_OF}{_YEAR}\b"
    ),
    re.compile(rf"\b{_MONTH}\s*,?\s+(?P<day>\d{{1,2}}){_ORD}\s*,?\s*{_OF}{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s*,?\s+{_OF}{_YEAR}\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:(?:day\s+)?of\s+)?{_MONTH}(?!\w)"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD}\b(?!\s*,?\s*\d)"),
)

_CN_NUM = rf"(?:\d{{1,4}}|{CN_NUMERAL_CLASS}{{1,4}})"
_ROC = r"(?P<roc>民國|民国)?\s*"
_ZH_PATTERNS = (
    re.compile(
        rf"{_ROC}(?P<year>\d{{2,4}}|{CN_NUMERAL_CLASS}{{2,4}})\s*年\s*(?P<month>{_CN_NUM})\s*月\s*(?P<day>{_CN_NUM})\s*[日号號]"
    ),
    re.compile(
        rf"{_ROC}(?P<year>(?(roc)\d{{2,4}}|\d{{4}})|(?(roc){CN_NUMERAL_CLASS}{{2,4}}|{CN_NUMERAL_CLASS}{{4}}))\s*年\s*(?P<month>{_CN_NUM})\s*月(?!\s*(?:内|以内|之内))"
    ),
    re.compile(
        rf"(?<![个個\d{CN_NUMERAL_CLASS[1:-1]}])(?P<month>{_CN_NUM})\s*月\s*(?P<day>{_CN_NUM})\s*[日号號]"
    ),
)

# -- the first day of a range sharing its month: "1–15 January 2025", "January 1–15, 2025",
# "1月1日至15日" --
_EN_RANGE_BEFORE = re.compile(
    r"(?<![\d.,:/])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|through|and)\s*$"
)
_EN_RANGE_AFTER = re.compile(
    r"\s*(?:-|–|—|to|until|through)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[:.]\d|[ap]\.?m\b))"
)
_EN_MONTH_RANGE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD}(?P<sep>\s*(?:-|–|—|to|until|through)\s*)(?P<day2>\d{{1,2}}){_ORD}\s*,?\s*{_YEAR}\b"
)
_ZH_RANGE_AFTER = re.compile(
    rf"\s*(?:至|到|-|–|—|~|～)\s*(?P<day>\d{{1,2}}|{CN_NUMERAL_CLASS}{{1,3}})\s*[日号號]"
)

_TIME = re.compile(
    r"(?P<pre>上午|下午|晚上|中午|凌晨|午前|午後|午后)?\s*(?<![\d:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?(?![a-z])))?",
    re.IGNORECASE,
)

# -- a whole hour: "5 p.m.", "5pm", "下午5点", "17时", "下午三点三十分" (Chinese numerals
# only after 上午/下午…) --
_EN_HOUR = re.compile(
    r"(?<![\d:.,])(?P<h>\d{1,2})\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z])", re.IGNORECASE
)
# -- 十時 … 二十四時 on the 24-hour clock need no 上午/下午 (a single 一時 is "for a while") --
_CN_HOUR_24 = "(?:十[一二三四五六七八九]?|二十[一二三四]?)"
# -- the part of the day before a Chinese hour: 午後十時 "ten in the evening", 翌晨六時 --
_ZH_DAY_PART = (
    "上午|下午|晚上|中午|凌晨|午前|午後|午后|早上|早晨|清晨|翌晨|次晨|晚間|晚间|夜間|夜间|傍晚"
)
_ZH_PM = frozenset({"下午", "晚上", "午後", "午后", "晚間", "晚间", "夜間", "夜间", "傍晚"})
_ZH_AM = frozenset({"上午", "凌晨", "午前", "早上", "早晨", "清晨", "翌晨", "次晨"})
_ZH_HOUR = re.compile(
    rf"(?P<pre>{_ZH_DAY_PART})?\s*(?<![\d.])(?P<h>(?(pre)(?:\d{{1,2}}|{CN_NUMERAL_CLASS}{{1,3}})|(?:\d{{1,2}}|(?<!{CN_NUMERAL_CLASS}){_CN_HOUR_24}(?=[时時]))))\s*[点點时時](?![間间期效候段])"
    rf"(?:\s*(?P<m>\d{{1,2}}|{CN_NUMERAL_CLASS}{{1,3}})\s*分)?(?![钟鐘])"
)

# -- a small hour with no part of the day, where only a time can stand: 當日八時, 於九時, 至六時
# (a bare 一時 is "for a while") --
_ZH_SMALL_HOUR = re.compile(
    r"(?<=[日於于至起])\s*(?P<h>[一二三四五六七八九])\s*[时時](?![間间期效候段刻])"
    r"(?:\s*(?P<m>[一二三四五六七八九十]{1,3})\s*分)?(?![钟鐘])"
)

# -- one day of several months: "the 15th of January, March and May" ⇄ 一月、三月及五月之十五日 --
_EN_DAY_OF_MONTHS = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:day\s+)?of\s+(?P<months>{_MONTH}"
    rf"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:{_MONTH_NAMES}\.?))+)(?!\s*,?\s*\d)"
)
_ZH_MONTH_LIST_SEP = r"\s*(?:、|，|,|及|與|与|和|或)\s*"
_ZH_DAY_OF_MONTHS = re.compile(
    rf"(?<![个個\d{CN_NUMERAL_CLASS[1:-1]}])(?P<months>{_CN_NUM}\s*月(?:{_ZH_MONTH_LIST_SEP}{_CN_NUM}\s*月)+)"
    rf"\s*之?\s*(?P<day>{_CN_NUM})\s*[日号號]"
)
_ONE_MONTH = {
    "en": re.compile(_MONTH_NAMES + r"\b"),
    "zh": re.compile(rf"(?P<m>{_CN_NUM})\s*月"),
}


# -- "ten o'clock in the evening", "six o'clock in the next morning", "eight o'clock" (either
# half of the day) --
_EN_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_EN_OCLOCK = re.compile(
    r"(?<![\d:.,])\b(?P<h>\d{1,2}|" + "|".join(_EN_HOUR_WORDS) + r")\s*o['’]\s?clock\b"
    r"(?:\s+(?:(?P<am>in\s+the\s+(?:next\s+|following\s+)?morning)"
    r"|(?P<pm>in\s+the\s+(?:afternoon|evening)|at\s+night|p\.?m\.?(?![a-z]))"
    r"|(?P<am2>a\.?m\.?(?![a-z]))|(?P<noon>noon)|(?P<midnight>midnight)))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date or time found in text: its keys (first = preferred reading), kind and span."""

    kind: str  # -- "date" | "time" --
    keys: tuple[str, ...]
    text: str
    start: int
    end: int


def find_dates(text: str, lang: str) -> list[DateMatch]:
    """Return the dates and times in `text` (digits already ASCII), without overlaps, in text
    order."""
    from dpa_compare.qa.text import Spans

    found: list[DateMatch] = []
    taken = Spans()
    for match in _candidates(text, lang):
        if not taken.free(match.start, match.end):
            continue
        found.append(match)
        taken.add(match.start, match.end)
    for match in [partner for date in found for partner in _range_partners(text, lang, date)]:
        if taken.free(match.start, match.end):
            found.append(match)
            taken.add(match.start, match.end)
    return sorted(found, key=lambda m: m.start)


def _range_partners(text: str, lang: str, date: DateMatch) -> Iterator[DateMatch]:
    """Yield the other end of a day range that shares `date`'s month and year ("1–15 January" → the
    1st)."""
    if (
        date.kind != "date"
        or len(date.keys) != 1
        or len(date.keys[0].rsplit("-", 2)[-1]) != 2
        or date.keys[0].count("-") < 2
    ):
        return
    head = date.keys[0][: -len("DD")]
    if lang == "zh":
        after = _ZH_RANGE_AFTER.match(text, date.end)
        candidates = [(after, after.start("day"), after.end())] if after else []
    else:
        before = (
            _EN_RANGE_BEFORE.search(text, max(0, date.start - 80), date.start)
            if date.text[:1].isdigit()
            else None
        )
        after = _EN_RANGE_AFTER.match(text, date.end) if not date.text[:1].isdigit() else None
        candidates = [
            (m, m.start("day"), m.end() if m is after else m.end("day"))
            for m in (before, after)
            if m
        ]
    for match, start, end in candidates:
        day = _number(match["day"])
        key = _key(*_ymd(head), day) if day is not None else None
        if key:
            yield DateMatch("date", (key,), text[start:end], start, end)


def _ymd(head: str) -> tuple[int | None, int]:
    """Return (year, month) of a key head `YYYY-MM-` or `--MM-`."""
    year, month = head.rstrip("-").rsplit("-", 1)
    return (int(year) if year.strip("-") else None), int(month)


def _candidates(text: str, lang: str) -> Iterator[DateMatch]:
    yield from _days_of_months(text, lang)
    for match in _NUMERIC_ISO.finditer(text):
        key = _key(int(match["year"]), int(match["m"]), int(match["d"]))
        if key:
            yield DateMatch("date", (key,), match.group(), match.start(), match.end())
    for match in _NUMERIC_DMY.finditer(text):
        keys = _slash_keys(int(match["a"]), int(match["b"]), int(match["year"]), match["sep"])
        if keys:
            yield DateMatch("date", keys, match.group(), match.start(), match.end())
    if lang != "zh":
        yield from _month_ranges(text)
    patterns = _ZH_PATTERNS if lang == "zh" else _EN_PATTERNS
    for pattern in patterns:
        for match in pattern.finditer(text):
            key = _from_groups(match, lang)
            if key:
                yield DateMatch("date", (key,), match.group(), match.start(), match.end())
    for match in _TIME.finditer(text):
        key = _time_key(match)
        if key:
            yield DateMatch("time", (key,), match.group().strip(), match.start(), match.end())
    hours = (_ZH_HOUR, _ZH_SMALL_HOUR) if lang == "zh" else (_EN_HOUR,)
    for match in (m for pattern in hours for m in pattern.finditer(text)):
        key = _time_key(match)
        if key:
            yield DateMatch("time", (key,), match.group().strip(), match.start(), match.end())
    if lang != "zh":
        for match in _EN_OCLOCK.finditer(text):
            keys = _oclock_keys(match)
            if keys:
                yield DateMatch("time", keys, match.group().strip(), match.start(), match.end())


def _days_of_months(text: str, lang: str) -> Iterator[DateMatch]:
    """Yield one date per month of "the 15th of January, March and May" (一月、三月之十五日)."""
    for match in (_ZH_DAY_OF_MONTHS if lang == "zh" else _EN_DAY_OF_MONTHS).finditer(text):
        day = _number(match["day"])
        months = list(_ONE_MONTH[lang].finditer(text, match.start("months"), match.end("months")))
        for i, month_match in enumerate(months):
            name = month_match.group().rstrip(".")
            month = _number(month_match["m"]) if lang == "zh" else _MONTHS.get(name.lower())
            key = _key(None, month, day)
            if key is None:
                break
            # -- the first month carries the day in English, the last in Chinese --
            start = match.start() if i == 0 and lang != "zh" else month_match.start()
            end = match.end() if i == len(months) - 1 and lang == "zh" else month_match.end()
            yield DateMatch("date", (key,), text[start:end], start, end)


def _oclock_keys(match: re.Match[str]) -> tuple[str, ...]:
    """Return the 24-hour readings of "ten o'clock in the evening": one with the part of the day,
    both halves of the day without it ("six o'clock": 06:00 or 18:00)."""
    word = match["h"].lower()
    hour = int(word) if word.isdigit() else _EN_HOUR_WORDS[word]
    if not 1 <= hour <= 12:
        return ()
    if match["midnight"]:
        return ("00:00", "24:00")
    if match["noon"]:
        return ("12:00",)
    if match["pm"]:
        night_before_dawn = hour < 5 and "night" in match["pm"].lower()
        return (f"{hour % 12 + (0 if night_before_dawn else 12):02d}:00",)
    if match["am"] or match["am2"]:
        return (f"{hour % 12:02d}:00",)
    return tuple(dict.fromkeys((f"{hour:02d}:00", f"{hour % 12 + 12:02d}:00")))


def _month_ranges(text: str) -> Iterator[DateMatch]:
    """Yield both ends of "January 1–15, 2025": the first day and the second, each with the year."""
    for match in _EN_MONTH_RANGE.finditer(text):
        month, year = _MONTHS[match["month"].rstrip(".").lower()], int(match["year"])
        first, last = _key(year, month, int(match["day"])), _key(year, month, int(match["day2"]))
        if first and last:
            yield DateMatch(
                "date",
                (first,),
                text[match.start() : match.end("day")],
                match.start(),
                match.end("day"),
            )
            yield DateMatch(
                "date",
                (last,),
                text[match.start("day2") : match.end()],
                match.start("day2"),
                match.end(),
            )


def _from_groups(match: re.Match[str], lang: str) -> str | None:
    groups = match.groupdict()
    year = _number(groups.get("year")) if groups.get("year") else None
    if lang == "zh" and year is not None and year < 1000:
        year = roc_to_gregorian(year)  # -- as Taiwan's laws print dates: 民國99年 = 2010 --
    day = _number(groups.get("day")) if groups.get("day") else None
    if lang == "zh":
        month = _number(groups["month"])
    else:
        month = _MONTHS.get(groups["month"].rstrip(".").lower())
    if month is None:
        return None
    return _key(year, month, day)


def _number(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        return int(token)
    try:
        return int(chinese_to_decimal(token))
    except ValueError:
        return None


def _key(year: int | None, month: int | None, day: int | None) -> str | None:
    """Return `YYYY-MM-DD`, `YYYY-MM` or `--MM-DD`, or None for an impossible date."""
    if month is None or not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= _days_in(month, year):
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day is not None else None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _days_in(month: int, year: int | None) -> int:
    if month == 2:
        return (
            29 if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
        )
    return 30 if month in (4, 6, 9, 11) else 31


def _slash_keys(a: int, b: int, year: int, sep: str) -> tuple[str, ...]:
    """Return the readings of `a/b/year`: day first (and month first when that is possible too)."""
    day_first = _key(year, b, a)
    month_first = _key(year, a, b) if sep == "/" else None
    keys = [k for k in (day_first, month_first) if k]
    return tuple(dict.fromkeys(keys))


def _time_key(match: re.Match[str]) -> str | None:
    """Return `HH:MM` (24-hour) for a time match with groups `h`, optional `m`, `ampm` and `pre`;
    None if impossible."""
    groups = match.groupdict()
    hour, minute = _number(groups["h"]), _number(groups.get("m")) if groups.get("m") else 0
    if hour is None or minute is None:
        return None
    ampm = (groups.get("ampm") or "").lower()
    pre = groups.get("pre") or ""
    if ampm.startswith("p") or pre in _ZH_PM:
        hour = hour + 12 if hour < 12 else hour
    elif (ampm.startswith("a") or pre in _ZH_AM) and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


__all__ = ["DateMatch", "find_dates"]
