"""Number words: English cardinals and ordinals both ways, Chinese decimals."""

from decimal import Decimal

import pytest

from dpa_compare.lang.numwords import (
    EN_CARDINALS,
    EN_ORDINALS,
    chinese_to_decimal,
    english_words_to_int,
    int_to_english_words,
    int_to_ordinal,
    int_to_ordinal_words,
)


@pytest.mark.parametrize("number", [0, 7, 13, 20, 42, 105, 999])
def test_english_words_read_back_what_they_write(number):
    assert english_words_to_int(int_to_english_words(number)) == number


def test_ordinals_in_words_and_digits():
    assert [int_to_ordinal_words(n) for n in (1, 2, 5, 12, 20, 21, 40)] == [
        "first", "second", "fifth", "twelfth", "twentieth", "twenty-first", "fortieth",
    ]  # fmt: skip
    assert [int_to_ordinal(n) for n in (1, 2, 3, 11, 12, 13, 22, 101)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "22nd", "101st",
    ]  # fmt: skip
    assert EN_ORDINALS["tenth"] == 10 and EN_CARDINALS["ninety"] == 90


def test_chinese_decimals_take_traditional_and_financial_digits():
    assert chinese_to_decimal("三点五") == Decimal("3.5")
    assert chinese_to_decimal("參點伍") == Decimal("3.5")
    with pytest.raises(ValueError):
        chinese_to_decimal("三点")


def test_a_smaller_scale_after_and_continues_the_number():
    from dpa_compare.lang.numwords import EN_NUMBER_WORDS

    def runs(text: str) -> list[int]:
        return [english_words_to_int(m.group()) for m in EN_NUMBER_WORDS.finditer(text)]

    assert runs("up to four million and two hundred thousand dollars") == [4_200_000]
    assert runs("one billion and three million") == [1_003_000_000]
    assert runs("three million and one million") == [3_000_000, 1_000_000]
    assert runs("between twenty thousand and sixty thousand") == [20_000, 60_000]


def test_a_chinese_decimal_may_be_written_with_a_full_stop_and_circle_zeros():
    assert chinese_to_decimal("○.○七") == Decimal("0.07")
    assert chinese_to_decimal("一二.五") == Decimal("12.5")
