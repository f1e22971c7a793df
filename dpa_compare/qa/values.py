"""Comparable values in English and Chinese clause text: numbers, percentages, amounts, durations,
dates.

`extract_values(text, lang)` reads every quantity a translation must keep,
normalised so that the two languages compare equal:

    >>> [v.label for v in extract_values("within thirty (30) days", "en")]
    ['30 day']
    >>> [v.label for v in extract_values("三十日内", "zh")]
    ['30 day']

Clause numbers and cross-references (`Section 7.2`, `第五条第二款`, `附件二`),
URLs and e-mail addresses are masked first: they belong to other checks.
Regulation numbers (`2016/679`) and standards (`ISO 27001`) are kept whole
as identifiers. A bare Chinese numeral of one character (`一方`) or an
English number word with nothing around it (`one or more`) is *weak*: it is
too often not a quantity to demand its twin, but it may vouch for one
(`two (2) copies` ⇄ `一式两份`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from dpa_compare.lang.dates import find_dates, roc_to_gregorian
from dpa_compare.lang.implied import implied_numbers
from dpa_compare.lang.measures import (
    ATTRIBUTIVE_DURATION,
    CALENDAR_MONTH_AFTER,
    CITED_ITEM_AFTER,
    CITED_ITEM_BEFORE,
    CLASSIFIERS,
    GLUED_MEASURE_UNIT,
    LABEL_WORD_BEFORE,
    METRIC_MEGA_AFTER,
    METRIC_PREFIX_UNIT,
    NOT_ONE_AFTER,
    NOT_ONE_AFTER_WORD,
    ORDINAL_VALUE_AFTER,
    RANK_AFTER,
    SCALE_AS_UNIT_AFTER,
    VERSION,
    WORD_GLUED_BEFORE,
    numeral_words,
)
from dpa_compare.lang.numerals import scientific_notation
from dpa_compare.lang.numwords import (
    CN_DIGITS,
    CN_NUMERAL_CLASS,
    CN_SCALE_VALUES,
    EN_FRACTION_WORDS,
    EN_NUMBER_WORDS,
    EN_SCALE_VALUES,
    ZH_DECIMAL_POINTS,
    canonical,
    chinese_to_decimal,
    digits_to_decimal,
    english_fraction,
    english_words_to_int,
)
from dpa_compare.qa.refs import find_refs
from dpa_compare.qa.text import Spans, find_emails, find_urls, normalise

ValueKind = str  # -- number | percent | amount | duration | date | time | identifier --
QUANTITY_KINDS = ("number", "percent", "amount", "duration", "time", "identifier")

_DIGITS_ATOM = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)")
# -- continental style: dots group thousands, a comma marks decimals (`1.000.000,00`, `1.500,50`,
# `1,5 million`) --
_CONTINENTAL_ATOM = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3}){2,}(?:,\d{1,2})?|\d{1,3}(?:\.\d{3})+,\d{1,2}"
    r"|\d+,\d{1,2}(?=\s?(?:million|billion|thousand|mn|bn|Mio\b|万|亿|萬|億)))(?![\d.,]?\d)"
)
# -- thousands grouped by a space (`10 000 EUR`): a no-break or thin space always, a plain one only
# beside a currency --
_SPACED_ATOM = re.compile(
    r"(?<![\d.,])(?<!\d[ \u00a0\u202f\u2009])\d{1,3}(?:[ "
    r"\u00a0\u202f\u2009]\d{3})+(?:[.,]\d{1,2})?(?![\d.,]?\d)"
)
# -- `3/4`, and a scale or a small share with a grouped or round denominator: `1/5,000`,
# `5/100,000` --
_FRACTION_DIGITS = re.compile(
    r"(?<![\d/.,])(?P<n>\d{1,2})/(?P<d>\d{1,3}(?:,\d{3})+|\d{1,2}|[1-9]0{2,})(?![\d/]|,\d)"
)
_CN_DECIMAL = rf"{CN_NUMERAL_CLASS}+(?:[{ZH_DECIMAL_POINTS}][{CN_DIGITS}]+)?"
_CN_ATOM = re.compile(_CN_DECIMAL)
_IDENTIFIERS = (
    # -- ASCII-only boundaries: `\b` fails where Chinese touches the code (`第2010/87/EU号`,
    # `和ISO/IEC 27001认证`) --
    re.compile(r"(?<![\d/])\d{2,4}/\d{1,4}/(?:EC|EU|EEC|JHA)(?![A-Za-z])"),
    re.compile(r"(?<![\d/.])\d{4}/\d{1,4}(?![\d/])"),
    re.compile(
        r"(?<![A-Za-z/])(?:ISO/IEC|ISO|IEC|GB/T|GB|CNS|JIS|NIST\s?SP|BS|SOC|PCI\s?DSS|SSAE|ISAE)\s?\d+(?:[-.:]\d+)*(?:-\d+)?"
    ),
    re.compile(r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}"),
)
_PERCENT_CN = re.compile(rf"百分之\s*(?P<n>\d+(?:\.\d+)?|{_CN_DECIMAL})")
_FRACTION_CN = re.compile(
    rf"(?<!百)(?P<d>\d+|{CN_NUMERAL_CLASS}+)分之(?P<n>\d+|{CN_NUMERAL_CLASS}+)"
)
_LETTER_BEFORE = re.compile(r"([A-Za-z$€£¥]+)\s*$")
_DOLLAR = "DOLLAR"
"""A bare `$` or `dollars`: the dollar last named in the text (`NT$ 200,000 to $1,000,000`), else
any dollar."""
_DOLLAR_CURRENCIES = frozenset({"USD", "TWD", "HKD", "SGD", "AUD", "CAD"})
# -- "NT 20 million dollars": the country written before the figure, the dollar after it --
_NT_BEFORE = re.compile(r"(?<![A-Za-z])NT\$?\s*$")
_CURRENCY_CODES = {
    "USD": "USD", "US$": "USD", "U.S.$": "USD", "$": _DOLLAR, "EUR": "EUR", "€": "EUR",
    "GBP": "GBP", "£": "GBP", "RMB": "CNY", "CNY": "CNY", "¥": "CNY", "HK$": "HKD",
    "HKD": "HKD", "JPY": "JPY", "CHF": "CHF", "SGD": "SGD", "AUD": "AUD", "CAD": "CAD",
    "人民币": "CNY", "美元": "USD", "欧元": "EUR", "歐元": "EUR", "英镑": "GBP", "英鎊": "GBP",
    "港币": "HKD", "港幣": "HKD", "港元": "HKD", "日元": "JPY",
    "NT$": "TWD", "NTD": "TWD", "TWD": "TWD", "新臺幣": "TWD", "新台幣": "TWD", "新台币": "TWD",
}  # fmt: skip
_PREFIX_CURRENCY = re.compile(
    r"(?:USD|US\$|U\.S\.\$|HK\$|NT\s?\$|NTD|TWD|\$|EUR|€|GBP|£|RMB|CNY|¥|HKD|JPY|CHF|SGD|AUD|CAD"
    r"|人民币|美元|欧元|歐元|英镑|港币|港元|日元|新臺幣|新台幣|新台币)\s*$"
)
_EN_SUFFIX_CURRENCY = {
    r"(?:New\s+)?Taiwan\s+dollars?|NT\$?\s*dollars?|NTD|TWD": "TWD",
    r"(?:US|U\.S\.)\s+dollars?": "USD",
    r"dollars?": _DOLLAR,
    r"euros?": "EUR",
    r"pounds?(?:\s+sterling)?": "GBP",
    r"RMB|yuan|renminbi|CNY": "CNY",
    r"USD": "USD",
    r"EUR": "EUR",
    r"GBP": "GBP",
    r"HKD": "HKD",
    r"JPY": "JPY",
}
_ZH_SUFFIX_CURRENCY = {
    r"美元|美金": "USD", r"欧元|歐元": "EUR", r"英镑|英鎊": "GBP", r"港元|港币|港幣": "HKD",
    r"日元": "JPY", r"元人民币": "CNY", r"元|圆|圓": "YUAN",
}  # fmt: skip
_EN_UNITS = {
    r"(?:calendar\s*-?\s*)?days?": "day", r"(?:business|working)\s*-?\s*days?": "business day",
    r"hours?|hrs?|h": "hour", r"minutes?|mins?": "minute", r"weeks?": "week",
    r"(?:calendar\s*-?\s*)?months?": "month",
    r"(?:(?:fiscal|financial|accounting|calendar)\s+)?years?": "year",
}  # fmt: skip
_ZH_UNITS = {
    r"(?:个|個)?(?:工作日|营业日|營業日)": "business day",
    r"(?:个|個)?(?:小时|小時)|钟头|鐘頭": "hour",
    r"分钟|分鐘": "minute",
    r"(?:个|個)?(?:自然日|日历日|日曆日|历日)|天|日": "day",
    r"(?:个|個)?(?:星期|礼拜|禮拜)|周|週": "week",
    r"(?:个|個)月": "month",
    r"年": "year",
}
_DAY_OF_MONTH = re.compile(r"(?:每月|每个月|每個月|本月|当月|當月|次月|下月|上月|月)\s*$")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")


# -- the suffix and unit tables compiled once: (pattern matched right after a number, currency code
# / unit) --
_SUFFIX_CURRENCY = {
    "en": tuple(
        (re.compile(rf"\s*(?:{p})(?:整)?\b", re.IGNORECASE), code)
        for p, code in _EN_SUFFIX_CURRENCY.items()
    ),
    "zh": tuple(
        (re.compile(rf"\s*(?:{p})(?:整)?"), code) for p, code in _ZH_SUFFIX_CURRENCY.items()
    ),
}
_UNITS = {
    "en": tuple(
        (re.compile(rf"\s*-?\s*(?:{p})\b", re.IGNORECASE), unit) for p, unit in _EN_UNITS.items()
    ),
    "zh": tuple((re.compile(rf"\s*(?:{p})"), unit) for p, unit in _ZH_UNITS.items()),
}
_PERCENT = re.compile(r"\s*(?:%|％|per\s?cent\b|percent\b|per centum\b)", re.IGNORECASE)
_PER_MILLE = re.compile(r"\s*(?:‰|per\s?mille\b|per\s?mil\b)", re.IGNORECASE)
_CN_SCALE_AFTER_DIGITS = re.compile(r"\s?(万亿|千万|百万|十万|万|亿|萬|億)")
# -- "fifty thousands NT dollars", "fifteen millions": the plural is a common slip --
_EN_SCALE = re.compile(r"\s*(thousand|million|billion|mn|bn)(?<!mn|bn)s?\b", re.IGNORECASE)
# -- `USD 1m`, `EUR 2.5m`, `$500k`: one-letter scales, read only right after an amount's currency --
_MONEY_SCALE = re.compile(r"(m|k)\b")
_ECHO = re.compile(r"\s*[(（]\s*([\d,]+(?:\.\d+)?|[A-Za-z][A-Za-z \-]*)\s*[)）]")


@dataclass(frozen=True)
class Value:
    """One quantity found in text: kind, normalised key, unit, the words as written and their span.

    `key` is canonical (`30`, `1000000`, `2025-01-01`, `17:00`, `2016/679`);
    `unit` is a currency code (`USD`) or a duration unit (`day`,
    `business day`). `alt` holds other readings of an ambiguous date. A
    `weak` value is a bare number word that may not be a quantity at all.
    """

    kind: ValueKind
    key: str
    unit: str = ""
    text: str = ""
    start: int = 0
    end: int = 0
    weak: bool = False
    alt: tuple[str, ...] = ()
    loose_unit: bool = (
        False  # -- 元 with no currency named: agrees with an amount in any currency --
    )
    # -- how the figure is malformed when it was read as meant (`NT$240, 000`), else "" --
    typo: str = ""
    # -- a duration used as a modifier (`a two-year programme`, 四年學制) --
    attributive: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        """Return every reading of the value, preferred first."""
        return (self.key, *self.alt)

    @property
    def label(self) -> str:
        """Return the normalised value for messages: `30 day`, `USD 1000000`, `5%`, `2025-01-01`."""
        if self.kind == "percent":
            return f"{self.key}%"
        if self.kind == "amount":
            return f"{self.unit} {self.key}".strip()
        if self.kind == "duration":
            return f"{self.key} {self.unit}"
        return self.key


def extract_values(text: str, lang: str) -> list[Value]:
    """Return the values in `text` (language `lang`, `en` or `zh`), weak ones included, in text
    order."""
    norm = normalise(text)
    taken = Spans()
    for _, start, end in (*find_urls(norm), *find_emails(norm)):
        taken.add(start, end)
    for ref in find_refs(norm, lang):
        # -- 前目之3, 第二目之 1: a sub-number after a citation belongs to it --
        tail = _SUB_NUMBER.match(norm, ref.end) if lang == "zh" else None
        taken.add(ref.start, tail.end() if tail else ref.end)
    for version in VERSION.finditer(norm):
        taken.add(*version.span())  # -- `v2`, `version 3`, `第2版`: a version, not a quantity --
    values = [
        *_dates(norm, lang, taken),
        *_identifiers(norm, taken),
        *_cn_percents(norm, taken),
        *_fractions(norm, lang, taken),
    ]
    if lang == "zh":  # -- 兩個半月 is 2.5 months, not 2 --
        values.extend(_implied(norm, lang, taken, claim=True))
        for start, end in numeral_words(norm):  # -- 四周牆壁, 一律: a word, not a number --
            if taken.free(start, end):
                taken.add(start, end)
    values.extend(_quantities(norm, lang, taken))
    if lang != "zh":  # -- "one day" stays a duration; "a day" only excuses one --
        values.extend(_implied(norm, lang, taken))
    return _without_list_numbering(sorted(values, key=lambda v: v.start), norm)


_SUB_NUMBER = re.compile(rf"\s*之\s*(?:\d+|[{CN_DIGITS}十]+)(?![\d{CN_DIGITS}十百千萬分倍])")
_LIST_MARK_AFTER = re.compile(r"\s*[，,、.．)）]")


def _without_list_numbering(values: list[Value], norm: str) -> list[Value]:
    """Drop inline list numbering (`1，… 2，… 3，…`): plain numbers 1, 2, 3 … each followed by a
    separator.

    One language numbers a run-in list `i. ii. iii.` where the other writes
    `1，2，3，` or leaves it out: the numbering is a label, not a quantity.
    """
    marks = [
        v
        for v in values
        if v.kind == "number"
        and not v.unit
        and v.key.isdigit()
        and _LIST_MARK_AFTER.match(norm, v.end)
    ]
    run: list[Value] = []
    dropped: set[int] = set()
    for value in marks:
        if run and int(value.key) == int(run[-1].key) + 1:
            run.append(value)
        else:
            if len(run) >= 2:
                dropped.update(id(v) for v in run)
            run = [value] if value.key == "1" else []
    if len(run) >= 2:
        dropped.update(id(v) for v in run)
    if marks and not norm[: marks[0].start].strip():
        dropped.add(
            id(marks[0])
        )  # -- `1, Any person…`: a number opening the text is its item label --
    return [v for v in values if id(v) not in dropped]


def _implied(norm: str, lang: str, taken: Spans, claim: bool = False) -> Iterator[Value]:
    """Yield weak values for numbers stated in words (`twice`, `in duplicate`, 半價, `a year`).

    With `claim`, the words are taken so no numeral inside them is read again.
    """
    found = list(implied_numbers(norm, lang))
    for start, end, value in found:
        # -- "more than one" restates the one it contains as two (二人以上) --
        if taken.free(start, end) or norm[start:end].lower().startswith("more than"):
            yield Value("number", canonical(value), "", norm[start:end], start, end, weak=True)
    if claim:
        for start, end, _ in found:
            if taken.free(start, end):
                taken.add(start, end)


def _claim(taken: Spans, start: int, end: int) -> bool:
    if not taken.free(start, end):
        return False
    taken.add(start, end)
    return True


def _dates(norm: str, lang: str, taken: Spans) -> Iterator[Value]:
    for found in find_dates(norm, lang):
        if _claim(taken, found.start, found.end):
            yield Value(
                found.kind,
                found.keys[0],
                "",
                found.text,
                found.start,
                found.end,
                alt=found.keys[1:],
            )


def _identifiers(norm: str, taken: Spans) -> Iterator[Value]:
    for pattern in _IDENTIFIERS:
        for match in pattern.finditer(norm):
            if _claim(taken, match.start(), match.end()):
                key = (
                    re.sub(r"[\s()\-]", "", match.group()).upper()
                    if match.group().startswith("+")
                    else None
                )
                key = key or re.sub(r"\s+", "", match.group()).upper()
                yield Value("identifier", key, "", match.group(), match.start(), match.end())


def _cn_percents(norm: str, taken: Spans) -> Iterator[Value]:
    for match in _PERCENT_CN.finditer(norm):
        value = _number_or_none(match["n"])
        if value is None:
            continue
        end = _percent_echo(norm, match.end(), value)  # -- 百分之五十（50%）: one value --
        if _claim(taken, match.start(), end):
            yield Value(
                "percent", canonical(value), "", norm[match.start() : end], match.start(), end
            )


def _fractions(norm: str, lang: str, taken: Spans) -> Iterator[Value]:
    """Yield fractions as the percentage they are: `1/2` a 50 (%), `二分之一` a weak one.

    A Chinese fraction is weak: it vouches for `50%` or `one half` without
    demanding either. A digit fraction is a proper fraction with a small
    denominator (`3/4`, not `24/7`) and demands its twin, and so does one in
    English words (`one-fourth` ⇄ 四分之一: a changed 五分之一 is found).
    """
    found: list[tuple[Decimal | None, Decimal | None, int, int, bool]] = [
        (_denominator(m["d"]), _number_or_none(m["n"]), m.start(), m.end(), True)
        for m in _FRACTION_CN.finditer(norm)
    ] + [
        (_number_or_none(m["d"]), _number_or_none(m["n"]), m.start(), m.end(), False)
        for m in _FRACTION_DIGITS.finditer(norm)
        if 0 < int(m["n"]) < digits_to_decimal(m["d"])
        and (digits_to_decimal(m["d"]) <= 12 or digits_to_decimal(m["d"]) % 100 == 0)
    ]
    if lang == "zh":
        # -- 一千或五千分之一: the first denominator shares the numerator (1/1,000 or 1/5,000) --
        for m in _FRACTION_CN_SHARED.finditer(norm):
            found.append((_denominator(m["d"]), _number_or_none(m["n"]), m.start("d"),
                          m.end("d"), True))  # fmt: skip
    else:
        for m in _EN_IN_A_SCALE.finditer(norm):  # -- "three in 100,000" is 十萬分之三 --
            found.append((_number_or_none(m["d"].replace(" ", "")), _en_or_digits(m["n"]),
                          m.start(), m.end(), False))  # fmt: skip
        for m in EN_FRACTION_WORDS.finditer(norm):
            if _FRACTION_DIGITS_ECHO.match(norm, m.end()):
                continue  # -- "one-five thousandths (1/5,000)": the digits say which is meant --
            part_value, whole_value = english_fraction(m)
            if unit := _FRACTION_OF_TIME.match(norm, m.end()):
                # -- "within one-half year" ⇄ 半年內: a duration --
                length = canonical(Decimal(part_value) / Decimal(whole_value))
                if _claim(taken, m.start(), unit.end()):
                    yield Value("duration", length, unit["unit"].lower(),
                                norm[m.start() : unit.end()], m.start(), unit.end())  # fmt: skip
                continue
            # -- "one-tenth of one per cent" is 千分之一: the fraction of a percentage --
            of_percent = _OF_A_PERCENTAGE.match(norm, m.end())
            percent = Decimal(100) if of_percent is None else _percentage(of_percent["n"])
            end = m.end() if of_percent is None else of_percent.end()
            found.append((Decimal(whole_value) * 100 / percent, Decimal(part_value), m.start(),
                          end, False))  # fmt: skip
    for whole, part, start, end, weak in found:
        if whole is None or part is None or not whole:
            continue
        if _claim(taken, start, end):
            exact = part * 100 / whole
            # -- 萬分之一 is 0.01 %, and 0.0001 as a multiplier --
            share = (
                exact
                if exact == exact.quantize(Decimal("1e-8"))
                else exact.quantize(Decimal("0.01"))
            )
            yield Value("percent", canonical(share), "", norm[start:end], start, end, weak=weak,
                        alt=(canonical(share / 100),))  # fmt: skip


_FRACTION_CN_SHARED = re.compile(
    rf"(?P<d>{CN_NUMERAL_CLASS}+)\s*(?:或|或是|至|、|及)\s*{CN_NUMERAL_CLASS}+分之(?P<n>{CN_NUMERAL_CLASS}+)"
)
_FRACTION_DIGITS_ECHO = re.compile(r"\s*[(（]\s*\d{1,2}\s*/\s*[\d,]+\s*[)）]")
_FRACTION_OF_TIME = re.compile(
    r"[\s-]+(?:of\s+an?\s+)?(?P<unit>year|month|week|day|hour)s?\b", re.I
)
_EN_IN_A_SCALE = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+in\s+(?:a\s+|every\s+)?"
    r"(?P<d>1(?:0{2,}|0{0,2}(?:,000)+))(?![\d,])",
    re.IGNORECASE,
)


def _denominator(token: str) -> Decimal | None:
    """Return the value of a fraction's denominator: a numeral, or a scale alone (萬分之一)."""
    return CN_SCALE_VALUES.get(token) or _number_or_none(token)


