"""Content evidence of clause beads: lexicon, anchors, length and (when encoded) embeddings.

The sentence engine's scorer sums pairwise overlaps and averages vectors,
which suits sentences; but then a clause that a merge absorbs without
sharing anything with the other side still scores the group's average. Here
each member of a bead is judged against the whole other side (the share of
its words the other side translates, the cosine of its vector with the other
side's sum) and the bead gets the mean over its members, moved towards the
worst member by `worst`: a merge must explain every clause it takes in.

Being explained is not enough: a clause added next to a topically similar
one shares words with the neighbour's counterpart, yet translates nothing of
it that the neighbour does not. So every member of a side with several must
also be needed (`necessity`): some of the stems the bead shares across must
be lost without it. A genuine split divides the English clause between its
parts (each translates words the other lacks); an added clause translates
none of its own, and the bead's lexical evidence drops to nothing.

Length is the Gale–Church log density of the engine's scorer, with the
length ratio of the document pair; the content score combines the evidence
with the engine's `Weights`, against the document pair's chance levels.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from dpa_compare.align.clause.features import PairFeatures, Units
from dpa_compare.align.evidence.scorers import Weights

NEEDED_WORDS = 2.0
"""Shared stems a member of a merge or split must bring, that no other member does, to be needed in
full (one alone may be a chance hit of the dictionary)."""

_Run = tuple[frozenset[str], frozenset[str], int, np.ndarray | None]


class PairScore(NamedTuple):
    """The evidence of one 1-1 bead: content score, Gale–Church log density, whether their numbers
    clash."""

    content: float
    length: float
    clash: bool
    """Both sides carry numbers (or Latin tokens, in Chinese) and share none."""


class BeadEvidence:
    """Evidence and content scores of beads over two unit lists (`en` × `zh`) of one block."""

    def __init__(
        self, en: Units, zh: Units, features: PairFeatures, weights: Weights, worst: float
    ) -> None:
        self.en, self.zh, self.w, self.worst = en, zh, weights, worst
        self.ratio, self.lex_base, self.cos_base = (
            features.ratio,
            features.lexicon_base,
            features.cosine_base,
        )
        self.use_lexicon = en.lex is not None and zh.lex_words is not None
        self.use_embedding = en.vectors is not None and zh.vectors is not None
        self._runs: dict[tuple[str, int, int], _Run] = {}
        self._pairs: dict[tuple[int, int], PairScore] = {}
        self._shares: dict[tuple[str, int, int, int], float] = {}
        self._masks: dict[int, dict[str, int]] = {}
        self._needed: dict[tuple[str, int, tuple[int, ...], tuple[int, ...]], float] = {}
        self._len_en = np.concatenate([[0.0], np.cumsum(en.lengths)])
        self._len_zh = np.concatenate([[0.0], np.cumsum(zh.lengths)])

    def _run(self, side: str, start: int, size: int) -> _Run:
        """Return (lexicon stems, anchors, countable anchors, summed vector) of `size` units from
        `start`."""
        key = (side, start, size)
        found = self._runs.get(key)
        if found is None:
            units = self.en if side == "en" else self.zh
            stop = start + size
            lex = (
                frozenset().union(*units.lex[start:stop]) if units.lex is not None else frozenset()
            )
            anchors = (
                units.anchors[start] if size == 1 else frozenset().union(*units.anchors[start:stop])
            )
            count = sum(1 for k in anchors if k.startswith("n:")) if side == "en" else len(anchors)
            vector = units.vectors[start:stop].sum(axis=0) if units.vectors is not None else None
            found = self._runs[key] = (lex, anchors, count, vector)
        return found

    def values(self, i: int, a: int, b: int, cols: np.ndarray) -> dict[str, np.ndarray]:
        """Return each kind of evidence for English units i-a..i-1 × Chinese J-b..J-1, J in
        `cols`."""
        size = len(cols)
        out = {"lexicon": np.zeros(size), "anchor": np.zeros(size)}
        if self.use_embedding:
            out["embedding"] = np.zeros(size)
        en_lex, en_anchors, en_count, en_vector = self._run("en", i - a, a)
        for k, end in enumerate(cols.tolist()):
            start = end - b
            zh_lex, zh_anchors, zh_count, zh_vector = self._run("zh", start, b)
            if self.use_lexicon:
                out["lexicon"][k] = self._lexicon(i - a, a, start, b, en_lex, zh_lex)
            total = en_count + zh_count
            if total:
                out["anchor"][k] = min(2 * len(en_anchors & zh_anchors) / total, 1.0) - 0.5
            if en_vector is not None and zh_vector is not None:
                out["embedding"][k] = self._cosines(i - a, a, start, b, en_vector, zh_vector)
        out["length"] = self.length(i, a, b, cols)
        return out

    def length(self, i: int, a: int, b: int, cols: np.ndarray) -> np.ndarray:
        """Return the Gale–Church log density (−δ²/2) of the beads' length difference."""
        ls = self._len_en[i] - self._len_en[i - a]
        lt = self._len_zh[cols] - self._len_zh[cols - b]
        mean = np.maximum((ls + lt / self.ratio) / 2, 1.0)
        delta = (lt - ls * self.ratio) / np.sqrt(self.w.length_variance * mean * self.ratio)
        return -0.5 * delta**2

    def content(self, evidence: dict[str, np.ndarray]) -> np.ndarray:
        """Return the size-free content score: about 0 for unrelated units, several units for a
        translation."""
        total = self.w.anchor * evidence["anchor"]
        if "embedding" in evidence:
            total = total + self.w.embedding * (evidence["embedding"] - self.cos_base)
        if self.use_lexicon:
            total = total + self.w.lexicon * (evidence["lexicon"] - self.lex_base)
        return total

    def pair(self, i: int, j: int) -> PairScore:
        """Return the evidence of the 1-1 bead English unit `i` ⇄ Chinese unit `j` (cached)."""
        found = self._pairs.get((i, j))
        if found is None:
            evidence = self.values(i + 1, 1, 1, np.array([j + 1]))
            _, en_anchors, en_count, _ = self._run("en", i, 1)
            _, zh_anchors, zh_count, _ = self._run("zh", j, 1)
            clash = bool(en_count and zh_count and en_anchors.isdisjoint(zh_anchors))
            found = self._pairs[(i, j)] = PairScore(
                float(self.content(evidence)[0]), float(evidence["length"][0]), clash
            )
        return found

    def _lexicon(
        self,
        en_start: int,
        a: int,
        zh_start: int,
        b: int,
        en_lex: frozenset[str],
        zh_lex: frozenset[str],
    ) -> float:
        shares = [self._en_share(e, zh_start, b, zh_lex) for e in range(en_start, en_start + a)]
        shares.extend(self._zh_share(z, en_start, a, en_lex) for z in range(zh_start, zh_start + b))
        pooled = self._pool(shares)
        if pooled <= 0.0 or a == b == 1:
            return pooled
        # -- a side of several members: each must translate something of the other side no other
        #    member does --
        en_run, zh_run = tuple(range(en_start, en_start + a)), tuple(range(zh_start, zh_start + b))
        if b > 1:
            pooled *= min(self.necessity("zh", zh_run, k, en_run) for k in range(b))
        if a > 1:
            pooled *= min(self.necessity("en", en_run, k, zh_run) for k in range(a))
        return pooled

    def necessity(
        self, side: str, members: tuple[int, ...], k: int, other: tuple[int, ...]
    ) -> float:
        """Return how far member `k` of `members` (units of `side`) is needed to translate the units
        `other`.

        The bead's shared stems are the English stems its Chinese side
        translates; member `k` is needed by as many of them as would be lost
        without it, over `NEEDED_WORDS` (at most 1): 0 when it adds nothing.
        Without a lexicon, 1: nothing tells.
        """
        if not self.use_lexicon:
            return 1.0
        rest = members[:k] + members[k + 1 :]
        key = (side, members[k], rest, other)
        found = self._needed.get(key)
        if found is None:
            assert self.en.lex is not None and self.zh.lex is not None
            mine, theirs = (
                (self.en.lex, self.zh.lex) if side == "en" else (self.zh.lex, self.en.lex)
            )
            own, kept = mine[members[k]], _union(mine, rest)
            across = _union(theirs, other)
            # -- `own & across` is English stems whichever side the member is on: its own the
            #    Chinese side
            #    translates, or the English side's it translates --
            lost = (own & across) - kept
            found = self._needed[key] = min(len(lost) / NEEDED_WORDS, 1.0)
        return found

    def _en_share(self, unit: int, zh_start: int, b: int, zh_lex: frozenset[str]) -> float:
        """Return the share of English `unit`'s stems that the Chinese run translates (cached)."""
        key = ("en", unit, zh_start, b)
        found = self._shares.get(key)
        if found is None:
            assert self.en.lex is not None
            stems = self.en.lex[unit]
            found = self._shares[key] = len(stems & zh_lex) / len(stems) if stems else 0.0
        return found

    def _zh_share(self, unit: int, en_start: int, a: int, en_lex: frozenset[str]) -> float:
        """Return the share of Chinese `unit`'s dictionary words whose translation the English run
        holds (cached)."""
        key = ("zh", unit, en_start, a)
        found = self._shares.get(key)
        if found is None:
            assert self.zh.lex is not None and self.zh.lex_words is not None
            words = self.zh.lex_words[unit]
            if not words:
                found = 0.0
            else:
                # -- one bit per word: the words some shared stem translates, counted at once --
                masks = self._word_masks(unit)
                hit = 0
                for stem in self.zh.lex[unit] & en_lex:
                    hit |= masks[stem]
                found = hit.bit_count() / len(words)
            self._shares[key] = found
        return found

    def _word_masks(self, unit: int) -> dict[str, int]:
        """Return, for each stem of Chinese `unit`, the bit mask of its words that translate to
        it."""
        found = self._masks.get(unit)
        if found is None:
            assert self.zh.lex_words is not None
            found = {}
            for k, stems in enumerate(self.zh.lex_words[unit]):
                for stem in stems:
                    found[stem] = found.get(stem, 0) | (1 << k)
            self._masks[unit] = found
        return found

    def _pool(self, values: list[float]) -> float:
        """Return the members' mean moved towards their minimum by `worst` (0: mean, 1: minimum)."""
        mean = sum(values) / len(values)
        return mean - self.worst * (mean - min(values))

    def _cosines(
        self,
        en_start: int,
        a: int,
        zh_start: int,
        b: int,
        en_vector: np.ndarray,
        zh_vector: np.ndarray,
    ) -> float:
        assert self.en.vectors is not None and self.zh.vectors is not None
        values = []
        for own, other in (
            (self.en.vectors[en_start : en_start + a], zh_vector),
            (self.zh.vectors[zh_start : zh_start + b], en_vector),
        ):
            norms = np.linalg.norm(own, axis=1) * float(np.linalg.norm(other))
            dots = own @ other
            values.extend(np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0).tolist())
        return self._pool(values)


def _union(sets: list[frozenset[str]], units: tuple[int, ...]) -> frozenset[str]:
    return sets[units[0]] if len(units) == 1 else frozenset().union(*(sets[u] for u in units))


__all__ = ["NEEDED_WORDS", "BeadEvidence", "PairScore"]
