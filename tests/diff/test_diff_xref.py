"""Cross-references: finding them, canonical keys, and the xref-only test."""

from __future__ import annotations

import pytest

from dpa_compare.diff.xref import (
    Ref,
    build_label_map,
    canonical_ref,
    find_references,
    is_xref_only,
    map_ref,
)

FIND_CASES = [
    ("See Section 7.2(a).", [Ref("", "7.2(a)")]),
    ("Sections 7.2, 7.3 and 8 apply", [Ref("", "7.2"), Ref("", "7.3"), Ref("", "8")]),
    ("as set out in Annex II and Schedule 1", [Ref("annex", "2"), Ref("schedule", "1")]),
    ("under clause 12 (b) and § 4", [Ref("", "12(b)"), Ref("", "4")]),
    ("根据第7.2条和第八条以及附件二", [Ref("", "7.2"), Ref("", "8"), Ref("annex", "2")]),
    ("第十二条第（三）款", [Ref("", "12.3")]),  # -- the sub-clause is read too --
    ("the parties agree in part", []),
]


@pytest.mark.parametrize(("text", "keys"), FIND_CASES)
def test_find_references(text, keys):
    assert [r.key for r in find_references(text)] == keys


def test_reference_spans_cover_only_the_number():
    text = "Section 7.2 and 第八条"
    assert [text[r.start : r.end] for r in find_references(text)] == ["7.2", "八"]


@pytest.mark.parametrize(
    ("citation", "key"),
    [("7.2(a)", Ref("", "7.2(a)")), ("Annex 2", Ref("annex", "2")), ("第七条", Ref("", "7")),
     ("7.", Ref("", "7")), ("2.1 ¶3", None), ("", None)],
)  # fmt: skip
def test_canonical_ref(citation, key):
    assert canonical_ref(citation) == key


LABELS = build_label_map([("7", "8"), ("7.2", "8.2"), ("Annex 2", "Annex 3"), ("3", "3")])


def test_label_map_keeps_only_changes():
    assert Ref("", "3") not in LABELS and LABELS[Ref("", "7")] == Ref("", "8")


def test_finer_references_follow_their_nearest_mapped_ancestor():
    assert map_ref(Ref("", "7.2(a)"), LABELS) == Ref("", "8.2(a)")
    assert map_ref(Ref("", "7.5"), LABELS) == Ref("", "8.5")
    assert map_ref(Ref("", "4.1"), LABELS) == Ref("", "4.1")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("as set out in Section 7.2(a).", "as set out in Section 8.2(a).", True),
        ("see Sections 7 and 4", "see Sections 8 and 4", True),
        ("见第7.2条及附件二。", "见第8.2条及附件三。", True),
        ("见第七条。", "见第八条。", True),
        ("as set out in Section 7.2(a).", "as set out in Section 9.2(a).", False),
        ("as set out in Section 7.2.", "as described in Section 8.2.", False),
        ("as set out in Section 7.2.", "as set out in Clause 8.2.", False),
        ("no references here", "no references there", False),
        ("Section 7.2", "Section 7.2", False),
    ],
)
def test_is_xref_only(old, new, expected):
    assert is_xref_only(old, new, LABELS) is expected
