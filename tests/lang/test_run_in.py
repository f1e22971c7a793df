"""Language knowledge for text that a conversion ran together: items and sentences run in, tables
drawn in text, article captions in brackets (issue 15, held-out stand-in)."""

import pytest

from dpa_compare.lang.labels import article_caption
from dpa_compare.lang.script import is_box_drawing_line
from dpa_compare.lang.sentences import run_in_item_breaks, run_in_sentence_breaks


def _parts(text, breaks):
    ends = [0, *breaks, len(text)]
    return [text[a:b] for a, b in zip(ends, ends[1:], strict=False)]


def test_items_continuing_their_sequence_break_the_text():
    text = "The duties are these:1. To keep a log.2. To report a loss.3. To pay the fee."
    assert _parts(text, run_in_item_breaks(text)) == [
        "The duties are these:",
        "1. To keep a log.",
        "2. To report a loss.",
        "3. To pay the fee.",
    ]


def test_a_text_that_opens_with_item_one_continues_at_two():
    text = "1. To keep a log.2. To report a loss."
    assert _parts(text, run_in_item_breaks(text)) == ["1. To keep a log.", "2. To report a loss."]


@pytest.mark.parametrize(
    "text",
    [
        "Under Article 3.1 the fee is due.",
        "As said in No. 2. The fee is due.",
        "Release 7.5.1. applies.",
        "The list is in Annex.1. Only one item.",
        "The duties are these:2. To keep a log.3. To report.",
    ],
)
def test_decimals_citations_and_lone_or_stray_numbers_are_no_items(text):
    assert run_in_item_breaks(text) == []


def test_a_sentence_against_a_capital_breaks_but_not_after_an_abbreviation():
    text = "The Ministry decides.The Council may object, e.g.The Port Board, or the U.S.Navy."
    assert _parts(text, run_in_sentence_breaks(text)) == [
        "The Ministry decides.",
        "The Council may object, e.g.The Port Board, or the U.S.Navy.",
    ]


def test_box_drawing_lines_are_table_lines():
    assert is_box_drawing_line("┌──┬──┐") and is_box_drawing_line(" │Type │Period│")
    assert not is_box_drawing_line("The table below ┌ shows") and not is_box_drawing_line("")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("(Types of Permits)", "Types of Permits"),
        ("（立法目的）", "立法目的"),
        ("(a) the first case", None),
        ("(see Article 2) for fees", None),
        ("Plain words", None),
    ],
)
def test_a_caption_is_a_whole_line_in_brackets(text, title):
    assert article_caption(text) == title


def test_items_of_several_levels_typed_against_their_words_break_the_text():
    from dpa_compare.lang.sentences import run_in_outline_breaks

    text = "Report these: 1.Risks: A.Storms: a.Damage. b.Loss. B.Floods: I.Quay. II.Road. 2.Costs."
    assert [p.strip() for p in _parts(text, run_in_outline_breaks(text))] == [
        "Report these:",
        "1.Risks:",
        "A.Storms:",
        "a.Damage.",
        "b.Loss.",
        "B.Floods:",
        "I.Quay.",
        "II.Road.",
        "2.Costs.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He wrote to the Act. B.Smith replied.",  # -- one label only, out of sequence --
        "See the note. A. Smith signed it. B. Jones too.",  # -- a space after the dot --
        "The ports are: c.Keelung. d.Kaohsiung.",  # -- starts at c: no list start --
    ],
)
def test_names_initials_and_stray_letters_are_no_run_in_items(text):
    from dpa_compare.lang.sentences import run_in_outline_breaks

    assert run_in_outline_breaks(text) == []


def test_a_list_continued_from_the_paragraph_before_needs_only_one_item():
    from dpa_compare.lang.sentences import run_in_outline_breaks

    last: dict[str, int] = {}
    run_in_outline_breaks("The costs: a.Fuel. b.Wages.", last)
    text = "f. Insurance of the hull. c.Repairs."
    assert _parts(text, run_in_outline_breaks(text, last))[-1] == "c.Repairs."


