"""Merge-then-split refinement of a bead path with embeddings of the joined sentences.

The search scores a group of sentences by the sum of its members' vectors,
which is cheap but blurs where a boundary belongs. Here every two
neighbouring beads are merged and the merged span is split again under every
bead type (a tiny exact DP over the span), with a group's embedding cosine
taken partly from the encoder reading the group's sentences joined into one
text. A better split replaces the pair and its neighbours are looked at again.
Only close calls are re-split (`CLOSE_MARGIN`), which keeps the extra encoding small.
Spans are bounded (`MAX_SPAN` sentences a side) and each bead takes part in
a bounded number of windows, so the pass is linear in the text; only the
groups the windows need are encoded, in one batch where possible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from dpa_compare.align.evidence.beads import BeadType
from dpa_compare.align.evidence.scorers import BeadScorer
from dpa_compare.align.sentence.dp import Step

MAX_SPAN = 8
"""Most sentences a side that one refinement window may hold."""

CLOSE_MARGIN = 0.15
"""A pair of neighbouring beads is re-split only when the search's margin at one of them
(how far its best way in beat the runner-up) is below this: a close call. On MAC-Dev 95 % of
the re-splits that changed a pair had a margin below 0.16, and a quarter of all pairs are
close calls; a wider net (0.25, 40 % of pairs) gained nothing measurable and encoded half
as many characters again."""

JOINED_SHARE = 0.75
"""Share of a group's cosine taken from the joined-text embedding (the rest from the
summed member vectors): the joined reading is the better witness of a boundary, the
sum is what the search was calibrated on."""

Group = tuple[int, int, int]
"""(side, first, stop): side 0 = source, 1 = target; sentences first .. stop-1."""

Encoder = Callable[[list[Group]], np.ndarray]
"""encode(groups) -> one L2-normalised vector per group (its sentences joined)."""


class Refiner:
    """Re-split neighbouring beads with joined-group embeddings (see the module doc)."""

    def __init__(self, scorer: BeadScorer, types: Sequence[BeadType], encode: Encoder) -> None:
        self.scorer, self.encode = scorer, encode
        self.types = [t for t in types if max(t) >= 1]
        self.vectors: dict[Group, np.ndarray] = {}

    def refine(self, steps: Sequence[Step]) -> list[Step]:
        """Return the path with every improvable pair of neighbouring beads re-split."""
        out = list(steps)
        self._prefetch([self._window(out[k], out[k + 1]) for k in range(len(out) - 1)])
        k, budget = 0, 4 * len(out) + 8
        while k + 1 < len(out) and budget > 0:
            budget -= 1
            window = self._window(out[k], out[k + 1])
            if window is None:
                k += 1
                continue
            self._prefetch([window])
            new = self._split(window, min(out[k].margin, out[k + 1].margin))
            if [s.kind for s in new] != [out[k].kind, out[k + 1].kind] or new[0].i != out[k].i:
                out[k : k + 2] = new
                k = max(k - 1, 0)
            else:
                k += 1
        return out

    @staticmethod
    def _window(first: Step, second: Step) -> tuple[int, int, int, int] | None:
        if min(first.margin, second.margin) >= CLOSE_MARGIN:
            return None
        i0, j0 = first.i - first.kind[0], first.j - first.kind[1]
        if second.i - i0 > MAX_SPAN or second.j - j0 > MAX_SPAN:
            return None
        return i0, j0, second.i, second.j

    def _groups(self, window: tuple[int, int, int, int] | None) -> set[Group]:
        if window is None:
            return set()
        i0, j0, i1, j1 = window
        widest_src = max(a for a, _ in self.types)
        widest_tgt = max(b for _, b in self.types)
        out = {(0, x, x + a) for a in range(2, widest_src + 1) for x in range(i0, i1 - a + 1)}
        out |= {(1, y, y + b) for b in range(2, widest_tgt + 1) for y in range(j0, j1 - b + 1)}
        return out

    def _prefetch(self, windows: Sequence[tuple[int, int, int, int] | None]) -> None:
        wanted = sorted(set().union(*map(self._groups, windows)) - set(self.vectors))
        if wanted:
            self.vectors.update(zip(wanted, self.encode(wanted), strict=True))

    def _vector(self, side: int, first: int, stop: int) -> np.ndarray:
        if stop - first == 1:
            own = self.scorer.src if side == 0 else self.scorer.tgt
            assert own.vectors is not None
            return own.vectors[first]
        return self.vectors[(side, first, stop)]

    def _scores(self, window: tuple[int, int, int, int]) -> dict[BeadType, np.ndarray]:
        """Return, per bead type, the scores of its beads ending at every node of `window`.

        scores[(a, b)][i - i0, j - j0] scores the bead ending at (i, j); computed per type
        with array operations (the scorer's evidence, group cosines from joined texts).
        """
        scorer = self.scorer
        i0, j0, i1, j1 = window
        out: dict[BeadType, np.ndarray] = {}
        for a, b in self.types:
            table = np.full((i1 - i0 + 1, j1 - j0 + 1), -np.inf)
            rows, cols = np.arange(i0 + a, i1 + 1), np.arange(j0 + b, j1 + 1)
            if len(rows) and len(cols):
                if a == 0 or b == 0:
                    skip = scorer.w.prior * scorer.priors.get((a, b), -10.0) + scorer.w.skip
                    table[a:, b:] = skip
                else:
                    grid = np.broadcast_to(cols, (len(rows), len(cols))).copy()
                    evidence = scorer.grid_evidence(rows, a, b, grid)
                    if a > 1 or b > 1:
                        evidence["embedding"] = self._mixed_cosine(
                            evidence["embedding"], rows, cols, a, b
                        )
                    table[a:, b:] = scorer._score(a, b, evidence)
            out[(a, b)] = table
        return out

    def _mixed_cosine(
        self, summed: np.ndarray, rows: np.ndarray, cols: np.ndarray, a: int, b: int
    ) -> np.ndarray:
        src = np.stack([self._vector(0, int(i) - a, int(i)) for i in rows])
        tgt = np.stack([self._vector(1, int(j) - b, int(j)) for j in cols])
        norms = np.outer(np.linalg.norm(src, axis=1), np.linalg.norm(tgt, axis=1))
        dots = src @ tgt.T
        joined = np.divide(dots, norms, out=np.zeros_like(dots, dtype=np.float64), where=norms > 0)
        return JOINED_SHARE * joined + (1 - JOINED_SHARE) * summed

    def _split(self, window: tuple[int, int, int, int], margin: float) -> list[Step]:
        """Return the best beads covering `window` exactly (an exact DP over its nodes)."""
        i0, j0, i1, j1 = window
        scores = self._scores(window)
        best: dict[tuple[int, int], tuple[float, BeadType | None]] = {(i0, j0): (0.0, None)}
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                choice: tuple[float, BeadType | None] | None = None
                for a, b in self.types:
                    before = best.get((i - a, j - b))
                    if i - a < i0 or j - b < j0 or before is None:
                        continue
                    total = before[0] + float(scores[(a, b)][i - i0, j - j0])
                    if choice is None or total > choice[0]:
                        choice = (total, (a, b))
                if choice is not None and (i, j) != (i0, j0):
                    best[(i, j)] = choice
        steps: list[Step] = []
        i, j = i1, j1
        while (i, j) != (i0, j0):
            total, kind = best[(i, j)]
            assert kind is not None
            a, b = kind
            steps.append(Step(kind, i, j, total - best[(i - a, j - b)][0], margin))
            i, j = i - a, j - b
        return steps[::-1]


__all__ = ["CLOSE_MARGIN", "JOINED_SHARE", "MAX_SPAN", "Encoder", "Group", "Refiner"]
