"""`dpa-compare demo`: run the whole pipeline on the bundled corpus and say where the outputs are.

The corpus tells one story: an English DPA revised from 2020 to 2024, a
careful Chinese translation of the first version and a translator's draft of
the 2023 version. The demo segments every file, aligns the draft with its
English, redlines the English and Chinese revisions, stores the English
versions in a history database and traces one clause through them, finds the
Chinese clauses the 2024 revision made stale, checks the draft, carries the
translator's notes forward, and writes the annotated Word review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from dpa_compare.cli.output import CONTEXT, progress
from dpa_compare.errors import UsageError
from dpa_compare.files import write_atomically

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
"""The corpus folder beside the package in a source checkout."""

SOURCE_FOLDERS = ("en", "zh", "docx", "html", "gb18030")
SOURCE_SUFFIXES = (".md", ".docx", ".html", ".txt")
TRACED_CLAUSE = "7.1"
"""The clause whose history the demo traces: incident notice, 72 → 48 hours, renumbered later."""


@dataclass(frozen=True)
class DemoOutput:
    """One file the demo wrote, and what it shows."""

    path: Path
    description: str


def corpus_files(corpus: Path) -> list[Path]:
    """Return every document of the corpus (both languages, all formats), in a stable order."""
    if not (corpus / "en").is_dir():
        raise UsageError(
            f"{corpus}: not a dpa_compare corpus folder (no en/ inside); pass --corpus DIR"
        )
    return [
        path
        for folder in SOURCE_FOLDERS
        if (corpus / folder).is_dir()
        for path in sorted((corpus / folder).iterdir())
        if path.suffix.lower() in SOURCE_SUFFIXES
    ]


class Demo:
    """The demo's steps, each writing its outputs under `out` and recording them."""

    def __init__(self, corpus: Path, out: Path) -> None:
        self.corpus, self.out = corpus, out
        self.outputs: list[DemoOutput] = []
        self.documents: dict[str, object] = {}

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        """Return (description, step) pairs in pipeline order."""
        return [
            ("segmenting every corpus file", self.segment),
            ("aligning the 2023 draft with its English", self.align),
            ("redlining the English and Chinese revisions", self.diff),
            ("storing the English versions and tracing a clause", self.history),
            ("finding stale translations after the 2024 revision", self.stale),
            ("checking the 2023 draft", self.check),
            ("carrying the translator's notes forward", self.notes),
            ("writing the Word review", self.report),
        ]

    # -- helpers --------------------------------------------------------------------------------

    def doc(self, relative: str):  # noqa: ANN201 -- a Document
        """Return the corpus document at `relative` (loaded once)."""
        from dpa_compare.api import load

        if relative not in self.documents:
            self.documents[relative] = load(
                self.corpus / relative, version=Path(relative).stem.split(".")[0]
            )
        return self.documents[relative]

    def write(self, relative: str, data: str | bytes, description: str) -> None:
        path = self.out / relative
        write_atomically(path, data)
        self.outputs.append(DemoOutput(path, description))

    # -- steps ----------------------------------------------------------------------------------

    def segment(self) -> None:
        from dpa_compare.cli.segment import segment_json, segment_text

        files = corpus_files(self.corpus)
        for file in files:
            document = self.doc(file.relative_to(self.corpus).as_posix())
            stem = f"segments/{file.parent.name}-{file.name}"
            write_atomically(self.out / f"{stem}.json", segment_json(document))
            write_atomically(self.out / f"{stem}.txt", segment_text(document))
        self.outputs.append(
            DemoOutput(
                self.out / "segments",
                f"clause trees of {len(files)} corpus files "
                "(.md, .docx, .html, GB18030), text and JSON",
            )
        )

    def align(self) -> None:
        from dpa_compare.api import compare
        from dpa_compare.cli.align_docs import render_json, render_text
        from dpa_compare.export.tmx import to_tmx

        alignment = compare(
            self.doc("en/dpa-2023-03.md"), self.doc("zh/dpa-2023-03.zh.md")
        ).alignment
        gaps = sum(1 for link in alignment.links if not link.en_ids or not link.zh_ids)
        self.write(
            "align/dpa-2023-03.align.txt",
            render_text(alignment),
            f"EN⇄ZH clause alignment of the 2023 draft ({len(alignment.links)} links, {gaps} "
            "unaligned)",
        )
        write_atomically(self.out / "align/dpa-2023-03.align.json", render_json(alignment))
        self.write(
            "align/dpa-2023-03.tmx",
            to_tmx(alignment),
            "the aligned pairs as a TMX 1.4b translation memory",
        )

    def diff(self) -> None:
        from dpa_compare.api import compare_versions
        from dpa_compare.diff.render import diff_json, diff_text

        for lang, old, new in (
            ("en", "en/dpa-2023-03.md", "en/dpa-2024-09.md"),
            ("zh", "zh/dpa-2020-05.zh.md", "zh/dpa-2023-03.zh.md"),
        ):
            result = compare_versions(self.doc(old), self.doc(new))
            name = f"diff/{lang}-{Path(old).stem.split('.')[0]}_{Path(new).stem.split('.')[0]}"
            counts = ", ".join(
                f"{n} {kind}" for kind, n in result.counts().items() if kind != "unchanged"
            )
            self.write(
                f"{name}.txt",
                diff_text(result),
                f"{lang.upper()} redline, clause by clause ({counts})",
            )
            write_atomically(self.out / f"{name}.json", diff_json(result))

    def history(self) -> None:
        from dpa_compare.cli.history import history_text
        from dpa_compare.diff.lineage import clause_history
        from dpa_compare.store import HistoryStore

        versions = [
            "en/dpa-2020-05.md",
            "en/dpa-2021-01.md",
            "en/dpa-2023-03.md",
            "en/dpa-2024-09.md",
        ]
        database = self.out / "history.sqlite3"
        database.unlink(missing_ok=True)
        with HistoryStore.open(database) as store:
            for relative in versions:
                document = self.doc(relative)
                store.add("lumenfield-dpa", document, document.version or relative)
        history = clause_history(
            [self.doc(v) for v in versions], TRACED_CLAUSE, at=self.doc(versions[0]).version
        )
        self.outputs.append(
            DemoOutput(database, f"history database with {len(versions)} English versions")
        )
        self.write(
            f"history/clause-{TRACED_CLAUSE}.txt",
            history_text("lumenfield-dpa", history),
            f"clause {TRACED_CLAUSE} of 2020 traced through every version",
        )

    def stale(self) -> None:
        from dpa_compare.api import compare
        from dpa_compare.stale_render import stale_json, stale_text

        report = compare(
            self.doc("en/dpa-2024-09.md"),
            self.doc("zh/dpa-2023-03.zh.md"),
            previous_en=self.doc("en/dpa-2023-03.md"),
        ).stale
        counts = ", ".join(f"{n} {status}" for status, n in report.counts().items())
        self.write(
            "stale/zh-2023-03_after_en-2024-09.txt",
            stale_text(report),
            f"what the 2024 English revision did to the Chinese draft ({counts})",
        )
        write_atomically(self.out / "stale/zh-2023-03_after_en-2024-09.json", stale_json(report))

    def check(self) -> None:
        from dpa_compare.api import compare
        from dpa_compare.glossary.terms import load_glossary
        from dpa_compare.notes.file import load_notes
        from dpa_compare.qa.render import check_json, check_text

        result = compare(
            self.doc("en/dpa-2023-03.md"),
            self.doc("zh/dpa-2023-03.zh.md"),
            previous_en=self.doc("en/dpa-2020-05.md"),
            previous_zh=self.doc("zh/dpa-2020-05.zh.md"),
            glossary=load_glossary(self.corpus / "glossary.yaml"),
            notes=load_notes(self.corpus / "notes/notes-2020-05.yaml"),
        ).qa
        self.write(
            "check/zh-2023-03.check.txt",
            check_text(result),
            f"QA of the 2023 draft ({len(result.findings)} findings)",
        )
        write_atomically(self.out / "check/zh-2023-03.check.json", check_json(result))

    def notes(self) -> None:
        from dpa_compare.notes.carry import carry_notes
        from dpa_compare.notes.file import dump_notes, load_notes

        carried = carry_notes(
            load_notes(self.corpus / "notes/notes-2020-05.yaml"),
            self.doc("en/dpa-2020-05.md"),
            self.doc("en/dpa-2024-09.md"),
        )
        counts = ", ".join(f"{n} {kind}" for kind, n in carried.counts().items())
        self.write(
            "notes/notes-2024-09.yaml",
            dump_notes(carried.notes, "yaml"),
            f"translator notes carried from 2020 to 2024 ({counts})",
        )

    def report(self) -> None:
        from dpa_compare.cli.report import run_date
        from dpa_compare.glossary.terms import load_glossary
        from dpa_compare.notes.file import load_notes
        from dpa_compare.report.build import build_report
        from dpa_compare.report.docx_writer import write_docx

        model = build_report(
            self.doc("en/dpa-2024-09.md"),
            self.doc("zh/dpa-2023-03.zh.md"),
            previous_en=self.doc("en/dpa-2023-03.md"),
            notes=load_notes(self.corpus / "notes/notes-2020-05.yaml"),
            glossary=load_glossary(self.corpus / "glossary.yaml"),
        )
        path = self.out / "review-2024-09.docx"
        write_docx(model, path, date=run_date())  # -- comments dated now (or SOURCE_DATE_EPOCH) --
        self.outputs.append(
            DemoOutput(
                path,
                f"the annotated side-by-side Word review ({len(model.rows)} rows, "
                f"{model.comment_count} comments)",
            )
        )


@click.command("demo", context_settings=CONTEXT)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-out"),
    show_default=True,
    help="Folder for the outputs (created if needed).",
)
@click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_CORPUS,
    show_default="the bundled corpus/",
    help="Corpus folder to run on.",
)
def demo_command(out_dir: Path, corpus: Path) -> None:
    """Run every pipeline stage on the bundled corpus and print where the outputs are.

    \b
    Example:
      dpa-compare demo --out demo-out
    """
    demo = Demo(corpus, out_dir)
    corpus_files(corpus)
    steps = demo.steps()
    with progress("dpa-compare demo", total=len(steps)) as advance:
        for description, step in steps:
            advance(0, description)
            step()
            advance(1)
    click.echo(f"dpa-compare demo: outputs in {out_dir}/")
    for output in demo.outputs:
        click.echo(f"  {output.path}  — {output.description}")


COMMANDS = [demo_command]