def _en_or_digits(token: str) -> Decimal | None:
    """Return the value of digits or an English number word (`three`)."""
    try:
        return Decimal(token) if token.isdigit() else Decimal(english_words_to_int(token))
    except ValueError:
        return None


_OF_A_PERCENTAGE = re.compile(
    r"\s+of\s+(?:a\s+|an\s+)?(?P<n>one|a|\d+(?:\.\d+)?)?\s*(?:per\s?cent\b|percent\b|%)",
    re.IGNORECASE,
)


def _percentage(number: str | None) -> Decimal:
    """Return the percentage a fraction is taken of: `one per cent`, `a percent`, `2%`."""
    return Decimal(number) if number and number[0].isdigit() else Decimal(1)


def _number_or_none(token: str) -> Decimal | None:
    """Return the value of Arabic digits or a Chinese numeral `token`, None when it is neither."""
    try:
        return digits_to_decimal(token) if token[0].isdigit() else chinese_to_decimal(token)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: Decimal
    script: str  # -- "digits" | "cn" | "en" --
    typo: str = ""  # -- how a malformed figure was written, when it was read as meant --


# -- an amount's digit grouping broken by a typo: a space after a comma (`NT$240, 000`), a full
# stop for a comma (`NT$ 100.000`, `NT$2,500.000`) --
_SPACE_IN_GROUPING = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})*,[ ]+(?:0\d\d(?:,\d{3})*|\d{3}(?:,\d{3})+)(?!\d|[.,]\d)"
)
_STOP_IN_GROUPING = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{3}(?!\d|[.,]\d)")
# -- and a group of four digits or more (`NT$ 2,500,0000`): read whole, the figure it says --
_LONG_GROUP = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*,\d{4,}(?!\d|[.,]\d)")
# -- a first group of four digits or more before proper groups (`NT$4500,000`): one figure --
_LONG_FIRST_GROUP = re.compile(r"(?<![\d.,])\d{4,}(?:,\d{3})+(?!\d|[.,]\d)")
_MALFORMED_GROUPING = (
    (_SPACE_IN_GROUPING, "a space inside the digit grouping"),
    (_STOP_IN_GROUPING, "a full stop used as a thousands separator"),
    (_LONG_GROUP, "a digit group of more than three digits"),
    (_LONG_FIRST_GROUP, "a first digit group of more than three digits"),
)


