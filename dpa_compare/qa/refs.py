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
    citations_agree,
    element_keys,
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
    reference, else None."""
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
            return replace(ref, path=target.path)
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
