"""Clause link confidence from content evidence: the link's own, its block's, and how contested it
was.

The structure (numbers, rows, the own texts of linked parents) decides which
clauses pair up, but it is no evidence that a pair says the same thing: two
unrelated documents numbered 1./1.1/(a) line up label for label. A link's
confidence therefore rests on content alone:

- its own content score (lexicon, anchors, embeddings against the document
  pair's chance level), in proportion to how much text there is to judge
  (`reliability`: a heading or a bare label says little);
- the content of its block: the other links under the same pair of parents
  (and their descendants), shrunk towards the enclosing block's, and at the
  top towards chance. This stands in for the text a short clause lacks
  (a heading is as trustworthy as the section it heads), and pulls every link
  of a block up where the block reads as a translation and down where it
  reads at chance, so that one lucky pair among unrelated clauses is flagged
  too;
- the DP margin: how clearly the pair beat its rivals.

A block's content is known only once all of its links are made, so links
are collected as drafts (`Ledger`) and get their confidence at the end.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from dpa_compare.model import Link

MARGIN_SCALE = 2.0
"""Score units of DP margin that make a link about 63% as safe as an uncontested one."""
CONTENT_CHANCE = 1.5
"""Content score (about 0 for unrelated clauses, several units for a translation) that reads as a
coin toss."""
CONTENT_SCALE = 1.5
"""Log-odds of agreement per unit of content score above `CONTENT_CHANCE`."""
BLOCK_CHANCE = 0.5
"""Mean content score of a block that reads as neither translation nor chance (0 log-odds)."""
BLOCK_SCALE = 2.0
"""Log-odds that a block is a translation per unit of its mean content score above
`BLOCK_CHANCE`."""
BLOCK_CLIP = 3.0
"""Largest content score, either way, that one link lends its block (one odd pair must not decide
it)."""
BLOCK_PRIOR = 1.0
"""Weight, in fully reliable links, of the enclosing block's mean in a block's own (chance, 0, at
the top)."""
BLOCK_PULL = 1.0
"""Largest log-odds by which a block's verdict moves every link in it, up or down."""


@dataclass(frozen=True)
class Draft:
    """A link whose confidence waits for its blocks' evidence."""

    en_ids: tuple[str, ...]
    zh_ids: tuple[str, ...]
    evidence: tuple[str, ...]
    margin: float
    content: float
    """Size-free content score of the bead (`BeadEvidence.content`)."""
    reliability: float
    """How much the content can say: 0 for a bare label, 1 for a sentence on each side."""
    blocks: tuple[int, ...]
    """The blocks the link was made in, outermost first."""


def link_confidence(margin: float, content: float, reliability: float, block: float) -> float:
    """Return a link's confidence: how contested it was (DP margin) × how well its content agrees.

    `block` is the log-odds that the link's block is a translation (0:
    undecided). Own content counts in proportion to `reliability`; the
    block's verdict fills in for the rest and moves the link by at most
    `BLOCK_PULL`. A sentence pair whose content reads at chance thus stays
    below one half however well its block reads, and a bare label is as
    confident as its block.
    """
    contest = 1.0 - math.exp(-margin / MARGIN_SCALE)
    own = CONTENT_SCALE * (content - CONTENT_CHANCE)
    told = (
        reliability * own + (1.0 - reliability) * block + max(-BLOCK_PULL, min(block, BLOCK_PULL))
    )
    return math.sqrt(contest * _sigmoid(told))


def skip_confidence(margin: float) -> float:
    """Return the confidence that a clause has no counterpart, from the DP margin alone."""
    return 1.0 - math.exp(-margin / MARGIN_SCALE)


class Ledger:
    """The links of one alignment in document order; drafts get their confidence in `links`."""

    def __init__(self, flag_below: float) -> None:
        self.flag_below = flag_below
        self._entries: list[Link | Draft] = []
        self._open: list[int] = []
        self._count = 0

    @contextmanager
    def block(self) -> Iterator[None]:
        """Open a block (a sibling list under linked parents) for the links made inside it."""
        self._open.append(self._count)
        self._count += 1
        try:
            yield
        finally:
            self._open.pop()

    def skip(self, en_ids: Sequence[str], zh_ids: Sequence[str], confidence: float) -> None:
        """Add a 1-0 link per English id and a 0-1 link per Chinese id, all of `confidence`."""
        flagged = confidence < self.flag_below
        for cid in en_ids:
            self._entries.append(
                Link((cid,), (), round(confidence, 3), ("no Chinese counterpart",), flagged)
            )
        for cid in zh_ids:
            self._entries.append(
                Link((), (cid,), round(confidence, 3), ("no English counterpart",), flagged)
            )

    def draft(
        self,
        en_ids: Sequence[str],
        zh_ids: Sequence[str],
        evidence: Sequence[str],
        margin: float,
        content: float,
        reliability: float,
    ) -> None:
        """Add a link whose confidence is set once its blocks are complete."""
        self._entries.append(
            Draft(
                tuple(en_ids),
                tuple(zh_ids),
                tuple(evidence),
                margin,
                content,
                reliability,
                tuple(self._open),
            )
        )

    def links(self) -> list[Link]:
        """Return every link, the drafts given their confidence from their own and their blocks'
        content."""
        drafts = [e for e in self._entries if isinstance(e, Draft)]
        totals: dict[int, list[float]] = {}
        for d in drafts:
            for b in d.blocks:
                total = totals.setdefault(b, [0.0, 0.0])
                total[0] += d.reliability * _clip(d.content)
                total[1] += d.reliability
        return [e if isinstance(e, Link) else self._finish(e, totals) for e in self._entries]

    def _finish(self, draft: Draft, totals: dict[int, list[float]]) -> Link:
        block = _block_verdict(draft, totals)
        confidence = link_confidence(draft.margin, draft.content, draft.reliability, block)
        # -- the margin stays the last word of the evidence, as for links made without drafts --
        evidence = (
            (*draft.evidence[:-1], f"block {block:+.1f}", *draft.evidence[-1:])
            if draft.evidence
            else (f"block {block:+.1f}",)
        )
        return Link(
            draft.en_ids, draft.zh_ids, round(confidence, 3), evidence, confidence < self.flag_below
        )


def _block_verdict(draft: Draft, totals: dict[int, list[float]]) -> float:
    """Return the log-odds that `draft`'s innermost block is a translation, leaving the draft itself
    out.

    A block's mean content score (weighted by reliability) is shrunk towards
    its enclosing block's by `BLOCK_PRIOR`, the outermost towards chance (0):
    until the content says otherwise, nothing agrees.
    """
    mean = 0.0
    own, weight = draft.reliability * _clip(draft.content), draft.reliability
    for b in draft.blocks:
        total, count = totals[b]
        mean = (total - own + BLOCK_PRIOR * mean) / (count - weight + BLOCK_PRIOR)
    return BLOCK_SCALE * (mean - BLOCK_CHANCE)


def _clip(value: float) -> float:
    return max(-BLOCK_CLIP, min(value, BLOCK_CLIP))


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(value, 50.0), -50.0)))


__all__ = [
    "BLOCK_CHANCE",
    "BLOCK_CLIP",
    "BLOCK_PRIOR",
    "BLOCK_PULL",
    "BLOCK_SCALE",
    "CONTENT_CHANCE",
    "CONTENT_SCALE",
    "Draft",
    "Ledger",
    "MARGIN_SCALE",
    "link_confidence",
    "skip_confidence",
]
