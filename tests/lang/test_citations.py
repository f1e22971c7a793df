"""The citation grammar (`lang.citations`) on unusual English forms and Chinese lists.

Every sentence here is invented in the pattern of official statute translations.
"""

from __future__ import annotations

from dpa_compare.lang.citations import (
    Citation,
    Place,
    citations_agree,
    find_citations,
    resolve,
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


def test_a_figure_with_percent_in_words_ends_a_citation_list() -> None:
    assert paths("under item C, 3.5 percent of equity applies") == [("relative", ("C",))]


def test_the_preceding_six_paragraphs() -> None:
    assert one("前六項之辦法，由主管機關定之。", "zh").path == ("prev6",)


def test_the_preceding_seven_subparagraphs_agree_with_chinese() -> None:
    assert one("other goods not in the preceding seven subparagraphs", "en").path == ("prev7",)
    assert one("前七款以外之貨物", "zh").path == ("prev7",)
