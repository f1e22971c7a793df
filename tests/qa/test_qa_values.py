"""Value extraction and normalisation: the required cases, every written form, and false-positive
guards."""

from __future__ import annotations

import pytest

from dpa_compare.lang.numwords import chinese_to_decimal, english_words_to_int
from dpa_compare.qa.values import extract_values, unmatched_values


def labels(text: str, lang: str, *, weak: bool = False) -> list[str]:
    return [v.label for v in extract_values(text, lang) if weak or not v.weak]


# -- the cases the brief requires, exactly --
REQUIRED = [
    ("三十", "zh", ["30"]),
    ("七十二小时", "zh", ["72 hour"]),
    ("百分之五", "zh", ["5%"]),
    ("壹佰万元整", "zh", ["CNY 1000000"]),
    ("３０", "zh", ["30"]),
    ("100万", "zh", ["1000000"]),
    ("2025年1月1日", "zh", ["2025-01-01"]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), REQUIRED)
def test_required_normalisations(text: str, lang: str, expected: list[str]) -> None:
    assert labels(text, lang) == expected


def test_required_kinds() -> None:
    assert [v.kind for v in extract_values("七十二小时", "zh")] == ["duration"]
    assert [v.kind for v in extract_values("2025年1月1日", "zh")] == ["date"]
    assert labels("1 January 2025", "en") == labels("2025年1月1日", "zh")


