"""Benchmark clause alignment (`align_documents`) on generated pairs of 1×, 4× and 16× 1,000 clauses
and the corpus.

    python bench/bench_align_docs.py [--clauses 1000] [--scales 1,4,16] [--repeat 5] [--embeddings
    auto|on|off]

The generated pairs are those of `bench_check.py` (numbered sections of
sub-clauses with numbers, dates, cross-references and a few seeded defects);
the corpus pairs are the EN/ZH versions that have an alignment key
(corpus/keys/align-*.yaml). Documents are loaded once; each run times
`align_documents` alone, the median of `--repeat` runs is reported per pair,
side by side with seconds per 1,000 clauses (flat when the aligner scales
linearly). The 1× generated pair is compared with the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import generate  # noqa: E402

TARGET_SECONDS = 1.0
"""The target for the 1,000-clause generated pair (median)."""


def _pairs(clauses: int, scales: list[int], tmp: Path) -> list[tuple[str, object, object]]:
    """Return (name, English document, Chinese document) for each generated scale and corpus key."""
    import yaml

    from dpa_compare.api import load

    out = []
    for scale in scales:
        en_text, zh_text = generate(clauses * scale)
        en_path, zh_path = tmp / f"gen{scale}.en.md", tmp / f"gen{scale}.zh.md"
        en_path.write_text(en_text, encoding="utf-8")
        zh_path.write_text(zh_text, encoding="utf-8")
        out.append((f"generated {scale}x", load(en_path, lang="en"), load(zh_path, lang="zh")))
    for key_path in sorted((ROOT / "corpus" / "keys").glob("align-*.yaml")):
        key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
        out.append(
            (
                f"corpus {key_path.stem}",
                load(ROOT / "corpus" / key["en"]),
                load(ROOT / "corpus" / key["zh"]),
            )
        )
    return out


def _time(
    en: object, zh: object, options: object, glossary: object, repeat: int
) -> tuple[list[float], object]:
    from dpa_compare.align.clause import align_documents

    times, alignment = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        alignment = align_documents(en, zh, options, glossary)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return times, alignment


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one row per pair; return 0 (1 when the 1× median misses the
    target)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--scales", default="1,4,16", help="comma-separated multiples of --clauses")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--embeddings", choices=["auto", "on", "off"], default="auto")
    args = parser.parse_args(argv)
    from dpa_compare.align.clause import ClauseAlignOptions
    from dpa_compare.qa import load_glossary

    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    options = ClauseAlignOptions(embeddings=args.embeddings)
    glossary_path = ROOT / "corpus" / "glossary.yaml"
    glossary = load_glossary(glossary_path) if glossary_path.exists() else None
    with tempfile.TemporaryDirectory() as tmp:
        pairs = _pairs(args.clauses, scales, Path(tmp))
    _time(
        pairs[0][1], pairs[0][2], options, glossary, 1
    )  # -- warm-up: dictionary, encoder, jieba --
    print(
        f"command: python bench/bench_align_docs.py --clauses {args.clauses} --scales "
        f"{args.scales} --repeat {args.repeat} --embeddings {args.embeddings}"
    )
    print(
        f"{'pair':<24} {'clauses':>8} {'links':>6} {'median s':>9} {'min s':>7} {'max s':>7} "
        f"{'s/1k':>6}  scorers"
    )
    verdict = 0
    for name, en, zh in pairs:
        times, alignment = _time(en, zh, options, glossary, args.repeat)
        median = statistics.median(times)
        size = len(en.clauses) + len(zh.clauses)  # type: ignore[attr-defined]
        per_k = median / (size / 2) * 1000
        scorers = alignment.scorers[-1] if alignment else ""  # type: ignore[attr-defined]
        links = len(alignment.links)  # type: ignore[attr-defined]
        print(
            f"{name:<24} {size // 2:>8} {links:>6} {median:>9.3f} {min(times):>7.3f} "
            f"{max(times):>7.3f} {per_k:>6.3f}  {scorers}"
        )
        if name == f"generated {scales[0]}x" and median > TARGET_SECONDS:
            verdict = 1
    print(f"target: generated {scales[0]}x ≤ {TARGET_SECONDS:.1f} s median")
    return verdict


if __name__ == "__main__":
    sys.exit(main())
