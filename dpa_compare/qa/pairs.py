"""From an EN⇄ZH `Alignment` to the `Pair`s the checks read, and the aligner `check` uses.

An n:m link (`12.2(e)` + `12.2(f)` → `12.2（五）`) becomes one pair whose
English side is a single clause combining the linked clauses (first id and
label, texts joined), with every id kept in `Pair.en_ids` / `Pair.zh_ids`, so
a check compares the whole of what was translated with the whole translation.

`align(en, zh)` uses the project's clause aligner
(`dpa_compare.align.clause.align_documents`) when it is installed, and
otherwise `align_by_number`: clauses paired by their normalised number path
(`7.2(a)` ⇄ `第七条第二款第（一）项` both `("7", "2", "a")`), unnumbered
blocks by order between numbered anchors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dpa_compare.model import Alignment, Clause, Document, Link
from dpa_compare.qa.registry import Pair

if TYPE_CHECKING:
    from dpa_compare.glossary.terms import Glossary

FALLBACK_SCORER = "number-path"
"""The scorer name `align_by_number` records in `Alignment.scorers`."""


def pairs_from_alignment(alignment: Alignment) -> list[Pair]:
    """Return one `Pair` per link of `alignment`, in link order; n:m links become combined
    clauses."""
    en_index = {c.id: c for c in alignment.en.clauses}
    zh_index = {c.id: c for c in alignment.zh.clauses}
    pairs = []
    for link in alignment.links:
        en = [_clause(en_index, cid, alignment.en) for cid in link.en_ids]
        zh = [_clause(zh_index, cid, alignment.zh) for cid in link.zh_ids]
        en_clause, zh_clause = combine(en), combine(zh)
        pairs.append(
            Pair(
                en_clause,
                zh_clause,
                en_ref=_refs(en),
                zh_ref=_refs(zh),
                en_ids=tuple(link.en_ids) if len(link.en_ids) > 1 else (),
                zh_ids=tuple(link.zh_ids) if len(link.zh_ids) > 1 else (),
            )
        )
    return pairs


def _clause(index: dict[str, Clause], clause_id: str, document: Document) -> Clause:
    from dpa_compare.errors import AlignmentError

    if clause_id not in index:
        raise AlignmentError(
            f"{document.source}: the alignment names clause {clause_id!r}, which the document lacks"
        )
    return index[clause_id]


def combine(clauses: Sequence[Clause]) -> Clause | None:
    """Return None for no clause, the clause itself for one, else one clause joining their full
    texts.

    The combined clause keeps the first clause's id, label, path, level,
    parent and kind, and the first defined term found.
    """
    if not clauses:
        return None
    if len(clauses) == 1:
        return clauses[0]
    first = clauses[0]
    text = " ".join(c.full_text for c in clauses if c.full_text)
    term = next((c.term for c in clauses if c.term), None)
    return replace(first, text=text, heading="", term=term, ref=_refs(clauses))


def _refs(clauses: Sequence[Clause]) -> str:
    return " + ".join(c.citation or c.id for c in clauses) if len(clauses) > 1 else ""


def align(en: Document, zh: Document, glossary: Glossary | None = None) -> Alignment:
    """Return the clause alignment of `en` with `zh`: the project aligner when present, else
    `align_by_number`."""
    try:
        from dpa_compare.align.clause import align_documents
    except ImportError:
        return align_by_number(en, zh)
    return align_documents(en, zh, glossary=glossary)


def align_by_number(en: Document, zh: Document) -> Alignment:
    """Return an alignment pairing clauses with equal number paths, and unnumbered runs by position.

    Clauses whose path has no partner are anchored nowhere: between two
    anchors, the English and Chinese leftovers are paired in order, and the
    longer run's surplus becomes 1-0 / 0-1 links.
    """
    zh_by_path: dict[tuple[str, ...], int] = {}
    for index, clause in enumerate(zh.clauses):
        zh_by_path.setdefault(clause.path, index)
    anchors: list[tuple[int, int]] = []
    last_zh = -1
    for i, clause in enumerate(en.clauses):
        j = zh_by_path.get(clause.path)
        if j is not None and j > last_zh and _numbered(clause):
            anchors.append((i, j))
            last_zh = j
    links: list[Link] = []
    prev_i = prev_j = -1
    for i, j in [*anchors, (len(en.clauses), len(zh.clauses))]:
        links.extend(_gap(en.clauses[prev_i + 1 : i], zh.clauses[prev_j + 1 : j]))
        if i < len(en.clauses):
            links.append(
                Link(
                    (en.clauses[i].id,), (zh.clauses[j].id,), 0.9, (f"number {en.clauses[i].ref}",)
                )
            )
        prev_i, prev_j = i, j
    return Alignment(en, zh, tuple(links), (FALLBACK_SCORER,))


def _numbered(clause: Clause) -> bool:
    return bool(clause.label) and clause.kind != "paragraph"


def _gap(en: Sequence[Clause], zh: Sequence[Clause]) -> list[Link]:
    links = [
        Link((e.id,), (z.id,), 0.5, ("position",), flagged=True)
        for e, z in zip(en, zh, strict=False)
    ]
    links += [Link((e.id,), (), 0.5, ("no partner",), flagged=True) for e in en[len(zh) :]]
    links += [Link((), (z.id,), 0.5, ("no partner",), flagged=True) for z in zh[len(en) :]]
    return links


__all__ = ["FALLBACK_SCORER", "align", "align_by_number", "combine", "pairs_from_alignment"]
