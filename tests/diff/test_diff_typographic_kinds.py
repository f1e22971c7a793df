"""A typographic edit gets the same kind whatever the clause ids are, and brackets are typography.

Ids are internal: the same two texts segmented from files named differently
(or built with other id prefixes) must give the same change records. A
same-numbered clause with only a typographic edit is `modified` and
`cosmetic`; a renumbered one stays `renumbered` and `cosmetic`; neither is
ever filed by whether its id happened to stay the same.
"""

from __future__ import annotations

import pytest
from diff_docs import C, H, doc

from dpa_compare.diff import diff

ROWS = [
    H("1", "Scope"),
    C("1.1", "The Vendor keeps every backup inside the agreed region."),
    C("1.2", 'The Client may ask for a copy of the "Records" at any time.'),
    C("1.3", "Each party bears its own costs of complying with this schedule."),
    H("2", "Term"),
    C("2.1", "This schedule ends when the main agreement ends."),
]
ROWS_ZH = [
    H("1", "範圍"),
    C("1.1", "供應商應將所有備份存放於約定之區域內。"),
    C("1.2", "客戶得隨時請求提供紀錄之副本。"),
    C("1.3", "遵循本附件之費用，由雙方各自負擔。"),
    H("2", "期間"),
    C("2.1", "本附件於主契約終止時終止。"),
]
EDITS = {
    "brackets": ("en", lambda t: f"[{t}]", "brackets"),
    "nbsp": ("en", lambda t: t.replace(" ", "\u00a0", 2), "whitespace"),
    "zero width": ("en", lambda t: t.replace(" ", " \u200b", 1), "invisible"),
    "quotes": ("en", lambda t: t.replace('"Records"', "“Records”"), "quotes"),
    "case": ("en", lambda t: t.replace("The Client", "The client"), "case"),
    "brackets (zh)": ("zh", lambda t: f"[{t}]", "brackets"),
    "full-width space": ("zh", lambda t: t.replace("，", "，\u3000", 1), "whitespace"),
}


def _edited(rows, label, edit):
    return [r._replace(text=edit(r.text)) if r.ref == label else r for r in rows]


def _shift(rows):
    """Insert a section 1 so that every old section moves down one number."""
    shifted = [r._replace(ref=str(int(r.ref[0]) + 1) + r.ref[1:]) for r in rows]
    return [H("1", "Notes" if rows is ROWS else "附註"), *shifted]


def _summary(result):
    return sorted(
        (c.kind, c.old_label, c.new_label, c.cosmetic, c.typography)
        for c in result.changes
        if c.changed and c.kind != "renumbered" or c.cosmetic
    )


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_typographic_edit_in_place_is_cosmetic_modified_whatever_the_ids(name):
    lang, edit, expected = EDITS[name]
    rows = ROWS if lang == "en" else ROWS_ZH
    target = "1.2" if lang == "en" else "1.3"
    new_rows = _edited(rows, target, edit)
    same_ids = diff(doc(rows, lang, "c"), doc(new_rows, lang, "c"))
    other_ids = diff(doc(rows, lang, "c"), doc(new_rows, lang, "n"))
    assert (
        _summary(same_ids)
        == _summary(other_ids)
        == [("modified", target, target, True, (expected,))]
    )


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_typographic_edit_in_a_renumbered_clause_stays_renumbered_whatever_the_ids(name):
    lang, edit, expected = EDITS[name]
    rows = ROWS if lang == "en" else ROWS_ZH
    target = "1.2" if lang == "en" else "1.3"
    new_rows = _shift(_edited(rows, target, edit))
    same_ids = diff(doc(rows, lang, "c"), doc(new_rows, lang, "c"))
    other_ids = diff(doc(rows, lang, "c"), doc(new_rows, lang, "n"))
    moved_to = "2" + target[1:]
    assert (
        _summary(same_ids)
        == _summary(other_ids)
        == [
            ("added", "", "1", False, ()),
            ("renumbered", target, moved_to, True, (expected,)),
        ]
    )


def test_removing_brackets_and_changing_a_word_is_a_plain_modification():
    new_rows = _edited(ROWS, "1.2", lambda t: "[" + t.replace("any time", "short notice") + "]")
    change = next(c for c in diff(doc(ROWS), doc(new_rows, prefix="n")).changes if c.changed)
    assert (change.kind, change.cosmetic, change.typography) == ("modified", False, ())
