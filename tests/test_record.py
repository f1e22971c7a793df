"""The comparison record: each stage computed once, on first use, as the stage functions do it."""

from pathlib import Path

import pytest

import dpa_compare
import dpa_compare.align.clause as clause_aligner
import dpa_compare.diff as diff_package
from dpa_compare.errors import UsageError
from dpa_compare.qa.review import check_documents
from dpa_compare.record import Comparison, Options, compare
from dpa_compare.stale import stale_report

# -- our own sentences, in the pattern of a short processing addendum --
OLD_EN = """# Processing Terms

## 1. Scope

1.1 These terms apply to every service the Supplier provides to the Client.

1.2 The Supplier keeps client data for 30 days after the service ends.

## 2. Security

2.1 The Supplier encrypts client data at rest and in transit.

2.2 The Supplier reports a breach within 72 hours, as clause 1.2 allows.
"""

NEW_EN = OLD_EN.replace("30 days", "45 days").replace("72 hours", "48 hours")

OLD_ZH = """# 处理条款

## 1. 范围

1.1 本条款适用于供应商向客户提供的每项服务。

1.2 供应商在服务结束后保留客户数据30天。

## 2. 安全

2.1 供应商对静态和传输中的客户数据进行加密。

2.2 供应商在72小时内报告违规事件，如第1.2条所允许。
"""

NEW_ZH = OLD_ZH.replace("30天", "45天")


@pytest.fixture
def documents(tmp_path: Path) -> dict[str, dpa_compare.Document]:
    """Return the four versions, loaded from files written under `tmp_path`."""
    texts = {"old_en": OLD_EN, "new_en": NEW_EN, "old_zh": OLD_ZH, "new_zh": NEW_ZH}
    loaded = {}
    for name, text in texts.items():
        path = tmp_path / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        loaded[name] = dpa_compare.load(path, lang=name[-2:], version=name)
    return loaded


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Count calls of the clause aligner and of the version diff, wherever they are made from."""
    counted = {"align": 0, "diff": 0}
    real_align, real_diff = clause_aligner.align_documents, diff_package.diff

    def align(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        counted["align"] += 1
        return real_align(*args, **kwargs)

    def diff(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        counted["diff"] += 1
        return real_diff(*args, **kwargs)

    monkeypatch.setattr(clause_aligner, "align_documents", align)
    monkeypatch.setattr(diff_package, "diff", diff)
    monkeypatch.setattr("dpa_compare.stale.diff", diff)
    monkeypatch.setattr("dpa_compare.diff.match.diff", diff)
    return counted


def test_nothing_is_computed_until_a_part_is_read(documents, calls):
    record = compare(documents["new_en"], documents["new_zh"], documents["old_en"])
    assert isinstance(record, Comparison)
    assert calls == {"align": 0, "diff": 0}


def test_the_record_aligns_once_for_alignment_stale_and_qa(documents, calls):
    record = compare(documents["new_en"], documents["old_zh"], previous_en=documents["old_en"])
    assert record.alignment is record.current_alignment
    assert record.stale.rows and record.qa.pairs and record.alignment.links
    assert calls["align"] == 1
    assert calls["diff"] == 1  # -- the English versions; no previous Chinese, no Chinese diff --


def test_a_previous_translation_adds_one_alignment_and_one_diff_shared_by_stale_and_qa(
    documents, calls
):
    record = compare(
        documents["new_en"], documents["new_zh"], documents["old_en"], documents["old_zh"]
    )
    assert record.qa.pairs and record.stale.rows and record.qa.pairs
    assert calls == {"align": 2, "diff": 2}
    assert record.current_alignment is not record.alignment


def test_check_does_not_compute_the_version_diff(documents, calls):
    result = compare(documents["new_en"], documents["new_zh"]).qa
    assert result.pairs
    assert calls == {"align": 1, "diff": 0}


def test_the_record_gives_the_stage_functions_results(documents):
    old_en, new_en, old_zh, new_zh = (
        documents[k] for k in ("old_en", "new_en", "old_zh", "new_zh")
    )
    record = compare(new_en, new_zh, old_en, old_zh)
    alone = stale_report(old_en, new_en, old_zh, new_zh)
    assert record.stale.to_dict() == alone.to_dict()
    checked = check_documents(new_en, new_zh, previous=(old_en, old_zh))
    assert record.qa.findings == checked.findings
    assert {f.check for f in record.qa.findings} >= {"stale_translation"}


def test_options_limit_the_checks_and_name_the_settings(documents):
    options = Options(checks=("numbers",))
    record = compare(documents["new_en"], documents["old_zh"], options=options)
    assert {f.check for f in record.qa.findings} == {"numbers"}
    assert record.signature().endswith("|checks:numbers")
    from dpa_compare.diff.match import MatchOptions

    assert Options().signature() == f"{MatchOptions().signature()}|align:default|checks:all"
    looser = Options(match=MatchOptions(fuzzy_min=0.5)).signature()
    assert looser.startswith("match:fz0.5/") and looser != Options().signature()


def test_a_document_in_the_wrong_language_is_named_before_aligning(documents, calls):
    record = compare(documents["old_zh"], documents["new_en"])
    with pytest.raises(UsageError, match="old_zh.md: is in Chinese"):
        _ = record.qa
    assert calls["align"] == 0


def test_the_front_door_exports_the_record():
    assert dpa_compare.compare is compare and dpa_compare.Options is Options
    assert "compare" in dpa_compare.__all__ and "Comparison" in dpa_compare.api.__all__
