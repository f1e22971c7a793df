"""Stale translations: English changed since the previous version, Chinese did not."""

from __future__ import annotations

from pathlib import Path

from dpa_compare.api import load
from dpa_compare.qa import align_by_number, check_documents, pairs_from_alignment
from dpa_compare.qa.previous import stale_findings

EN_OLD = (
    "# Terms\n\n## 1. Duties\n\n1.1 The Provider shall not sell Customer Data.\n\n"
    "1.2 The Provider shall keep records.\n\n1.3 The Provider shall notify the Customer.\n"
)
EN_NEW = (
    "# Terms\n\n## 1. Duties\n\n1.1 The Provider shall not sell or share Customer Data.\n\n"
    "1.2 The Provider shall keep records.\n\n"
    "1.3 The Provider shall notify the Customer promptly.\n"
)
ZH_OLD = (
    "# 条款\n\n## 1. 义务\n\n1.1 提供方不得出售客户数据。\n\n"
    "1.2 提供方应保存记录。\n\n1.3 提供方应通知客户。\n"
)
ZH_NEW = (
    "# 条款\n\n## 1. 义务\n\n1.1 提供方不得出售客户数据。\n\n"
    "1.2 提供方应保存完整的记录。\n\n1.3 提供方应及时通知客户。\n"
)


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def test_stale_when_only_the_english_changed_and_unprompted_when_only_the_chinese(
    tmp_path: Path,
) -> None:
    docs = [
        load(_write(tmp_path, n, t), lang=n[:2])
        for n, t in (
            ("en-old.md", EN_OLD),
            ("en-new.md", EN_NEW),
            ("zh-old.md", ZH_OLD),
            ("zh-new.md", ZH_NEW),
        )
    ]
    en_old, en_new, zh_old, zh_new = docs
    pairs = pairs_from_alignment(align_by_number(en_new, zh_new))
    findings = stale_findings(pairs, en_old, zh_old, en_new, zh_new)
    assert [(f.check, f.en_label) for f in findings] == [
        ("stale_translation", "1.1"),
        ("unprompted_change", "1.2"),
    ]
    assert "modified" in findings[0].message and findings[0].severity == "major"
    result = check_documents(
        en_new,
        zh_new,
        previous=(en_old, zh_old),
        alignment=align_by_number(en_new, zh_new),
        checks=["stale_translation"],
    )
    assert [f.check for f in result.findings] == ["stale_translation"]
