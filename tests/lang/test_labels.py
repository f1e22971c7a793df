"""The clause-start patterns the readers share, and where language knowledge may live."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dpa_compare.lang.labels import CLAUSE_START, LOOSE_CLAUSE_START

PACKAGE = Path(__file__).resolve().parents[2] / "dpa_compare"


@pytest.mark.parametrize(
    "line",
    [
        "4.3 The vendor keeps logs.",
        "(b) the auditor;",
        "（二）資料保存",
        "第 12 條",
        "第五節 罰則",
        "第 二 款 特別程序",
        "第 三 目 普通程序",
        "第三条之一",
        "四、其他事項",
    ],
)
def test_strict_start_finds_numbers_in_both_scripts(line: str) -> None:
    assert CLAUSE_START.match(line)
    assert LOOSE_CLAUSE_START.match(line)


@pytest.mark.parametrize("line", ["the vendor keeps logs", "12 months after", "Article 9 applies"])
def test_strict_start_leaves_ordinary_lines(line: str) -> None:
    assert not CLAUSE_START.match(line)


@pytest.mark.parametrize("line", ["7. Audits", "b) the buyer", "Article 12", "Subsection 2 Fees"])
def test_loose_start_adds_forms_that_need_layout(line: str) -> None:
    assert LOOSE_CLAUSE_START.match(line)
    assert not CLAUSE_START.match(line)


_RANGE_OR_NUMERALS = re.compile(r"\\u4e00|\\u3400|一-|\[一二三|零〇|[一二三四五六七八九十]{5,}")


def test_script_ranges_and_numeral_sets_live_only_in_lang() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if "lang" not in path.relative_to(PACKAGE).parts[:1]
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _RANGE_OR_NUMERALS.search(text)
    ]
    assert offenders == []
