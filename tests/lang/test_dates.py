"""Dates and times read into comparable keys, in English and in both Chinese scripts."""

from dpa_compare.lang.dates import MONTH_NAMES, find_dates


def keys(text: str, lang: str) -> list[tuple[str, ...]]:
    return [match.keys for match in find_dates(text, lang)]


def test_the_same_day_written_four_ways_reads_as_one_key():
    assert keys("signed on 1 January 2025", "en") == [("2025-01-01",)]
    assert keys("signed on January 1st, 2025", "en") == [("2025-01-01",)]
    assert keys("于2025年1月1日签署", "zh") == [("2025-01-01",)]
    assert keys("於二〇二五年一月一日簽署", "zh") == [("2025-01-01",)]


def test_lower_case_may_is_a_verb_not_a_month():
    assert keys("the processor may 5 times a year", "en") == []
    assert MONTH_NAMES[4] == "may" and len(MONTH_NAMES) == 12


def test_times_read_as_24_hours():
    assert keys("by 5:00 p.m.", "en") == keys("下午5:00前", "zh") == [("17:00",)]
