"""Acceptance on the bundled corpus: every seeded defect of the v2.0 draft found; the careful v1.0
translation clean.

Run twice: with the gold alignment of keys/align-*.yaml (the checks alone),
and with the project's clause aligner (the whole pipeline) when it exists.
"""

from __future__ import annotations

import pytest
import yaml
from _corpus import CORPUS, corpus_file, document, key_alignment

from dpa_compare.model import Alignment
from dpa_compare.qa import CheckResult, Finding, check_documents, load_glossary

CATEGORY_CHECKS = {
    "omission": {"omission"},
    "addition": {"addition"},
    "numbers": {"numbers"},
    "dates": {"dates"},
    "terminology": {"glossary", "term_consistency"},
    "untranslated": {"untranslated"},
    "cross_reference": {"cross_references"},
    "stale_translation": {"stale_translation"},
    "punctuation": {"punctuation"},
    "unpaired_bracket": {"brackets"},
}
"""Defect-key category → the checks whose finding counts as finding it."""
MAX_FINDINGS_PER_CLAUSE = 1 / 50

NEEDED = [
    "en/dpa-2020-05.md",
    "en/dpa-2023-03.md",
    "zh/dpa-2020-05.zh.md",
    "zh/dpa-2023-03.zh.md",
    "glossary.yaml",
    "keys/defects-2023-03.yaml",
    "keys/align-2020-05.yaml",
    "keys/align-2023-03.yaml",
]


@pytest.fixture(scope="module", autouse=True)
def _corpus_present() -> None:
    missing = [n for n in NEEDED if not corpus_file(n).exists()]
    if missing:
        pytest.skip(f"corpus files absent: {', '.join(missing)}")


def _aligners() -> list[str]:
    return ["key", "aligner"]


def _alignment(kind: str, key: str) -> Alignment | None:
    if kind == "key":
        return key_alignment(key)
    try:
        import dpa_compare.align.clause.aligner  # noqa: F401
    except ImportError:
        pytest.skip("dpa_compare.align.clause.aligner.align_documents is not there yet")
    return None


def _labels(finding: Finding) -> set[str]:
    return {
        part.strip()
        for label in (finding.en_label, finding.zh_label)
        for part in label.split(" + ")
        if part.strip()
    }


def _draft(kind: str) -> CheckResult:
    alignment = _alignment(kind, "align-2023-03.yaml")
    previous = (document("en/dpa-2020-05.md"), document("zh/dpa-2020-05.zh.md"))
    return check_documents(
        document("en/dpa-2023-03.md"),
        document("zh/dpa-2023-03.zh.md"),
        glossary=load_glossary(CORPUS / "glossary.yaml"),
        previous=previous,
        alignment=alignment,
    )


def _defects() -> list[dict[str, str]]:
    return yaml.safe_load((CORPUS / "keys" / "defects-2023-03.yaml").read_text(encoding="utf-8"))[
        "defects"
    ]


@pytest.mark.parametrize("kind", _aligners())
def test_every_seeded_defect_is_found(kind: str) -> None:
    result = _draft(kind)
    missed = []
    for defect in _defects():
        wanted = {defect["zh"], defect["en"]} - {None}
        checks = CATEGORY_CHECKS[defect["check"]]
        if not any(f.check in checks and _labels(f) & wanted for f in result.findings):
            missed.append(f"{defect['id']} {defect['check']} on {sorted(wanted)}")
    assert not missed, f"recall {1 - len(missed) / len(_defects()):.2f}; missed: {missed}"


def test_findings_off_the_seeded_defects_are_rare_with_the_gold_alignment() -> None:
    result = _draft("key")
    defect_labels = {label for d in _defects() for label in (d["zh"], d["en"]) if label}
    stray = [f for f in result.findings if not _labels(f) & defect_labels]
    assert len(stray) <= len(result.alignment.en.clauses) * MAX_FINDINGS_PER_CLAUSE, [
        (f.check, f.en_label, f.message) for f in stray
    ]


@pytest.mark.parametrize("kind", _aligners())
def test_the_careful_translation_has_at_most_one_finding_per_50_clauses(kind: str) -> None:
    alignment = _alignment(kind, "align-2020-05.yaml")
    en, zh = document("en/dpa-2020-05.md"), document("zh/dpa-2020-05.zh.md")
    result = check_documents(
        en, zh, glossary=load_glossary(CORPUS / "glossary.yaml"), alignment=alignment
    )
    limit = len(en.clauses) * MAX_FINDINGS_PER_CLAUSE
    assert len(result.findings) <= limit, [
        (f.check, f.en_label, f.message) for f in result.findings
    ]
