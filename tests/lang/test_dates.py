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


def test_oclock_times_read_with_their_part_of_the_day():
    assert keys("closed from eight o'clock in the evening", "en") == [("20:00",)]
    assert keys("open at seven o’clock in the next morning", "en") == [("07:00",)]
    assert keys("not after 11 o'clock at night", "en") == [("23:00",)]
    assert keys("from 2 o'clock at night", "en") == [("02:00",)]
    assert keys("at twelve o'clock noon", "en") == [("12:00",)]
    # -- without the part of the day, either half --
    assert keys("the meeting starts at nine o'clock", "en") == [("09:00", "21:00")]


def test_chinese_hours_after_their_part_of_the_day():
    assert keys("自午後八時至翌晨七時", "zh") == [("20:00",), ("07:00",)]
    assert keys("夜間十一時以後", "zh") == [("23:00",)]
    assert keys("清晨五時", "zh") == [("05:00",)]
    assert keys("午前九時", "zh") == [("09:00",)]


def test_one_day_of_several_months_reads_for_each_month():
    expected = [("--04-25",), ("--07-25",), ("--10-25",)]
    assert keys("filed by the 25th of April, July and October", "en") == expected
    assert keys("應於四月、七月及十月之二十五日前申報", "zh") == expected
    assert keys("before the 3rd day of June or December", "en") == [("--06-03",), ("--12-03",)]


def test_a_small_chinese_hour_reads_where_only_a_time_stands():
    assert keys("至翌日七時止", "zh") == keys("until 7 a.m. the next day", "en") == [("07:00",)]
    assert keys("於六時開始", "zh") == [("06:00",)]
    # -- 一時 alone is "for a while"; 時間 is "time" --
    assert keys("一時無法辦理", "zh") == []
    assert keys("於零時至五時間", "zh") == []
