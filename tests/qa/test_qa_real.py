"""QA on a real official translation: Taiwan's PDPA and its official English raise no critical or
major finding.

Reads `../shared/data/real/tw-pdpa/` and skips when it is absent (the texts
are never copied into the repository). The wider measurement over the 80
tw-laws pairs is `bench/bench_qa_real.py`.
"""

from __future__ import annotations

import pytest
from _corpus import SHARED

from dpa_compare.api import load
from dpa_compare.qa import check_documents

TW = SHARED / "data" / "real" / "tw-pdpa"


@pytest.mark.skipif(
    not (TW / "tw-pdpa.en.md").exists(), reason="../shared/data/real/tw-pdpa absent"
)
def test_tw_pdpa_has_no_critical_or_major_finding() -> None:
    en, zh = load(TW / "tw-pdpa.en.md", lang="en"), load(TW / "tw-pdpa.zh.md", lang="zh")
    result = check_documents(en, zh)
    serious = [f for f in result.findings if f.severity in ("critical", "major")]
    assert serious == [], [(f.check, f.en_label, f.message) for f in serious]
    # -- every finding keeps the two texts it compared --
    assert all(f.evidence for f in result.findings)
