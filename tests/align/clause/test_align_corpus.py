"""Acceptance: clause alignment against the corpus alignment keys and the Taiwan PDPA (link-level F1
= 1.0).

A link is correct when its English clause set and its Chinese clause set
both equal a key link's; precision is over the aligner's links, recall over
the key's. Key links cite clauses by `Clause.ref`.
"""

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from dpa_compare.align.clause import ClauseAlignOptions, align_documents
from dpa_compare.api import load

REPO = Path(__file__).resolve().parents[3]
KEYS = REPO / "corpus" / "keys"
TW = REPO.parent / "shared" / "data" / "real" / "tw-pdpa"
KEY_FILES = ["align-2020-05.yaml", "align-2023-03.yaml"]


def f1(system, gold):
    """Return (precision, recall, F1) of link sets `system` against `gold`."""
    hits = len(set(system) & set(gold))
    precision, recall = hits / len(system), hits / len(gold)
    return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)


EMBEDDINGS = ["auto", "off"]
"""Embeddings when installed, and none: the structure, lexicon, anchors and length must suffice."""


@lru_cache(maxsize=8)
def _key(name, embeddings="auto"):
    path = KEYS / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    key = yaml.safe_load(path.read_text(encoding="utf-8"))
    en, zh = load(REPO / "corpus" / key["en"]), load(REPO / "corpus" / key["zh"])
    return key, en, zh, align_documents(en, zh, ClauseAlignOptions(embeddings=embeddings))


def _by_ref(document):
    return {c.ref: c.id for c in document.clauses}


@pytest.mark.parametrize("name", KEY_FILES)
def test_key_cites_clauses_by_their_refs(name):
    key, en, zh, _ = _key(name)
    for side, document in (("en", en), ("zh", zh)):
        refs = _by_ref(document)
        unknown = [r for link in key["links"] for r in link[side] if r not in refs]
        assert not unknown, (
            f"{name}: {len(unknown)} {side} refs are no Clause.ref of {key[side]}: {unknown[:8]}"
        )
        cited = {r for link in key["links"] for r in link[side]}
        uncited = [c.ref for c in document.clauses if c.ref not in cited]
        assert not uncited, f"{name}: {side} clauses missing from the key: {uncited}"


@pytest.mark.parametrize("embeddings", EMBEDDINGS)
@pytest.mark.parametrize("name", KEY_FILES)
def test_corpus_alignment_matches_the_key(name, embeddings):
    key, en, zh, alignment = _key(name, embeddings)
    en_refs, zh_refs = _by_ref(en), _by_ref(zh)
    gold = [
        (tuple(en_refs.get(r, r) for r in link["en"]), tuple(zh_refs.get(r, r) for r in link["zh"]))
        for link in key["links"]
    ]
    system = [(link.en_ids, link.zh_ids) for link in alignment.links]
    precision, recall, score = f1(system, gold)
    wrong = sorted(set(system) - set(gold))[:6]
    assert score == 1.0, (
        f"{name}: P {precision:.4f} R {recall:.4f} F1 {score:.4f}; not in key: {wrong}"
    )


@pytest.mark.parametrize("embeddings", EMBEDDINGS)
def test_the_omitted_clause_of_the_2023_draft_is_a_1_0_link(embeddings):
    _, en, _, alignment = _key("align-2023-03.yaml", embeddings)
    omitted = _by_ref(en)["12.6"]
    assert ((omitted,), ()) in [(link.en_ids, link.zh_ids) for link in alignment.links]


@pytest.mark.parametrize("embeddings", EMBEDDINGS)
def test_the_split_of_the_2023_draft_is_a_1_2_link(embeddings):
    _, en, zh, alignment = _key("align-2023-03.yaml", embeddings)
    en_refs, zh_refs = _by_ref(en), _by_ref(zh)
    split = ((en_refs["13.2(c)"],), (zh_refs["13.2（三）"], zh_refs["13.2（四）"]))
    assert split in [(link.en_ids, link.zh_ids) for link in alignment.links]


needs_tw = pytest.mark.skipif(
    not (TW / "tw-pdpa.en.md").exists(), reason="../shared/data/real/tw-pdpa absent"
)
_ARTICLE_EN = re.compile(r"^Article (\d+(?:-\d+)?)$")
_ARTICLE_ZH = re.compile(r"^第 (\d+(?:-\d+)?) 條$")


@lru_cache(maxsize=2)
def _tw(embeddings="auto"):
    en, zh = load(TW / "tw-pdpa.en.md"), load(TW / "tw-pdpa.zh.md")
    return en, zh, align_documents(en, zh, ClauseAlignOptions(embeddings=embeddings))


def _descendants(document, roots):
    found, frontier = [], list(roots)
    while frontier:
        children = [c for c in document.clauses if c.parent in {r.id for r in frontier}]
        found.extend(children)
        frontier = children
    return found


@needs_tw
@pytest.mark.parametrize("embeddings", EMBEDDINGS)
def test_tw_pdpa_articles_align_article_for_article(embeddings):
    en, zh, alignment = _tw(embeddings)
    en_articles = {m.group(1): c.id for c in en.clauses if (m := _ARTICLE_EN.match(c.ref))}
    zh_articles = {m.group(1): c.id for c in zh.clauses if (m := _ARTICLE_ZH.match(c.ref))}
    assert len(en_articles) == len(zh_articles) == 57
    gold = [((en_articles[n],), (zh_articles[n],)) for n in en_articles]
    system = [
        (link.en_ids, link.zh_ids)
        for link in alignment.links
        if set(link.en_ids) & set(en_articles.values())
        or set(link.zh_ids) & set(zh_articles.values())
    ]
    assert f1(system, gold)[2] == 1.0


@needs_tw
@pytest.mark.parametrize("embeddings", EMBEDDINGS)
def test_tw_pdpa_paragraphs_align_with_their_counterparts(embeddings):
    en, zh, alignment = _tw(embeddings)
    en_under = _descendants(en, [c for c in en.clauses if _ARTICLE_EN.match(c.ref)])
    zh_under = {
        c.path: c.id for c in _descendants(zh, [c for c in zh.clauses if _ARTICLE_ZH.match(c.ref)])
    }
    assert len(en_under) == len(zh_under) == 197
    gold = [((c.id,), (zh_under[c.path],)) for c in en_under]
    ids = {c.id for c in en_under}
    system = [
        (link.en_ids, link.zh_ids)
        for link in alignment.links
        if set(link.en_ids) & ids or set(link.zh_ids) & set(zh_under.values())
    ]
    assert f1(system, gold)[2] == 1.0
