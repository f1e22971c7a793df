"""Chinese (simplified and traditional): clause labels, defined terms, titles.

Labels: `第一编` (part), `第一章` / `第 一 章` (chapter), `第一节` (section),
`第一条` / `第 1-1 條` / `第十条之一` (article), `一、` (item), `（一）` / `(一)`
(sub-item), `1、`, `附件一` / `附录A` / `附件 1` (annex), then the generic
numbers shared with English (`1.`, `1.1`, `（a）`, `(a)`, `①`). Text is matched
as printed: traditional characters are not converted, full-width digits and
brackets are read like ASCII ones.
"""

from __future__ import annotations

import re
import string

from dpa_compare.lang import en
from dpa_compare.lang.labels import ZH_ORDINAL_UNITS, LabelMatch, first_word_number, split_rest
from dpa_compare.lang.numerals import (
    CHINESE_NUMERAL_CHARS,
    chinese_to_int,
    fullwidth_to_ascii,
    parse_number,
)
from dpa_compare.lang.script import has_han

CLAUSE_ENDERS = "。；;：:！？!?，,"
"""Characters that end a provision or an item; a title ends with none of them."""

_SPACE = r"[ \u3000\u00a0]*"
_NUMBER = r"[0-9０-９]{1,4}|[" + CHINESE_NUMERAL_CHARS + r"]{1,8}"
_ORDINAL = re.compile(
    r"^第"
    + _SPACE
    + r"(?P<num>"
    + _NUMBER
    + r")(?:"
    + _SPACE
    + r"[-‑–－]"
    + _SPACE
    + r"(?P<sub>[0-9０-９]{1,3}))?"
    + _SPACE
    + r"(?P<unit>["
    + ZH_ORDINAL_UNITS
    + r"])(?:之(?P<zhi>["
    + CHINESE_NUMERAL_CHARS
    + r"]{1,3}))?"
)
_UNIT_SCHEME = {
    "编": "part",
    "編": "part",
    "章": "chapter",
    "节": "section",
    "節": "section",
    "条": "article",
    "條": "article",
    "款": "subsection",
    "目": "subsection",
}
_HEADING_ONLY_UNITS = "款目"
"""Units that label a heading (`第 一 目  普通清算`); in running text they cite (`第一款情形`)."""
_CITATION_FOLLOWERS = "第及、或至之和与與规規所前后後中的项項款目定"
"""Characters after `第十五條` that show a citation (`第十五條第二款`, `第八條規定`), not a
label."""

_ANNEX = re.compile(
    r"^(?P<word>附件|附录|附錄|附表)" + _SPACE + r"(?P<num>" + _NUMBER + r"|[A-Za-zＡ-Ｚ])?"
)
_SPACED_NUMERAL = (
    r"(?P<num>["
    + CHINESE_NUMERAL_CHARS
    + r"](?:[ \u3000]{0,3}["
    + CHINESE_NUMERAL_CHARS
    + r"]){0,3})"
)
"""A numeral of up to four characters; a database pads a two-character one to the width of three
(`（三  十）`, `四  十、`)."""
_ITEM = re.compile(r"^" + _SPACED_NUMERAL + _SPACE + r"、")
_NUM_DUN = re.compile(r"^(?P<num>[0-9０-９]{1,3})" + _SPACE + r"、")
_PAREN_ITEM = re.compile(r"^[(（]" + _SPACE + _SPACED_NUMERAL + _SPACE + r"[)）]")

# -- a full-width form is its ASCII character + 0xFEE0 (Ａ = A + 0xFEE0) --
_ASCII_FORMS = str.maketrans(
    "．（）" + "".join(chr(ord(ch) + 0xFEE0) for ch in string.ascii_letters),
    ".()" + string.ascii_letters,
)
"""Full-width punctuation and letters read as ASCII when matching labels (lengths stay the same)."""

_TERM = r"(?P<term>[^”」』\"，,。；\n]{1,40}?)"
_DEFINITIONS = (
    re.compile(
        r"^[“「『\"]"
        + _TERM
        + r"[”」』\"](?:[^。；]{0,60}?)[，,：:]?"
        + _SPACE
        + r"(?:是指|系指|係指|意指|指|意为|意為|是)"
    ),
    re.compile(
        r"^(?P<term>[^：:，,。；、（(“「\s]{1,24})[：:]" + _SPACE + r"(?:是指|系指|係指|指)"
    ),
)
"""Definitions that open the text: `“X”指…`, `「X」是指…`, `X：指…`."""
_STATUTE_DEFINITION = re.compile(
    r"所[称稱](?P<term>[^，,。；\s]{1,20}?)[，,]" + _SPACE + r"(?:是指|系指|係指|指)"
)
"""`本法所稱X，指…`: found anywhere near the start of a provision."""