ENGLISH = [
    ("thirty (30) days", ["30 day"]),
    ("within seventy-two (72) hours", ["72 hour"]),
    ("twelve (12) months", ["12 month"]),
    ("ten business days", ["10 business day"]),
    ("a 30-day period", ["30 day"]),
    ("5% or 5 % or 5 percent or five per cent", ["5%", "5%", "5%", "5%"]),
    ("USD 1,000,000", ["USD 1000000"]),
    ("US$1 million", ["USD 1000000"]),
    ("EUR 2.5 million", ["EUR 2500000"]),
    ("€500", ["EUR 500"]),
    ("1,000 euros", ["EUR 1000"]),
    ("one hundred and five", ["105"]),
    ("1,234.50", ["1234.5"]),
    ("the 15th day of each month", ["15"]),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_values(text: str, expected: list[str]) -> None:
    assert labels(text, "en") == expected


CHINESE = [
    ("三十日内", ["30 day"]),
    ("30天", ["30 day"]),
    ("十二个月", ["12 month"]),
    ("一百零五", ["105"]),
    ("两年", ["2 year"]),
    ("10个工作日", ["10 business day"]),
    ("1.5亿", ["150000000"]),
    ("1,000,000美元", ["USD 1000000"]),
    ("人民币100万元", ["CNY 1000000"]),
    ("100万欧元", ["EUR 1000000"]),
    ("5％", ["5%"]),
    ("百分之五点五", ["5.5%"]),
    ("三十（30）日", ["30 day"]),
    ("每月15日", ["15"]),
    ("２０２５年１月１日", ["2025-01-01"]),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE)
def test_chinese_values(text: str, expected: list[str]) -> None:
    assert labels(text, "zh") == expected


DATES = [
    ("1 January 2025", "en"), ("January 1, 2025", "en"), ("1st January 2025", "en"),
    ("2025-01-01", "en"), ("January 1st, 2025", "en"), ("2025年1月1日", "zh"),
    ("二〇二五年一月一日", "zh"), ("2025 年 1 月 1 日", "zh"), ("2025-01-01", "zh"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lang"), DATES)
def test_dates_in_every_form(text: str, lang: str) -> None:
    assert labels(text, lang) == ["2025-01-01"]


def test_month_year_and_time() -> None:
    assert labels("in May 2020", "en") == labels("2020年5月", "zh") == ["2020-05"]
    assert labels("by 5:00 p.m.", "en") == labels("下午5:00前", "zh") == ["17:00"]


def test_ambiguous_slash_date_keeps_both_readings() -> None:
    (value,) = extract_values("03/04/2025", "en")
    assert set(value.keys) == {"2025-04-03", "2025-03-04"}


def test_thirty_thirty_counts_once() -> None:
    assert len(extract_values("thirty (30) days", "en")) == 1
    assert len(extract_values("三十（30）日", "zh")) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Section 7.2", "en"), ("Clause 7", "en"), ("Annex 2", "en"), ("Article 28(3)", "en"),
        ("第7.2条", "zh"), ("第五条第二款", "zh"), ("附件二", "zh"), ("第三方", "zh"),
        ("(a) the Processor", "en"), ("（一）处理者", "zh"), ("一、总则", "zh"),
        ("统一、唯一、同一日", "zh"), ("see https://example.com/v2/dpa-2025", "en"),
        ("privacy2@example.com", "en"),
    ],
)  # fmt: skip
def test_references_and_markers_are_not_numbers(text: str, lang: str) -> None:
    assert labels(text, lang) == []


def test_regulation_numbers_stay_whole() -> None:
    assert labels("Regulation (EU) 2016/679", "en") == ["2016/679"]
    assert labels("欧盟第2016/679号条例", "zh") == ["2016/679"]
    assert [v.kind for v in extract_values("2016/679", "en")] == ["identifier"]


def test_bare_number_words_are_weak() -> None:
    assert labels("one or more Sub-processors", "en") == []
    assert labels("one or more Sub-processors", "en", weak=True) == ["1"]
    assert labels("一方", "zh", weak=True) == ["1"] and labels("一方", "zh") == []


def test_unmatched_values_agree_across_forms() -> None:
    en = extract_values("pay USD 1 million within thirty (30) days, 5% interest", "en")
    zh = extract_values("于三十日内支付100万美元，利息百分之五", "zh")
    assert unmatched_values(en, zh, ("amount", "duration", "percent", "number")) == ([], [])


def test_unmatched_values_report_the_difference() -> None:
    en = extract_values("within 30 days", "en")
    zh = extract_values("30个工作日内", "zh")
    en_only, zh_only = unmatched_values(en, zh, ("duration",))
    assert [v.label for v in en_only] == ["30 day"] and [v.label for v in zh_only] == [
        "30 business day"
    ]


def test_weak_word_vouches_for_a_number() -> None:
    en = extract_values("in two (2) copies", "en")
    zh = extract_values("一式两份", "zh")
    assert unmatched_values(en, zh, ("number",)) == ([], [])


def test_number_word_parsers() -> None:
    assert english_words_to_int("twenty-four") == 24
    assert english_words_to_int("two thousand and twenty-five") == 2025
    assert chinese_to_decimal("三点五") == chinese_to_decimal("3.5".replace("3.5", "三点五"))
    assert str(chinese_to_decimal("三点五")) == "3.5"
    with pytest.raises(ValueError):
        english_words_to_int("hundred")
    with pytest.raises(ValueError):
        english_words_to_int("twenty twenty")


# -- regressions found by probing a bilingual statute (sentences here are our own) --
def test_minguo_dates_and_taiwan_dollars() -> None:
    assert labels("民國九十九年五月二十六日公布", "zh") == ["2010-05-26"]
    assert labels("一百零四年十二月十五日修正", "zh") == ["2015-12-15"]
    assert labels("處新臺幣五百元以上二萬元以下罰鍰", "zh") == ["TWD 500", "TWD 20000"]
    assert labels("a fine of NT$500 to NT$20,000", "en") == ["TWD 500", "TWD 20000"]


def test_inline_list_markers_are_not_numbers() -> None:
    assert labels("the rights: 1. to access; 2. to correct; and 3. to erase", "en") == []
    assert labels("on these bases: 1.where required by law; or 2.where agreed", "en") == []
    assert labels("the fee is USD 30. The rest", "en") == ["USD 30"]


def test_chinese_fraction_vouches_for_a_percentage() -> None:
    en = extract_values("increased by up to 50%", "en")
    zh = extract_values("加重至二分之一", "zh")
    assert unmatched_values(en, zh, ("percent",)) == ([], [])


# -- regressions found in the review of tricky written forms (each failed before its fix) --
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("a cap of EUR 1.000.000,00 in total", "en", ["EUR 1000000"]),
    ("€1,5 million", "en", ["EUR 1500000"]),
    ("EUR 1.500,50", "en", ["EUR 1500.5"]),
    ("10 000 EUR", "en", ["EUR 10000"]),
    ("EUR 10\u00a0000", "en", ["EUR 10000"]),
    ("USD 1m per claim", "en", ["USD 1000000"]),
    ("EUR 2.5m", "en", ["EUR 2500000"]),
    ("$500k", "en", ["USD 500000"]),
])  # fmt: skip
def test_continental_grouped_and_abbreviated_amounts(
    text: str, lang: str, expected: list[str]
) -> None:
    assert labels(text, lang) == expected


def test_plain_spaced_numbers_without_a_currency_stay_apart() -> None:
    assert labels("items 10 000 and", "en") == ["10", "0"]
    # -- `m` is a million only right after a currency; here it is metres --
    assert labels("within 5m of the door", "en") == ["5"]


