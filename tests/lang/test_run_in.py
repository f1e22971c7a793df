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
