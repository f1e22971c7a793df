"""The citation grammar (`lang.citations`) on unusual English forms and Chinese lists.

Every sentence here is invented in the pattern of official statute translations.
"""

from __future__ import annotations

from dpa_compare.lang.citations import (
    Citation,
    Place,
    citations_agree,
    find_citations,
    names_other_law,
    resolve,
    within_range,
)
from dpa_compare.qa.refs import parse_label, translate_ref
from dpa_compare.qa.values import extract_values


def paths(text: str, lang: str = "en") -> list[tuple[str, tuple[str, ...]]]:
    return [(c.kind, c.path) for c in find_citations(text, lang)]


def one(text: str, lang: str) -> Citation:
    (citation,) = find_citations(text, lang)
    return citation


def test_paragraph_of_article_followed_by_herein() -> None:
    assert paths("A dealer who breaches Paragraph 3 of Article 9 herein is fined.") == [
        ("clause", ("9", "3"))
    ]


def test_label_reads_its_whole_path() -> None:
    """An item's label is not taken for its paragraph (the label map of renumbered pairs)."""
    assert parse_label("Article 9 ¶3 2").path == ("9", "3", "2")  # type: ignore[union-attr]
    chinese = parse_label("第 9 條 ¶3 二、")
    assert chinese is not None and (chinese.kind, chinese.path) == ("clause", ("9", "3", "2"))
    assert parse_label("第 4 條 一、（二）").path == ("4", "1", "2")  # type: ignore[union-attr]
    # -- an item renumbered between the languages leaves its paragraph's citations alone --
    cited = one("under Paragraph 3 of Article 9", "en")
    moved = translate_ref(cited, {"Article 9 ¶3 2": "第 9 條 ¶3 三、"})
    assert (moved.kind, moved.path) == ("clause", ("9", "3"))
    # -- a renumbered paragraph is translated, and keeps its kind --
    moved = translate_ref(cited, {"Article 9 ¶3": "第 9 條 ¶4"})
    assert (moved.kind, moved.path) == ("clause", ("9", "4"))


def test_dotted_article_is_an_inserted_article() -> None:
    dotted = one("loans secured as set out in Article 88.1 of this Act", "en")
    assert citations_agree(dotted, one("依本法第八十八條之一", "zh"))
    assert not citations_agree(dotted, one("依本法第八十八條之二", "zh"))
    assert not citations_agree(one("Article 88(1)", "en"), one("第八十八條之一", "zh"))


def test_hyphenated_citation_words() -> None:
    assert paths("the term counted into the period on the above Paragraph-3.") == [
        ("relative", ("3",))
    ]
    assert paths("as qualified under Item-2 of Article-11") == [("clause", ("11", "2"))]


def test_misspelt_citation_word_before_a_hyphenated_number() -> None:
    assert paths("an offence named in Subsectoin-3 of Item-2") == [("relative", ("2", "3"))]
    assert paths("as in Subsetion-4/Item-1 of Article-8") == [
        ("relative", ("4",)),
        ("clause", ("8", "1")),
    ]
    assert paths("as in Paragraf-2") == [("relative", ("2",))]
    # -- a word far from every citation word, or short, is not corrected --
    assert paths("buses leave Station-5 daily; see Window-2; COVID-19 rules") == []
    # -- and its number is no bare figure for the numbers check --
    assert [v.key for v in extract_values("as in Subsectoin-3 of Item-2", "en")] == []


def test_plural_unit_with_of_before_a_range() -> None:
    cited = paths("Articles of 210 through 215 do not apply to a closed fund.")
    assert cited == [("clause", ("210",)), ("clause", ("215",))]
    assert [v.key for v in extract_values("Articles of 210 through 215 apply", "en")] == []
    assert paths("the articles of 3 companies") == []


def test_numbers_in_words_after_the_unit() -> None:
    assert paths("Paragraphs Two and Four of Article 31 apply") == [
        ("clause", ("31", "2")),
        ("clause", ("31", "4")),
    ]
    assert paths("as applied in the Paragraph One") == [("relative", ("1",))]
    # -- a list of digits does not run on into a number word --
    assert paths("under paragraph 3 and one of the following") == [("relative", ("3",))]


def test_of_chain_follows_the_written_nesting() -> None:
    """ "X of Y of Z": each is part of the next, whatever level its word usually names."""
    assert paths("section 2 of paragraph 1 of Article 64 of the Building Act") == [
        ("clause", ("64", "1", "2"))
    ]
    assert paths("Subsection-4 of Item-3 of the previous Article") == [
        ("relative", ("prev", "3", "4"))
    ]
    assert paths("Article 14, paragraphs 1 to 4 of Article 18") == [
        ("clause", ("14",)),
        ("clause", ("18", "1")),
        ("clause", ("18", "4")),
    ]


