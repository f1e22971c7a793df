"""Numerals as legal documents print them: Chinese, roman, letters, full-width digits.

Every parser here raises `ValueError` naming the bad input, and has an `is_…`
companion that answers without raising, so callers can probe a token before
trusting it. Chinese numerals cover everyday (`一二三`), financial (`壹贰叁`,
`貳參陸`), zero (`〇`, `零`), `两`/`兩`, the units 十/拾, 百/佰, 千/仟, 万/萬
and 亿/億, and digit-by-digit strings (`二〇二三`). Letters follow Word's
list numbering: a … z, then aa, bb … zz, aaa …

Public functions:
    chinese_to_int, int_to_chinese, chinese_counting, is_chinese_numeral,
    roman_to_int, int_to_roman, is_roman,
    letters_to_int, int_to_letters, is_letters,
    fullwidth_to_ascii, parse_number, scientific_notation
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "弌": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "弍": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3, "弎": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
"""Chinese digit characters → value (everyday, financial, simplified and traditional)."""

_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CHINESE_DIGIT_CHARS = "".join(_DIGITS)
"""Chinese digit characters 0–9 (everyday, financial, both scripts, 〇/零, 两/兩)."""
CHINESE_UNIT_CHARS = "".join(_SMALL_UNITS)
"""Chinese place units below ten thousand: 十/拾, 百/佰, 千/仟."""
CHINESE_SCALE_CHARS = "".join(_BIG_UNITS)
"""Chinese scale units: 万/萬 (10⁴) and 亿/億 (10⁸); alone they are words, not numbers."""
CHINESE_NUMERAL_CHARS = CHINESE_DIGIT_CHARS + CHINESE_UNIT_CHARS + CHINESE_SCALE_CHARS
"""Every character `chinese_to_int` understands, for building regular expressions."""
CHINESE_NUMERAL_CLASS = f"[{CHINESE_NUMERAL_CHARS}]"
"""One character of a Chinese numeral, as a regular-expression character class."""
CHINESE_SMALL_NUMERAL = "[一二三四五六七八九十]"
"""One character of an everyday numeral up to 99 (`三`, `十二`), as item labels print them."""

EVERYDAY_DIGITS = "〇一二三四五六七八九"
"""Everyday Chinese digits 0–9, as Word's Chinese counting and digit-by-digit formats write them."""
FINANCIAL_DIGITS_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
"""Financial (anti-forgery) digits 0–9 in Simplified script."""
FINANCIAL_DIGITS_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
"""Financial (anti-forgery) digits 0–9 in Traditional script."""
EVERYDAY_UNITS = "十百千"
"""Everyday place units 10, 100, 1000."""
FINANCIAL_UNITS = "拾佰仟"
"""Financial place units 10, 100, 1000."""
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
"""The ten heavenly stems, used as list numbers 1–10."""
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
"""The twelve earthly branches, used as list numbers 1–12."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_ROMAN_VALUES = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_ROMAN_RE = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_CHARS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_CN_DIGIT_NAMES = "零一二三四五六七八九"


def fullwidth_to_ascii(text: str) -> str:
    """Return `text` with full-width digits `０`–`９` turned into ASCII digits."""
    return text.translate(_FULLWIDTH)


def is_chinese_numeral(text: str) -> bool:
    """Return True when `text` is a Chinese numeral `chinese_to_int` can read."""
    try:
        chinese_to_int(text)
    except ValueError:
        return False
    return True


def chinese_to_int(text: str) -> int:
    """Return the value of the Chinese numeral `text` (`七` → 7, `二十一` → 21, `一百零五` → 105).

    Accepts everyday and financial characters, 〇/零, 两, units up to 億, and
    digit strings without units (`二〇二三` → 2023). Surrounding spaces are
    ignored. Raises `ValueError` for anything else, including an empty string.
    """
    token = "".join(text.split())
    if not token or any(
        ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS for ch in token
    ):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(ch in _SMALL_UNITS or ch in _BIG_UNITS for ch in token):
        # -- positional digits, as in years: 二〇二三 --
        if len(token) > 1 and token[0] in "〇零○Ｏ":
            raise ValueError(f"not a Chinese numeral: {text!r}")
        return int("".join(str(_DIGITS[ch]) for ch in token))
    return _with_units(token, text)


def _with_units(token: str, original: str) -> int:
    total = 0  # -- completed 亿/万 groups --
    section = 0  # -- value below the current big unit --
    digit: int | None = None
    last_unit = 10**12
    for ch in token:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0 and digit != 0:
                raise ValueError(f"not a Chinese numeral (two digits in a row): {original!r}")
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"not a Chinese numeral (units out of order): {original!r}")
            section += (1 if digit is None or (digit == 0 and unit == 10) else digit) * unit
            last_unit, digit = unit, None
        else:
            big = _BIG_UNITS[ch]
            section += digit or 0
            if section == 0:
                raise ValueError(f"not a Chinese numeral (unit without a number): {original!r}")
            total = (total + section) * big if big > 10_000 else total + section * big
            section, digit, last_unit = 0, None, 10**12
    return total + section + (digit or 0)


def int_to_chinese(number: int) -> str:
    """Return `number` (0 ≤ n < 100 000 000) in everyday Chinese numerals (21 → `二十一`).

    Numbers from 10 to 19 are written without a leading 一 (`十二`), as
    article and chapter numbers are printed.
    """
    if not 0 <= number < 100_000_000:
        raise ValueError(f"number out of range for Chinese numerals: {number}")
    if number == 0:
        return "零"
    high, low = divmod(number, 10_000)
    text = _below_10000(low)
    if high:
        text = _below_10000(high) + "万" + ("" if not low else ("零" if low < 1000 else "") + text)
    return text[1:] if text.startswith("一十") else text


def _below_10000(number: int) -> str:
    out: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if zero_pending and out:
                out.append("零")
            out.append(_CN_DIGIT_NAMES[digit] + unit)
            zero_pending = False
        else:
            zero_pending = True
    return "".join(out)


def chinese_counting(
    number: int,
    digits: str = EVERYDAY_DIGITS,
    units: str = EVERYDAY_UNITS,
    myriad: str = "万",
    zero: str = "零",
    bare_ten: bool = True,
) -> str:
    """Return `number` in Chinese counting with the given characters (`101` → `一百零一`).

    `digits` are 0–9, `units` 十百千 (or 拾佰仟), `myriad` 万 or 萬, `zero` the
    character that fills a gap (`一百零一`; "" leaves none, as Japanese does).
    `bare_ten` writes 10–19 as `十…` rather than `一十…` (everyday, not
    financial style). Negative numbers come back as digits.
    """
    if number <= 0:
        return digits[0] if number == 0 else str(number)
    if number >= 10_000:
        high, low = divmod(number, 10_000)
        head = chinese_counting(high, digits, units, myriad, zero, bare_ten) + myriad
        if low == 0:
            return head
        tail = chinese_counting(low, digits, units, myriad, zero, bare_ten=False)
        return head + (zero if low < 1000 else "") + tail
    places = [(number // 1000) % 10, (number // 100) % 10, (number // 10) % 10, number % 10]
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
    if bare_ten and 10 <= number < 20:
        text = text[1:]
    return text


def is_roman(text: str) -> bool:
    """Return True when `text` is a well-formed roman numeral (either case, not mixed)."""
    return bool(text) and (text.islower() or text.isupper()) and bool(_ROMAN_RE.match(text.lower()))


def roman_to_int(text: str) -> int:
    """Return the value of the roman numeral `text` (`iv` → 4, `XII` → 12); ValueError if
    malformed."""
    if not is_roman(text):
        raise ValueError(f"not a roman numeral: {text!r}")
    values = [_ROMAN_CHARS[ch] for ch in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def int_to_roman(number: int, upper: bool = False) -> str:
    """Return `number` (1–3999) as a roman numeral, lower case unless `upper`."""
    if not 1 <= number <= 3999:
        raise ValueError(f"number out of range for roman numerals: {number}")
    out = []
    for value, letters in _ROMAN_VALUES:
        count, number = divmod(number, value)
        out.append(letters * count)
    text = "".join(out)
    return text.upper() if upper else text


def is_letters(text: str) -> bool:
    """Return True when `text` is a letter number `letters_to_int` can read."""
    try:
        letters_to_int(text)
    except ValueError:
        return False
    return True


def letters_to_int(text: str) -> int:
    """Return the position of the letter number `text`: a → 1, z → 26, aa → 27, bb → 28.

    Repeated letters follow Word's list numbering (aa, bb, … zz, aaa); mixed
    letters (ab, ba) are read as spreadsheet columns (ab → 28). Case is ignored.
    """
    token = text.lower()
    if not token or not token.isascii() or not token.isalpha():
        raise ValueError(f"not a letter number: {text!r}")
    if len(set(token)) == 1:
        return (len(token) - 1) * 26 + ord(token[0]) - ord("a") + 1
    value = 0
    for ch in token:
        value = value * 26 + ord(ch) - ord("a") + 1
    return value


def int_to_letters(number: int, upper: bool = False) -> str:
    """Return `number` (≥ 1) as a Word-style letter number: 1 → a, 27 → aa, 28 → bb."""
    if number < 1:
        raise ValueError(f"letter numbers start at 1, got {number}")
    repeat, index = divmod(number - 1, 26)
    text = chr(ord("a") + index) * (repeat + 1)
    return text.upper() if upper else text


def parse_number(token: str) -> int | None:
    """Return the value of an arabic (ASCII or full-width) or Chinese number, else None."""
    stripped = fullwidth_to_ascii(token.strip())
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    try:
        return chinese_to_int(stripped)
    except ValueError:
        return None


# -- A × 10^N as printed: `3.7×10^10`, `1 x 10**6`, `2.5×10⁻³`, and with the superscript set flat by
# a text extraction, `3.7x1010` (10 then the exponent's digits). The flat form is read only where
# nothing else fits: a mantissa of one digit (1 ≤ A < 10, as scientific notation writes it) glued
# to the `x`, and an exponent 2 … 20 (or negative), so `4 x 100 m`, `2 x 1024` stay products --
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_TIMES = r"[x×X*]"
_SCIENTIFIC = re.compile(
    rf"(?<![\d.,])(?P<a>\d+(?:\.\d+)?)\s?{_TIMES}\s?10"
    r"(?:(?:\^|\*\*)\s?(?P<e>[-−+]?\d{1,3})|(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\d.,]?\d)"
    rf"|(?<![\d.,])(?P<fa>\d(?:\.\d+)?){_TIMES}10(?P<fe>[-−]\d{{1,2}}|[2-9]|1\d|20)(?![\d.,]?\d)"
)


def scientific_notation(text: str) -> Iterator[tuple[int, int, Decimal]]:
    """Yield (start, end, value) for each number written as A × 10^N in `text`.

    `3.7×10^10`, `3.7 x 10**10`, `3.7×10¹⁰` and, the superscript set flat, `3.7x1010` are all
    37000000000; `1x10-6` is 0.000001.
    """
    for match in _SCIENTIFIC.finditer(text):
        if match["fa"] is not None:
            mantissa, exponent = match["fa"], match["fe"]
        else:
            mantissa = match["a"]
            exponent = match["e"] if match["e"] is not None else match["sup"]
        power = int(exponent.translate(_SUPERSCRIPT_DIGITS).replace("−", "-"))
        yield match.start(), match.end(), Decimal(mantissa).scaleb(power)


__all__ = [
    "CHINESE_DIGIT_CHARS",
    "CHINESE_NUMERAL_CHARS",
    "CHINESE_NUMERAL_CLASS",
    "CHINESE_SCALE_CHARS",
    "CHINESE_SMALL_NUMERAL",
    "CHINESE_UNIT_CHARS",
    "EARTHLY_BRANCHES",
    "EVERYDAY_DIGITS",
    "EVERYDAY_UNITS",
    "FINANCIAL_DIGITS_SIMPLIFIED",
    "FINANCIAL_DIGITS_TRADITIONAL",
    "FINANCIAL_UNITS",
    "HEAVENLY_STEMS",
    "chinese_counting",
    "chinese_to_int",
    "fullwidth_to_ascii",
    "int_to_chinese",
    "int_to_letters",
    "int_to_roman",
    "is_chinese_numeral",
    "is_letters",
    "is_roman",
    "letters_to_int",
    "parse_number",
    "scientific_notation",
    "roman_to_int",
]
