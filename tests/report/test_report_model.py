from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_sample import ROWS, long_id_model, sample_model

from dpa_compare.report.docx_ooxml import bookmark_name, decode_bookmark, is_hashed_bookmark
from dpa_compare.report.model import (
    Anchor,
    Appendix,
    Cell,
    Comment,
    FrontMatter,
    ReportModel,
    ReportOptions,
    Row,
    Span,
)


def test_model_round_trips_through_json():
    model = sample_model()
    text = model.to_json()
    assert "供应商" in text  # -- Chinese kept as characters, not escapes --
    again = ReportModel.from_json(text)
    assert again == model
    assert isinstance(again.rows[2].chinese.spans, tuple)
    assert again.rows[2].comments[0].anchor == Anchor("chinese", 1)


def test_from_dict_refuses_unknown_fields():
    data = sample_model().to_dict()
    data["rows"][0]["colour"] = "red"
    with pytest.raises(ValueError, match="unknown field"):
        ReportModel.from_dict(json.loads(json.dumps(data)))


def test_cell_old_and_new_text_rebuild_both_versions():
    stale = ROWS[2].chinese
    assert stale.old_text == "供应商应在知悉事件后七十二（72）小时内通知客户。"
    assert stale.new_text == "供应商应在知悉事件后立即通知客户。"
    assert stale.has_changes and not ROWS[1].chinese.has_changes
    moved = Cell((Span("a", "moved_from"), Span("b"), Span("a", "moved")))
    assert (moved.old_text, moved.new_text) == ("ab", "ba")


def test_to_text_shows_every_row_with_redline_markers_and_comments():
    text = sample_model().to_text()
    assert "[1.2] clause · stale · id=1.2" in text
    assert "ZH: 供应商应在知悉事件后[-七十二（72）小时内-]{+立即+}通知客户。" in text
    assert "# finding/major @chinese[1] dpa-compare QA (QA): [Major] numbers:" in text
    assert "[2.1 → 3.1] clause · renumbered" in text
    assert "== Alignment gaps ==" in text
    assert text.count("\n[") == len(ROWS)


def test_finding_display_text_leads_with_severity_and_check():
    comment = Comment("Numbers differ.", kind="finding", severity="critical", check="numbers")
    assert comment.display_text == "[Critical] numbers: Numbers differ."
    assert Comment("Plain note.").display_text == "Plain note."


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Span("x", "underline"), "span style"),  # type: ignore[arg-type]
        (lambda: Row("r", "para", "1"), "kind must be"),  # type: ignore[arg-type]
        (lambda: Row("r", "clause", "1", status="fresh"), "status must be"),  # type: ignore[arg-type]
        (
            lambda: Row(
                "r", "clause", "1", Cell.of("a"), comments=(Comment("c", Anchor("english", 3)),)
            ),
            "span 3",
        ),
        (lambda: Anchor("margin"), "anchor cell"),  # type: ignore[arg-type]
        (
            lambda: ReportModel(
                FrontMatter("t"), (Row("r", "clause", "1"), Row("r", "clause", "2"))
            ),
            "twice",
        ),
        (lambda: Appendix("A", ("x", "y"), ((Cell.of("1"),),)), "row 1 has 1 cells"),
        (lambda: Appendix("A", ("x", "y"), widths=(1,)), "widths"),
        (lambda: ReportOptions(page="A3"), "A4 or Letter"),  # type: ignore[arg-type]
        (lambda: ReportOptions(font_size=30), "font_size"),
    ],
)
def test_invalid_models_are_refused_with_a_message_naming_the_problem(build, message):
    with pytest.raises(ValueError, match=message):
        build()


@pytest.mark.parametrize(
    "row_id", ["1.2", "7.2(a)", "annex2.3", "zh:2.3", "2.1~3.1", "H1", "a_b", "第七条"]
)
def test_bookmark_names_are_valid_and_reversible(row_id):
    name = bookmark_name(row_id)
    assert len(name) <= 40 and name[0].isalpha()
    assert all(c.isascii() and (c.isalnum() or c == "_") for c in name)
    assert name == name.lower()  # -- Word compares bookmark names case-insensitively --
    assert decode_bookmark(name) == row_id


def test_long_ids_become_stable_hashed_names():
    row_id = long_id_model().rows[0].id
    name = bookmark_name(row_id)
    assert is_hashed_bookmark(name) and len(name) == 40
    assert name == bookmark_name(row_id)
    assert decode_bookmark(name) is None


@given(st.text(min_size=1, max_size=30))
def test_bookmark_encoding_is_injective_and_reversible(row_id):
    name = bookmark_name(row_id)
    assert len(name) <= 40 and name[0].isalpha() and name == name.lower()
    if not is_hashed_bookmark(name):
        assert decode_bookmark(name) == row_id


@given(st.text(min_size=1, max_size=12), st.text(min_size=1, max_size=12))
def test_distinct_ids_get_distinct_bookmarks(a, b):
    if a != b:
        assert bookmark_name(a) != bookmark_name(b)


@pytest.mark.parametrize("name", ["dpa_", "dpa_7_q", "dpa_A", "other_1", "dpa_1_", "dpa_x_u"])
def test_malformed_bookmarks_decode_to_none(name):
    assert decode_bookmark(name) is None
