"""Typographic classes of change: named, and never hiding a change of words or punctuation."""

from __future__ import annotations

from diff_docs import doc
from test_diff_match import BASE

from dpa_compare.diff import diff, markup, redline
from dpa_compare.diff.summary import short_redline
from dpa_compare.diff.typography import typographic_classes


def test_each_class_is_named():
    assert typographic_classes("a\u00a0b", "a b") == ("whitespace",)
    assert typographic_classes("ab", "a\u200bb") == ("invisible",)
    assert typographic_classes("the “term”", 'the "term"') == ("quotes",)
    assert typographic_classes("[The Party shall pay.]", "The Party shall pay.") == ("brackets",)
    assert typographic_classes("Sub-processor", "Subprocessor") == ("hyphens",)
    assert typographic_classes("Personal Data", "personal data") == ("case",)
    assert typographic_classes("**Term**", "Term") == ("emphasis",)
    assert typographic_classes("（甲）", "(甲)") == ("width",)
    assert typographic_classes("第 5 條", "第5條") == ("whitespace",)


def test_a_word_number_or_punctuation_change_is_not_typographic():
    assert typographic_classes("notify within 30 days", "notify within 60 days") is None
    assert typographic_classes("notify, then act", "notify then act") is None
    assert typographic_classes("甲，乙", "甲、乙") is None
    assert typographic_classes("days 1-30", "days 130") is None
    assert typographic_classes("“Data” means", '"Info" means') is None


def test_an_nbsp_swap_is_cosmetic_modified_and_its_redline_names_the_nbsp():
    rows = list(BASE)
    target = next(k for k, r in enumerate(rows) if r.text and " " in r.text)
    rows[target] = rows[target]._replace(text=rows[target].text.replace(" ", "\u00a0", 1))
    result = diff(doc(BASE), doc(rows, prefix="n"))
    change = next(c for c in result.changes if c.kind != "unchanged")
    assert (change.kind, change.cosmetic, change.typography) == ("modified", True, ("whitespace",))
    assert "⟨NBSP⟩" in markup(change.redline) and "⟨NBSP⟩" in short_redline(change.redline)
    assert change.to_dict()["typography"] == ["whitespace"]


def test_zero_width_insertion_is_shown_by_name():
    edits = redline("the data", "the\u200b data", "en")
    assert "⟨ZWSP⟩" in markup(edits)
