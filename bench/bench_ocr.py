"""Benchmark: OCR of the corpus translation drawn as page images, per image type and script.

    python bench/bench_ocr.py [--doc corpus/zh/dpa-2023-03.zh.md] [--pages N] [--align]

Needs the `ocr` extra and Noto Sans CJK (fonts-noto-cjk). The translation is
drawn as Letter pages at 150 dpi (tests/io/ocr_pages.py: running header and
page number in the margins, table rows in columns), in Simplified and, via
OpenCC s2tw, Traditional characters (Taiwan standard forms), as four image
types: clean PNG, JPEG at quality 35, 1.5° skew with noise, and 1080-px-wide
phone screenshots (long images cut into strips). Each image type is read as one document (a folder
of its pages, as `dpa-compare check EN folder/` reads it) and scored against
the text the pages print:

- CER: character error rate, edit distance over the printed characters,
  whitespace ignored (paragraphs concatenated in order);
- labels: clause numbers of the typed translation found as clause labels;
- dates & amounts: dates, times, amounts, percentages and durations of the
  printed text read exactly (multiset of normalised `qa.values`); other
  numbers (bare numbers, identifiers) are counted apart;
- paragraphs: printed paragraphs (table rows excluded) that come back as a
  block with exactly the same text;
- s/page: wall-clock seconds per page, and CPU seconds per page (all threads
  of this process; on a loaded machine the wall time grows, the CPU time
  hardly), model load included in the first page only. The header line gives
  the onnxruntime thread count and the load average at the start.

With `--align`, the clean Simplified pages are also aligned with the English
(corpus/en, same version) and the links compared with those of the typed
translation. `--pages N` reads only the first N pages of each type.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "io"))

import ocr_pages  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from dpa_compare import io as readers  # noqa: E402
from dpa_compare.api import align_clauses, load  # noqa: E402
from dpa_compare.io import ocr  # noqa: E402
from dpa_compare.model import Document  # noqa: E402
from dpa_compare.qa.values import extract_values  # noqa: E402
from dpa_compare.segment import segment_blocks  # noqa: E402

DATE_AMOUNT_KINDS = {"date", "time", "amount", "percent", "duration"}
"""What the acceptance calls dates and amounts (`qa.values` kinds)."""
NUMBER_KINDS = {"number", "identifier"}


def variants(markdown: str, script: str, pages: int | None) -> dict[str, list]:
    """Return image type → [(image, printed paragraphs)] for one script."""
    paragraphs = ocr_pages.paragraphs_of(markdown)
    clean = ocr_pages.render_pages(paragraphs, script, max_pages=pages)
    return {
        "clean 150 dpi": clean,
        "JPEG q35": [(ocr_pages.jpeg(image), shown) for image, shown in clean],
        "skew 1.5° + noise": [
            (ocr_pages.skewed_with_noise(image), shown) for image, shown in clean
        ],
        "phone 1080 px": ocr_pages.phone_screenshots(paragraphs, script, count=pages),
    }


def read_folder(pages: list, folder: Path) -> tuple[readers.Source, float, float]:
    """Write `pages` as PNGs into `folder`, read it as one document; return it, wall and CPU s."""
    for number, (image, _) in enumerate(pages, start=1):
        (folder / f"page-{number}.png").write_bytes(ocr_pages.png_bytes(image))
    wall, cpu = time.perf_counter(), time.process_time()
    source = readers.read(folder)
    return source, time.perf_counter() - wall, time.process_time() - cpu


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def figures(text: str, kinds: set[str]) -> Counter:
    return Counter(
        (v.kind, v.key) for v in extract_values(text, "zh") if not v.weak and v.kind in kinds
    )


def score(source: readers.Source, pages: list, show: bool = False) -> dict[str, float]:
    """Return the measures of one image type against the printed text."""
    printed = [p for _, shown in pages for p in shown]
    read = [b.text for b in source.blocks]
    reference, hypothesis = squeeze("".join(p.text for p in printed)), squeeze("".join(read))
    cer = Levenshtein.distance(reference, hypothesis) / max(len(reference), 1)
    wanted = Counter(ocr_pages.printed_labels(printed))
    found = Counter(c.label for c in segment_blocks(source.blocks, "zh") if c.label)
    labels = sum((wanted & found).values())
    printed_text, read_text = "\n".join(p.text for p in printed), "\n".join(read)
    want_figures = figures(printed_text, DATE_AMOUNT_KINDS)
    got_figures = figures(read_text, DATE_AMOUNT_KINDS)
    exact = sum((want_figures & got_figures).values())
    want_numbers = figures(printed_text, NUMBER_KINDS)
    numbers = sum((want_numbers & figures(read_text, NUMBER_KINDS)).values())
    prose = [p.text for p in printed if not p.cells]
    same = sum(1 for text in prose if text in set(read))
    if show:
        for text in prose:
            if text not in set(read):
                print(f"  printed: {text}", file=sys.stderr)
        for text in read:
            if text not in set(prose):
                print(f"  read:    {text}", file=sys.stderr)
        print(
            f"  dates/amounts missed: {sorted((want_figures - got_figures).elements())}",
            file=sys.stderr,
        )
    return {
        "cer": cer,
        "labels": labels,
        "labels_total": sum(wanted.values()),
        "figures": exact,
        "figures_total": sum(want_figures.values()),
        "numbers": numbers,
        "numbers_total": sum(want_numbers.values()),
        "paragraphs": same / max(len(prose), 1),
        "doubts": sum(len(b.ocr_doubts) for b in source.blocks),
    }


def alignment_agreement(
    en_file: Path, typed: Document, source: readers.Source, show: bool = False
) -> tuple[int, int]:
    """Return (links equal, links) of EN⇄typed against EN⇄images (links compared by clause ids)."""
    en = load(en_file, lang="en")
    clauses = tuple(segment_blocks(source.blocks, "zh"))
    images = Document(source=source.path, lang="zh", sha256=source.sha256, clauses=clauses)
    expected = {(link.en_ids, link.zh_ids) for link in align_clauses(en, typed).links}
    got = {(link.en_ids, link.zh_ids) for link in align_clauses(en, images).links}
    if show:
        for link in sorted(expected - got):
            print(f"  typed link only:  {link}", file=sys.stderr)
        for link in sorted(got - expected):
            print(f"  images link only: {link}", file=sys.stderr)
    return len(expected & got), len(expected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", type=Path, default=ROOT / "corpus/zh/dpa-2023-03.zh.md")
    parser.add_argument("--pages", type=int, default=None, help="read only the first N pages")
    parser.add_argument("--scripts", default="sc,tc")
    parser.add_argument("--types", default="", help="comma-separated image types (default: all)")
    parser.add_argument("--align", action="store_true")
    parser.add_argument("--show", action="store_true", help="print the paragraphs that differ")
    args = parser.parse_args()
    markdown = args.doc.read_text(encoding="utf-8")
    load_before = os.getloadavg()[0]
    print(
        f"onnxruntime inference threads: {ocr.physical_cores()} (physical cores); "
        f"load average at start: {load_before:.1f} on {os.cpu_count()} CPUs\n"
    )
    print(
        "| script | image type | pages | CER | clause labels | dates & amounts exact | "
        "other numbers | paragraphs identical | low-confidence lines | s/page | CPU s/page |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for script in args.scripts.split(","):
        text = markdown if script == "sc" else ocr_pages.traditional(markdown)
        with tempfile.TemporaryDirectory() as tmp:
            typed_file = Path(tmp) / f"typed.{script}.md"
            typed_file.write_text(text, encoding="utf-8")
            typed = load(typed_file, lang="zh")
            for kind, pages in variants(text, script, args.pages).items():
                if args.types and not any(t.strip() in kind for t in args.types.split(",")):
                    continue
                folder = Path(tmp) / re.sub(r"\W+", "-", f"{script}-{kind}")
                folder.mkdir()
                source, wall, cpu = read_folder(pages, folder)
                m = score(source, pages, args.show)
                print(
                    f"| {script.upper()} | {kind} | {len(pages)} | {100 * m['cer']:.2f} % | "
                    f"{m['labels']}/{m['labels_total']} | {m['figures']}/{m['figures_total']} | "
                    f"{m['numbers']}/{m['numbers_total']} | "
                    f"{100 * m['paragraphs']:.0f} % | {m['doubts']} | {wall / len(pages):.1f} | "
                    f"{cpu / len(pages):.1f} |",
                    flush=True,
                )
                if args.align and script == "sc" and kind.startswith("clean"):
                    en_file = ROOT / "corpus/en" / args.doc.name.replace(".zh.md", ".md")
                    same, total = alignment_agreement(en_file, typed, source, args.show)
                    print(
                        f"\nclause alignment EN⇄images vs EN⇄typed ({en_file.name}): "
                        f"{same}/{total} links identical\n",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
