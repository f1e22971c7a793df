"""The exact bead DP on synthetic grids with a toy scorer that rewards one known path."""

import numpy as np
import pytest

from dpa_compare.align.evidence.band import Band
from dpa_compare.align.evidence.beads import BEAD_TYPES, Bead, check_cover, log_priors, parse_bead
from dpa_compare.align.sentence.dp import search
from dpa_compare.errors import AlignmentError


def _toy(path):
    """Return a scorer giving +1 to the beads of `path` and -1 to every other bead."""
    ends = set()
    i = j = 0
    for a, b in path:
        i, j = i + a, j + b
        ends.add((a, b, i, j))

    def score(i, a, b, cols):
        return np.array([1.0 if (a, b, i, int(c)) in ends else -1.0 for c in cols])

    skips = np.full(sum(b for _, b in path), -1.0)
    i = j = 0
    for a, b in path:
        i, j = i + a, j + b
        if (a, b) == (0, 1):
            skips[j - 1] = 1.0
    return score, skips, i, j


@pytest.mark.parametrize(
    "path",
    [
        [
            (1, 1),
            (1, 2),
            (2, 1),
            (1, 3),
            (3, 1),
            (1, 4),
            (4, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (1, 0),
            (0, 1),
        ],
        [(0, 1), (0, 1), (1, 1), (1, 0), (1, 0)],
        [(2, 3), (1, 0), (0, 1), (4, 1), (1, 4)],
    ],
)
def test_search_finds_every_bead_type(path):
    score, skips, n, m = _toy(path)
    steps = search(n, m, BEAD_TYPES, score, skips, Band.full(n, m))
    assert [s.kind for s in steps] == path
    assert all(s.score == 1.0 for s in steps)


def test_band_around_path_keeps_the_search_exact():
    path = [(1, 1)] * 30 + [(1, 2)] * 10 + [(2, 1)] * 5
    score, skips, n, m = _toy(path)
    nodes = [(0, 0)]
    for a, b in path:
        nodes.append((nodes[-1][0] + a, nodes[-1][1] + b))
    band = Band.around(nodes, n, m, 3)
    assert band.width < m
    assert [s.kind for s in search(n, m, BEAD_TYPES, score, skips, band)] == path


def test_band_without_path_raises():
    band = Band(np.array([0, 5, 5]), 1)
    with pytest.raises(AlignmentError, match="no alignment path"):
        search(2, 6, BEAD_TYPES, lambda i, a, b, c: np.zeros(len(c)), np.zeros(6), band)


def test_bead_notation_round_trips():
    for text in ("[0,1]:[0]", "[3]:[]", "[]:[7]", "[2]:[3,4,5]"):
        assert parse_bead(text).format() == text
    assert parse_bead("[1]:[2]:0.53").kind == (1, 1)
    with pytest.raises(ValueError, match="not a bead"):
        parse_bead("1-2")


def test_check_cover_rejects_gaps():
    check_cover([Bead((0,), (0, 1)), Bead((1,), ())], 2, 2)
    with pytest.raises(AlignmentError, match="should start at sentence 1"):
        check_cover([Bead((0,), (0,)), Bead((2,), (1,))], 3, 2)


def test_priors_transpose_for_en_to_zh():
    zh_en, en_zh = log_priors("zh", "en"), log_priors("en", "zh")
    assert zh_en[(1, 2)] == pytest.approx(en_zh[(2, 1)])
    assert zh_en[(1, 1)] > zh_en[(1, 2)] > zh_en[(2, 1)]


def test_capped_band_stays_connected_and_linear():
    # -- a path with a long horizontal run would need a wide band; the cap keeps it narrow --
    nodes = [(0, 0), (10, 10), (10, 200), (50, 240)]
    band = Band.around(nodes, 50, 240, 4, max_width=16)
    assert band.width == 16
    assert band.lo[0] == 0 and band.lo[-1] + band.width - 1 == 240
    assert (np.diff(band.lo) >= 0).all() and (np.diff(band.lo) < band.width).all()
    steps = search(50, 240, BEAD_TYPES, lambda i, a, b, c: np.zeros(len(c)), np.zeros(240), band)
    assert (steps[-1].i, steps[-1].j) == (50, 240)


def test_table_and_row_scores_agree_and_margin_is_reported():
    path = [(1, 1)] * 8 + [(1, 2)] * 4 + [(2, 1)] * 3
    score, skips, n, m = _toy(path)
    steps = search(n, m, BEAD_TYPES, score, skips, Band.full(n, m))
    assert [s.kind for s in steps] == path
    assert all(s.margin > 0 for s in steps)
