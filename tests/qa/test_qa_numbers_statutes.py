"""Numbers and dates as statute translations write them: no false alarm, no lost defect.

Each case is a sentence written for this test in the pattern of a false alarm
met on official translations of statutes: days of several months, a small
hour, a figure stated twice, fractions and scales, Chinese decimals read
digit by digit, a bare dollar after NT$, standard numbers, units told more
exactly on one side, words that say "one", ranks, list numbers and numbers
inside citations. Each class keeps a real change of the same shape found.
"""

from __future__ import annotations

import pytest
from conftest import clause, documents, pair

from dpa_compare.qa import Pair, run_checks
from dpa_compare.qa.registry import Pair as RegistryPair
from dpa_compare.qa.values import (
    QUANTITY_KINDS,
    cited_numbers,
    extract_values,
    unmatched_values,
)


def differ(
    en: str, zh: str, kinds: tuple[str, ...] = QUANTITY_KINDS
) -> tuple[list[str], list[str]]:
    left, right = unmatched_values(
        extract_values(en, "en"),
        extract_values(zh, "zh"),
        kinds,
        cited_numbers(en, "en"),
        cited_numbers(zh, "zh"),
    )
    return [v.label for v in left], [v.label for v in right]


def run(name: str, pairs: list[Pair]) -> list:
    en_doc, zh_doc = documents(pairs)
    return run_checks(pairs, en_doc, zh_doc, checks=[name])


