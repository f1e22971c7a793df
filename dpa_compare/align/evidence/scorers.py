"""Bead scorers: per-sentence features, pair evidence inside the band, bead scores.

Every scorer reduces to sums over the sentence pairs of a bead plus group
sizes, so a bead's evidence is read from per-row prefix sums in O(a):
- embeddings: cosine of the summed (= averaged) sentence vectors of each side;
- lexicon: share of the English content stems translated by the Chinese side;
- anchors: Dice overlap of numbers and Latin tokens;
- length: Gale–Church log density of the length difference, with the
  target/source length ratio estimated from the document pair itself;
- quotation: whether the bead's last sentences agree on closing a quotation
  (boundary evidence, read at the bead's end only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dpa_compare.align.evidence.anchors import anchors, countable
from dpa_compare.align.evidence.band import NEG, Band
from dpa_compare.align.evidence.lexicon import Lexicon, english_stems
from dpa_compare.lang.quotes import ends_quotation

MAX_SIDE = 4
"""Most sentences on one side of a bead unless the bead types searched ask for more."""


@dataclass(frozen=True)
class Weights:
    """Weights of the scorers in a bead score (see `BeadScorer.__call__`).

    The defaults were tuned on MAC-Dev (zh→en, dev set only) with embeddings;
    `NO_EMBEDDING_WEIGHTS` is the tuning without them.
    """

    embedding: float = 1.0
    """Per unit of cosine above the document's chance level."""
    lexicon: float = 0.1
    """Per unit of dictionary coverage above chance (mean of both directions)."""
    anchor: float = 0.0
    """Per unit of anchor Dice overlap minus 0.5 (numbers matter in contracts, not in novels)."""
    length: float = 0.05
    """Per unit of Gale–Church log density (−δ²/2)."""
    length_variance: float = 6.8
    """Gale–Church s²: variance of the target length per source character."""
    skip: float = -0.3
    """Added to a 1-0 or 0-1 bead."""
    prior: float = 0.2
    """Per nat of bead-type log prior."""
    quote: float = 0.15
    """Added to a bead whose last source and target sentences both close a quotation, taken off
    when only one of them does (`BeadScorer._quote_agreement`). On MAC-Dev 97 % of the gold beads
    agree, and an English sentence closing a quotation ends its bead 97 % of the time."""


NO_EMBEDDING_WEIGHTS = Weights(
    embedding=0.0, lexicon=1.0, anchor=0.0, length=0.1, prior=0.3, quote=0.2
)
"""Default weights when the embedding package is not installed (MAC-Dev tuned)."""


@dataclass(frozen=True)
class Side:
    """Features of one side's units (sentences, or blocks of sentences)."""

    lang: str
    lengths: np.ndarray
    vectors: np.ndarray | None
    lex: list[frozenset[str]] | None
    lex_count: np.ndarray
    lex_words: list[tuple[frozenset[str], ...]] | None
    anchors: list[frozenset[str]]
    anchor_count: np.ndarray
    closes_quote: np.ndarray | None = None
    """1.0 where the unit ends by closing a quotation (`lang.quotes`), else 0.0; None: unknown."""

    def __len__(self) -> int:
        return len(self.lengths)


def text_length(text: str, lang: str) -> int:
    """Return the length of `text` used by the length scorer: characters without spaces."""
    return len("".join(text.split()))


def side_features(
    texts: Sequence[str], lang: str, lexicon: Lexicon | None, vectors: np.ndarray | None
) -> Side:
    """Return the features of `texts` written in `lang` for the scorers in use.

    `lexicon` None switches the lexical scorer off; `vectors` None the embeddings.
    """
    lex: list[frozenset[str]] | None = None
    words: list[tuple[frozenset[str], ...]] | None = None
    counts = np.zeros(len(texts))
    if lexicon is not None:
        if lang == "zh":
            words = [tuple(s for s in map(lexicon.stems, lexicon.zh_words(t)) if s) for t in texts]
            lex = [frozenset().union(*w) for w in words]
            counts = np.array([len(w) for w in words], dtype=np.float64)
        else:
            lex = [frozenset(english_stems(t)) for t in texts]
            counts = np.array([len(s) for s in lex], dtype=np.float64)
    keys = [anchors(t, lang) for t in texts]
    return Side(
        lang=lang,
        lengths=np.array([text_length(t, lang) for t in texts], dtype=np.float64),
        vectors=vectors,
        lex=lex,
        lex_count=counts,
        lex_words=words,
        anchors=keys,
        anchor_count=np.array([countable(k, lang) for k in keys], dtype=np.float64),
        closes_quote=np.array([ends_quotation(t, lang) for t in texts], dtype=np.float64),
    )


