"""Structural evidence: labels across numbering styles and scripts, positions, defined terms."""

import pytest

from dpa_compare.align.clause.structure import (
    LabelValue,
    label_value,
    labels_match,
    path_value,
    propose,
    terms_match,
)
from dpa_compare.model import Clause

SAME = [
    ("7.", "第七条"),
    ("Section 7", "第七条"),
    ("Article 1-1", "第 1-1 條"),
    ("Article 28", "第二十八条"),
    ("(a)", "（一）"),
    ("(c)", "（三）"),
    ("(iv)", "（四）"),
    ("Annex 2", "附件二"),
    ("Annex 1", "附件 1"),
    ("1.", "一、"),
    ("12.", "十二、"),
    ("Chapter I", "第 一 章"),
    ("7.2", "7.2"),
]

DIFFERENT = [
    ("7.", "第八条"),
    ("(a)", "（二）"),
    ("Annex 2", "附件三"),
    ("Chapter II", "第二条"),
    ("Annex 1", "第一条"),
]


@pytest.mark.parametrize(("en", "zh"), SAME)
def test_labels_in_different_styles_and_scripts_match(en, zh):
    assert labels_match(en, zh)


@pytest.mark.parametrize(("en", "zh"), DIFFERENT)
def test_labels_with_another_number_or_role_do_not_match(en, zh):
    assert not labels_match(en, zh)


def test_label_value_reads_role_and_number():
    assert label_value("附件二", "zh") == LabelValue("annex", (2,))
    assert label_value("第 1-1 條", "zh") == LabelValue("number", (1, 1))
    assert label_value("Chapter IV", "en") == LabelValue("chapter", (4,))
    assert label_value("The Supplier shall", "en") is None


def _clause(cid, path, label="", kind="clause", term=None):
    return Clause(
        id=cid,
        label=label,
        path=path,
        level=len(path) - 1,
        parent=None,
        kind=kind,
        text="x",
        term=term,
        ref=cid,
    )


def test_path_value_reads_segmenter_paths():
    assert path_value(_clause("a", ("7", "2"))) == LabelValue("number", (2,))
    assert path_value(_clause("a", ("ch1", "1-1"))) == LabelValue("number", (1, 1))
    assert path_value(_clause("a", ("annex3", "r4"))) == LabelValue("row", (4,))
    assert path_value(_clause("a", ("annex3",))) == LabelValue("annex", (3,))
    assert path_value(_clause("a", ("p2",))) == LabelValue("para", (2,))


def test_items_pair_by_position_under_matched_parents():
    en = [_clause("7.2.a", ("7", "2", "1"), "(a)"), _clause("7.2.b", ("7", "2", "2"), "(b)")]
    zh = [_clause("7.2.1", ("7", "2", "1"), "（一）"), _clause("7.2.2", ("7", "2", "2"), "（二）")]
    assert [(p.en, p.zh) for p in propose(en, zh)] == [(0, 0), (1, 1)]
    assert propose(en, zh)[0].reason == "label 7.2.a = 7.2.1"


def test_unnumbered_paragraphs_pair_only_when_counts_agree():
    en = [
        _clause("p1", ("art1", "p1"), kind="paragraph"),
        _clause("p2", ("art1", "p2"), kind="paragraph"),
    ]
    zh_same = [
        _clause("p1", ("art1", "p1"), kind="paragraph"),
        _clause("p2", ("art1", "p2"), kind="paragraph"),
    ]
    zh_fewer = zh_same[:1]
    assert len(propose(en, zh_same)) == 2
    assert propose(en, zh_fewer) == []


def test_table_rows_pair_by_position_even_when_counts_differ():
    en = [_clause(f"r{k}", ("annex3", f"r{k}"), kind="table_row") for k in (1, 2, 3)]
    zh = [_clause(f"r{k}", ("annex3", f"r{k}"), kind="table_row") for k in (1, 2)]
    assert [(p.en, p.zh) for p in propose(en, zh)] == [(0, 0), (1, 1)]


def test_defined_terms_match_through_the_glossary_or_the_lexicon():
    glossary = [("Personal Data", "个人数据"), ("Sub-processor", "分处理者")]
    assert terms_match("Personal Data", "“个人数据”", glossary) is True
    assert terms_match("Personal Data", "分处理者", glossary) is False
    assert terms_match("Business Day", "工作日", glossary) is None
    assert terms_match("Business Day", "工作日", glossary, lambda text: {"busin", "day"}) is True
    assert terms_match("Business Day", "工作日", glossary, lambda text: {"holid"}) is False
    assert terms_match(None, "工作日", glossary) is None
