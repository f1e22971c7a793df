"""Numbers written in forms the two languages do not share: no false alarm, no lost defect.

Each case is our own sentence in the pattern of a false alarm met on official
translations: a word with a numeral in it (四周), o'clock times, a unit glued
to its figure, a scale, an ordinal value (第十一年), a fraction of a
percentage, a duration used as a modifier, an item number, and amounts
with a typo of form (`NT$240, 000`, `HT$`), which agree but are shown.
"""

from __future__ import annotations

import pytest
from conftest import documents, pair

from dpa_compare.qa import Pair, run_checks
from dpa_compare.qa.values import QUANTITY_KINDS, extract_values, unmatched_values


def differ(en: str, zh: str) -> tuple[list[str], list[str]]:
    left, right = unmatched_values(
        extract_values(en, "en"), extract_values(zh, "zh"), QUANTITY_KINDS
    )
    return [v.label for v in left], [v.label for v in right]


def numbers(en: str, zh: str) -> list:
    pairs: list[Pair] = [pair(en, zh)]
    en_doc, zh_doc = documents(pairs)
    return run_checks(pairs, en_doc, zh_doc, checks=["numbers"])


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        # -- a word with a numeral that states no number --
        ("The fence shall enclose the surrounding land.", "圍籬應圍住四周之土地。"),
        ("All members shall be treated uniformly.", "全體會員一律平等對待。"),
        ("The board decided unanimously.", "董事會一致決議。"),
        # -- o'clock times ⇄ a Chinese hour with its part of the day --
        (
            "No work between nine o'clock in the evening and seven o'clock in the next morning.",
            "午後九時至翌晨七時不得工作。",
        ),
        ("The office closes at eleven o’clock at night.", "辦公室於夜間十一時關閉。"),
        # -- a unit glued to its figure --
        ("The pole is 12.5m tall.", "該桿高十二點五公尺。"),
        (
            "The barrel is at least 40 inches (about 101.6cm) long.",
            "槍管長四十英吋（約一百零一點六公分）以上。",
        ),
        ("The gap is less than 3.5m wide.", "間隙寬度不足三公尺半。"),
        # -- a percent sign after a cited item is a percentage, not a clause number --
        (
            "Apart from persons in Item (2), 8％ of the pay is withheld.",
            "前款以外人員，扣取給付額百分之八。",
        ),
        # -- a scale is a ratio, not a time --
        ("Plans are drawn at a scale of 1:50.", "圖說比例尺為五十分之一。"),
        # -- 第 before a unit that counts: an ordinal value, not a label --
        ("The levy applies from the 7th year after enactment.", "本捐自施行後第七年起徵收。"),
        (
            "Reports follow IFRS 9 on financial instruments.",
            "報告依國際財務報導準則第九號公報辦理。",
        ),
        ("Members may serve a 3rd term.", "會員得連任第三屆。"),
        # -- a fraction of a percentage --
        ("a fee of one-tenth of one per cent of the price", "價金千分之一之費用"),
        ("a fee of one-half of one percent of the price", "價金千分之五之費用"),
        # -- an item number opening the English item --
        ("3 Where the applicant gave false information; or", "申請人提供不實資料者。"),
        # -- ranges and labels in the plural --
        ("a fine of 2 to8 times the unpaid fee", "處未繳費用二倍至八倍之罰鍰"),
        ("injuries in grades 1 to 7 of the schedule", "符合附表第一等級至第七等級之傷害"),
        # -- an item cited by its bare number --
        (
            "the rent of such plots, and the price of the plots mentioned in 2, less the fees;",
            "該等土地之租金及售價，扣除規費後之餘額。",
        ),
        ("The forms set out in 4 above shall be used.", "應使用前開表格。"),
        # -- A × 10^N, the superscript kept or set flat by the extraction --
        ("a source stronger than 7.4x109 becquerels", "強度逾七十四億貝克之射源"),
        ("a source stronger than 7.4 × 10^9 becquerels", "強度逾七十四億貝克之射源"),
        ("an annual risk below 1×10⁻⁶", "年風險低於百萬分之一"),
    ],
)
def test_no_false_alarm(en: str, zh: str) -> None:
    assert differ(en, zh) == ([], [])


