"""The one cross-reference grammar: English and Chinese citations (both scripts) as paths.

    find_citations("pursuant to Paragraph 1, Article 6", "en")       # clause 6.1
    find_citations("依第六條第一項", "zh")                              # clause 6.1
    find_citations("the preceding paragraph", "en")                   # relative prev
    resolve(find_citations("前項", "zh")[0], Place("6", 2))            # clause 6.1

A citation is a kind (`clause`, `chapter`, `annex`, or `relative` for one
read against the clause it sits in) and a path of number elements from the
outermost level in (article → paragraph → subparagraph → item). English
writes the levels in any order and in words ("subparagraph 2 of paragraph 1
of Article 13", "Paragraph 1, Article 6", "the second subparagraph in the
first paragraph of this article"); Chinese outermost first (第十三條第一項第二款,
本條第一項, 前項). Both reduce to the same path. Ranges cite their two ends
(`Articles 5 to 8` ⇄ `第五條至第八條` ⇄ `第五至八條`), lists each member.

Elements compare through `element_keys`, which reads digits, Chinese
numerals, letters and roman numerals as numbers; an inserted article keeps
its own key (`6-1` ⇄ `六之一`, `119A`). A relative element `prev` stands for
"the preceding one" (`前項`, "the preceding paragraph"), `prevN` for the
preceding N. A citation is something that refers: a heading's own label
(`Part One`, `第一部分` at the start of a heading) is not one — callers leave
the heading out (`citations_in_clause`).

Translations also write numbers in words ("Paragraphs One and Three"), hyphenated
("Item-1 of Article-9"), after a misspelt citation word ("Subsecition-5"), after "of"
("Articles of 132 through 149"), and chains whose words name unusual levels: written
with "of" throughout, each mention is part of the next ("section 1 of paragraph 1 of
Article 91" is 91.1.1). A dotted article number also stands for an inserted article
("Article 146.1" ⇄ 第一百四十六條之一). Chinese lists may write 第 once
(第五十三條、五十五條).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from dpa_compare.lang.numerals import (
    CHINESE_NUMERAL_CHARS,
    chinese_to_int,
    is_roman,
    letters_to_int,
    roman_to_int,
)
from dpa_compare.model import paragraph_number

Kind = str  # -- "clause" | "chapter" | "annex" | "relative" --

ARTICLE, PARAGRAPH, SUBPARAGRAPH, ITEM = 0, 1, 2, 3
"""Level ranks, outermost first."""


@dataclass(frozen=True)
class Citation:
    """One citation found in a text: kind, number path, the words cited and their span.

    `unit` names an annex's or chapter's own numbering (`annex`, `schedule`,
    `appendix`, `chapter`, `part`). `levels` gives the rank of each path element
    (ARTICLE … ITEM) where the
    text named it; `self_article` is True for a relative citation anchored
    at "this article" / 本條 (as opposed to a bare `paragraph 2`).
    """

    kind: Kind
    path: tuple[str, ...]
    text: str
    start: int
    end: int
    levels: tuple[int, ...] = ()
    numbers: tuple[int, int] = (-1, -1)
    unit: str = ""

    @property
    def number_span(self) -> tuple[int, int]:
        """Return the span from the first to the last number cited (else the whole citation)."""
        return self.numbers if self.numbers[0] >= 0 else (self.start, self.end)

    @property
    def display(self) -> str:
        """Return the path as `kind 5.2.a`, for messages."""
        return f"{self.kind} {'.'.join(self.path)}"


@dataclass(frozen=True)
class Place:
    """Where a citation sits: its clause's article number and paragraph index, when known.

    `listed` holds the article's paragraphs that carry a numbered list: "items 2 to 5 of the
    preceding paragraph" cites the nearest of them before the citation's own paragraph.
    """

    article: str | None = None
    paragraph: int | None = None
    listed: frozenset[int] = frozenset()


# ------------------------------------------------------------------ numbers --

_CN = CHINESE_NUMERAL_CHARS
SEVERAL_PRECEDING = "prevs"
"""Path element of "the preceding paragraphs" / 前各項: the units before, however many; it
agrees with any count (`prev2` … `prev9`)."""
_CN_NUM = rf"[{_CN}]+(?:之[{_CN}]+)?"
_AR_NUM = r"\d+[A-Z]?(?:-\d+)?"


def element_keys(element: str) -> frozenset[object]:
    """Return what `element` may stand for: `七` → {7}, `b` → {2}, `6-1` → {"6-1"}, `9-12` → {…, 9,
    12}.

    A single letter that is also a roman numeral stands for both readings
    (`i` → {1, 9}), so `(i)` agrees with `（一）` and with a ninth letter.
    """
    token = element.strip()
    if token == SEVERAL_PRECEDING:
        # -- "the preceding paragraphs" (前各項): two or more, the count left unsaid --
        return frozenset({token, *(f"prev{n}" for n in range(2, 10))})
    if token.startswith("prev"):
        return frozenset({token})
    if token.isdigit():
        return frozenset({int(token)})
    if m := re.fullmatch(r"(\d+)-(\d+)", token):
        first, last = int(m.group(1)), int(m.group(2))
        # -- `6-1` is an inserted article; `9-12` may also be a range (`Articles 9-12` ⇄
        # -- 第九條至第十二條), so it also stands for each of its ends --
        return frozenset({token, first, last} if last > first else {token})
    if re.fullmatch(r"\d+[A-Z]", token):
        return frozenset({f"{token[:-1]}{token[-1]}"})
    keys: set[object] = set()
    if token.isascii() and token.isalpha():
        if is_roman(token):
            keys.add(roman_to_int(token))
        if len(set(token.lower())) == 1 and len(token) <= 2:
            keys.add(letters_to_int(token))
        return frozenset(keys)
    try:
        return frozenset({chinese_to_int(token)})
    except ValueError:
        return frozenset()


def canonical_element(raw: str) -> str:
    """Return a cited number in one form: `七` → `7`, `六之一` / `6-1` → `6-1`, `(a)` → `a`."""
    token = raw.strip().strip("()（）").replace(" ", "")
    if token.lower() in _CARDINALS:
        return str(_CARDINALS[token.lower()])
    if "之" in token:
        head, _, tail = token.partition("之")
        return f"{canonical_element(head)}-{canonical_element(tail)}"
    if token and all(ch in _CN for ch in token):
        try:
            return str(chinese_to_int(token))
        except ValueError:
            return token
    return token


def paths_agree(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Return True when two paths have the same length and every element may be the same number."""
    return len(left) == len(right) and all(
        element_keys(a) & element_keys(b) for a, b in zip(left, right, strict=True)
    )


