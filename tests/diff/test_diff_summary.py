"""Summary rendering: counts line, change table, text blocks."""

from __future__ import annotations

from diff_docs import C, H, doc, renumber

from dpa_compare.diff import diff
from dpa_compare.diff.summary import (
    block_title,
    change_table,
    render_text,
    short_redline,
    summary_line,
)

OLD = [
    H("1", "Scope"),
    C("1.1", "This Addendum applies to the Services."),
    H("2", "Security"),
    C(
        "2.1",
        "The Processor shall keep Personal Data secure at all times and review its measures "
        "yearly.",
    ),
]


def _result():
    new = [
        H("1", "Definitions"),
        C("1.1", "Terms have the meaning given in the Agreement."),
    ] + renumber(OLD, 1)
    new[-1] = C(
        "3.1",
        "The Processor shall keep Personal Data secure at all times and review its measures "
        "monthly.",
    )
    return diff(doc(OLD), doc(new, prefix="n"))


def test_summary_line_counts_non_zero_kinds_in_order():
    assert summary_line(_result()) == "1 modified, 2 added, 3 renumbered"


def test_change_table_rows():
    rows = change_table(_result())
    assert [(r.old_label, r.new_label, r.kind) for r in rows] == [
        ("", "1", "added"),
        ("", "1.1", "added"),
        ("1", "2", "renumbered"),
        ("1.1", "2.1", "renumbered"),
        ("2", "3", "renumbered"),
        ("2.1", "3.1", "modified"),
    ]
    # -- kept text before the first change keeps only its end, after the last only its start --
    assert rows[-1].redline == "…times and review its measures [-yearly-]{+monthly+}."
    assert len(change_table(_result(), include_unchanged=True)) == 6


def test_render_text_has_summary_first_then_one_block_per_changed_clause():
    text = render_text(_result())
    lines = text.splitlines()
    assert lines[2] == "1 modified, 2 added, 3 renumbered"
    assert lines[3].startswith("signature: tok:words-1|dmp:t0,semantic|match:")
    assert "modified: 2.1 → 3.1  (similarity 0.94)" in lines
    assert text.count("\n\n") == 6


def test_block_title_and_short_redline_styles():
    change = _result().changes[-1]
    assert block_title(change).startswith("modified: 2.1 → 3.1")
    styled = short_redline(change.redline, context=5, style=lambda op, t: f"<{op}:{t}>")
    assert styled == "<0:…ures ><-1:yearly><1:monthly><0:.>"
