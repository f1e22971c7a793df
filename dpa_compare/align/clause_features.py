"""What the clause aligner knows about one document pair: texts, vectors, lexicon, ratios, term pairs.

Computed once per pair and shared by every block the aligner searches:
each clause's own text (heading and body; the printed label for a clause
that has neither, so `Article 7` still meets `第 7 條`), one embedding per
clause (a block's vector is the sum of its clauses'), the CC-CEDICT +
glossary lexicon, and document-level baselines — the Chinese/English length
ratio estimated on the structural matches, the cosine and dictionary
coverage of unrelated clauses — so that a block of three items is judged
against the whole document, not against itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from dpa_compare.align import embeddings as emb
from dpa_compare.align.anchors import countable
from dpa_compare.align.dp import Band
from dpa_compare.align.lexicon import Lexicon, load_cedict
from dpa_compare.align.scorers import BeadScorer, Side, Weights, side_features, text_length
from dpa_compare.align.structure import path_value
from dpa_compare.errors import UsageError
from dpa_compare.model import Clause, Document

GlossaryLike = Iterable[tuple[str, str]] | Iterable[object] | None
"""(english, chinese) pairs, or entries with `.en` and `.zh` (a QA `Glossary`)."""


def glossary_pairs(glossary: GlossaryLike) -> tuple[tuple[str, str], ...]:
    """Return (english, chinese) term pairs from pairs or from glossary entries (`.en`, `.zh`, `.en_variants`)."""
    if glossary is None:
        return ()
    pairs: list[tuple[str, str]] = []
    for item in glossary:
        if isinstance(item, tuple) and len(item) == 2:
            pairs.append((str(item[0]), str(item[1])))
            continue
        english = getattr(item, "en", None)
        renderings = getattr(item, "zh", ())
        if not english:
            raise UsageError(f"glossary item {item!r} is neither an (english, chinese) pair nor an entry with .en/.zh")
        names = (english, *getattr(item, "en_variants", ()))
        renderings = (renderings,) if isinstance(renderings, str) else renderings
        pairs.extend((name, zh) for name in names for zh in renderings if zh)
    return tuple(pairs)


def own_text(clause: Clause) -> str:
    """Return the text a clause is compared by: heading and body, else its printed label."""
    return clause.full_text.strip() or clause.label.strip() or clause.ref


@dataclass
class PairFeatures:
    """Everything block scoring needs about one English/Chinese document pair."""

    en: Document
    zh: Document
    lexicon: Lexicon | None
    glossary: tuple[tuple[str, str], ...]
    vectors: dict[str, np.ndarray] | None
    embedding_name: str | None
    ratio: float
    cosine_base: float
    lexicon_base: float

    def side(self, units: Sequence[Sequence[Clause]], lang: str) -> Side:
        """Return the scorer features of `units`, each a run of clauses read as one text."""
        texts = [" ".join(own_text(c) for c in unit) for unit in units]
        vectors = None
        if self.vectors is not None:
            vectors = np.zeros((len(units), 512), dtype=np.float32)
            for k, unit in enumerate(units):
                for clause in unit:
                    vectors[k] += self.vectors[vector_key(lang, clause)]
        return side_features(texts, lang, self.lexicon, vectors)

    def scorer(self, en_side: Side, zh_side: Side, weights: Weights,
               priors: dict[tuple[int, int], float]) -> BeadScorer:
        """Return a bead scorer for one block, its baselines set to the document pair's."""
        n, m = len(en_side), len(zh_side)
        scorer = BeadScorer(en_side, zh_side, Band.full(n, m), priors, weights)
        # -- the block's own averages would make a three-item list its own chance level --
        scorer.ratio = self.ratio
        scorer.base = self.cosine_base
        scorer.lex_base = self.lexicon_base
        return scorer

    def translations(self, text: str) -> set[str]:
        """Return the English stems the lexicon finds in Chinese `text` (empty without a lexicon)."""
        return self.lexicon.translations(text) if self.lexicon is not None else set()


def use_embeddings(mode: str) -> bool:
    """Return whether to use embeddings under `mode` (auto / on / off); UsageError when impossible."""
    if mode not in ("auto", "on", "off"):
        raise UsageError(f"embeddings must be auto, on or off, got {mode!r}")
    if mode == "on" and not emb.available():
        raise UsageError(f"embeddings=on but the package {emb.PACKAGE!r} is not installed "
                         f"(pip install {emb.PACKAGE}, or use embeddings=auto)")
    return mode != "off" and emb.available()


def pair_features(en: Document, zh: Document, glossary: tuple[tuple[str, str], ...], lexicon: bool,
                  embeddings: bool, threads: int = 1) -> PairFeatures:
    """Return the features of the document pair `en`, `zh`."""
    lex = load_cedict() if lexicon else Lexicon({}, ())
    if glossary:
        lex = lex.with_glossary(glossary)
    vectors = name = None
    if embeddings and en.clauses and zh.clauses:
        vectors = {}
        for lang, document in (("en", en), ("zh", zh)):
            found = emb.embed([own_text(c) for c in document.clauses], threads)
            # -- English and Chinese ids often coincide (`7.2`): keys carry the language --
            vectors.update({vector_key(lang, c): v for c, v in zip(document.clauses, found)})
        name = f"embeddings:{emb.PACKAGE}-{emb.version()}"
    features = PairFeatures(en, zh, lex if lex.entries else None, glossary, vectors, name, 1.0, 0.0, 0.0)
    features.ratio = _length_ratio(en, zh)
    en_side = features.side([[c] for c in en.clauses], "en")
    zh_side = features.side([[c] for c in zh.clauses], "zh")
    if len(en_side) and len(zh_side):
        thin = Band.around([(0, 0), (len(en_side), len(zh_side))], len(en_side), len(zh_side), 1)
        whole = BeadScorer(en_side, zh_side, thin, {}, Weights())
        features.cosine_base = getattr(whole, "base", 0.0)
        features.lexicon_base = getattr(whole, "lex_base", 0.0)
    return features