def _malformed_atoms(norm: str, lang: str) -> list[_Atom]:
    """Return amounts whose digit grouping is broken by an obvious typo, read as meant.

    Only beside a currency, where a figure is a sum of money and three
    decimal places make no sense: `NT$240, 000` is 240000, `NT$ 100.000`
    100000. A group of four digits (`NT$ 2,500,0000`) has no one repair: it is
    read whole (25000000), so a figure that differs still differs. The atom
    keeps how it was malformed so QA can still show it.
    """
    atoms = []
    for pattern, what in _MALFORMED_GROUPING:
        for match in pattern.finditer(norm):
            if _PREFIX_CURRENCY.search(norm[max(0, match.start() - 8) : match.start()]):
                digits = re.sub(r"[^\d]", "", match.group())
                atoms.append(
                    _Atom(match.start(), match.end(), Decimal(digits), "digits", typo=what)
                )
    return atoms


def _atoms(norm: str, lang: str) -> list[_Atom]:
    atoms = _malformed_atoms(norm, lang)
    # -- `3.7×10^10`, `3.7x1010`: one figure, not a mantissa and a code --
    atoms += [_Atom(start, end, value, "digits") for start, end, value in scientific_notation(norm)]
    malformed = Spans()
    for atom in atoms:
        malformed.add(atom.start, atom.end)
    atoms += [
        _Atom(m.start(), m.end(), _continental_to_decimal(m.group()), "digits")
        for m in _CONTINENTAL_ATOM.finditer(norm)
        if malformed.free(m.start(), m.end())
    ]
    for match in _SPACED_ATOM.finditer(norm):
        if not malformed.free(match.start(), match.end()):
            continue
        if " " not in match.group() or _beside_currency(norm, match.start(), match.end(), lang):
            atoms.append(
                _Atom(match.start(), match.end(), _spaced_to_decimal(match.group()), "digits")
            )
    grouped = Spans()  # -- the continental and spaced numbers already read --
    for atom in atoms:
        grouped.add(atom.start, atom.end)
    for match in _DIGITS_ATOM.finditer(norm):
        if grouped.free(match.start(), match.end()):
            end = _before_run_in_number(norm, match)
            atoms.append(
                _Atom(match.start(), end, digits_to_decimal(norm[match.start() : end]), "digits")
            )
    if lang == "zh":
        for match in _CN_ATOM.finditer(norm):
            end = match.end()
            # -- 一萬千瓦 is 10,000 kW: 千 is the unit's prefix, not part of the numeral --
            if (
                end - match.start() > 1
                and norm[end - 1] in "千仟"
                and norm[end - 2] not in CN_DIGITS
                and METRIC_PREFIX_UNIT.match(norm, end - 1)
            ):
                end -= 1
            value = _number_or_none(norm[match.start() : end])
            if value is not None:
                atoms.append(_Atom(match.start(), end, value, "cn"))
    for match in EN_NUMBER_WORDS.finditer(norm):
        # -- "between one and three days": two numbers when the run does not read as one --
        for part in _one_or_two_numbers(match):
            try:
                value = Decimal(english_words_to_int(part.group()))
            except ValueError:
                continue
            atoms.append(_Atom(part.start(), part.end(), value, "en"))
    return sorted(atoms, key=lambda a: a.start)


