"""Word's number formats (`w:numFmt` values, ECMA-376 §17.18.59) rendered as Word renders them.

Covers the formats legal documents use in English and Chinese: decimal
variants, letters, Roman numerals, Chinese counting (`十一`, `一百零一`),
financial Chinese (`壹拾`), the heavenly stems and earthly branches, full-width
and enclosed digits, and English ordinal/cardinal words. Formats it does not
know fall back to decimal, which is what a reader most needs to see.
"""

from __future__ import annotations

from dpa_compare.lang.numerals import EARTHLY_BRANCHES as _BRANCHES
from dpa_compare.lang.numerals import EVERYDAY_DIGITS as _ZH_LOWER
from dpa_compare.lang.numerals import EVERYDAY_UNITS as _ZH_UNITS
from dpa_compare.lang.numerals import FINANCIAL_DIGITS_SIMPLIFIED as _ZH_LEGAL
from dpa_compare.lang.numerals import FINANCIAL_DIGITS_TRADITIONAL as _ZH_LEGAL_TRADITIONAL
from dpa_compare.lang.numerals import FINANCIAL_UNITS as _ZH_LEGAL_UNITS
from dpa_compare.lang.numerals import HEAVENLY_STEMS as _STEMS
from dpa_compare.lang.numerals import chinese_counting, int_to_letters, int_to_roman
from dpa_compare.lang.numwords import int_to_english_words as _english_words
from dpa_compare.lang.numwords import int_to_ordinal as _ordinal
from dpa_compare.lang.numwords import int_to_ordinal_words as _ordinal_words


def _roman(n: int, upper: bool) -> str:
    """Return `n` as Word's roman numbering; decimal outside 1–3999, where Word has no numeral."""
    return int_to_roman(n, upper) if 0 < n < 4000 else str(n)


def _letters(n: int, upper: bool) -> str:
    """Return Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if not 0 < n <= 780:  # -- Word stops at 30 repetitions of z --
        return str(n)
    return int_to_letters(n, upper)


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _custom(n: int, pattern: str | None) -> str:
    """Return `n` per a Word 2010 custom format such as `001, 002, 003, ...` (zero-padded
    decimal)."""
    first = (pattern or "").split(",")[0].strip()
    width = len(first) if first.isdigit() else 1
    return str(n).zfill(width)


def _zh(digits: str, units: str, myriad: str, zero: str, bare_ten: bool):  # noqa: ANN202
    return lambda n: chinese_counting(n, digits, units, myriad, zero, bare_ten)


_FORMATS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(
        {ord(c): 0xFF10 + i for i, c in enumerate("0123456789")}
    ),
    "decimalFullWidth2": lambda n: str(n).translate(
        {ord(c): 0xFF10 + i for i, c in enumerate("0123456789")}
    ),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "lowerLetter": lambda n: _letters(n, upper=False),
    "upperLetter": lambda n: _letters(n, upper=True),
    "lowerRoman": lambda n: _roman(n, upper=False),
    "upperRoman": lambda n: _roman(n, upper=True),
    "ordinal": _ordinal,
    "cardinalText": lambda n: _english_words(n).capitalize(),
    "ordinalText": lambda n: _ordinal_words(n).capitalize(),
    "chineseCounting": _zh(_ZH_LOWER, _ZH_UNITS, "万", "零", bare_ten=True),
    "chineseCountingThousand": _zh(_ZH_LOWER, _ZH_UNITS, "万", "零", bare_ten=True),
    "chineseLegalSimplified": _zh(_ZH_LEGAL, _ZH_LEGAL_UNITS, "万", "零", bare_ten=False),
    "ideographLegalTraditional": _zh(
        _ZH_LEGAL_TRADITIONAL, _ZH_LEGAL_UNITS, "萬", "零", bare_ten=False
    ),
    "taiwaneseCounting": _zh(_ZH_LOWER, _ZH_UNITS, "萬", "零", bare_ten=True),
    "taiwaneseCountingThousand": _zh(_ZH_LOWER, _ZH_UNITS, "萬", "零", bare_ten=True),
    "japaneseCounting": _zh(_ZH_LOWER, _ZH_UNITS, "万", "", bare_ten=True),
    "ideographDigital": lambda n: "".join(_ZH_LOWER[int(d)] for d in str(n)) if n >= 0 else str(n),
    "taiwaneseDigital": lambda n: "".join(_ZH_LOWER[int(d)] for d in str(n)) if n >= 0 else str(n),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10] if n > 0 else str(n),
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(value: int, num_fmt: str, custom: str | None = None) -> str:
    """Return `value` written in Word number format `num_fmt` (decimal when the format is unknown).

    `custom` is the `w:format` pattern of a `custom` numFmt (`001, 002, …`).
    """
    if num_fmt == "custom":
        return _custom(value, custom)
    return _FORMATS.get(num_fmt, str)(value)


KNOWN_FORMATS: frozenset[str] = frozenset(_FORMATS) | {"custom"}
"""The `w:numFmt` values `format_number` renders natively."""

__all__ = ["KNOWN_FORMATS", "format_number"]
