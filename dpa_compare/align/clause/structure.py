"""Structural evidence for clause alignment: labels across numbering styles, positions, defined
terms.

Two clauses are structural counterparts when they sit under counterpart
parents and carry the same number, however it is printed: `第七条`, `7.`,
`Section 7` and `Article 7` are all number 7; `（一）`, `(a)`, `一、` and `1.`
are all item 1 (by position in their list); `附件二` is `Annex 2`; `第 1-1 條`
is `Article 1-1`. Unnumbered paragraphs and table rows are counterparts by
position under counterpart parents. This module only proposes: the aligner
accepts a proposal when the content does not contradict it.

    >>> labels_match("第七条", "7.")
    True
    >>> label_value("附件二", "zh")
    LabelValue(role='annex', numbers=(2,))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dpa_compare.lang import en, zh
from dpa_compare.lang.labels import CONTAINER_RANK
from dpa_compare.model import Clause

_PREFIXED = re.compile(r"^(?P<prefix>pt|ch|sec|annex|art|hdr|r|p|h)(?P<num>\d+(?:-\d+)*)$")
_NUMBER = re.compile(r"^\d+(?:-\d+)*$")
_ROLE_OF_PREFIX = {
    "pt": "part",
    "ch": "chapter",
    "sec": "section",
    "annex": "annex",
    "art": "number",
    "hdr": "header",
    "r": "row",
    "p": "para",
    "h": "heading",
}

POSITIONAL_ROLES = frozenset({"para", "heading"})
"""Unnumbered blocks: counterparts by position only when both parents hold as many of them."""


@dataclass(frozen=True)
class LabelValue:
    """What a label means, whatever its script: a `role` and its `numbers`.

    `role` is `part`, `chapter`, `section` (structural containers), `annex`,
    `number` (articles, sections, decimals and list items alike: their place
    in the tree tells them apart), or for unlabelled clauses `row`, `header`,
    `para`, `heading`.
    """

    role: str
    numbers: tuple[int, ...]


def label_value(label: str, lang: str) -> LabelValue | None:
    """Return the meaning of the printed `label` in `lang` (`en` or `zh`), or None when it is no
    label.

    `7.2` reads as number (7, 2); compare the last number when the parents
    already match (`path_value` does that for segmented clauses).
    """
    module = zh if lang == "zh" else en
    found = module.match_label(label.strip(), True)
    if not found:
        return None
    match = found[0]
    if match.scheme in CONTAINER_RANK or match.scheme == "annex":
        return LabelValue(match.scheme, match.numbers)
    return LabelValue("number", match.numbers)


def labels_match(en_label: str, zh_label: str) -> bool:
    """Return True when English `en_label` and Chinese `zh_label` carry the same number and role."""
    left, right = label_value(en_label, "en"), label_value(zh_label, "zh")
    return left is not None and left == right


def path_value(clause: Clause) -> LabelValue:
    """Return the meaning of the last component of `clause.path` (the segmenter's normalised
    number)."""
    component = clause.path[-1] if clause.path else ""
    if _NUMBER.match(component):
        return LabelValue("number", tuple(int(n) for n in component.split("-")))
    match = _PREFIXED.match(component)
    if match:
        numbers = tuple(int(n) for n in match.group("num").split("-"))
        return LabelValue(_ROLE_OF_PREFIX[match.group("prefix")], numbers)
    return LabelValue("other", ())


@dataclass(frozen=True)
class Proposal:
    """A structural counterpart: sibling `en` index ⇄ sibling `zh` index and why (`label 7 =
    第七条`)."""

    en: int
    zh: int
    reason: str


CONTAINER_ROLES = frozenset({"part", "chapter", "section"})
"""Roles of the frame of a statute (`Part`, `Chapter`, `Section`, 第…編/章/節)."""


def is_container(clause: Clause) -> bool:
    """Return whether `clause`, when it has children, is a frame around them (a part, chapter,
    section or heading)."""
    return clause.kind == "heading" or path_value(clause).role in CONTAINER_ROLES


def bare_heading(clause: Clause, has_children: bool) -> bool:
    """Return whether `clause` is a title alone: a heading, no body text, nothing under it.

    `Section 1  Petition and Trial` read beside the articles that follow it
    is such a title: its number is a section's, not an article's.
    """
    return bool(clause.heading) and not clause.text.strip() and not has_children


def unit_value(clause: Clause, has_children: bool) -> LabelValue:
    """Return the meaning of a unit's number: `path_value`, with a bare numbered title read as a
    section."""
    value = path_value(clause)
    if value.role == "number" and bare_heading(clause, has_children):
        return LabelValue("section", value.numbers)
    return value


def propose(
    en_units: Sequence[Clause],
    zh_units: Sequence[Clause],
    en_parents: Sequence[bool] | None = None,
    zh_parents: Sequence[bool] | None = None,
) -> list[Proposal]:
    """Return the structural counterparts among two sibling lists (children of counterpart parents).

    Numbered clauses pair when role and number agree; table rows pair by
    position; unnumbered paragraphs and headings pair by position only when
    both lists hold as many of them. Each clause is in at most one proposal.
    `en_parents` / `zh_parents` say which units hold clauses under them (all
    by default): a bare numbered title is a section, not an article.
    """
    en_has = en_parents if en_parents is not None else [True] * len(en_units)
    zh_has = zh_parents if zh_parents is not None else [True] * len(zh_units)
    en_values = [unit_value(c, h) for c, h in zip(en_units, en_has, strict=True)]
    zh_values = [unit_value(c, h) for c, h in zip(zh_units, zh_has, strict=True)]
    counts_agree = _positional_count(en_values) == _positional_count(zh_values)
    taken: set[int] = set()
    out: list[Proposal] = []
    for i, value in enumerate(en_values):
        if value.role == "other" or (value.role in POSITIONAL_ROLES and not counts_agree):
            continue
        for j, other in enumerate(zh_values):
            if j not in taken and _same(value, other):
                taken.add(j)
                out.append(Proposal(i, j, f"label {_cite(en_units[i])} = {_cite(zh_units[j])}"))
                break
    return out


def _same(left: LabelValue, right: LabelValue) -> bool:
    if left.role in POSITIONAL_ROLES or right.role in POSITIONAL_ROLES:
        # -- an unnumbered paragraph and an unnumbered heading are both "the k-th unnumbered
        #    block" --
        return (
            left.role in POSITIONAL_ROLES
            and right.role in POSITIONAL_ROLES
            and left.numbers == right.numbers
        )
    return left == right


def _positional_count(values: Iterable[LabelValue]) -> int:
    return sum(1 for v in values if v.role in POSITIONAL_ROLES)


def _cite(clause: Clause) -> str:
    return clause.citation or clause.id


def terms_match(
    en_term: str | None,
    zh_term: str | None,
    glossary: Sequence[tuple[str, str]],
    translate: object = None,
) -> bool | None:
    """Return whether the defined terms of two definition clauses correspond; None when unknown.

    True when the glossary pairs them, or when `translate` (a function from
    Chinese text to a set of English stems) covers the English term's stems;
    False when the glossary knows the English term under another rendering.
    """
    if not en_term or not zh_term:
        return None
    key, zh_clean = _fold(en_term), zh_term.strip('“”「」"《》 ')
    renderings = {z for e, z in glossary if _fold(e) == key}
    if renderings:
        return zh_clean in renderings or any(r in zh_clean for r in renderings)
    if translate is None:
        return None
    from dpa_compare.align.evidence.lexicon import english_stems

    wanted = set(english_stems(en_term))
    found = translate(zh_clean)  # type: ignore[operator]
    if not wanted or not found:
        return None
    return len(wanted & found) * 2 >= len(wanted)


def _fold(term: str) -> str:
    return " ".join(term.strip("“”\"' ").casefold().split())


__all__ = [
    "LabelValue",
    "CONTAINER_ROLES",
    "POSITIONAL_ROLES",
    "Proposal",
    "bare_heading",
    "is_container",
    "label_value",
    "labels_match",
    "path_value",
    "propose",
    "terms_match",
    "unit_value",
]
