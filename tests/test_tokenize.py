"""Tokenizer: exact round trip, whole numbers, jieba words, glossary terms, signature."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpa_compare.tokenize import is_word, signature, tokenize, word_tokens

ROUND_TRIP_CASES = [
    "",
    " ",
    "The Processor shall notify the Controller without undue delay.",
    "Regulation (EU) 2016/679, Article 28(3)(a); fines up to EUR 20,000,000 or 4 %.",
    "  leading and trailing spaces\tand\ttabs\n\nand blank lines  ",
    "处理者应当在知悉个人数据泄露后七十二小时内通知控制者。",
    "根据GDPR第28条，分处理者应当（在30日内）书面通知控制者；详见附件二。",
    "Mixed 中文 and English：“个人数据”means Personal Data.",
    "emoji 🙂 and 𠀀 supplementary Han, Ｆｕｌｌｗｉｄｔｈ",
]


@pytest.mark.parametrize("text", ROUND_TRIP_CASES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tokens_concatenate_to_the_input(text, lang):
    assert "".join(tokenize(text, lang, ["个人数据", "分处理者"])) == text


def test_english_numbers_stay_whole():
    tokens = tokenize("EUR 1,000,000 under Regulation 2016/679, see Section 7.2(a).", "en")
    assert {"1,000,000", "2016/679", "7.2"} <= set(tokens)
    assert tokens[-5:] == ["7.2", "(", "a", ")", "."]


def test_english_punctuation_and_space_are_their_own_tokens():
    assert tokenize("Processor's sub-processor, ok", "en") == [
        "Processor's",
        " ",
        "sub",
        "-",
        "processor",
        ",",
        " ",
        "ok",
    ]


def test_glossary_terms_stay_one_token_in_chinese():
    text = "分处理者处理个人数据。"
    plain = tokenize(text, "zh")
    assert "分处理者" not in plain and "个人数据" not in plain
    with_terms = tokenize(text, "zh", ["个人数据", "分处理者", "Personal Data"])
    assert with_terms == ["分处理者", "处理", "个人数据", "。"]


def test_one_glossary_does_not_leak_into_another_call():
    text = "分处理者处理个人数据。"
    assert "分处理者" in tokenize(text, "zh", ["分处理者"])
    assert "分处理者" not in tokenize(text, "zh")
    assert "分处理者" not in tokenize(text, "zh", ["个人数据"])


def test_latin_inside_chinese_is_cut_like_english():
    tokens = tokenize("依据GDPR第28条及Regulation 2016/679。", "zh")
    assert {"GDPR", "28", "Regulation", " ", "2016/679", "。"} <= set(tokens)


def test_full_width_punctuation_is_separate():
    tokens = tokenize("控制者（“甲方”）：", "zh")
    assert tokens[1:] == ["（", "“", "甲方", "”", "）", "："]


def test_word_tokens_drop_space_and_case():
    assert word_tokens("The  Processor\nshall", "en") == ["the", "processor", "shall"]
    assert is_word("7.2") and is_word("个人") and not is_word("（")


def test_signature_records_tokenizer_and_hmm():
    assert signature("zh").startswith("tok:jieba-") and signature("zh").endswith(",hmm:no")
    assert signature("en") == "tok:words-1"


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab 7.,/()：，。个人数据处理者分甲乙\n\t")), max_size=40)
)
def test_any_text_round_trips(text):
    assert "".join(tokenize(text, "zh", ["个人数据"])) == text
    assert "".join(tokenize(text, "en")) == text
