"""`dpa-compare diff`: compare two versions of one document, clause by clause."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dpa_compare.cli.options import format_option, lang_option, output_option
from dpa_compare.cli.output import CONTEXT, emit, progress

__all__ = ["COMMANDS", "diff_command"]


def __getattr__(name: str) -> object:
    """Return `diff_json` / `diff_text` from `dpa_compare.diff.render`, imported on first use."""
    if name in ("diff_json", "diff_text"):
        from dpa_compare.diff import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@click.command("diff", context_settings=CONTEXT)
@click.argument("old", type=click.Path(dir_okay=False, path_type=str))
@click.argument("new", type=click.Path(dir_okay=False, path_type=str))
@lang_option("Language of both files; auto detects it from the script.")
@format_option("text: a readable redline, one block per changed clause; json: every clause.")
@output_option()
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
      dpa-compare diff corpus/docx/dpa-2020-05.docx corpus/docx/dpa-2023-03.docx \\
          --format json -o changes.json
    """
    from dpa_compare.api import compare_versions, load
    from dpa_compare.diff.render import diff_json, diff_text

    language = None if lang == "auto" else lang
    with progress("comparing", total=3) as advance:
        old_doc = load(old, lang=language, version=old_version or Path(old).stem)
        advance(1, "loaded the old version")
        new_doc = load(new, lang=language or old_doc.lang, version=new_version or Path(new).stem)
        advance(1, "matching clauses")
        result = compare_versions(old_doc, new_doc, glossary_terms=terms)
        advance(1)
    if fmt == "json":
        emit(diff_json(result), output)
    else:
        colour = output in (None, "-") and sys.stdout.isatty()
        emit(diff_text(result, colour), output)


COMMANDS = [diff_command]
