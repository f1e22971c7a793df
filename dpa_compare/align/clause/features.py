"""What the clause aligner knows about one document pair: texts, vectors, lexicon, ratios, term
pairs.

Computed once per pair and shared by every block the aligner searches:
each clause's own text (heading and body; the printed label for a clause
that has neither, so `Article 7` still meets `第 7 條`) and its features
(length, dictionary stems, anchors), the CC-CEDICT + glossary lexicon, and
document-level baselines — the Chinese/English length ratio estimated on the
structural matches, the dictionary coverage of unrelated clauses — so that a
block of three items is judged against the whole document, not against
itself. A unit (a clause with its subtree, or a run of clauses) gets its
features by summing and uniting its clauses' — nothing is computed twice.

Embeddings are lazy: a clause is encoded only when a block that holds it
needs the exact search (`vectors`), together with a small spread sample of
each document that sets the cosine of unrelated clauses. Encoding is most of
the cost of embeddings, and a faithful numbered translation needs few.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from dpa_compare.align.clause.structure import path_value
from dpa_compare.align.evidence import embeddings as emb
from dpa_compare.align.evidence.anchors import countable
from dpa_compare.align.evidence.embeddings import use_embeddings
from dpa_compare.align.evidence.lexicon import Lexicon, load_cedict
from dpa_compare.align.evidence.scorers import Side, side_features, text_length, unrelated_coverage
from dpa_compare.errors import UsageError
from dpa_compare.model import Clause, Document

GlossaryLike = Iterable[tuple[str, str]] | Iterable[object] | None
"""(english, chinese) pairs, or entries with `.en` and `.zh` (a QA `Glossary`)."""

BASE_SAMPLE = 24
"""Clauses per document encoded (spread evenly) to estimate the cosine of unrelated clauses."""


def glossary_pairs(glossary: GlossaryLike) -> tuple[tuple[str, str], ...]:
    """Return (english, chinese) term pairs from pairs or from glossary entries (`.en`, `.zh`,
    `.en_variants`)."""
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
            raise UsageError(
                f"glossary item {item!r} is neither an (english, chinese) pair nor an entry with "
                ".en/.zh"
            )
        names = (english, *getattr(item, "en_variants", ()))
        renderings = (renderings,) if isinstance(renderings, str) else renderings
        pairs.extend((name, zh) for name in names for zh in renderings if zh)
    return tuple(pairs)


def own_text(clause: Clause) -> str:
    """Return the text a clause is compared by: heading and body, else its printed label."""
    return clause.full_text.strip() or clause.label.strip() or clause.ref


@dataclass(frozen=True)
class Units:
    """Features of one side's units, each a run of clauses read as one text (sums and unions)."""

    lang: str
    lengths: np.ndarray
    lex: list[frozenset[str]] | None
    lex_words: list[tuple[frozenset[str], ...]] | None
    anchors: list[frozenset[str]]
    anchor_count: np.ndarray
    vectors: np.ndarray | None

    def __len__(self) -> int:
        return len(self.lengths)


@dataclass
class _Encoded:
    """Vectors of one document's clauses, filled in as blocks ask for them."""

    vectors: np.ndarray
    done: np.ndarray