def blocks(side: Side, size: int) -> tuple[Side, np.ndarray]:
    """Return `side` merged into blocks of `size` consecutive units, and the block starts."""
    starts = np.arange(0, len(side), size)

    def union(sets: list[frozenset[str]] | None) -> list[frozenset[str]] | None:
        return None if sets is None else [frozenset().union(*sets[s : s + size]) for s in starts]

    merged = Side(
        lang=side.lang,
        lengths=np.add.reduceat(side.lengths, starts) if len(side) else side.lengths,
        vectors=None
        if side.vectors is None or not len(side)
        else np.add.reduceat(side.vectors, starts, axis=0),
        lex=union(side.lex),
        lex_count=np.add.reduceat(side.lex_count, starts) if len(side) else side.lex_count,
        lex_words=None
        if side.lex_words is None
        else [sum(side.lex_words[s : s + size], ()) for s in starts],
        anchors=union(side.anchors) or [],
        anchor_count=np.add.reduceat(side.anchor_count, starts) if len(side) else side.anchor_count,
        # -- a block ends where its last unit ends --
        closes_quote=None
        if side.closes_quote is None
        else side.closes_quote[np.minimum(starts + size, len(side)) - 1],
    )
    return merged, starts


class PairBand:
    """Per-pair evidence for the source/target units a band can put in one bead.

    Row r (a source unit) holds target units plo[r] .. plo[r] + width - 1;
    `prefix` arrays are cumulative along the row, so a bead's sum is O(rows).
    """

    def __init__(self, band: Band, n: int, m: int, max_side: int = MAX_SIDE) -> None:
        if not n:
            self.lo, self.width = np.zeros(0, dtype=np.int64), 1
            return
        # -- row r can sit in beads ending at rows r+1 .. r+max_side: their columns, less
        #    max_side --
        padded = np.concatenate([band.lo[1:], np.full(max_side, band.lo[n])])
        window = np.lib.stride_tricks.sliding_window_view(padded, max_side)[:n]
        first_lo, last_lo = window.min(axis=1), window.max(axis=1)
        self.lo = np.maximum(first_lo - max_side, 0)
        self.width = int(max(1, min(m, (last_lo + band.width - self.lo).max())))
        self.lo = np.minimum(self.lo, max(m - self.width, 0))

    def columns(self, r: int) -> np.ndarray:
        """Return the target units of row `r`."""
        return self.lo[r] + np.arange(self.width)

    def prefix(self, values: np.ndarray) -> np.ndarray:
        """Return row-wise cumulative sums of `values` (n × width) with a leading zero column."""
        out = np.zeros((values.shape[0], self.width + 1))
        np.cumsum(values, axis=1, out=out[:, 1:])
        return out

    def block_sums(
        self, prefix: np.ndarray, i: int | np.ndarray, a: int, b: int, cols: np.ndarray
    ) -> np.ndarray:
        """Return, per evidence kind k and end node (I, J), the sum of `prefix[k]` over
        source rows I-a..I-1 × target columns J-b..J-1.

        With an int `i` and 1-D `cols` the shape is kinds × len(cols); with
        `i` of shape (R,) and `cols` of shape (R, W) it is kinds × R × W.
        """
        if np.ndim(i) == 0:
            return self.block_sums(prefix, np.array([i]), a, b, np.asarray(cols)[None, :])[:, 0]
        ends = np.asarray(i)
        out = np.zeros((prefix.shape[0],) + cols.shape)
        for offset in range(a):
            rows = (ends - a + offset)[:, None]
            hi = cols - self.lo[rows]
            lo = hi - b
            # -- the pair band is built to hold every pair the DP band can ask for; clipping
            #    only guards the edges of the grid, where missing pairs count as zero --
            np.clip(hi, 0, self.width, out=hi)
            np.clip(lo, 0, self.width, out=lo)
            out += prefix[:, rows, hi] - prefix[:, rows, lo]
        return out


