"""Stale translations: English clauses that changed since the previous version while their Chinese
did not.

Given the previous English and Chinese, both languages are diffed version to
version (`dpa_compare.diff.diff`). A current pair whose English clause was
modified (or moved and modified, split, merged, or only had a cross-reference
follow a renumbering) while its Chinese clause kept its text exactly is a
`stale_translation` finding: the translator updated the file but not that
clause. The reverse — Chinese rewritten while the English stood still — is
reported as a minor `unprompted_change`: worth a look, often an addition.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dpa_compare.model import Document
from dpa_compare.qa.registry import Finding, Pair, Severity

if TYPE_CHECKING:
    from dpa_compare.diff import ClauseChange, VersionDiff

TEXT_KEPT = ("unchanged", "renumbered", "moved")
"""Change kinds that keep a clause's text (a renumbering may still move a cross-reference:
`xref_only`)."""
TEXT_CHANGED = ("modified", "moved_modified", "split", "merged")
"""Change kinds that change a clause's text."""

PREVIOUS_VERSION_CHECKS: dict[str, tuple[Severity, str]] = {
    "stale_translation": ("major", "English changed since the previous version, Chinese did not"),
    "unprompted_change": ("minor", "Chinese changed since the previous version, English did not"),
}
"""The checks made here, by name: (severity, title) — listed beside the registry's checks."""


def _by_new_id(result: VersionDiff) -> dict[str, ClauseChange]:
    found: dict[str, ClauseChange] = {}
    for change in result.changes:
        for new_id in change.new_ids or ((change.new_id,) if change.new_id else ()):
            found[new_id] = change
    return found


def _english_changed(change: ClauseChange | None) -> bool:
    return change is not None and (change.kind in TEXT_CHANGED or change.xref_only)


def _chinese_kept(change: ClauseChange | None) -> bool:
    return change is not None and change.kind in TEXT_KEPT and not change.xref_only


def stale_findings(
    pairs: Sequence[Pair],
    previous_en: Document,
    previous_zh: Document,
    en: Document,
    zh: Document,
    diffs: tuple[VersionDiff, VersionDiff] | None = None,
) -> list[Finding]:
    """Return `stale_translation` and `unprompted_change` findings for `pairs` against the previous
    versions.

    `diffs` are (`previous_en` → `en`, `previous_zh` → `zh`) when already made.
    """
    from dpa_compare.diff import diff

    en_diff, zh_diff = diffs or (diff(previous_en, en), diff(previous_zh, zh))
    en_changes = _by_new_id(en_diff)
    zh_changes = _by_new_id(zh_diff)
    findings = []
    for pair in pairs:
        if pair.en is None or pair.zh is None:
            continue
        en_change = next(
            (en_changes[i] for i in pair.all_en_ids if _english_changed(en_changes.get(i))), None
        )
        zh_all_kept = all(_chinese_kept(zh_changes.get(i)) for i in pair.all_zh_ids)
        zh_change = zh_changes.get(pair.all_zh_ids[0])
        if en_change is not None and zh_all_kept and zh_change is not None:
            findings.append(_stale(pair, en_change, zh_change))
        elif _unprompted(pair, en_changes, zh_changes):
            findings.append(
                _finding(
                    pair,
                    "unprompted_change",
                    PREVIOUS_VERSION_CHECKS["unprompted_change"][0],
                    f"the Chinese changed since {previous_zh.version or 'the previous version'} "
                    "although its English did not: check for an addition or an unapproved edit",
                    {"zh_old_label": zh_change.old_label if zh_change else ""},
                )
            )
    return findings


def _unprompted(
    pair: Pair, en_changes: dict[str, ClauseChange], zh_changes: dict[str, ClauseChange]
) -> bool:
    en = [en_changes.get(i) for i in pair.all_en_ids]
    zh = [zh_changes.get(i) for i in pair.all_zh_ids]
    english_still = all(c is not None and c.kind in TEXT_KEPT and not c.xref_only for c in en)
    return english_still and any(
        c is not None and c.kind in TEXT_CHANGED and not c.xref_only for c in zh
    )


def _stale(pair: Pair, en_change: ClauseChange, zh_change: ClauseChange) -> Finding:
    how = (
        "only its cross-references followed a renumbering"
        if en_change.xref_only and en_change.kind in TEXT_KEPT
        else en_change.kind
    )
    words = [text for op, text in en_change.redline if op != 0]
    return _finding(
        pair,
        "stale_translation",
        PREVIOUS_VERSION_CHECKS["stale_translation"][0],
        f"the English changed since the previous version ({en_change.old_label or '?'} → "
        f"{en_change.new_label}: {how}) "
        f"but the Chinese ({zh_change.old_label or '?'} → {zh_change.new_label}) kept its old text",
        {
            "en_old_label": en_change.old_label,
            "zh_old_label": zh_change.old_label,
            "en_change": en_change.kind,
            "en_edits": ["".join(t).strip() for t in words][:10],
        },
    )


def _finding(
    pair: Pair, check: str, severity: str, message: str, evidence: dict[str, object]
) -> Finding:
    return Finding(
        check=check,
        severity=severity,  # type: ignore[arg-type]
        en_id=pair.en.id if pair.en is not None else None,
        zh_id=pair.zh.id if pair.zh is not None else None,
        en_label=pair.en_label,
        zh_label=pair.zh_label,
        message=message,
        evidence=evidence,
        en_ids=pair.all_en_ids if len(pair.all_en_ids) > 1 else (),
        zh_ids=pair.all_zh_ids if len(pair.all_zh_ids) > 1 else (),
        text_hash=pair.text_hash,
    )


__all__ = ["PREVIOUS_VERSION_CHECKS", "TEXT_CHANGED", "TEXT_KEPT", "stale_findings"]
