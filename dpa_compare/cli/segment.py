"""`dpa-compare segment`: show the clause tree of one document."""

from __future__ import annotations

import click

from dpa_compare.api import load
from dpa_compare.cli.options import format_option, lang_option, ocr_option, output_option
from dpa_compare.cli.output import CONTEXT, emit, to_json
from dpa_compare.model import Document

FIRST_WORDS = 60
"""Characters of clause text shown per line in text output."""


@click.command("segment", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=str))
@lang_option("Language of FILE; auto detects it from the script.")
@format_option()
@output_option()
@ocr_option()
def segment_command(file: str, lang: str, fmt: str, output: str | None, ocr: bool) -> None:
    """Split FILE into clauses and print them, one a line, indented by level.

    \b
    Example:
      dpa-compare segment corpus/zh/dpa-2020-05.zh.md --format json
    """
    document = load(file, lang=lang, ocr=ocr)
    emit(segment_json(document) if fmt == "json" else segment_text(document), output)


def segment_text(document: Document) -> str:
    """Return one line per clause: indent by level, label, id, first words."""
    lines = []
    for clause in document.clauses:
        words = " ".join(clause.full_text.split())
        if len(words) > FIRST_WORDS:
            words = words[: FIRST_WORDS - 1] + "…"
        label = clause.label or f"[{clause.kind}]"
        lines.append(f"{'  ' * clause.level}{label}  {clause.id}  {words}")
    return "\n".join(lines) + "\n"


def segment_json(document: Document) -> str:
    """Return the segment JSON contract: lang, source, and clauses in document order."""
    return to_json(
        {
            "lang": document.lang,
            "source": {"path": document.source, "sha256": document.sha256},
            "clauses": [
                {
                    "id": c.id,
                    "parent": c.parent,
                    "label": c.label,
                    "path": list(c.path),
                    "level": c.level,
                    "kind": c.kind,
                    "term": c.term,
                    "ref": c.ref,
                    "heading": c.heading,
                    "text": c.text,
                    "location": c.location,
                }
                for c in document.clauses
            ],
        }
    )


COMMANDS = [segment_command]
