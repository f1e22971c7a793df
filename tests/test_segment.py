"""Segmentation: labels, hierarchy, kinds, definitions, ids and citations."""

from _segment_docs import block_document as _doc

from dpa_compare.api import load, segment
from dpa_compare.model import Block, Document


def _rows(document: Document):
    return [(c.id, c.label, c.parent, c.kind) for c in document.clauses]


def test_dotted_decimals_place_themselves_by_prefix():
    doc = _doc(
        ("1. Definitions", {"heading_level": 2}),
        ("1.1 Scope", {"heading_level": 3}),
        "1.1.1 The Processor shall act.",
        "1.2 The Customer shall pay.",
        "2. Term",
    )
    assert _rows(doc) == [
        ("1", "1.", None, "clause"),
        ("1.1", "1.1", "1", "clause"),
        ("1.1.1", "1.1.1", "1.1", "clause"),
        ("1.2", "1.2", "1", "clause"),
        ("2", "2.", None, "clause"),
    ]
    assert [c.ref for c in doc.clauses] == ["1", "1.1", "1.1.1", "1.2", "2"]
    assert (
        doc.clause("1").heading == "Definitions"
        and doc.clause("1.2").text == "The Customer shall pay."
    )


def test_items_nest_by_scheme_and_close_back_to_siblings():
    doc = _doc(
        "7.2 The Processor shall:",
        "(a) keep records;",
        "(i) of processing;",
        "(ii) of transfers;",
        "(b) assist the Customer.",
        "7.3 The Customer shall pay.",
    )
    assert _rows(doc) == [
        ("7.2", "7.2", None, "clause"),
        ("7.2.a", "(a)", "7.2", "list_item"),
        ("7.2.a.i", "(i)", "7.2.a", "list_item"),
        ("7.2.a.ii", "(ii)", "7.2.a", "list_item"),
        ("7.2.b", "(b)", "7.2", "list_item"),
        ("7.3", "7.3", None, "clause"),
    ]
    assert doc.clause("7.2.a.ii").ref == "7.2(a)(ii)"
    assert doc.clause("7.2.a").path == ("7", "2", "1")


def test_h_then_i_is_a_letter_not_a_roman_numeral():
    items = [f"({letter}) item {letter};" for letter in "abcdefghij"]
    doc = _doc("5.1 The Processor shall:", *items)
    assert [c.parent for c in doc.clauses[1:]] == ["5.1"] * 10
    assert doc.clause("5.1.i").path == ("5", "1", "9")


def test_other_english_schemes():
    doc = _doc(
        "a. first", "b. second", "A) upper", "(1) number", "(2) number two", "a) lower", "c. third"
    )
    assert [(c.label, c.parent) for c in doc.clauses] == [
        ("a.", None),
        ("b.", None),
        ("A)", "b"),
        ("(1)", "b.A"),
        ("(2)", "b.A"),
        ("a)", "b.A.2"),
        ("c.", None),
    ]


def test_articles_under_chapters_and_annexes_at_top():
    doc = _doc(
        ("Chapter I General Provisions", {"heading_level": 2}),
        ("Article 1", {"heading_level": 3}),
        "The purpose of this Act.",
        ("Article 1-1", {"heading_level": 3}),
        "First.",
        "Second.",
        ("Chapter II Collection", {"heading_level": 2}),
        ("Article 2 – Scope", {"heading_level": 3}),
        ("Annex 1 – Security", {"heading_level": 2}),
        "1. Encryption at rest.",
        "2. Access control.",
    )
    assert _rows(doc) == [
        ("ch1", "Chapter I", None, "heading"),
        ("art1", "Article 1", "ch1", "clause"),
        ("art1.p1", "", "art1", "paragraph"),
        ("art1-1", "Article 1-1", "ch1", "clause"),
        ("art1-1.p1", "", "art1-1", "paragraph"),
        ("art1-1.p2", "", "art1-1", "paragraph"),
        ("ch2", "Chapter II", None, "heading"),
        ("art2", "Article 2", "ch2", "clause"),
        ("annex1", "Annex 1", None, "heading"),
        ("annex1.1", "1.", "annex1", "clause"),
        ("annex1.2", "2.", "annex1", "clause"),
    ]
    assert doc.clause("art1-1.p2").ref == "Article 1-1 ¶2"
    assert doc.clause("art2").heading == "Scope"
    assert doc.clause("annex1.2").ref == "Annex 1 2"
    assert doc.clause("ch1").heading == "General Provisions"


