"""`cross_references` on citations written on one side only, or of different kinds.

Every sentence here is invented in the pattern of official statute translations.
"""

from __future__ import annotations

from dataclasses import replace

from conftest import documents, pair

from dpa_compare.qa import Pair, label_map_from_pairs, run_checks


def run(pairs: list[Pair]) -> list:
    en, zh = documents(pairs)
    return run_checks(pairs, en, zh, checks=["cross_references"])


def test_a_pointer_back_on_one_side_only_is_no_finding() -> None:
    """前項 ⇄ "the aforesaid …": the English points back without naming the paragraph."""
    for chinese in ("前項許可證應於三十日內換發。", "前项许可证应于三十日内换发。"):
        assert run([pair("The aforesaid permit shall be renewed within 30 days.", chinese)]) == []
    english = "The permit referred to in the preceding paragraph shall be renewed."
    assert run([pair(english, "該許可證應予換發。")]) == []


def test_a_pointer_back_beside_another_citation_is_still_reported() -> None:
    (finding,) = run([pair("The permit under Article 9 shall be renewed.", "前項許可證應予換發。")])
    assert finding.check == "cross_references"


def test_an_annex_and_an_article_are_no_changed_citation() -> None:
    english = "The inspector shall fill in the report form (Annex 12) after the inspection."
    (finding,) = run([pair(english, "檢查員實施前項檢查後，應填報報告表。")])
    assert finding.severity == "minor"


def test_another_law_cited_where_the_chinese_says_the_preceding_article() -> None:
    english = (
        "Goods beyond the limits of the foregoing provision are taxed as in Article 6, "
        "General Rules of the Harbour Dues Tariff."
    )
    for chinese in ("超出前條規定者，依稅則總則六徵稅。", "超出前条规定者，依税则总则六征税。"):
        (finding,) = run([pair(english, chinese, label="12")])
        assert finding.severity == "minor"
    # -- the text's own article against 前條 (in Article 12: Article 11): cited differently --
    own = pair(
        "Goods beyond the limits of Article 6 are taxed.", "超出前條規定者，應徵稅。", label="12"
    )
    (finding,) = run([own])
    assert finding.severity == "major"


def test_a_label_carried_by_two_english_clauses_is_not_mapped() -> None:
    """A list number run into the line before: its items repeat the earlier list's labels."""
    first = pair("Scope of business.", "業務範圍。", label="3")
    again = pair("Market analysis.", "市場分析。", label="3")
    again = Pair(again.en, replace(again.zh, label="4", ref="4", path=("4",)))
    assert label_map_from_pairs([again]) == {"Section 3": "4"}
    assert label_map_from_pairs([first, again]) == {}