@dataclass
class PairFeatures:
    """Everything block scoring needs about one English/Chinese document pair."""

    en: Document
    zh: Document
    lexicon: Lexicon | None
    glossary: tuple[tuple[str, str], ...]
    clauses: dict[str, Side]
    """Per language, the features of every clause of the document, in document order."""
    ratio: float = 1.0
    lexicon_base: float = 0.0
    embeddings: bool = False
    """Whether blocks searched exactly may use embeddings (the package is there and wanted)."""
    threads: int = 1
    cosine_base: float = 0.0
    embedding_name: str | None = None
    """Set once a clause was encoded: the `scorers` entry of the embeddings."""
    _rows: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    _encoded: dict[str, _Encoded] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._rows = {
            lang: {c.id: k for k, c in enumerate(doc.clauses)}
            for lang, doc in (("en", self.en), ("zh", self.zh))
        }

    def document(self, lang: str) -> Document:
        """Return the document written in `lang`."""
        return self.en if lang == "en" else self.zh

    def units(self, units: Sequence[Sequence[Clause]], lang: str, vectors: bool = False) -> Units:
        """Return the features of `units` on side `lang`; with `vectors`, their summed embeddings
        too."""
        side, rows = self.clauses[lang], self._rows[lang]
        index = [[rows[c.id] for c in unit] for unit in units]
        lengths = np.array([sum(side.lengths[k] for k in unit) for unit in index], dtype=np.float64)
        lex = words = None
        if side.lex is not None:
            lex = [_union(side.lex, unit) for unit in index]
        if side.lex_words is not None:
            words = [tuple(w for k in unit for w in side.lex_words[k]) for unit in index]
        anchors = [_union(side.anchors, unit) for unit in index]
        counts = np.array([countable(a, lang) for a in anchors], dtype=np.float64)
        found = None
        if vectors and self.embeddings:
            encoded = self._vectors(lang, [k for unit in index for k in unit])
            found = (
                np.stack([encoded[unit].sum(axis=0) for unit in index])
                if index
                else np.zeros((0, emb.DIM))
            )
        return Units(lang, lengths, lex, words, anchors, counts, found)

    def _vectors(self, lang: str, rows: list[int]) -> np.ndarray:
        """Return the vector table of `lang`, its `rows` encoded (and the baseline sample, the first
        time)."""
        if not self._encoded:
            self._start_encoding()
        wanted = {lang: [k for k in dict.fromkeys(rows) if not self._encoded[lang].done[k]]}
        self._encode(wanted)
        return self._encoded[lang].vectors

    def _start_encoding(self) -> None:
        """Encode an even spread of each document and set the cosine of unrelated clauses from
        it."""
        sample: dict[str, list[int]] = {}
        for lang, document in (("en", self.en), ("zh", self.zh)):
            count = len(document.clauses)
            self._encoded[lang] = _Encoded(
                np.zeros((count, emb.DIM), dtype=np.float32), np.zeros(count, dtype=bool)
            )
            sample[lang] = sorted(
                set(np.linspace(0, count - 1, min(BASE_SAMPLE, count)).astype(int).tolist())
            )
        self._encode(sample)
        en_mean = self._encoded["en"].vectors[sample["en"]].mean(axis=0)
        zh_mean = self._encoded["zh"].vectors[sample["zh"]].mean(axis=0)
        # -- the mean vectors' dot product is the mean cosine over all sampled pairs, nearly all
        #    unrelated --
        self.cosine_base = float(en_mean @ zh_mean)
        self.embedding_name = f"embeddings:{emb.PACKAGE}-{emb.version()}"

    def _encode(self, wanted: dict[str, list[int]]) -> None:
        """Encode the clauses `wanted` (per language, row numbers) in one call of the encoder."""
        texts = [
            own_text(self.document(lang).clauses[k]) for lang, rows in wanted.items() for k in rows
        ]
        if not texts:
            return
        found = emb.embed(texts, self.threads)
        start = 0
        for lang, rows in wanted.items():
            table = self._encoded[lang]
            table.vectors[rows] = found[start : start + len(rows)]
            table.done[rows] = True
            start += len(rows)

    def translations(self, text: str) -> set[str]:
        """Return the English stems the lexicon finds in Chinese `text` (empty without a
        lexicon)."""
        return self.lexicon.translations(text) if self.lexicon is not None else set()


def _union(sets: Sequence[frozenset[str]], rows: list[int]) -> frozenset[str]:
    return sets[rows[0]] if len(rows) == 1 else frozenset().union(*(sets[k] for k in rows))