AGREE = [
    # -- one day of several months, each year --
    (
        "Returns are due by the 20th of February, May, August and November each year.",
        "申報書應於每年二月、五月、八月及十一月之二十日前提出。",
    ),
    (
        "Vouchers go in before the 10th day of March and September.",
        "憑證應於三月及九月之十日前送交。",
    ),
    # -- a small hour where only a time can stand --
    ("Visits end at 9 a.m. on the following day.", "探視至翌日九時止。"),
    # -- a single thing the Chinese leaves uncounted --
    ("One (1) copy of the survey plan shall be enclosed.", "應檢附測量圖。"),
    # -- fractions: a scale with a grouped denominator, a share in digits and as a fraction --
    ("Plans are drawn on a scale of at least 1/2,000.", "圖面比例尺不得小於二千分之一。"),
    ("The factor is 3/10,000 of the weight.", "係數為重量之萬分之三。"),
    ("The weight is multiplied by 0.001.", "重量乘以千分之一。"),
    ("The risk shall stay below two in 10,000 per year.", "每年風險應低於萬分之二。"),
    ("Staff attend training within one-half year of joining.", "人員應於到職後半年內受訓。"),
    (
        "Maps at one-thousandth (1/1,000) or one-two thousandth (1/2,000) scale.",
        "一千或二千分之一比例之地圖。",
    ),
    ("A quarter of the fiscal year is three months.", "會計年度每三個月為一季。"),
    # -- Chinese decimals read digit by digit, with ○ for zero --
    ("The content is at least 0.08% by weight.", "其含量重量比在百分之○．○八以上。"),
    ("The annual dose shall not exceed 0.35 mSv.", "年劑量不得超過○．三五毫西弗。"),
    ("Isotope U(238) below 0.812%.", "鈾－二三八在百分之○．八一二以下。"),
    # -- amounts: a bare dollar after NT$, plural scales, scales joined by "and" --
    ("a fine of NT$ 40,000 to $200,000", "處新臺幣四萬元以上二十萬元以下罰鍰"),
    ("a fee of NT 30 million dollars or more", "費用在新臺幣三千萬元以上"),
    ("each unit is forty thousands NT dollars", "每一單位為新臺幣四萬元"),
    (
        "a fine of up to three million and four hundred thousand New Taiwan Dollars",
        "處新臺幣三百四十萬元以下罰鍰",
    ),
    ("Accounts are kept in thousands of NT dollars.", "帳冊以新臺幣千元為單位。"),
    ("The limit is twenty thousand (20,000) kilowatts.", "其限量為二萬千瓦。"),
    ("for each unit above 2,000MW", "逾二百萬瓩者"),
    # -- standard numbers written with and without a space --
    ("tested to CNS 14412 and CNS 10100-2", "依CNS14412及CNS10100-2檢驗"),
    # -- words that say "one", "ten", "two" --
    ("The total for any 1 year shall not exceed 5 percent.", "每年合計不得超過百分之五。"),
    ("The catch within one week shall not exceed 20 tons.", "單週漁獲量不得超過二十公噸。"),
    ("Leave shall not exceed three months in one year.", "同一年度內請假不得逾三個月。"),
    ("a report is filed before every decade of service ends", "每屆滿十年前提出報告"),
    ("the hourly average level", "一小時之平均值"),
    ("daily, ten-day and monthly reports", "日報、旬報及月報"),
    (
        "Where the offenders are more than one, they are jointly liable.",
        "行為人有二人以上者，連帶負責。",
    ),
    ("the plan for the coming fiscal year", "未來一年之計畫"),
    ("the contribution for the next reporting period", "下一年度之提撥"),
    # -- ranks and ordinals --
    ("workers with the 4th to 8th disability levels", "失能等級第四等級至第八等級之勞工"),
    ("the concentration in the sixth (6th) column of the table", "附表第六欄所定濃度"),
    # -- months by name, a Chinese word that is no count --
    ("statistics for January to June and July to December", "一月至六月及七月至十二月之統計"),
    ("no building is allowed around the station", "車站四週禁止建築"),
    # -- list numbers --
    ("(2.) Forklifts: 3 units of 10 tons;", "堆高機：十噸三臺。"),
    (
        "if they amount to either (1) 30 percent of equity, or (2) 45 percent of the funds",
        "達權益之百分之三十或募集金額之百分之四十五者",
    ),
    ("2 Gold Medals are awarded.", "金牌二名。"),
    # -- a figure with a unit run into it, a word run into a figure --
    ("a test load of 30ton above the rated load", "額定荷重加上三十公噸"),
    ("a pressure below40 kg/c㎡", "壓力在每平方公分四十公斤以下"),
    ("activity below 370Bq/unit", "活度在三百七十貝克以下"),
    ("generators over 15,000kw", "發電容量一萬五千瓩以上"),
    # -- a run-in list number glued to a year --
    (
        "Not repaid:1. Bonds issued before 1950 and the bonds of 1950.2. Other old debts.",
        "下列債務不予處理：民國三十九年以前之債券及民國三十九年債券。其他舊債。",
    ),
    # -- numbers inside citations written in a form not recognised --
    (
        "as set out in Article 7, Paragraph 3 and the rules under 7-1",
        "依第七條第三項及第七條之一規定",
    ),
    ("the items listed in Paragraphs 2 to 4 of Article 10", "依第十條第二項至第四項所列"),
    (
        "as the Civil Code, Articles 1001 through 1003, provides",
        "依民法第一千零一條至一千零三條規定",
    ),
    ("the matters in item B(c)", "前目之2所定事項"),
    ("the rates of the tariff under Article 4 of its General Rules", "依稅則總則四所定稅率"),
]


@pytest.mark.parametrize(("en", "zh"), AGREE)
def test_statute_forms_agree(en: str, zh: str) -> None:
    assert differ(en, zh) == ([], [])
    assert differ(en, zh, ("date",)) == ([], [])


