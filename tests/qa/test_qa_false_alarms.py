"""The false-alarm classes real translations showed, each in sentences written for this test.

Each class has a near miss that must stay quiet and, where the class has
one, a real defect of the same shape that must still be found. Every
finding carries the two spans it compared.
"""

from __future__ import annotations

import pytest
from conftest import clause, documents, pair

from dpa_compare.lang.citations import Place, find_citations, resolve
from dpa_compare.qa import Glossary, GlossaryEntry, Pair, run_checks
from dpa_compare.qa.checks.quantities import clause_citations


def run(name: str, pairs: list[Pair], **kw: object) -> list:
    en, zh = documents(pairs)
    return run_checks(pairs, en, zh, checks=[name], **kw)  # type: ignore[arg-type]


# -- citations written in words or in another order ------------------------------------------

WORDED = [
    ("The fee under Paragraph 2, Article 9 is waived.", "依第九條第二項之費用免收。"),
    ("as set out in subparagraph 3 of paragraph 2 of Article 14", "依第十四條第二項第三款所定"),
    ("Subparagraph 1, Paragraph 3, Article 20 applies.", "第二十條第三項第一款適用之。"),
    ("under the third subparagraph in the second paragraph of this article", "依本條第二項第三款"),
    ("The notice in the preceding paragraph shall be in writing.", "前項通知應以書面為之。"),
    ("The notice in the first paragraph of this article is free.", "本條第一項之通知免費。"),
    ("Articles 4 to 9 do not apply.", "第四條至第九條不適用之。"),
    ("Articles 4 to 9 do not apply.", "第四至九条不适用。"),
    ("as required by art. 17 of the Regulation", "依该条例第17条的要求"),
    ("as required by Article 6-2", "依第六條之二規定"),
    ("Paragraphs 1 and 3 of Article 12 apply.", "第十二條第一項及第三項適用之。"),
]


@pytest.mark.parametrize(("en", "zh"), WORDED)
def test_worded_and_reordered_citations_agree(en: str, zh: str) -> None:
    assert run("cross_references", [pair(en, zh)]) == []


def test_a_changed_worded_citation_is_still_found_with_both_spans() -> None:
    (finding,) = run("cross_references", [pair("under Paragraph 2, Article 9", "依第九條第三項")])
    assert finding.evidence["en_only"] == ["Paragraph 2, Article 9"]
    assert finding.evidence["zh_only"] == ["第九條第三項"]
    assert finding.evidence["en_clause"] and finding.evidence["zh_clause"]


def test_relative_citations_resolve_against_their_clause() -> None:
    (en,) = find_citations("the preceding paragraph", "en")
    (zh,) = find_citations("第六條第一項", "zh")
    assert resolve(en, Place("6", 2)).path == zh.path == ("6", "1")
    (this,) = find_citations("本條第二項", "zh")
    assert resolve(this, Place("6", 3)).path == ("6", "2")


def test_preceding_paragraph_against_a_numbered_one_in_the_same_article() -> None:
    en = clause("Fees under the preceding paragraph are due monthly.", "en")
    zh = clause("第一項之費用按月繳納。", "zh")
    en = type(en)(**{**en.__dict__, "path": ("3", "p2")})
    zh = type(zh)(**{**zh.__dict__, "path": ("3", "p2")})
    assert run("cross_references", [Pair(en, zh)]) == []


# -- a heading or label is not a citation ----------------------------------------------------


def test_a_heading_label_is_not_a_citation() -> None:
    heading = [pair("", "", heading="Part Two", kind="heading")]
    heading[0] = Pair(
        clause("", "en", heading="Part Two General Rules"),
        clause("", "zh", heading="第二部分 一般規定"),
    )
    assert run("cross_references", heading) == []


def test_a_citation_in_a_heading_after_its_label_still_counts() -> None:
    pairs = [
        Pair(
            clause("", "en", heading="Part Two Exceptions to Article 5"),
            clause("", "zh", heading="第二部分 第六條之例外"),
        )
    ]
    assert [f.check for f in run("cross_references", pairs)] == ["cross_references"]


# -- label forms ----------------------------------------------------------------------------