def pair_features(
    en: Document,
    zh: Document,
    glossary: tuple[tuple[str, str], ...],
    lexicon: bool,
    embeddings: bool,
    threads: int = 1,
) -> PairFeatures:
    """Return the features of the document pair `en`, `zh` (no clause is encoded yet)."""
    lex = load_cedict() if lexicon else Lexicon({}, ())
    if glossary:
        lex = lex.with_glossary(glossary)
    used = lex if lex.entries else None
    sides = {
        lang: side_features([own_text(c) for c in document.clauses], lang, used, None)
        for lang, document in (("en", en), ("zh", zh))
    }
    features = PairFeatures(
        en,
        zh,
        used,
        glossary,
        sides,
        embeddings=embeddings and bool(en.clauses and zh.clauses),
        threads=threads,
    )
    features.ratio = _length_ratio(en, zh)
    if used is not None:
        features.lexicon_base = unrelated_coverage(sides["en"], sides["zh"])
    return features


def _length_ratio(en: Document, zh: Document) -> float:
    """Return Chinese characters per English character, over the clauses whose paths agree.

    These structural matches are pass-1 evidence. Numbered ones count first,
    each outermost one with all it holds (`Article 4` with `第 4 條`, items
    and all, `7.` with `7.`): inside them one language may caption, split or
    nest its paragraphs otherwise, and `¶1` of one side may then be a title
    where the other's is a sentence, which counted alone would set the ratio
    two or three times off and every pair's length against its translation.
    With fewer than three of them the paths of single clauses are read, then
    the whole documents.
    """
    outer = _outer_numbered(en, zh)
    if len(outer) >= 3:
        en_sizes, zh_sizes = _subtree_lengths(en, "en"), _subtree_lengths(zh, "zh")
        en_total = sum(en_sizes[a.id] for a, _ in outer)
        zh_total = sum(zh_sizes[b.id] for _, b in outer)
        if en_total and zh_total:
            return zh_total / en_total
    zh_by_path = {c.path: c for c in zh.clauses}
    pairs = [
        (c, zh_by_path[c.path])
        for c in en.clauses
        if c.path in zh_by_path
        and path_value(c).role != "other"
        and c.text
        and zh_by_path[c.path].text
    ]
    if len(pairs) >= 3:
        en_total = sum(text_length(a.text, "en") for a, _ in pairs)
        zh_total = sum(text_length(b.text, "zh") for _, b in pairs)
    else:
        en_total = sum(text_length(own_text(c), "en") for c in en.clauses)
        zh_total = sum(text_length(own_text(c), "zh") for c in zh.clauses)
    return zh_total / en_total if en_total and zh_total else 1.0


def _outer_numbered(en: Document, zh: Document) -> list[tuple[Clause, Clause]]:
    """Return the numbered clause pairs with the same path that no other such pair holds."""
    zh_by_path = {c.path: c for c in zh.clauses}
    pairs = [
        (c, zh_by_path[c.path])
        for c in en.clauses
        if c.path in zh_by_path and path_value(c).role == "number"
    ]
    paths = {a.path for a, _ in pairs}
    return [(a, b) for a, b in pairs if not any(a.path[:k] in paths for k in range(1, len(a.path)))]


def _subtree_lengths(document: Document, lang: str) -> dict[str, float]:
    """Return each clause id's text length with that of every clause under it."""
    sizes: dict[str, float] = {}
    for clause in reversed(document.clauses):
        # -- children follow their parent in document order: they are summed before it --
        sizes[clause.id] = sizes.get(clause.id, 0.0) + text_length(own_text(clause), lang)
        if clause.parent is not None:
            sizes[clause.parent] = sizes.get(clause.parent, 0.0) + sizes[clause.id]
    return sizes


__all__ = [
    "BASE_SAMPLE",
    "GlossaryLike",
    "PairFeatures",
    "Units",
    "glossary_pairs",
    "own_text",
    "pair_features",
    "use_embeddings",
]
