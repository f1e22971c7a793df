"""Clause alignment on small built documents: 1-1, merges, splits, omissions, additions, statutes,
tables."""

import numpy as np
import pytest

import dpa_compare
from dpa_compare.align.clause import ClauseAlignOptions, align_documents, link_refs, link_text
from dpa_compare.align.evidence import embeddings
from dpa_compare.api import segment
from dpa_compare.errors import UsageError
from dpa_compare.model import Block

OFF = ClauseAlignOptions(embeddings="off")

EN = {
    "h1": "1. Scope",
    "1.1": "1.1 This Addendum applies to personal data processed by the Supplier for the Customer.",
    "1.2": (
        "1.2 The Supplier shall process personal data only on written instructions from the "
        "Customer."
    ),
    "h2": "2. Security",
    "2.1": "2.1 The Supplier shall encrypt all personal data with AES-256.",
    "2.2": "2.2 The Supplier shall notify the Customer of a security breach within 48 hours.",
    "2.3": "2.3 The Supplier shall keep a record of every security incident for 12 months.",
    "2.4": "2.4 The Customer may audit the Supplier once a year at its own cost.",
    "h3": "3. Term",
    "3.1": "3.1 This Addendum ends on 31 December 2030.",
}
ZH = {
    "h1": "1. 范围",
    "1.1": "1.1 本附录适用于供应商为客户处理的个人数据。",
    "1.2": "1.2 供应商仅应根据客户的书面指示处理个人数据。",
    "h2": "2. 安全",
    "2.1": "2.1 供应商应使用AES-256加密全部个人数据。",
    "2.2": "2.2 供应商应在48小时内将安全违规通知客户。",
    "2.3": "2.3 供应商应将每一安全事件的记录保存12个月。",
    "2.4": "2.4 客户可每年一次自费审计供应商。",
    "h3": "3. 期限",
    "3.1": "3.1 本附录于2030年12月31日终止。",
}


def _doc(lines, lang):
    blocks = [
        Block(
            text=line,
            location=f"line {k}",
            heading_level=2
            if line.split()[0].endswith(".")
            and line.split()[0].count(".") == 1
            and line.split()[0][:-1].isdigit()
            else None,
        )
        for k, line in enumerate(lines, 1)
    ]
    return segment(blocks, lang, source=f"built.{lang}")


def _align(en_lines, zh_lines, options=OFF):
    alignment = align_documents(_doc(en_lines, "en"), _doc(zh_lines, "zh"), options)
    alignment.check_cover()
    return alignment


def _pairs(alignment):
    return [
        (
            "+".join(link_refs(alignment, link, "en")) or "-",
            "+".join(link_refs(alignment, link, "zh")) or "-",
        )
        for link in alignment.links
    ]


def test_a_faithful_translation_aligns_one_to_one_with_high_confidence():
    alignment = _align(list(EN.values()), list(ZH.values()))
    assert _pairs(alignment) == [
        (ref, ref) for ref in ("1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1")
    ]
    assert all(
        link.shape == "1-1" and not link.flagged and link.confidence > 0.6
        for link in alignment.links
    )
    assert alignment.scorers[:4] == ("structure", "terms", "anchors", "length")
    first = alignment.links[5]
    assert "label 2.2 = 2.2" in first.evidence and any(
        e.startswith("anchors 48") for e in first.evidence
    )


def test_two_english_clauses_merged_into_one_chinese_clause_make_a_2_1_link():
    zh = dict(ZH)
    zh["2.2"] = "2.2 供应商应在48小时内将安全违规通知客户，并应将每一安全事件的记录保存12个月。"
    zh["2.3"] = "2.3 客户可每年一次自费审计供应商。"
    del zh["2.4"]
    pairs = _pairs(_align(list(EN.values()), list(zh.values())))
    assert ("2.2+2.3", "2.2") in pairs
    assert ("2.4", "2.3") in pairs


def test_one_english_clause_split_into_two_chinese_clauses_makes_a_1_2_link():
    pairs = _pairs(_align(*_split_pair()))
    assert ("2.2", "2.2+2.3") in pairs
    assert ("2.3", "2.4") in pairs and ("2.4", "2.5") in pairs


