"""Token-based similarity between clause texts, for matching two versions.

Each clause's word tokens (`dpa_compare.tokenize.word_tokens`: no white
space, English lower-cased, jieba words for Chinese) are coded one character
per distinct token, the same trick the redline uses, so that rapidfuzz's
Indel similarity (`fuzz.ratio`) measures shared *words* in order rather than
shared letters. Scores are 0..1: 1 for identical token sequences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dpa_compare.diff.redline import code_point
from dpa_compare.tokenize import word_tokens

__all__ = ["TokenCoder"]


class TokenCoder:
    """Code texts as strings of one character per word token, sharing one vocabulary.

    `lang` and `glossary_terms` choose the tokenizer. Codes are cached per
    text, so scoring the same clause against many others tokenises it once.
    """

    def __init__(self, lang: str, glossary_terms: Iterable[str] = ()) -> None:
        self.lang = lang
        self.glossary_terms = tuple(glossary_terms)
        self._vocabulary: dict[str, str] = {}
        self._cache: dict[str, str] = {}

    def code(self, text: str) -> str:
        """Return `text` coded one character per word token."""
        coded = self._cache.get(text)
        if coded is None:
            out = []
            for token in word_tokens(text, self.lang, self.glossary_terms):
                char = self._vocabulary.get(token)
                if char is None:
                    char = code_point(len(self._vocabulary))
                    self._vocabulary[token] = char
                out.append(char)
            coded = "".join(out)
            self._cache[text] = coded
        return coded

    def length(self, text: str) -> int:
        """Return the number of word tokens in `text`."""
        return len(self.code(text))

    def similarity(self, a: str, b: str) -> float:
        """Return the token similarity of texts `a` and `b`, 0..1."""
        from rapidfuzz import fuzz

        coded_a, coded_b = self.code(a), self.code(b)
        if not coded_a and not coded_b:
            return 1.0 if a.strip() == b.strip() else 0.0
        return fuzz.ratio(coded_a, coded_b) / 100.0

    def scores(
        self, rows: Sequence[str], columns: Sequence[str], cutoff: float = 0.0
    ) -> list[dict[int, float]]:
        """Return, for each text in `rows`, {column index: similarity} for `columns` scoring ≥
        `cutoff`.

        Sparse on purpose: most pairs of clauses have little in common, and
        only candidates above a cut-off matter to matching.
        """
        from rapidfuzz import fuzz, process

        coded_columns = [self.code(t) for t in columns]
        result = []
        for text in rows:
            found = process.extract(
                self.code(text),
                coded_columns,
                scorer=fuzz.ratio,
                limit=None,
                score_cutoff=cutoff * 100,
            )
            result.append({index: score / 100.0 for _, score, index in found})
        return result
