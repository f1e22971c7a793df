"""Exact sentence splits for English and Chinese."""

from dpa_compare.align.sentences import split_chinese, split_english


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