def test_an_omitted_clause_stays_visible_as_1_0_and_is_not_glued_to_a_neighbour():
    zh = {k: v for k, v in ZH.items() if k != "2.3"}
    alignment = _align(list(EN.values()), list(zh.values()))
    pairs = _pairs(alignment)
    assert ("2.3", "-") in pairs
    assert ("2.2", "2.2") in pairs and ("2.4", "2.4") in pairs
    omitted = next(link for link in alignment.links if link.shape == "1-0")
    assert omitted.evidence == ("no Chinese counterpart",)


def test_an_omission_that_shifts_the_labels_is_found_by_content_not_by_numbers():
    zh = {k: v for k, v in ZH.items() if k != "2.3"}
    zh["2.4"] = "2.3 客户可每年一次自费审计供应商。"
    pairs = _pairs(_align(list(EN.values()), list(zh.values())))
    assert ("2.3", "-") in pairs
    assert ("2.4", "2.3") in pairs
    assert ("2.3", "2.3") not in pairs


def test_an_added_chinese_clause_is_a_0_1_link():
    zh = dict(ZH)
    zh["2.5"] = "2.5 供应商不得向任何第三方出售个人数据。"
    zh = {
        k: zh[k] for k in ("h1", "1.1", "1.2", "h2", "2.1", "2.2", "2.3", "2.4", "2.5", "h3", "3.1")
    }
    alignment = _align(list(EN.values()), list(zh.values()))
    pairs = _pairs(alignment)
    assert ("-", "2.5") in pairs
    assert [p for p in pairs if p[0] != "-"] == [
        (r, r) for r in ("1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1")
    ]


# -- a clause with no counterpart beside one on the same topic (audits, payment): it shares words
#    with the
#    neighbour's counterpart but translates nothing of it the neighbour does not, so it is no part
# of a split --
OPTIONS = pytest.mark.parametrize(
    "options", [OFF, ClauseAlignOptions()], ids=["embeddings off", "embeddings auto"]
)
AUDIT_ORDER = ("h1", "1.1", "1.2", "h2", "2.1", "2.2", "2.3", "2.4", "2.5", "h3", "3.1")
AUDIT_EN = (
    "2.5 The Customer may audit the Supplier at any time and may ask the Supplier for its audit "
    "reports."
)
AUDIT_ZH = "2.5 客户可随时审计供应商，并可要求供应商提供其审计报告。"
PAY_EN = [
    "1. Fees",
    "1.1 The Supplier shall host the data.",
    "1.2 The Customer shall pay the fees.",
]
PAY_ZH = [
    "1. 费用",
    "1.1 供应商应托管数据。",
    "1.2 客户应支付费用。",
    "1.3 客户应按时付款并承担税费。",
]


def _section_2(pairs):
    return [p for p in pairs if p[0].startswith("2") or p[1].startswith("2")]


@OPTIONS
def test_an_added_chinese_clause_beside_a_similar_one_is_a_0_1_link_not_a_split(options):
    zh = {**ZH, "2.5": AUDIT_ZH}
    pairs = _pairs(_align(list(EN.values()), [zh[k] for k in AUDIT_ORDER], options))
    assert _section_2(pairs) == [(r, r) for r in ("2", "2.1", "2.2", "2.3", "2.4")] + [("-", "2.5")]


@OPTIONS
def test_an_omitted_english_clause_beside_a_similar_one_is_a_1_0_link_not_a_merge(options):
    en = {**EN, "2.5": AUDIT_EN}
    pairs = _pairs(_align([en[k] for k in AUDIT_ORDER], list(ZH.values()), options))
    assert _section_2(pairs) == [(r, r) for r in ("2", "2.1", "2.2", "2.3", "2.4")] + [("2.5", "-")]


@OPTIONS
def test_a_short_added_clause_on_the_same_payment_stays_unaligned(options):
    # -- the Chinese 1.3 repeats "customer" and "pay" of 1.2 and adds "on time" and "taxes", which
    #    the English lacks --
    assert _pairs(_align(PAY_EN, PAY_ZH, options)) == [
        ("1", "1"),
        ("1.1", "1.1"),
        ("1.2", "1.2"),
        ("-", "1.3"),
    ]
    en = [*PAY_EN, "1.3 The Customer shall pay on time and bear all taxes."]
    assert _pairs(_align(en, PAY_ZH[:3], options)) == [
        ("1", "1"),
        ("1.1", "1.1"),
        ("1.2", "1.2"),
        ("1.3", "-"),
    ]


