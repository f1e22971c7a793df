"""Cross-references in clause text, and whether a change only follows renumbering.

When section 7 becomes section 8, every "Section 7.2" elsewhere becomes
"Section 8.2". Those clauses did not change in substance: version comparison
reports them as renumbered with `xref_only=True`. This module finds the
references ("Section 7.2(a)", "Sections 7 and 8", "Annex II", "第7.2条",
"第八条", "附件二"), reduces each to a language-independent key
(`Ref("", "7.2(a)")`, `Ref("annex", "2")`), and checks a pair of texts
against the old → new label map that clause matching built.

    >>> keys = [r.key for r in find_references("See Section 7.2(a) and Annex II.")]
    >>> keys
    [Ref(namespace='', number='7.2(a)'), Ref(namespace='annex', number='2')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from dpa_compare.lang.citations import ZH_UNIT_WORD, find_all_citations
from dpa_compare.lang.numerals import CHINESE_NUMERAL_CHARS, is_roman, parse_number, roman_to_int

__all__ = [
    "Ref",
    "Reference",
    "build_label_map",
    "canonical_ref",
    "find_references",
    "is_xref_only",
    "map_ref",
    "reference_moves",
]


class Ref(NamedTuple):
    """A reference target: `namespace` ("" for sections/clauses/articles, "annex", …) and
    `number`."""

    namespace: str
    number: str


class Reference(NamedTuple):
    """One reference found in a text: `key`, and where its number sits (`start`, `end`)."""

    key: Ref
    start: int
    end: int


_ARABIC = r"\d+(?:\.\d+)*(?:\s?\([a-zA-Z0-9]{1,5}\))*"
_CN_NUMERAL = CHINESE_NUMERAL_CHARS
_BARE_CITATION = re.compile(rf"{_ARABIC}|\(?[a-zA-Z0-9]{{1,5}}\)|[{_CN_NUMERAL}]+|[IVXLC]+")
_COMPONENT = re.compile(r"\d+(?:-\d+)?|\([a-z0-9]+\)|[a-z]+")
_CITATION_TAIL = re.compile(rf"\s*{ZH_UNIT_WORD}?")
"""What may follow the one reference of a clause's own citation (`第七条`), nothing else."""
_DOTTED = re.compile(r"\d+(?:\.\d+)+(?:\([a-z0-9]{1,5}\))*")


def find_references(text: str) -> list[Reference]:
    """Return the cross-references in `text` (either language), in order, one per cited target.

    Read with the one grammar of `lang.citations`; relative citations (`前項`,
    "the preceding paragraph") do not move with renumbering and are left out.
    "Sections 7.2 and 8" gives two references; a reference's span covers its
    numbers, not the keyword.
    """
    found = []
    for citation in find_all_citations(text):
        if citation.kind == "relative" or not citation.path:
            continue
        number = _join([_part(element) for element in citation.path])
        if number:
            start, end = citation.number_span
            found.append(Reference(Ref(citation.unit, number), start, end))
    return found


def _part(element: str) -> str:
    """Return one path element as xref writes it: a number as is, a letter or roman one in
    brackets."""
    if element.isdigit() or re.fullmatch(r"\d+-\d+|\d+[A-Z]", element):
        return element
    if is_roman(element) and (len(element) > 1 or element in ("I", "V", "X")):
        return str(roman_to_int(element))
    return f"({element.lower()})"


def canonical_ref(citation: str) -> Ref | None:
    """Return the key of a clause's own citation (`7.2(a)`, `Annex 2`, `第七条`), None if it has
    none."""
    citation = citation.strip().rstrip(".")
    if not citation:
        return None
    references = find_references(citation)
    if len(references) == 1 and _CITATION_TAIL.fullmatch(citation[references[0].end :]):
        return references[0].key
    if references and _DOTTED.fullmatch(citation.split()[-1]):
        # -- "第九条 9.2": a citation printed after its parent's label; a dotted
        #    number is complete by itself, so the last part is the clause --
        return Ref("", _number(citation.split()[-1]))
    if not _BARE_CITATION.fullmatch(citation):
        return None  # -- "7.2 ¶3", "Annex 1 2", "table 1 row 2": not something a text can cite --
    number = _number(citation)
    return Ref("", number) if number else None