def _embedding_dots(
    src: np.ndarray, tgt: np.ndarray, pairs: PairBand, rows_per_block: int = 128
) -> np.ndarray:
    """Return dots[r, k] = src[r] · tgt[pairs.lo[r] + k] (0 past the last target)."""
    n, m = len(src), len(tgt)
    dots = np.zeros((n, pairs.width))
    offsets = np.arange(pairs.width)
    for r0 in range(0, n, rows_per_block):
        r1 = min(r0 + rows_per_block, n)
        c0 = int(pairs.lo[r0:r1].min())
        c1 = int(min(m, pairs.lo[r0:r1].max() + pairs.width))
        # -- one GEMM over the block's column range, then each row picks its own window --
        block = src[r0:r1] @ tgt[c0:c1].T
        cols = pairs.lo[r0:r1, None] + offsets
        ok = cols < m
        local = np.where(ok, cols - c0, 0)
        dots[r0:r1] = np.where(ok, np.take_along_axis(block, local, axis=1), 0.0)
    return dots


def _pair_values(src: Side, tgt: Side, pairs: PairBand) -> dict[str, np.ndarray]:
    n, m = len(src), len(tgt)
    out: dict[str, np.ndarray] = {}
    if src.vectors is not None and tgt.vectors is not None:
        out["embedding"] = _embedding_dots(src.vectors, tgt.vectors, pairs)
    if src.lex is not None and tgt.lex is not None:
        # -- "lexicon": English stems translated; "lexicon_zh": Chinese words whose translation is
        #    there --
        shared, found = np.zeros((n, pairs.width)), np.zeros((n, pairs.width))
        zh_words = src.lex_words if src.lang == "zh" else tgt.lex_words
        tgt_lex = tgt.lex
        for r in range(n):
            row_lex = src.lex[r]
            if not row_lex:
                continue
            base = int(pairs.lo[r])
            for k in range(min(pairs.width, m - base)):
                hit = row_lex & tgt_lex[base + k]
                if hit and zh_words is not None:
                    shared[r, k] = len(hit)
                    words = zh_words[r] if src.lang == "zh" else zh_words[base + k]
                    found[r, k] = sum(1 for w in words if not w.isdisjoint(hit))
        out["lexicon"], out["lexicon_zh"] = shared, found
    hits = np.zeros((n, pairs.width))
    with_anchors = np.array([c for c in range(m) if tgt.anchors[c]], dtype=np.int64)
    for r in range(n):
        if src.anchors[r] and len(with_anchors):
            base = int(pairs.lo[r])
            first, last = np.searchsorted(with_anchors, [base, base + pairs.width])
            for c in with_anchors[first:last]:
                hits[r, c - base] = len(src.anchors[r] & tgt.anchors[c])
    out["anchor"] = hits
    return out


def _group_norms(vectors: np.ndarray, max_side: int = MAX_SIDE) -> np.ndarray:
    """Return norms[b, j] = |sum of vectors j-b .. j-1| for b = 0..max_side (0 where j < b)."""
    count = len(vectors)
    norms = np.zeros((max_side + 1, count + 1))
    total = np.zeros_like(vectors)
    for b in range(1, max_side + 1):
        if b > count:
            break
        total = total[:-1] + vectors[b - 1 :] if b > 1 else vectors.copy()
        norms[b, b:] = np.linalg.norm(total, axis=1)
    return norms


def _share(hits: np.ndarray, total: np.ndarray | float) -> np.ndarray:
    total = np.broadcast_to(np.asarray(total, dtype=np.float64), hits.shape)
    return np.minimum(np.divide(hits, total, out=np.zeros_like(hits), where=total > 0), 1.0)


