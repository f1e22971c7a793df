"""Clause link confidence: content decides it, structure does not; unrelated documents are flagged,
translations not."""

from functools import lru_cache
from pathlib import Path

import pytest

from dpa_compare.align.clause import ClauseAlignOptions, align_documents, link_refs
from dpa_compare.align.clause.confidence import Ledger, link_confidence, skip_confidence
from dpa_compare.api import load

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "corpus"
UNRELATED = sorted((REPO / "tests" / "data" / "align" / "unrelated").glob("*.zh.md"))
EMBEDDINGS = ["auto", "off"]
UNCONTESTED = 50.0
"""A DP margin no rival comes near."""


def test_content_at_chance_stays_below_one_half_whatever_the_block_says():
    for block in (-3.0, 0.0, 5.0):
        assert link_confidence(UNCONTESTED, 0.0, 1.0, block) < 0.5


def test_a_translated_sentence_is_confident_even_in_an_unknown_block():
    assert link_confidence(UNCONTESTED, 4.0, 1.0, 0.0) > 0.8


def test_a_bare_label_takes_its_confidence_from_its_block():
    assert link_confidence(UNCONTESTED, 0.0, 0.0, 4.0) > 0.9
    assert link_confidence(UNCONTESTED, 0.0, 0.0, -2.0) < 0.3
    assert link_confidence(UNCONTESTED, 0.0, 0.0, 0.0) < link_confidence(UNCONTESTED, 0.0, 0.0, 4.0)


def test_a_contested_link_is_less_confident_than_an_uncontested_one():
    assert link_confidence(0.5, 4.0, 1.0, 4.0) < 0.5 < link_confidence(UNCONTESTED, 4.0, 1.0, 4.0)
    assert skip_confidence(0.0) == 0.0 and skip_confidence(UNCONTESTED) > 0.99


def _ledger_links(contents, heading_content=0.0):
    """Return the links of one block: a bare heading pair, then sentence pairs of the given content
    scores."""
    ledger = Ledger(0.5)
    with ledger.block():
        ledger.draft(
            ["h"], ["h"], ["parent 1 = 1", "margin 50.0"], UNCONTESTED, heading_content, 0.0
        )
        for k, content in enumerate(contents):
            ledger.draft([f"e{k}"], [f"z{k}"], ["margin 50.0"], UNCONTESTED, content, 1.0)
    return ledger.links()


def test_a_heading_is_as_trustworthy_as_the_section_it_heads():
    translated, unrelated = _ledger_links([3.0, 2.5, 3.5]), _ledger_links([-0.5, 0.2, -1.0])
    assert not translated[0].flagged and translated[0].confidence > 0.9
    assert unrelated[0].flagged
    assert all(link.flagged for link in unrelated)


def test_a_middling_pair_is_trusted_among_translations_and_flagged_among_unrelated_pairs():
    among_translations = _ledger_links([1.2, 3.0, 3.5, 2.5])[1]
    among_unrelated = _ledger_links([1.2, -0.5, 0.0, -1.0])[1]
    assert not among_translations.flagged
    assert among_unrelated.flagged


def test_the_block_verdict_leaves_the_link_itself_out_and_is_shown_before_the_margin():
    links = _ledger_links([4.0, -1.0])
    assert links[1].evidence[-2].startswith("block -") and links[2].evidence[-2].startswith(
        "block +"
    )
    assert links[1].evidence[-1] == "margin 50.0"


def test_skips_keep_their_margin_confidence_and_document_order():
    ledger = Ledger(0.5)
    with ledger.block():
        ledger.draft(["a"], ["x"], ["margin 50.0"], UNCONTESTED, 3.0, 1.0)
        ledger.skip(["b"], ["y"], 0.3)
    links = ledger.links()
    assert [(link.en_ids, link.zh_ids) for link in links] == [
        (("a",), ("x",)),
        (("b",), ()),
        ((), ("y",)),
    ]
    assert (
        links[1].confidence == 0.3
        and links[1].flagged
        and links[1].evidence == ("no Chinese counterpart",)
    )


# -- whole documents -------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _aligned(en_name, zh_path, embeddings):
    en = CORPUS / "en" / en_name
    if not en.exists():
        pytest.skip(f"{en} absent")
    return align_documents(
        load(en), load(zh_path, lang="zh"), ClauseAlignOptions(embeddings=embeddings)
    )


@pytest.mark.parametrize("embeddings", EMBEDDINGS)
@pytest.mark.parametrize("zh_path", UNRELATED, ids=lambda p: p.name)
def test_an_unrelated_chinese_document_numbered_alike_makes_no_confident_link(zh_path, embeddings):
    alignment = _aligned("dpa-2023-03.md", zh_path, embeddings)
    paired = [link for link in alignment.links if link.en_ids and link.zh_ids]
    confident = [
        (link_refs(alignment, link, "en"), link_refs(alignment, link, "zh"), link.confidence)
        for link in paired
        if not link.flagged
    ]
    assert paired, "the structure pairs some clauses (the numbers agree)"
    assert not confident, f"{zh_path.name}: links confident without content agreement: {confident}"
    assert max(link.confidence for link in paired) < 0.5


@pytest.mark.parametrize("embeddings", EMBEDDINGS)
@pytest.mark.parametrize("version", ["2020-05", "2023-03"])
def test_the_corpus_translations_have_no_flagged_link(version, embeddings):
    zh = CORPUS / "zh" / f"dpa-{version}.zh.md"
    if not zh.exists():
        pytest.skip(f"{zh} absent")
    alignment = _aligned(f"dpa-{version}.md", zh, embeddings)
    flagged = [
        (link_refs(alignment, link, "en"), link_refs(alignment, link, "zh"), link.confidence)
        for link in alignment.links
        if link.flagged
    ]
    assert not flagged, f"dpa-{version}: {flagged}"
    paired = sorted(link.confidence for link in alignment.links if link.en_ids and link.zh_ids)
    assert paired[len(paired) // 2] > 0.9, "the median link of a faithful translation is confident"