def test_chinese_schemes():
    doc = _doc(
        ("第一章 总则", {"heading_level": 2}),
        "第一条 为了保护个人信息，制定本法。",
        "本法适用于境内。",
        "第二条 处理者应当履行下列义务：",
        "一、制定内部管理制度；",
        "（一）明确责任；",
        "（二）定期培训；",
        "二、采取安全措施。",
        ("第二节 附则", {"heading_level": 3}),
        "第三条 本法自公布之日起施行。",
        ("附件一 安全措施", {"heading_level": 2}),
        "1. 加密",
        "1.1 传输加密",
        lang="zh",
    )
    assert _rows(doc) == [
        ("ch1", "第一章", None, "heading"),
        ("art1", "第一条", "ch1", "clause"),
        ("art1.p1", "", "art1", "paragraph"),
        ("art2", "第二条", "ch1", "clause"),
        ("art2.1", "一、", "art2", "list_item"),
        ("art2.1.1", "（一）", "art2.1", "list_item"),
        ("art2.1.2", "（二）", "art2.1", "list_item"),
        ("art2.2", "二、", "art2", "list_item"),
        ("ch1.sec2", "第二节", "ch1", "heading"),
        ("art3", "第三条", "ch1.sec2", "clause"),
        ("annex1", "附件一", None, "heading"),
        ("annex1.1", "1.", "annex1", "clause"),
        ("annex1.1.1", "1.1", "annex1.1", "clause"),
    ]
    assert doc.clause("art1").text == "为了保护个人信息，制定本法。"
    assert doc.clause("art2.1.2").ref == "第二条 一、（二）"
    assert doc.clause("annex1.1.1").ref == "附件一 1.1"


def test_same_number_normalises_across_scripts():
    zh_doc = _doc("第七条 保密", "（三）第三项", lang="zh")
    en_doc = _doc("Article 7 Confidentiality", "(c) third item")
    assert (
        [c.path for c in zh_doc.clauses] == [c.path for c in en_doc.clauses] == [("7",), ("7", "3")]
    )
    assert [c.id for c in zh_doc.clauses] == ["art7", "art7.3"]


def test_unnumbered_paragraphs_attach_to_the_numbered_clause_before_them():
    doc = _doc(
        "Preamble text.",
        ("5. Sub-processors", {"heading_level": 2}),
        "The Processor may engage others.",
        "(a) with notice;",
        "(b) with a contract.",
        "Any objection must be in writing.",
    )
    assert _rows(doc) == [
        ("p1", "", None, "paragraph"),
        ("5", "5.", None, "clause"),
        ("5.p1", "", "5", "paragraph"),
        ("5.a", "(a)", "5", "list_item"),
        ("5.b", "(b)", "5", "list_item"),
        ("5.p2", "", "5", "paragraph"),
    ]
    assert [c.ref for c in doc.clauses] == ["¶1", "5", "5 ¶1", "5(a)", "5(b)", "5 ¶2"]
    assert doc.clause("5.p1").text == "The Processor may engage others."  # -- never merged --


