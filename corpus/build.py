"""Regenerate the corpus's derived formats from the authoritative Markdown.

    python corpus/build.py            # write every derived file whose source exists
    python corpus/build.py --check    # exit 1 when a committed derived file is missing or out of
    date
    python corpus/build.py --list     # show the targets and their sources

The Markdown files under corpus/en and corpus/zh are the truth; everything
this script writes (corpus/docx, corpus/html, corpus/gb18030) is derived from
them, byte for byte reproducibly, so the derived files can be committed and
`--check` can prove they are current. A target whose source does not exist
yet is skipped with a message, never an error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
REPO = CORPUS.parent
# -- run as a script: make the `derive` helpers and (uninstalled) dpa_compare importable --
for _folder in (CORPUS, REPO):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from derive.md_parse import FormatError, parse_file  # noqa: E402
from derive.to_docx import EN_LEVELS, ZH_DECIMAL_LEVELS, build_docx  # noqa: E402
from derive.to_html import build_html  # noqa: E402

from dpa_compare.files import write_atomically  # noqa: E402


@dataclass(frozen=True)
class Target:
    """One derived file: where it goes, which Markdown it comes from, and how it is made."""

    output: str
    source: str
    make: Callable[[Path], bytes]
    what: str


def _docx_en(source: Path) -> bytes:
    return build_docx(parse_file(source), EN_LEVELS, "en")


def _docx_zh(source: Path) -> bytes:
    return build_docx(parse_file(source), ZH_DECIMAL_LEVELS, "zh")


def _html(source: Path) -> bytes:
    return build_html(parse_file(source))


def _gb18030(source: Path) -> bytes:
    """Return the file re-encoded as GB18030 with CRLF line ends, as saved by Notepad on Chinese
    Windows."""
    parse_file(source)  # -- refuse a malformed source here too --
    text = source.read_text(encoding="utf-8")
    return text.replace("\n", "\r\n").encode("gb18030")


TARGETS: tuple[Target, ...] = (
    Target(
        "docx/dpa-2020-05.docx",
        "en/dpa-2020-05.md",
        _docx_en,
        "Word, automatic numbering (1. / 1.1 / (a) / (i))",
    ),
    Target(
        "docx/dpa-2023-03.docx",
        "en/dpa-2023-03.md",
        _docx_en,
        "Word, automatic numbering (1. / 1.1 / (a) / (i))",
    ),
    Target(
        "docx/dpa-2023-03.zh.docx",
        "zh/dpa-2023-03.zh.md",
        _docx_zh,
        "Word, automatic numbering (1. / 1.1 / （一） / (i))",
    ),
    Target("html/dpa-2024-09.html", "en/dpa-2024-09.md", _html, "web page as saved by a browser"),
    Target(
        "gb18030/dpa-2020-05.zh.md",
        "zh/dpa-2020-05.zh.md",
        _gb18030,
        "GB18030-encoded Markdown, CRLF",
    ),
)
"""Every derived file, relative to corpus/."""


def build(target: Target, corpus: Path = CORPUS) -> bytes | None:
    """Return the bytes `target` should hold, or None when its source does not exist yet."""
    source = corpus / target.source
    if not source.exists():
        return None
    return target.make(source)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the build (or the check); return the exit status."""
    parser = argparse.ArgumentParser(prog="corpus/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail when a derived file is missing or stale"
    )
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args(argv)
    if args.list:
        for target in TARGETS:
            print(f"{target.output:32} <- {target.source:24} {target.what}")
        return 0
    stale = 0
    for target in TARGETS:
        output = CORPUS / target.output
        try:
            data = build(target)
        except (FormatError, ValueError) as error:
            print(f"error: {target.source}: {error}", file=sys.stderr)
            return 2
        if data is None:
            if output.exists():
                print(f"stale: {target.output} exists but its source {target.source} does not")
                stale += 1
            else:
                print(f"skipped: {target.output} (source {target.source} does not exist yet)")
            continue
        current = output.read_bytes() if output.exists() else None
        if current == data:
            print(f"up to date: {target.output}")
        elif args.check:
            print(
                f"{'stale' if current is not None else 'missing'}: {target.output} (run python "
                "corpus/build.py)"
            )
            stale += 1
        else:
            write_atomically(output, data)
            print(f"wrote: {target.output} ({len(data):,} bytes)")
    return 1 if stale else 0


__all__ = ["CORPUS", "TARGETS", "Target", "build", "main"]

if __name__ == "__main__":
    sys.exit(main())
