"""Cross-references in clause text: `Section 5.2`, `Article 28(3)`, `Annex 2` ⇄ `第5.2条`, `第五条第二款`, `附件二`.

A reference is a kind (`clause`, `chapter` or `annex`) and a path of raw
number elements (`("28", "3", "a")`). Paths compare element by element
through `element_keys`, which reads digits, Chinese numerals, letters and
roman numerals as numbers, so `Article 28(3)` and `第二十八条第三款` agree,
and `Annex I` agrees with `附件一`. The number check masks the spans found
here: clause numbers are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from dpa_compare.lang.numerals import chinese_to_int, is_roman, letters_to_int, roman_to_int
from dpa_compare.lang.numwords import CN_NUMERAL_CLASS

RefKind = str  # -- "clause" | "chapter" | "annex" --

_EN_CLAUSE = r"sections?|clauses?|articles?|paragraphs?|sub-?clauses?|sub-?sections?|sub-?paragraphs?|points?|recitals?|art\.|sec\.|cl\.|§§?"
_EN_CHAPTER = r"chapters?|parts?"
_EN_ANNEX = r"annex(?:es)?|appendix|appendices|schedules?|exhibits?|attachments?"
# -- a hyphen joins `5-1` into one number, but `7.1-7.3` is a range of two --
_EN_NUM = r"(?:\d+[A-Z]?(?:\.\d+)*(?:-\d+(?![.\d]))?(?:\s?\((?:[a-z]{1,4}|\d{1,3})\))*|[IVXLC]{1,6}\b|[A-Z]\b)"
_EN_LIST_SEP = r"\s*(?:,\s*(?:and\s+|or\s+)?|and/or|and|or|to|through|-|–)\s*"
_EN_REF = re.compile(
    rf"\b(?P<type>(?i:{_EN_CLAUSE}|{_EN_CHAPTER}|{_EN_ANNEX}))\s*(?P<nums>{_EN_NUM}(?:{_EN_LIST_SEP}{_EN_NUM})*)"
)
_EN_NUM_RE = re.compile(_EN_NUM)
_EN_OF = re.compile(r"\s+(?:of|in|under)\s+(?:this\s+|the\s+)?$", re.IGNORECASE)

_ZH_NUM = rf"(?:\d+[A-Z]?(?:[.\-]\d+)*(?:\s?[(（][a-zA-Z0-9]{{1,4}}[)）])*|{CN_NUMERAL_CLASS}+)"
_ZH_PIECE = rf"第\s*{_ZH_NUM}\s*(?:条款|条|條|节|節|款|项|項|段|目|点)"
_ZH_PAREN = rf"第?\s*[(（]\s*(?:[a-zA-Z0-9]{{1,4}}|{CN_NUMERAL_CLASS}{{1,3}})\s*[)）]\s*(?:款|项|項|目|段|点)?"
_ZH_CLAUSE = re.compile(rf"{_ZH_PIECE}(?:\s*(?:{_ZH_PIECE}|{_ZH_PAREN}))*|条款\s*\d+(?:\.\d+)+")
_ZH_CHAPTER = re.compile(rf"第\s*{_ZH_NUM}\s*(?:章|部分|编|編)")
_ZH_ANNEX_WORD = r"(?:附件|附录|附錄|附表|展示)"
_ZH_ANNEX_NUM = rf"(?:{_ZH_NUM}|[A-Z]\b|[IVX]{{1,5}}\b)"
_ZH_LIST_WORD = r"\s*(?:、|，|,|及|和|或|与|與|至|到|以及|-|–)\s*"
# -- 附件一至三, 附件1、2和3: one reference per number, like `Annexes 1 to 3` --
_ZH_ANNEX = re.compile(
    rf"{_ZH_ANNEX_WORD}\s*{_ZH_ANNEX_NUM}(?:{_ZH_LIST_WORD}(?:{_ZH_ANNEX_WORD}\s*)?{_ZH_ANNEX_NUM})*"
)
_ZH_ANNEX_ITEM = re.compile(rf"(?:{_ZH_ANNEX_WORD}\s*)?(?P<num>{_ZH_ANNEX_NUM})")
# -- 第9至13条, 第七、八条: numbers listed before one unit --
_ZH_CLAUSE_LIST = re.compile(
    rf"第\s*{_ZH_NUM}(?:{_ZH_LIST_WORD}(?:第\s*)?{_ZH_NUM})+\s*(?:条|條|章)(?!\s*第)"
)
_ZH_ELEMENT = re.compile(rf"\d+[A-Z]?|[a-zA-Z]{{1,4}}|{CN_NUMERAL_CLASS}+")


@dataclass(frozen=True)
class Ref:
    """One cross-reference found in a text: its kind, number path, words and span."""

    kind: RefKind
    path: tuple[str, ...]
    text: str
    start: int
    end: int

    @property
    def display(self) -> str:
        """Return the path as `kind 5.2.a`, for messages."""
        return f"{self.kind} {'.'.join(self.path)}"


def element_keys(element: str) -> frozenset[int]:
    """Return the numbers `element` may stand for: `7` → {7}, `七` → {7}, `b` → {2}, `iv` → {4, …}.

    A single letter that is also a roman numeral stands for both readings
    (`i` → {1, 9}), so `(i)` agrees with `（一）` and with a ninth letter.
    """
    token = element.strip()
    if token.isdigit():
        return frozenset({int(token)})
    if re.fullmatch(r"\d+[A-Z]", token):
        # -- an inserted section (`section 119A`): its own number, apart from 119 and from letters --
        return frozenset({-(int(token[:-1]) * 100 + ord(token[-1]) - ord("A") + 1)})
    keys: set[int] = set()
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


def paths_agree(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Return True when two number paths have the same length and every element may be the same number."""
    return len(left) == len(right) and all(
        element_keys(a) & element_keys(b) for a, b in zip(left, right)
    )


