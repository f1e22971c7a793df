"""The demo: run every pipeline stage that exists on the bundled corpus.

Each stage adds itself here as it lands, so `dpa-compare demo` always shows
the whole pipeline as it stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dpa_compare.api import load
from dpa_compare.errors import UsageError
from dpa_compare.model import Document

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
"""The corpus folder beside the package in a source checkout."""

SOURCE_SUFFIXES = (".md", ".docx", ".html", ".txt")


@dataclass(frozen=True)
class DemoOutput:
    """One file the demo wrote, and what it is."""

    path: Path
    description: str


def corpus_files(corpus: Path) -> list[Path]:
    """Return every document of the corpus (English and Chinese, all formats), sorted."""
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: corpus folder not found; pass --corpus DIR")
    files = [p for sub in ("en", "zh", "docx", "html") if (corpus / sub).is_dir() for p in sorted((corpus / sub).iterdir())]
    return [p for p in files if p.suffix.lower() in SOURCE_SUFFIXES]


def run_demo(
    out_dir: Path,
    corpus: Path = DEFAULT_CORPUS,
    write: Callable[[Path, str], None] | None = None,
    advance: Callable[..., None] | None = None,
) -> list[DemoOutput]:
    """Return the outputs written to `out_dir` after running the pipeline on `corpus`.

    `write(path, text)` writes one output (atomically, in the CLI); `advance`
    reports progress, one step per input file.
    """
    from dpa_compare.cli.segment import segment_json, segment_text

    write = write or (lambda path, text: path.write_text(text, encoding="utf-8"))
    outputs: list[DemoOutput] = []
    documents: dict[Path, Document] = {}
    for file in corpus_files(corpus):
        document = load(file)
        documents[file] = document
        stem = f"{file.parent.name}-{file.name}"
        for suffix, render in ((".segments.txt", segment_text), (".segments.json", segment_json)):
            target = out_dir / "segments" / (stem + suffix)
            write(target, render(document))
        outputs.append(DemoOutput(out_dir / "segments" / (stem + ".segments.txt"),
                                  f"{len(document.clauses)} clauses ({document.lang}) from {file.relative_to(corpus)}"))
        if advance:
            advance(1)
    return outputs


__all__ = ["DEFAULT_CORPUS", "DemoOutput", "corpus_files", "run_demo"]