def test_the_qa_check_reports_a_clause_added_or_omitted_beside_a_similar_one():
    en, zh = (
        _doc(list(EN.values()), "en"),
        _doc([{**ZH, "2.5": AUDIT_ZH}[k] for k in AUDIT_ORDER], "zh"),
    )
    added = [
        (f.check, f.zh_label)
        for f in dpa_compare.check_translation(en, zh).findings
        if f.check in ("addition", "omission")
    ]
    assert added == [("addition", "2.5")]
    en, zh = (
        _doc([{**EN, "2.5": AUDIT_EN}[k] for k in AUDIT_ORDER], "en"),
        _doc(list(ZH.values()), "zh"),
    )
    omitted = [
        (f.check, f.en_label)
        for f in dpa_compare.check_translation(en, zh).findings
        if f.check in ("addition", "omission")
    ]
    assert omitted == [("omission", "2.5")]


def test_statute_articles_and_their_paragraphs_align_across_numbering_styles():
    en = [
        "Chapter I General Provisions",
        "Article 1",
        "This Act governs the collection of personal data.",
        "Article 2",
        "The terms used in this Act are defined as follows:",
        '1. "personal data" means the name and date of birth of a natural person;',
        '2. "file" means a set of personal data stored in a structured form.',
        "A government agency shall keep its files for 5 years.",
    ]
    zh = [
        "第 一 章 總則",
        "第 1 條",
        "為規範個人資料之蒐集，制定本法。",
        "第 2 條",
        "本法用詞，定義如下：",
        "一、個人資料：指自然人之姓名及出生年月日。",
        "二、檔案：指以結構化形式儲存之個人資料之集合。",
        "公務機關應保存其檔案5年。",
    ]
    alignment = align_documents(
        segment(
            [
                Block(t, f"line {k}", heading_level=2 if k == 1 else None)
                for k, t in enumerate(en, 1)
            ],
            "en",
        ),
        segment(
            [
                Block(t, f"line {k}", heading_level=2 if k == 1 else None)
                for k, t in enumerate(zh, 1)
            ],
            "zh",
        ),
        OFF,
    )
    pairs = _pairs(alignment)
    assert ("Chapter I", "第 一 章") in pairs
    assert ("Article 1", "第 1 條") in pairs and ("Article 2", "第 2 條") in pairs
    assert ("Article 2 1", "第 2 條 一、") in pairs and ("Article 2 2", "第 2 條 二、") in pairs
    assert len(alignment.links) == len(alignment.en.clauses) == len(alignment.zh.clauses)


def test_table_rows_align_by_position_and_content():
    en = [
        "Annex 3 Sub-processors",
        "| Name | Location |",
        "| Nimbus Ltd | Ireland |",
        "| Corvid Inc | Japan |",
    ]
    zh = ["附件三 分处理者", "| 名称 | 地点 |", "| Nimbus Ltd | 爱尔兰 |", "| Corvid Inc | 日本 |"]

    def table(lines, lang):
        blocks = [Block(lines[0], "line 1", heading_level=2)]
        for row, line in enumerate(lines[1:], 1):
            cells = [c.strip() for c in line.strip("|").split("|")]
            blocks.extend(
                Block(
                    c,
                    f"table 1 row {row} cell {col}",
                    kind="table_cell",
                    cell=(1, row, col),
                    header=row == 1,
                )
                for col, c in enumerate(cells, 1)
            )
        return segment(blocks, lang)

    alignment = align_documents(table(en, "en"), table(zh, "zh"), OFF)
    assert _pairs(alignment) == [
        ("Annex 3", "附件三"),
        ("Annex 3 header", "附件三 header"),
        ("Annex 3 row 1", "附件三 row 1"),
        ("Annex 3 row 2", "附件三 row 2"),
    ]
    assert link_text(alignment, alignment.links[2], "zh") == "Nimbus Ltd | 爱尔兰"


def test_an_empty_chinese_document_leaves_every_english_clause_unaligned():
    alignment = align_documents(_doc(list(EN.values()), "en"), segment([], "zh"), OFF)
    assert [link.shape for link in alignment.links] == ["1-0"] * len(EN)


