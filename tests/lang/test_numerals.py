"""Chinese, roman and letter numerals."""

import pytest

from dpa_compare.lang.numerals import (
    chinese_to_int,
    fullwidth_to_ascii,
    int_to_chinese,
    int_to_letters,
    int_to_roman,
    is_chinese_numeral,
    is_roman,
    letters_to_int,
    parse_number,
    roman_to_int,
)

CHINESE = [
    ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("一十一", 11), ("二十", 20), ("二十一", 21),
    ("九十九", 99), ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("三百四十五", 345),
    ("一千", 1000), ("一千零一十", 1010), ("两千", 2000), ("兩百", 200), ("三万五千", 35000),
    ("十万", 100000), ("一亿二千万", 120000000), ("〇", 0), ("零", 0), ("二〇二三", 2023),
    ("壹佰贰拾叁", 123), ("貳拾", 20), ("陸", 6), ("拾", 10),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), CHINESE)
def test_chinese_to_int(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("value", [*range(0, 130), 1000, 1010, 10001, 35000, 123456])
def test_int_to_chinese_round_trips(value):
    assert chinese_to_int(int_to_chinese(value)) == value


def test_int_to_chinese_prints_teens_without_leading_one():
    assert int_to_chinese(12) == "十二"
    assert int_to_chinese(105) == "一百零五"
    assert int_to_chinese(123456) == "十二万三千四百五十六"


@pytest.mark.parametrize("bad", ["", "十十", "万", "百千", "二三十", "abc", "1"])
def test_chinese_to_int_rejects_non_numerals(bad):
    assert not is_chinese_numeral(bad)
    with pytest.raises(ValueError):
        chinese_to_int(bad)


def test_roman_numerals_both_ways():
    assert [roman_to_int(r) for r in ("i", "iv", "ix", "XIV", "xl", "MCMXCIX")] == [
        1,
        4,
        9,
        14,
        40,
        1999,
    ]
    assert [int_to_roman(n) for n in (1, 4, 9, 14, 2024)] == ["i", "iv", "ix", "xiv", "mmxxiv"]
    assert int_to_roman(12, upper=True) == "XII"
    assert not is_roman("iiii") and not is_roman("Ix") and not is_roman("")
    with pytest.raises(ValueError):
        roman_to_int("abc")


def test_letters_follow_word_numbering():
    assert [letters_to_int(t) for t in ("a", "h", "z", "aa", "bb", "zz", "aaa", "C")] == [
        1,
        8,
        26,
        27,
        28,
        52,
        53,
        3,
    ]
    assert [int_to_letters(n) for n in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]
    assert letters_to_int("ab") == 28  # -- mixed letters read as spreadsheet columns --
    with pytest.raises(ValueError):
        letters_to_int("a1")


def test_fullwidth_digits_and_parse_number():
    assert fullwidth_to_ascii("第１２条") == "第12条"
    assert parse_number("１２") == 12
    assert parse_number("十二") == 12
    assert parse_number("12") == 12
    assert parse_number("twelve") is None


def test_chinese_counting_writes_every_word_style():
    from dpa_compare.lang.numerals import (
        FINANCIAL_DIGITS_TRADITIONAL,
        FINANCIAL_UNITS,
        chinese_counting,
    )

    assert chinese_counting(11) == "十一"
    assert chinese_counting(101) == "一百零一"
    assert chinese_counting(20_005, myriad="萬") == "二萬零五"
    assert (
        chinese_counting(12, FINANCIAL_DIGITS_TRADITIONAL, FINANCIAL_UNITS, bare_ten=False)
        == "壹拾貳"
    )


def test_the_numeral_class_finds_traditional_numerals():
    import re

    from dpa_compare.lang.numerals import CHINESE_NUMERAL_CLASS

    assert re.findall(CHINESE_NUMERAL_CLASS + "+", "兩萬元及參佰元") == ["兩萬", "參佰"]


def test_scientific_notation_reads_a_power_of_ten_however_printed():
    from decimal import Decimal

    from dpa_compare.lang.numerals import scientific_notation

    def read(text: str) -> list[Decimal]:
        return [value for _, _, value in scientific_notation(text)]

    assert read("above 2.2×10^8 units") == [Decimal("2.2E+8")]
    assert read("above 2.2 x 10**8 units") == [Decimal("2.2E+8")]
    assert read("above 2.2×10⁸ units") == [Decimal("2.2E+8")]
    # -- the superscript set flat: 10 then the exponent --
    assert read("above 2.2x108/h,") == [Decimal("2.2E+8")]
    assert read("below 5x10-7 per hour") == [Decimal("5E-7")]
    # -- a product stays a product: exponent 0 or 1, a long exponent, two-digit mantissa, spaces --
    assert read("a 4 x 100 m relay") == []
    assert read("a 2x1000 grid") == []
    assert read("a 3x1024 matrix") == []
    assert read("a 12x105 panel") == []
    assert read("a 2 x 105 cm plank") == []