# ------------------------------------------------------------------ English --

_EN_WORDS = {
    ARTICLE: r"sections?|clauses?|articles?|arts?\.|secs?\.|cl\.|§§?|recitals?|points?",
    PARAGRAPH: r"paragraphs?|paras?\.|¶",
    SUBPARAGRAPH: r"sub-?paragraphs?|sub-?clauses?|sub-?sections?",
    ITEM: r"items?",
}
_EN_CHAPTER = r"chapters?|parts?|titles?"
_EN_ANNEX = r"annex(?:es)?|appendix|appendices|schedules?|exhibits?|attachments?"
_EN_UNIT = "|".join([_EN_WORDS[SUBPARAGRAPH], *(_EN_WORDS[k] for k in (ARTICLE, PARAGRAPH, ITEM)),
                     _EN_CHAPTER, _EN_ANNEX])  # fmt: skip
# -- a hyphen joins `5-1` into one number, but `7.1-7.3` is a range of two --
# -- a figure with a percent sign after it (`Subparagraph (1), 6% of …`) is no clause number --
_EN_NUM = (
    r"(?:\d+[A-Z]?(?:\.\d+)*(?:-\d+(?![.\d]))?(?:\s?\((?:[a-z]{1,4}|\d{1,3})\))*"
    r"(?![.\d]*\s?(?:%|(?i:per\s?cent|percent)\b))"
    r"|[IVXLC]{1,6}\b|[A-Z]\b|\((?:[a-z]{1,4}|\d{1,3})\))"
)
_EN_LIST_SEP = r"\s*(?:,\s*(?:and\s+|or\s+)?|and/or|and|or|to|through|-|–|~|～)\s*"
_CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
# -- "Paragraph One", "Paragraphs One and Three": a number in words after the unit; a list
# -- of them is all words ("paragraph 3 and one of the following" lists nothing) --
_EN_WORD_NUM = r"(?i:" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + r")\b"
_EN_NUMS = (
    rf"(?:{_EN_NUM}(?:{_EN_LIST_SEP}{_EN_NUM})*|{_EN_WORD_NUM}(?:{_EN_LIST_SEP}{_EN_WORD_NUM})*)"
)
# -- a citation word misspelt next to its number ("Subsecition-5"): read when close to a
# -- known word (see `_known_unit`) --
_EN_FUZZY_UNIT = r"[A-Za-z]{6,14}(?=\s?-\s?\d)"
_FUZZY_KEYWORDS = (
    "article", "section", "subsection", "paragraph", "subparagraph", "clause", "subclause",
    "chapter", "schedule", "appendix",
)  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}  # fmt: skip
_ORDINAL = r"(?:" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_COUNT = r"(?i:" + "|".join(k for k in _COUNTS if k.isalpha()) + r")|[2-9]"
"""A count of preceding units, in words or a digit ("the preceding two paragraphs")."""
_EN_MENTION = re.compile(
    rf"""
    (?P<numbered>(?:\b|(?=[§¶]))(?P<unit>(?i:{_EN_UNIT})|{_EN_FUZZY_UNIT})(?<=\w|\.|§|¶)
        (?:(?<=[sS])\s+(?i:of)(?=\s+\d+{_EN_LIST_SEP}\d))?\s*(?:-\s*)?(?P<nums>{_EN_NUMS}))
    |(?P<ordinal>\b(?:(?i:the)\s+)?(?P<ord>(?i:{_ORDINAL}))
        (?:\s*(?:,|to|and|or|through)\s*(?P<ord2>(?i:{_ORDINAL})))?\s+(?P<ounit>(?i:{_EN_UNIT}))\b)
    |(?P<preceding>\b(?:(?i:the)\s+)?(?:(?P<count0>{_COUNT})\s+)?
        (?:(?i:preceding|previous|prior|foregoing|last\s+preceding|aforesaid|afore-?mentioned
            |above-?mentioned|above)|(?i:last)(?=\s+(?:{_COUNT})\s)
            |(?i:former)(?=\s+(?i:paragraph|article|subparagraph|item)))
        (?:\s+(?P<count>{_COUNT}))?\s+(?!(?i:parts)\b)(?P<punit>(?i:{_EN_UNIT}))\b
        (?!\s*-?\s*\d))
    |(?P<this>\b(?i:this|the\s+same)\s+(?P<tunit>(?i:article|paragraph|section|subparagraph))\b(?!\s*[\dIVX])
        |\b(?i:hereof|herein)\b)
    """,
    re.VERBOSE,
)
_EN_NUM_RE = re.compile(rf"{_EN_WORD_NUM}|{_EN_NUM}")
_EN_UNIT_NAMES = {"annexe": "annex", "appendice": "appendix", "appendix": "appendix"}
_EN_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:of|in|under)\s+(?:the\s+)?)?$", re.IGNORECASE)


@dataclass
class _Mention:
    level: int  # -- ARTICLE … ITEM, or -1 chapter, -2 annex --
    elements: list[str]  # -- alternatives (a list or range's members); [] for "this article" --
    start: int
    end: int
    spans: list[tuple[int, int]]  # -- where each element is written --
    word: str = ""


@lru_cache(maxsize=256)
def _en_level(unit: str) -> int:
    word = unit.lower()
    if re.fullmatch(_EN_ANNEX, word):
        return -2
    if re.fullmatch(_EN_CHAPTER, word):
        return -1
    for level in (SUBPARAGRAPH, ARTICLE, PARAGRAPH, ITEM):
        if re.fullmatch(_EN_WORDS[level], word):
            return level
    return ARTICLE


