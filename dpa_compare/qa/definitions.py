"""The document's own defined terms: English quoted terms beside the Chinese quoted terms that
translate them.

A definition clause (`1.4 "CCPA" means …` ⇄ `1.4 “CCPA”是指……`) pairs its
defined term with the first quoted Chinese term; any pair whose English and
Chinese quote the same number of terms (`(this "DPA")`, `(the "Provider")` ⇄
`（“本附录”）`, `（“提供方”）`) pairs them in order. The glossary check accepts
these renderings for the English form they define (`this DPA` → 本附录), and
`dpa-compare glossary extract` proposes them as glossary entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dpa_compare.lang.terms import EN_QUOTED, EN_SHORT_FORM, ZH_QUOTED, ZH_SHORT_FORM
from dpa_compare.qa.registry import Pair

MAX_TERM_WORDS = 8
"""A quoted English string longer than this is a quotation, not a defined term."""


@dataclass(frozen=True)
class DefinedTerm:
    """One defined term: English `en`, Chinese `zh`, the pair defining it and how it was paired."""

    en: str
    zh: str
    pair: Pair
    # -- "definition" (a definition clause's term) or "order" (quoted terms paired in order) --
    how: str


def quoted(text: str, lang: str) -> list[str]:
    """Return the terms quoted in `text`, in order (`"Provider"`, `“提供方”`, `「個人資料」`)."""
    pattern = EN_QUOTED if lang == "en" else ZH_QUOTED
    found = [m.group(1).strip() for m in pattern.finditer(text)]
    return [t for t in found if t and (lang != "en" or _term_like(t))]


def _term_like(text: str) -> bool:
    words = text.split()
    return (
        len(words) <= MAX_TERM_WORDS
        and text[0].isalnum()
        and not text.endswith((".", ",", ";", ":"))
    )


def defined_terms(pairs: Iterable[Pair]) -> list[DefinedTerm]:
    """Return the defined terms of `pairs`, in document order, each English term once per defining
    pair."""
    found: list[DefinedTerm] = []
    for pair in pairs:
        if pair.en is None or pair.zh is None:
            continue
        en_terms, zh_terms = quoted(pair.en_text, "en"), quoted(pair.zh_text, "zh")
        is_definition = pair.en.kind == "definition" or bool(pair.en.term)
        if len(en_terms) == len(zh_terms) and en_terms:
            how = "definition" if is_definition else "order"
            found.extend(
                DefinedTerm(e, z, pair, how) for e, z in zip(en_terms, zh_terms, strict=True)
            )
        elif is_definition:
            en = (pair.en.term or (en_terms[0] if en_terms else "")).strip()
            zh = (
                pair.zh.term
                if pair.zh.term and pair.zh.term != en
                else (zh_terms[0] if zh_terms else "")
            ) or ""
            if en and zh.strip():
                found.append(DefinedTerm(en, zh.strip(), pair, "definition"))
    return found


def short_forms(pairs: Iterable[Pair]) -> list[DefinedTerm]:
    """Return the short forms a statute introduces in passing, one per pair where both languages
    have one.

    `(hereinafter referred to as “protection orders”)` ⇄ `（以下簡稱保護令）`:
    from there on the document should use that Chinese for that English.
    """
    found: list[DefinedTerm] = []
    for pair in pairs:
        if pair.en is None or pair.zh is None:
            continue
        en = [m.group(1).strip() for m in EN_SHORT_FORM.finditer(pair.en_text)]
        zh = [m.group(1).strip() for m in ZH_SHORT_FORM.finditer(pair.zh_text)]
        if en and len(en) == len(zh):
            found.extend(DefinedTerm(e, z, pair, "short form") for e, z in zip(en, zh, strict=True))
    return found


def term_renderings(pairs: Iterable[Pair]) -> dict[str, tuple[str, ...]]:
    """Return casefolded English defined term → the Chinese terms the document defines for it."""
    renderings: dict[str, list[str]] = {}
    for term in defined_terms(pairs):
        bucket = renderings.setdefault(term.en.casefold(), [])
        if term.zh not in bucket:
            bucket.append(term.zh)
    return {k: tuple(v) for k, v in renderings.items()}


__all__ = [
    "DefinedTerm",
    "MAX_TERM_WORDS",
    "defined_terms",
    "quoted",
    "short_forms",
    "term_renderings",
]
