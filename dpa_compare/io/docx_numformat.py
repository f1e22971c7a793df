"""Word's number formats (`w:numFmt` values, ECMA-376 §17.18.59) rendered as Word renders them.

Covers the formats legal documents use in English and Chinese: decimal
variants, letters, Roman numerals, Chinese counting (`十一`, `一百零一`),
financial Chinese (`壹拾`), the heavenly stems and earthly branches, full-width
and enclosed digits, and English ordinal/cardinal words. Formats it does not
know fall back to decimal, which is what a reader most needs to see.
"""

from __future__ import annotations

from dpa_compare.lang.numerals import int_to_letters, int_to_roman

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                  "nine": "ninth", "twelve": "twelfth"}  # fmt: skip


def _roman(n: int, upper: bool) -> str:
    """Return `n` as Word's roman numbering; decimal outside 1–3999, where Word has no numeral."""
    return int_to_roman(n, upper) if 0 < n < 4000 else str(n)


def _letters(n: int, upper: bool) -> str:
    """Return Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if not 0 < n <= 780:  # -- Word stops at 30 repetitions of z --
        return str(n)
    return int_to_letters(n, upper)


def _chinese(n: int, digits: str, units: str, myriad: str, zero: str, bare_ten: bool) -> str:
    """Return `n` in Chinese counting: `digits` 0–9, `units` 十百千, `myriad` 万/萬.

    `bare_ten` writes 10–19 as `十…` rather than `一十…` (everyday, not financial style).
    """
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        head = _chinese(high, digits, units, myriad, zero, bare_ten) + myriad
        if low == 0:
            return head
        return (
            head
            + (zero if low < 1000 else "")
            + _chinese(low, digits, units, myriad, zero, bare_ten=False)
        )
    places = [(n // 1000) % 10, (n // 100) % 10, (n // 10) % 10, n % 10]
    out: list[str] = []
    pending_zero = False
    for position, digit in enumerate(places):
        unit = (units[2], units[1], units[0], "")[position]
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(digits[digit] + unit)
    text = "".join(out)
    if bare_ten and 10 <= n < 20:
        text = text[1:]
    return text


def _english_words(n: int) -> str:
    if n < 0 or n >= 1000:
        return str(n)
    if n == 0:
        return "zero"
    hundreds, rest = divmod(n, 100)
    parts = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest:
        parts.append(_ONES[rest])
    return " ".join(parts)


def _ordinal_words(n: int) -> str:
    words = _english_words(n)
    if words == str(n):
        return words
    head, sep, last = words.rpartition("-" if "-" in words.split(" ")[-1] else " ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _custom(n: int, pattern: str | None) -> str:
    """Return `n` per a Word 2010 custom format such as `001, 002, 003, ...` (zero-padded decimal)."""
    first = (pattern or "").split(",")[0].strip()
    width = len(first) if first.isdigit() else 1
    return str(n).zfill(width)


def _zh(digits: str, units: str, myriad: str, zero: str, bare_ten: bool):  # noqa: ANN202
    return lambda n: _chinese(n, digits, units, myriad, zero, bare_ten)


_ZH_LOWER = "〇一二三四五六七八九"
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
    "chineseCounting": _zh(_ZH_LOWER, "十百千", "万", "零", bare_ten=True),
    "chineseCountingThousand": _zh(_ZH_LOWER, "十百千", "万", "零", bare_ten=True),
    "chineseLegalSimplified": _zh("零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万", "零", bare_ten=False),
    "ideographLegalTraditional": _zh("零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬", "零", bare_ten=False),
    "taiwaneseCounting": _zh(_ZH_LOWER, "十百千", "萬", "零", bare_ten=True),
    "taiwaneseCountingThousand": _zh(_ZH_LOWER, "十百千", "萬", "零", bare_ten=True),
    "japaneseCounting": _zh(_ZH_LOWER, "十百千", "万", "", bare_ten=True),
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
