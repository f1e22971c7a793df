"""`dpa-compare notes carry`: carry translator notes forward to a new English version."""

from __future__ import annotations

from pathlib import Path

import click

from dpa_compare.cli.options import output_option
from dpa_compare.cli.output import CONTEXT, write_atomically


@click.group("notes", context_settings=CONTEXT)
def notes_group() -> None:
    """Translator notes and suppressions (YAML or CSV notes files).

    \b
    Example:
      dpa-compare notes carry --old-en corpus/en/dpa-2020-05.md --new-en corpus/en/dpa-2024-09.md \\
          --notes corpus/notes/notes-2020-05.yaml -o notes-2024-09.yaml
    """


@notes_group.command("carry", context_settings=CONTEXT)
@click.option(
    "--old-en",
    required=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="The English version the notes were written on.",
)
@click.option(
    "--new-en",
    required=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="The new English version to carry them to.",
)
@click.option(
    "--notes",
    "notes_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="The notes file (.yaml or .csv).",
)
@output_option(
    "Where to write the carried-forward notes (.yaml, or .csv); written atomically.", required=True
)
def carry_command(old_en: str, new_en: str, notes_path: str, output: str) -> None:
    """Carry the notes on OLD-EN forward to NEW-EN; every note is written out, none dropped.

    A note follows its clause through renumbering and moves. When the
    clause's text changed the note is re-opened and flagged "clause changed
    since note" (keeping the hash of the text it was written against); when
    the clause was deleted the note is kept, flagged and marked orphaned.
    Prints the count of notes kept, renumbered, re-opened and orphaned.

    \b
    Example:
      dpa-compare notes carry --old-en corpus/en/dpa-2020-05.md \\
          --new-en corpus/en/dpa-2023-03.md --notes corpus/notes/notes-2020-05.yaml \\
          -o notes-2023-03.yaml
    """
    from dpa_compare.api import load
    from dpa_compare.notes.carry import carry_notes
    from dpa_compare.notes.file import dump_notes, load_notes

    if Path(output).resolve() in (Path(p).resolve() for p in (old_en, new_en, notes_path)):
        raise click.UsageError("-o must not overwrite an input file (a document or the notes file)")
    notes = load_notes(notes_path)
    old = load(old_en, lang="en", version=Path(old_en).stem)
    new = load(new_en, lang="en", version=Path(new_en).stem)
    carried = carry_notes(notes, old, new)
    write_atomically(
        output, dump_notes(carried.notes, "csv" if output.lower().endswith(".csv") else "yaml")
    )
    counts = carried.counts()
    click.echo(
        f"{len(carried.outcomes)} notes carried to {output}: "
        + ", ".join(f"{n} {k}" for k, n in counts.items())
    )
    for item in carried.outcomes:
        if item.outcome in ("reopened", "orphaned"):
            target = (
                f" → {item.new_clause}"
                if item.new_clause and item.new_clause != item.old_clause
                else ""
            )
            click.echo(f"  {item.outcome:<9} {item.old_clause}{target}: {item.reason}")


COMMANDS = [notes_group]
