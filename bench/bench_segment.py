"""Benchmark: load and segment a generated 1,000-clause document in every input format.

Usage:
    python bench/bench_segment.py [--clauses 1000] [--repeat 7]

Generates one English DPA-like document (sections `N.`, sub-clauses `N.M`,
items `(a)`) as .md, .txt, .html, .docx (real Word automatic numbering) and
.pdf (text layer, via reportlab), then times `dpa_compare.load` on each and
prints a Markdown table of median and minimum wall times per format, with
the number of clauses found. Timings are medians of `--repeat` runs in one
process, measured side by side.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import dpa_compare
from dpa_compare.export.numbered_docx import NumberedParagraph, write_numbered_docx

SENTENCE = (
    "The Provider shall process Customer Personal Data only on the documented instructions of the "
    "Customer, including with regard to transfers, unless required to do so by applicable law"
)


def outline(clauses: int) -> list[tuple[int, str]]:
    """Return (level, text) pairs: sections of 5 sub-clauses, every other one with 3 items,
    `clauses` in all."""
    items: list[tuple[int, str]] = []
    section = 0
    while len(items) < clauses:
        section += 1
        items.append((0, f"Section heading {section}"))
        for sub in range(1, 6):
            items.append((1, f"{SENTENCE} (clause {section}.{sub})."))
            if sub % 2:
                items.extend(
                    (2, f"an item of clause {section}.{sub}, number {n};") for n in range(1, 4)
                )
    return items[:clauses]


def numbered(items: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """Return (level, label, text) with typed labels `N.`, `N.M`, `(a)`."""
    out, section, sub, item = [], 0, 0, 0
    for level, text in items:
        if level == 0:
            section, sub = section + 1, 0
            out.append((0, f"{section}.", text))
        elif level == 1:
            sub, item = sub + 1, 0
            out.append((1, f"{section}.{sub}", text))
        else:
            item += 1
            out.append((2, f"({chr(96 + item)})", text))
    return out


def write_markdown(rows: list[tuple[int, str, str]], path: Path) -> None:
    lines = ["# Generated Agreement", ""]
    for level, label, text in rows:
        lines += [f"## {label} {text}" if level == 0 else f"{label} {text}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_text(rows: list[tuple[int, str, str]], path: Path) -> None:
    path.write_text(
        "\n\n".join(f"{label} {text}" for _, label, text in rows) + "\n", encoding="utf-8"
    )


def write_html(rows: list[tuple[int, str, str]], path: Path) -> None:
    body = [
        f"<h2>{label} {text}</h2>" if level == 0 else f"<p>{label} {text}</p>"
        for level, label, text in rows
    ]
    page = (
        "<!DOCTYPE html><html><head><title>Generated</title><script>var x = "
        "1;</script></head><body><nav><a href='/'>Home</a></nav><main><h1>Generated Agreement</h1>"
        + "\n".join(body)
        + "</main>"
        "<footer>© Example</footer></body></html>"
    )
    path.write_text(page, encoding="utf-8")


def write_docx(items: list[tuple[int, str]], path: Path) -> None:
    paragraphs = [NumberedParagraph(text=text, level=level) for level, text in items]
    write_numbered_docx(path, paragraphs, scheme="legal-en", title="Generated Agreement")


def write_pdf(rows: list[tuple[int, str, str]], path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [
        Paragraph(f"{label} {text}", styles["Heading2" if level == 0 else "BodyText"])
        for level, label, text in rows
    ]
    SimpleDocTemplate(str(path), pagesize=A4, title="Generated Agreement").build(story)


def measure(path: Path, repeat: int) -> tuple[float, float, int]:
    """Return (median s, min s, clauses) of `repeat` loads of `path`."""
    times, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        document = dpa_compare.load(path, lang="en")
        times.append(time.perf_counter() - started)
        count = len(document.clauses)
    return statistics.median(times), min(times), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    items = outline(args.clauses)
    rows = numbered(items)
    writers = {
        ".md": lambda p: write_markdown(rows, p),
        ".txt": lambda p: write_text(rows, p),
        ".html": lambda p: write_html(rows, p),
        ".docx": lambda p: write_docx(items, p),
        ".pdf": lambda p: write_pdf(rows, p),
    }
    print(f"command: python bench/bench_segment.py --clauses {args.clauses} --repeat {args.repeat}")
    print(f"python {sys.version.split()[0]}, dpa_compare {dpa_compare.__version__}\n")
    print(
        "| format | numbered clauses written | clauses found | median load+segment (s) | min (s) |"
    )
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for suffix, write in writers.items():
            path = Path(folder) / f"generated{suffix}"
            write(path)
            dpa_compare.load(path, lang="en")  # -- warm up: imports and caches --
            median, fastest, count = measure(path, args.repeat)
            print(f"| {suffix} | {len(items)} | {count} | {median:.3f} | {fastest:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
