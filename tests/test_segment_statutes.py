"""Segmenting statute layouts: grouping sections, 款/目 headings, items typed without a space."""

from _segment_docs import block_document as _doc

from dpa_compare.model import Document


def _tree(document: Document) -> list[tuple[str, str | None, str]]:
    return [(c.id, c.parent, c.kind) for c in document.clauses]


def test_sections_above_the_articles_group_them():
    doc = _doc(
        ("Chapter 2 Licences", {"heading_level": 2}),
        ("Section 1 Grant", {"heading_level": 3}),
        ("Article 4", {"heading_level": 4}),
        "A licence is granted on request.",
        ("Section 2.Revocation", {"heading_level": 3}),
        ("Subsection 1.Ordinary Revocation", {"heading_level": 3}),
        ("Article 5", {"heading_level": 4}),
        "A licence may be revoked.",
    )
    assert _tree(doc) == [
        ("ch2", None, "heading"),
        ("ch2.sec1", "ch2", "heading"),
        ("art4", "ch2.sec1", "clause"),
        ("art4.p1", "art4", "paragraph"),
        ("ch2.sec2", "ch2", "heading"),
        ("ch2.sec2.subsec1", "ch2.sec2", "heading"),
        ("art5", "ch2.sec2.subsec1", "clause"),
        ("art5.p1", "art5", "paragraph"),
    ]
    assert [c.heading for c in doc.clauses if c.kind == "heading"][2:] == [
        "Revocation",
        "Ordinary Revocation",
    ]


def test_sections_stay_clauses_where_no_article_sits_below_them():
    doc = _doc(("Section 1 Scope", {"heading_level": 2}), "The vendor hosts the data.")
    assert doc.clauses[0].id == "art1"
    assert doc.clauses[0].ref == "Section 1"


def test_chinese_kuan_and_mu_headings_carry_their_number():
    doc = _doc(
        ("第 三 章 罰則", {"heading_level": 2}),
        ("第 二 節 程序", {"heading_level": 3}),
        ("第 一 目 簡易程序", {"heading_level": 3}),
        ("第 7 條", {"heading_level": 4}),
        "申請人得以書面為之。",
        "第一款情形，主管機關得延長之。",
        lang="zh",
    )
    assert _tree(doc)[:4] == [
        ("ch3", None, "heading"),
        ("ch3.sec2", "ch3", "heading"),
        ("ch3.sec2.subsec1", "ch3.sec2", "heading"),
        ("art7", "ch3.sec2.subsec1", "clause"),
    ]
    # -- in running text the same words cite an item: no new container --
    assert doc.clauses[-1].kind == "paragraph" and doc.clauses[-1].parent == "art7"


def test_items_typed_against_their_number_are_items():
    doc = _doc(
        ("Article 9", {"heading_level": 3}),
        "The zones are as follows:",
        "1.Coastal zones: set by the tide line.",
        "A.Type 1: sandy shores.",
        "B.Type 2: rocky shores.",
        "2.Inland zones.",
    )
    assert _tree(doc)[2:] == [
        ("art9.1", "art9", "list_item"),
        ("art9.1.A", "art9.1", "list_item"),
        ("art9.1.B", "art9.1", "list_item"),
        ("art9.2", "art9", "list_item"),
    ]


def test_an_item_that_names_a_unit_keeps_the_paragraph_after_it():
    doc = _doc(
        ("Article 3", {"heading_level": 3}),
        "The office has these units:",
        "1.Records Unit:",
        "Keeps the files.",
        "2.Audit Unit:",
        "Checks the accounts.",
        "The head may merge units.",
    )
    assert _tree(doc)[2:] == [
        ("art3.1", "art3", "list_item"),
        ("art3.1.p1", "art3.1", "paragraph"),
        ("art3.2", "art3", "list_item"),
        ("art3.2.p1", "art3.2", "paragraph"),
        ("art3.p2", "art3", "paragraph"),
    ]


def test_subparagraph_words_label_items_but_citations_do_not():
    doc = _doc(
        ("Article 6", {"heading_level": 3}),
        "Leave is granted when:",
        "Subparagraph 1- The member is ill.",
        "Subparagraph 2-The member studies.",
        "Paragraph 1 of Article 2 applies as well.",
    )
    assert [(c.id, c.ref) for c in doc.clauses[2:4]] == [
        ("art6.1", "Article 6 Subparagraph 1"),
        ("art6.2", "Article 6 Subparagraph 2"),
    ]
    assert doc.clauses[-1].kind == "paragraph"