def unrelated_coverage(src: Side, tgt: Side, samples: int = 400) -> float:
    """Return the mean lexical coverage of sentence pairs a quarter to three quarters of a document
    apart.

    Pairs that far apart are almost never translations: their mean is the
    level of chance matches (function-like words) to subtract from evidence.
    """
    n, m = len(src), len(tgt)
    src_lex, tgt_lex = src.lex, tgt.lex
    if n < 2 or m < 2 or src_lex is None or tgt_lex is None:
        return 0.0
    rows = np.linspace(0, n - 1, min(samples, n)).astype(int)
    # -- offsets vary (seeded, so runs repeat): a fixed one would pair each sentence with its
    #    own copy in a text made of repeated parts, and make true translations look like chance --
    shift = np.random.default_rng(0).integers(m // 4, max(m // 4 + 1, 3 * m // 4), len(rows))
    cols = (rows * m // n + shift) % m
    hits = np.array(
        [len(src_lex[i] & tgt_lex[j]) for i, j in zip(rows, cols, strict=True)], dtype=np.float64
    )
    zh, en = (src, tgt) if src.lang == "zh" else (tgt, src)
    en_lex = tgt_lex if src.lang == "zh" else src_lex
    zh_words = zh.lex_words
    zh_rows, en_rows = (rows, cols) if src.lang == "zh" else (cols, rows)
    found = np.array(
        [
            sum(1 for w in zh_words[z] if not w.isdisjoint(en_lex[e])) if zh_words else 0
            for z, e in zip(zh_rows, en_rows, strict=True)
        ],
        dtype=np.float64,
    )
    both = (_share(hits, en.lex_count[en_rows]) + _share(found, zh.lex_count[zh_rows])) / 2
    return float(both.mean())


def _unit_mean(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0).mean(axis=0)


def _cumulative(values: np.ndarray) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(values)])


