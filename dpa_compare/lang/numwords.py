"""Numbers written in words: English number words and Chinese numerals with decimals and scales.

Reading and writing both: `english_words_to_int` / `int_to_english_words`,
`int_to_ordinal_words` (`twenty-first`), `int_to_ordinal` (`21st`).

`numerals.py` reads whole Chinese integers (`一百零五`, `壹佰万`); this
module adds what QA needs on top: decimals (`三点五`, `1.5亿`), Arabic digits
with a Chinese scale (`100万`), English number words (`twenty-four`,
`one hundred and five`, `1.5 million`), and the character classes used to
find them in running text. Values are `Decimal`, so `1.5亿` is exact.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from dpa_compare.lang.numerals import CHINESE_DIGIT_CHARS as CN_DIGITS
from dpa_compare.lang.numerals import CHINESE_NUMERAL_CLASS as CN_NUMERAL_CLASS
from dpa_compare.lang.numerals import CHINESE_SCALE_CHARS as CN_SCALES
from dpa_compare.lang.numerals import CHINESE_UNIT_CHARS as CN_UNITS
from dpa_compare.lang.numerals import chinese_to_int

CN_SCALE_VALUES: dict[str, Decimal] = {
    "万": Decimal(10_000), "萬": Decimal(10_000),
    "亿": Decimal(100_000_000), "億": Decimal(100_000_000),
    "千": Decimal(1000), "仟": Decimal(1000),
    "百万": Decimal(1_000_000), "千万": Decimal(10_000_000),
    "十万": Decimal(100_000), "万亿": Decimal(10**12),
}  # fmt: skip
"""Scales that may follow Arabic digits (`100万`, `1.5亿`, `3千万`)."""

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
EN_CARDINALS: dict[str, int] = _ONES | _TENS | _MULTIPLIERS
"""English cardinal number words and their values (`seven` → 7, `hundred` → 100)."""
_ONES_NAMES = tuple(_ONES)
_TENS_NAMES = ("", "", *_TENS)
_IRREGULAR_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                       "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip
EN_SCALE_VALUES: dict[str, Decimal] = {
    "thousand": Decimal(1000), "million": Decimal(10**6), "billion": Decimal(10**9),
    "mn": Decimal(10**6), "bn": Decimal(10**9), "m": Decimal(10**6), "k": Decimal(1000),
}  # fmt: skip
"""Scale words after a number; `m` and `k` count only right after a currency (`USD 1m`, `$500k`)."""

_WORD = "|".join(sorted([*_ONES, *_TENS, *_MULTIPLIERS], key=len, reverse=True))
# -- "and" joins inside one number ("one hundred and fifty thousand") but not two numbers
# -- that each carry a scale ("between ten thousand and fifty thousand") --
# -- but a smaller scale after a larger one continues it ("two million and five hundred
# -- thousand"; "two million and one million" stays two) --
_AND_INSIDE = (
    rf"(?:(?<=hundred)[ ]+and[ ]+"
    rf"|(?<=million)[ ]+and[ ]+(?=(?:{_WORD})(?:[ \-]+(?:{_WORD}))*?[ \-]+thousand\b)"
    rf"|(?<=billion)[ ]+and[ ]+(?=(?:{_WORD})(?:[ \-]+(?:{_WORD}))*?[ \-]+(?:thousand|million)\b)"
    rf"|[ ]+and[ ]+(?!(?:{_WORD})(?:[ \-]+(?:{_WORD}))*?[ \-]+(?:thousand|million|billion)\b))"
)
EN_NUMBER_WORDS = re.compile(
    rf"\b(?:{_WORD})(?:(?:[ \-]+|{_AND_INSIDE})(?:{_WORD}))*\b",
    re.IGNORECASE,
)
"""A run of English number words (`thirty`, `twenty-four`, `one hundred and five`)."""


def english_words_to_int(text: str) -> int:
    """Return the value of English number words `text` (`twenty-four` → 24); ValueError if not a
    number.

    A run must start with a unit or tens word (`hundred` alone is not a number).
    """
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w != "and"]
    if not words or words[0] in _MULTIPLIERS:
        raise ValueError(f"not an English number: {text!r}")
    total = current = 0
    previous = ""
    for word in words:
        if word in _ONES:
            if previous in _ONES or (previous in _TENS and _ONES[word] >= 10):
                raise ValueError(f"not an English number: {text!r}")
            current += _ONES[word]
        elif word in _TENS:
            if previous in _ONES or previous in _TENS:
                raise ValueError(f"not an English number: {text!r}")
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0
        else:
            raise ValueError(f"not an English number: {text!r}")
        previous = word
    return total + current


def int_to_english_words(number: int) -> str:
    """Return `number` (0–999) in English words (`105` → `one hundred five`); digits outside."""
    if not 0 <= number < 1000:
        return str(number)
    if number == 0:
        return "zero"
    hundreds, rest = divmod(number, 100)
    parts = [f"{_ONES_NAMES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_TENS_NAMES[tens] + (f"-{_ONES_NAMES[ones]}" if ones else ""))
    elif rest:
        parts.append(_ONES_NAMES[rest])
    return " ".join(parts)


def int_to_ordinal_words(number: int) -> str:
    """Return `number` (0–999) as English ordinal words (`21` → `twenty-first`); digits outside."""
    words = int_to_english_words(number)
    if words == str(number):
        return words
    head, sep, last = words.rpartition("-" if "-" in words.split(" ")[-1] else " ")
    if last in _IRREGULAR_ORDINALS:
        last = _IRREGULAR_ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


def int_to_ordinal(number: int) -> str:
    """Return `number` with its English ordinal suffix (`1` → `1st`, `22` → `22nd`)."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


