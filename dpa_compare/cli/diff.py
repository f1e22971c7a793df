"""`dpa-compare diff`: compare two versions of one document, clause by clause."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dpa_compare.cli.output import CONTEXT, emit, progress, to_json

__all__ = ["COMMANDS", "diff_command", "diff_json", "diff_text"]

_COLOURS = {-1: "red", 1: "green"}


@click.command("diff", context_settings=CONTEXT)
@click.argument("old", type=click.Path(dir_okay=False, path_type=str))
@click.argument("new", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--lang",
    type=click.Choice(["en", "zh", "auto"]),
    default="auto",
    show_default=True,
    help="Language of both files; auto detects it from the script.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a readable redline, one block per changed clause; json: every clause.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write here instead of stdout.",
)
@click.option(
    "--old-version",
    default=None,
    help="Version label of OLD (default: its file name without suffix).",
)
@click.option(
    "--new-version",
    default=None,
    help="Version label of NEW (default: its file name without suffix).",
)
@click.option(
    "--term",
    "terms",
    multiple=True,
    metavar="TERM",
    help="A defined term to keep whole in Chinese redlines (repeatable), e.g. --term 个人数据.",
)
def diff_command(
    old: str, new: str, lang: str, fmt: str, output: str | None,
    old_version: str | None, new_version: str | None, terms: tuple[str, ...],
) -> None:  # fmt: skip
    """Compare OLD with NEW (two versions of one document) clause by clause.

    Clauses are matched by text first, so renumbering is reported as
    `renumbered`, not as a deletion plus an addition; moves, splits, merges and
    cross-references that only follow a renumbering are recognised too. Text
    output names the two versions and gives the counts per kind, then shows
    one redline per changed clause: [-deleted-] {+inserted+} (coloured on a
    terminal).

    \b
    Example:
      dpa-compare diff corpus/en/dpa-2023-03.md corpus/en/dpa-2024-09.md
      dpa-compare diff corpus/docx/dpa-2020-05.docx corpus/docx/dpa-2023-03.docx --format json -o changes.json
    """
    from dpa_compare.api import load
    from dpa_compare.diff import diff

    language = None if lang == "auto" else lang
    with progress("comparing", total=3) as advance:
        old_doc = load(old, lang=language, version=old_version or Path(old).stem)
        advance(1, "loaded the old version")
        new_doc = load(new, lang=language or old_doc.lang, version=new_version or Path(new).stem)
        advance(1, "matching clauses")
        result = diff(old_doc, new_doc, glossary_terms=terms)
        advance(1)
    if fmt == "json":
        emit(diff_json(result), output)
    else:
        colour = output in (None, "-") and sys.stdout.isatty()
        emit(diff_text(result, colour), output)


def diff_json(result) -> str:  # noqa: ANN001 -- a VersionDiff; imported lazily
    """Return the diff JSON contract: both sources, counts per kind, every change in reading order."""
    return to_json(
        {
            "old": _source(result.old),
            "new": _source(result.new),
            "signature": result.signature,
            "summary": result.counts(),
            "changes": [change.to_dict() for change in result.changes],
        }
    )


def _source(document) -> dict[str, object]:  # noqa: ANN001
    return {"path": document.source, "sha256": document.sha256, "version": document.version}


def diff_text(result, colour: bool = False) -> str:  # noqa: ANN001 -- a VersionDiff
    """Return the text rendering of a comparison; `colour` adds terminal colours."""
    from dpa_compare.diff.summary import render_text

    if not colour:
        return render_text(result)

    def style(op: int, text: str) -> str:
        if op == 0:
            return text
        # -- colour alone is lost on a monochrome terminal or to colour-blind
        #    readers: keep strike-through / underline as a second cue --
        return click.style(text, fg=_COLOURS[op], strikethrough=op == -1, underline=op == 1)

    return render_text(result, style=style, heading=lambda line: click.style(line, bold=True))


COMMANDS = [diff_command]
