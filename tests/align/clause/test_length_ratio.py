"""The document pair's length ratio is read from whole numbered articles, not from paragraphs
that one language shifted (issue 15, held-out stand-in)."""

import dpa_compare
from dpa_compare.align.clause import ClauseAlignOptions, align_documents
from dpa_compare.align.clause.features import pair_features
from dpa_compare.align.evidence.scorers import text_length

NOTE = "(as amended in the last session)"
EN_BODIES = [
    "A fisher shall hold a licence issued by the competent authority before going to sea.",
    "A licence is valid for three years and may be renewed on application.",
    "The competent authority may revoke a licence when the holder breaks this Act.",
    "A fisher whose licence is revoked may apply again after one year.",
    "This Act takes effect on the date of its promulgation.",
]
ZH_BODIES = [
    "漁民出海前，應領有主管機關核發之執照。",
    "執照有效期間為三年，得申請展延。",
    "持照人違反本法者，主管機關得廢止其執照。",
    "執照經廢止者，得於一年後重新申請。",
    "本法自公布日施行。",
]


def _docs(tmp_path):
    en = "\n\n".join(f"### Article {n}\n\n{NOTE}\n\n{body}" for n, body in enumerate(EN_BODIES, 1))
    zh = "\n\n".join(f"### 第 {n} 條\n\n{body}" for n, body in enumerate(ZH_BODIES, 1))
    (tmp_path / "act.en.md").write_text(en + "\n", encoding="utf-8")
    (tmp_path / "act.zh.md").write_text(zh + "\n", encoding="utf-8")
    return dpa_compare.load(tmp_path / "act.en.md"), dpa_compare.load(tmp_path / "act.zh.md")


def test_the_ratio_counts_whole_articles_when_a_note_shifts_every_first_paragraph(tmp_path):
    en, zh = _docs(tmp_path)
    features = pair_features(en, zh, (), lexicon=False, embeddings=False)
    en_total = sum(text_length(f"Article {n} {NOTE} {b}", "en") for n, b in enumerate(EN_BODIES, 1))
    zh_total = sum(text_length(f"第{n}條{b}", "zh") for n, b in enumerate(ZH_BODIES, 1))
    assert abs(features.ratio - zh_total / en_total) < 0.02
    # -- the first paragraphs alone (a note against a sentence) would say about twice that --
    assert features.ratio < 0.3


def test_articles_with_a_note_the_other_language_lacks_pair_by_number(tmp_path):
    en, zh = _docs(tmp_path)
    alignment = align_documents(en, zh, ClauseAlignOptions(embeddings="off"))
    pairs = {
        (en.clause(e).ref, zh.clause(z).ref)
        for link in alignment.links
        for e in link.en_ids
        for z in link.zh_ids
    }
    assert {(f"Article {n}", f"第 {n} 條") for n in range(1, 6)} <= pairs
    assert all((f"Article {n} ¶2", f"第 {n} 條 ¶1") in pairs for n in range(1, 6)), sorted(pairs)