_AND = re.compile(r"[ ]+and[ ]+", re.IGNORECASE)


def _one_or_two_numbers(match: re.Match[str]) -> list[re.Match[str]]:
    """Return `match` as one number, or its two halves around `and` when it is not one."""
    try:
        english_words_to_int(match.group())
    except ValueError:
        pass
    else:
        return [match]
    text, base = match.group(), match.start()
    pieces, start = [], 0
    for joint in _AND.finditer(text):
        pieces.append((start, joint.start()))
        start = joint.end()
    pieces.append((start, len(text)))
    found = []
    for begin, end in pieces:
        piece = re.compile(re.escape(text[begin:end])).match(match.string, base + begin)
        if piece is not None:
            found.append(piece)
    return found


def _before_run_in_number(norm: str, match: re.Match[str]) -> int:
    """Return where the figure `match` ends when a run-in list number is glued to it.

    "… the bonds of 1949.2. Various debts …" after "1. Outstanding …": the
    `.2.` opens item 2; the figure is 1949.
    """
    whole, point, tail = match.group().partition(".")
    if not point or len(tail) > 2 or not re.match(r"\.\s+[A-Z]", norm[match.end() :]):
        return match.end()
    previous = int(tail) - 1
    if previous >= 1 and re.search(rf"(?<![\d.,]){previous}\.\s*[A-Z]", norm[: match.start()]):
        return match.start() + len(whole)
    return match.end()


def _continental_to_decimal(text: str) -> Decimal:
    """Return the value of `1.000.000,00` (dots group thousands, the comma marks decimals)."""
    return digits_to_decimal(text.replace(".", "").replace(",", "."))


def _spaced_to_decimal(text: str) -> Decimal:
    """Return the value of `10 000,50` / `10 000.50` (spaces group thousands)."""
    return digits_to_decimal(re.sub(r"[ \u00a0\u202f\u2009]", "", text).replace(",", "."))


def _beside_currency(norm: str, start: int, end: int, lang: str) -> bool:
    return bool(
        _PREFIX_CURRENCY.search(norm[max(0, start - 8) : start])
        or _currency_suffix(norm, end, lang)
    )


