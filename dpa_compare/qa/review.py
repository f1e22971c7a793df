"""Check a whole translation: align, run the checks, compare with the previous version, apply
suppressions.

    result = check_documents(en, zh, glossary=load_glossary("glossary.yaml"),
                             notes=load_notes("notes.yaml"), previous=(old_en, old_zh))
    result.summary()["by_severity"]          # {"critical": 1, "major": 3, "minor": 0}
    result.fails("major")                    # True when an active finding is major or worse

This is what `dpa-compare check` wraps; the CLI only parses, shows progress
and maps `fails()` to the exit code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dpa_compare.errors import UsageError
from dpa_compare.model import Alignment, Document
from dpa_compare.notes.file import NotesFile, Suppression, apply_suppressions
from dpa_compare.qa.registry import SEVERITIES, Finding, Pair, Severity

if TYPE_CHECKING:
    from dpa_compare.diff import VersionDiff
    from dpa_compare.glossary.terms import Glossary

PREVIOUS_CHECKS = ("stale_translation", "unprompted_change")
"""Checks that run only when the previous English and Chinese are given."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one translation.

    `findings` are the active ones in document order; `suppressed` those a
    suppression in the notes file hid (with it); `expired` suppressions whose
    pair text changed, so their finding is back. `notes` is the notes file
    used (None without one).
    """

    alignment: Alignment
    pairs: tuple[Pair, ...]
    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, Suppression], ...] = ()
    expired: tuple[Suppression, ...] = ()
    notes: NotesFile | None = None

    def fails(self, fail_on: str) -> bool:
        """Return True when an active finding is at `fail_on` severity or worse (`none`: never)."""
        if fail_on == "none":
            return False
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)

    def summary(self) -> dict[str, Any]:
        """Return counts: clauses, pairs, active findings by severity and check, suppressed,
        notes."""
        notes = self.notes.notes if self.notes is not None else ()
        return {
            "en_clauses": len(self.alignment.en.clauses),
            "zh_clauses": len(self.alignment.zh.clauses),
            "pairs": len(self.pairs),
            "aligner": ",".join(self.alignment.scorers),
            "findings": len(self.findings),
            "by_severity": {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES},
            "by_check": dict(Counter(f.check for f in self.findings)),
            "suppressed": len(self.suppressed),
            "suppressed_by_check": dict(Counter(f.check for f, _ in self.suppressed)),
            "expired_suppressions": len(self.expired),
            "notes": {
                "open": sum(n.status == "open" and not n.orphaned for n in notes),
                "resolved": sum(n.status == "resolved" and not n.orphaned for n in notes),
                "orphaned": sum(n.orphaned for n in notes),
            },
        }


_LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}


def require_languages(*documents: Document) -> None:
    """Raise UsageError unless `documents` alternate English, Chinese (EN, ZH[, previous EN,
    previous ZH])."""
    for document, wanted in zip(documents, ("en", "zh", "en", "zh"), strict=False):
        if document.lang != wanted:
            raise UsageError(
                f"{document.source}: is in {_LANGUAGE_NAMES[document.lang]}, but the "
                f"{_LANGUAGE_NAMES[wanted]} document is expected here (give the English first, "
                "then the Chinese)"
            )


def check_documents(
    en: Document,
    zh: Document,
    glossary: Glossary | None = None,
    notes: NotesFile | None = None,
    previous: tuple[Document, Document] | None = None,
    alignment: Alignment | None = None,
    checks: Iterable[str] | None = None,
    on_step: Callable[[str], None] | None = None,
    diffs: Callable[[], tuple[VersionDiff, VersionDiff]] | None = None,
) -> CheckResult:
    """Return the QA result of the Chinese `zh` against the English `en`.

    `alignment` defaults to `qa.pairs.align(en, zh, glossary)`. `previous` is
    (previous English, previous Chinese): with it, `stale_translation` and
    `unprompted_change` findings are added. `checks` limits the checks run
    (names from `available_checks()` plus those two). `on_step` is called
    with a short description after each step (progress display). `diffs`
    returns the version diffs (previous → current, English and Chinese) when
    the previous-version checks need them (the comparison record's, made once).
    """
    from dpa_compare.qa.pairs import align, pairs_from_alignment
    from dpa_compare.qa.runner import label_map_from_pairs, run_checks

    require_languages(en, zh, *(previous or ()))
    step = on_step or (lambda _: None)
    wanted = list(checks) if checks is not None else None
    if alignment is None:
        alignment = align(en, zh, glossary)
        step("aligned")
    pairs = pairs_from_alignment(alignment)
    registry_checks = None if wanted is None else [c for c in wanted if c not in PREVIOUS_CHECKS]
    findings = run_checks(
        pairs,
        en,
        zh,
        glossary=glossary,
        label_map=label_map_from_pairs(pairs),
        checks=registry_checks,
        on_check=step,
    )
    if previous is not None and (wanted is None or set(wanted) & set(PREVIOUS_CHECKS)):
        from dpa_compare.qa.previous import stale_findings

        extra = [
            f
            for f in stale_findings(pairs, *previous, en, zh, diffs() if diffs else None)
            if wanted is None or f.check in wanted
        ]
        findings = _in_pair_order(findings + extra, pairs)
        step("compared with the previous version")
    findings, allowed = _glossary_allowed(findings)
    split = apply_suppressions(findings, notes.suppressions if notes is not None else ())
    return CheckResult(
        alignment, tuple(pairs), split.active, allowed + split.suppressed, split.expired, notes
    )


def _glossary_allowed(
    findings: list[Finding],
) -> tuple[list[Finding], tuple[tuple[Finding, Suppression], ...]]:
    """Split off findings a check marked `suppressed_by: glossary` (English the glossary keeps),
    each with its reason."""
    active, allowed = [], []
    for finding in findings:
        evidence = finding.evidence
        if isinstance(evidence, dict) and evidence.get("suppressed_by") == "glossary":
            reason = f"kept in English by the glossary {evidence.get('glossary') or ''}".strip()
            allowed.append(
                (
                    finding,
                    Suppression(
                        finding.check,
                        finding.text_hash,
                        finding.en_label,
                        finding.zh_label,
                        finding.message,
                        reason,
                    ),
                )
            )
        else:
            active.append(finding)
    return active, tuple(allowed)


def _in_pair_order(findings: list[Finding], pairs: list[Pair]) -> list[Finding]:
    order = {(p.en.id if p.en else None, p.zh.id if p.zh else None): i for i, p in enumerate(pairs)}
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (order.get((f.en_id, f.zh_id), -1), rank[f.severity]))


def listed_checks() -> list[tuple[str, Severity, str]]:
    """Return (name, severity, title) of each check: the registry's, then previous-version ones."""
    from dpa_compare.qa.previous import PREVIOUS_VERSION_CHECKS
    from dpa_compare.qa.runner import available_checks

    listed = [(c.name, c.severity, c.title) for c in available_checks().values()]
    return listed + [(name, *PREVIOUS_VERSION_CHECKS[name]) for name in PREVIOUS_CHECKS]


def step_count(checks: Iterable[str] | None, aligned: bool, previous: bool) -> int:
    """Return how many `on_step` calls `check_documents` makes (for a progress bar's total)."""
    from dpa_compare.qa.runner import available_checks

    names = (
        list(available_checks())
        if checks is None
        else [c for c in checks if c not in PREVIOUS_CHECKS]
    )
    return len(names) + (0 if aligned else 1) + (1 if previous else 0)


__all__ = [
    "CheckResult",
    "PREVIOUS_CHECKS",
    "check_documents",
    "listed_checks",
    "require_languages",
    "step_count",
]
