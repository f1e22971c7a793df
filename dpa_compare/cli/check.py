"""`dpa-compare check`: translation QA of a Chinese document against its English source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from dpa_compare.cli.options import format_option, ocr_option, output_option
from dpa_compare.cli.output import CONTEXT, emit, progress
from dpa_compare.qa.render import DEFAULT_FAIL_ON

if TYPE_CHECKING:
    from dpa_compare.qa.review import CheckResult

FAIL_ON = ("critical", "major", "minor", "none")
"""--fail-on choices: a severity, or none (never exit 1)."""


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
@format_option()
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=DEFAULT_FAIL_ON,
    show_default=True,
    help="Exit 1 when an (unsuppressed) finding is this severe or worse; none: always exit 0.",
)
@output_option()
@ocr_option()
def check_command(
    en_file: str,
    zh_file: str,
    glossary: str | None,
    notes: str | None,
    previous_en: str | None,
    previous_zh: str | None,
    checks: str | None,
    list_checks: bool,
    fmt: str,
    fail_on: str,
    output: str | None,
    ocr: bool,
) -> None:
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
    from dpa_compare.cli import EXIT_FINDINGS
    from dpa_compare.qa.render import check_json, check_text, list_checks_text

    if list_checks:
        emit(list_checks_text(), output)
        return
    if (previous_en is None) != (previous_zh is None):
        raise click.UsageError("--previous-en and --previous-zh go together: give both or neither")
    result = run_check(
        en_file, zh_file, glossary, notes, previous_en, previous_zh, _names(checks), ocr=ocr
    )
    emit(check_json(result) if fmt == "json" else check_text(result, fail_on), output)
    if result.fails(fail_on):
        click.get_current_context().exit(EXIT_FINDINGS)


def _names(checks: str | None) -> list[str] | None:
    if checks is None:
        return None
    from dpa_compare.errors import UsageError
    from dpa_compare.qa.review import listed_checks

    names = [n.strip() for n in checks.split(",") if n.strip()]
    known = [name for name, _, _ in listed_checks()]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"unknown check(s) {', '.join(unknown)}; known checks: {', '.join(known)}")
    return names


def run_check(
    en_file: str,
    zh_file: str,
    glossary: str | None,
    notes: str | None,
    previous_en: str | None,
    previous_zh: str | None,
    checks: list[str] | None,
    ocr: bool = False,
) -> CheckResult:
    """Return the `CheckResult` of the files, loading each input (LoadError naming a bad file) with
    progress."""
    from dpa_compare.api import compare, load
    from dpa_compare.glossary.terms import load_glossary
    from dpa_compare.notes.file import load_notes
    from dpa_compare.qa.review import step_count
    from dpa_compare.record import Options

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
        old_en = old_zh = None
        if previous_en is not None and previous_zh is not None:
            old_en = load(previous_en, version=Path(previous_en).stem)
            old_zh = load(previous_zh, version=Path(previous_zh).stem)
            advance(2, "loaded previous version")
        options = Options(checks=tuple(checks) if checks is not None else None)
        record = compare(en, zh, old_en, old_zh, glossary=terms, notes=notes_file, options=options,
                         on_step=lambda what: advance(1, what))  # fmt: skip
        return record.qa


COMMANDS = [check_command]