def _quantities(norm: str, lang: str, taken: Spans) -> Iterator[Value]:
    currency = ""
    for atom in _atoms(norm, lang):
        if not taken.free(atom.start, atom.end):
            continue
        if _ordinal_value(norm, atom) or _weak_label(norm, atom):
            # -- 第十一年 "the 11th year", 第十七號 "IFRS 17", 第四欄 "the fourth (4th) column",
            # `3 Awards` opening an item: vouches for a figure, demands none --
            taken.add(atom.start, atom.end)
            text = norm[atom.start : atom.end]
            yield Value("number", canonical(atom.value), "", text, atom.start, atom.end, weak=True)
            continue
        if _skip_atom(norm, atom):
            continue
        value = _read_quantity(norm, lang, atom)
        if value is None or not _claim(taken, value.start, value.end):
            continue
        if value.unit == _DOLLAR:
            value = _resolve_dollar(norm, value, currency)
        # -- 元 alone takes the currency last named: 新臺幣五百元以上二萬元以下 --
        if value.unit == "YUAN":
            # -- before any currency is named, 元 is the document's own (NT$ in Taiwan, RMB in
            # China) --
            value = Value(
                value.kind,
                value.key,
                currency or "CNY",
                value.text,
                value.start,
                value.end,
                loose_unit=not currency,
            )
        elif value.kind == "amount" and not value.loose_unit:
            currency = value.unit
        yield _as_read_in_chinese(norm, lang, atom, value)


def _resolve_dollar(norm: str, value: Value, currency: str) -> Value:
    """Return the amount of a bare `$` / `dollars` in the dollar it means.

    `NT$ 200,000 to $1,000,000` and `NT 20 million dollars` are New Taiwan
    dollars; a dollar with no country named agrees with an amount in any
    currency (a Taiwan statute's `$` is NT$, a US contract's is US$).
    """
    if _NT_BEFORE.search(norm, max(0, value.start - 5), value.start):
        return replace(value, unit="TWD")
    if currency in _DOLLAR_CURRENCIES:
        return replace(value, unit=currency)
    return replace(value, unit="USD", loose_unit=True)


_ROC_YEAR_AFTER = re.compile(r"\s*(?:會計|会计)?年度?")
_ROC_YEARS = range(1, 200)


def _as_read_in_chinese(norm: str, lang: str, atom: _Atom, value: Value) -> Value:
    """Return `value` with what a Chinese number may also mean.

    一 after 前/每/同… is as often "the/each" as a count (前一日 "the day
    before"): weak. A small year (`八十七年`, `六十二會計年度`) may be a
    Republic of China year: it also reads as the Gregorian one (1998, 1973).
    A multiple (`一點二五倍`) also reads as its percentage (125 %).
    """
    if lang != "zh":
        return value
    before = norm[max(0, atom.start - 1) : atom.start]
    if norm[atom.start : atom.end] == "一" and (
        (before and before in NOT_ONE_AFTER)
        or NOT_ONE_AFTER_WORD.search(norm, max(0, atom.start - 3), atom.start)
    ):
        return replace(value, weak=True)
    if (
        value.kind == "number"
        and value.key.isdigit()
        and 1 <= int(value.key) <= 12
        and CALENDAR_MONTH_AFTER.match(norm, value.end)
    ):
        return replace(value, weak=True)  # -- 十二月底 "the end of December": a month's name --
    if value.kind == "number" and norm.startswith("倍", value.end):
        # -- 一點二五倍 "1.25 times" is 125 % --
        return replace(value, alt=(*value.alt, canonical(Decimal(value.key) * 100)))
    year_word = value.unit == "year" or (
        value.kind == "number" and _ROC_YEAR_AFTER.match(norm, value.end) is not None
    )
    number = Decimal(value.key) if re.fullmatch(r"\d+", value.key) else None
    if year_word and number is not None and int(number) in _ROC_YEARS:
        return replace(value, alt=(*value.alt, str(roc_to_gregorian(int(number)))))
    return value


_WINDOW = 60
"""Characters either side of a number that `_skip_atom` reads."""


def _weak_label(norm: str, atom: _Atom) -> bool:
    """Return True for a number that is as likely a label as a figure.

    A Chinese ordinal 第N (第四欄, 第九等級), a scale standing for a unit
    (新臺幣千元 "in thousands of NT dollars"), a small number opening the text
    (`3 Excellent Awards`, `1 Where …`).
    """
    if atom.script == "cn":
        written = norm[atom.start : atom.end]
        before = norm[max(0, atom.start - 1) : atom.start]
        if before == "第":
            return True
        return (
            len(written) == 1
            and written in CN_SCALE_VALUES
            and not (before and before in CN_DIGITS)
            and SCALE_AS_UNIT_AFTER.match(norm, atom.end) is not None
        )
    return atom.script == "digits" and _opens_as_item_number(norm, atom)


def _ordinal_value(norm: str, atom: _Atom) -> bool:
    """Return True for a Chinese ordinal that counts rather than labels: 第N before 年/次/屆/號….

    第N條 / 第N項 name a clause (a cross-reference); 第十一年 "the 11th
    year" or 第十七號公報 "standard No. 17" state a figure the English
    writes as a number (`the 11th year`, `IFRS 17`).
    """
    return (
        atom.script == "cn"
        and norm[: atom.start].rstrip().endswith("第")
        and ORDINAL_VALUE_AFTER.match(norm, atom.end) is not None
    )


def _opens_as_item_number(norm: str, atom: _Atom) -> bool:
    """Return True for a small number opening the text before a capitalised word: `1 Where …`.

    An English item printed as `1 Where any statement …` carries its item
    number in the text, where the Chinese prints 一、 as a label; a figure
    with its unit (`30 Days`, `5 per cent`) is still a quantity.
    """
    if norm[: atom.start].strip() or atom.value != int(atom.value) or not 0 < atom.value <= 50:
        return False
    if not re.match(r"\s+[A-Z][a-z]", norm[atom.end : atom.end + 3]):
        return False
    return (
        not any(
            pattern.match(norm, atom.end)
            for pattern in (_PERCENT, _EN_SCALE, *(p for p, _ in _UNITS["en"]))
        )
        and _currency_suffix(norm, atom.end, "en") is None
    )


def _skip_atom(norm: str, atom: _Atom) -> bool:
    """Return True for numbers that are not quantities: ordinals, list markers, parts of words."""
    # -- a window either side: what decides is next to the number (and a long text stays linear) --
    before, after = (
        norm[max(0, atom.start - _WINDOW) : atom.start],
        norm[atom.end : atom.end + _WINDOW],
    )
    if atom.script == "cn":
        if before.endswith("第") or after.startswith(
            ("是", "些", "切", "旦", "般", "致", "经", "並", "并")
        ):
            return True
        written = norm[atom.start : atom.end]
        if after.startswith("、") and not (
            re.match(rf"、\s*[{CN_DIGITS}十]", after)
            or re.search(rf"[{CN_DIGITS}十]\s*、\s*$", before)
            # -- 鈾－二三三、: digit by digit, a figure (a label is 二十三、) --
            or (len(written) > 1 and all(ch in CN_DIGITS for ch in written))
        ):
            return True  # -- 一、 opens an item; 一、三、五年 lists numbers --
    if atom.script in ("digits", "en") and LABEL_WORD_BEFORE.search(before[-28:]):
        return True
    if (
        atom.script == "digits"
        and atom.value == int(atom.value)
        and 0 < atom.value <= 50  # -- "as stated in 2015." is a year, not an item --
        and CITED_ITEM_BEFORE.search(before[-28:])
        and CITED_ITEM_AFTER.match(after)
    ):
        return True  # -- "the lands mentioned in 3, less …": item 3 cited by its number --
    if atom.script == "digits" and RANK_AFTER.match(after):
        return True  # -- "the 7th grade" is a rank, like 第七職等 --
    if (
        atom.script == "digits"
        and re.match(r"\s*[-–]\s*\S", after)
        and not norm[: min(atom.start, _WINDOW + 1)].strip()
    ):
        return True  # -- "1 - Appointment", "2-Serving …": an item number opening the clause --
    if atom.script == "digits":
        letters = _LETTER_BEFORE.search(before)
        if (
            letters
            and before.endswith(letters.group(1))
            and letters.group(1) not in _CURRENCY_CODES
            and letters.group(1) not in ("US", "U.S.")
            and not WORD_GLUED_BEFORE.search(
                before
            )  # -- "8 to12", "below50 kg": a space left out --
            and _misspelt_currency(norm, atom.start) is None  # -- `NT200,000` --
        ):
            return True
        money_scale = (
            _MONEY_SCALE.match(after) or _EN_SCALE.match(after)
        ) and _PREFIX_CURRENCY.search(before[-8:])  # -- `USD 1m`, `NT$1million` --
        if (
            re.match(r"[A-Za-z]", after)
            and not _ORDINAL.match(after)
            and not re.match(r"(?:h|hrs?|mn|bn)\b", after)
            and not money_scale
            and not GLUED_MEASURE_UNIT.match(after)  # -- `96.5cm` ⇄ 九十六點五公分 --
            # -- a figure grouped in thousands is no code, whatever unit is run into it --
            and "," not in norm[atom.start : atom.end]
        ):
            return True
    # -- list markers: (1) （一） (a) 1) at the start of an item --
    if re.search(r"[(（]\s*$", before) and re.match(r"\.?\s*[)）]", after):  # -- (3), (3.) --
        if _continues_a_list(norm, atom):
            return True  # -- "either (1) … or (2) …" --
        if not re.search(r"\w\s*[(（]\s*$", before[-3:] if atom.script != "cn" else ""):
            return _is_enumerator(before)
    if (
        atom.script == "digits"
        and re.match(r"\.(?:\s|$|[A-Za-z])", after)
        and _opens_item(before, after, atom.value)
    ):
        return True  # -- "1. " opening an item --
    return bool(re.match(r"[)）]", after) and re.search(r"(?:^|[\s;；:：,，。])$", before))