def test_per_mille_reads_as_a_percentage_and_meets_its_chinese_fraction() -> None:
    assert labels("5‰ of revenue", "en") == ["0.5%"]
    assert labels("营业额的5‰", "zh") == ["0.5%"]
    en, zh = extract_values("a fee of 5‰", "en"), extract_values("千分之五的费用", "zh")
    assert unmatched_values(en, zh, ("percent", "number")) == ([], [])


def test_digit_fractions_read_as_percentages() -> None:
    assert labels("1/2 of the fee", "en") == ["50%"]
    assert labels("3/4 of the fee", "en") == ["75%"]
    assert labels("support 24/7", "en") == [
        "24",
        "7",
    ]  # -- not a proper fraction: two numbers as before --
    en, zh = extract_values("1/2 of the fee", "en"), extract_values("费用的二分之一", "zh")
    assert unmatched_values(en, zh, ("percent", "number")) == ([], [])


@pytest.mark.parametrize(("en", "zh", "keys"), [
    ("from 1–15 January 2025", "自2025年1月1日至15日", ["2025-01-01", "2025-01-15"]),
    ("January 1–15, 2025", "2025年1月1日至15日", ["2025-01-01", "2025-01-15"]),
    ("between 1 and 15 January", "1月1日至15日", ["--01-01", "--01-15"]),
    ("on 15th of January 2025", "2025年1月15日", ["2025-01-15"]),
    ("by 5 p.m.", "下午5点前", ["17:00"]),
    ("by 5pm", "17时前", ["17:00"]),
    ("at 12 a.m.", "凌晨12点", ["00:00"]),
    ("by 3:30 p.m.", "下午三点三十分前", ["15:30"]),
])  # fmt: skip
def test_date_ranges_and_whole_hours_agree_across_languages(
    en: str, zh: str, keys: list[str]
) -> None:
    assert [v.key for v in extract_values(en, "en")] == keys
    assert [v.key for v in extract_values(zh, "zh")] == keys


def test_chinese_one_character_time_words_are_not_times() -> None:
    assert extract_values("同时", "zh") == []
    # -- 一时 "for a while" is a word: neither a time nor a count --
    assert extract_values("一时无法", "zh") == []


@pytest.mark.parametrize(("text", "lang", "paths"), [
    ("Clauses 7.1-7.3", "en", [("7", "1"), ("7", "3")]),
    ("Article 5-1", "en", [("5-1",)]),
    ("附件一至三", "zh", [("1",), ("3",)]),
    ("附件1、2和3", "zh", [("1",), ("2",), ("3",)]),
    ("第9至13条", "zh", [("9",), ("13",)]),
    ("第二十八条第三款第（一）项", "zh", [("28", "3", "1")]),
])  # fmt: skip
def test_reference_lists_and_ranges(text: str, lang: str, paths: list[tuple[str, ...]]) -> None:
    from dpa_compare.qa.refs import find_refs

    assert [r.path for r in find_refs(text, lang)] == paths
    assert labels(text, lang) == []  # -- masked: clause numbers are not quantities --


def test_chinese_decimals_with_a_middle_dot_or_a_circle_zero_agree_with_digits() -> None:
    assert str(chinese_to_decimal("十二‧三七五")) == "12.375"
    assert str(chinese_to_decimal("○．○五")) == "0.05"
    assert [v.key for v in extract_values("每人發給十二‧三七五個基數", "zh")] == ["12.375"]
    (rate,) = extract_values("費率為百分之○‧四二", "zh")
    assert (rate.kind, rate.key) == ("percent", "0.42")
    en = extract_values("a rate of 0.42% on 12.375 units", "en")
    zh = extract_values("費率為百分之○‧四二，計十二‧三七五個基數", "zh")
    assert unmatched_values(en, zh, ("percent", "number")) == ([], [])


def test_a_fraction_stated_on_both_sides_is_not_reported_beside_another_chinese_one() -> None:
    # -- "a majority" is 超過二分之一: the half has no English figure, two-thirds agrees --
    en = extract_values("approved by a majority of the members, two-thirds of them present", "en")
    zh = extract_values("經三分之二以上委員出席，出席委員超過二分之一同意", "zh")
    assert unmatched_values(en, zh, ("percent",)) == ([], [])
    # -- still reported: the English half became a Chinese third --
    en = extract_values("one-half of the members", "en")
    zh = extract_values("三分之一之委員", "zh")
    en_only, _ = unmatched_values(en, zh, ("percent",))
    assert [v.text for v in en_only] == ["one-half"]
