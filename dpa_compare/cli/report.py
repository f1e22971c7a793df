"""`dpa-compare report`: the annotated side-by-side Word review of a translation."""

from __future__ import annotations

import click

from dpa_compare.cli.check import FAIL_ON
from dpa_compare.cli.options import format_option, ocr_option, output_option
from dpa_compare.cli.output import CONTEXT, emit, progress

_FILE = click.Path(dir_okay=False, path_type=str)


@click.command("report", context_settings=CONTEXT)
@click.option("--en", "en_file", required=True, type=_FILE, help="The current English document.")
@click.option(
    "--zh",
    "zh_file",
    required=True,
    type=click.Path(path_type=str),
    help="The Chinese translation (draft) to review: a document, page images or a folder of them.",
)
@click.option(
    "--previous-en",
    type=_FILE,
    default=None,
    help="The English the Chinese was translated from: English redlines and stale statuses.",
)
@click.option(
    "--previous-zh",
    type=_FILE,
    default=None,
    help="The previous Chinese: the 中文 column shows a redline against it.",
)
@click.option(
    "--notes",
    type=_FILE,
    default=None,
    help="Translator notes (.yaml / .csv): shown as Word comments.",
)
@click.option(
    "--glossary",
    type=_FILE,
    default=None,
    help="Bilingual glossary (.yaml, .csv, .tbx) for alignment and QA.",
)
@click.option(
    "--tracked-changes",
    is_flag=True,
    help="Write redlines as real Word revisions (accept/reject in Word).",
)
@click.option(
    "--omit-resolved", is_flag=True, help="Leave resolved translator notes out of the report."
)
@click.option(
    "--only-actionable",
    is_flag=True,
    help="Print only the rows needing action (not current, or with a critical/major finding).",
)
@click.option(
    "--redline-appendix",
    is_flag=True,
    help="Add appendices repeating every English (and Chinese) redline as a change table.",
)
@click.option(
    "--author",
    default="dpa-compare",
    show_default=True,
    help="Author of the revisions (with --tracked-changes).",
)
@format_option("Format of the summary printed after writing.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="none",
    show_default=True,
    help="After writing, exit 1 when a QA finding is this severe or worse.",
)
@output_option("The .docx report to write.", required=True)
@ocr_option()
def report_command(
    en_file: str,
    zh_file: str,
    previous_en: str | None,
    previous_zh: str | None,
    notes: str | None,
    glossary: str | None,
    tracked_changes: bool,
    omit_resolved: bool,
    only_actionable: bool,
    redline_appendix: bool,
    author: str,
    fmt: str,
    fail_on: str,
    output: str,
    ocr: bool,
) -> None:
    """Write the clause-by-clause Word review of the Chinese ZH against the English EN.

    The table reads № | English | 中文 | Status | Notes & QA, one row per
    aligned clause pair (unaligned clauses keep rows of their own). With
    --previous-en the English cells show a redline against it and each
    translation gets a status shared with `dpa-compare stale` (current,
    cosmetic, stale, renumbered, moved, orphaned, missing): the Chinese is
    taken to translate --previous-en. Translator notes and QA findings are
    printed in the Notes & QA column and written as Word comments on the
    words they concern; the Status column adds the most severe open finding.
    Comments are dated now (or at SOURCE_DATE_EPOCH, for reproducible
    bytes). Exit code: 0 written, 1 written but a QA finding reaches
    --fail-on, 2 bad input.

    \b
    Example:
      dpa-compare report --en corpus/en/dpa-2024-09.md --zh corpus/zh/dpa-2023-03.zh.md \\
          --previous-en corpus/en/dpa-2023-03.md --notes corpus/notes/notes-2020-05.yaml \\
          --glossary corpus/glossary.yaml -o review.docx --only-actionable
    """
    from dpa_compare.api import compare, load
    from dpa_compare.cli import EXIT_FINDINGS
    from dpa_compare.report.build import analyse, model_from_analysis
    from dpa_compare.report.docx_writer import write_docx
    from dpa_compare.report.render import report_json, report_text

    if not output.lower().endswith(".docx"):
        raise click.BadParameter(f"{output!r} must end in .docx", param_hint="-o/--output")
    steps = 5 + (previous_en is not None) + (previous_zh is not None) + (previous_zh is not None)
    with progress("Reading documents", total=steps) as advance:
        # -- the small files first: a bad glossary or notes file fails before the slow loads --
        notes_file, glossary_file = _extras(notes, glossary)
        en = load(en_file, lang="en")
        zh = load(zh_file, lang="zh", ocr=ocr)
        old_en = load(previous_en, lang="en") if previous_en else None
        old_zh = load(previous_zh, lang="zh") if previous_zh else None
        advance(1 + (old_en is not None) + (old_zh is not None), "Aligning")
        record = compare(en, zh, old_en, old_zh, glossary=glossary_file, notes=notes_file,
                         on_step=lambda what: advance(1, what))  # fmt: skip
        model = model_from_analysis(
            analyse(record),
            omit_resolved=omit_resolved,
            only_actionable=only_actionable,
            redline_appendix=redline_appendix,
        )
        write_docx(model, output, tracked_changes=tracked_changes, author=author, date=run_date())
        advance(1, "Written")
    emit(report_json(model, output) if fmt == "json" else report_text(model, output), None)
    if record.qa.fails(fail_on):
        click.get_current_context().exit(EXIT_FINDINGS)


def run_date() -> str:
    """Return the date of comments and revisions: SOURCE_DATE_EPOCH when set (reproducible builds),
    else now."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _extras(notes: str | None, glossary: str | None):  # noqa: ANN202 -- (NotesFile | None, Glossary | None)
    from dpa_compare.qa import load_glossary, load_notes

    return (load_notes(notes) if notes else None), (load_glossary(glossary) if glossary else None)


COMMANDS = [report_command]