class BeadScorer:
    """Score beads from two sides' features inside one band; callable as a `BeadScoreFn`.

    score = prior·log P(a, b) + size·(w_e·(cos − base) + w_x·lex + w_a·anchor) + w_l·length
    + w_q·quote, with size = (a + b) / 2, so that one 2-2 bead and two 1-1 beads weigh the same
    evidence; the quotation term is a boundary's, one per bead whatever its size.
    Skips (1-0, 0-1) score prior·log P + `skip`.
    """

    def __init__(
        self,
        src: Side,
        tgt: Side,
        band: Band,
        priors: dict[tuple[int, int], float],
        weights: Weights,
    ) -> None:
        self.src, self.tgt, self.w, self.priors = src, tgt, weights, priors
        # -- the widest bead type scored sets how far pair evidence and group norms reach --
        max_side = max([MAX_SIDE, *(max(kind) for kind in priors)])
        self.pairs = PairBand(band, len(src), len(tgt), max_side)
        values = _pair_values(src, tgt, self.pairs)
        self.kinds = list(values)
        self.prefix = np.stack([self.pairs.prefix(v) for v in values.values()])
        self.use_embedding = "embedding" in values
        self.use_lexicon = "lexicon" in values
        if self.use_embedding and src.vectors is not None and tgt.vectors is not None:
            self.src_norms = _group_norms(src.vectors, max_side)
            self.tgt_norms = _group_norms(tgt.vectors, max_side)
            # -- expected cosine of unrelated units: the dot product of the mean unit vectors
            #    (blocks are sums of sentence vectors: normalised first, or the base outgrows 1) --
            self.base = (
                float(_unit_mean(src.vectors) @ _unit_mean(tgt.vectors))
                if len(src) and len(tgt)
                else 0.0
            )
        if self.use_lexicon:
            self.lex_base = unrelated_coverage(src, tgt)
        self.src_len, self.tgt_len = _cumulative(src.lengths), _cumulative(tgt.lengths)
        self.ratio = (self.tgt_len[-1] / self.src_len[-1]) if self.src_len[-1] > 0 else 1.0
        self.src_lex, self.tgt_lex = _cumulative(src.lex_count), _cumulative(tgt.lex_count)
        self.src_anc, self.tgt_anc = _cumulative(src.anchor_count), _cumulative(tgt.anchor_count)

    def skip_target(self) -> np.ndarray:
        """Return the score of each target unit's 0-1 bead."""
        return np.full(len(self.tgt), self.w.prior * self.priors.get((0, 1), -10.0) + self.w.skip)

    def evidence(self, i: int, a: int, b: int, cols: np.ndarray) -> dict[str, np.ndarray]:
        """Return each scorer's raw value for the beads src i-a..i-1 × tgt J-b..J-1 (J in
        `cols`)."""
        grid = self.grid_evidence(np.array([i]), a, b, np.asarray(cols)[None, :])
        return {name: values[0] for name, values in grid.items()}

    def grid_evidence(
        self, rows: np.ndarray, a: int, b: int, cols: np.ndarray
    ) -> dict[str, np.ndarray]:
        """Return `evidence` for every end node (rows[r], cols[r, k]) at once (arrays R × K)."""
        out: dict[str, np.ndarray] = {}
        sums = dict(
            zip(self.kinds, self.pairs.block_sums(self.prefix, rows, a, b, cols), strict=True)
        )
        i = rows[:, None]
        if self.use_embedding:
            dots = sums["embedding"]
            norms = self.src_norms[a, i] * self.tgt_norms[b, cols]
            out["embedding"] = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
        if self.use_lexicon:
            src_words = np.broadcast_to(self.src_lex[i] - self.src_lex[i - a], cols.shape)
            tgt_words = self.tgt_lex[cols] - self.tgt_lex[cols - b]
            zh_words, en_words = (
                (src_words, tgt_words) if self.src.lang == "zh" else (tgt_words, src_words)
            )
            out["lexicon"] = (
                _share(sums["lexicon"], en_words) + _share(sums["lexicon_zh"], zh_words)
            ) / 2
        hits = sums["anchor"]
        total = (self.tgt_anc[cols] - self.tgt_anc[cols - b]) + (
            self.src_anc[i] - self.src_anc[i - a]
        )
        dice = np.minimum(np.divide(2 * hits, total, out=np.zeros_like(hits), where=total > 0), 1.0)
        out["anchor"] = np.where(total > 0, dice - 0.5, 0.0)
        ls = self.src_len[i] - self.src_len[i - a]
        lt = self.tgt_len[cols] - self.tgt_len[cols - b]
        mean = np.maximum((ls + lt / self.ratio) / 2, 1.0)
        delta = (lt - ls * self.ratio) / np.sqrt(self.w.length_variance * mean * self.ratio)
        out["length"] = -0.5 * delta**2
        out["quote"] = self._quote_agreement(i, cols)
        return out

    def _quote_agreement(self, i: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Return +1 where the bead's last source and target units both or neither close a
        quotation, −1 where only one does (0 without the feature, and for a quote-free pair)."""
        src, tgt = self.src.closes_quote, self.tgt.closes_quote
        if src is None or tgt is None or not len(src) or not len(tgt):
            return np.zeros(cols.shape)
        last_src = np.broadcast_to(src[np.maximum(i - 1, 0)], cols.shape)
        last_tgt = tgt[np.maximum(cols - 1, 0)]
        either = np.maximum(last_src, last_tgt)
        return np.where(last_src == last_tgt, either, -1.0)

    def content(self, evidence: dict[str, np.ndarray]) -> np.ndarray:
        """Return the size-free content score of beads from their `evidence`."""
        w = self.w
        total = w.anchor * evidence["anchor"]
        if "embedding" in evidence:
            total = total + w.embedding * (evidence["embedding"] - self.base)
        if "lexicon" in evidence:
            total = total + w.lexicon * (evidence["lexicon"] - self.lex_base)
        return total

    def _score(self, a: int, b: int, evidence: dict[str, np.ndarray]) -> np.ndarray:
        prior = self.w.prior * self.priors.get((a, b), -10.0)
        boundary = self.w.quote * evidence["quote"] if "quote" in evidence else 0.0
        return (
            prior
            + (a + b) / 2 * self.content(evidence)
            + self.w.length * evidence["length"]
            + boundary
        )

    def __call__(self, i: int, a: int, b: int, cols: np.ndarray) -> np.ndarray:
        if b == 0:
            return np.full(len(cols), self.w.prior * self.priors.get((a, b), -10.0) + self.w.skip)
        return self._score(a, b, self.evidence(i, a, b, cols))

    def table(self, a: int, b: int, start: int, stop: int, band: Band) -> np.ndarray:
        """Return the scores of (a, b) beads ending at rows start..stop-1 of `band` (a `TableFn`).

        Shape (stop - start, band.width); -inf where the bead would leave the grid.
        """
        m = len(self.tgt)
        out = np.full((stop - start, band.width), NEG)
        first = max(start, a)
        if first >= stop:
            return out
        rows = np.arange(first, stop)
        cols = band.lo[rows, None] + np.arange(band.width)
        ok = (cols >= b) & (cols <= m)
        if b == 0:
            values = np.full(
                cols.shape, self.w.prior * self.priors.get((a, b), -10.0) + self.w.skip
            )
        else:
            values = self._score(a, b, self.grid_evidence(rows, a, b, np.clip(cols, b, m)))
        out[first - start :] = np.where(ok, values, NEG)
        return out


__all__ = [
    "NO_EMBEDDING_WEIGHTS",
    "BeadScorer",
    "PairBand",
    "Side",
    "Weights",
    "blocks",
    "side_features",
    "text_length",
    "unrelated_coverage",
]
