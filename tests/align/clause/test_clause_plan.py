"""Structure first: which proposals are accepted at once, and which stretches go to the exact
search."""

import numpy as np

from dpa_compare.align.clause.bead_evidence import PairScore
from dpa_compare.align.clause.plan import HALO, plan, reliability
from dpa_compare.align.evidence.scorers import Weights

TRANSLATION, UNRELATED = 3.0, 0.0


class _Side:
    def __init__(self, lengths):
        self.lengths = np.array(lengths, dtype=float)

    def __len__(self):
        return len(self.lengths)


class _Evidence:
    """A stand-in for `BeadEvidence`: 1-1 content read from a matrix, lengths per unit."""

    def __init__(self, content, en_chars=100, zh_chars=40, clash=()):
        self.content = np.asarray(content, dtype=float)
        n, m = self.content.shape
        self.en, self.zh = _Side([en_chars] * n), _Side([zh_chars] * m)
        self.w = Weights()
        self.clash = set(clash)

    def pair(self, i, j):
        return PairScore(float(self.content[i, j]), -0.1, (i, j) in self.clash)


def _diagonal(n, m=None, value=TRANSLATION):
    m = n if m is None else m
    out = np.full((n, m), UNRELATED)
    for k in range(min(n, m)):
        out[k, k] = value
    return out


def _accepted(segments):
    return [(s.en.start, s.zh.start) for s in segments if s.accepted]


def _windows(segments):
    return [(s.en, s.zh) for s in segments if not s.accepted]


def test_a_faithful_block_is_accepted_whole():
    segments = plan(_Evidence(_diagonal(5)), [(k, k) for k in range(5)], set())
    assert _accepted(segments) == [(k, k) for k in range(5)]
    assert _windows(segments) == []


def test_segments_cover_the_block_in_order():
    content = _diagonal(6, 7)
    content[3, 3], content[3, 4] = 2.0, 2.0  # -- English 3 split over Chinese 3 and 4 --
    for k in range(4, 6):
        content[k, k], content[k, k + 1] = UNRELATED, TRANSLATION
    segments = plan(_Evidence(content), [(k, k) for k in range(6)], set())
    en = [k for s in segments for k in s.en]
    zh = [k for s in segments for k in s.zh]
    assert en == list(range(6)) and zh == list(range(7))


def test_a_shifted_numbering_goes_to_the_exact_search_with_a_halo():
    # -- English 2 was dropped and the later Chinese clauses renumbered: labels pair 2⇄2, 3⇄3,
    #    content says 3⇄2 --
    content = np.full((6, 5), UNRELATED)
    for i, j in ((0, 0), (1, 1), (3, 2), (4, 3), (5, 4)):
        content[i, j] = TRANSLATION
    segments = plan(_Evidence(content), [(k, k) for k in range(5)], set())
    assert (2, 2) not in _accepted(segments) and (3, 3) not in _accepted(segments)
    window = _windows(segments)[0]
    assert window[0].start <= 2 - HALO + 1 and 2 in window[0] and 3 in window[0]


def test_a_pair_whose_neighbour_reads_as_well_is_left_to_the_search_when_counts_differ():
    content = _diagonal(4, 5)
    content[2, 3] = (
        TRANSLATION  # -- English 2 reads as well with Chinese 3: a split, or an addition --
    )
    segments = plan(_Evidence(content), [(k, k) for k in range(4)], set())
    assert (2, 2) not in _accepted(segments)
    assert any(2 in en and 3 in zh for en, zh in _windows(segments))


def test_boilerplate_that_reads_alike_is_accepted_when_it_lines_up_one_for_one():
    content = np.full((4, 4), 2.5)  # -- every section reads like every other: the numbers decide --
    segments = plan(_Evidence(content), [(k, k) for k in range(4)], set())
    assert _accepted(segments) == [(k, k) for k in range(4)]


def test_short_pairs_line_up_between_confirmed_pairs_unless_their_numbers_clash():
    content = _diagonal(5)
    evidence = _Evidence(content, en_chars=100, zh_chars=40)
    evidence.en.lengths[2], evidence.zh.lengths[2] = 8, 3  # -- a bare heading --
    assert reliability(evidence, [2], [2]) < 1.0
    assert (2, 2) in _accepted(plan(evidence, [(k, k) for k in range(5)], set()))
    evidence.clash = {(2, 2)}
    segments = plan(evidence, [(k, k) for k in range(5)], set())
    assert (2, 2) not in _accepted(segments)
    assert any(2 in en for en, _ in _windows(segments))


def test_unproposed_and_vetoed_pairs_are_never_accepted():
    content = _diagonal(3)
    for proposals, vetoed in (([(0, 0), (2, 2)], set()), ([(0, 0), (1, 1), (2, 2)], {(1, 1)})):
        segments = plan(_Evidence(content), proposals, vetoed)
        assert _accepted(segments) == []
        assert _windows(segments) == [(range(0, 3), range(0, 3))]


def test_crossing_proposals_are_dropped():
    content = _diagonal(3)
    segments = plan(_Evidence(content), [(0, 0), (1, 2), (2, 1)], set())
    assert (2, 1) not in _accepted(segments)
