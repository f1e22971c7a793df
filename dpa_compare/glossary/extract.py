"""Propose glossary entries from a translation's own defined terms (`dpa-compare glossary extract`).

Each quoted defined term of the English (a definition clause's `term`, or a
quoted term paired in order with the Chinese quoted term, as in
`(the "Provider")` ⇄ `（“提供方”）`) becomes one entry in the
`corpus/glossary.yaml` format: `en`, `defined: true`, `zh` (every Chinese
rendering the document uses for it, most frequent first) and a `note` citing
where it is defined. An English term defined with two different Chinese terms
gets a note saying so: that is an inconsistency to settle before adopting it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from dpa_compare.glossary.terms import GlossaryEntry
from dpa_compare.qa.definitions import DefinedTerm, defined_terms
from dpa_compare.qa.registry import Pair


def extract_glossary(pairs: Iterable[Pair]) -> list[GlossaryEntry]:
    """Return one proposed entry per English defined term of `pairs`, in order of first
    definition."""
    by_term: dict[str, list[DefinedTerm]] = {}
    spelling: dict[str, str] = {}
    for term in defined_terms(pairs):
        key = term.en.casefold()
        by_term.setdefault(key, []).append(term)
        spelling.setdefault(key, term.en)
    return [_entry(spelling[key], found) for key, found in by_term.items()]


def _entry(en: str, found: Sequence[DefinedTerm]) -> GlossaryEntry:
    counts = Counter(t.zh for t in found)
    renderings = tuple(zh for zh, _ in counts.most_common())
    where = ", ".join(dict.fromkeys(t.pair.en_label or t.pair.zh_label for t in found))
    how = (
        "definition"
        if any(t.how == "definition" for t in found)
        else "quoted terms paired in order"
    )
    note = f"Defined in {where} ({how})."
    if len(renderings) > 1:
        note += f" Defined in Chinese in {len(renderings)} ways: choose one."
    return GlossaryEntry(en=en, zh=renderings, note=note, defined=True)


def glossary_yaml(entries: Sequence[GlossaryEntry], header: str = "") -> str:
    """Return `entries` as YAML in the `corpus/glossary.yaml` layout (`entries:` list, one blank
    line between)."""
    import yaml

    lines = [f"# {line}".rstrip() for line in header.splitlines()] if header else []
    lines.append("entries:")
    for entry in entries:
        data: dict[str, object] = {"en": entry.en}
        if entry.variants:
            data["en_variants"] = list(entry.variants)
        data.update(
            {"defined": entry.defined, "zh": list(entry.zh), "forbidden": list(entry.forbidden)}
        )
        if entry.note:
            data["note"] = entry.note
        block = yaml.safe_dump(
            [data], allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None
        )
        lines.extend("  " + line if line else line for line in block.rstrip("\n").splitlines())
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["extract_glossary", "glossary_yaml"]