EN_ORDINALS: dict[str, int] = {int_to_ordinal_words(n): n for n in range(1, 100)}
"""English ordinal words up to 99 and their values (`second` → 2, `twenty-first` → 21)."""


ZH_DECIMAL_POINTS = "点點‧・．."
"""Characters a Chinese numeral uses as its decimal point: 点/點, and the middle dots and full-width
stop statutes print (`二十一‧八七五` → 21.875, `○．○五` → 0.05; QA reads `．` made ASCII)."""

_TO_POINT = str.maketrans(dict.fromkeys(ZH_DECIMAL_POINTS[1:], "点"))


def chinese_to_decimal(text: str) -> Decimal:
    """Return the value of a Chinese numeral with an optional decimal part (`三点五` → 3.5).

    Raises `ValueError` when `text` is not a numeral `lang.numerals` can read.
    """
    token = "".join(text.split())
    whole, sep, frac = token.translate(_TO_POINT).partition("点")
    value = Decimal(chinese_to_int(whole)) if whole else Decimal(0)
    if sep:
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise ValueError(f"not a Chinese decimal: {text!r}")
        value += Decimal("0." + "".join(str(chinese_to_int(ch)) for ch in frac))
    return value


def digits_to_decimal(text: str) -> Decimal:
    """Return the value of Arabic digits `text` with thousands separators (`1,000.50` → 1000.50)."""
    try:
        return Decimal(text.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None


def canonical(value: Decimal) -> str:
    """Return `value` as a plain string without exponent or trailing zeros (`1E+6` → `1000000`)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


__all__ = [
    "ZH_DECIMAL_POINTS",
    "CN_DIGITS",
    "CN_NUMERAL_CLASS",
    "CN_SCALES",
    "CN_SCALE_VALUES",
    "CN_UNITS",
    "EN_CARDINALS",
    "EN_FRACTION_WORDS",
    "EN_NUMBER_WORDS",
    "EN_ORDINALS",
    "EN_SCALE_VALUES",
    "canonical",
    "chinese_to_decimal",
    "digits_to_decimal",
    "english_fraction",
    "english_words_to_int",
    "int_to_english_words",
    "int_to_ordinal",
    "int_to_ordinal_words",
]


_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
_NUMERATORS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}  # fmt: skip
_A_YEAR = r"(?:fiscal\s+|financial\s+|calendar\s+|accounting\s+)?year\b"
EN_FRACTION_WORDS = re.compile(
    r"\b(?:(?P<n>"
    + "|".join(k for k in _NUMERATORS if k != "a")
    + r")[\s-]+(?P<d>"
    + "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
    + r")s?"
    # -- "the first three quarters" of a year: only "… quarters of" --
    + r"(?<!quarter)(?<!quarters)"
    + r"|(?P<qn>one|two|three)[\s-]+quarters?(?=\s+of\b)(?!\s+of\s+(?:the\s+)?(?:a\s+)?"
    + _A_YEAR
    + ")"
    # -- "a third party" is no fraction, "one and a half years" is 1.5; "a quarter of the fiscal
    # -- year" is a period of three months --
    + r"|(?<!and\s)(?P<a>a)\s+(?P<ad>half|quarter(?!\s+of\s+(?:the\s+|a\s+|each\s+|every\s+)?"
    + _A_YEAR
    + ")))\\b",
    re.IGNORECASE,
)
"""A fraction in English words: `one-half`, `two-thirds`, `one fourth`, `a quarter`."""


def english_fraction(match: re.Match[str]) -> tuple[int, int]:
    """Return (numerator, denominator) of an `EN_FRACTION_WORDS` match (`two-thirds` → (2, 3))."""
    if match["a"]:
        return 1, _DENOMINATORS[match["ad"].lower()]
    if match["qn"]:
        return _NUMERATORS[match["qn"].lower()], 4
    return _NUMERATORS[match["n"].lower()], _DENOMINATORS[match["d"].lower()]