def test_glossary_entries_count_as_lexical_evidence():
    class Entry:
        en, en_variants, zh = "Supplier", ("Suppliers",), ("供应商",)

    alignment = align_documents(
        _doc(list(EN.values()), "en"),
        _doc(list(ZH.values()), "zh"),
        ClauseAlignOptions(embeddings="off", lexicon=False),
        glossary=[Entry()],
    )
    assert "lexicon:glossary" in alignment.scorers
    assert _pairs(alignment)[4] == ("2.1", "2.1")


def test_an_unrelated_clause_under_the_same_number_is_not_a_confident_link():
    zh = dict(ZH)
    zh["2.4"] = "2.4 双方应友好协商解决争议。"
    alignment = _align(list(EN.values()), list(zh.values()))
    en_id = alignment.en.clauses[[c.ref for c in alignment.en.clauses].index("2.4")].id
    link = next(link for link in alignment.links if en_id in link.en_ids)
    assert link.shape == "1-0" or link.flagged
    assert link.confidence < min(
        x.confidence for x in alignment.links if x.shape == "1-1" and en_id not in x.en_ids
    )


# -- the same numbering, other content: a kitchen notice, nothing of the addendum in it --
UNRELATED_ZH = {
    "h1": "1. 开放时间",
    "1.1": "1.1 公共厨房每天早上七点开门，晚上十点关门。",
    "1.2": "1.2 节假日的开放时间另行张贴在门口。",
    "h2": "2. 使用规则",
    "2.1": "2.1 做饭前请先洗手，并系好围裙。",
    "2.2": "2.2 炉灶使用完毕后必须关闭燃气阀门。",
    "2.3": "2.3 冰箱里的食物请贴上姓名和日期。",
    "2.4": "2.4 水槽里不要留下没洗的碗筷。",
    "h3": "3. 清洁",
    "3.1": "3.1 每周六上午由住户轮流打扫地面和灶台。",
}
GARDEN_SECTION = {
    "h2": "2. 浇水",
    "2.1": "2.1 夏季早晚各浇一次水，冬季两三天浇一次。",
    "2.2": "2.2 淘米水发酵后可以稀释使用，作为温和的液体肥料。",
    "2.3": "2.3 施肥宜薄肥勤施，避免烧根。",
    "2.4": "2.4 叶片发黄多半是浇水过多造成的。",
}


@pytest.mark.parametrize(
    "options", [OFF, ClauseAlignOptions()], ids=["embeddings off", "embeddings auto"]
)
def test_an_unrelated_document_numbered_alike_leaves_every_link_flagged_or_unaligned(options):
    # -- every number agrees, so the structure pairs them all; no content agrees, so none is
    #    confident --
    alignment = _align(list(EN.values()), list(UNRELATED_ZH.values()), options)
    assert all(link.flagged or not (link.en_ids and link.zh_ids) for link in alignment.links)
    assert max(link.confidence for link in alignment.links if link.en_ids and link.zh_ids) < 0.5


@pytest.mark.parametrize(
    "options", [OFF, ClauseAlignOptions()], ids=["embeddings off", "embeddings auto"]
)
def test_a_section_replaced_by_unrelated_text_is_flagged_and_its_neighbours_are_not(options):
    zh = {**ZH, **GARDEN_SECTION}
    alignment = _align(list(EN.values()), list(zh.values()), options)
    flagged = {
        en for (en, _), link in zip(_pairs(alignment), alignment.links, strict=True) if link.flagged
    }
    assert {"2", "2.1", "2.2", "2.3", "2.4"} <= flagged
    assert not flagged & {"1", "1.1", "1.2"}


def test_two_documents_in_one_language_are_a_usage_error():
    # -- two English files used to align as if one were Chinese, and `stale` reported the noise --
    english = _doc(list(EN.values()), "en")
    with pytest.raises(
        UsageError, match="is in English, but the Chinese side of an alignment was expected"
    ):
        align_documents(english, _doc(list(EN.values()), "en"), OFF)
    with pytest.raises(UsageError, match="is in Chinese, but the English side"):
        align_documents(_doc(list(ZH.values()), "zh"), _doc(list(ZH.values()), "zh"), OFF)


def test_embeddings_on_without_the_package_is_a_usage_error(monkeypatch):
    monkeypatch.setattr(embeddings, "available", lambda: False)
    with pytest.raises(UsageError, match="not installed"):
        align_documents(
            _doc(list(EN.values()), "en"),
            _doc(list(ZH.values()), "zh"),
            ClauseAlignOptions(embeddings="on"),
        )


