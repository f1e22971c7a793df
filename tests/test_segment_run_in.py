"""Segmenting lists a conversion ran together or broke apart: items of several levels typed
against their words in one paragraph, a sentence broken over two paragraphs, a remark in brackets
on a line of its own under an item (held-out stand-in, omission false alarms)."""

from _segment_docs import block_document as _doc

from dpa_compare.model import Document


def _tree(document: Document) -> list[tuple[str, str | None]]:
    return [(c.id, c.parent) for c in document.clauses]


def test_items_of_several_levels_run_into_one_paragraph_are_split_and_nested():
    doc = _doc(
        ("Article 4", {"heading_level": 3}),
        "The report shall state the following: 1.Weather risks: A.Storms: a.Damage to the quay. "
        "b.Loss of cargo. B.Floods: a.Closure of the port. 2.Market risks.",
    )
    assert _tree(doc)[1:] == [
        ("art4.p1", "art4"),
        ("art4.1", "art4"),
        ("art4.1.A", "art4.1"),
        ("art4.1.A.a", "art4.1.A"),
        ("art4.1.A.b", "art4.1.A"),
        ("art4.1.B", "art4.1"),
        ("art4.1.B.a", "art4.1.B"),
        ("art4.2", "art4"),
    ]


def test_a_list_broken_mid_sentence_goes_on_in_the_next_paragraph():
    doc = _doc(
        ("Article 5", {"heading_level": 3}),
        "The plan covers: 1.Staff: a.Training of new crews. b.Rotation of the crews on board and",
        "ashore in port. c.Rest periods. 2.Equipment.",
    )
    assert _tree(doc)[1:] == [
        ("art5.p1", "art5"),
        ("art5.1", "art5"),
        ("art5.1.a", "art5.1"),
        ("art5.1.b", "art5.1"),
        ("art5.1.c", "art5.1"),
        ("art5.2", "art5"),
    ]
    assert doc.clauses[4].text == "Rotation of the crews on board and ashore in port."


def test_a_sentence_ending_in_its_own_paragraph_is_not_joined():
    doc = _doc(
        ("Article 6", {"heading_level": 3}),
        "The fee is due on the first day of the month.",
        "a late fee is charged after that.",
        "The notice shall list",
        "(a) the fee;",
    )
    assert [c.id for c in doc.clauses] == ["art6", "art6.p1", "art6.p2", "art6.p3", "art6.p3.a"]


def test_a_remark_in_brackets_on_its_own_line_stays_with_its_item():
    doc = _doc(
        ("第 7 條", {"heading_level": 3}),
        "申請書應載明下列事項：",
        "一、船舶概況：",
        "（一）船名及船籍港。",
        "（二）最近三年之檢查紀錄。",
        "（附表三）",
        "（三）船員名冊。",
        "二、其他事項。",
        lang="zh",
    )
    assert _tree(doc)[1:] == [
        ("art7.p1", "art7"),
        ("art7.1", "art7"),
        ("art7.1.1", "art7.1"),
        ("art7.1.2", "art7.1"),
        ("art7.1.3", "art7.1"),
        ("art7.2", "art7"),
    ]
    assert doc.clauses[4].text.endswith("（附表三）")


def test_a_paragraph_opening_on_a_full_stop_goes_on_with_the_one_before():
    doc = _doc(
        ("第 7 條", {"heading_level": 3}),
        "申請書應記載下列事項：",
        "一、申請人之姓名。",
        "二、船舶之用途（註明航線）",
        "。未記載者，不予受理。",
        "三、其他事項。",
        lang="zh",
    )
    assert [c.id for c in doc.clauses] == ["art7", "art7.p1", "art7.1", "art7.2", "art7.3"]
    assert doc.clauses[3].text.endswith("（註明航線）。未記載者，不予受理。")


def test_an_english_paragraph_opening_on_a_comma_goes_on_with_the_one_before():
    doc = _doc(
        ("Article 8", {"heading_level": 3}),
        "Where the vessel holds a valid certificate issued abroad",
        ", the authority may waive the inspection.",
        "The waiver shall be recorded.",
    )
    assert [c.id for c in doc.clauses] == ["art8", "art8.p1", "art8.p2"]
    assert doc.clauses[1].text.endswith("abroad, the authority may waive the inspection.")