def vector_key(lang: str, clause: Clause) -> str:
    """Return the key of `clause`'s vector in `PairFeatures.vectors`."""
    return f"{lang}:{clause.id}"


def _length_ratio(en: Document, zh: Document) -> float:
    """Return Chinese characters per English character, over the clauses whose paths agree.

    These structural matches are pass-1 evidence; with fewer than three of
    them the whole documents' ratio is used.
    """
    zh_by_path = {c.path: c for c in zh.clauses}
    pairs = [(c, zh_by_path[c.path]) for c in en.clauses
             if c.path in zh_by_path and path_value(c).role != "other" and c.text and zh_by_path[c.path].text]
    if len(pairs) >= 3:
        en_total = sum(text_length(a.text, "en") for a, _ in pairs)
        zh_total = sum(text_length(b.text, "zh") for _, b in pairs)
    else:
        en_total = sum(text_length(own_text(c), "en") for c in en.clauses)
        zh_total = sum(text_length(own_text(c), "zh") for c in zh.clauses)
    return zh_total / en_total if en_total and zh_total else 1.0


class GroupEvidence:
    """Lexical, anchor and embedding evidence of beads over runs of units, judged member by member.

    The engine's scorer sums pairwise overlaps and averages vectors, which
    suits sentences; but then a clause that a merge absorbs without sharing
    anything with the other side still scores the group's average. Here each
    member of a bead is judged against the whole other side (the share of
    its words the other side translates, the cosine of its vector with the
    other side's sum) and the bead gets the mean over its members, moved
    towards the worst member by `worst`: a merge must explain every clause
    it takes in. For a 1-1 bead this equals the engine's value.
    """

    def __init__(self, en: Side, zh: Side, worst: float = 0.5) -> None:
        self.en, self.zh, self.worst = en, zh, worst
        self._runs: dict[tuple[str, int, int], tuple[frozenset[str], frozenset[str], np.ndarray | None]] = {}

    def _run(self, side: str, start: int, size: int) -> tuple[frozenset[str], frozenset[str], np.ndarray | None]:
        """Return (lexicon stems, anchors, summed vector) of `size` units from `start` on `side`."""
        key = (side, start, size)
        if key not in self._runs:
            units = self.en if side == "en" else self.zh
            lex = frozenset().union(*units.lex[start:start + size]) if units.lex is not None else frozenset()
            vector = units.vectors[start:start + size].sum(axis=0) if units.vectors is not None else None
            self._runs[key] = (lex, frozenset().union(*units.anchors[start:start + size]), vector)
        return self._runs[key]

    def values(self, i: int, a: int, b: int, cols: np.ndarray) -> dict[str, np.ndarray]:
        """Return lexicon, anchor (Dice − 0.5) and embedding evidence of English i-a..i-1 × Chinese J-b..J-1."""
        out = {"lexicon": np.zeros(len(cols)), "anchor": np.zeros(len(cols))}
        if self.en.vectors is not None:
            out["embedding"] = np.zeros(len(cols))
        en_lex, en_anchors, en_vector = self._run("en", i - a, a)
        en_count = countable(en_anchors, "en")
        for k, end in enumerate(cols):
            start = int(end) - b
            zh_lex, zh_anchors, zh_vector = self._run("zh", start, b)
            out["lexicon"][k] = self._lexicon(i - a, a, start, b, en_lex, zh_lex)
            total = en_count + countable(zh_anchors, "zh")
            if total:
                out["anchor"][k] = min(2 * len(en_anchors & zh_anchors) / total, 1.0) - 0.5
            if en_vector is not None and zh_vector is not None:
                out["embedding"][k] = self._cosines(i - a, a, start, b, en_vector, zh_vector)
        return out

    def _lexicon(self, en_start: int, a: int, zh_start: int, b: int, en_lex: frozenset[str],
                 zh_lex: frozenset[str]) -> float:
        if self.en.lex is None or self.zh.lex_words is None:
            return 0.0
        shares = []
        for unit in self.en.lex[en_start:en_start + a]:
            shares.append(len(unit & zh_lex) / len(unit) if unit else 0.0)
        for words in self.zh.lex_words[zh_start:zh_start + b]:
            shares.append(sum(1 for w in words if not w.isdisjoint(en_lex)) / len(words) if words else 0.0)
        return self._pool(shares)

    def _pool(self, values: list[float]) -> float:
        """Return the members' mean moved towards their minimum by `worst` (0: mean, 1: minimum)."""
        mean = sum(values) / len(values)
        return mean - self.worst * (mean - min(values))

    def _cosines(self, en_start: int, a: int, zh_start: int, b: int, en_vector: np.ndarray,
                 zh_vector: np.ndarray) -> float:
        assert self.en.vectors is not None and self.zh.vectors is not None
        values = []
        for own, other in ((self.en.vectors[en_start:en_start + a], zh_vector),
                           (self.zh.vectors[zh_start:zh_start + b], en_vector)):
            norms = np.linalg.norm(own, axis=1) * float(np.linalg.norm(other))
            dots = own @ other
            values.extend(np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0).tolist())
        return self._pool(values)


__all__ = ["GlossaryLike", "GroupEvidence", "PairFeatures", "glossary_pairs", "own_text", "pair_features", "use_embeddings",
           "vector_key"]
