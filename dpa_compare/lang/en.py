"""English: clause labels, defined terms and titles (sentence ends are in `sentences.py`).

Labels are words plus a number (`Article 28`, `Section 5`, `Clause 7`,
`Chapter I`, `Part 2`, `Annex A`, `Exhibit 1`, `Schedule 2`, `Appendix 1`)
or the generic numbers of `labels.py` (`7.2`, `(a)`, `(iv)`, `A.`).
"""

from __future__ import annotations

import re

from dpa_compare.lang.labels import (
    LABEL_WORDS,
    LabelMatch,
    first_word_number,
    generic_labels,
    split_rest,
)

CLAUSE_ENDERS = ".;:!?"
"""Characters that end a provision or an item; a title ends with none of them."""

_WORD_NUMBER = (
    r"(\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?:\s*[-‑–]\s*\d{1,3})?|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Z])"
)
_WORD_LABEL = re.compile(
    r"^(?P<word>"
    + "|".join(f"{word.title()}|{word.upper()}" for word in LABEL_WORDS)
    + r"|Art\.)(?![A-Za-z])"
    r"(?:[ \u00a0]+" + _WORD_NUMBER + r"\b)?"
)
_ANNEX_WORDS = ("annex", "exhibit", "schedule", "appendix", "attachment")
_ITEM_WORD = re.compile(
    r"^(?P<word>Paragraph|Subparagraph|Item|PARAGRAPH|SUBPARAGRAPH|ITEM)[ \u00a0]+(?P<num>\d{1,3})"
    r"(?=[ \u00a0]*(?:[-–—:.][ \u00a0]*[A-Z]|$))"
)
"""`Subparagraph 2- Text`, `Paragraph 1. Text`, or `Paragraph 1` alone on its line: an item
numbered in words. The separator and the capital after it, or the line's end, tell it from a
citation (`Paragraph 3 of Article 5`)."""

_DEFINITION_VERBS = (
    r"(?:means|mean|shall mean|refers to|shall refer to|has the meaning|have the meanings?"
    r"|includes|is defined as)"
)
_OPEN_QUOTES = "“\"'‘「"
_CLOSE_QUOTES = "”\"'’」"
_QUOTED_DEFINITION = re.compile(
    r"^(?:(?:a|an|the)\s+)?["
    + _OPEN_QUOTES
    + r"]+(?P<term>[^"
    + _CLOSE_QUOTES
    + r"\n]{1,80}?)["
    + _CLOSE_QUOTES
    + r"]"
    r"(?P<between>[^.;]{0,240}?)[\s,:]*\b" + _DEFINITION_VERBS + r"\b",
    re.IGNORECASE,
)
_PLAIN_DEFINITION = re.compile(
    r"^(?P<term>[A-Z][\w\-’' ]{0,60}?)[\s:,]+" + _DEFINITION_VERBS + r"\b"
)


def match_label(text: str, heading: bool = False) -> list[LabelMatch]:
    """Return the readings of the label `text` starts with, most likely first; [] when none.

    `heading` is True when the block is a heading, where a bare number
    (`1 La Plateforme`) and a word label followed by a title count as labels.
    A word label followed by running text (`Section 9 of this DPA …`,
    `Article 46(1) …`) is a citation, not a label.
    """
    stripped = text.lstrip()
    if match := _ITEM_WORD.match(stripped):
        rest, sep = split_rest(stripped[match.end() :])
        scheme = match.group("word").lower() + "_word"
        return [LabelMatch(scheme, match.group(0), (int(match.group("num")),), rest, sep)]
    if match := _WORD_LABEL.match(stripped):
        found = _word_label(match, stripped)
        if found is not None:
            return [found]
        if match.group(2) is not None or not heading:
            return []
    return generic_labels(stripped, heading)


