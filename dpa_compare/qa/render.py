"""Render a QA `CheckResult`: its JSON contract, a readable text report, and the list of checks.

print(check_text(result, fail_on="major"))     # what `dpa-compare check` prints
check_json(result)                            # what `--format json` prints
"""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dpa_compare.qa.registry import Finding
    from dpa_compare.qa.review import CheckResult

DEFAULT_FAIL_ON = "major"
"""Default --fail-on: a wrong number, date, reference or term is worth failing a build for; a minor
typographic slip (a half-width comma) is not."""
SEVERITY_TITLES = {"critical": "Critical", "major": "Major", "minor": "Minor"}
TEXT_WIDTH = 100
"""Columns the text report wraps finding messages at."""


def list_checks_text() -> str:
    """Return one line per check: name, severity, title (the registry's, then previous-version)."""
    from dpa_compare.qa.review import PREVIOUS_CHECKS, listed_checks

    lines = []
    for name, severity, title in listed_checks():
        needs = " (needs --previous-*)." if name in PREVIOUS_CHECKS else ""
        lines.append(f"{name:<20} {severity:<9} {title}{needs}")
    return "\n".join(lines) + "\n"


def finding_data(finding: Finding) -> dict[str, Any]:
    """Return the JSON contract of one finding."""
    data = {
        "check": finding.check,
        "severity": finding.severity,
        "en_id": finding.en_id,
        "zh_id": finding.zh_id,
        "en_label": finding.en_label,
        "zh_label": finding.zh_label,
        "message": finding.message,
        "evidence": finding.to_dict()["evidence"],
        "hash": finding.text_hash,
    }
    if finding.en_ids:
        data["en_ids"] = list(finding.en_ids)
    if finding.zh_ids:
        data["zh_ids"] = list(finding.zh_ids)
    return data


def check_json(result: CheckResult) -> str:
    """Return the check JSON contract: sources, active and suppressed findings, and the summary."""
    return _to_json(
        {
            "en": {"path": result.alignment.en.source, "sha256": result.alignment.en.sha256},
            "zh": {"path": result.alignment.zh.source, "sha256": result.alignment.zh.sha256},
            "findings": [finding_data(f) for f in result.findings],
            "suppressed": [
                {**finding_data(f), "reason": s.reason, "author": s.author}
                for f, s in result.suppressed
            ],
            "expired_suppressions": [
                {"check": s.check, "clause": s.clause, "zh_clause": s.zh_clause, "hash": s.hash}
                for s in result.expired
            ],
            "summary": result.summary(),
        }
    )


def check_text(result: CheckResult, fail_on: str = DEFAULT_FAIL_ON) -> str:
    """Return a readable report: a headline, the findings grouped by severity, then suppressions."""
    summary = result.summary()
    counts = summary["by_severity"]
    aligner = summary["aligner"] or "the clause aligner"
    head = (
        f"{summary['pairs']} clause pairs ({summary['en_clauses']} English, "
        f"{summary['zh_clauses']} Chinese clauses; aligned by {aligner}): "
        + ", ".join(f"{n} {s}" for s, n in counts.items())
        + (f"; {summary['suppressed']} suppressed" if summary["suppressed"] else "")
    )
    lines = [head, ""]
    for severity, title in SEVERITY_TITLES.items():
        group = [f for f in result.findings if f.severity == severity]
        if not group:
            continue
        lines.append(f"{title} ({len(group)})")
        for finding in group:
            where = " ⇄ ".join(x for x in (finding.en_label, finding.zh_label) if x) or "document"
            lines.append(f"  {where}  [{finding.check}]")
            lines.extend(_wrap(finding.message, "      "))
        lines.append("")
    if result.suppressed:
        lines.append(
            f"Suppressed ({len(result.suppressed)}): "
            + ", ".join(f"{f.check} on {f.en_label or f.zh_label}" for f, _ in result.suppressed)
        )
    if result.expired:
        lines.append(
            "Suppressions whose clause text changed, so their findings are back "
            f"({len(result.expired)}): "
            + ", ".join(f"{s.check} on {s.clause or s.zh_clause}" for s in result.expired)
        )
    verdict = "FAIL" if result.fails(fail_on) else "pass"
    lines.append(f"Result: {verdict} (--fail-on {fail_on})")
    return "\n".join(lines).rstrip("\n") + "\n"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, TEXT_WIDTH, initial_indent=indent, subsequent_indent=indent, break_long_words=False
    ) or [indent]


def _to_json(data: Any) -> str:
    # -- the same form as every command's JSON: indented, Chinese kept as characters --
    return json.dumps(data, ensure_ascii=False, indent=2)


__all__ = ["DEFAULT_FAIL_ON", "check_json", "check_text", "finding_data", "list_checks_text"]
