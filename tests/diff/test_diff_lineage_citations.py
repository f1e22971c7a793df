"""`history clause` finds a clause by its citation as printed, and says which clause it took."""

from __future__ import annotations

from dataclasses import replace

from dpa_compare.api import segment
from dpa_compare.diff.lineage import clause_history, find_clause
from dpa_compare.model import Block


def _doc(lines, lang="en", version=None):
    blocks = []
    for k, line in enumerate(lines):
        level = len(line) - len(line.lstrip("#")) or None
        blocks.append(Block(text=line.lstrip("# "), location=f"line {k}", heading_level=level))
    return replace(segment(blocks, lang), version=version)


OUTLINE = [
    "## A. Definitions",
    "A.1. The Provider keeps records of each transfer.",
    "A.2. The Customer gives instructions in writing:",
    "A.2(a) by email to the support desk;",
    "A.2(a)(i) with a copy to the named contact.",
    "## B. Scope",
    "B.1. This schedule covers hosted services only.",
]


def test_printed_outline_citations_resolve():
    doc = _doc(OUTLINE)
    for citation in ("A.1", "A.1.", "a.1", "A.2(a)(i)", "A.2.a", "B.1"):
        clause = find_clause(doc, citation)
        assert clause is not None, citation
    assert doc.clause(find_clause(doc, "A.2(a)(i)")).text.startswith("with a copy")


def test_statute_citations_resolve_to_the_article_not_a_same_numbered_chapter():
    doc = _doc(
        ["## 第 三 章 附則", "### 第 3 條", "本法自公布日施行。", "### 第 3-1 條", "本法另定之。"],
        "zh",
    )
    for citation in ("第 3 條", "第3條", "3", "第三條"):
        assert doc.clause(find_clause(doc, citation)).label == "第 3 條", citation
    assert doc.clause(find_clause(doc, "3-1")).label == "第 3-1 條"


def test_history_says_which_clause_a_citation_resolved_to():
    old = _doc(OUTLINE, version="1")
    new = _doc([line.replace("records", "written records") for line in OUTLINE], version="2")
    history = clause_history([old, new], "A.1")
    assert history.resolved_label == "A.1" and history.resolved_id
    assert history.to_dict()["resolved_id"] == history.resolved_id
    assert [e.kind for e in history.events] == ["added", "modified"]


def test_a_bare_number_cites_the_article_even_when_an_item_sits_higher_in_the_outline():
    """Articles under a section are deeper than the items of an article outside any section:
    `10` still cites 第 10 條, not the tenth item of an earlier article."""
    items = [f"{n}、第{n}款之事項。" for n in "一二三四五六七八九十"]
    doc = _doc(
        [
            "### 第 1 條",
            "申報書應記載下列事項：",
            *items,
            "## 第 一 節 通則",
            "### 第 10 條",
            "本節之規定。",
        ],
        "zh",
    )
    assert doc.clause(find_clause(doc, "10")).label == "第 10 條"
