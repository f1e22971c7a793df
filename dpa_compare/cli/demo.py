"""`dpa-compare demo`: run the whole pipeline on the bundled corpus."""

from __future__ import annotations

from pathlib import Path

import click

from dpa_compare.cli.output import progress, write_atomically
from dpa_compare.demo import DEFAULT_CORPUS, corpus_files, run_demo


@click.command("demo")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("demo-out"),
              show_default=True, help="Folder for the outputs (created if needed).")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CORPUS,
              show_default="the bundled corpus/", help="Corpus folder to run on.")
def demo_command(out_dir: Path, corpus: Path) -> None:
    """Run every pipeline stage on the bundled corpus and print where the outputs are.

    \b
    Example:
      dpa-compare demo --out demo-out
    """
    files = corpus_files(corpus)
    with progress("Running the pipeline on the corpus", total=len(files)) as advance:
        outputs = run_demo(out_dir, corpus, write=write_atomically, advance=advance)
    click.echo(f"dpa-compare demo: {len(outputs)} outputs in {out_dir}/")
    for output in outputs:
        click.echo(f"  {output.path}  — {output.description}")


COMMANDS = [demo_command]
