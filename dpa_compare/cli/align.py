"""`dpa-compare align EN ZH`: clause alignment of two documents; `--lines`: sentence alignment of two line files."""

from __future__ import annotations

import click

from dpa_compare.cli.output import CONTEXT, emit, to_json


@click.command("align", context_settings=CONTEXT)
@click.argument("src_file", type=click.Path(dir_okay=False, path_type=str), required=False)
@click.argument("tgt_file", type=click.Path(dir_okay=False, path_type=str), required=False)
@click.option(
    "--lines",
    "lines_mode",
    is_flag=True,
    help="The files hold one sentence per line: align the lines.",
)
@click.option(
    "--src-lang", type=click.Choice(["zh", "en", "auto"]), default="auto", show_default=True
)
@click.option(
    "--tgt-lang", type=click.Choice(["zh", "en", "auto"]), default="auto", show_default=True
)
@click.option(
    "--embeddings",
    type=click.Choice(["auto", "on", "off"]),
    default="auto",
    show_default=True,
    help="Use the multilingual sentence encoder when installed (auto), require it, or not.",
)
@click.option(
    "--glossary",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Extra term pairs, one 'english<TAB>chinese' a line.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "tsv", "tmx", "beads"]),
    default=None,
    help="Documents: text (default), json, tsv or tmx. --lines: beads (default) or json.",
)
@click.option(
    "--flag-below",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Documents: flag links whose confidence is below this for a person's look.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write here instead of stdout.",
)
def align_command(
    src_file: str | None,
    tgt_file: str | None,
    lines_mode: bool,
    src_lang: str,
    tgt_lang: str,
    embeddings: str,
    glossary: str | None,
    fmt: str | None,
    flag_below: float,
    output: str | None,
) -> None:
    """Align the clauses of an English document with its Chinese translation (EN ZH, either order).

    Text output shows `label ⇄ label  confidence` a link, with `—` for a
    clause left unaligned and `[check]` after a link flagged for review
    (confidence below --flag-below); JSON gives the clause ids of
    `dpa-compare segment`; tmx writes TMX 1.4b.

    With --lines, SRC_FILE and TGT_FILE hold one sentence per line and the
    output is one bead per line, `[i,j]:[k]` (zero-based; `[i]:[]` and
    `[]:[k]` for lines left unaligned), every line in exactly one bead. The
    scorers used are listed on stderr (beads format) or in the JSON.

    \b
    Examples:
      dpa-compare align corpus/en/dpa-2023-03.md corpus/zh/dpa-2023-03.zh.md
      dpa-compare align corpus/en/dpa-2023-03.md corpus/zh/dpa-2023-03.zh.md --format tmx -o pairs.tmx
      dpa-compare align --lines docs/examples/breach.zh docs/examples/breach.en --src-lang zh --tgt-lang en
    """
    if src_file is None or tgt_file is None:
        raise click.UsageError(
            "align needs two files: EN_FILE ZH_FILE (or --lines SRC_FILE TGT_FILE)"
        )
    if not lines_mode:
        if fmt == "beads":
            raise click.UsageError(
                "--format beads is for --lines; documents use text, json, tsv or tmx"
            )
        from dpa_compare.cli.align_docs import align_files

        align_files(
            src_file,
            tgt_file,
            fmt or "text",
            output,
            embeddings=embeddings,
            glossary=glossary,
            flag_below=flag_below,
        )
        return
    fmt = fmt or "beads"
    if fmt not in ("beads", "json"):
        raise click.UsageError("--lines writes beads or json")
    from dpa_compare.align import AlignOptions, align
    from dpa_compare.align.lines import read_lines
    from dpa_compare.qa.glossary import read_term_pairs

    src, tgt = read_lines(src_file), read_lines(tgt_file)
    options = AlignOptions(
        embeddings=embeddings, glossary=tuple(read_term_pairs(glossary)) if glossary else ()
    )
    result = align(src, tgt, src_lang, tgt_lang, options)
    if fmt == "json":
        emit(
            to_json(
                {
                    "src": {"path": src_file, "lang": result.src_lang, "lines": len(src)},
                    "tgt": {"path": tgt_file, "lang": result.tgt_lang, "lines": len(tgt)},
                    "scorers": list(result.scorers),
                    "beads": [
                        {
                            "src": list(b.src),
                            "tgt": list(b.tgt),
                            "score": b.score,
                            "confidence": b.confidence,
                        }
                        for b in result.beads
                    ],
                }
            ),
            output,
        )
    else:
        click.echo(f"# scorers: {','.join(result.scorers)}", err=True)
        emit("".join(b.format() + "\n" for b in result.beads), output)


@click.command("align-score", context_settings=CONTEXT)
@click.argument("system", type=click.Path(exists=True, path_type=str))
@click.argument("gold", type=click.Path(exists=True, path_type=str))
@click.option(
    "--system-suffix",
    default=".align",
    show_default=True,
    help="Bead files of SYSTEM when it is a folder.",
)
@click.option(
    "--gold-suffix",
    default=".gold",
    show_default=True,
    help="Bead files of GOLD when it is a folder.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def score_command(system: str, gold: str, system_suffix: str, gold_suffix: str, fmt: str) -> None:
    """Score sentence alignments against gold beads: strict and lax precision, recall and F1.

    SYSTEM and GOLD are bead files (one `[i,j]:[k]` a line) or folders of them
    paired by name (`001.align` with `001.gold`); counts are summed over the
    documents, as in the Vecalign and Bertalign papers.

    \b
    Example:
      dpa-compare align --lines docs/examples/breach.zh docs/examples/breach.en -o breach.align
      dpa-compare align-score breach.align docs/examples/breach.gold
    """
    from dpa_compare.align.evaluate import score

    scores = score(system, gold, system_suffix=system_suffix, gold_suffix=gold_suffix)
    if fmt == "json":
        emit(
            to_json(
                {
                    name: round(getattr(scores, name), 4)
                    for name in ("strict_p", "strict_r", "strict_f1", "lax_p", "lax_r", "lax_f1")
                }
            ),
            None,
        )
    else:
        emit(scores.format(), None)


COMMANDS = [align_command, score_command]