def build_label_map(pairs: Iterable[tuple[str, str]]) -> dict[Ref, Ref]:
    """Return old → new reference keys for matched clause citations that changed."""
    label_map: dict[Ref, Ref] = {}
    for old, new in pairs:
        old_key, new_key = canonical_ref(old), canonical_ref(new)
        if old_key and new_key and old_key != new_key:
            label_map[old_key] = new_key
    return label_map


def map_ref(key: Ref, label_map: Mapping[Ref, Ref]) -> Ref:
    """Return what reference `key` becomes under `label_map`.

    A reference finer than any mapped clause follows its nearest mapped
    ancestor: with 7.2 → 8.2 mapped, 7.2(a) becomes 8.2(a).
    """
    if key in label_map:
        return label_map[key]
    parts = _COMPONENT.findall(key.number)
    for cut in range(len(parts) - 1, 0, -1):
        prefix = Ref(key.namespace, _join(parts[:cut]))
        if prefix in label_map:
            mapped = label_map[prefix]
            return Ref(mapped.namespace, _join(_COMPONENT.findall(mapped.number) + parts[cut:]))
    return key


def is_xref_only(old_text: str, new_text: str, label_map: Mapping[Ref, Ref]) -> bool:
    """Return True when `new_text` is `old_text` with only references renumbered as `label_map`
    says.

    Every reference must stay or follow the map, at least one must change,
    and the text around the reference numbers must be identical.
    """
    if old_text == new_text or not label_map:
        return False
    old_refs, new_refs = find_references(old_text), find_references(new_text)
    if not old_refs or len(old_refs) != len(new_refs):
        return False
    if _masked(old_text, old_refs) != _masked(new_text, new_refs):
        return False
    changed = False
    for old_ref, new_ref in zip(old_refs, new_refs, strict=True):
        if old_ref.key == new_ref.key:
            continue
        if map_ref(old_ref.key, label_map) != new_ref.key:
            return False
        changed = True
    return changed


def _masked(text: str, references: list[Reference]) -> str:
    parts, position = [], 0
    for reference in references:
        if reference.start < position:
            position = max(position, reference.end)  # -- one span shared by a list's members --
            continue
        parts.append(text[position : reference.start])
        parts.append("\x00")
        position = reference.end
    parts.append(text[position:])
    return "".join(parts)


def _number(raw: str) -> str:
    """Return the canonical form of a cited number: arabic, lower case, no spaces."""
    raw = raw.strip().rstrip(".")
    if not raw:
        return ""
    if raw[0] in _CN_NUMERAL:
        value = parse_number(raw)
        return str(value) if value is not None else ""
    if (len(raw) > 1 or raw in ("I", "V", "X")) and is_roman(raw):
        return str(roman_to_int(raw))
    parts = _COMPONENT.findall(raw.lower().replace(" ", ""))
    return _join(parts)


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if part.startswith("(") or not out:
            out += part
        else:
            out += "." + part
    return out


def reference_moves(text_pairs: Iterable[tuple[str, str]]) -> dict[Ref, Ref]:
    """Return old → new reference keys that matched texts agree on, where they changed.

    Each `(old, new)` pair is one clause's text in both versions; when both
    cite the same number of targets, the k-th reference of one stands for
    the k-th of the other, so "Section 11.3" becoming "Section 12.2" says
    that clause 11.3 is now 12.2. A target seen going to two different
    places is left out: the evidence contradicts itself.
    """
    seen: dict[Ref, set[Ref]] = {}
    for old, new in text_pairs:
        if old == new:
            continue
        old_refs, new_refs = find_references(old), find_references(new)
        if not old_refs or len(old_refs) != len(new_refs):
            continue
        for old_ref, new_ref in zip(old_refs, new_refs, strict=True):
            seen.setdefault(old_ref.key, set()).add(new_ref.key)
    moves = {old: next(iter(new)) for old, new in seen.items() if len(new) == 1 and old not in new}
    targets = [new for new in moves.values()]
    return {old: new for old, new in moves.items() if targets.count(new) == 1}