def test_chinese_list_writes_di_once() -> None:
    assert paths("違反第四十一條第三款、四十二條第一項或第四十四條者", "zh") == [
        ("clause", ("41", "3")),
        ("clause", ("42", "1")),
        ("clause", ("44",)),
    ]
    assert [v.key for v in extract_values("第四十一條、四十二條規定", "zh")] == []
    assert paths("本條例四十二條", "zh") == []


def test_preceding_paragraph_items_skip_a_paragraph_without_list() -> None:
    """ "items 2 to 4 of the preceding paragraph" in ¶3 cites ¶1 when only ¶1 has items."""
    english = one("items 2 of the preceding paragraph", "en")
    listed = Place("6", 3, frozenset({1}))
    assert resolve(english, listed).path == ("6", "1", "2")
    assert resolve(english, Place("6", 3, frozenset({1, 2}))).path == ("6", "2", "2")
    assert resolve(one("the preceding paragraph", "en"), listed).path == ("6", "2")


def test_relative_citations_of_one_depth_compare_every_level() -> None:
    assert not citations_agree(one("前項第四款", "zh"), one("第一項第四款", "zh"))
    assert citations_agree(one("第四款", "zh"), one("前項第四款", "zh"))


def test_article_written_before_its_paragraph_keeps_it() -> None:
    """ "Article 12-1 Paragraph 3, Article 40 Paragraph 2": each paragraph is its article's."""
    assert paths(
        "breaches Article 12-1 Paragraph 3, Article 40 Paragraphs 2 and 4, or Article 41."
    ) == [
        ("clause", ("12-1", "3")),
        ("clause", ("40", "2")),
        ("clause", ("40", "4")),
        ("clause", ("41",)),
    ]
    # -- a text that writes its articles first also means "Article 8-2, paragraph 2" so --
    assert paths("Article 8-2, paragraph 2, Article 30, Article 35-1 paragraph 1") == [
        ("clause", ("8-2", "2")),
        ("clause", ("30",)),
        ("clause", ("35-1", "1")),
    ]
    # -- otherwise a paragraph after a comma still belongs to the next article --
    assert paths("Article 8-2, paragraph 2 of Article 30") == [
        ("clause", ("8-2",)),
        ("clause", ("30", "2")),
    ]


def test_a_part_of_a_paragraph_is_no_chapter() -> None:
    assert paths("the first part of Paragraph 3 of Article 20 applies") == [("clause", ("20", "3"))]
    assert paths("the second part of the proviso of paragraph 2") == [("relative", ("2",))]
    assert paths("Part Two; the first part") == [("chapter", ("2",)), ("chapter", ("1",))]


def test_listed_members_share_the_outer_levels_written_last() -> None:
    assert paths("Paragraph 2 or Paragraph 5 of Article 44-1") == [
        ("clause", ("44-1", "2")),
        ("clause", ("44-1", "5")),
    ]
    assert paths("item 2 of Clause 3, items 1 and 2 of Clause 4 of the preceding paragraph") == [
        ("relative", ("prev", "3", "2")),
        ("relative", ("prev", "4", "1")),
        ("relative", ("prev", "4", "2")),
    ]
    # -- each member names its own article: nothing shared --
    assert paths("Paragraph 1 of Article 3 or Paragraph 2 of Article 9") == [
        ("clause", ("3", "1")),
        ("clause", ("9", "2")),
    ]
    assert paths("the preceding paragraph or Paragraph 2 of Article 9") == [
        ("relative", ("prev",)),
        ("clause", ("9", "2")),
    ]


def test_a_clause_above_may_be_a_subparagraph_of_the_preceding_paragraph() -> None:
    """ "Clause 2 above" in a second paragraph is 前項第二款 (款 written "Clause")."""
    english = one("the terms set under Clause 2 above shall be announced", "en")
    for chinese in ("前項第二款", "前项第二款"):
        assert citations_agree(english, one(chinese, "zh"))
    assert not citations_agree(english, one("前項第三款", "zh"))
    assert not citations_agree(one("Article 2", "en"), one("前项第二款", "zh"))


def test_a_dotted_number_starting_with_its_article_is_absolute() -> None:
    """ "paragraph 9.2" written in Article 9 (translations number items article.item)."""
    cited = resolve(one("the body named in paragraph 9.2 shall report", "en"), Place("9", 2))
    assert (cited.kind, cited.path) == ("clause", ("9", "2"))
    for chinese in ("前項第二款", "前项第二款"):
        assert citations_agree(cited, resolve(one(chinese, "zh"), Place("9", 2)))


def test_more_words_for_the_preceding_unit() -> None:
    assert paths("the records kept in foregoing Paragraph") == [("relative", ("prev",))]
    assert paths("rewards under the last two paragraphs") == [("relative", ("prev2",))]
    assert paths("the two preceding paragraphs") == [("relative", ("prev2",))]
    assert paths("after the former paragraph deadline") == [("relative", ("prev",))]
    # -- "the last paragraph", "the former section of" and "the above-mentioned parts" cite no
    #    preceding unit --
    assert paths("the last paragraph") == []
    assert paths("the former section of Paragraph 1") == [("relative", ("1",))]
    assert paths("the above-mentioned parts") == []