def _word_label(match: re.Match[str], text: str) -> LabelMatch | None:
    word = match.group("word").rstrip(".").lower()
    token = match.group(2)
    after = text[match.end() :]
    if token is None:
        # -- an unnumbered "APPENDIX" or "Annex – Title" is an annex heading; "Section" alone is not
        # --
        if word in _ANNEX_WORDS and (not after.strip() or re.match(r"^\s*[-–—:]", after)):
            rest, sep = split_rest(after)
            return LabelMatch("annex", match.group(0), (), rest, sep)
        return None
    if "." in token:
        # -- `Section 2.1`: a dotted number with a word in front places itself like `2.1` --
        if word in _ANNEX_WORDS or not _label_ends(after):
            return None
        rest, sep = split_rest(after)
        dotted = tuple(int(n) for n in token.split("."))
        return LabelMatch("decimal", match.group(0), dotted, rest, sep)
    numbers = first_word_number(token)
    if numbers is None or not _label_ends(after):
        return None
    scheme = _word_scheme(word, token)
    rest, sep = split_rest(after)
    return LabelMatch(scheme, match.group(0), numbers, rest, sep)


def _word_scheme(word: str, token: str) -> str:
    if word in _ANNEX_WORDS:
        return "annex"
    if word == "section" and not token.isdigit() and not token[0].isdigit():
        # -- "SECTION II" groups clauses (as in the EU standard contractual clauses); "Section 5" is
        # one --
        return "section"
    if word in ("part", "chapter"):
        return word
    return "article"


def _label_ends(after: str) -> bool:
    """Return True when what follows a word label makes it a label and not a citation."""
    if not after.strip():
        return True
    if re.match(r"^\s*[-–—:|]", after) or re.match(r"^\.(?:\s|$|[A-Z])", after):
        # -- `Section 12.Liquidation`: a title typed against the number's dot --
        return True
    following = re.match(r"^[\s\u00a0]+(\S)", after)
    if following is None:
        return False
    first = following.group(1)
    return first.isupper() or first in _OPEN_QUOTES or not first.isascii()


def match_definition(text: str, bold_lead: str | None = None) -> str | None:
    """Return the term `text` defines (`"Customer Data" means …` → `Customer Data`), else None.

    A quoted term followed by `means`, `refers to`, `has the meaning` … is a
    definition, also with an aside between (`"Consent", as referred to in
    Article 15, means …`). An unquoted term counts only when it is the bold
    run-in `bold_lead` (`**Personal Data** means …`).
    """
    body = text.strip()
    if match := _QUOTED_DEFINITION.match(body):
        between = match.group("between")
        # -- an aside must be set off by a comma or be a short "or" alias: “DPA” or “Addendum” means
        # --
        if (
            not between.strip()
            or between.lstrip().startswith((",", "(", "or ", ":"))
            or between.strip(' ”"¨') == ""
        ):
            return _clean_term(match.group("term"))
    if bold_lead:
        lead = bold_lead.strip().rstrip(":").strip()
        if (
            body.startswith(lead)
            and (match := _PLAIN_DEFINITION.match(body))
            and match.group("term").strip() == lead
        ):
            return _clean_term(lead)
    return None


def _clean_term(term: str) -> str:
    return term.strip(" " + _OPEN_QUOTES + _CLOSE_QUOTES + "*_¨").strip()


def looks_like_title(text: str) -> bool:
    """Return True when `text` reads as a title: short, and not ended like a sentence or item."""
    words = text.split()
    return (
        0 < len(words) <= 14
        and text.rstrip()[-1:] not in CLAUSE_ENDERS + ","
        and not text[:1].islower()
    )


def looks_like_caps_heading(text: str) -> bool:
    """Return True for a line set in capitals as a heading: `END OF TERMS AND CONDITIONS`.

    Two words at least, no sentence end: a lone `NOTE` or a shouted sentence
    (`THE SOFTWARE IS PROVIDED "AS IS".`) is not one.
    """
    stripped = text.strip()
    return stripped.isupper() and len(stripped.split()) >= 2 and looks_like_title(stripped)


__all__ = [
    "CLAUSE_ENDERS",
    "looks_like_caps_heading",
    "looks_like_title",
    "match_definition",
    "match_label",
]