def _opens_item(before: str, after: str, value: Decimal) -> bool:
    """Return True when `N.` opens a list item: at the start, after punctuation, or before a capital
    or quote."""
    if re.search(r"(?:^|[.;:。；：]\s*|\n\s*)$", before):
        return True
    if _PREFIX_CURRENCY.search(before[-8:]) or value > 50 or value != int(value):
        return False
    return (
        re.match(r"\.\s*[A-Za-z\"“(]", after) is not None
        and re.search(r"(?:[;,]\s*(?:and|or)?|\b(?:and|or))\s*$", before) is not None
    )


def _continues_a_list(norm: str, atom: _Atom) -> bool:
    """Return True when `(N)` follows a `(N-1)` or comes before a `(N+1)` in the same text: "either
    (1) … or (2) …"."""
    if atom.value != int(atom.value) or not 0 < atom.value <= 30:
        return False
    number = int(atom.value)
    before = {int(m.group(1)) for m in _BRACKETED_NUMBER.finditer(norm, 0, atom.start)}
    if number > 1 and number - 1 in before:
        return True
    return any(int(m.group(1)) == number + 1 for m in _BRACKETED_NUMBER.finditer(norm, atom.end))


_BRACKETED_NUMBER = re.compile(r"[(（]\s*(\d+)\.?\s*[)）]")
"""A list marker `(3)`, `(3.)`, `（3）`."""


def _is_enumerator(before: str) -> bool:
    """Return True when a bracketed number sits where a list marker would (start, after punctuation
    or space)."""
    head = before.rstrip("(（ ")
    return (
        not head
        or head[-1] in " \t;；:：,，。、"
        or not re.search(r"[A-Za-z0-9" + CN_DIGITS + "]$", head)
    )


def _read_quantity(norm: str, lang: str, atom: _Atom) -> Value | None:
    """Return the quantity `atom` starts: an amount, percentage, duration or plain number."""
    start, end, value = atom.start, atom.end, atom.value
    # -- as strong as its twin would be: 十一 and above take two Chinese characters --
    strong = (
        atom.script == "digits"
        or (atom.script == "cn" and end - start > 1)
        or (atom.script == "en" and value > 10)
        # -- 二人, 三次: a count of something (but 一人 is as often "a director" in English) --
        or (atom.script == "cn" and value > 1 and norm[end : end + 1] in CLASSIFIERS)
    )
    prefix = _PREFIX_CURRENCY.search(norm[max(0, start - 8) : start])
    # -- `HT$ 20,000`, `NT200,000`: one letter from NT$ (or HK$), any of them may be meant --
    misspelt = _misspelt_currency(norm, start) if atom.script == "digits" else None
    money = prefix is not None or misspelt is not None
    end, value, scaled = _scale(norm, end, value, atom.script, money=money)
    end, echoed = _echo(norm, end, value)
    if echoed and not scaled:  # -- "five(5) million": the scale follows the echo --
        end, value, scaled = _scale(norm, end, value, "digits", money=money)
    strong = strong or scaled or echoed
    suffix = _currency_suffix(norm, end, lang)
    # -- "新臺幣五百元": the prefix names the currency, 元 is only its unit --
    if prefix or misspelt:
        begin = misspelt[0] if misspelt else start - len(prefix.group()) if prefix else start
        suffix_end = suffix[0] if suffix else end
        typos = [t for t in (atom.typo, misspelt[1] if misspelt else "") if t]
        return Value(
            "amount",
            canonical(value),
            ""
            if misspelt or prefix is None
            else _CURRENCY_CODES[re.sub(r"\s", "", prefix.group())],
            norm[begin:suffix_end],
            begin,
            suffix_end,
            loose_unit=misspelt is not None,
            typo="; ".join(typos),
        )
    if suffix:
        return Value(
            "amount",
            canonical(value),
            suffix[1],
            norm[start : suffix[0]],
            start,
            suffix[0],
            typo=atom.typo,
        )
    if percent := _PERCENT.match(norm, end):
        stop = _percent_echo(norm, percent.end(), value)
        return Value("percent", canonical(value), "", norm[start:stop], start, stop)
    if mille := _PER_MILLE.match(norm, end):
        return Value(
            "percent", canonical(value / 10), "", norm[start : mille.end()], start, mille.end()
        )
    unit = _unit(norm, start, end, value, lang)
    if unit is not None:
        kind, unit_name, unit_end = unit
        attributive = kind == "duration" and bool(ATTRIBUTIVE_DURATION[lang].match(norm, end))
        return Value(
            kind,
            canonical(value),
            unit_name,
            norm[start:unit_end],
            start,
            unit_end,
            attributive=attributive,
        )
    if atom.script == "digits" and (ordinal := _ORDINAL.match(norm[end:])):
        end += ordinal.end()
    # -- "One (1) copy of the list shall be attached" ⇄ 附…明細表: a single thing, which Chinese
    # leaves uncounted --
    single = echoed and value == 1
    alt = (canonical(value * mega),) if (mega := _metric_scale(norm, end)) else ()
    return Value(
        "number", canonical(value), "", norm[start:end], start, end, weak=not strong or single,
        alt=alt,
    )  # fmt: skip


def _metric_scale(norm: str, end: int) -> Decimal:
    """Return how many of the smaller unit a figure's unit holds: `1,000MW` is 1,000,000 kW (瓩),
    else 0."""
    match = METRIC_MEGA_AFTER.match(norm, end)
    if match is None:
        return Decimal(0)
    return Decimal(1000) if match["prefix"] == "M" else Decimal(1_000_000)


_DOLLAR_CODES = ("US$", "HK$", "NT$")
"""Currency prefixes written with a dollar sign, as a misspelt one is compared with."""


