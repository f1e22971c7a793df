"""term_consistency on a statute's short forms: a later use rendered another way is found, however
the English repeats the short form; a common noun or a longer name is not the short form."""

from __future__ import annotations

from conftest import clause, documents, pair

from dpa_compare.qa import Pair, run_checks

DEFINITION = pair(
    "The Harbour Board of the Northern Province (hereinafter, the “Board”) keeps the pilot "
    "register, and licensed tug companies (hereinafter referred to as “Tug Operators”) "
    "file their crews.",
    "北部省港務委員會（以下簡稱委員會）掌理引水人名冊，領有執照之拖船公司（以下簡稱拖船業者）"
    "應報備其船員。",
)


def run(later: list[Pair]) -> list:
    pairs = [DEFINITION, *later]
    en, zh = documents(pairs)
    return run_checks(pairs, en, zh, checks=["term_consistency"])


def test_a_short_form_rendered_another_way_is_found_in_each_english_form() -> None:
    later = [
        pair("The Board shall meet monthly.", "該會應每月開會。"),
        pair("A tug operator shall keep a log.", "該業者應備置日誌。"),
        pair("This Board may revoke the licence.", "本會得廢止執照。"),
    ]
    findings = run(later)
    assert [f.zh_id for f in findings] == [p.zh.id for p in later]  # type: ignore[union-attr]
    assert "'Board' is 委員會" in findings[0].message
    assert "'Tug Operators' is 拖船業者" in findings[1].message


def test_uses_that_keep_the_rendering_or_are_not_the_short_form_are_not_flagged() -> None:
    later = [
        pair("The Board shall meet monthly.", "委員會應每月開會。"),
        pair("Each tug operator's crew list is public.", "拖船業者之船員名冊應公開。"),
        # -- the short form inside a longer name is another body --
        pair("The Southern Harbour Board may advise.", "南部港務委員會得提供意見。"),
        pair("the Board Secretariat keeps minutes", "秘書處應作成紀錄"),
        # -- a lower-case single word is the common noun --
        pair("the board of a vessel", "船舶之甲板"),
    ]
    assert run(later) == []


def test_a_phrase_used_before_its_definition_keeps_its_own_number() -> None:
    pairs = [
        pair("The port authority approves berths.", "港務機關核准船席。"),
        pair(
            "The port authority and the coast guard (hereinafter referred to as “port "
            "authorities”) share the duty.",
            "港務機關及海巡機關（以下簡稱港口機關）共同負責。",
        ),
        pair("The port authority sets the fee.", "港務機關訂定費額。"),
        pair("The port authorities shall cooperate.", "該等機關應合作。"),
    ]
    en, zh = documents(pairs)
    findings = run_checks(pairs, en, zh, checks=["term_consistency"])
    assert [f.zh_id for f in findings] == [pairs[3].zh.id]  # type: ignore[union-attr]


def test_a_short_form_left_implied_in_chinese_is_not_another_rendering() -> None:
    later = [
        # -- Chinese names the subject once, or not at all --
        pair("The Board shall notify the Tug Operators.", "應通知之。"),
        pair("A Tug Operator shall report its crew; the Board may inspect.", "其應報備船員。"),
        # -- another term holds the head: no rendering of this one --
        pair("The Board and the port committee decide.", "港口委員會決定之。"),
    ]
    assert run(later) == []


def test_a_defined_term_left_implied_is_not_flagged_but_one_rendered_otherwise_is() -> None:
    pairs = [
        Pair(
            clause('"Licensee" means a holder of a pilot licence.', "en", kind="definition",
                   term="Licensee"),
            clause("被許可人：指領有引水執照者。", "zh", kind="definition", term="被許可人"),
        ),
        pair("A Licensee shall carry the licence on board.", "應隨船攜帶執照。"),
        pair("The Licensee shall renew the licence yearly.", "執照應每年換發。"),
        pair("The Licensee may appeal.", "該許可人得提起申訴。"),
    ]  # fmt: skip
    en, zh = documents(pairs)
    findings = run_checks(pairs, en, zh, checks=["term_consistency"])
    assert [f.zh_id for f in findings] == [pairs[3].zh.id]  # type: ignore[union-attr]
