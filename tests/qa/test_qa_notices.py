"""Translator's notices and editorial remarks on one side only: notes about the text, not text.

Sentences invented in the pattern of published statute translations.
"""

from __future__ import annotations

from conftest import documents, pair

from dpa_compare.qa import Pair, run_checks


def run(name: str, pairs: list[Pair]) -> list:
    en, zh = documents(pairs)
    return run_checks(pairs, en, zh, checks=[name])


BODY = pair("The fee shall be paid within ten days.", "規費應於十日內繳納。")


def test_translator_notice_in_the_translation_only_is_minor() -> None:
    notice = pair(
        "(This English text is for reference only. Should the English and the Chinese texts "
        "differ, the Chinese text shall govern.)",
        None,
    )
    (finding,) = run("governing_language", [BODY, notice])
    assert finding.severity == "minor" and "translator's notice" in finding.message
    assert run("omission", [BODY, notice]) == []  # -- reported once, as the notice --
    # -- yielding to the other language is enough, without "for reference only" --
    yields = pair("If the two versions differ, the Chinese version prevails.", None)
    (finding,) = run("governing_language", [BODY, yields])
    assert finding.severity == "minor"
    # -- the same notice on the Chinese side --
    chinese = pair(None, "本中文譯本僅供參考，如有歧異，以英文本為準。")
    (finding,) = run("governing_language", [BODY, chinese])
    assert finding.severity == "minor" and finding.zh_id == chinese.zh.id  # type: ignore[union-attr]


def test_governing_clause_on_one_side_stays_major() -> None:
    own = pair(
        "This Contract is signed in English and Chinese; the English text shall prevail.", None
    )
    (finding,) = run("governing_language", [BODY, own])
    assert finding.severity == "major" and "no Chinese clause" in finding.message


def test_notice_agreeing_with_the_other_sides_clause_is_silent() -> None:
    both = pair(
        "In case of any discrepancy, the Chinese version shall govern.",
        "如有歧異，以中文本為準。",
    )
    assert run("governing_language", [BODY, both]) == []


def test_titles_and_names_are_no_language_clause() -> None:
    titles = [
        pair(
            "The Official English Text of the Harbour Dues Act",
            "港埠規費法",
        ),
        pair(
            "A dealer shall follow the Rules Governing Internal Control Systems issued by the "
            "Chinese Dealers Association.",
            "商應遵守公會所定內部控制制度規則。",
        ),
    ]
    assert run("governing_language", titles) == []


def test_bracketed_editorial_remark_is_minor() -> None:
    remark = pair(
        "(Remark: for Forms 3 and 4, please refer to Pages 210 ~ 214 of the Gazette)", None
    )
    (finding,) = run("omission", [BODY, remark])
    assert finding.severity == "minor" and "editorial note" in finding.message
    # -- a bracketed paragraph of law text left untranslated is still an omission --
    law = pair("(The fee is waived for a first application.)", None)
    (finding,) = run("omission", [BODY, law])
    assert finding.severity == "critical"
