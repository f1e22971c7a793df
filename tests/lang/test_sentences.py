"""Exact sentence splits for English and Chinese."""

import pytest

from dpa_compare.lang.sentences import (
    join_sentences,
    runs_on,
    sentence_count,
    split_chinese,
    split_english,
)


def test_english_keeps_abbreviations():
    text = (
        "The Processor shall comply with Art. 28 and Sec. 5, e.g. by audits, i.e. yearly. "
        "Acme Inc. is based in the U.S. It signs No. 7 etc. Then it ends! Does it? Yes."
    )
    assert split_english(text) == [
        "The Processor shall comply with Art. 28 and Sec. 5, e.g. by audits, i.e. yearly.",
        "Acme Inc. is based in the U.S. It signs No. 7 etc. Then it ends!",
        "Does it?",
        "Yes.",
    ]


def test_english_closing_quote_stays_with_sentence():
    assert split_english('He said "stop." Then he left.') == ['He said "stop."', "Then he left."]


def test_chinese_enders_and_closing_marks():
    text = "处理者应当通知控制者。控制者说：“可以吗？”当然可以！第一，保密；第二，删除……结束"
    assert split_chinese(text) == [
        "处理者应当通知控制者。",
        "控制者说：“可以吗？”",
        "当然可以！",
        "第一，保密；",
        "第二，删除……",
        "结束",
    ]


def test_chinese_brackets_close_on_sentence():
    assert split_chinese("（见第三条。）下一句。「好。」") == [
        "（见第三条。）",
        "下一句。",
        "「好。」",
    ]


def test_a_chinese_proviso_belongs_to_its_sentence():
    text = "受托人应当删除数据。但法律另有规定的，不在此限。委托人可以审计； 受托人应当配合。"
    assert sentence_count(text, "zh") == 2
    assert split_chinese(text, full_sentences=True) == [
        "受托人应当删除数据。但法律另有规定的，不在此限。",
        "委托人可以审计； 受托人应当配合。",
    ]


def test_sentences_are_counted_across_a_space_and_after_abbreviations():
    # -- a space after 。 used to hide a sentence end from the QA count --
    assert sentence_count("第一句。 第二句。", "zh") == 2
    assert (
        sentence_count("See Art. 5 and cf. Sec. 2 et seq. of the Act. Then stop. Next one.", "en")
        == 3
    )
    assert sentence_count("", "en") == 0 and sentence_count("  ", "zh") == 0


def test_join_sentences_spaces_english_only():
    assert join_sentences(["甲。", " 乙。"], "zh") == "甲。乙。"
    assert join_sentences(["One.", "Two. "], "en") == "One. Two."


@pytest.mark.parametrize(
    ("text", "following", "lang", "expected"),
    [
        ("The licence fee shall be", "paid within ten days.", "en", True),
        ("Fees for boats, nets,", "and licences are waived.", "en", True),
        ("The licence fee shall be paid.", "late payment costs more.", "en", False),
        ("The following fees apply:", "registration and inspection.", "en", False),
        ("The licence fee shall be", "Paid fees are not refunded.", "en", False),
        ("船主申報遺失後，", "應於三十日內申請補發。", "zh", True),
        ("船主應申報遺失。", "補發應於三十日內申請。", "zh", False),
        ("第一章 總則", "本法規範漁船之登記。", "zh", False),
    ],
)
def test_a_text_runs_on_only_when_it_stops_mid_sentence(text, following, lang, expected):
    assert runs_on(text, following, lang) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("。除非另有約定，不在此限。", True),
        ("，並檢附下列文件：", True),
        ("）之規定辦理。", True),
        (", the authority may waive it.", True),
        (". The waiver shall be recorded.", True),
        ("...and so on, as the list goes.", False),
        (".5 of a point is added.", False),
        ("（一）申請書。", False),
        ("The waiver shall be recorded.", False),
    ],
)
def test_a_paragraph_opening_on_a_closer_goes_on_with_the_one_before(text, expected):
    from dpa_compare.lang.sentences import opens_on_closer

    assert opens_on_closer(text) is expected