def _en_mentions(text: str) -> Iterator[_Mention]:
    for m in _EN_MENTION.finditer(text):
        if m.group("numbered"):
            unit = _known_unit(m.group("unit"))
            if unit is None:
                continue  # -- a word before a hyphenated number, not a citation word --
            level = _en_level(unit)
            base = m.start("nums")
            found = list(_EN_NUM_RE.finditer(m.group("nums")))
            plural = unit.lower().endswith(("s", "§§"))
            cut = len(found)
            if level > ARTICLE and _AFTER_ARTICLE_NUMBER.search(text, 0, m.start()):
                cut = _closed_list_end(m.group("nums"), found)
            own, rest = found[:cut], found[cut:]
            yield _numbered_mention(level, own, base, plural, unit, m.start(),
                                    m.end() if not rest else base + own[-1].end())  # fmt: skip
            if rest:  # -- the numbers after a closed paragraph list are articles again --
                yield _numbered_mention(ARTICLE, rest, base, plural, "articles",
                                        base + rest[0].start(), m.end())  # fmt: skip
        elif m.group("ordinal"):
            if _PART_OF.match(text, m.end()) and re.fullmatch(_EN_CHAPTER, m.group("ounit"), re.I):
                continue  # -- "the first part of Paragraph 2" (前段): a part of a sentence --
            numbers = [_ordinal(m.group(g)) for g in ("ord", "ord2") if m.group(g)]
            yield _Mention(_en_level(m.group("ounit")), numbers, m.start(), m.end(),
                           [m.span()] * len(numbers))  # fmt: skip
        elif m.group("preceding"):
            count = _COUNTS.get((m.group("count") or m.group("count0") or "").lower(), 1)
            token = "prev" if count == 1 else f"prev{count}"
            if count == 1 and _EN_PLURAL_UNIT.search(m.group("punit")):
                token = SEVERAL_PRECEDING  # -- "the preceding paragraphs", no count --
            yield _Mention(_en_level(m.group("punit")), [token], m.start(), m.end(), [m.span()])
        else:
            unit = m.group("tunit") or "article"
            yield _Mention(_en_level(unit), [], m.start(), m.end(), [])


_EN_PLURAL_UNIT = re.compile(r"(?<!s)s$", re.IGNORECASE)
"""A unit word in the plural (`paragraphs`, `subparagraphs`; not `paras.` or `§§`)."""


def _numbered_mention(
    level: int,
    found: list[re.Match[str]],
    base: int,
    plural: bool,
    unit: str,
    start: int,
    end: int,
) -> _Mention:
    """Return the mention of the numbers `found` (matched `base` characters into the text)."""
    elements = [
        (e, (base + n.start(), base + n.end()))
        for n in found
        for e in _range_ends(n.group(), plural)
    ]
    return _Mention(
        level, [e for e, _ in elements], start, end, [span for _, span in elements], unit
    )


_CONJUNCTION = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
_AFTER_ARTICLE_NUMBER = re.compile(r"\d(?:-\d+)?,?\s+$")
"""A paragraph word written straight after an article's number (`54-1 paragraphs 1 and 2`)."""


def _closed_list_end(nums: str, found: list[re.Match[str]]) -> int:
    """Return how many of a paragraph list's numbers are its own: all, unless the list closes.

    "Articles 46, 54-1 paragraphs 1 and 2, 63-3, 65": "and" closes the paragraph list at
    its next number, and the numbers after a comma go back to the articles — a list names
    its last member after its conjunction.
    """
    for k in range(1, len(found) - 1):
        before = nums[found[k - 1].end() : found[k].start()]
        after = nums[found[k].end() : found[k + 1].start()]
        if _CONJUNCTION.search(before) and after.strip() == ",":
            return k + 1
    return len(found)


_PART_OF = re.compile(
    rf"\s+of\s+(?:the\s+)?(?:(?:preceding|previous|this|same)\s+)?(?:{_EN_UNIT}|provisos?)\b",
    re.IGNORECASE,
)
"""After "the first part": what it is a part of, when that is a provision ("of Paragraph 2")."""


def _known_unit(word: str) -> str | None:
    """Return a citation word as written, or the known word a misspelt one stands for, else None.

    Translations misspell the word before a hyphenated number ("Subsecition-5",
    "Substion-4"); a word within `_max_typos` edits of a known citation word is
    read as that word. Short words are not corrected ("Station-5" stays a name).
    """
    if re.fullmatch(_EN_UNIT, word, re.IGNORECASE):
        return word
    lowered = word.lower()
    limit = _max_typos(lowered)
    best = min(_FUZZY_KEYWORDS, key=lambda k: _edit_distance(lowered, k, limit + 1))
    return best if _edit_distance(lowered, best, limit + 1) <= limit else None


def _max_typos(word: str) -> int:
    """Return how many edits a misspelt citation word may have: 1 up to 7 letters, then 2."""
    return 1 if len(word) <= 7 else 2


def _edit_distance(left: str, right: str, cap: int) -> int:
    """Return the Levenshtein distance of two words, or `cap` once it is certain to reach it."""
    if abs(len(left) - len(right)) >= cap:
        return cap
    row = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        previous, row[0] = row[0], i
        for j, b in enumerate(right, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
        if min(row) >= cap:
            return cap
    return min(row[-1], cap)


def _ordinal(word: str) -> str:
    word = word.lower()
    return str(_ORDINALS.get(word) or int(re.sub(r"\D", "", word)))


def _range_ends(raw: str, plural: bool) -> list[str]:
    """Return `Articles 1153-1163` as the range's two ends; `Article 7-11` (inserted) stays one.

    A hyphen joins an inserted article's number (`5-1`, `7-11`); it is read
    as a range only after a plural unit, between two numbers of the same
    width where the second is larger and the first has two digits or more.
    """
    m = re.fullmatch(r"(\d+)-(\d+)", raw.strip())
    if (
        m
        and plural
        and int(m.group(2)) > int(m.group(1)) >= 10
        and len(m.group(1)) == len(m.group(2))
    ):
        return [m.group(1), m.group(2)]
    return [raw]


def _split_number(raw: str) -> tuple[str, ...]:
    """Return `28(3)(e)` → (28, 3, e), `7.2` → (7, 2), `6-1` → (6-1,)."""
    return tuple(canonical_element(p) for p in re.split(r"[.()（）\s]+", raw) if p)


def _english(text: str) -> Iterator[Citation]:
    mentions = list(_en_mentions(text))
    article_first = _writes_article_first(mentions, text)
    chains: list[list[_Mention]] = []
    for index, mention in enumerate(mentions):
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and mention.level >= 0
            and last.level >= 0
            and (
                mention.level not in {m.level for m in chains[-1]}
                or _contains_flexible(chains[-1], mention, text[last.end : mention.start])
            )
            and _EN_JOIN.fullmatch(text[last.end : mention.start])
            and not _belongs_to_next(last, mentions[index : index + 4], text, article_first)
        ):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    ordered = [_outermost_first(chain, text) for chain in chains]
    _share_outer_levels(chains, ordered, text)
    for chain, order in zip(chains, ordered, strict=True):
        yield from _chain_citations(chain, order, text)


