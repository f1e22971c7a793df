"""`dpa-compare glossary extract`: propose glossary entries from a translation's defined terms."""

from __future__ import annotations

from pathlib import Path

import click

from dpa_compare.cli.options import output_option
from dpa_compare.cli.output import CONTEXT, emit


@click.group("glossary", context_settings=CONTEXT)
def glossary_group() -> None:
    """Work with bilingual glossaries (YAML in the corpus/glossary.yaml format).

    \b
    Example:
      dpa-compare glossary extract corpus/en/dpa-2020-05.md corpus/zh/dpa-2020-05.zh.md \\
          -o terms.yaml
    """


@glossary_group.command("extract", context_settings=CONTEXT)
@click.argument("en_file", metavar="EN", type=click.Path(dir_okay=False, path_type=str))
@click.argument("zh_file", metavar="ZH", type=click.Path(dir_okay=False, path_type=str))
@output_option("Write the YAML here (atomically) instead of stdout.")
def extract_command(en_file: str, zh_file: str, output: str | None) -> None:
    """Propose glossary entries from the quoted defined terms of EN and their Chinese in ZH.

    A definition clause's quoted term (`1.2 "Agreement" means …`) is paired
    with the quoted term of the aligned Chinese definition (`“协议”是指……`);
    quoted terms in other clauses (`(the "Provider")` ⇄ `（“提供方”）`) are
    paired in order when both sides quote the same number. Review the
    proposal, add `forbidden` renderings, and use it with `check --glossary`.

    \b
    Example:
      dpa-compare glossary extract corpus/en/dpa-2020-05.md corpus/zh/dpa-2020-05.zh.md \\
          -o terms.yaml
    """
    from dpa_compare.api import load
    from dpa_compare.glossary.extract import extract_glossary, glossary_yaml
    from dpa_compare.qa.pairs import align, pairs_from_alignment

    en, zh = load(en_file, lang="en"), load(zh_file, lang="zh")
    entries = extract_glossary(pairs_from_alignment(align(en, zh)))
    header = (
        f"Glossary proposed by dpa-compare glossary extract from {Path(en_file).name} and "
        f"{Path(zh_file).name}:\n{len(entries)} defined terms. Review before use."
    )
    emit(glossary_yaml(entries, header), output)
    if output not in (None, "-"):
        click.echo(f"{len(entries)} entries written to {output}", err=True)


COMMANDS = [glossary_group]
