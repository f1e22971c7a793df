"""The merge-then-split pass: close calls re-split with joined-group vectors, sure beads kept."""

import numpy as np

from dpa_compare.align import AlignOptions, align
from dpa_compare.align.evidence.band import Band
from dpa_compare.align.evidence.beads import SENTENCE_BEAD_TYPES, log_priors
from dpa_compare.align.evidence.scorers import BeadScorer, Weights, side_features
from dpa_compare.align.sentence.dp import Step
from dpa_compare.align.sentence.refine import CLOSE_MARGIN, Refiner

EMBEDDING_ONLY = Weights(embedding=1, lexicon=0, anchor=0, length=0, prior=0)


def _scorer() -> BeadScorer:
    # -- every sentence points its own way: one-to-one pairs look unrelated --
    src = side_features(["甲。", "乙。"], "zh", None, np.eye(2, 4, dtype=np.float32))
    tgt = side_features(["A.", "B."], "en", None, np.eye(2, 4, 2, dtype=np.float32))
    priors = log_priors("zh", "en", SENTENCE_BEAD_TYPES)
    return BeadScorer(src, tgt, Band.full(2, 2), priors, EMBEDDING_ONLY)


def _joined_agree(groups):
    """Fake encoder: every joined group reads the same (the pair's sentences belong together)."""
    return np.tile(np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32), (len(groups), 1))


def test_close_call_is_resplit_with_joined_groups():
    steps = [Step((1, 1), 1, 1, 0.0, 0.01), Step((1, 1), 2, 2, 0.0, 0.01)]
    asked = []

    def encode(groups):
        asked.extend(groups)
        return _joined_agree(groups)

    refined = Refiner(_scorer(), SENTENCE_BEAD_TYPES, encode).refine(steps)
    assert [(s.kind, s.i, s.j) for s in refined] == [((2, 2), 2, 2)]
    assert (0, 0, 2) in asked and (1, 0, 2) in asked


def test_sure_beads_are_left_alone():
    steps = [Step((1, 1), 1, 1, 0.0, CLOSE_MARGIN * 2), Step((1, 1), 2, 2, 0.0, CLOSE_MARGIN * 2)]

    def encode(groups):
        raise AssertionError("nothing should be encoded for sure beads")

    assert Refiner(_scorer(), SENTENCE_BEAD_TYPES, encode).refine(steps) == steps


def test_wide_bead_types_are_searched():
    zh = ["甲方应当在收到通知后的三十日内完成审查、提交报告、通知乙方、更新记录并保存证据。"]
    en = [
        "Party A shall complete the review within thirty days.",
        "It shall submit a report.",
        "It shall notify Party B.",
        "It shall update the records.",
        "It shall keep the evidence.",
    ]
    result = align(zh, en, "zh", "en", AlignOptions(embeddings="off"))
    assert [b.format() for b in result.beads] == ["[0]:[0,1,2,3,4]"]