def _writes_article_first(mentions: list[_Mention], text: str) -> bool:
    """Return True when `text` writes an article before its paragraph with nothing between.

    "Article 231-1 Paragraph 2, Article 271 Paragraph 3": the paragraph is the
    article's before it. A text written so also means "Article 6-1, paragraph 1,
    Article 27" as 6-1.1 and 27 (see `_belongs_to_next`).
    """
    return any(
        a.level == ARTICLE
        and bool(a.elements)
        and b.level > ARTICLE
        and bool(b.elements)
        and not text[a.end : b.start].strip()
        for a, b in zip(mentions, mentions[1:], strict=False)
    )


_EN_LIST_GAP = re.compile(
    r"\s*+(?:,\s*+(?:(?:and/or|and|or)\s*+)?|(?:and/or|and|or)\s*+)", re.IGNORECASE
)
"""What may stand between two listed citations: a comma, a conjunction or both (possessive
spaces: a long run of white space is read once, never re-split)."""


def _share_outer_levels(
    chains: list[list[_Mention]], ordered: list[list[_Mention]], text: str
) -> None:
    """Give a listed citation the outer levels written once after the list, in place.

    "Paragraph 1 or Paragraph 3 of Article 12" cites 12.1 and 12.3; "item 2 of
    clause 1, item 4 of clause 3 of the preceding paragraph" cites both clauses
    of that paragraph. The members are written alike (their first words name
    one level) and joined by a comma, `and` or `or`; the last one names the
    outer levels the others lack.
    """
    for i in range(len(chains) - 2, -1, -1):
        mine, theirs = chains[i], chains[i + 1]
        if (
            mine[0].level < 0
            or theirs[0].level != mine[0].level
            or not _EN_LIST_GAP.fullmatch(text[mine[-1].end : theirs[0].start])
            or any(not m.elements or m.elements[0].startswith("prev") for m in mine)
        ):
            continue
        levels = {m.level for m in mine}
        cut = next((k for k, m in enumerate(ordered[i + 1]) if m.level in levels), 0)
        outer = ordered[i + 1][:cut]
        if outer and all(m.start > theirs[0].start for m in outer):
            ordered[i] = outer + ordered[i]


_FLEXIBLE_WORDS = re.compile(r"sections?|secs?\.|clauses?|cl\.|points?", re.IGNORECASE)
"""Article-level words that translations also use below a paragraph ("section 1 of paragraph 1
of Article 91" for 第九十一條第一項第一款)."""
_ARTICLE_WORDS = re.compile(r"articles?|arts?\.", re.IGNORECASE)


def _contains_flexible(chain: list[_Mention], mention: _Mention, gap: str) -> bool:
    """Return True when `… of Article N` contains a chain whose article-level word sits lower.

    "section 1 of paragraph 1 of Article 91": `section` names an article
    level, but written inside a paragraph "of" an article it is a part of it.
    """
    return (
        mention.level == ARTICLE
        and bool(mention.elements)
        and bool(_ARTICLE_WORDS.fullmatch(mention.word))
        and bool(_EN_OF.fullmatch(gap))
        and all(_FLEXIBLE_WORDS.fullmatch(m.word) for m in chain if m.level == ARTICLE)
    )


def _belongs_to_next(
    last: _Mention, following: list[_Mention], text: str, article_first: bool = False
) -> bool:
    """Return True when the lower levels after an article belong to the next article.

    "Article 14, paragraphs 1 to 4 of Article 18" and "Article 48,
    Subparagraph 7 of Paragraph 1, Article 49": the paragraphs are those of
    the article written after them. Written right after the article ("Article 5
    Paragraph 2, Article 7"), they are its own; so are those after a comma in a
    text that writes its article first (`article_first`, see `_writes_article_first`).
    """
    if last.level != ARTICLE or not following or following[0].level <= ARTICLE:
        return False
    if _EN_OF.fullmatch(text[last.end : following[0].start]):
        return False  # -- "section 1 of paragraph 1 of Article 91": the section is in it --
    if last.elements and not text[last.end : following[0].start].strip():
        return False  # -- "Article 231-1 Paragraph 2": the paragraph of the article before --
    previous = following[0]
    for mention in following[1:]:
        gap = text[previous.end : mention.start]
        if mention.level == ARTICLE:
            return bool(mention.elements) and bool(
                _EN_OF.fullmatch(gap) or (not article_first and re.fullmatch(r"\s*,\s*", gap))
            )
        if mention.level <= ARTICLE or not _EN_JOIN.fullmatch(gap):
            return False
        previous = mention
    return False


_EN_OF = re.compile(r"\s*(?:of|in|under)\s+(?:the\s+)?", re.IGNORECASE)


def _chain_citations(
    chain: list[_Mention], ordered: list[_Mention], text: str
) -> Iterator[Citation]:
    """Yield the citations of one chain of mentions, given outermost first in `ordered`."""
    start, end = chain[0].start, chain[-1].end
    words = text[start:end]
    head = chain[0]
    if head.level < 0:
        kind = "annex" if head.level == -2 else "chapter"
        unit = _EN_UNIT_NAMES.get(head.word.lower().rstrip("s"), head.word.lower().rstrip("s"))
        for element, span in zip(head.elements, head.spans, strict=True):
            yield Citation(kind, _split_number(element), words, start, end, (), span, unit)
        return
    anchored = ordered[0].level == ARTICLE and not any(
        e.startswith("prev") for e in ordered[0].elements
    )
    if anchored and not ordered[0].elements:
        ordered, kind = ordered[1:], "relative-this"  # -- "of this Article" --
    elif anchored:
        kind = "clause"
    else:
        kind = "relative"
    if not ordered:
        return  # -- "this Article" alone cites nothing --
    for path, levels, numbers in _expand(ordered):
        if not path:
            continue  # -- "this paragraph" alone cites nothing --
        if (
            kind == "relative"
            and len(ordered) == 1
            and not path[0].startswith("prev")
            and (levels[0] == ARTICLE or re.match(r"\s\d{3}\b", text[end : end + 5]))
        ):
            continue  # -- "items 10 000" is a count, not a citation --
        yield Citation(
            "relative" if kind.startswith("relative") else kind,
            path,
            words,
            start,
            end,
            levels,
            numbers,
        )


