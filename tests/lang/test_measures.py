"""Words around a number that say what it is: lexicalised numerals, ordinal values, glued units."""

from dpa_compare.lang.measures import (
    ATTRIBUTIVE_DURATION,
    GLUED_MEASURE_UNIT,
    ORDINAL_VALUE_AFTER,
    numeral_words,
)


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in numeral_words(text)]


def test_words_with_a_numeral_that_state_no_number():
    assert words("圍牆四周應設排水溝") == ["四周"]
    assert words("各區一律適用，全體一致同意") == ["一律", "一致"]
    assert words("本條對第三人亦有效力") == ["第三人"]


def test_four_weeks_stays_a_duration_where_a_duration_stands():
    assert words("應於四周內補正") == []
    assert words("滿四周者") == []
    assert words("為期四周之訓練") == []


def test_a_word_inside_a_longer_numeral_is_no_word():
    assert words("停課十四周") == []
    assert words("罰鍰十萬一千元") == []


def test_ordinal_values_and_labels():
    assert ORDINAL_VALUE_AFTER.match("年起適用")
    assert ORDINAL_VALUE_AFTER.match("號公報")
    assert ORDINAL_VALUE_AFTER.match("屆理事")
    assert not ORDINAL_VALUE_AFTER.match("條規定")
    assert not ORDINAL_VALUE_AFTER.match("項第二款")


def test_units_glued_to_a_figure():
    assert GLUED_MEASURE_UNIT.match("cm long")
    assert GLUED_MEASURE_UNIT.match("kg.")
    assert GLUED_MEASURE_UNIT.match("m away")
    assert not GLUED_MEASURE_UNIT.match("G network")
    assert not GLUED_MEASURE_UNIT.match("months")


def test_durations_used_as_modifiers():
    assert ATTRIBUTIVE_DURATION["en"].match("-year programme")
    assert not ATTRIBUTIVE_DURATION["en"].match(" years of service")
    assert ATTRIBUTIVE_DURATION["zh"].match("年學制以上")
    assert ATTRIBUTIVE_DURATION["zh"].match("年制大學")
    assert not ATTRIBUTIVE_DURATION["zh"].match("年以上")


def test_a_calendar_month_is_not_a_count_of_months() -> None:
    from dpa_compare.lang.measures import CALENDAR_MONTH_AFTER

    assert CALENDAR_MONTH_AFTER.match("月底前")
    assert not CALENDAR_MONTH_AFTER.match("月以下有期徒刑")


def test_units_run_into_their_figure() -> None:
    for written in ("ton plus", "kw,", "Bq/unit", "g/lamp", "c㎡ )", "mSv"):
        assert GLUED_MEASURE_UNIT.match(written), written
    assert not GLUED_MEASURE_UNIT.match("Gold")


def test_a_metric_prefix_and_a_scale_standing_for_a_unit() -> None:
    from dpa_compare.lang.measures import METRIC_PREFIX_UNIT, SCALE_AS_UNIT_AFTER

    assert METRIC_PREFIX_UNIT.match("千瓦")
    assert not METRIC_PREFIX_UNIT.match("千元")
    assert SCALE_AS_UNIT_AFTER.match("元為單位")


def test_four_weeks_written_with_the_traditional_week() -> None:
    assert words("車站四週禁止建築") == ["四週"]
    assert words("滿四週後") == []