def find_refs(text: str, lang: str) -> list[Ref]:
    """Return the cross-references in `text` (language `lang`), in text order."""
    refs = list(_english_refs(text)) if lang == "en" else list(_chinese_refs(text))
    return sorted(refs, key=lambda r: r.start)


def _english_refs(text: str) -> Iterator[Ref]:
    found = []
    for match in _EN_REF.finditer(text):
        word = match.group("type").lower()
        kind = (
            "annex"
            if re.fullmatch(_EN_ANNEX, word)
            else "chapter"
            if re.fullmatch(_EN_CHAPTER, word)
            else "clause"
        )
        base = match.start("nums")
        for num in _EN_NUM_RE.finditer(match.group("nums")):
            path = tuple(
                p for p in re.split(r"[.()\s]+", num.group()) if p
            )  # -- 1-1 stays one element --
            found.append([kind, path, match.group(), match.start(), base + num.end(), word])
    yield from _merge_of(found, text)


_SUB_WORDS = ("paragraph", "sub", "point")


def _merge_of(found: list[list], text: str) -> Iterator[Ref]:
    """Yield refs, folding `paragraphs 1 and 2 of Article 28` into `28.1`, `28.2`.

    A paragraph-level reference with no article after it is relative to the
    clause it sits in and is yielded with kind `relative`.
    """
    groups: list[list[list]] = []
    for item in found:
        if groups and groups[-1][0][3] == item[3]:
            groups[-1].append(item)
        else:
            groups.append([item])
    skip = -1
    for index, group in enumerate(groups):
        if index == skip or not group:
            continue
        nxt = groups[index + 1][0] if index + 1 < len(groups) else None
        if not group[0][5].startswith(_SUB_WORDS):
            yield from (
                Ref(kind, path, words, start, end) for kind, path, words, start, end, _ in group
            )
            continue
        after = groups[index + 2][0] if index + 2 < len(groups) else None
        if (
            nxt is not None
            and after is not None
            and len(group) == 1
            and nxt[5].startswith(_SUB_WORDS)
            and re.fullmatch(r"\s*,\s*", text[group[-1][4] : nxt[3]])
            and after[0] == "clause"
            and _EN_OF.search(text[groups[index + 1][-1][4] : after[3]])
        ):  # -- "subparagraph 2, paragraph 1 of Article 15" → 15.1.2 --
            merged = after[1] + nxt[1] + group[0][1]
            yield Ref("clause", merged, text[group[0][3] : after[4]], group[0][3], after[4])
            skip = index + 1
            groups[index + 2] = []
            continue
        if (
            nxt is not None
            and nxt[0] == "clause"
            and not nxt[5].startswith(_SUB_WORDS)
            and _EN_OF.search(text[group[-1][4] : nxt[3]])
        ):
            skip = index + 1
            yield from (
                Ref("clause", nxt[1] + path, text[start : nxt[4]], start, nxt[4])
                for _, path, _, start, _, _ in group
            )
            continue
        yield from (
            Ref("relative", path, words, start, end) for _, path, words, start, end, _ in group
        )


