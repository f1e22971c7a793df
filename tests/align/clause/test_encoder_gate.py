"""The encoder gate: a window left in doubt asks the encoder only for a real ambiguity."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from dpa_compare.align.clause.aligner import SURE_MARGIN, settled_by_words
from dpa_compare.align.clause.bead_evidence import PairScore
from dpa_compare.align.clause.dp import PathBead


class _Evidence:
    """Pair scores of a square window from a content table (length fits unless told)."""

    def __init__(self, content: list[list[float]], length: float = 0.0, clash: bool = False):
        self.content, self.length_value, self.clash = content, length, clash
        self.w = SimpleNamespace(length=0.5)

    def pair(self, i: int, j: int) -> PairScore:
        return PairScore(self.content[i][j], self.length_value, self.clash and i == j)


DIAGONAL = [[3.0, 0.2, -1.0], [0.1, 2.5, 0.3], [-0.5, 0.0, 2.0]]


def _ones(margins: list[float]) -> list[PathBead]:
    return [PathBead((1, 1), k + 1, k + 1, 1.0, margin) for k, margin in enumerate(margins)]


def _settled(evidence: Any, beads: list[PathBead]) -> bool:
    return settled_by_words(evidence, beads, 3, 3)


def test_sure_margins_need_no_encoder() -> None:
    flat = [[0.0] * 3 for _ in range(3)]
    assert _settled(_Evidence(flat), _ones([SURE_MARGIN] * 3))


def test_close_one_to_one_pairs_that_choose_each_other_need_no_encoder() -> None:
    assert _settled(_Evidence(DIAGONAL), _ones([SURE_MARGIN, 3.0, 3.0]))


def test_a_pair_whose_words_point_two_ways_asks_the_encoder() -> None:
    torn = [row[:] for row in DIAGONAL]
    torn[1][2] = 2.3  # -- English 1 reads almost as well with Chinese 2 --
    assert not _settled(_Evidence(torn), _ones([SURE_MARGIN, 3.0, 3.0]))


def test_lengths_that_disagree_or_numbers_that_clash_ask_the_encoder() -> None:
    assert not _settled(_Evidence(DIAGONAL, length=-4.0), _ones([3.0, 3.0, 3.0]))
    assert not _settled(_Evidence(DIAGONAL, clash=True), _ones([3.0, 3.0, 3.0]))


def test_a_close_merge_asks_the_encoder() -> None:
    beads = [PathBead((1, 1), 1, 1, 1.0, SURE_MARGIN), PathBead((2, 1), 3, 2, 1.0, 2.0)]
    evidence: Any = _Evidence(DIAGONAL)
    assert not settled_by_words(evidence, beads, 3, 2)