def _outermost_first(chain: list[_Mention], text: str) -> list[_Mention]:
    """Return a chain's mentions outermost first.

    Written with "of" throughout ("Subsection 5 of Item 1 of Article 6"), each
    mention is part of the next, whatever its word: the written order,
    reversed. Otherwise the words' levels decide ("Paragraph 1, Article 6").
    """
    gaps = [text[a.end : b.start] for a, b in zip(chain, chain[1:], strict=False)]
    if gaps and all(_EN_OF.fullmatch(gap) for gap in gaps):
        return chain[::-1]
    return sorted(chain, key=lambda m: m.level)


_Combo = tuple[tuple[str, ...], tuple[int, ...], tuple[int, int]]


def _expand(ordered: list[_Mention]) -> Iterator[_Combo]:
    """Yield (path, levels, number span) for every combination of the mentions' listed members."""
    combos: list[_Combo] = [((), (), (-1, -1))]
    for mention in ordered:
        members = list(zip(mention.elements, mention.spans, strict=True)) or [("", (-1, -1))]
        combos = [
            (path + parts, levels + (mention.level,) * len(parts), _cover(numbers, span))
            for path, levels, numbers in combos
            for member, span in members[:12]
            for parts in [_split_number(member) if member else ()]
        ]
    yield from combos


def _cover(left: tuple[int, int], right: tuple[int, int]) -> tuple[int, int]:
    if left[0] < 0:
        return right
    if right[0] < 0:
        return left
    return (min(left[0], right[0]), max(left[1], right[1]))


# ------------------------------------------------------------------ Chinese --

_ZH_NUM = rf"(?:\d+[A-Z]?(?:[.\-]\d+)*(?:\s?[(（][a-zA-Z0-9]{{1,4}}[)）])*(?:之\d+)?|{_CN_NUM})"
_ZH_UNITS = {
    "条": ARTICLE, "條": ARTICLE, "节": ARTICLE, "節": ARTICLE, "条款": ARTICLE,
    "项": PARAGRAPH, "項": PARAGRAPH, "款": SUBPARAGRAPH, "段": PARAGRAPH,
    "目": ITEM, "点": ITEM, "點": ITEM,
}  # fmt: skip
_ZH_UNIT = r"(?:条款|条|條|节|節|款|项|項|段|目|点|點)"
_ZH_RELATIVE_UNIT = r"(?:条|條|项|項|款|目)"
ZH_UNIT_WORD = rf"(?:{_ZH_UNIT[3:-1]}|章|部分|编|編)"
"""Any Chinese unit word a citation may end in (条, 條, 款, 项, 章, 部分 …), as a regex group."""
_ZH_COUNT = r"[二三四五六七八九兩两2-9]"
_ZH_PIECE = re.compile(
    rf"""
    (?P<numbered>第\s*(?P<num>{_ZH_NUM})\s*(?P<unit>{_ZH_UNIT})(?:之\s*(?P<sub>[{_CN}]+|\d+))?)
    |(?P<paren>(?P<pdi>第)?\s*[(（]\s*(?P<pnum>[a-zA-Z0-9]{{1,4}}|[{_CN}]{{1,3}})\s*[)）]\s*(?P<punit>款|项|項|目|段|点)?)
    |(?P<bare>(?<=[條条項项款目][、及或與与和])(?P<bnum>[{_CN}]+)(?P<bunit>條|条))
    |(?P<prev>前(?P<count>{_ZH_COUNT}|各)?(?P<runit>{_ZH_RELATIVE_UNIT}))
    |(?P<this>(?:本|同)(?P<tunit>条|條|项|項|款))(?![例件])
    """,
    re.VERBOSE,
)
_ZH_CHAPTER = re.compile(rf"第\s*(?P<num>{_ZH_NUM})\s*(?P<word>章|部分|编|編)")
_ZH_UNIT_NAMES = {"章": "chapter", "部分": "part", "编": "part", "編": "part", "附件": "annex",
                  "附表": "schedule", "附录": "appendix", "附錄": "appendix", "附圖": "figure",
                  "附图": "figure"}  # fmt: skip
