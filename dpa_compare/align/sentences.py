"""Sentence splitting for English and Chinese text (for aligning clauses sentence by sentence).

English: a sentence ends at . ! ? (plus closing quotes/brackets) followed by
a space and an upper-case letter, digit or opening quote — unless the word
before the stop is a known abbreviation (e.g., i.e., Art., No., U.S., Sec.,
Inc., etc.) or a single initial.
Chinese: a sentence ends at 。！？；… (and their half-width ! ? ;), with any
closing quotes or brackets ”’」』）》 kept on the sentence they close.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "e.g. i.e. art. arts. no. nos. u.s. u.k. e.u. sec. secs. inc. ltd. co. corp. etc. cf. vs. v. "
    "mr. mrs. ms. dr. prof. st. para. paras. p. pp. vol. ch. fig. approx. jan. feb. mar. apr. jun. "
    "jul. aug. sep. sept. oct. nov. dec. sub. cl. reg. dept. est. al.".split()
)
"""Lower-cased words ending in a full stop that do not end a sentence."""

_EN_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_ZH_END = re.compile(r"(?:[。！？；!?;]|…+|\.{3,})[”’」』）)》〉\]]*")


def split_english(text: str) -> list[str]:
    """Return the sentences of English `text`, stripped, in order."""
    sentences, start = [], 0
    for match in _EN_END.finditer(text):
        end = match.end()
        word = text[start:end].split()[-1] if text[start:end].split() else ""
        bare = word.rstrip("\"'”’)]").lower()
        if match.group().startswith(".") and _is_abbreviation(bare):
            continue
        sentences.append(text[start:end].strip())
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(\"'“‘[")
    if word in ABBREVIATIONS:
        return True
    # -- single initials ("J.") and dotted acronyms ("U.S.A.") --
    return bool(re.fullmatch(r"(?:[a-z]\.)+", word))


def split_chinese(text: str) -> list[str]:
    """Return the sentences of Chinese `text`, stripped, in order."""
    sentences, start = [], 0
    for match in _ZH_END.finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def split_sentences(text: str, lang: str) -> list[str]:
    """Return the sentences of `text` written in `lang` ("zh" or "en")."""
    return split_chinese(text) if lang == "zh" else split_english(text)


__all__ = ["ABBREVIATIONS", "split_chinese", "split_english", "split_sentences"]
