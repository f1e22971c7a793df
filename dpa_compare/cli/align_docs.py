"""Clause alignment of two documents for `dpa-compare align EN ZH` (without --lines).

`align_files` is called by the `align` command (import this module lazily:
it loads numpy); the renderers turn an
`Alignment` into text, JSON, TSV or TMX:

    text  one link a line: `7.2 ⇄ 7.2  0.97`, `12.6 ⇄ —  0.95`, flagged links marked `[check]`
    json  {"en", "zh", "scorers", "links": [{en_ids, zh_ids, en_labels, zh_labels, en_text, zh_text,
          confidence, evidence, flagged}]}
    tsv   en_labels, zh_labels, confidence, en_text, zh_text (a header line first)
    tmx   TMX 1.4b, one translation unit per link with text on both sides
"""

from __future__ import annotations

from pathlib import Path

import click

from dpa_compare.align.clause import ClauseAlignOptions, align_documents, link_refs, link_text
from dpa_compare.align.clause.features import GlossaryLike
from dpa_compare.cli.output import emit, progress, to_json, write_atomically
from dpa_compare.errors import UsageError
from dpa_compare.model import Alignment, Document

FORMATS = ("text", "json", "tsv", "tmx")
NONE = "—"
"""Shown for the missing side of a 1-0 or 0-1 link."""
FLAG = "[check]"


def align_files(
    en_file: str,
    zh_file: str,
    fmt: str = "text",
    output: str | None = None,
    embeddings: str = "auto",
    glossary: str | None = None,
    flag_below: float = 0.5,
) -> Alignment:
    """Align the clauses of `en_file` with `zh_file`, write the result in `fmt` to `output` (None:
    stdout).

    The two files may be given in either order: their languages are
    detected, and two files in the same language are refused. `glossary` is
    a glossary file (YAML, TBX, CSV/TSV as for `check`, or one
    `english<TAB>chinese` pair a line). Returns the alignment.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    with progress("aligning", total=2) as advance:
        en_doc, zh_doc = _load_pair(en_file, zh_file)
        advance(1, "aligning clauses")
        options = ClauseAlignOptions(embeddings=embeddings, flag_below=flag_below)
        alignment = align_documents(
            en_doc, zh_doc, options, _glossary(glossary) if glossary else None
        )
        advance(1)
    if fmt == "tmx":
        from dpa_compare.export.tmx import to_tmx

        data = to_tmx(alignment)
        if output is None or output == "-":
            click.echo(data.decode("utf-8"), nl=False)
        else:
            write_atomically(output, data)
    else:
        render = {"text": render_text, "json": render_json, "tsv": render_tsv}[fmt]
        emit(render(alignment), output)
    return alignment


def _load_pair(first: str, second: str) -> tuple[Document, Document]:
    from dpa_compare.api import load

    one, two = load(first), load(second)
    if one.lang == two.lang:
        raise UsageError(
            f"{first} and {second} are both in {'Chinese' if one.lang == 'zh' else 'English'}: "
            "give one English and one Chinese file"
        )
    return (one, two) if one.lang == "en" else (two, one)


def _glossary(path: str) -> GlossaryLike:
    if Path(path).suffix.lower() in (".yaml", ".yml", ".tbx", ".xml", ".csv", ".tsv"):
        from dpa_compare.glossary.terms import load_glossary

        return load_glossary(path)
    from dpa_compare.glossary.terms import read_term_pairs

    return read_term_pairs(path)


def render_text(alignment: Alignment) -> str:
    """Return one line per link: `EN labels ⇄ ZH labels  confidence`, flagged links marked."""
    lines = [
        f"# {alignment.en.source} ⇄ {alignment.zh.source}",
        f"# scorers: {', '.join(alignment.scorers)}",
    ]
    for link in alignment.links:
        en = "+".join(link_refs(alignment, link, "en")) or NONE
        zh = "+".join(link_refs(alignment, link, "zh")) or NONE
        mark = f"  {FLAG}" if link.flagged else ""
        lines.append(f"{en} ⇄ {zh}  {link.confidence:.2f}{mark}")
    flagged = sum(1 for link in alignment.links if link.flagged)
    lines.append(f"# {len(alignment.links)} links, {flagged} flagged")
    return "\n".join(lines) + "\n"


def render_json(alignment: Alignment) -> str:
    """Return the alignment as JSON: sources, scorers, and every link with labels, texts and
    evidence."""
    return to_json(
        {
            "en": {"path": alignment.en.source, "sha256": alignment.en.sha256},
            "zh": {"path": alignment.zh.source, "sha256": alignment.zh.sha256},
            "scorers": list(alignment.scorers),
            "links": [
                {
                    "en_ids": list(link.en_ids),
                    "zh_ids": list(link.zh_ids),
                    "en_labels": link_refs(alignment, link, "en"),
                    "zh_labels": link_refs(alignment, link, "zh"),
                    "en_text": link_text(alignment, link, "en"),
                    "zh_text": link_text(alignment, link, "zh"),
                    "confidence": link.confidence,
                    "evidence": list(link.evidence),
                    "flagged": link.flagged,
                }
                for link in alignment.links
            ],
        }
    )


def render_tsv(alignment: Alignment) -> str:
    """Return a header line and one tab-separated line per link (tabs and newlines in text become
    spaces)."""

    def cell(value: str) -> str:
        return " ".join(value.split())

    lines = ["en_labels\tzh_labels\tconfidence\ten_text\tzh_text"]
    for link in alignment.links:
        lines.append(
            "\t".join(
                (
                    cell("+".join(link_refs(alignment, link, "en"))),
                    cell("+".join(link_refs(alignment, link, "zh"))),
                    f"{link.confidence:.3f}",
                    cell(link_text(alignment, link, "en")),
                    cell(link_text(alignment, link, "zh")),
                )
            )
        )
    return "\n".join(lines) + "\n"


__all__ = ["FORMATS", "align_files", "render_json", "render_text", "render_tsv"]
