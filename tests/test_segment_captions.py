"""Segmenting article captions in brackets, and paragraphs that lost their line breaks (issue 15,
held-out stand-in)."""

from _segment_docs import block_document as _doc

from dpa_compare.model import Document


def _rows(document: Document) -> list[tuple[str, str, str]]:
    return [(c.id, c.heading, c.text) for c in document.clauses]


def test_a_caption_in_brackets_under_an_article_label_is_its_title():
    doc = _doc(
        ("Article 3", {"heading_level": 3}),
        "(Kinds of Permits)",
        "Permits issued under this Act are of the following two kinds:",
        ("1.", {}),
    )
    assert _rows(doc)[:2] == [
        ("art3", "Kinds of Permits", ""),
        ("art3.p1", "", "Permits issued under this Act are of the following two kinds:"),
    ]


def test_a_chinese_caption_in_full_width_brackets_is_a_title_too():
    doc = _doc(("第 3 條", {"heading_level": 3}), "（許可種類）", "許可分為下列二種：", lang="zh")
    assert _rows(doc) == [("art3", "許可種類", ""), ("art3.p1", "", "許可分為下列二種：")]


def test_items_after_the_caption_and_one_paragraph_are_cited_from_the_article():
    doc = _doc(
        ("Article 3", {"heading_level": 3}),
        "(Kinds of Permits)",
        "Permits are of the following two kinds:",
        "1. Fishing permits.",
        "2. Landing permits.",
    )
    assert [c.ref for c in doc.clauses] == [
        "Article 3",
        "Article 3 ¶1",
        "Article 3 1",
        "Article 3 2",
    ]


def test_a_bracketed_line_that_is_the_whole_article_stays_its_text():
    doc = _doc(
        ("Article 9", {"heading_level": 3}),
        "(Deleted)",
        ("Article 10", {"heading_level": 3}),
        "This Act takes effect on promulgation.",
    )
    assert _rows(doc)[:2] == [("art9", "", ""), ("art9.p1", "", "(Deleted)")]


def test_a_bracketed_sentence_or_a_later_bracketed_line_is_no_caption():
    doc = _doc(
        ("Article 4", {"heading_level": 3}),
        "(The fee is set by the competent authority.)",
        "A permit costs one hundred dollars.",
        "(Amended in the second reading)",
        "It is valid for a year.",
    )
    assert [c.heading for c in doc.clauses] == ["", "", "", "", ""]


def test_items_run_into_the_sentence_before_them_are_split():
    doc = _doc(
        ("Article 2", {"heading_level": 3}),
        'Terms used in this Act are defined below.1. "Harbour" means a port for boats.'
        '2. "Skipper" means the person in charge of a boat.',
    )
    assert [(c.ref, c.text) for c in doc.clauses[1:]] == [
        ("Article 2 ¶1", "Terms used in this Act are defined below."),
        ("Article 2 1", '"Harbour" means a port for boats.'),
        ("Article 2 2", '"Skipper" means the person in charge of a boat.'),
    ]


RUN_TOGETHER = [
    "The Ministry may name a harbour.The Council may object within ten days.",
    "A skipper shall keep a log.The log shall be kept for five years.",
    "A boat shall carry a radio.Its licence number shall be painted on the hull.",
]


def test_sentences_run_together_are_split_where_a_document_often_does_it():
    doc = _doc(("Article 3", {"heading_level": 3}), *RUN_TOGETHER, "A fee is due.")
    assert [c.text for c in doc.clauses[1:3]] == [
        "The Ministry may name a harbour.",
        "The Council may object within ten days.",
    ]
    assert len(doc.clauses) == 1 + 2 * len(RUN_TOGETHER) + 1


def test_a_missing_space_here_and_there_splits_nothing():
    others = [f"Paragraph text number {n} of the act." for n in range(30)]
    doc = _doc(("Article 3", {"heading_level": 3}), *RUN_TOGETHER, *others)
    assert [c.text for c in doc.clauses[1:4]] == RUN_TOGETHER


def test_decimals_citations_and_abbreviations_are_no_lost_breaks():
    texts = [
        "See Article 3.1 and No. 2. The rest follows.",
        "Version 7.5.1 applies, e.g.The Harbour Rules, as in the U.S.The end.",
        "The fee is listed in Schedule.1. It is paid once.",
    ]
    doc = _doc(("Article 5", {"heading_level": 3}), *texts)
    assert [c.text for c in doc.clauses[1:]] == texts


def test_chinese_text_is_not_split_at_its_sentence_ends():
    doc = _doc(("第 2 條", {"heading_level": 3}), "本法用詞定義如下。主管機關得公告之。", lang="zh")
    assert len(doc.clauses) == 2


def test_a_table_drawn_in_text_a_paragraph_a_line_is_one_clause():
    lines = ["┌────┬─────┐", "│Type│Period │", "├────┼─────┤", "│Tank│10 years│", "└────┴─────┘"]
    doc = _doc(
        ("Article 7", {"heading_level": 3}),
        "The inspection periods are as follows:",
        *lines,
        "The Ministry may shorten a period.",
    )
    assert [c.text for c in doc.clauses[1:]] == [
        "The inspection periods are as follows:",
        "\n".join(lines),
        "The Ministry may shorten a period.",
    ]
