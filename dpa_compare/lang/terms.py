"""How a document marks the terms it defines: quoted terms and statute short forms.

`"Provider"` / `「個人資料」` quote a defined term; `(hereinafter referred to
as "the Bond")` ⇄ `（以下簡稱本公債）` introduce a short form the rest of the
text should keep.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dpa_compare.lang.script import HAN, HAN_CHAR

EN_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]")
ZH_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n]{1,40})[”」』\"]")
"""A quoted term: "Provider", “提供方”, 「個人資料」."""

EN_SHORT_FORM = re.compile(
    r"\bhereinafter[\s,]*(?:(?:collectively|individually|jointly)\s+)?"
    r"(?:(?:referred\s+(?:to\s+)?as|called|cited\s+as)[\s,]*)?(?:(?:the|an?)\s*)?"
    r"[\"“]([^\"“”\n]{1,40})[\"”]",
    re.IGNORECASE,
)
ZH_SHORT_FORM = re.compile(r"[（(]以下(?:簡稱|简称|稱|称)[「“\"]?([^」”\"）)]{1,12})[」”\"]?[）)]")
"""A short form introduced in passing: `(hereinafter "the Bond")` ⇄ `（以下簡稱本公債）`.

The English wording varies (`hereinafter, the "Agency"`, `hereinafter collectively
referred to as "nursing institutions"`, `hereinafter referred as "..."`).
"""

EN_TERM_DETERMINERS = tuple("the this these that those such said a an any each every no".split())
"""Determiners that may stand before a use of a short form (`this Agency`, `a protection order`)."""
_DEFINITE = frozenset("the this these that those said such".split())
"""Determiners a short form may be defined with and later repeated with another of (`"the Act"` ⇄
"this Act"); `"each agency"` (各機關) keeps its `each`."""
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’-]*[ \t]+$")
_NAME_WORD_AFTER = re.compile(r"[ \t](?:(?:for|of|on)[ \t]+(?:the[ \t]+)?)?[A-Z]")
"""A name goes on after the short form: "Act Governing …", "Act for PPP", "Act on the …"."""
_NAME_WORD_REACH = 40
"""Characters looked at before a use for a capitalised word that would make it part of a name."""


def _inflected(word: str) -> str:
    """Return a regex for `word` in the singular or the plural, possessive allowed.

    `orders` ⇄ `order`, `agencies` ⇄ `agency`, `businesses` ⇄ `business`.
    """
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        core = re.escape(word[:-3]) + "(?:y|ies)"
    elif lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        core = re.escape(word[:-1]) + "(?:y|ies)"
    elif lower.endswith(("sses", "xes", "ches", "shes")):
        core = re.escape(word[:-2]) + "(?:es)?"
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        core = re.escape(word[:-1]) + "s?"
    else:
        core = re.escape(word) + "(?:e?s)?"
    return core + "(?:['’]s?)?"


@lru_cache(maxsize=512)
def _short_form_pattern(term: str, inflect: bool) -> re.Pattern[str]:
    words = re.split(r"[\s\-]+", term.strip())
    if len(words) > 1 and words[0].casefold() in _DEFINITE:
        words = words[1:]
    last = _inflected(words[-1]) if inflect else re.escape(words[-1]) + "(?:['’]s?)?"
    body = r"[\s\-]+".join([*map(re.escape, words[:-1]), last])
    if len(words) > 1:
        body = f"(?i:{body})"
    elif words[0][:1].isalpha() and words[0][:1].islower():
        body = f"(?i:{body[0]}){body[1:]}"
    determiner = rf"(?:(?i:{'|'.join(EN_TERM_DETERMINERS)})[\s\-]+)?"
    return re.compile(rf"(?<![\w-])(?P<determiner>{determiner}){body}(?![\w-])")


def _inside_name(match: re.Match[str], text: str) -> bool:
    """Return True when a capitalised use sits inside a longer Title Case name: a capitalised word
    right after it, or (without a determiner of its own) right before it."""
    used = match.group()[len(match.group("determiner")) :]
    if not used[:1].isupper():
        return False
    if _NAME_WORD_AFTER.match(text[match.end() : match.end() + 12]):
        return True
    before = text[max(0, match.start() - _NAME_WORD_REACH) : match.start()]
    return not match.group("determiner") and bool(_NAME_WORD_BEFORE.search(before))


def find_en_short_form(term: str, text: str, inflect: bool = True) -> re.Match[str] | None:
    """Return the first use in `text` of the English short form `term`, or None.

    Matched as a statute repeats a short form: any determiner before it, in
    any case (`"the Agency"` ⇄ "The Agency shall…", "this Agency"); a phrase
    of two or more words in any case (`"Designated Institution"` ⇄ "the
    designated institution"), while a single word keeps its capital (`"the
    Act"` is not "the act of…") but may open a sentence; singular or plural
    and possessive (`"protection orders"` ⇄ "a protection order"; only as
    written with `inflect` False). A use
    inside a longer name is not the short form: "Immigration Act", "Act
    Governing Food Safety" are not `"the Act"`.
    """
    for match in _short_form_pattern(term, inflect).finditer(text):
        if _inside_name(match, text):
            continue
        return match
    return None


ZH_GLOSS = re.compile(
    rf"(?<=[{HAN}])[ \t]*[（(][ \t]*([A-Za-z][A-Za-z0-9 ,，、./&'’-]{{0,60}}?)[ \t]*[）)]"
)
"""The original English of a Chinese term, in brackets right after it: 背對背方式（back to back），
阻斷服務攻擊（denial-of-service attack，DoS）. A gloss the translator keeps on purpose, not English
left untranslated; `GLOSS_MAX_WORDS` bounds it so that a sentence in brackets is still reported."""

GLOSS_MAX_WORDS = 6
"""The most English words a bracketed gloss holds."""


def glosses(text: str) -> list[tuple[int, int]]:
    """Return the spans (brackets included) of the English glosses of `text`."""
    return [
        match.span()
        for match in ZH_GLOSS.finditer(text)
        if len(re.findall(r"[A-Za-z]+", match.group(1))) <= GLOSS_MAX_WORDS
    ]


_ZH_LINK = "之"
"""The particle Chinese may put inside a compound term or leave out: 代辦股務機構 and
代辦股務之機構 are one term."""


def zh_term_head(term: str) -> str:
    """Return the head of Chinese `term`: its last two characters, or its last when it has two.

    Chinese compounds are head-final, and another rendering of the same concept
    keeps the head: 主管機關 → 該機關, 權責機關; 本法 → 該法. A text without the
    head has not rendered the term another way but left it implied (其, 前項人員,
    a subject understood). A term not written in Han characters is its own head.
    """
    core = term.replace(_ZH_LINK, "") if len(term) > 2 else term
    if not core or not all(HAN_CHAR.fullmatch(ch) for ch in core):
        return term
    return core[-2:] if len(core) >= 3 else core[-1]


def zh_term_in(term: str, text: str) -> bool:
    """Return True when `text` writes Chinese `term`, with or without 之 inside it."""
    if term in text:
        return True
    bare = term.replace(_ZH_LINK, "")
    pattern = f"{_ZH_LINK}?".join(map(re.escape, bare))
    return len(bare) > 2 and re.search(pattern, text) is not None


ZH_DEMONSTRATIVES = "該此本其各同"
"""What points back at a thing already named: 該機關, 此法, 本院, 該會."""


def zh_term_implied(term: str, text: str) -> bool:
    """Return True when `text` writes no part of Chinese `term` that another rendering keeps:
    the term is left implied there (其, 前項人員, a subject understood), not rendered otherwise.

    Another rendering keeps the head (`zh_term_head`: 主管機關 → 該機關), the last character
    after a demonstrative (委員會 → 本會, 本法 → 該法) or, for a term of three characters or
    more, the modifier it opens with (控制者 → 控制人). A head of one character (本院 → 院)
    is in too many other words (院長) to count alone.
    """
    if zh_term_in(term, text):
        return False
    head = zh_term_head(term)
    if not HAN_CHAR.fullmatch(head[-1:]):
        return head not in text
    core = term.replace(_ZH_LINK, "")
    if (len(head) > 1 and head in text) or (len(core) >= 3 and core[:2] in text):
        return False
    return re.search(f"[{ZH_DEMONSTRATIVES}]{re.escape(head[-1])}", text) is None


def zh_renders_otherwise(term: str, text: str, others: Sequence[str] = ()) -> bool:
    """Return True when Chinese `text` may render `term` another way: it lacks the term (with or
    without 之 inside) but has the term's head (主管機關 → 該機關) outside the document's other
    terms (`others`, longest first: 大陸地區 holds the head of 臺灣地區 but is a term of its own).

    A text with neither has left the term implied, as Chinese does with a subject
    already named (其, 前項人員, 者) or a place it abbreviates (臺灣地區 → 來臺): the
    English repeating its defined term is no inconsistency.
    """
    if zh_term_in(term, text):
        return False
    for other in others:
        if other != term and other not in term and len(other) > 1:
            text = text.replace(other, "\0")
    return not zh_term_implied(term, text)


__all__ = [
    "EN_QUOTED",
    "EN_SHORT_FORM",
    "EN_TERM_DETERMINERS",
    "GLOSS_MAX_WORDS",
    "ZH_GLOSS",
    "ZH_DEMONSTRATIVES",
    "ZH_QUOTED",
    "ZH_SHORT_FORM",
    "find_en_short_form",
    "glosses",
    "zh_term_head",
    "zh_renders_otherwise",
    "zh_term_implied",
    "zh_term_in",
]