def test_bullets_nest_by_list_level():
    doc = _doc(
        ("3.2 Obligations", {"heading_level": 3}),
        "Mistral shall:",
        ("comply;", {"list_level": 0}),
        ("assist;", {"list_level": 0}),
        ("by notice", {"list_level": 1}),
        "Closing words.",
    )
    assert [(c.id, c.parent, c.kind) for c in doc.clauses] == [
        ("3.2", None, "clause"),
        ("3.2.p1", "3.2", "paragraph"),
        ("3.2.p2", "3.2", "list_item"),
        ("3.2.p3", "3.2", "list_item"),
        ("3.2.p3.p1", "3.2.p3", "list_item"),
        ("3.2.p4", "3.2", "paragraph"),
    ]


def test_label_only_heading_takes_the_bold_line_after_it_as_title():
    doc = _doc(
        ("Clause 1", {"heading_level": 4}),
        ("Purpose and scope", {"bold_lead": "Purpose and scope"}),
        "(a) The purpose is compliance.",
    )
    assert doc.clauses[0].heading == "Purpose and scope"
    assert [c.id for c in doc.clauses] == ["art1", "art1.a"]


def test_auto_labels_and_bold_run_in_titles():
    doc = _doc(
        ("The Processor shall keep data confidential.", {"auto_label": "7.", "bold_lead": None}),
        ("Confidentiality. The Processor shall not disclose.", {"bold_lead": "Confidentiality."}),
        ("8.1 Instructions", {"bold_lead": "8.1 Instructions"}),
    )
    seven, paragraph, eight = doc.clauses
    assert (seven.label, seven.text) == ("7.", "The Processor shall keep data confidential.")
    assert (paragraph.heading, paragraph.text) == (
        "Confidentiality",
        "The Processor shall not disclose.",
    )
    assert (eight.label, eight.heading, eight.text) == ("8.1", "Instructions", "")


def test_definitions_english_and_chinese():
    en_doc = _doc(
        "1. Definitions",
        '1.1 "Customer Data" means data of the Customer.',
        "(a) “Agreement” means the service agreement.",
        "The Processor shall act.",
    )
    assert [(c.kind, c.term) for c in en_doc.clauses] == [
        ("clause", None),
        ("definition", "Customer Data"),
        ("definition", "Agreement"),
        ("paragraph", None),
    ]
    zh_doc = _doc(
        "第二条 本法用语：",
        "一、个人信息：指自然人的信息。",
        "“处理”是指收集、存储。",
        "「當事人」指本人。",
        lang="zh",
    )
    assert [c.term for c in zh_doc.clauses] == [None, "个人信息", "处理", "當事人"]


def test_ids_are_stable_unique_and_bookmark_friendly():
    specs = (
        "1. Scope",
        "1. Scope again",
        "(a) x",
        "(a) y",
        "Text",
        ("第 1-1 條", {"heading_level": 3}),
    )
    first, second = _doc(*specs), _doc(*specs)
    ids = [c.id for c in first.clauses]
    assert ids == [c.id for c in second.clauses]
    assert len(set(ids)) == len(ids)
    assert all(c.isascii() and (c.isalnum() or c in "._-") for i in ids for c in i)


def test_document_lookup_and_json_round_trip():
    doc = _doc("1. Definitions", "“Data” means data.", "2. Term")
    assert doc.clause("1.p1").term == "Data"
    assert [c.id for c in doc.children("1")] == ["1.p1"]
    assert [c.id for c in doc.children(None)] == ["1", "2"]
    assert Document.from_json(doc.to_json()) == doc


def test_table_rows_become_clauses_of_the_enclosing_section():
    def cell(text, row, col):
        return text, {"kind": "table_cell", "cell": (1, row, col), "header": row == 1}

    doc = _doc(
        ("4. Subprocessors", {"heading_level": 2}),
        "4.1 The Provider uses these Sub-processors:",
        cell("Name", 1, 1),
        cell("Location", 1, 2),
        cell("Azure", 2, 1),
        cell("Sweden", 2, 2),
        cell("Azure", 3, 1),
        cell("Ireland", 3, 2),
    )
    rows = [(c.kind, c.parent, c.ref, c.text) for c in doc.clauses if c.kind == "table_row"]
    assert rows == [
        ("table_row", "4", "4 header", "Name | Location"),
        ("table_row", "4", "4 row 1", "Azure | Sweden"),
        ("table_row", "4", "4 row 2", "Azure | Ireland"),
    ]