_ZH_ANNEX_WORD = r"(?:附件|附录|附錄|附表|附圖|附图)"
_ZH_ANNEX_NUM = rf"(?:{_ZH_NUM}|[A-Z](?![A-Za-z])|[IVX]{{1,5}}(?![A-Za-z]))"
_ZH_LIST_WORD = r"\s*(?:、|，|,|及|和|或|与|與|至|到|以及|-|–)\s*"
_ZH_ANNEX = re.compile(
    rf"(?P<word>{_ZH_ANNEX_WORD})\s*{_ZH_ANNEX_NUM}(?:{_ZH_LIST_WORD}(?:{_ZH_ANNEX_WORD}\s*)?{_ZH_ANNEX_NUM})*"
)
_ZH_ANNEX_ITEM = re.compile(rf"(?:{_ZH_ANNEX_WORD}\s*)?(?P<num>{_ZH_ANNEX_NUM})")
# -- 第9至13条, 第七、八条: numbers listed before one unit --
_ZH_NUMBER_LIST = re.compile(
    rf"第\s*{_ZH_NUM}(?:{_ZH_LIST_WORD}(?:第\s*)?{_ZH_NUM})+\s*(?P<unit>条|條|章)(?!\s*第)"
)
_ZH_LIST_SEP = re.compile(r"^\s*(?:、|，|,|及|和|或|与|與|至|或者|以及|暨)\s*$")
_ZH_COUNTS = {"二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}  # fmt: skip


def _chinese(text: str) -> Iterator[Citation]:
    listed: list[tuple[int, int]] = []
    for match in _ZH_NUMBER_LIST.finditer(text):
        kind = "chapter" if match.group("unit") == "章" else "clause"
        listed.append(match.span())
        for number in re.finditer(_ZH_NUM, match.group()):
            yield Citation(kind, (canonical_element(number.group()),), match.group(),
                           match.start(), match.end(), (ARTICLE,),
                           (match.start() + number.start(),
                            match.start() + number.end()))  # fmt: skip
    yield from _zh_chains(text, listed)
    for match in _ZH_CHAPTER.finditer(text):
        if not any(s <= match.start() < e for s, e in listed):
            unit = _ZH_UNIT_NAMES[match.group("word")]
            yield Citation("chapter", (canonical_element(match.group("num")),), match.group(),
                           match.start(), match.end(), (), match.span("num"), unit)  # fmt: skip
    for match in _ZH_ANNEX.finditer(text):
        unit = _ZH_UNIT_NAMES[match.group("word")]
        for item in _ZH_ANNEX_ITEM.finditer(match.group()):
            where = (match.start() + item.start("num"), match.start() + item.end("num"))
            yield Citation("annex", _split_number(canonical_element(item["num"])), match.group(),
                           match.start(), match.end(), (), where, unit)  # fmt: skip


def _zh_pieces(
    text: str, listed: list[tuple[int, int]]
) -> Iterator[tuple[int, tuple[str, ...], re.Match[str]]]:
    for m in _ZH_PIECE.finditer(text):
        if any(s <= m.start() < e for s, e in listed):
            continue
        if m.group("numbered"):
            num = m.group("num")
            sub = f"之{m.group('sub')}" if m.group("sub") else ""
            yield _ZH_UNITS[m.group("unit")], _split_number(canonical_element(num + sub)), m
        elif m.group("bare"):  # -- 第五十三條、五十五條: 第 written once for the list --
            yield ARTICLE, (canonical_element(m.group("bnum")),), m
        elif m.group("paren"):
            level = _ZH_UNITS[m.group("punit")] if m.group("punit") else _NEXT_LEVEL
            if level == _NEXT_LEVEL and not m.group("pdi") and not _follows_piece(text, m.start()):
                continue  # -- a bracketed `(a)` alone is a list label, not a citation --
            yield level, (canonical_element(m.group("pnum")),), m
        elif m.group("prev"):
            if m.group("count") == "各":  # -- 前各項: the paragraphs before, however many --
                yield _ZH_UNITS[m.group("runit")], (SEVERAL_PRECEDING,), m
                continue
            count = _ZH_COUNTS.get(m.group("count") or "", 1)
            yield _ZH_UNITS[m.group("runit")], ("prev" if count == 1 else f"prev{count}",), m
        else:
            yield _ZH_UNITS[m.group("tunit")], ("",), m


_NEXT_LEVEL = 9
"""The level of a bracketed number with no unit (`第7条(a)`): one below the piece before it."""


def _follows_piece(text: str, start: int) -> bool:
    return bool(re.search(rf"{_ZH_UNIT}\s*$", text[max(0, start - 3) : start]))


def _zh_chains(text: str, listed: list[tuple[int, int]]) -> Iterator[Citation]:
    """Yield one citation per run of adjoining pieces (第七條第一項第二款, 本條第一項, 前項)."""
    chain: list[tuple[int, tuple[str, ...], re.Match[str]]] = []
    previous: Citation | None = None
    for piece in [*_zh_pieces(text, listed), None]:
        if piece is not None and piece[0] == _NEXT_LEVEL:
            piece = (chain[-1][0] + 1 if chain else ITEM, piece[1], piece[2])
        if (
            piece is not None
            and chain
            and not text[chain[-1][2].end() : piece[2].start()].strip()
            and piece[0] != ARTICLE
            and piece[0] not in {level for level, _, _ in chain}
        ):  # -- written outermost first; 条-款-项 (mainland) and 條-項-款 (Taiwan) both chain --
            chain.append(piece)
            continue
        if chain:
            citation = _zh_citation(chain, text, previous)
            if citation is not None:
                previous = citation
                yield citation
        chain = [piece] if piece is not None else []


def _zh_citation(
    chain: list[tuple[int, tuple[str, ...], re.Match[str]]], text: str, previous: Citation | None
) -> Citation | None:
    start, end = chain[0][2].start(), chain[-1][2].end()
    words = text[start:end]
    levels = tuple(level for level, elements, _ in chain for _ in elements)
    path = tuple(element for _, elements, _ in chain for element in elements)
    numbers = (_number_start(chain[0][2]), _number_end(chain[-1][2]))
    if levels[0] == ARTICLE and path[0] and not path[0].startswith("prev"):
        return Citation("clause", path, words, start, end, levels, numbers)
    if levels[0] == ARTICLE and not path[0]:  # -- 本條第一項: relative to this article --
        path, levels = path[1:], levels[1:]
        if not path:
            return None
        return Citation("relative", path, words, start, end, levels, numbers)
    if (
        previous is not None
        and previous.kind in ("clause", "relative")
        and previous.levels
        and levels[0] in previous.levels
        and _ZH_LIST_SEP.match(text[previous.end : start])
        and not path[0].startswith("prev")
    ):  # -- 第七條第一項、第二項: the second paragraph belongs to the same article --
        cut = previous.levels.index(levels[0])
        return Citation(previous.kind, previous.path[:cut] + path, words, start, end,
                        previous.levels[:cut] + levels, numbers)  # fmt: skip
    if not path[0] and len(path) == 1:
        return None  # -- 本項 alone --
    path = tuple(p for p in path if p) or path
    return Citation("relative", path, words, start, end, levels[-len(path) :], numbers)


def _number_start(match: re.Match[str]) -> int:
    for group in ("num", "pnum", "bnum"):
        if match.group(group):
            return match.start(group)
    return match.start()


def _number_end(match: re.Match[str]) -> int:
    for group in ("sub", "num", "pnum", "bnum"):
        if match.group(group):
            return match.end(group)
    return match.end()


# --------------------------------------------------------------------- API --


def find_citations(text: str, lang: str) -> list[Citation]:
    """Return the citations in `text` (language `en` or `zh`), in text order."""
    return list(_cached_citations(text, lang))


@lru_cache(maxsize=8192)
def _cached_citations(text: str, lang: str) -> tuple[Citation, ...]:
    """Return `find_citations` as a tuple, once per text: every check reads the same clauses."""
    return tuple(_citations(text, lang))


def _citations(text: str, lang: str) -> list[Citation]:
    if lang != "en":
        return find_all_citations(
            text
        )  # -- Chinese text keeps some citations in English (`§ 1798`) --
    return sorted(_english(text), key=lambda c: (c.start, c.end))


def find_all_citations(text: str) -> list[Citation]:
    """Return the citations of both grammars in `text` (a text of either language, or mixed)."""
    chinese = list(_chinese(text))
    english = [
        c
        for c in _english(text)
        if not any(z.start <= c.start < z.end or c.start <= z.start < c.end for z in chinese)
    ]
    return sorted([*english, *chinese], key=lambda c: (c.start, c.end))


def resolve(citation: Citation, place: Place) -> Citation:
    """Return `citation` made absolute against the clause it sits in, where that can be known.

    `paragraph 1` / 本條第一項 in article 6 → clause 6.1; `the preceding
    paragraph` / 前項 in the second paragraph of article 6 → clause 6.1;
    `前條` in article 6 → clause 5. Otherwise the citation is returned as is.
    """
    if citation.kind != "relative" or place.article is None or not citation.path:
        return citation
    head, level = citation.path[0], (citation.levels or (PARAGRAPH,))[0]
    if len(citation.levels) >= 2 and citation.levels[1] == level and head == place.article:
        # -- "paragraph 15.3" in Article 15: one dotted number that starts with its article --
        return replace(citation, kind="clause")
    if level == ARTICLE:
        before = _article_before(place.article) if head == "prev" else None
        if before is not None:
            return replace(citation, kind="clause", path=(before,) + citation.path[1:])
        return citation
    if head == SEVERAL_PRECEDING and level == PARAGRAPH and place.paragraph == 2:
        head = "prev"  # -- "the preceding paragraphs" written in paragraph 2: paragraph 1 --
    if head == "prev":
        if level != PARAGRAPH or place.paragraph is None or place.paragraph < 2:
            return citation
        head = str(_preceding_paragraph(place, deeper=len(citation.path) > 1))
    elif head.startswith("prev"):
        return citation
    return replace(citation, kind="clause", path=(place.article, head) + citation.path[1:])


def _article_before(article: str) -> str | None:
    """Return the number of the article before `article`: 6 → 5, 5-1 → 5, 5-2 → 5-1.

    An inserted article (第五條之一, `5-1`) follows the article it was inserted after, so
    前條 / "the preceding article" written in it cites that one.
    """
    if article.isdigit():
        return str(int(article) - 1) if int(article) > 1 else None
    if m := re.fullmatch(r"(\d+)-(\d+)", article):
        base, inserted = m.group(1), int(m.group(2))
        return base if inserted <= 1 else f"{base}-{inserted - 1}"
    return None


def _preceding_paragraph(place: Place, deeper: bool) -> int:
    """Return the paragraph "the preceding paragraph" means where `place` cites it.

    The one before, except for a citation of its items ("items 2 to 5 of the
    preceding paragraph", 前項第二款至第五款) written after a paragraph without a list:
    then the nearest paragraph before that carries one.
    """
    assert place.paragraph is not None
    before = place.paragraph - 1
    if not deeper or before in place.listed:
        return before
    return max((n for n in place.listed if n < before), default=before)


def citations_agree(left: Citation, right: Citation) -> bool:
    """Return True when two citations may cite the same thing.

    A citation of a whole article agrees with one of its paragraph
    ("Article 29" ⇄ 第二十九條第一項). Relative citations agree when their
    paths do (`前項` ⇄ "the preceding paragraph"); a relative one whose clause is unknown
    agrees with any citation ending in the same number. Absolute paths one level apart agree
    on their first and last numbers ("subparagraph 2, paragraph 1 of
    Article 15" ⇄ 第十五條第二款, the single paragraph left unnamed). An article
    number written with a dot stands also for an inserted article ("Article 146.1" ⇄
    第一百四十六條之一).
    """
    return any(_agree(one, other) for one in _readings(left) for other in _readings(right))


def _readings(citation: Citation) -> tuple[Citation, ...]:
    """Return `citation`, and the other things its words may mean.

    `Article 146.1` may be the inserted article 146-1. "Clause 2" (also
    "Section 2", "Point 2") with no article named may be a subparagraph (款)
    of the preceding paragraph: translations write "Clause 2 above" for 前項第二款.
    """
    path, levels = citation.path, citation.levels
    if (
        citation.kind == "clause"
        and levels[:1] == (ARTICLE,)
        and _FLEXIBLE_WORDS.match(citation.text)
        and not _ARTICLE_WORDS.search(citation.text)
    ):
        lower = (PARAGRAPH, *(max(level, SUBPARAGRAPH) for level in levels))
        return (citation, replace(citation, kind="relative", path=("prev", *path), levels=lower))
    if (
        len(path) >= 2
        and levels[:2] == (ARTICLE, ARTICLE)
        and path[0].isdigit()
        and path[1].isdigit()
        and re.search(rf"(?<![\d.]){path[0]}\.{path[1]}(?![\d])", citation.text)
    ):
        inserted = replace(citation, path=(f"{path[0]}-{path[1]}", *path[2:]), levels=levels[1:])
        return (citation, inserted)
    return (citation,)


def _agree(left: Citation, right: Citation) -> bool:
    if left.kind == right.kind and _is_prefix(left.path, right.path):
        return (
            True  # -- "Article 29" ⇄ 第二十九條第一項: one cites the whole, the other its part --
        )
    if left.kind == "relative" and right.kind == "relative":
        # -- of one depth, every element counts (前項第四款 ⇄ "item 4 of paragraph 1" differ);
        # -- of two depths, the shorter leaves a level unnamed (第五款 ⇄ 前項第五款) --
        return paths_agree(left.path, right.path) or (
            len(left.path) != len(right.path) and _last_agrees(left, right)
        )
    if left.kind == "relative" or right.kind == "relative":
        rel = left if left.kind == "relative" else right
        return not rel.path[0].startswith("prev") and _last_agrees(left, right)
    if left.kind != right.kind:
        return False
    if abs(len(left.path) - len(right.path)) == 1 and min(len(left.path), len(right.path)) >= 2:
        return bool(
            element_keys(left.path[0]) & element_keys(right.path[0])
            and element_keys(left.path[-1]) & element_keys(right.path[-1])
        )
    return paths_agree(left.path, right.path)


def _is_prefix(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Return True when the shorter path is the start of the longer one (and they differ in
    length)."""
    short, long = sorted((left, right), key=len)
    return 0 < len(short) < len(long) and paths_agree(short, long[: len(short)])


def _last_agrees(left: Citation, right: Citation) -> bool:
    return same_last_number(left.path, right.path)


def same_last_number(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Return True when two paths end in numbers that may be the same (`(3)` ⇄ `三、`, `c` ⇄ 3;
    see `element_keys`)."""
    return bool(left and right and element_keys(left[-1]) & element_keys(right[-1]))


def within_range(citation: Citation, others: Iterable[Citation], text: str) -> bool:
    """Return True when `citation` lies strictly inside a range that `others` cite by its ends.

    "Paragraphs 2 to 5 of Article 7" is read as its two ends; 第七條第三項 is
    one of the paragraphs it cites. `text` is the text `others` were found in.
    """
    mine = element_keys(citation.path[-1]) if citation.path else frozenset()
    inner = [k for k in mine if isinstance(k, int)]
    if not inner:
        return False
    ends = [c for c in others if c.kind == citation.kind and len(c.path) == len(citation.path)]
    for low in ends:
        for high in ends:
            first, last = _int_of(low.path[-1]), _int_of(high.path[-1])
            if (
                first is None
                or last is None
                or not first < inner[0] < last
                or not paths_agree(low.path[:-1], citation.path[:-1])
                or not paths_agree(high.path[:-1], citation.path[:-1])
            ):
                continue
            if low.start == high.start:  # -- one English chain: "Paragraphs 2 to 5" --
                written = text[low.number_span[0] : max(low.end, high.end)]
                if re.search(rf"(?<![\d.]){first}\s*{_RANGE_WORD}\s*{last}(?!\d)", written):
                    return True
            elif re.fullmatch(rf"\s*{_RANGE_WORD}\s*", text[low.end : high.start]):
                return True  # -- 第二項至第五項: two pieces joined by 至 --
    return False


_RANGE_WORD = r"(?:to|through|~|～|-|–|至|到)"


def _int_of(element: str) -> int | None:
    numbers = [k for k in element_keys(element) if isinstance(k, int)]
    return numbers[0] if len(numbers) == 1 else None


_EN_LAW_WORD = (
    r"(?:Acts?|Code|Laws?|Regulations?|Rules|Tariff|Standards?|Conventions?|Constitution|Statutes?"
    r"|Ordinances?|Guidelines|Directions|Measures|Procedures|Principles)"
)
_EN_NAME_WORD = r"(?:[A-Z][\w’'\-]*|\([^()]{1,30}\))"
_EN_NAME = (
    rf"(?P<name>(?:{_EN_NAME_WORD}(?:\s+(?:of|and|for|on|to|the|in))*\s+){{0,10}}?{_EN_LAW_WORD}\b"
    rf"(?:\s+(?:Governing|Concerning|for|on)(?:\s+(?:{_EN_NAME_WORD}|of|and|the|for|in)\b)+)?"
    r"|same\s+(?:Act|Code|Law|Regulations|Rules))"
)
_EN_LAW_AFTER = re.compile(rf"(?:\s*+,\s*+|\s++(?:of|in|under)\s++)(?:the\s++)?{_EN_NAME}")
_EN_LAW_BEFORE = re.compile(rf"{_EN_NAME},?\s*$")
_EN_NOT_A_NAME = re.compile(r"(?:the|this|these|that|same|said|such|its|their)\b", re.IGNORECASE)
_ZH_LAW_BEFORE = re.compile(
    r"(?:(?<![本此該该])[\u4e00-\u9fff]{1,25}?(?:法|條例|条例|規則|规则|辦法|办法|細則|细则|通則|通则"
    r"|準則|准则|標準|标准|稅則|税则|公約|公约|規程|规程)|同法|同條例|同条例|同規則|同规则)\s*$"
)


def names_other_law(citation: Citation, text: str, lang: str) -> bool:
    """Return True when `citation` names the law it cites, and that law is not the text's own.

    "Article 5 of the Civil Code", "Criminal Code Article 10", "Article 3,
    General Rules of the Customs Tariff" ⇄ 民法第五條, 刑法第十條, 同法第三條; not
    "Article 5 of this Act", "of the Act" or 本法第五條. `text` is the text the
    citation was found in.
    """
    if citation.kind == "relative":
        return False  # -- 前條, "the preceding article": always the text's own --
    if lang == "zh":
        written = text[max(0, citation.start - 30) : citation.start]
        named = _ZH_LAW_BEFORE.search(written)
        return named is not None and not re.search(r"[本此該该]\s*\S{0,3}\s*$", written)
    after = _EN_LAW_AFTER.match(text, citation.end)
    before = _EN_LAW_BEFORE.search(text[max(0, citation.start - 120) : citation.start])
    return any(m is not None and _is_law_name(m.group("name")) for m in (after, before))


def _is_law_name(name: str) -> bool:
    """Return True for a law's own name ("Civil Code"), not "Act" or "these Regulations"."""
    words = name.split()
    return words[0] == "same" or (len(words) >= 2 and not _EN_NOT_A_NAME.match(words[0]))


def place_of(path: Iterable[str]) -> Place:
    """Return a clause's article and paragraph from its structural path (`('ch1', '6', 'p2')`)."""
    article, paragraph = None, None
    for element in path:
        if (number := paragraph_number(element)) is not None:
            paragraph = number
            break
        if article is None and re.fullmatch(r"\d+(?:-\d+)?", element):
            article = element  # -- the outermost numbered level: `6` in ('ch1', '6', 'p2') --
    return Place(article, paragraph)


__all__ = [
    "ARTICLE",
    "ITEM",
    "PARAGRAPH",
    "SUBPARAGRAPH",
    "Citation",
    "Place",
    "canonical_element",
    "citations_agree",
    "element_keys",
    "find_all_citations",
    "find_citations",
    "names_other_law",
    "paths_agree",
    "place_of",
    "resolve",
    "same_last_number",
    "within_range",
]