def match_label(text: str, heading: bool = False) -> list[LabelMatch]:
    """Return the readings of the label `text` starts with, most likely first; [] when none.

    `heading` is True when the block is a heading (a bare number then counts).
    `第十五條第二款…` at the start of a provision is a citation, not a label.
    """
    stripped = text.lstrip(" \u3000\u00a0\t")
    if match := _ORDINAL.match(stripped):
        ordinal = _ordinal(match, stripped, heading)
        return [ordinal] if ordinal else []
    if match := _ANNEX.match(stripped):
        return _annex(match, stripped)
    for pattern, scheme in ((_ITEM, "zh_item"), (_NUM_DUN, "num_dun"), (_PAREN_ITEM, "zh_paren")):
        if match := pattern.match(stripped):
            value = parse_number(re.sub(r"[ \u3000]", "", match.group("num")))
            if value is not None:
                rest, sep = split_rest(stripped[match.end() :])
                return [LabelMatch(scheme, match.group(0), (value,), rest, sep)]
    ascii_start = _ascii_forms(stripped[:12]) + stripped[12:]
    found = en.match_label(ascii_start, heading)
    # -- match on ASCII, but keep the label and the text after it as printed (full-width digits,
    # brackets) --
    return [
        LabelMatch(m.scheme, stripped[: len(m.label)], m.numbers, *_printed_rest(stripped, m))
        for m in found
    ]


def _printed_rest(printed: str, match: LabelMatch) -> tuple[str, bool]:
    """Return the text after `match`'s label in `printed`, and whether a title separator stood
    before it."""
    cut = len(printed) - len(match.rest) if match.rest else len(printed)
    return printed[cut:], match.separated


def _ordinal(match: re.Match[str], text: str, heading: bool) -> LabelMatch | None:
    after = text[match.end() :]
    if after[:1] and after[:1] in _CITATION_FOLLOWERS:
        return None
    value = parse_number(match.group("num"))
    if value is None or (match.group("unit") in _HEADING_ONLY_UNITS and not heading):
        return None
    numbers = [value]
    if match.group("sub"):
        numbers.append(int(fullwidth_to_ascii(match.group("sub"))))
    elif match.group("zhi"):
        numbers.append(chinese_to_int(match.group("zhi")))
    rest, sep = split_rest(after)
    return LabelMatch(_UNIT_SCHEME[match.group("unit")], match.group(0), tuple(numbers), rest, sep)


def _annex(match: re.Match[str], text: str) -> list[LabelMatch]:
    token = match.group("num")
    after = text[match.end() :]
    if token is None:
        numbers: tuple[int, ...] | None = ()
        if after.strip() and not re.match(r"^[ \u3000]*[-–—:：]", after):
            return []
    else:
        number = parse_number(token)
        numbers = (
            (number,) if number is not None else first_word_number(_ascii_forms(token).upper())
        )
    if numbers is None or (after[:1] and after[:1] in _CITATION_FOLLOWERS):
        return []
    rest, sep = split_rest(after)
    return [LabelMatch("annex", match.group(0), numbers, rest, sep)]


def _ascii_forms(text: str) -> str:
    """Return `text` with full-width digits, letters, dots and brackets as ASCII, character for
    character."""
    return fullwidth_to_ascii(text).translate(_ASCII_FORMS)


def match_definition(text: str, bold_lead: str | None = None) -> str | None:
    """Return the term `text` defines, else None.

    Recognised: `“X”指…`, `“X”是指…`, `「X」指…`, `X：指…` (the statute
    item form `一、個人資料：指…`), `本法所稱X，指…`; and the English forms,
    for English terms quoted inside Chinese text.
    """
    body = text.strip()
    for pattern in _DEFINITIONS:
        if match := pattern.match(body):
            return match.group("term").strip()
    # -- "本法所稱X，指…" opens a provision; look for it near the start only --
    if match := _STATUTE_DEFINITION.search(body[:80]):
        return match.group("term").strip()
    return en.match_definition(body, bold_lead)


def looks_like_title(text: str) -> bool:
    """Return True when `text` reads as a title: short, and not ended like a sentence or item."""
    stripped = text.strip()
    if not stripped or stripped[-1] in CLAUSE_ENDERS:
        return False
    if has_han(stripped):
        return len(stripped) <= 30 and "。" not in stripped
    return en.looks_like_title(stripped)


def looks_like_caps_heading(text: str) -> bool:
    """Return True for an English line in capitals set as a heading (Chinese has no capitals)."""
    return not has_han(text) and en.looks_like_caps_heading(text)


__all__ = [
    "CLAUSE_ENDERS",
    "looks_like_caps_heading",
    "looks_like_title",
    "match_definition",
    "match_label",
]