def _split_pair():
    en = dict(EN)
    en["2.2"] = (
        "2.2 The Supplier shall notify the Customer of a security breach within 48 hours and shall "
        "describe in the notice the categories and approximate number of data subjects concerned."
    )
    zh = dict(ZH)
    zh["2.2"] = "2.2 供应商应在48小时内将安全违规通知客户。"
    zh["2.3"] = "2.3 供应商应在通知中说明所涉数据主体的类别和大致数量。"
    zh["2.4"] = "2.4 供应商应将每一安全事件的记录保存12个月。"
    zh["2.5"] = "2.5 客户可每年一次自费审计供应商。"
    return list(en.values()), [
        zh[k] for k in ("h1", "1.1", "1.2", "h2", "2.1", "2.2", "2.3", "2.4", "2.5", "h3", "3.1")
    ]


@pytest.fixture
def fake_encoder(monkeypatch):
    """Stand in for the embedding package: record every text encoded, return vectors from the
    anchors."""
    encoded = []

    def embed(texts, threads=2):
        encoded.extend(texts)
        out = np.zeros((len(texts), embeddings.DIM), dtype=np.float32)
        for k, text in enumerate(texts):
            for ch in text:
                out[k, ord(ch) % 97] += 1.0
            out[k] /= max(float(np.linalg.norm(out[k])), 1e-9)
        return out

    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", embed)
    return encoded


def test_a_faithful_translation_is_accepted_on_structure_without_encoding_a_clause(fake_encoder):
    alignment = _align(list(EN.values()), list(ZH.values()), ClauseAlignOptions(embeddings="on"))
    assert _pairs(alignment) == [
        (ref, ref) for ref in ("1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1")
    ]
    assert fake_encoder == []
    assert not any(name.startswith("embeddings:") for name in alignment.scorers)


def test_only_the_doubtful_stretch_and_a_baseline_sample_are_encoded(fake_encoder):
    en, zh = _split_pair()
    alignment = _align(en, zh, ClauseAlignOptions(embeddings="on"))
    assert ("2.2", "2.2+2.3") in _pairs(alignment)
    assert alignment.scorers[-1].startswith("embeddings:")
    assert 0 < len(fake_encoder) <= len(en) + len(zh)
    assert len(set(fake_encoder)) == len(fake_encoder), "a clause was encoded twice"
    split = next(link for link in alignment.links if link.shape == "1-2")
    assert any(e.startswith("embedding ") for e in split.evidence)


def test_a_split_whose_parts_share_the_english_wording_makes_a_1_2_link():
    en, zh = list(EN.values()), dict(ZH)
    en[6] = (
        "2.3 The Supplier shall keep a record of every security incident and of every request of "
        "a data subject for 12 months."
    )
    zh["2.3"] = "2.3 供应商应将每一安全事件的记录保存12个月。"
    zh["2.3b"] = "2.4 供应商应将数据主体每一请求的记录保存12个月。"
    zh["2.4"] = "2.5 客户可每年一次自费审计供应商。"
    order = ("h1", "1.1", "1.2", "h2", "2.1", "2.2", "2.3", "2.3b", "2.4", "h3", "3.1")
    pairs = _pairs(_align(en, [zh[k] for k in order]))
    assert ("2.3", "2.3+2.4") in pairs
    assert ("-", "2.4") not in pairs


def test_accepted_links_carry_their_evidence_and_a_margin():
    alignment = _align(list(EN.values()), list(ZH.values()))
    for link in alignment.links:
        assert link.evidence[0].startswith(("label", "parent"))
        assert link.evidence[-1].startswith("margin ")
        assert any(e.startswith("lexicon ") for e in link.evidence)


def test_embeddings_are_used_and_named_when_installed():

    if not embeddings.available():
        pytest.skip(f"{embeddings.PACKAGE} not installed")
    en, zh = _split_pair()
    alignment = _align(en, zh, ClauseAlignOptions(embeddings="on"))
    assert alignment.scorers[-1] == f"embeddings:{embeddings.PACKAGE}-{embeddings.version()}"
    assert ("2.2", "2.2+2.3") in _pairs(alignment)