CHANGED = [
    # -- a changed day of the month, a changed hour --
    (
        "Returns are due by the 20th of February, May and August.",
        "申報書應於二月、五月及八月之二十五日前提出。",
        ("date",),
    ),
    ("Visits end at 9 a.m. on the following day.", "探視至翌日八時止。", QUANTITY_KINDS),
    # -- a counted copy that changed --
    ("One (1) copy of the plan shall be enclosed.", "應檢附計畫書二份。", QUANTITY_KINDS),
    # -- a changed scale, share or decimal --
    (
        "Plans are drawn on a scale of at least 1/2,000.",
        "圖面比例尺不得小於五千分之一。",
        QUANTITY_KINDS,
    ),
    ("The weight is multiplied by 0.001.", "重量乘以萬分之一。", QUANTITY_KINDS),
    (
        "The content is at least 0.08% by weight.",
        "其含量重量比在百分之○．○六以上。",
        QUANTITY_KINDS,
    ),
    ("within one-half year of joining", "到職後一年內", QUANTITY_KINDS),
    # -- a changed amount after a bare dollar --
    ("a fine of NT$ 40,000 to $200,000", "處新臺幣四萬元以上三十萬元以下罰鍰", QUANTITY_KINDS),
    (
        "a fine of up to three million and four hundred thousand New Taiwan Dollars",
        "處新臺幣三百萬元以下罰鍰",
        QUANTITY_KINDS,
    ),
    # -- a changed standard number --
    ("tested to CNS 14412", "依CNS14413檢驗", QUANTITY_KINDS),
    # -- a changed duration beside a word that says one --
    (
        "The total for any 2 years shall not exceed 5 percent.",
        "每年合計不得超過百分之五。",
        QUANTITY_KINDS,
    ),
    # -- "more than one" says two only of persons or things, not of months --
    (
        "It may be extended once by not more than one month.",
        "得延長一次，但不得逾二個月。",
        QUANTITY_KINDS,
    ),
    # -- a number of the citation across the way that this side leaves out --
    (
        "Concerning 2, 4, and 6 of Article 9, the rules apply.",
        "前項第二款、第四款至第六款之規定適用之。",
        QUANTITY_KINDS,
    ),
    # -- even where the article's own number is the one left out --
    (
        "Concerning 2, 4, and 6 of Article 5, the rules apply.",
        "前項第二款、第四款至第六款之規定適用之。",
        QUANTITY_KINDS,
    ),
]


@pytest.mark.parametrize(("en", "zh", "kinds"), CHANGED)
def test_changes_of_the_same_shape_are_found(en: str, zh: str, kinds: tuple[str, ...]) -> None:
    left, right = differ(en, zh, kinds)
    assert left or right


def test_a_citation_number_is_shown_as_minor() -> None:
    (finding,) = run("numbers", [pair("except for those under Law 31", "除適用第三十一條規定外")])
    assert finding.severity == "minor"
    assert finding.evidence["en_only"] == ["31"]


def test_business_days_against_days_is_minor() -> None:
    (finding,) = run(
        "numbers", [pair("It takes effect 9 days after filing.", "申報後屆滿九個營業日生效。")]
    )
    assert finding.severity == "minor"
    (critical,) = run(
        "numbers", [pair("It takes effect 9 days after filing.", "申報後屆滿十個營業日生效。")]
    )
    assert critical.severity == "critical"


def _article_pair(en: str, zh: str, label: str) -> RegistryPair:
    return RegistryPair(clause(en, "en", label), clause(zh, "zh", label))


def test_a_figure_moved_to_the_next_paragraph_of_the_same_article() -> None:
    pairs = [
        _article_pair(
            "Set aside 20 percent of profits as a reserve.",
            "應先提百分之二十為公積。公積未達資本額前，現金分配不得超過資本額之百分之十二。",
            "8.1",
        ),
        _article_pair(
            "Until the reserve equals capital, cash dividends may not exceed 12 percent of capital."
            " Thereafter this does not apply.",
            "公積已達資本額時，不受前項限制。",
            "8.2",
        ),
    ]
    assert run("numbers", pairs) == []


def test_a_figure_changed_across_the_paragraph_is_still_found() -> None:
    pairs = [
        _article_pair(
            "Set aside 20 percent of profits as a reserve.",
            "應先提百分之二十為公積。公積未達資本額前，現金分配不得超過資本額之百分之十二。",
            "8.1",
        ),
        _article_pair(
            "Until the reserve equals capital, dividends may not exceed 15 percent of capital.",
            "公積已達資本額時，不受前項限制。",
            "8.2",
        ),
    ]
    assert {f.severity for f in run("numbers", pairs)} == {"critical"}