def test_paragraphs_under_unnumbered_headings_of_an_annex_have_distinct_citations():
    doc = _doc(
        ("Exhibit B", {"heading_level": 1}),
        ("Hosting", {"heading_level": 2}),
        "Servers stand in two regions.",
        ("Support", {"heading_level": 2}),
        "Tickets are answered within a day.",
        ("Backups", {"heading_level": 2}),
        "Copies are kept for thirty days.",
    )
    refs = [c.ref for c in doc.clauses if c.kind == "paragraph"]
    assert len(refs) == 3 and len(set(refs)) == 3
    assert all(ref.startswith("Exhibit B ¶") for ref in refs)


def test_a_capitals_line_after_the_last_clause_is_not_part_of_it():
    doc = _doc(
        ("Terms of Use", {"heading_level": 1}),
        ("8. Governing Law", {"heading_level": 3}),
        "The laws of the seller's seat apply.",
        "CLOSE OF THE TERMS",
        "To adopt these terms, copy them into your product notice.",
    )
    closing = next(c for c in doc.clauses if c.heading == "CLOSE OF THE TERMS")
    assert closing.kind == "heading" and closing.parent != "8"
    assert doc.clauses[-1].parent == closing.id


def test_a_capitals_word_inside_a_clause_stays_there():
    doc = _doc(("8. Notices", {"heading_level": 3}), "NOTE", "Notices go by post.")
    assert [c.parent for c in doc.clauses[1:]] == ["8", "8"]


def test_a_paragraph_label_alone_on_its_line_holds_the_text_below():
    doc = _doc(
        ("Article 2", {"heading_level": 3}),
        "Paragraph 1",
        "A permit lasts five years.",
        "Paragraph 2",
        "It may be renewed once.",
    )
    assert _tree(doc)[1:] == [
        ("art2.1", "art2", "list_item"),
        ("art2.1.p1", "art2.1", "paragraph"),
        ("art2.2", "art2", "list_item"),
        ("art2.2.p1", "art2.2", "paragraph"),
    ]


def test_a_first_item_run_into_its_introduction_is_an_item_of_its_own():
    doc = _doc(
        ("第 4 條", {"heading_level": 3}),
        "申請書應附下列文件︰一、船舶登記證明。",
        "二、船員名冊。",
        "三、檢查紀錄。",
        lang="zh",
    )
    assert _tree(doc)[1:] == [
        ("art4.p1", "art4", "paragraph"),
        ("art4.1", "art4", "list_item"),
        ("art4.2", "art4", "list_item"),
        ("art4.3", "art4", "list_item"),
    ]
    assert [c.text for c in doc.clauses[1:3]] == ["申請書應附下列文件︰", "船舶登記證明。"]


def test_a_colon_inside_the_paragraph_does_not_cut_it_without_a_first_item():
    doc = _doc(
        ("Article 4", {"heading_level": 3}),
        "The hours are fixed as follows: weekdays only.",
        "2. Fees are due on application.",
    )
    assert doc.clauses[1].text == "The hours are fixed as follows: weekdays only."


def test_a_first_item_typed_without_its_dot_is_read_before_item_two():
    doc = _doc(
        ("Article 6", {"heading_level": 3}),
        "A permit may be refused in either of these cases:",
        "1 Where the application is false;",
        "2. Where the fee is unpaid.",
        "1, Any person who objects may appeal.",
        "A further appeal lies to the court.",
    )
    assert _tree(doc)[1:4] == [
        ("art6.p1", "art6", "paragraph"),
        ("art6.1", "art6", "list_item"),
        ("art6.2", "art6", "list_item"),
    ]
    assert doc.clauses[2].text == "Where the application is false;"
    # -- without an item 2 after it, a paragraph opening with a figure stays a paragraph --
    assert doc.clauses[-2].kind == "paragraph" and doc.clauses[-2].text.startswith("1, Any")


def test_a_figure_with_decimals_opens_a_sentence_not_a_clause():
    doc = _doc(
        ("Article 8", {"heading_level": 3}),
        "1. Registration fee: ten dollars.",
        "2. Transfer fee:",
        "3.5 percent of the value is charged for each transfer.",
        "No.3 of the schedule applies to small boats.",
        "Article 3.1 of the Act applies to large boats.",
        "3.Inspection fee: twenty dollars.",
    )
    assert [(c.label, c.kind) for c in doc.clauses[1:]] == [
        ("1.", "list_item"),
        ("2.", "list_item"),
        ("", "paragraph"),
        ("", "paragraph"),
        ("", "paragraph"),
        ("3.", "list_item"),
    ]
    assert doc.clauses[-1].parent == "art8"