def test_appendix_letter_without_a_space() -> None:
    assert run("cross_references", [pair("See Appendix B.", "见附录B。")]) == []
    (finding,) = run("cross_references", [pair("See Appendix B.", "见附录C的说明。")])
    assert finding.evidence["zh_only"] == ["附录C"]


# -- versions, figures stated twice, currency forms -----------------------------------------

QUIET_NUMBERS = [
    ("Use v2 of the form.", "使用第2版表格。"),
    ("Use version 3 of the form.", "使用表格第3版。"),
    ("The owner holds fifty percent (50%) of the shares.", "所有人持有百分之五十的股份。"),
    ("A fine of NT$1million applies.", "處新臺幣一百萬元罰鍰。"),
    ("A fine of NT$30,000 applies.", "處新臺幣三萬元罰鍰。"),
]


@pytest.mark.parametrize(("en", "zh"), QUIET_NUMBERS)
def test_versions_repeated_figures_and_currency_compare_as_values(en: str, zh: str) -> None:
    assert run("numbers", [pair(en, zh)]) == []


def test_a_changed_amount_in_another_currency_form_is_found() -> None:
    (finding,) = run("numbers", [pair("A fine of NT$1million applies.", "處新臺幣二百萬元罰鍰。")])
    assert finding.evidence["en_clause"] and finding.evidence["zh_clause"]


# -- list numbering by convention -----------------------------------------------------------


def test_list_numbering_differing_by_convention() -> None:
    en = "The record lists i. the name, ii. the address, iii. the purpose."
    zh = "紀錄載明1，姓名，2，地址，3，目的。"
    assert run("numbers", [pair(en, zh)]) == []


def test_a_real_count_beside_list_numbering_is_still_compared() -> None:
    en = "The record lists i. the name, ii. the address, and is kept for five years."
    zh = "紀錄載明1，姓名，2，地址，並保存六年。"
    (finding,) = run("numbers", [pair(en, zh)])
    assert "5 year" in finding.evidence["en_only"]


# -- English kept on purpose in the Chinese -------------------------------------------------


def test_allowed_english_is_shown_as_suppressed_not_dropped() -> None:
    from dpa_compare.qa import check_documents

    notice = "Provided as is without warranty of any kind"
    pairs = [pair(f"The notice {notice} must be kept.", f"必須保留{notice}之聲明。")]
    en, zh = documents(pairs)
    glossary = Glossary((GlossaryEntry(notice, (notice,)),))
    from dpa_compare.model import Alignment, Link

    alignment = Alignment(
        en, zh, (Link((pairs[0].en.id,), (pairs[0].zh.id,), 1.0, ("test",)),), ("test",)
    )
    allowed = check_documents(
        en, zh, glossary=glossary, alignment=alignment, checks=["untranslated"]
    )
    assert allowed.findings == ()
    assert [f.check for f, _ in allowed.suppressed] == ["untranslated"]
    plain = check_documents(en, zh, alignment=alignment, checks=["untranslated"])
    assert [f.check for f in plain.findings] == ["untranslated"]


def test_citing_a_whole_article_agrees_with_citing_its_paragraph() -> None:
    assert (
        run("cross_references", [pair("as set out in Article 29", "依第二十九條第一項所定")]) == []
    )
    assert run("cross_references", [pair("the preceding paragraph", "前項第二款")]) == []
    (finding,) = run("cross_references", [pair("as set out in Article 29", "依第三十條第一項所定")])
    assert finding.severity == "major"


def test_a_paragraph_number_printed_at_its_start_is_not_a_citation() -> None:
    # -- some official translations print `Paragraph 6.2` (article 6, paragraph 2) at the start
    #    of the paragraph; the Chinese has no number there --
    own = pair(
        "Paragraph 6.2 The plan in the preceding paragraph shall be reviewed every three years.",
        "前項計畫應每三年檢討一次。",
        label="6.p2",
    )
    assert run("cross_references", [own]) == []
    # -- another article's number in the same place is still a citation --
    cited = clause_citations(own.en, "Paragraph 7.2 applies mutatis mutandis.", "en")
    assert [ref.path for ref, _ in cited] == [("7", "2")]
