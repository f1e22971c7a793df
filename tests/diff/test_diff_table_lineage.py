"""`history clause` on a table row: a row replaced by another company starts a new lineage.

A replaced sub-processor is deleted + added in the diff (rows are matched by
their first cell); the history of the new row must not reach back into the
row it replaced, and the old row's history must end in `deleted`.
"""

from __future__ import annotations

from dataclasses import replace

from dpa_compare.api import load
from dpa_compare.diff.lineage import clause_history, find_clause


def _table(rows: list[str]) -> str:
    lines = ["# Sub-processor List", "", "## 1. Sub-processors", "",
             "| Name | Location | Purpose |", "| --- | --- | --- |", *rows]  # fmt: skip
    return "\n".join(lines) + "\n"


ROW_KEPT = "| Northwind Mail | United States | transactional email delivery |"
ROW_OLD = "| Quillstone | United States | customer messaging |"
ROW_NEW = "| Brightpath | United States | customer messaging |"
ROW_EDITED = "| Brightpath | Canada | customer messaging |"


def _versions(tmp_path):
    texts = [[ROW_KEPT, ROW_OLD], [ROW_KEPT, ROW_NEW], [ROW_KEPT, ROW_EDITED]]
    docs = []
    for k, rows in enumerate(texts, 1):
        path = tmp_path / f"v{k}.md"
        path.write_text(_table(rows), "utf-8")
        docs.append(replace(load(path), version=f"v{k}"))
    return docs


def _row_citation(document, name: str) -> str:
    clause = next(c for c in document.clauses if c.text.startswith(name))
    return clause.ref


def test_the_replacing_row_starts_its_own_lineage(tmp_path):
    versions = _versions(tmp_path)
    citation = _row_citation(versions[2], "Brightpath")
    history = clause_history(versions, citation)
    assert [(e.version, e.kind) for e in history.events] == [("v2", "added"), ("v3", "modified")]


def test_the_replaced_row_ends_deleted(tmp_path):
    versions = _versions(tmp_path)
    citation = _row_citation(versions[0], "Quillstone")
    assert find_clause(versions[0], citation) is not None
    history = clause_history(versions, citation, at="v1")
    assert [(e.version, e.kind) for e in history.events] == [("v1", "added"), ("v2", "deleted")]