_ZH_FIRST_UNIT = re.compile(rf"第\s*{_ZH_NUM}\s*(条款|条|條|节|節|款|项|項|段|目|点)")
_ZH_LIST_SEP = re.compile(r"^\s*(?:、|，|,|及|和|或|与|與|至|或者|以及|暨)\s*$")
_ZH_SUB_UNITS = ("款", "项", "項", "段", "目", "点")


def _chinese_refs(text: str) -> Iterator[Ref]:
    listed = []
    for match in _ZH_CLAUSE_LIST.finditer(text):
        kind = "chapter" if match.group().endswith("章") else "clause"
        listed.append(match.span())
        for number in re.finditer(_ZH_NUM, match.group()):
            yield Ref(
                kind,
                tuple(_ZH_ELEMENT.findall(number.group())),
                match.group(),
                match.start(),
                match.start() + number.end(),
            )
    previous: Ref | None = None
    for match in _ZH_CLAUSE.finditer(text):
        if any(start <= match.start() < end for start, end in listed):
            continue
        path = tuple(_ZH_ELEMENT.findall(match.group().replace("第", " ").replace("条款", " ")))
        unit = _ZH_FIRST_UNIT.match(match.group())
        kind = "clause"
        if unit is not None and unit.group(1) in _ZH_SUB_UNITS:
            # -- 第七條第一項、第二項: a bare 項 after a list separator belongs to the same article --
            if (
                previous is not None
                and previous.kind == "clause"
                and _ZH_LIST_SEP.match(text[previous.end : match.start()])
            ):
                path = (
                    previous.path[: len(previous.path) - len(path)] + path
                    if len(previous.path) > len(path)
                    else path
                )
            else:
                kind = "relative"
        previous = Ref(kind, path, match.group(), match.start(), match.end())
        yield previous
    for match in _ZH_CHAPTER.finditer(text):
        if not any(start <= match.start() < end for start, end in listed):
            yield Ref(
                "chapter",
                tuple(_ZH_ELEMENT.findall(match.group().replace("第", " "))),
                match.group(),
                match.start(),
                match.end(),
            )
    for match in _ZH_ANNEX.finditer(text):
        for item in _ZH_ANNEX_ITEM.finditer(match.group()):
            path = tuple(_ZH_ELEMENT.findall(item["num"]))
            yield Ref("annex", path, match.group(), match.start(), match.start() + item.end())


def refs_agree(left: Ref, right: Ref) -> bool:
    """Return True when two references may cite the same clause.

    A relative reference (`paragraph 2`, `第二項`) is read against the clause
    it sits in, whose depth differs between languages, so only its last
    number is compared.
    """
    if left.kind == "relative" or right.kind == "relative":
        return bool(
            left.path and right.path and element_keys(left.path[-1]) & element_keys(right.path[-1])
        )
    if left.kind != right.kind:
        return False
    if abs(len(left.path) - len(right.path)) == 1 and min(len(left.path), len(right.path)) >= 2:
        # -- "subparagraph 2, paragraph 1 of Article 15" ⇄ 第十五條第二款: the single paragraph left unnamed --
        return bool(
            element_keys(left.path[0]) & element_keys(right.path[0])
            and element_keys(left.path[-1]) & element_keys(right.path[-1])
        )
    return paths_agree(left.path, right.path)


def parse_label(label: str) -> Ref | None:
    """Return `label` (`5.2`, `Section 5.2`, `第五条第二款`, `Annex 2`, `附件二`) read as a reference, else None."""
    text = label.strip()
    for lang in ("en", "zh"):
        refs = find_refs(text, lang)
        if refs:
            return refs[0]
    parts = tuple(p for p in re.split(r"[.()\s（）]+", text) if p)
    if parts and all(element_keys(p) for p in parts):
        return Ref("clause", parts, text, 0, len(text))
    return None


def translate_ref(ref: Ref, label_map: Mapping[str, str] | None) -> Ref:
    """Return the Chinese-side reference expected for English `ref` under `label_map`.

    `label_map` maps an English label (`5.2`, `Annex 2`) to the label of the
    Chinese clause aligned with it (`5.3`, `附件三`). Without an entry the
    reference is expected unchanged.
    """
    for key, value in (label_map or {}).items():
        source = parse_label(key)
        if source is None or source.kind != ref.kind or not paths_agree(source.path, ref.path):
            continue
        target = parse_label(value)
        if target is not None:
            return Ref(ref.kind, target.path, ref.text, ref.start, ref.end)
    return ref


__all__ = [
    "Ref",
    "element_keys",
    "find_refs",
    "parse_label",
    "paths_agree",
    "refs_agree",
    "translate_ref",
]
