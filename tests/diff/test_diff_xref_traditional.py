"""A Traditional-Chinese revision whose only change is references following a renumbering.

An article inserted after 第 2 條 renumbers every later article; the clauses
that cite them (`依第七條` → `依第八條`) changed only their references. Both
`diff` and `stale` must say so (renumbered, cross-reference only), in
Traditional as in Simplified Chinese and in English.
"""

from __future__ import annotations

from pathlib import Path

from dpa_compare.api import compare_versions, load, stale_translations

_ZH_OLD = """# 測試資料條例

### 第 1 條

本條例規範機關保存資料之方式。

### 第 2 條

機關保存資料，應依第三條及第七條之規定辦理。

### 第 3 條

資料之保存期間為五年。

### 第 4 條

違反第三條規定者，依第七條處罰。

### 第 5 條

本條例之施行細則，由主管機關定之。

### 第 6 條

主管機關得派員檢查資料之保存情形。

### 第 7 條

違反者處新臺幣一萬元以上五萬元以下罰鍰。
"""

_ZH_NEW = """# 測試資料條例

### 第 1 條

本條例規範機關保存資料之方式。

### 第 2 條

機關保存資料，應依第四條及第八條之規定辦理。

### 第 3 條

機關應指定專人負責資料之保存。

### 第 4 條

資料之保存期間為五年。

### 第 5 條

違反第四條規定者，依第八條處罰。

### 第 6 條

本條例之施行細則，由主管機關定之。

### 第 7 條

主管機關得派員檢查資料之保存情形。

### 第 8 條

違反者處新臺幣一萬元以上五萬元以下罰鍰。
"""


def _english(zh: str) -> str:
    """Return an English text numbered and cross-referenced like `zh` (same structure)."""
    lines = []
    for line in zh.splitlines():
        if line.startswith("### 第"):
            lines.append("### Article " + line.split()[2])
        elif line.startswith("# "):
            lines.append("# Test Data Act")
        elif line.strip():
            refs = [
                n for n in ("三", "四", "七", "八") if f"第{n}條" in line
            ]  # -- the articles this clause cites --
            numbers = {"三": 3, "四": 4, "七": 7, "八": 8}
            cited = " and ".join(f"Article {numbers[n]}" for n in refs)
            lines.append(
                f"Agencies shall act as provided in {cited}." if cited else f"Rule: {line[:6]}"
            )
        else:
            lines.append("")
    return "\n".join(lines) + "\n"


def _docs(tmp_path: Path) -> dict[str, object]:
    texts = {"zh_old": _ZH_OLD, "zh_new": _ZH_NEW,
             "en_old": _english(_ZH_OLD), "en_new": _english(_ZH_NEW)}  # fmt: skip
    docs = {}
    for name, text in texts.items():
        path = tmp_path / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        docs[name] = load(path, lang=name[:2], version=name[3:])
    return docs


def test_diff_reports_a_traditional_chinese_reference_update_as_renumbered(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    result = compare_versions(docs["zh_old"], docs["zh_new"])
    citing = {c.old_label: c for c in result.changes if c.old_id in ("art2.p1", "art4.p1")}
    assert citing, [(c.old_id, c.kind) for c in result.changes]
    for change in citing.values():
        # -- 第 2 條 keeps its number (modified, references only); old 第 4 條 is now 第 5 條 --
        assert change.xref_only and change.kind in ("modified", "renumbered"), change


def test_stale_reports_the_reference_update_as_cross_reference_only(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    report = stale_translations(docs["en_old"], docs["en_new"], docs["zh_old"], docs["zh_new"])
    citing = [r for r in report.rows if set(r.old_en_ids) & {"art2.p1", "art4.p1"}]
    assert len(citing) == 2, report.rows
    # -- both sides followed the renumbering: the translation is up to date, changed only in
    # references --
    assert all(r.xref_only and r.status in ("renumbered", "amended") for r in citing), citing
