"""`dpa-compare check`: translation QA of a Chinese document against its English source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dpa_compare.cli.output import CONTEXT, emit, progress, to_json

FAIL_ON = ("critical", "major", "minor", "none")
DEFAULT_FAIL_ON = "major"
"""Default --fail-on: a wrong number, date, reference or term is worth failing a build for; a minor
typographic slip (a half-width comma) is not."""
SEVERITY_TITLES = {"critical": "Critical", "major": "Major", "minor": "Minor"}
TEXT_WIDTH = 100


@click.command("check", context_settings=CONTEXT)
@click.argument("en_file", metavar="EN", type=click.Path(dir_okay=False, path_type=str))
@click.argument("zh_file", metavar="ZH", type=click.Path(path_type=str))
@click.option(
    "--glossary",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Bilingual glossary (.yaml, .csv or .tbx) for the terminology checks.",
)
@click.option(
    "--notes",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Translator notes file (.yaml / .csv); its suppressions hide false positives.",
)
@click.option(
    "--previous-en",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="The previous English version: with --previous-zh, report stale translations.",
)
@click.option(
    "--previous-zh",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="The Chinese translation of --previous-en.",
)
@click.option(
    "--checks",
    default=None,
    metavar="NAMES",
    help="Comma-separated checks to run (default: all); see --list-checks.",
)
@click.option(
    "--list-checks", is_flag=True, help="List the checks with their severity and title, then exit."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=DEFAULT_FAIL_ON,
    show_default=True,
    help="Exit 1 when an (unsuppressed) finding is this severe or worse; none: always exit 0.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write here instead of stdout.",
)
@click.option(
    "--ocr",
    is_flag=True,
    help="Read the pictures of a saved web page by OCR even when its text holds clauses "
    "(images, folders of images and scanned PDFs are always read by OCR; needs the ocr extra).",
)
def check_command(en_file: str, zh_file: str, glossary: str | None, notes: str | None, previous_en: str | None,
                  previous_zh: str | None, checks: str | None, list_checks: bool, fmt: str, fail_on: str,
                  output: str | None, ocr: bool) -> None:  # fmt: skip
    """Check the Chinese translation ZH against its English source EN, clause by clause.

    Clauses are aligned, then every pair is checked: omissions and additions,
    numbers, dates, cross-references, URLs, glossary terms, untranslated
    English, punctuation and brackets. With --previous-en/--previous-zh, an
    English clause that changed while its Chinese did not is reported as a
    stale translation. Findings are grouped by severity (critical, major,
    minor). Exit code: 0 clean, 1 a finding at or above --fail-on (default
    major), 2 bad input.

    To silence a false positive, add a suppression to the notes file with the
    finding's check and hash (shown in --format json):
    `suppressions: [{check: numbers, hash: <hash>, reason: "…"}]`; it lapses
    when the clause text changes.

    \b
    Example:
      dpa-compare check corpus/en/dpa-2023-03.md corpus/zh/dpa-2023-03.zh.md \\
          --glossary corpus/glossary.yaml --previous-en corpus/en/dpa-2020-05.md \\
          --previous-zh corpus/zh/dpa-2020-05.zh.md --format json
    """
    if list_checks:
        emit(_list_checks(), output)
        return
    if (previous_en is None) != (previous_zh is None):
        raise click.UsageError("--previous-en and --previous-zh go together: give both or neither")
    result = run_check(
        en_file, zh_file, glossary, notes, previous_en, previous_zh, _names(checks), ocr=ocr
    )
    emit(check_json(result) if fmt == "json" else check_text(result, fail_on), output)
    if result.fails(fail_on):
        click.get_current_context().exit(1)


def _names(checks: str | None) -> list[str] | None:
    if checks is None:
        return None
    from dpa_compare.errors import UsageError
    from dpa_compare.qa.review import PREVIOUS_CHECKS
    from dpa_compare.qa.runner import available_checks

    names = [n.strip() for n in checks.split(",") if n.strip()]
    known = [*available_checks(), *PREVIOUS_CHECKS]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"unknown check(s) {', '.join(unknown)}; known checks: {', '.join(known)}")
    return names


def run_check(en_file: str, zh_file: str, glossary: str | None, notes: str | None, previous_en: str | None,
              previous_zh: str | None, checks: list[str] | None, ocr: bool = False) -> Any:  # fmt: skip
    """Return the `CheckResult` of the files, loading each input (LoadError naming a bad file) with progress."""
    from dpa_compare.api import load
    from dpa_compare.qa.glossary import load_glossary
    from dpa_compare.qa.notes import load_notes
    from dpa_compare.qa.review import check_documents, step_count

    terms = load_glossary(glossary) if glossary else None
    notes_file = load_notes(notes) if notes else None
    has_previous = previous_en is not None and previous_zh is not None
    total = (
        2 + (2 if has_previous else 0) + step_count(checks, aligned=False, previous=has_previous)
    )
    with progress("checking", total=total) as advance:
        en = load(en_file, version=Path(en_file).stem)
        zh = load(zh_file, version=Path(zh_file).stem, ocr=ocr)
        advance(2, "loaded")
        previous = None
        if has_previous:
            previous = (
                load(previous_en, version=Path(previous_en).stem),  # type: ignore[arg-type]
                load(previous_zh, version=Path(previous_zh).stem),
            )  # type: ignore[arg-type]
            advance(2, "loaded previous version")
        result = check_documents(en, zh, glossary=terms, notes=notes_file, previous=previous, checks=checks,
                                 on_step=lambda what: advance(1, what))  # fmt: skip
    return result


def _list_checks() -> str:
    from dpa_compare.qa.review import PREVIOUS_CHECKS
    from dpa_compare.qa.runner import available_checks

    lines = [f"{c.name:<20} {c.severity:<9} {c.title}" for c in available_checks().values()]
    lines.append(
        f"{PREVIOUS_CHECKS[0]:<20} {'major':<9} English changed since the previous version, Chinese did not (needs --previous-*)."
    )
    lines.append(
        f"{PREVIOUS_CHECKS[1]:<20} {'minor':<9} Chinese changed since the previous version, English did not (needs --previous-*)."
    )
    return "\n".join(lines) + "\n"


def finding_data(finding: Any) -> dict[str, Any]:
    """Return the JSON contract of one finding."""
    data = {
        "check": finding.check, "severity": finding.severity, "en_id": finding.en_id, "zh_id": finding.zh_id,
        "en_label": finding.en_label, "zh_label": finding.zh_label, "message": finding.message,
        "evidence": finding.to_dict()["evidence"], "hash": finding.text_hash,
    }  # fmt: skip
    if finding.en_ids:
        data["en_ids"] = list(finding.en_ids)
    if finding.zh_ids:
        data["zh_ids"] = list(finding.zh_ids)
    return data


def check_json(result: Any) -> str:
    """Return the check JSON contract: sources, findings (active), suppressed findings and the summary."""
    return to_json({
        "en": {"path": result.alignment.en.source, "sha256": result.alignment.en.sha256},
        "zh": {"path": result.alignment.zh.source, "sha256": result.alignment.zh.sha256},
        "findings": [finding_data(f) for f in result.findings],
        "suppressed": [{**finding_data(f), "reason": s.reason, "author": s.author} for f, s in result.suppressed],
        "expired_suppressions": [{"check": s.check, "clause": s.clause, "zh_clause": s.zh_clause, "hash": s.hash}
                                 for s in result.expired],
        "summary": result.summary(),
    })  # fmt: skip


def check_text(result: Any, fail_on: str = DEFAULT_FAIL_ON) -> str:
    """Return a readable report: a headline, then the findings grouped by severity, then suppressions."""
    summary = result.summary()
    counts = summary["by_severity"]
    head = (f"{summary['pairs']} clause pairs ({summary['en_clauses']} English, {summary['zh_clauses']} Chinese "
            f"clauses; aligned by {summary['aligner'] or 'the clause aligner'}): "
            + ", ".join(f"{n} {s}" for s, n in counts.items())
            + (f"; {summary['suppressed']} suppressed" if summary["suppressed"] else ""))  # fmt: skip
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
        lines.append(f"Suppressed ({len(result.suppressed)}): "
                     + ", ".join(f"{f.check} on {f.en_label or f.zh_label}" for f, _ in result.suppressed))  # fmt: skip
    if result.expired:
        lines.append(f"Suppressions whose clause text changed, so their findings are back ({len(result.expired)}): "
                     + ", ".join(f"{s.check} on {s.clause or s.zh_clause}" for s in result.expired))  # fmt: skip
    verdict = "FAIL" if result.fails(fail_on) else "pass"
    lines.append(f"Result: {verdict} (--fail-on {fail_on})")
    return "\n".join(lines).rstrip("\n") + "\n"


def _wrap(text: str, indent: str) -> list[str]:
    import textwrap

    return textwrap.wrap(
        text, TEXT_WIDTH, initial_indent=indent, subsequent_indent=indent, break_long_words=False
    ) or [indent]


COMMANDS = [check_command]