@pytest.mark.parametrize(
    ("previous", "text", "joined"),
    [
        ("the crews on board and", "ashore in port.", True),
        ("in the previous", "paragraph, the radius is five kilometres.", True),
        ("The fee is due.", "and then more.", False),
        ("The notice shall list", "a. the fee;", False),
        ("The notice shall list", "The fee.", False),
    ],
)
def test_a_paragraph_opening_in_lower_case_continues_an_open_sentence(previous, text, joined):
    from dpa_compare.lang.sentences import continues_sentence

    assert continues_sentence(previous, text) is joined


@pytest.mark.parametrize(
    ("text", "numbering"),
    [
        ("Paragraph 4.2", True),
        ("Subparagraph 3", True),
        ("第 二 項", True),
        ("第三款", True),
        ("Paragraph 4.2 applies to ships.", False),
        ("(Deleted)", False),
    ],
)
def test_a_paragraph_number_alone_on_its_line_is_a_numbering_line(text, numbering):
    from dpa_compare.lang.labels import is_numbering_line

    assert is_numbering_line(text) is numbering


def test_a_roman_number_typed_against_its_word_is_a_label():
    from dpa_compare.lang.labels import generic_labels

    assert [m.numbers for m in generic_labels("II.Names of the owners", False)][0] == (2,)
    assert generic_labels("Mr.Smith came", False) == []


def test_a_letter_typed_against_a_quotation_is_a_label():
    from dpa_compare.lang.labels import generic_labels

    assert [m.numbers for m in generic_labels('B."The buyer bears the risk."', False)][0] == (2,)
    assert [m.numbers for m in generic_labels("C.“Goods” means stock.", False)][0] == (3,)
    assert generic_labels('Mr."Smith" came', False) == []


@pytest.mark.parametrize(
    ("previous", "text", "goes_on"),
    [
        ("港務機關應公告各船席之費額；", "其公告方式另定之。", True),
        ("港務機關應公告各船席之費額。", "但漁船不在此限。", True),
        ("港務機關應公告各船席之費額。", "其公告方式另定之。", False),
    ],
)
def test_a_chinese_paragraph_after_a_semicolon_or_a_proviso_goes_on_with_the_sentence(
    previous, text, goes_on
):
    from dpa_compare.lang.sentences import zh_continues_sentence

    assert zh_continues_sentence(previous, text) is goes_on


def test_a_chinese_item_number_padded_with_spaces_is_one_label():
    from dpa_compare.lang.zh import match_label

    assert [m.numbers for m in match_label("（三  十）船員名冊。")] == [(30,)]
    assert [m.numbers for m in match_label("四  十、其他事項。")] == [(40,)]


def test_letters_past_z_go_on_as_spreadsheet_columns():
    from dpa_compare.lang.labels import generic_labels

    assert [m.numbers for m in generic_labels("AB. Statement of fees.", False)] == [(28,)]
    assert [m.numbers for m in generic_labels("AA. Statement of fees.", False)] == [(27,)]


def test_a_later_item_may_follow_a_sentence_ending_on_a_number():
    text = "They shall comply:1. Report under Section 7.2. Keep the log.3. Pay the fee."
    assert _parts(text, run_in_item_breaks(text)) == [
        "They shall comply:",
        "1. Report under Section 7.",
        "2. Keep the log.",
        "3. Pay the fee.",
    ]


@pytest.mark.parametrize(
    ("text", "open_end"),
    [
        ("申請之受理、審查及撤銷（廢）", True),
        ("申請之受理、審查及撤銷，", True),
        ("申請應以書面為之。", False),
        ("申請應載明下列事項：", False),
        ("（附表三）", True),
    ],
)
def test_a_chinese_paragraph_without_a_stop_at_its_end_stops_mid_sentence(text, open_end):
    from dpa_compare.lang.sentences import stops_mid_sentence

    assert stops_mid_sentence(text, "zh") is open_end
