"""Helpers for QA tests: clauses and pairs built straight from the model."""

from __future__ import annotations

import itertools

import pytest

from dpa_compare.model import Clause, Document
from dpa_compare.qa.registry import Pair

_ids = itertools.count(1)


def clause(
    text: str,
    lang: str = "en",
    label: str = "",
    kind: str = "clause",
    term: str | None = None,
    heading: str = "",
) -> Clause:
    """Return a top-level clause with a fresh id."""
    n = next(_ids)
    return Clause(
        id=f"{lang}-{n}",
        label=label,
        path=tuple(p for p in label.split(".") if p),
        level=0,
        parent=None,
        kind=kind,
        text=text,
        heading=heading,
        term=term,
        ref=f"Section {label}" if label and lang == "en" else label,
    )


def pair(en: str | None, zh: str | None, label: str = "", **kw: object) -> Pair:
    """Return a pair of clauses with texts `en` and `zh` (None: that side absent)."""
    return Pair(
        clause(en, "en", label, **kw) if en is not None else None,  # type: ignore[arg-type]
        clause(zh, "zh", label, **kw) if zh is not None else None,  # type: ignore[arg-type]
    )


def documents(pairs: list[Pair]) -> tuple[Document, Document]:
    """Return the English and Chinese documents the pairs come from."""
    en = Document("en.docx", "en", "", tuple(p.en for p in pairs if p.en is not None))
    zh = Document("zh.docx", "zh", "", tuple(p.zh for p in pairs if p.zh is not None))
    return en, zh


@pytest.fixture
def make_pair():  # noqa: ANN201
    return pair
