"""`dpa-compare import-review`: read a reviewed Word report back into Chinese text and notes."""

from __future__ import annotations

from pathlib import Path

import click

from dpa_compare.cli.options import format_option
from dpa_compare.cli.output import CONTEXT, emit, progress, to_json


@click.command("import-review", context_settings=CONTEXT)
@click.argument("report", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "-o",
    "--output-dir",
    "out_dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Folder for the outputs (default: the report's folder).",
)
@format_option("Format of the summary on stdout.")
def import_review_command(report: str, out_dir: str | None, fmt: str) -> None:
    """Read the reviewer's edits and comments back from REPORT (.docx written by `dpa-compare
    report`).

    The 中文 column is read with tracked changes taken as accepted, row by
    row through the hidden clause-id bookmarks. Writes, next to each other:
    REPORT-stem.zh.md, the updated Chinese document (Markdown, one block per
    clause with its label, in the original order), and REPORT-stem.notes.yaml,
    the notes file: the report's notes with the reviewer's edits, resolutions
    and replies, plus one note per new comment. Edits of the English column
    are not imported but named in a warning.
    A row whose id bookmark is missing or edited is named in a warning on
    stderr, never matched silently. Exit code: 0 imported, 2 bad input.

    \b
    Example:
      dpa-compare report --en corpus/en/dpa-2024-09.md --zh corpus/zh/dpa-2023-03.zh.md \\
          -o review.docx
      dpa-compare import-review review.docx -o reviewed/ --format json
    """
    from dpa_compare.files import write_atomically
    from dpa_compare.report.build_review import import_review

    source = Path(report)
    target = Path(out_dir) if out_dir else source.parent
    with progress("Reading the review", total=3) as advance:
        result = import_review(source)
        advance(1, "Writing the Chinese document")
        target.mkdir(parents=True, exist_ok=True)
        chinese = target / f"{source.stem}.zh.md"
        notes = target / f"{source.stem}.notes.yaml"
        write_atomically(chinese, result.markdown())
        advance(1, "Writing the notes")
        write_atomically(notes, result.notes_yaml())
        advance(1)
    for warning in result.warnings:
        click.echo(f"dpa-compare: warning: {warning}", err=True)
    summary = {**result.summary(), "chinese": str(chinese), "notes": str(notes)}
    emit(to_json(summary) if fmt == "json" else _text(summary), None)


def _text(summary: dict) -> str:
    lines = [
        f"{summary['report']}: {len(summary['edited'])} Chinese cell(s) edited, "
        f"{len(summary['comments'])} new comment(s), {len(summary['warnings'])} warning(s)"
    ]
    lines += [f"  edited {e['row']}" for e in summary["edited"]]
    lines += [f"  comment on {c['row']} by {c['author']}" for c in summary["comments"]]
    lines += [f"  note {u['note']}: {u['field']} updated" for u in summary["notes_updated"]]
    lines += [f"  reply to note {r['note']} by {r['author']}" for r in summary["replies"]]
    lines += [f"  English edited in {row} (not imported)" for row in summary["english_edits"]]
    lines += [f"wrote {summary['chinese']}", f"wrote {summary['notes']}"]
    return "\n".join(lines) + "\n"


COMMANDS = [import_review_command]