_WRITTEN_PREFIX = re.compile(r"(?<![A-Za-z])(?P<code>[A-Z]{1,3}\$?)\s?$")


def _misspelt_currency(norm: str, start: int) -> tuple[int, str] | None:
    """Return (where it starts, description) for a misspelt currency prefix before the figure at
    `start`.

    `HT$` is one letter from `NT$` (and `HK$`), `NT` one `$` short of it: a
    typo of form, not a currency of its own. Capitals two or more edits from
    every dollar prefix are left alone (`HT$` alone would still read as `$`).
    """
    written = _WRITTEN_PREFIX.search(norm, max(0, start - 5), start)
    if written is None or written["code"] in _CURRENCY_CODES or written["code"] == "US":
        return None
    if not written["code"].endswith("$") and not re.match(r"\d{1,3},\d{3}|\d{3}", norm[start:]):
        return None  # -- without `$`, only before a sum of money (`NT200,000`, not `Form NT2`) --
    near = [code for code in _DOLLAR_CODES if _one_edit_apart(written["code"], code)]
    if not near:
        return None
    described = f"unknown currency {written['code']!r} (one letter from {' or '.join(near)})"
    return written.start(), described


def _one_edit_apart(a: str, b: str) -> bool:
    """Return True when `a` and `b` differ by exactly one letter replaced, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _scale(
    norm: str, end: int, value: Decimal, script: str, money: bool = False
) -> tuple[int, Decimal, bool]:
    """Return the end, value and whether a scale word (`万`, `million`) followed the number.

    With `money` (a currency just before the number) a one-letter scale counts too (`USD 1m`,
    `$500k`).
    """
    if script == "digits":
        match = _CN_SCALE_AFTER_DIGITS.match(norm, end)
        if match:
            return (
                match.end(),
                value * CN_SCALE_VALUES[match.group(1).replace("萬", "万").replace("億", "亿")],
                True,
            )
        if money and (match := _MONEY_SCALE.match(norm, end)):
            return match.end(), value * EN_SCALE_VALUES[match.group(1).lower()], True
    match = _EN_SCALE.match(norm, end)
    if match and script != "cn":
        return match.end(), value * EN_SCALE_VALUES[match.group(1).lower()], True
    return end, value, False


_PERCENT_ECHO = re.compile(
    r"\s*[(（]\s*(\d+(?:\.\d+)?)\s*(?:%|percent|per\s?cent)?\s*[)）]", re.IGNORECASE
)


def _percent_echo(norm: str, end: int, value: Decimal) -> int:
    """Return the end past a bracketed repeat of a percentage (`fifty percent (50%)`), else
    `end`."""
    match = _PERCENT_ECHO.match(norm, end)
    return match.end() if match and Decimal(match.group(1)) == value else end


def _echo(norm: str, end: int, value: Decimal) -> tuple[int, bool]:
    """Return the end past a bracketed repeat of the same number (`thirty (30)`, `三十（30）`), and
    whether one was there."""
    match = _ECHO.match(norm, end)
    if not match:
        return end, False
    inner = match.group(1)
    try:
        echoed = (
            digits_to_decimal(inner) if inner[0].isdigit() else Decimal(english_words_to_int(inner))
        )
    except ValueError:
        return end, False
    return (match.end(), True) if echoed == value else (end, False)


def _currency_suffix(norm: str, end: int, lang: str) -> tuple[int, str] | None:
    """Return (end, currency code) for a currency word right after position `end`, else None."""
    for pattern, code in _SUFFIX_CURRENCY["zh" if lang == "zh" else "en"]:
        match = pattern.match(norm, end)
        if match:
            return match.end(), code
    return None


def _unit(
    norm: str, start: int, end: int, value: Decimal, lang: str
) -> tuple[str, str, int] | None:
    """Return (kind, unit, end) for a duration unit after the number, or a year/day-of-month read as
    a number."""
    for pattern, unit in _UNITS["zh" if lang == "zh" else "en"]:
        match = pattern.match(norm, end)
        if not match:
            continue
        if lang == "zh" and unit == "year" and 1800 <= value <= 2200 and value == int(value):
            return "number", "", match.end()
        if (
            lang == "zh"
            and unit == "day"
            and _DAY_OF_MONTH.search(norm[max(0, start - _WINDOW) : start])
        ):
            return "number", "", match.end()
        return "duration", unit, match.end()
    return None


_CITED_NUMBER = re.compile(rf"\d+|{CN_NUMERAL_CLASS}+")


_WRITTEN_RANGE = re.compile(
    rf"(?P<a>\d+|{CN_NUMERAL_CLASS}+)\s*[條条項项款目]?\s*(?:至|到|\bto\b|\bthrough\b|–|-)\s*"
    rf"第?\s*(?P<b>\d+|{CN_NUMERAL_CLASS}+)",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:至|到|～|~)\s*$")
_RANGE_WORD = re.compile(r"\d\s*(?:to|through|-|–|～|~)\s*\d|(?:至|到)", re.IGNORECASE)


@dataclass(frozen=True)
class Cited:
    """The numbers of a text's citations: `cited` with ranges filled in, `named` as written; and
    `written`, the whole numbers the text writes outside its citations (and in ranges)."""

    cited: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    written: frozenset[str] = frozenset()


def cited_numbers(text: str, lang: str) -> Cited:
    """Return the numbers inside the citations of `text` (`第二十一條之一第一款` → 21, 1;
    第五款至第七款 → 5, 6, 7) and every whole number `text` writes.

    A plain number on the other side that only repeats one of them is part of
    a citation written in a way not recognised there (`Subsection1 1`,
    `under 11-2`, `總則五`), not a quantity — as long as the other side
    writes every number these citations hold (`3, 5, 7` for 第三款、第五款至第七款
    leaves 6 out: the citations differ).
    """
    norm = normalise(text)
    refs = sorted(find_refs(norm, lang), key=lambda r: r.start)
    found: set[int] = set()
    named: set[int] = set()
    previous: list[int] = []
    outside = list(norm)
    for i, ref in enumerate(refs):
        outside[ref.start : ref.end] = " " * (ref.end - ref.start)
        numbers = _whole_numbers(ref.text)
        named.update(numbers)
        joined = i > 0 and bool(_RANGE_JOIN.search(norm[refs[i - 1].end : ref.start]))
        if joined and previous and numbers:
            found.update(_fill(previous[-1], numbers[-1]))
        if _RANGE_WORD.search(ref.text) and len(numbers) >= 2:
            found.update(_fill(numbers[-2], numbers[-1]))
        found.update(numbers)
        previous = numbers
    written = set(_whole_numbers("".join(outside)))
    for match in _WRITTEN_RANGE.finditer(norm):  # -- 第五條至第七條, `Articles 5 to 7` --
        ends = [_number_or_none(match[g]) for g in ("a", "b")]
        if ends[0] is not None and ends[1] is not None:
            written.update(_fill(int(ends[0]), int(ends[1])))
    if lang != "zh":
        for match in EN_NUMBER_WORDS.finditer(norm):
            for part in _one_or_two_numbers(match):
                try:
                    written.add(english_words_to_int(part.group()))
                except ValueError:
                    continue
    return Cited(
        frozenset(map(str, found)), frozenset(map(str, named)), frozenset(map(str, written))
    )


def _whole_numbers(text: str) -> list[int]:
    """Return the whole numbers written in digits or Chinese numerals in `text`, in order."""
    numbers = []
    for match in _CITED_NUMBER.finditer(text):
        value = _number_or_none(match.group())
        if value is not None and value == int(value):
            numbers.append(int(value))
    return numbers


def _fill(first: int, last: int) -> range:
    """Return a citation range's members (at most 30 of them), else an empty range (the caller
    keeps the two ends)."""
    return range(first, last + 1) if 0 < last - first <= 30 else range(0)


def unmatched_values(
    en: list[Value],
    zh: list[Value],
    kinds: tuple[str, ...],
    en_cited: Cited | None = None,
    zh_cited: Cited | None = None,
) -> tuple[list[Value], list[Value]]:
    """Return the values of kinds `kinds` found on one side only: (English only, Chinese only).

    Values pair up when kind, unit and a reading agree. A bare number then
    pairs with a quantity of the same size on the other side (`30` ⇄
    `30 day`: the unit was written in a way not recognised), and what is
    left is excused by a weak number word of the same size across the way,
    or — a plain number — by the same number in a citation across the way
    (`en_cited`, `zh_cited`: see `cited_numbers`).
    """
    left = [v for v in en if v.kind in kinds and not v.weak]
    right = [v for v in zh if v.kind in kinds and not v.weak]
    paired_left: list[Value] = []
    paired_right: list[Value] = []
    for same in (_same_exactly, _same_size):
        for value in list(left):
            match = next((other for other in right if same(value, other)), None)
            if match is not None:
                left.remove(value)
                right.remove(match)
                paired_left.append(value)
                paired_right.append(match)
    left = _without_repeats(left, paired_left)
    right = _without_repeats(right, paired_right)
    en_weak = {key for v in en if v.weak for key in v.keys}
    zh_weak = {key for v in zh if v.weak for key in v.keys}
    en_cites = _cited_across(zh_cited, en_cited)
    zh_cites = _cited_across(en_cited, zh_cited)
    en_left = [
        v
        for v in left
        if v.key not in zh_weak and not _ratio_stated(v, zh) and not _cited(v, en_cites)
    ]
    zh_left = [
        v
        for v in right
        if v.key not in en_weak and not _ratio_stated(v, en) and not _cited(v, zh_cites)
    ]
    # -- a Chinese fraction nothing in English states, beside an English fraction left over:
    #    the fraction was changed (one-half ⇄ 三分之一), whatever else excused the English --
    odd_fractions = [
        v
        for v in zh
        if v.weak and "分之" in v.text and not any(set(v.keys) & set(e.keys) for e in en)
    ]
    zh_fractions = [v for v in zh if v.weak and "分之" in v.text]
    en_fractions = [
        v
        for v in left
        if v.kind == "percent"
        and v not in en_left
        # -- excused by a word, not by the same fraction (two-thirds ⇄ 三分之二) --
        and not any(set(v.keys) & set(f.keys) for f in zh_fractions)
    ]
    if odd_fractions and en_fractions:
        return en_left + en_fractions, zh_left + odd_fractions
    return en_left, zh_left


def _cited_across(theirs: Cited | None, mine: Cited | None) -> frozenset[str]:
    """Return the numbers the other side cites, when this side writes every one of them: in its
    text, or in a citation of its own the other side names too (`Article 6` in `3, 5, and 7 of
    Article 6` does not stand for the 6 of 第五款至第七款)."""
    if theirs is None or mine is None:
        return frozenset()
    if not theirs.cited <= mine.written | (mine.named & theirs.named):
        return frozenset()
    return theirs.cited


def _cited(value: Value, cited: frozenset[str]) -> bool:
    """Return True for a plain whole number that a citation across the way contains."""
    return value.kind == "number" and not value.unit and value.key.isdigit() and value.key in cited


_COLON_PAIR = re.compile(r"(\d{1,3}):(\d{1,3})")


def _ratio_stated(value: Value, other_side: list[Value]) -> bool:
    """Return True when `value`, read as a time `1:30`, is a ratio the other side states as a
    fraction.

    A scale `1:30` is 三十分之一 (one thirtieth), not half past one: read as
    a time only while nothing across the way gives the same fraction.
    """
    pair = _COLON_PAIR.fullmatch(value.text.strip()) if value.kind == "time" else None
    if pair is None or not int(pair[2]):
        return False
    share = canonical((Decimal(pair[1]) * 100 / Decimal(pair[2])).quantize(Decimal("0.01")))
    return any(
        other.kind == "percent" and share in other.keys and not _PERCENT.search(other.text)
        for other in other_side
    )


_REFINED_UNITS = frozenset({frozenset({"day", "business day"})})
"""Units one translation may state more exactly than the other: `12 days` ⇄ 十二個營業日."""


def unit_refinements(
    en_only: list[Value], zh_only: list[Value]
) -> tuple[list[Value], list[Value], list[tuple[Value, Value]]]:
    """Pair up durations of the same figure whose units differ only in precision.

    Return (English left, Chinese left, the pairs): `12 days` ⇄ 十二個營業日
    is one figure, its unit told more exactly on one side — worth a look, not
    a changed figure.
    """
    en_left, zh_left, pairs = list(en_only), list(zh_only), []
    for value in en_only:
        match = next(
            (
                other
                for other in zh_left
                if value.kind == other.kind == "duration"
                and frozenset({value.unit, other.unit}) in _REFINED_UNITS
                and set(value.keys) & set(other.keys)
            ),
            None,
        )
        if match is not None:
            en_left.remove(value)
            zh_left.remove(match)
            pairs.append((value, match))
    return en_left, zh_left, pairs


def only_attributive(en_only: list[Value], zh_only: list[Value]) -> bool:
    """Return True when what is left on one side is only durations used as modifiers, and nothing
    on the other.

    `a two-year programme` ⇄ 專修科 names the programme instead of its
    length: worth a look (minor), not a changed figure. A duration across
    the way (`a three-year programme` ⇄ 二年制) still is one.
    """
    left_over = en_only or zh_only
    return bool(left_over) and not (en_only and zh_only) and all(v.attributive for v in left_over)


def malformed(values: list[Value]) -> list[Value]:
    """Return the values read as meant despite a typo of form (`NT$240, 000`, `HT$ 20,000`)."""
    return [v for v in values if v.typo and v.kind in QUANTITY_KINDS]


def _without_repeats(left_over: list[Value], paired: list[Value]) -> list[Value]:
    """Drop a value that repeats one already paired (or already kept) on the same side.

    A figure stated twice in one language (`three million dollars
    (NT$3,000,000)`, a sum written in words and in digits) and once in the
    other is no discrepancy: the second statement restates the first.
    """
    kept: list[Value] = []
    for value in left_over:
        if not any(_same_exactly(value, p) or _same_size(value, p) for p in (*paired, *kept)):
            kept.append(value)
    return kept


def _same_exactly(a: Value, b: Value) -> bool:
    return a.kind == b.kind and _same_unit(a, b) and bool(set(a.keys) & set(b.keys))


def _same_unit(a: Value, b: Value) -> bool:
    """Return True when units agree; 元 with no currency named before it agrees with any
    currency."""
    return a.unit == b.unit or (a.kind == b.kind == "amount" and (a.loose_unit or b.loose_unit))


def _same_size(a: Value, b: Value) -> bool:
    plain = a.kind == "number" or b.kind == "number"
    return plain and bool(set(a.keys) & set(b.keys)) and "identifier" not in (a.kind, b.kind)


__all__ = [
    "QUANTITY_KINDS",
    "Value",
    "ValueKind",
    "extract_values",
    "Cited",
    "cited_numbers",
    "malformed",
    "only_attributive",
    "unit_refinements",
    "unmatched_values",
]
