"""Split clause text into word tokens for redlines and similarity.

English text becomes words, numbers, single punctuation marks and runs of
white space, each its own token; a number keeps its inner separators
(`1,000,000`, `2016/679`, `7.2`). Chinese text is cut into words by jieba
(a private `jieba.Tokenizer`, HMM off so the cut never depends on a
statistical guess), while Latin runs inside Chinese text are cut as English.
Glossary terms are added to jieba as user words so that a defined term such
as `个人数据` or `分处理者` stays one token.

Tokens always concatenate back to the input exactly: nothing is dropped or
normalised here.

    >>> tokenize("Article 28(3) of Regulation 2016/679", "en")[:5]
    ['Article', ' ', '28', '(', '3']
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable
from typing import Any

from dpa_compare.lang.script import HAN

__all__ = ["HMM", "is_word", "signature", "tokenize", "word_tokens"]

HMM = False
"""Whether jieba may guess unknown words with its HMM; off for deterministic cuts."""

_GLOSSARY_CACHE_SIZE = 8
"""How many glossary-specific jieba tokenizers are kept per process."""

# -- order matters: numbers with separators before plain words, so "7.2" and
#    "1,000,000" stay whole; a word may hold digits ("ISO27001") and inner
#    apostrophes ("Processor's"), but a hyphen splits ("sub-processor") --
_LATIN_TOKEN = re.compile(
    r"""
      \d+(?:[.,/:]\d+)+          # 7.2  1,000,000  2016/679  10:30
    | [^\W_]+(?:['’][^\W_]+)*    # words and plain numbers, Processor's
    | \s+                        # a run of white space
    | .                          # any other single character (punctuation)
    """,
    re.VERBOSE | re.DOTALL,
)

# -- Han ideographs (basic, extension A, compatibility) and the supplementary
#    planes' ideographs; everything else, full-width punctuation included,
#    goes through the Latin rules and becomes single-character tokens --
_HAN_RUN = re.compile(f"[{HAN}]+")

_lock = threading.Lock()
_base_tokenizer: Any = None
_glossary_tokenizers: dict[frozenset[str], Any] = {}


def tokenize(text: str, lang: str = "en", glossary_terms: Iterable[str] = ()) -> list[str]:
    """Return the tokens of `text`; `"".join(result) == text` always holds.

    `lang` is `en` or `zh`; `zh` cuts Han runs with jieba and everything else
    as English, so mixed text works either way. With `lang="en"` any Han
    characters that occur are still cut with jieba. `glossary_terms` are
    kept whole in Chinese (terms without Han characters are ignored: English
    terms are whole words already or split at spaces deliberately).
    """
    if not text:
        return []
    if not _HAN_RUN.search(text):
        return _latin_tokens(text)
    tokenizer = _jieba_tokenizer(_han_terms(glossary_terms))
    tokens: list[str] = []
    position = 0
    for run in _HAN_RUN.finditer(text):
        tokens.extend(_latin_tokens(text[position : run.start()]))
        tokens.extend(tokenizer.cut(run.group(), HMM=HMM))
        position = run.end()
    tokens.extend(_latin_tokens(text[position:]))
    return tokens


def word_tokens(text: str, lang: str = "en", glossary_terms: Iterable[str] = ()) -> list[str]:
    """Return the tokens of `text` without white space, English words lower-cased.

    This is the view similarity scores use: layout and capitalisation do not
    make two clauses less alike, words and punctuation do.
    """
    return [t.lower() for t in tokenize(text, lang, glossary_terms) if not t.isspace()]


def is_word(token: str) -> bool:
    """Return True when `token` holds a letter, digit or Han character (not only punctuation)."""
    return any(ch.isalnum() for ch in token)


def signature(lang: str = "en") -> str:
    """Return the reproducibility signature of the tokenizer used for `lang`.

    For example `tok:words-1` for English and `tok:jieba-0.42.1,hmm:no` for
    Chinese (the jieba version is read from the installed package).
    """
    if lang != "zh":
        return "tok:words-1"
    try:
        from importlib.metadata import version

        jieba_version = version("jieba")
    except Exception:  # noqa: BLE001 -- a missing distribution record only loses the version
        jieba_version = "unknown"
    return f"tok:jieba-{jieba_version},hmm:{'yes' if HMM else 'no'}"


def _latin_tokens(text: str) -> list[str]:
    return _LATIN_TOKEN.findall(text)


def _han_terms(terms: Iterable[str]) -> frozenset[str]:
    return frozenset(t for t in (term.strip() for term in terms) if t and _HAN_RUN.fullmatch(t))


def _jieba_tokenizer(terms: frozenset[str]) -> Any:
    """Return a jieba tokenizer knowing `terms`, built once per term set per process."""
    with _lock:
        base = _base()
        if not terms:
            return base
        tokenizer = _glossary_tokenizers.get(terms)
        if tokenizer is None:
            tokenizer = _derived(base, terms)
            if len(_glossary_tokenizers) >= _GLOSSARY_CACHE_SIZE:
                _glossary_tokenizers.pop(next(iter(_glossary_tokenizers)))
            _glossary_tokenizers[terms] = tokenizer
        return tokenizer


def _base() -> Any:
    global _base_tokenizer
    if _base_tokenizer is None:
        jieba = _import_jieba()
        # -- jieba reports "Building prefix dict ..." on stderr at DEBUG level;
        #    the library must not print, so quiet both its logger and its helper --
        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        frequencies = _frequencies(tokenizer)
        if frequencies is None:
            tokenizer.initialize()
        else:
            tokenizer.FREQ, tokenizer.total = frequencies
            tokenizer.initialized = True
        _base_tokenizer = tokenizer
    return _base_tokenizer


def _import_jieba() -> Any:
    """Import jieba without letting it import `pkg_resources`, and return it.

    jieba reads its data files through `pkg_resources` when that imports and
    through plain `open` otherwise (`jieba._compat`); the same bytes either
    way, but importing `pkg_resources` costs ~0.2 s, most of importing jieba.
    """
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    # -- a None entry in sys.modules makes `import pkg_resources` raise ImportError --
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", "") is None:
            del sys.modules["pkg_resources"]
    return jieba


def _frequencies(tokenizer: Any) -> tuple[Any, int] | None:
    """Return jieba's prefix dictionary as a `LazyFrequencies` and its total, or None.

    None when the per-user cache is off or cannot be used; the caller then
    loads jieba's dictionary whole. Building the table the first time also
    keeps jieba's own cache in the per-user folder rather than the system's
    temporary folder, which is cleaned behind our back.
    """
    from dpa_compare.jieba_table import LazyFrequencies, cache_dir, open_table

    folder = cache_dir()
    if folder is None:
        return None
    tokenizer.tmp_dir = str(folder)
    table = open_table(folder, tokenizer)
    if table is None:
        # -- the folder is unusable: let jieba use (and write) its default cache instead --
        tokenizer.tmp_dir = None
        return None
    return LazyFrequencies(table), table.total


def _derived(base: Any, terms: frozenset[str]) -> Any:
    """Return a new tokenizer sharing `base`'s dictionary (copied) plus `terms`.

    Adding words to the shared tokenizer would make one call's cut depend on
    the glossaries of earlier calls, so each glossary gets its own copy.
    """
    import jieba

    tokenizer = jieba.Tokenizer()
    # -- copying the prefix dictionary (a dict, or a LazyFrequencies overlay)
    #    takes at most ~15 ms; loading it again from jieba's cache takes ~0.7 s --
    tokenizer.FREQ = base.FREQ.copy()
    tokenizer.total = base.total
    tokenizer.initialized = True
    for term in sorted(terms):
        tokenizer.add_word(term)
    return tokenizer
