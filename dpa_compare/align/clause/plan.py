"""Structure first: which pairs of a sibling block to accept at once, and where to search exactly.

Most of a real translation keeps the numbering: sibling k is the
translation of sibling k, and its number, anchors, length and dictionary
words all say so. Such a pair is accepted without the bead search when

- the structure proposes it (same number across styles and scripts, same
  row, the own texts of linked parents), and
- its content is reliable and agrees: dictionary and anchor evidence well
  above chance, a plausible length, and clearly better than either clause
  paired with the other's neighbour (a shifted numbering fails this); or
  it sits in a run that lines up one for one between two such pairs (or
  the block's edges) and nothing contradicts it: its content is above
  chance and no neighbour's pairing is clearly better, or, for text too
  short to tell, no clash of numbers.

Everything else — numbering absent or disagreeing, a merge, a split, an
omission, weak evidence — becomes a window for the exact bead DP, widened by
`HALO` accepted pairs on each side so that a merge or split at its edge can
still take in the neighbour. The search thus runs where the structure is in
doubt, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from dpa_compare.align.clause.bead_evidence import BeadEvidence

ACCEPT_CONTENT = 1.0
"""Least content score (about 0 for unrelated clauses) of a pair accepted on its own evidence."""
ACCEPT_LEAD = 0.75
"""How far its content must exceed that of either clause with the other's neighbour."""
ACCEPT_LENGTH = -2.0
"""Least Gale–Church log density (−δ²/2) of an accepted pair: |δ| ≤ 2 standard deviations."""
ACCEPT_TIE = 0.25
"""How far a neighbour's pairing may beat a pair that lines up between confirmed pairs (boilerplate
sections read alike: content cannot tell them apart, and the numbers then decide, as in the
search)."""
HALO = 1
"""Accepted pairs on each side of a doubtful stretch that its exact search may re-decide."""
RELIABLE_EN_CHARS = 40.0
RELIABLE_ZH_CHARS = 12.0
"""Text (characters without spaces) from which content evidence counts in full."""


@dataclass(frozen=True)
class Segment:
    """A stretch of a block: one accepted 1-1 pair, or a window of units for the exact search."""

    en: range
    zh: range
    accepted: bool


def reliability(evidence: BeadEvidence, en: Sequence[int], zh: Sequence[int]) -> float:
    """Return how much content evidence can say about units `en` ⇄ `zh` (0 for a bare label, 1 for a
    sentence)."""
    en_chars = float(sum(evidence.en.lengths[k] for k in en))
    zh_chars = float(sum(evidence.zh.lengths[k] for k in zh))
    return min(1.0, en_chars / RELIABLE_EN_CHARS, zh_chars / RELIABLE_ZH_CHARS)


def plan(
    evidence: BeadEvidence, proposals: Sequence[tuple[int, int]], vetoed: set[tuple[int, int]]
) -> list[Segment]:
    """Return the block's segments in order: accepted pairs and windows covering the rest.

    `proposals` are the structural (English, Chinese) unit pairs; `vetoed`
    the pairs whose defined terms contradict each other.
    """
    n, m = len(evidence.en), len(evidence.zh)
    chain = _monotone([p for p in proposals if p not in vetoed])
    strong = [p for p in chain if _strong(evidence, *p)]
    accepted = _fill(evidence, set(chain), strong, n, m)
    return _segments(accepted, n, m)


def _monotone(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the pairs, in English order, that keep the Chinese order (later crossings dropped)."""
    out: list[tuple[int, int]] = []
    for i, j in sorted(pairs):
        if not out or (i > out[-1][0] and j > out[-1][1]):
            out.append((i, j))
    return out


def _strong(evidence: BeadEvidence, i: int, j: int) -> bool:
    """Return whether the pair's own content confirms it beyond doubt."""
    if reliability(evidence, [i], [j]) < 1.0:
        return False
    content, length, _ = evidence.pair(i, j)
    if content < ACCEPT_CONTENT or length < ACCEPT_LENGTH:
        return False
    return content - _best_neighbour(evidence, i, j) >= ACCEPT_LEAD


def _best_neighbour(evidence: BeadEvidence, i: int, j: int) -> float:
    """Return the best content of English `i` with Chinese j±1 or of Chinese `j` with English
    i±1."""
    n, m = len(evidence.en), len(evidence.zh)
    rivals = [(i, j - 1), (i, j + 1), (i - 1, j), (i + 1, j)]
    scores = [evidence.pair(a, b)[0] for a, b in rivals if 0 <= a < n and 0 <= b < m]
    return max(scores, default=float("-inf"))


def _weak_ok(evidence: BeadEvidence, i: int, j: int) -> bool:
    """Return whether nothing contradicts a proposal that lines up between confirmed pairs."""
    content, length, clash = evidence.pair(i, j)
    if length < ACCEPT_LENGTH:
        return False
    if reliability(evidence, [i], [j]) < 1.0:
        # -- a heading or a bare label: too little text to judge, only a clash of numbers speaks
        #    against it --
        return not clash
    return content >= ACCEPT_CONTENT and content >= _best_neighbour(evidence, i, j) - ACCEPT_TIE


def _fill(
    evidence: BeadEvidence,
    proposed: set[tuple[int, int]],
    strong: list[tuple[int, int]],
    n: int,
    m: int,
) -> list[tuple[int, int]]:
    """Return the strong pairs plus, in each stretch between two of them that lines up one for one
    (as many units on both sides, each proposed with its counterpart by position), the pairs that
    nothing contradicts."""
    out: list[tuple[int, int]] = []
    edges = [(-1, -1), *strong, (n, m)]
    for (i0, j0), (i1, j1) in pairwise(edges):
        run = [(i0 + k, j0 + k) for k in range(1, i1 - i0)]
        if i1 - i0 == j1 - j0 and all(p in proposed for p in run):
            out.extend(p for p in run if _weak_ok(evidence, *p))
        if (i1, j1) != (n, m):
            out.append((i1, j1))
    return out


def _segments(accepted: list[tuple[int, int]], n: int, m: int) -> list[Segment]:
    """Return accepted pairs as segments and the stretches between them, widened by `HALO`, as
    windows."""
    keep = [True] * len(accepted)
    edges = [(-1, -1), *accepted, (n, m)]
    for k, ((i0, j0), (i1, j1)) in enumerate(pairwise(edges)):
        if i1 - i0 > 1 or j1 - j0 > 1:
            # -- a gap after accepted pair k-1: release HALO pairs on each side into the window --
            for h in range(max(0, k - HALO), min(len(accepted), k + HALO)):
                keep[h] = False
    out: list[Segment] = []
    start = (0, 0)
    for (i, j), kept in zip(accepted, keep, strict=True):
        if not kept:
            continue
        if (i, j) != start:
            out.append(Segment(range(start[0], i), range(start[1], j), False))
        out.append(Segment(range(i, i + 1), range(j, j + 1), True))
        start = (i + 1, j + 1)
    if start != (n, m):
        out.append(Segment(range(start[0], n), range(start[1], m), False))
    return out


__all__ = [
    "ACCEPT_CONTENT",
    "ACCEPT_LEAD",
    "ACCEPT_LENGTH",
    "ACCEPT_TIE",
    "HALO",
    "RELIABLE_EN_CHARS",
    "RELIABLE_ZH_CHARS",
    "Segment",
    "plan",
    "reliability",
]
