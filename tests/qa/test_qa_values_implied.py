"""Figures stated in a word or twice, ROC years, item labels: no false alarm, no lost defect."""

from __future__ import annotations

import pytest

from dpa_compare.qa.values import extract_values, unmatched_values

KINDS = ("number", "amount", "percent", "duration")


def differ(en: str, zh: str) -> tuple[list[str], list[str]]:
    left, right = unmatched_values(extract_values(en, "en"), extract_values(zh, "zh"), KINDS)
    return [v.label for v in left], [v.label for v in right]


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        # -- a figure stated twice in one language, once in the other --
        (
            "a penalty of up to two(2) million New Taiwan dollars (NT$2,000,000) applies",
            "罰新臺幣二百萬元以下",
        ),
        ("within 6 six weeks of the notice", "自通知起六週內"),
        # -- a number stated in a word the other language writes as a numeral --
        ("Members pay half price for tickets.", "會員購票享半價。"),
        ("Send the forms in triplicate to the office.", "表格應備三份送交辦公室。"),
        ("Warned twice or more within a year", "一年內經警告二次以上"),
        ("Fees are refunded in full.", "費用全額退還。"),
        ("notice one day before the hearing", "應於開庭前一日通知"),
        # -- a Republic of China year ⇄ the Gregorian one --
        ("Members who joined before 1995 keep their seats.", "八十四年以前入會之會員保留席次。"),
        ("the 1980 Savings Bond", "六十九年度儲蓄公債"),
        ("It is sold in lots of a hundred thousand units.", "以十萬件為一批出售。"),
        ("a bonus of 2.5 months' pay", "發給兩個半月薪資之獎金"),
        (
            "a fine between two thousand and nine thousand New Taiwan dollars",
            "處新臺幣二千元以上九千元以下罰鍰",
        ),
        # -- a rank is a label, its bracketed echo too --
        ("one clerk in a rank of grade seven (7)", "書記一人，職務列第七職等"),
        # -- the 24-hour clock without 上午/下午 --
        ("Visits end by 9pm.", "探視應於二十一時結束。"),
        # -- numbers listed with 、 are numbers, not item labels --
        ("the past 2, 4 and 6 years", "過去二、四及六年"),
        # -- fractions in words, multiples, a full-width percent sign --
        ("A quorum is one-third of the members.", "出席人數為委員三分之一。"),
        ("The ratio shall be at least 150% of the standard.", "比率應達標準之一點五倍以上。"),
        ("Withhold 5％ of the fee.", "扣取費用百分之五。"),
        ("within one and a half years", "於一年半內"),
        ("a third party may object", "第三人得提出異議"),
        ("more than one half of the members attend", "應有過半數委員出席"),
        ("the accounts of the first three quarters", "前三季之帳目"),
        (
            "a fine of up to one hundred and twenty thousand New Taiwan Dollars",
            "處新臺幣十二萬元以下罰鍰",
        ),
        ("Reports are due before the tenth of each month.", "報告應於每月十日前提出。"),
        ("a bonus of one and a half months' pay", "發給一又半個月薪資之獎金"),
        ("The rule took effect on March, 3, 2015.", "本規定自一百零四年三月三日施行。"),
        ("6 to11 inspectors", "檢查員六人至十一人"),
        ("clerks in Grade 6 or 7", "課員職務列第六職等或第七職等"),
        (
            "one head in Grade 12 and two deputies in Grade 11",
            "首長一人，列第十二職等；副首長二人，列第十一職等",
        ),
        ("officers from 7th to 8th grade", "專員職務列第七職等至第八職等"),
        ("the report of the previous year", "上一年度之報告"),
        ("Meetings are held quarterly.", "會議每三個月召開一次。"),
        ("100% collateral is required", "應有十足擔保"),
        # -- an item number opening the text is the item's label --
        ("2, The fee is waived for members.", "會員免收費用。"),
    ],
)
def test_no_false_alarm(en: str, zh: str) -> None:
    assert differ(en, zh) == ([], [])


CHANGED = [
    (
        "a penalty of up to two(2) million New Taiwan dollars (NT$2,000,000)",
        "罰新臺幣三百萬元以下",
        (["TWD 2000000"], ["TWD 3000000"]),
    ),
    (
        "Members who joined before 1995 keep their seats.",
        "八十五年以前入會之會員保留席次。",
        (["1995"], ["85 year"]),
    ),
    ("within 6 six weeks of the notice", "自通知起七週內", (["6"], ["7 week"])),
    ("Send the forms in triplicate to the office.", "表格應備四份送交辦公室。", ([], ["4"])),
    ("sent over TLS 1.3 only", "僅以TLS 1.2傳送", (["1.3"], ["1.2"])),
    (
        "Meetings are held quarterly for 5 days.",
        "會議每三個月召開一次，為期六日。",
        (["5 day"], ["6 day"]),
    ),
    # -- a fraction both sides state is compared, even where the English writes it in words --
    ("A quorum is one-third of the members.", "出席人數為委員四分之一。", (["33.33%"], [])),
    ("paid in instalments of one fifth each", "每次償還六分之一", (["20%"], [])),
    # -- 過半數 is a majority, not a half that would excuse a changed fraction --
    (
        "one-half of the members attend and a majority agree",
        "委員三分之一出席，過半數同意",
        (["50%"], ["33.33%"]),
    ),
]


@pytest.mark.parametrize(("en", "zh", "expected"), CHANGED)
def test_changed_figure_still_found(
    en: str, zh: str, expected: tuple[list[str], list[str]]
) -> None:
    assert differ(en, zh) == expected


def test_english_date_with_of_before_the_year() -> None:
    from dpa_compare.lang.dates import find_dates

    keys = [d.keys[0] for d in find_dates("It was signed on 3rd June of 2011.", "en")]
    assert keys == ["2011-06-03"]


def test_citation_range_with_a_tilde_is_not_a_number() -> None:
    assert differ(
        "Breaches of Articles 12~15 are fined.", "違反第十二條至第十五條者，處罰鍰。"
    ) == (
        [],
        [],
    )