@pytest.mark.parametrize(
    ("en", "zh", "expected"),
    [
        # -- the same forms with a changed figure are still found --
        ("Plans are drawn at a scale of 1:50.", "圖說比例尺為一百分之一。", None),
        ("The pole is 12.5m tall.", "該桿高十三點五公尺。", (["12.5"], ["13.5"])),
        (
            "No work after nine o'clock in the evening.",
            "午後十時以後不得工作。",
            (["21:00"], ["22:00"]),
        ),
        ("a fee of one-tenth of one per cent of the price", "價金千分之二之費用", (["0.1%"], [])),
        # -- 四周 is still four weeks where a duration stands --
        ("Reply within three weeks.", "應於四周內答覆。", (["3 week"], ["4 week"])),
        # -- an ordinal value that differs: the English figure is left without its twin --
        ("The 11th year counts.", "第十二年起算。", (["11"], [])),
        # -- a figure after the same words is still one: a unit, or a year --
        ("within the period specified in 20 days", "於十日內", (["20 day"], ["10 day"])),
        ("the rules as stated in 2019.", "本規則。", (["2019"], [])),
        # -- a flat exponent read as a power of ten still differs from another figure --
        ("a source stronger than 3.7x1010 becquerels", "強度逾三十七億貝克之射源", None),
    ],
)
def test_changed_figures_are_still_found(
    en: str, zh: str, expected: tuple[list[str], list[str]] | None
) -> None:
    left, right = differ(en, zh)
    if expected is None:
        assert left or right
    else:
        assert (left, right) == expected


def test_fourteen_weeks_is_no_word() -> None:
    assert differ("Hold it for fourteen weeks.", "保存十四周。") == ([], [])


@pytest.mark.parametrize(
    ("en", "zh", "form"),
    [
        (
            "a fine of NT$360, 000 to NT$900,000",
            "處新臺幣三十六萬元以上九十萬元以下罰鍰",
            "a space",
        ),
        ("a fine of not more than NT$ 300.000.", "處新臺幣三十萬元以下罰鍰。", "a full stop"),
        ("a fine of up to NT$4,500.000", "處新臺幣四百五十萬元以下罰金", "a full stop"),
        ("a fine of not less than HT$ 30,000", "處新臺幣三萬元以上罰鍰", "unknown currency 'HT$'"),
        ("a fine of up to NT$4500,000.", "處新臺幣四百五十萬元以下罰金。", "a first digit group"),
        (
            "a fine of up to NT400,000 a day",
            "按日處新臺幣四十萬元以下罰鍰",
            "unknown currency 'NT'",
        ),
    ],
)
def test_a_typo_of_form_is_a_minor_finding_that_names_it(en: str, zh: str, form: str) -> None:
    (finding,) = numbers(en, zh)
    assert finding.severity == "minor"
    assert form in finding.message and "read as" in finding.message


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("a fine of NT$360, 000 to NT$900,000", "處新臺幣三十七萬元以上九十萬元以下罰鍰"),
        ("a fine of not more than NT$ 300.000.", "處新臺幣四十萬元以下罰鍰。"),
        ("a fine of not less than HT$ 30,000", "處新臺幣五萬元以上罰鍰"),
        ("a fine of up to NT400,000 a day", "按日處新臺幣三十萬元以下罰鍰"),
        # -- four digits in a group have no one repair: read whole, a changed figure --
        ("a fine of up to NT$ 4,500,0000", "處新臺幣四百五十萬元以下罰金"),
        ("a fine of up to NT$1200,000", "處新臺幣一百五十萬元以下罰金"),
    ],
)
def test_a_typo_of_form_with_a_changed_figure_stays_critical(en: str, zh: str) -> None:
    (finding,) = numbers(en, zh)
    assert finding.severity == "critical" and "malformed" in finding.message


def test_a_duration_used_as_a_modifier_is_minor_when_the_other_side_names_the_thing() -> None:
    (finding,) = numbers(
        "Graduates of the academy's three-year course may apply.", "警察專科學校畢業者得申請。"
    )
    assert finding.severity == "minor"
    (finding,) = numbers("Graduates of a bachelor course may apply.", "四年制大學畢業者得申請。")
    assert finding.severity == "minor"


def test_a_duration_used_as_a_modifier_is_critical_when_the_other_side_has_another() -> None:
    (finding,) = numbers("Graduates of a three-year course may apply.", "二年制專科畢業者得申請。")
    assert finding.severity == "critical"


def test_capitals_before_a_small_figure_are_no_currency() -> None:
    assert differ("Use Form NT2 for the request.", "申請應使用NT2表格。") == ([], [])


def test_a_figure_with_its_unit_opening_the_text_is_still_a_quantity() -> None:
    assert differ("30 Days after notice the licence lapses.", "通知後二十日執照失效。") == (
        ["30 day"],
        ["20 day"],
    )
