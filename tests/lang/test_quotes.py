"""Whether a sentence ends by closing a quotation, in Chinese and English."""

import pytest

from dpa_compare.lang.quotes import ends_quotation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("老人笑道：“明天再来吧。”", True),
        ("她说：「好。」 ", True),
        ("他转身走了。", False),
        ("他问道：", False),
    ],
)
def test_chinese_closing_quotes(text, expected):
    assert ends_quotation(text, "zh") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'Come back tomorrow.'", True),
        ('"Not yet," ', True),
        ("I will be there at noon!’", True),
        ("Wait . . .'", True),
        ("'Fine,' he said.", False),
        ("He met the Brothers'", False),
        ("He walked away.", False),
    ],
)
def test_english_closing_quotes(text, expected):
    assert ends_quotation(text, "en") is expected


def test_other_languages_and_blank_text_have_no_quotation():
    assert not ends_quotation("„Ja.“", "de")
    assert not ends_quotation("   ", "en")
