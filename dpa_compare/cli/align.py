"""`dpa-compare align EN ZH`: clause alignment of two documents; `--lines`: sentence alignment of
two line files."""

from __future__ import annotations

import click

from dpa_compare.cli.options import format_option
from dpa_compare.cli.output import CONTEXT, emit, to_json


@click.command("align", context_settings=CONTEXT)
@click.argument("src_file", type=click.Path(path_type=str), required=False)
@click.argument("tgt_file", type=click.Path(path_type=str), required=False)
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
    type=click.Path(),
    default=None,
    help="Write here instead of stdout (--lines with folders: the output folder, required).",
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
    scorers used are listed on stderr (beads format) or in the JSON. With
    --lines, SRC_FILE and TGT_FILE may also be folders: files are paired by
    name without their last suffix (`001.zh` with `001.en`; with --src-lang /
    --tgt-lang given, only files ending `.zh` / `.en` are read, so both
    languages may share one folder), aligned in one process, and written to
    the folder -o as `NAME.align` (beads) or `NAME.json`.

    \b
    Examples:
      dpa-compare align corpus/en/dpa-2023-03.md corpus/zh/dpa-2023-03.zh.md
      dpa-compare align corpus/en/dpa-2023-03.md corpus/zh/dpa-2023-03.zh.md \\
          --format tmx -o pairs.tmx
      dpa-compare align --lines docs/examples/breach.zh docs/examples/breach.en \\
          --src-lang zh --tgt-lang en
      dpa-compare align --lines mac-dev mac-dev --src-lang zh --tgt-lang en -o aligned/
    """
    if src_file is None or tgt_file is None:
        raise click.UsageError(
            "align needs two files: EN_FILE ZH_FILE (or --lines SRC_FILE TGT_FILE)"
        )
    from pathlib import Path

    folders = Path(src_file).is_dir() or Path(tgt_file).is_dir()
    if output and Path(output).is_dir() and not (lines_mode and folders):
        raise click.UsageError(f"{output}: is a folder; -o names the output file here")
    if not lines_mode:
        if folders:
            raise click.UsageError(
                "folders are for --lines; documents are aligned one pair of files at a time"
            )
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
    from dpa_compare.align import AlignOptions
    from dpa_compare.glossary.terms import read_term_pairs

    options = AlignOptions(
        embeddings=embeddings, glossary=tuple(read_term_pairs(glossary)) if glossary else ()
    )
    if folders:
        _align_line_folders(src_file, tgt_file, src_lang, tgt_lang, options, fmt, output)
        return
    text, scorers = _align_line_files(src_file, tgt_file, src_lang, tgt_lang, options, fmt)
    if fmt != "json":
        click.echo(f"# scorers: {','.join(scorers)}", err=True)
    emit(text, output)


def _align_line_files(
    src_file: str, tgt_file: str, src_lang: str, tgt_lang: str, options: object, fmt: str
) -> tuple[str, tuple[str, ...]]:
    """Return one line-file pair's alignment as beads or JSON text, and the scorers used."""
    from dpa_compare.align import align
    from dpa_compare.align.sentence.lines import read_lines

    src, tgt = read_lines(src_file), read_lines(tgt_file)
    result = align(src, tgt, src_lang, tgt_lang, options)  # type: ignore[arg-type]
    if fmt != "json":
        return "".join(b.format() + "\n" for b in result.beads), result.scorers
    data = {
        "src": {"path": src_file, "lang": result.src_lang, "lines": len(src)},
        "tgt": {"path": tgt_file, "lang": result.tgt_lang, "lines": len(tgt)},
        "scorers": list(result.scorers),
        "beads": [
            {"src": list(b.src), "tgt": list(b.tgt), "score": b.score, "confidence": b.confidence}
            for b in result.beads
        ],
    }
    return to_json(data), result.scorers


def line_file_pairs(
    src_dir: str, tgt_dir: str, src_lang: str, tgt_lang: str
) -> list[tuple[str, str, str]]:
    """Return (name, source file, target file) for the files of two folders paired by name.

    A file's name is its file name without the last suffix; with a language
    given (zh, en) only files ending `.zh` / `.en` are read. Raises
    click.UsageError when the folders cannot be told apart or nothing pairs.
    """
    from pathlib import Path

    for path in (src_dir, tgt_dir):
        if not Path(path).is_dir():
            raise click.UsageError(f"{path}: not a folder (give two folders, or two files)")
    if Path(src_dir).resolve() == Path(tgt_dir).resolve() and "auto" in (src_lang, tgt_lang):
        raise click.UsageError(
            f"{src_dir}: both sides in one folder — give --src-lang and --tgt-lang "
            "to tell the files apart by suffix (.zh / .en)"
        )

    def files(folder: str, lang: str) -> dict[str, Path]:
        out = {}
        for path in sorted(Path(folder).iterdir()):
            if (
                path.is_file()
                and not path.name.startswith(".")
                and (lang == "auto" or path.suffix == f".{lang}")
            ):
                out[path.stem] = path
        return out

    src, tgt = files(src_dir, src_lang), files(tgt_dir, tgt_lang)
    names = sorted(src.keys() & tgt.keys())
    if not names:
        raise click.UsageError(
            f"{src_dir}, {tgt_dir}: no files pair by name (e.g. 001.zh with 001.en)"
        )
    return [(name, str(src[name]), str(tgt[name])) for name in names]


def _align_line_folders(
    src_dir: str,
    tgt_dir: str,
    src_lang: str,
    tgt_lang: str,
    options: object,
    fmt: str,
    output: str | None,
) -> None:
    """Align every pair of line files of two folders in this one process, one output file each."""
    from pathlib import Path

    from dpa_compare.files import write_atomically

    if not output:
        raise click.UsageError(
            "--lines with folders writes one file per pair: give the output folder -o DIR"
        )
    out_dir = Path(output)
    if out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(f"{output}: not a folder (with folders, -o names the output folder)")
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = ".json" if fmt == "json" else ".align"
    scorers: tuple[str, ...] = ()
    pairs = line_file_pairs(src_dir, tgt_dir, src_lang, tgt_lang)
    for name, src_file, tgt_file in pairs:
        text, scorers = _align_line_files(src_file, tgt_file, src_lang, tgt_lang, options, fmt)
        write_atomically(out_dir / f"{name}{suffix}", text)
    click.echo(f"# scorers: {','.join(scorers)}; {len(pairs)} pairs written to {out_dir}", err=True)


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
@format_option()
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
    from dpa_compare.align.sentence.evaluate import score

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
