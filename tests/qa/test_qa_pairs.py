"""Pairs from an alignment: 1-1, n:m combined clauses, 1-0 / 0-1, and the number-path fallback
aligner."""

from __future__ import annotations

import pytest
from conftest import clause

from dpa_compare.errors import AlignmentError
from dpa_compare.model import Alignment, Document, Link
from dpa_compare.qa import align_by_number, pairs_from_alignment, run_checks


def _docs() -> tuple[Document, Document]:
    en = Document("en.md", "en", "", (
        clause("Notify within 48 hours.", "en", "1"), clause("Clause 17 applies.", "en", "2"),
        clause("Clause 18(b) applies.", "en", "3"), clause("Public authority requests.", "en", "4"),
    ))  # fmt: skip
    zh = Document(
        "zh.md",
        "zh",
        "",
        (
            clause("在四十八（48）小时内通知。", "zh", "1"),
            clause("适用第17条和第18条（b）款。", "zh", "2"),
            clause("额外的句子。", "zh", "9"),
        ),
    )
    return en, zh


def test_n_to_m_links_become_one_combined_pair_keeping_every_id() -> None:
    en, zh = _docs()
    e, z = [c.id for c in en.clauses], [c.id for c in zh.clauses]
    links = (
        Link((e[0],), (z[0],), 1.0),
        Link((e[1], e[2]), (z[1],), 0.9),
        Link((e[3],), (), 0.5),
        Link((), (z[2],), 0.5),
    )
    pairs = pairs_from_alignment(Alignment(en, zh, links))
    assert len(pairs) == 4
    merged = pairs[1]
    assert (
        merged.en.id == e[1] and merged.all_en_ids == (e[1], e[2]) and merged.all_zh_ids == (z[1],)
    )
    assert merged.en_text == "Clause 17 applies. Clause 18(b) applies."
    assert merged.en_label == "Section 2 + Section 3"
    assert pairs[2].zh is None and pairs[3].en is None
    findings = run_checks(pairs, en, zh, checks=["omission", "addition", "numbers"])
    assert [f.check for f in findings] == ["omission", "addition"]
    assert findings[0].en_id == e[3] and findings[1].zh_id == z[2]


def test_findings_on_a_combined_pair_carry_all_ids_and_the_text_hash() -> None:
    en, zh = _docs()
    e, z = [c.id for c in en.clauses], [c.id for c in zh.clauses]
    zh = Document(
        "zh.md", "zh", "", (clause("在七十二（72）小时内通知。", "zh", "1"), *zh.clauses[1:])
    )
    z = [c.id for c in zh.clauses]
    links = (
        Link((e[0], e[1]), (z[0],), 1.0),
        Link((e[2],), (z[1],), 1.0),
        Link((e[3],), (z[2],), 1.0),
    )
    pairs = pairs_from_alignment(Alignment(en, zh, links))
    (finding,) = [f for f in run_checks(pairs, en, zh, checks=["numbers"]) if f.en_id == e[0]]
    assert finding.en_ids == (e[0], e[1]) and finding.zh_ids == ()
    assert finding.text_hash == pairs[0].text_hash and len(finding.text_hash) == 64


def test_a_link_naming_an_unknown_clause_is_an_alignment_error() -> None:
    en, zh = _docs()
    with pytest.raises(AlignmentError, match="'nope'"):
        pairs_from_alignment(Alignment(en, zh, (Link(("nope",), (), 1.0),)))


def test_number_path_fallback_pairs_numbers_and_covers_every_clause() -> None:
    en, zh = _docs()
    alignment = align_by_number(en, zh)
    alignment.check_cover()
    shapes = [
        (
            tuple(en.clause(i).label for i in link.en_ids),
            tuple(zh.clause(i).label for i in link.zh_ids),
        )
        for link in alignment.links
    ]
    assert shapes[:2] == [(("1",), ("1",)), (("2",), ("2",))]
    assert (("4",), ()) in shapes or (("4",), ("9",)) in shapes
