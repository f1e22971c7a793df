"""Build small `Document`s for version-comparison tests straight from the model.

Rows are `H(ref, title)` headings, `C(ref, text)` numbered clauses,
`P(text)` unnumbered paragraphs and `T(text)` table cells; a row's parent
is the nearest earlier clause whose citation is a prefix of its own (for
`P` and `T`: the last numbered row). Ids are `<prefix><n>`, so the same
text gets different ids in different documents, as it would in real files.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dpa_compare.model import Clause, Document


class Row(NamedTuple):
    kind: str
    ref: str
    heading: str
    text: str


def H(ref: str, title: str) -> Row:  # noqa: N802 -- reads like a document outline
    return Row("heading", ref, title, "")


def C(ref: str, text: str, heading: str = "") -> Row:  # noqa: N802
    return Row("list_item" if ref.endswith(")") else "clause", ref, heading, text)


def P(text: str) -> Row:  # noqa: N802
    return Row("paragraph", "", "", text)


def T(text: str) -> Row:  # noqa: N802
    return Row("table_cell", "", "", text)


def _path(ref: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[0-9A-Za-z]+", ref))


def doc(
    rows: list[Row], lang: str = "en", prefix: str = "c", source: str = "memory.md"
) -> Document:
    clauses: list[Clause] = []
    by_ref: dict[str, Clause] = {}
    last_numbered: Clause | None = None
    for n, row in enumerate(rows):
        parent: Clause | None
        if row.ref:
            path = _path(row.ref)
            parent = None
            for cut in range(len(path) - 1, 0, -1):
                parent = next(
                    (c for c in reversed(clauses) if c.path == path[:cut] and c.ref), None
                )
                if parent:
                    break
        else:
            path = (*last_numbered.path, f"p{n}") if last_numbered else (f"p{n}",)
            parent = last_numbered
        label = row.ref.rsplit(".", 1)[-1] if row.ref and not row.ref.endswith(")") else row.ref
        if row.ref.endswith(")"):
            label = "(" + row.ref.rsplit("(", 1)[-1]
        clause = Clause(
            id=f"{prefix}{n}",
            label=label,
            path=path,
            level=parent.level + 1 if parent else 0,
            parent=parent.id if parent else None,
            kind=row.kind,  # type: ignore[arg-type]
            text=row.text,
            heading=row.heading,
            ref=row.ref,
        )
        clauses.append(clause)
        if row.ref:
            by_ref[row.ref] = clause
            last_numbered = clause
    return Document(source=source, lang=lang, sha256="", clauses=tuple(clauses))  # type: ignore[arg-type]


def renumber(rows: list[Row], shift: int, start: int = 1) -> list[Row]:
    """Return `rows` with every top-level number ≥ `start` increased by `shift` (texts
    untouched)."""
    out = []
    for row in rows:
        ref = row.ref
        match = re.match(r"(\d+)(.*)", ref)
        if match and int(match.group(1)) >= start:
            ref = f"{int(match.group(1)) + shift}{match.group(2)}"
        out.append(row._replace(ref=ref))
    return out