def test_table_cells_without_coordinates_are_rows_of_their_own():
    doc = _doc(
        "4. Subprocessors", ("Azure", {"kind": "table_cell"}), ("Sweden", {"kind": "table_cell"})
    )
    assert [(c.kind, c.ref) for c in doc.clauses[1:]] == [
        ("table_row", "4 row 1"),
        ("table_row", "4 row 2"),
    ]


def test_numbered_paragraphs_in_a_cell_keep_their_numbers_in_the_row():
    # -- regression: a Word list inside a table cell lost its `1.` / `(a)` when the row was joined
    # --
    cell = lambda text, col, **extra: (text, {"kind": "table_cell", "cell": (1, 1, col), **extra})  # noqa: E731
    doc = _doc(
        ("Annex 2", {"heading_level": 1}),
        cell("Acme", 1),
        cell("Hosting", 2, auto_label="1.", list_level=0),
        cell("Backups", 2, auto_label="2.", list_level=0),
        cell("offsite", 2, auto_label="(a)", list_level=1),
    )
    assert doc.clauses[-1].text == "Acme | 1. Hosting 2. Backups (a) offsite"
    zh_doc = _doc(
        cell("托管", 1, auto_label="一、"), cell("备份", 1, auto_label="（二）"), lang="zh"
    )
    assert zh_doc.clauses[-1].text == "一、托管 （二）备份"


def test_title_heading_does_not_contain_the_document():
    doc = _doc(
        ("Data Processing Addendum", {"heading_level": 1}), ("1. Definitions", {"heading_level": 2})
    )
    assert [(c.kind, c.parent, c.level) for c in doc.clauses] == [
        ("heading", None, 0),
        ("clause", None, 0),
    ]


def test_full_width_letter_items_get_the_ids_of_ascii_ones():
    # -- regression: `（ａ）` was not a label, and once read, its id fell back to the number
    # (`1.1`) --
    full = _doc(("1. 范围", {"heading_level": 2}), "（ａ）第一项；", "（ｂ）第二项。", lang="zh")
    ascii_ = _doc(("1. 范围", {"heading_level": 2}), "(a) 第一项；", "(b) 第二项。", lang="zh")
    assert [c.id for c in full.clauses] == [c.id for c in ascii_.clauses] == ["1", "1.a", "1.b"]
    assert [c.label for c in full.clauses[1:]] == ["（ａ）", "（ｂ）"]
    assert full.clause("1.a").text == "第一项；"


def test_a_clause_citation_is_its_full_ref_else_its_label():
    from dpa_compare.model import Clause

    item = Clause("7.2.a", "(a)", ("7", "2", "a"), 2, "7.2", "list_item", "text", ref="7.2(a)")
    article = Clause("art13", "第 13 條", ("13",), 0, None, "clause", "text")
    paragraph = Clause("p1", "", (), 0, None, "paragraph", "text")
    assert (item.citation, article.citation, paragraph.citation) == ("7.2(a)", "第 13 條", "")


def test_a_list_that_starts_again_is_a_sibling_not_a_child():
    doc = _doc(
        ("Notices", {"heading_level": 2}),
        "1. The Processor shall notify.",
        "2. The Customer shall reply.",
        "1. The Processor shall notify again.",
        "2. The Customer shall reply again.",
    )
    assert max(c.level for c in doc.clauses) == 1
    assert {c.parent for c in doc.clauses[1:]} == {doc.clauses[0].id}


