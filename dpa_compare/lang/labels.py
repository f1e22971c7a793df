"""Clause labels shared by every language: the record they parse into, and the generic schemes.

A label is the number a clause prints at its start: `7.2`, `(a)`, `Article 28`,
`第七条`, `（一）`. `en.py` and `zh.py` know their own words (Article, 第…条);
this module holds what both use: the `LabelMatch` record, the scheme names and
their roles, and the language-neutral patterns (dotted decimals, letters and
roman numerals in brackets or with a dot, `(1)`, `①`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dpa_compare.lang.numerals import (
    CHINESE_NUMERAL_CHARS,
    is_roman,
    letters_to_int,
    roman_to_int,
)
from dpa_compare.lang.script import HAN

CONTAINER_RANK: dict[str, int] = {"part": 0, "chapter": 1, "section": 2, "subsection": 3}
"""Structural containers (Part, Chapter, 第…章, 第…节, SECTION I, 第…款 / 第…目 headings) and
their nesting rank."""

STRUCTURAL_SCHEMES = frozenset({*CONTAINER_RANK, "article", "annex"})
"""Schemes whose label heads a unit of the document (chapter, article, annex), not a list item."""

GROUPING_WORDS: dict[str, str] = {"section": "section", "subsection": "subsection"}
"""Label words that number a clause in some texts (`Section 5` of a contract) and group clauses
in others: a statute numbers its clauses `Article N` and groups them in `Section N`."""

ITEM_SCHEMES = frozenset(
    {
        "alpha_paren", "alpha_rparen", "alpha_dot", "ALPHA_paren", "ALPHA_rparen", "ALPHA_dot",
        "roman_paren", "roman_rparen", "roman_dot", "ROMAN_paren", "ROMAN_rparen", "ROMAN_dot",
        "num_paren", "num_rparen", "num_dun", "zh_item", "zh_paren", "circled",
        "paragraph_word", "subparagraph_word", "item_word",
    }
)  # fmt: skip
"""Enumerations inside a clause: their clauses are list items."""

SCHEME_PREFIX: dict[str, str] = {
    "part": "pt",
    "chapter": "ch",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "annex": "annex",
}
"""Schemes whose ids carry a word prefix (`ch1`, `art7`, `annex2`)."""


@dataclass(frozen=True)
class LabelMatch:
    """A label found at the start of a text.

    `scheme` names the numbering scheme (`decimal`, `alpha_paren`, `article`,
    `zh_item`, …). `label` is the label exactly as printed; `numbers` its
    value (`(7, 2)` for `7.2`, `(3,)` for `(c)`, `(1, 1)` for `Article 1-1`,
    `()` for an unnumbered `APPENDIX`). `rest` is the text after the label
    and its separator; `separated` is True when punctuation (– : .) set the
    rest off as a title.
    """

    scheme: str
    label: str
    numbers: tuple[int, ...]
    rest: str
    separated: bool = False

    @property
    def is_item(self) -> bool:
        """Return True for enumerations inside a clause (`(a)`, `(i)`, `一、`, `（一）`)."""
        return self.scheme in ITEM_SCHEMES

    @property
    def number_text(self) -> str:
        """Return the value as a path component.

        `7.2` → `7.2`, `Article 1-1` → `1-1`, `(c)` → `3`.
        """
        joiner = "." if self.scheme == "decimal" else "-"
        return joiner.join(str(n) for n in self.numbers)


LABEL_WORDS = (
    "part", "chapter", "section", "subsection", "article", "clause",
    "annex", "exhibit", "schedule", "appendix", "attachment",
)  # fmt: skip
"""English words that print a clause label before its number (`Article 5`, `Subsection 1`)."""

ZH_ORDINAL_UNITS = "编編章节節条條款目"
"""Units of a Chinese ordinal label `第…X`: part, chapter, section, article, 款 and 目."""

_ZH_NUMERAL = f"[\\d{CHINESE_NUMERAL_CHARS}]"
_CORE_START = (
    # -- 7.2 / 7.2.1 / 7.2（…, but not a figure the sentence goes on from (`3.5 percent`)
    rf"\d{{1,3}}(?:\.\d{{1,3}})+\.?(?=[\s\u3000]|[{HAN}（(“])(?![\s\u3000]+[a-z])"
    rf"|[(（](?:[a-z]{{1,2}}|[ivxlc]{{1,6}}|[A-Z]|\d{{1,3}}|[{CHINESE_NUMERAL_CHARS}]{{1,3}})[)）]"
    rf"|第[\s\u3000]*{_ZH_NUMERAL}+(?:-\d+)?[\s\u3000]*(?:[{ZH_ORDINAL_UNITS}]|部分)"
    rf"|[{CHINESE_NUMERAL_CHARS}]{{1,3}}、"  # -- 一、
)
CLAUSE_START = re.compile(rf"^[\s\u3000]*(?:{_CORE_START})")
"""A line that opens with a clause number a wrapped sentence rarely starts with: `7.2`, `(a)`,
`（三）`, `第七条`, `第 1-1 條`, `一、`. Readers use it to cut one-clause-a-line text."""

LOOSE_CLAUSE_START = re.compile(
    rf"^[\s\u3000]*(?:{_CORE_START}"
    rf"|\d{{1,3}}(?:\.\d{{1,3}})*\.?(?=\s|[A-Za-z{HAN}(（])"  # -- 7. / 7 Title / 7.Title
    rf"|[a-z][.)]\s"  # -- a. / a)
    rf"|[{CHINESE_NUMERAL_CHARS}]{{1,3}}[\s\u3000]*[.．]"  # -- 一． --
    rf"|(?:{'|'.join(LABEL_WORDS)})\s+[\dIVXLC]+\b)",
    re.IGNORECASE,
)
"""`CLAUSE_START` plus forms that also begin ordinary lines (`7.`, `a)`, `Article 12`): for readers
that have layout (indents, line ends) to confirm the cut."""

_OPEN = "(（"
_CLOSE = ")）"
_END = rf"(?=$|[\s\u3000]|[{HAN}“\"'‘「（(\[])"
"""What may follow a label: the end, a space, Chinese text or an opening quote/bracket."""

_SEPARATOR = re.compile(r"^[\s\u3000]*([-–—:：.．、|]+)?[\s\u3000]*")

_DECIMAL = re.compile(
    rf"^(\d{{1,3}}(?:\.\d{{1,3}})*)(?:(\.)(?=[a-z]{{2}})|(\.?)(?=$|[\s\u3000]|[{HAN}“\"'‘「（(A-Z]))"
)
"""`1.`, `1.1`, `2.1.`; also `1.where …` (a typing slip: no space after a single number's dot)."""
_DECIMAL_FIGURE = re.compile(r"[\s\u3000]+[a-z]")
"""What follows a number with decimals that is a figure in a sentence, not a clause number
(`3.5 percent of the value`, `5.3 and 5.4`): a clause's text after its number opens in capitals."""
_OUTLINE = re.compile(
    r"^(?:([A-Z])\.(\d{1,3}(?:\.(?:\d{1,3}|[a-z]{1,4}))*)((?:\([a-zA-Z0-9]{1,5}\))*)"
    r"|(\d{1,3}(?:\.\d{1,3})*)((?:\([a-zA-Z0-9]{1,5}\))+))(\.?)" + _END
)
"""Printed outline numbers: `A.1.`, `B.3.a.`, `A.1(a)`, `B.3(a)(i)`, `7.2(b)`: a letter part and
numbers, or numbers followed by bracketed items."""
_ESCAPED_DOT = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\\\.")
"""`1\\.`: a Markdown-escaped number, as converters write a heading's number."""
_BRACKETED = re.compile(r"^([(（])([A-Za-z]{1,6}|\d{1,3})([)）])")
_RPAREN = re.compile(r"^([A-Za-z]{1,5}|\d{1,3})\)" + _END)
_DOTTED = re.compile(
    r"^([A-Za-z]{1,5})\.(?=[\s\u3000]+\S|$)"
    r"|^([A-Za-z]|[IVX]{2,4}|[ivx]{2,4})\.(?=[\"“]?[A-Z][a-z])"
)
"""`a. `, `iv. `, and a single letter or a roman number typed against a capitalised word, quoted
or not (`D.Any person`, `II.Names of the owners`, `A."The seller …"`)."""
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def split_rest(text: str) -> tuple[str, bool]:
    """Return `text` without a leading title separator, and whether one was there."""
    match = _SEPARATOR.match(text)
    assert match is not None
    return text[match.end() :], bool(match.group(1))


def generic_labels(text: str, heading: bool) -> list[LabelMatch]:
    """Return the language-neutral labels `text` starts with, most likely reading first.

    `(i)` is both a roman and a letter number; both readings are returned and
    the segmenter picks by context. A bare integer (`1 La Plateforme`) counts
    as a label only in a heading (`heading` True).
    """
    text = _ESCAPED_DOT.sub(r"\1.", text, count=1)
    if outline := _outline_label(text):
        return [outline]
    if text and text[0] in _CIRCLED:
        rest, sep = split_rest(text[1:])
        return [LabelMatch("circled", text[0], (_CIRCLED.index(text[0]) + 1,), rest, sep)]
    if match := _DECIMAL.match(text):
        numbers = tuple(int(n) for n in match.group(1).split("."))
        dot = match.group(2) or match.group(3)
        if match.group(2) and len(numbers) > 1:
            return []
        if len(numbers) > 1 and not match.group(3) and _DECIMAL_FIGURE.match(text, match.end()):
            # -- `3.5 percent`, `2.5 times`: a figure with decimals that the sentence goes on from
            return []
        if dot or len(numbers) > 1 or heading:
            rest, sep = split_rest(text[match.end() :])
            return [LabelMatch("decimal", match.group(0), numbers, rest, sep or bool(dot))]
    if match := _BRACKETED.match(text):
        return _letter_readings(match.group(2), "paren", match.group(0), text[match.end() :])
    if match := _RPAREN.match(text):
        return _letter_readings(match.group(1), "rparen", match.group(0), text[match.end() :])
    if match := _DOTTED.match(text):
        token = match.group(1) or match.group(2)
        return _letter_readings(token, "dot", match.group(0), text[match.end() :])
    return []


def _outline_label(text: str) -> LabelMatch | None:
    """Return an outline number (`A.1.`, `B.3(a)(i)`, `7.2(b)`) read as a decimal path, else None.

    The leading letter counts as a number (`A` = 1), so `A.1` sits under an
    `A.` heading as `1.` would; components after the numbers are items:
    the first a letter (`a` = 1), the second roman where it can be (`ii` = 2).
    """
    match = _OUTLINE.match(text)
    if match is None:
        return None
    letter, dotted, brackets = match.group(1), match.group(2), match.group(3)
    if letter is None:
        dotted, brackets = match.group(4), match.group(5)
    parts = dotted.split(".")
    numbers = [letters_to_int(letter)] if letter else []
    numbers += [int(p) for p in parts if p.isdigit()]
    extras = [p for p in parts if not p.isdigit()] + re.findall(r"\(([^)]*)\)", brackets or "")
    for position, token in enumerate(extras):
        value = _item_value(token, position)
        if value is None:
            return None
        numbers.append(value)
    rest, sep = split_rest(text[match.end() :])
    return LabelMatch("decimal", match.group(0), tuple(numbers), rest, sep or bool(match.group(6)))


def _item_value(token: str, position: int) -> int | None:
    """Return the value of an item component of an outline number: `a` → 1, `ii` (second) → 2."""
    if token.isdigit():
        return int(token)
    if position >= 1 and is_roman(token):
        return roman_to_int(token)
    if len(set(token.lower())) == 1 and token.isalpha() and token.isascii():
        return letters_to_int(token)
    return roman_to_int(token) if is_roman(token) else None


def _letter_readings(token: str, style: str, label: str, after: str) -> list[LabelMatch]:
    rest, sep = split_rest(after)
    if token.isdigit():
        if style == "dot":
            return []
        return [LabelMatch(f"num_{style}", label, (int(token),), rest, sep)]
    readings = []
    upper = token.isupper()
    if is_roman(token):
        readings.append(
            LabelMatch(
                ("ROMAN" if upper else "roman") + f"_{style}",
                label,
                (roman_to_int(token),),
                rest,
                sep,
            )
        )
    if (token.islower() or upper) and (len(set(token.lower())) == 1 or len(token) == 2):
        # -- `AB.` after `AA.`: a list past Z goes on as spreadsheet columns do --
        letter = LabelMatch(
            ("ALPHA" if upper else "alpha") + f"_{style}",
            label,
            (letters_to_int(token),),
            rest,
            sep,
        )
        # -- a lone i/v/x starts a roman list more often than it continues a letter one,
        #    except that only `i` begins one: (v) or (x) alone is a letter --
        if token.lower() in ("v", "x", "l", "c", "d", "m"):
            readings.insert(0, letter)
        else:
            readings.append(letter)
    return readings


INTRO_ENDERS = ":：︰"
"""Marks that end the sentence introducing a list (`… the following:`, `下列各款：`)."""

_LONE_FIRST = re.compile(r"^[\s\u3000]*(1)(?:[\s\u3000]*,|[\s\u3000]+)[\s\u3000]*(?=[A-Z])")
"""`1 Where …`, `1, Any person …`: a first item number typed without its dot."""


def starts_list(match: LabelMatch) -> bool:
    """Return whether `match` could number the first item of a list (`1.`, `(a)`, `一、`)."""
    single = len(match.numbers) == 1
    return single and (match.is_item or match.scheme == "decimal")


def run_in_first_item(
    text: str, second: LabelMatch, read_labels: Callable[[str], list[LabelMatch]]
) -> int:
    """Return where in `text` the first item of the list that `second` continues begins, else -1.

    A paragraph that introduces a list may carry the list's first item on its
    own line (`… include the following: 1. A site map.`, `…應包括左列各款︰一、基地位置圖。`)
    while the second item stands apart: the first item then starts after the
    last mark that ends an introduction, numbered 1 in the scheme of
    `second`. `read_labels` reads the labels a text starts with (the
    caller's language).
    """
    if not starts_list(second) or second.numbers != (2,):
        return -1
    for mark in range(len(text) - 1, -1, -1):
        if text[mark] not in INTRO_ENDERS:
            continue
        tail = text[mark + 1 :].strip()
        found = read_labels(tail) if tail else []
        if any(m.scheme == second.scheme and m.numbers == (1,) for m in found):
            return mark + 1
        return -1
    return -1


def lone_first_item(text: str, second: LabelMatch) -> LabelMatch | None:
    """Return `1` read as the label of a first item typed without its dot (`1 Where …`), else None.

    Only a paragraph directly followed by item `2.` is read so: a sentence may
    well begin with a figure.
    """
    if second.scheme != "decimal" or second.numbers != (2,):
        return None
    match = _LONE_FIRST.match(text)
    if match is None:
        return None
    return LabelMatch("decimal", match.group(1), (1,), text[match.end() :], False)


def first_word_number(token: str) -> tuple[int, ...] | None:
    """Return the value of a label word's number: `12`, `1-1`, `IV`, `B` → a tuple, else None."""
    parts = re.split(r"\s*[-‑–]\s*", token.strip())
    values = []
    for part in parts:
        if part.isdigit():
            values.append(int(part))
        elif is_roman(part) and (len(part) > 1 or part.upper() in "IVX"):
            values.append(roman_to_int(part))
        elif len(part) == 1 and part.isalpha() and part.isascii():
            values.append(letters_to_int(part))
        else:
            return None
    return tuple(values)


def grouping_scheme(label: str) -> str | None:
    """Return the container scheme a word label names when it groups articles, else None.

    `Section 2` → `section`, `SUBSECTION 1.` → `subsection`, `Article 3` → None.
    """
    word = re.match(r"[A-Za-z]+", label.strip())
    return GROUPING_WORDS.get(word.group(0).lower()) if word else None


def strip_label_dot(label: str) -> str:
    """Return `label` as cited: without a trailing dot (`7.` → `7`, `2.1.` → `2.1`, `a.` → `a`)."""
    return label[:-1] if label.endswith((".", "．")) and len(label) > 1 else label


_CAPTION = re.compile(r"[(（][\s\u3000]*([^()（）]+?)[\s\u3000]*[)）]")


def article_caption(text: str) -> str | None:
    """Return the title words of a caption in brackets, the whole of `text`, else None.

    Official statute translations print an article's title as a paragraph of
    its own under the label: `(Types of Contracts)`, `（立法目的）` →
    `Types of Contracts`, `立法目的`. Whether it sits where a caption does
    (straight after a bare article label, with text after it) is for the
    segmenter to say: `(Deleted)` as the whole article is its text.
    """
    match = _CAPTION.fullmatch(text.strip())
    return match.group(1) if match else None


_NUMBERING_LINE = re.compile(
    r"(?:paragraph|subparagraph|item|point|clause)s?\s+\d{1,3}(?:[.\-]\d{1,3})*\.?"
    rf"|第[\s\u3000]*[\d{CHINESE_NUMERAL_CHARS}]+[\s\u3000]*[項项款目]",
    re.IGNORECASE,
)


def is_numbering_line(text: str) -> bool:
    """Return True when `text` is only the number of the paragraph it stands above.

    Some official translations print `Paragraph 5.1` on a line of its own
    before each paragraph (the Chinese numbers none): a label, with nothing
    to translate.
    """
    return _NUMBERING_LINE.fullmatch(text.strip()) is not None


__all__ = [
    "article_caption",
    "is_numbering_line",
    "CLAUSE_START",
    "CONTAINER_RANK",
    "INTRO_ENDERS",
    "ITEM_SCHEMES",
    "LABEL_WORDS",
    "LOOSE_CLAUSE_START",
    "LabelMatch",
    "SCHEME_PREFIX",
    "first_word_number",
    "generic_labels",
    "grouping_scheme",
    "lone_first_item",
    "run_in_first_item",
    "starts_list",
    "GROUPING_WORDS",
    "split_rest",
    "STRUCTURAL_SCHEMES",
    "strip_label_dot",
    "ZH_ORDINAL_UNITS",
]
