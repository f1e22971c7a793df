"""Corpus access for the QA acceptance tests: paths, documents, and alignments built from the
keys."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from dpa_compare.model import Alignment, Clause, Document, Link

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
SHARED = (REPO / "../shared").resolve()

_SECTION_PREFIX = re.compile(r"^第[一二三四五六七八九十百]+条\s+")


def corpus_file(relative: str) -> Path:
    """Return the corpus path `relative`; the caller skips when it does not exist."""
    return CORPUS / relative


@cache
def document(relative: str) -> Document:
    """Return the corpus document `relative` loaded and segmented (cached per test session)."""
    from dpa_compare.api import load

    path = CORPUS / relative
    return load(path, lang="zh" if ".zh." in path.name else "en", version=path.stem)


def _label_index(doc: Document) -> dict[str, Clause]:
    """Return corpus key label → clause; the v1.0 Chinese refs carry their section (`第七条 7.1` is
    `7.1`)."""
    index: dict[str, Clause] = {}
    for clause in doc.clauses:
        for label in (clause.ref, _SECTION_PREFIX.sub("", clause.ref)):
            index.setdefault(label, clause)
    return index


def key_alignment(key: str) -> Alignment:
    """Return the gold alignment of `keys/<key>` over the documents it names.

    Clauses the key does not mention (a table's header row, which the key does
    not count as a clause) are paired in order between the linked clauses.
    """
    data = yaml.safe_load((CORPUS / "keys" / key).read_text(encoding="utf-8"))
    en, zh = document(data["en"]), document(data["zh"])
    en_index, zh_index = _label_index(en), _label_index(zh)
    links = [
        Link(tuple(en_index[label].id for label in link["en"] or ()),
             tuple(zh_index[label].id for label in link["zh"] or ()), 1.0, ("key",))
        for link in data["links"]
    ]  # fmt: skip
    linked_en = {cid for link in links for cid in link.en_ids}
    linked_zh = {cid for link in links for cid in link.zh_ids}
    spare_en = [c.id for c in en.clauses if c.id not in linked_en]
    spare_zh = [c.id for c in zh.clauses if c.id not in linked_zh]
    links += [Link((e,), (z,), 1.0, ("unkeyed",)) for e, z in zip(spare_en, spare_zh, strict=False)]
    order = {c.id: i for i, c in enumerate(en.clauses)}
    zh_order = {c.id: i for i, c in enumerate(zh.clauses)}
    links.sort(
        key=lambda link: (
            order[link.en_ids[0]] if link.en_ids else _after(link, links, zh_order, order)
        )
    )
    alignment = Alignment(en, zh, tuple(links), ("key",))
    alignment.check_cover()
    return alignment


def _after(
    link: Link, links: list[Link], zh_order: dict[str, int], en_order: dict[str, int]
) -> float:
    """Return a sort position for a 0-n link: just after the English of the link before its
    Chinese."""
    position = zh_order[link.zh_ids[0]]
    before = [
        other
        for other in links
        if other.en_ids and other.zh_ids and zh_order[other.zh_ids[-1]] < position
    ]
    return max((en_order[other.en_ids[-1]] for other in before), default=-1) + 0.5


def resolve(doc: Document, label: str) -> Clause:
    """Return the clause of `doc` that corpus keys call `label`."""
    return _label_index(doc)[label]


__all__ = ["CORPUS", "REPO", "SHARED", "corpus_file", "document", "key_alignment", "resolve"]