def test_repeated_labels_segment_in_linear_time_and_stay_flat():
    # -- a hang guard, not a timing: 20,000 repeats of one label took minutes when quadratic --
    import time

    blocks = [Block(text=f"1. clause {k}", location=f"line {k}") for k in range(20000)]
    start = time.perf_counter()
    doc = segment(blocks, "en")
    assert time.perf_counter() - start < 60
    assert len(doc.clauses) == 20000 and max(c.level for c in doc.clauses) == 0
    assert len({c.id for c in doc.clauses}) == 20000


def test_a_chinese_paragraph_that_opens_with_a_citation_is_not_an_article():
    doc = _doc(
        ("第 5 條", {"heading_level": 3}),
        "第二條人員至指定場所辦理時，應出示證件。",
        ("第 6 條", {"heading_level": 3}),
        "本辦法自發布日施行。",
        "第七條受託人應依約辦理。",  # -- run in, but the next article in sequence: a label --
        lang="zh",
    )
    assert [c.label for c in doc.clauses] == ["第 5 條", "", "第 6 條", "", "第七條"]
    assert doc.clauses[1].parent == doc.clauses[0].id


def test_front_matter_above_the_title_stays_at_the_top_with_its_own_count():
    doc = _doc(
        "Updated: 15 February 2024",
        ("Service Terms", {"heading_level": 1}),
        "These terms apply to every order.",
        ("1. Scope", {"heading_level": 2}),
    )
    front, title, intro, scope = doc.clauses
    assert (front.id, front.parent, front.ref) == ("fm1", None, "front matter 1")
    assert (title.kind, title.parent, intro.parent, scope.parent) == ("heading", None, None, None)


def test_printed_outline_numbers_nest_under_their_lettered_heading():
    doc = _doc(
        ("A. Definitions", {"heading_level": 3}),
        "A.1. The Provider keeps records.",
        "A.1(a) in writing;",
        "A.1(a)(i) with a copy.",
        "A.2. The Customer gives instructions.",
    )
    rows = [(c.label, c.parent, c.path) for c in doc.clauses]
    assert rows == [
        ("A.", None, ("1",)),
        ("A.1.", "A", ("1", "1")),
        ("A.1(a)", "A.1", ("1", "1", "1")),
        ("A.1(a)(i)", "A.1.1", ("1", "1", "1", "1")),
        ("A.2.", "A", ("1", "2")),
    ]
    assert doc.clauses[3].text == "with a copy."


def test_roman_items_on_their_own_lines_are_clauses_of_their_own(tmp_path):
    from dpa_compare.api import load

    path = tmp_path / "terms.md"
    path.write_text(
        "# Terms\n\n## 1. Notices\n\n"
        "(a) A notice is given when it is delivered:\n"
        "(i) by hand to the named contact, and\n"
        "(ii) by courier to the registered office, or\n"
        "(iii) by email to the address on the order\n",
        encoding="utf-8",
    )
    labels = [c.label for c in load(path).clauses]
    assert labels[-3:] == ["(i)", "(ii)", "(iii)"]


def _clauses_of(tmp_path, text: str):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return load(path).clauses


def test_a_version_value_under_its_caption_is_not_a_clause_number(tmp_path):
    text = "Version\n\n2.0\n\n1. Scope\n\nThis applies to all services.\n"
    clauses = _clauses_of(tmp_path, text)
    assert [c.label for c in clauses if c.label] == ["1."]
    assert any(c.text == "2.0" for c in clauses)


def test_an_invisible_character_does_not_hide_a_heading_label(tmp_path):
    text = (
        "1. Scope\n\nThis applies.\n\n\u200d**Schedule 2 – Measures**\n\n"
        "Access control.\n\n\u200d\n"
    )
    clauses = _clauses_of(tmp_path, text)
    assert "Schedule 2" in [c.label for c in clauses]
    # -- no clause of nothing but a ZWJ --
    assert all((c.text + c.heading).strip("\u200d") for c in clauses)
