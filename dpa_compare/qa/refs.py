"""Cross-references for QA: the one grammar of `lang.citations`, plus label parsing and renumbering.

A reference is a `Citation` (kind `clause`, `chapter`, `annex` or
`relative`, and a path of number elements); see `dpa_compare.lang.citations`
for the forms read. This module adds what QA needs on top: reading a clause
label as a citation and translating an English citation through the
alignment's label map after renumbering.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from dpa_compare.lang.citations import (
    Citation,
    canonical_element,
    citations_agree,
    element_keys,
    find_all_citations,
    find_citations,
    paths_agree,
)

Ref = Citation
RefKind = str

find_refs = find_citations
refs_agree = citations_agree


@lru_cache(maxsize=4096)
def parse_label(label: str) -> Ref | None:
    """Return `label` (`5.2`, `Section 5.2`, `第五条第二款`, `Annex 2`, `附件二`) read as a
    reference, else None.

    A segmenter's label names the whole path of its clause: `Article 7 ¶2 2`
    and `第 7 條 ¶2 三、` (item 2 of paragraph 2 of article 7) read as 7.2.2, so a label
    map entry for an item is never taken for one of its paragraph. The citation that opens
    the label is read with both grammars (a Chinese label may carry `¶2`); the list
    numbers after it extend its path.
    """
    text = label.strip()
    refs = find_all_citations(text)
    if refs and not text[: refs[0].start].strip(" #*"):
        head = refs[0]
        tail = tuple(canonical_element(p) for p in _LABEL_TAIL.split(text[head.end :]) if p)
        if tail and all(element_keys(p) for p in tail):
            return replace(head, path=head.path + tail, text=text, end=len(text))
        return head
    parts = tuple(p for p in re.split(r"[.()\s（）]+", text) if p)
    if parts and all(element_keys(p) for p in parts):
        return Ref("clause", parts, text, 0, len(text))
    return None


_LABEL_TAIL = re.compile(r"[\s¶.()（）、．]+")
"""What separates the list numbers after a label's citation (`¶2 三、（三）`)."""


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
            return replace(ref, kind=target.kind, path=target.path)
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
