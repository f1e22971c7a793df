"""Acceptance on real documents kept in ../shared (skipped when it is absent)."""

import re
from pathlib import Path

import pytest

from dpa_compare import load
from dpa_compare.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = SHARED / "data" / "real"
TW = REAL / "tw-pdpa"
MISTRAL = REAL / "mistral-dpa"

needs_tw = pytest.mark.skipif(
    not (TW / "tw-pdpa.en.md").exists(), reason="../shared/data/real/tw-pdpa absent"
)
needs_mistral = pytest.mark.skipif(
    not MISTRAL.is_dir(), reason="../shared/data/real/mistral-dpa absent"
)


def _descendants(document: Document, clause_id: str) -> int:
    children = document.children(clause_id)
    return len(children) + sum(_descendants(document, c.id) for c in children)


@pytest.fixture(scope="module")
def tw_pair() -> tuple[Document, Document]:
    return load(TW / "tw-pdpa.en.md", lang="en"), load(TW / "tw-pdpa.zh.md", lang="zh")


@needs_tw
def test_tw_pdpa_chapters_and_articles(tw_pair):
    for document, article_label, chapter_word in zip(
        tw_pair, (r"Article \d+(-\d+)?", r"第 \d+(-\d+)? 條"), ("Chapter", "章"), strict=True
    ):
        chapters = [c for c in document.clauses if c.id.startswith("ch") and c.kind == "heading"]
        articles = [c for c in document.clauses if c.id.startswith("art") and c.kind == "clause"]
        assert len(chapters) == 6
        assert all(chapter_word in c.label for c in chapters)
        assert len(articles) == 57
        assert all(re.fullmatch(article_label, c.label) for c in articles)
        assert "art1-1" in {c.id for c in articles}
        assert all(c.parent in {ch.id for ch in chapters} for c in articles)
        assert sum(_descendants(document, a.id) for a in articles) == 197


@needs_tw
def test_tw_pdpa_articles_match_across_languages(tw_pair):
    en_doc, zh_doc = tw_pair
    en_articles = {
        c.id: _descendants(en_doc, c.id)
        for c in en_doc.clauses
        if c.id.startswith("art") and c.level == 1
    }
    zh_articles = {
        c.id: _descendants(zh_doc, c.id)
        for c in zh_doc.clauses
        if c.id.startswith("art") and c.level == 1
    }
    assert en_articles == zh_articles
    assert (
        en_doc.clause("art1-1").label == "Article 1-1"
        and zh_doc.clause("art1-1").label == "第 1-1 條"
    )
    assert [c.id for c in en_doc.clauses] == [c.id for c in zh_doc.clauses]


@needs_tw
def test_tw_pdpa_definitions_and_refs(tw_pair):
    en_doc, zh_doc = tw_pair
    assert en_doc.clause("art2.1").term == "personal data"
    assert zh_doc.clause("art2.1").term == "個人資料"
    assert zh_doc.clause("art8.p2.1").ref == "第 8 條 ¶2 一、"
    assert en_doc.clause("art1-1.p2").ref == "Article 1-1 ¶2"


@needs_tw
def test_json_round_trip_of_a_real_document(tw_pair):
    for document in tw_pair:
        assert Document.from_json(document.to_json()) == document


def _mistral_files() -> list[Path]:
    return sorted(MISTRAL.glob("*.md")) if MISTRAL.is_dir() else []


@needs_mistral
@pytest.mark.parametrize("path", _mistral_files(), ids=lambda p: p.name)
def test_mistral_section_numbers_become_labels(path):
    document = load(path, lang="en")
    printed = re.findall(
        r"^(?:#+ )?(\d{1,2}(?:\\?\.\d{1,2})*\\?\.?) [A-Z]", path.read_text(encoding="utf-8"), re.M
    )
    labels = [c.label for c in document.clauses if c.label]
    for number in printed:
        assert number.replace("\\", "") in labels, number
    definitions = next(c for c in document.clauses if c.label == "1.")
    assert definitions.heading == "Definitions" and definitions.parent is None
    ids = [c.id for c in document.clauses]
    assert len(ids) == len(set(ids))


@needs_mistral
@pytest.mark.parametrize("path", _mistral_files(), ids=lambda p: p.name)
def test_mistral_has_no_junk_numbered_clauses(path):
    document = load(path, lang="en")
    for clause in document.clauses:
        if clause.label and clause.kind in ("clause", "heading"):
            assert clause.heading or clause.text or document.children(clause.id), clause
            assert not clause.label.startswith(("!", "[", "|", "<")), clause
        assert "](" not in clause.full_text and not clause.full_text.startswith(("* ", "#"))
