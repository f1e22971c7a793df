"""`dpa-compare align --lines SRC TGT`: align two files of sentences, one per line.

(The clause-level mode, `dpa-compare align EN ZH` without --lines, is to be
added on this same command: the two positional files are already its shape.)
"""

from __future__ import annotations

import click

from dpa_compare.cli.output import emit, to_json


@click.command("align")
@click.argument("src_file", type=click.Path(dir_okay=False, path_type=str), required=False)
@click.argument("tgt_file", type=click.Path(dir_okay=False, path_type=str), required=False)
@click.option("--lines", "lines_mode", is_flag=True,
              help="The files hold one sentence per line: align the lines.")
@click.option("--src-lang", type=click.Choice(["zh", "en", "auto"]), default="auto", show_default=True)
@click.option("--tgt-lang", type=click.Choice(["zh", "en", "auto"]), default="auto", show_default=True)
@click.option("--embeddings", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
              help="Use the multilingual sentence encoder when installed (auto), require it, or not.")
@click.option("--glossary", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Extra term pairs, one 'english<TAB>chinese' a line.")
@click.option("--format", "fmt", type=click.Choice(["beads", "json"]), default="beads", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here instead of stdout.")
def align_command(src_file: str | None, tgt_file: str | None, lines_mode: bool, src_lang: str, tgt_lang: str,
                  embeddings: str, glossary: str | None, fmt: str, output: str | None) -> None:
    """Align SRC_FILE with TGT_FILE and print one bead per line, `[i,j]:[k]` (zero-based).

    Every line of both files appears in exactly one bead, in order; `[i]:[]`
    and `[]:[k]` are lines left unaligned. The scorers used are listed on
    stderr (beads format) or in the JSON.

    \b
    Example:
      dpa-compare align --lines chapter.zh chapter.en --src-lang zh --tgt-lang en
    """
    if not lines_mode:
        raise click.UsageError("only line mode is available yet: use "
                               "'dpa-compare align --lines SRC_FILE TGT_FILE' (one sentence per line)")
    if src_file is None or tgt_file is None:
        raise click.UsageError("--lines needs two files: SRC_FILE TGT_FILE")
    from dpa_compare.align import AlignOptions, align
    from dpa_compare.align.lexicon import read_glossary
    from dpa_compare.align.lines import read_lines

    src, tgt = read_lines(src_file), read_lines(tgt_file)
    options = AlignOptions(embeddings=embeddings, glossary=tuple(read_glossary(glossary)) if glossary else ())
    result = align(src, tgt, src_lang, tgt_lang, options)
    if fmt == "json":
        emit(to_json({
            "src": {"path": src_file, "lang": result.src_lang, "lines": len(src)},
            "tgt": {"path": tgt_file, "lang": result.tgt_lang, "lines": len(tgt)},
            "scorers": list(result.scorers),
            "beads": [{"src": list(b.src), "tgt": list(b.tgt), "score": b.score, "confidence": b.confidence}
                      for b in result.beads],
        }), output)
    else:
        click.echo(f"# scorers: {','.join(result.scorers)}", err=True)
        emit("".join(b.format() + "\n" for b in result.beads), output)


COMMANDS = [align_command]