def test_a_citation_that_names_another_law() -> None:
    def other(text: str, lang: str) -> bool:
        return names_other_law(find_citations(text, lang)[0], text, lang)

    assert other("as in Article 7 of the Maritime Labour Code", "en")
    assert other("the rate in Article 3, General Rules of the Harbour Dues Tariff.", "en")
    assert other("Penal Code Article 15 Paragraph 2", "en")
    assert other("under Article 4 of the Regulations Governing Tea Exporters", "en")
    assert not other("under Article 4 of this Act", "en")
    assert not other("under Article 4 of the Act", "en")
    assert not other("the preceding article", "en")
    for chinese in ("依海商法第七條", "依海商法第七条", "同法第四條", "茶葉出口管理規則第四條"):
        assert other(chinese, "zh")
    for chinese in ("依本法第七條", "依本条例第七条", "違反第七條", "前條"):
        assert not other(chinese, "zh")


def test_a_member_inside_a_range_cited_by_its_ends() -> None:
    text = "Article 7 Paragraphs 2 to 5, Article 8"
    english = find_citations(text, "en")
    inside = [
        within_range(c, english, text) for c in find_citations("第七條第三項、第四項、第六項", "zh")
    ]
    assert inside == [True, True, False]
    for chinese in ("第七條第二項至第五項", "第七条第二项至第五项"):
        zh = find_citations(chinese, "zh")
        assert within_range(one("Article 7 Paragraph 4", "en"), zh, chinese)
    listed = "Article 7 Paragraphs 2 and 5"
    assert not within_range(one("第七條第三項", "zh"), find_citations(listed, "en"), listed)


def test_a_figure_with_percent_in_words_ends_a_citation_list() -> None:
    assert paths("under item C, 3.5 percent of equity applies") == [("relative", ("C",))]


def test_the_preceding_six_paragraphs() -> None:
    assert one("前六項之辦法，由主管機關定之。", "zh").path == ("prev6",)


def test_the_preceding_seven_subparagraphs_agree_with_chinese() -> None:
    assert one("other goods not in the preceding seven subparagraphs", "en").path == ("prev7",)
    assert one("前七款以外之貨物", "zh").path == ("prev7",)


def test_the_preceding_paragraphs_without_a_count_agree_with_any_count() -> None:
    """ "the preceding paragraphs" names no count: 前二項, 前三項 or 前各項, not 前項."""
    english = one("the fees set in the preceding paragraphs are paid yearly", "en")
    assert english.path == ("prevs",)
    for chinese in ("前二項", "前三项", "前各項", "前各项"):
        assert citations_agree(english, one(chinese + "之費用", "zh")), chinese
    assert not citations_agree(english, one("前項之費用", "zh"))
    assert one("the preceding paragraph", "en").path == ("prev",)
    assert one("the preceding three paragraphs", "en").path == ("prev3",)


def test_a_closed_paragraph_list_hands_the_numbers_after_it_back_to_the_articles() -> None:
    """ "Articles 12, 30-2 paragraphs 1 and 3, 41-1, 52": "and" closes the paragraph list."""
    found = paths("breaches Articles 12, 30-2 paragraphs 1 and 3, 41-1, 52 or 60 of this Act")
    assert ("clause", ("30-2", "1")) in found and ("clause", ("30-2", "3")) in found
    for article in ("41-1", "52", "60"):
        assert ("clause", (article,)) in found, article
    assert not any(len(path) == 2 and path[1] in ("41-1", "52", "60") for _, path in found)
    # -- a paragraph list not written after an article's number keeps all its numbers --
    assert paths("items 1 and 2, 5 of paragraph 1") == [
        ("relative", ("1", "1")),
        ("relative", ("1", "2")),
        ("relative", ("1", "5")),
    ]


def test_the_preceding_paragraphs_written_in_the_second_paragraph_are_the_first() -> None:
    english = one("by the means in the preceding paragraphs", "en")
    cited = resolve(english, Place("58", 2))
    assert (cited.kind, cited.path) == ("clause", ("58", "1"))
    assert citations_agree(cited, resolve(one("以前項方法", "zh"), Place("58", 2)))
    assert resolve(english, Place("58", 3)).path == ("prevs",)


def test_the_preceding_article_of_an_inserted_article() -> None:
    """前條 in article 5-1 is article 5; in 5-2 it is 5-1; in 6 it is 5."""
    for article, expected in (("5-1", ("5",)), ("5-2", ("5-1",)), ("6", ("5",))):
        for text, lang in (("依前條規定", "zh"), ("under the preceding article", "en")):
            cited = resolve(one(text, lang), Place(article, 1))
            assert (cited.kind, cited.path) == ("clause", expected), (article, text)
    assert citations_agree(
        resolve(one("依前條規定", "zh"), Place("5-1", 1)), one("Article 5 applies", "en")
    )
