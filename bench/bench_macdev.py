"""Benchmark the sentence aligner on MAC-Dev: strict/lax P/R/F1, whole-run time, length scaling.

    python bench/bench_macdev.py [--no-embeddings] [--repeat N] [--no-scaling]

Each timed run is a fresh Python process (imports, dictionary and model load
included), so the time is what a user waits. Skips with a message when
../shared/data/mac-dev is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "mac-dev"

_CHILD = r"""
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from dpa_compare.align import AlignOptions, align
data, emb, times = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
options = AlignOptions(embeddings=emb)
out, scorers = {}, []
for zh_path in sorted(data.glob("*.zh")):
    zh = zh_path.read_text(encoding="utf-8").splitlines() * times
    en = zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines() * times
    result = align(zh, en, "zh", "en", options)
    out[zh_path.stem] = [[list(b.src), list(b.tgt)] for b in result.beads]
    scorers = list(result.scorers)
print(json.dumps({"beads": out, "scorers": scorers, "seconds": time.perf_counter() - start}))
"""

_SCALE_CHILD = r"""
import json, sys, time
from pathlib import Path
from dpa_compare.align import AlignOptions, align
data, emb, times = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
zh, en = [], []
for zh_path in sorted(data.glob("*.zh")):
    zh += zh_path.read_text(encoding="utf-8").splitlines()
    en += zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
align(zh[:20], en[:20], "zh", "en", AlignOptions(embeddings=emb))  # -- load models outside the timing --
start = time.perf_counter()
align(zh * times, en * times, "zh", "en", AlignOptions(embeddings=emb))
print(json.dumps({"seconds": time.perf_counter() - start, "zh": len(zh) * times, "en": len(en) * times}))
"""


def _run(code: str, *args: str) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench: child failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def main() -> None:
    """Run the benchmark and print scores and timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true", help="align without the sentence encoder")
    parser.add_argument("--repeat", type=int, default=3, help="timed whole runs (median reported)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1x/4x/16x scaling timing")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"bench: skipped, MAC-Dev not found at {DATA.resolve()}")
        return
    sys.path.insert(0, str(ROOT))
    from dpa_compare.align.evaluate import read_beads, score

    emb = "off" if args.no_embeddings else "auto"
    runs = [_run(_CHILD, str(DATA), emb, "1") for _ in range(max(1, args.repeat))]
    gold = {p.stem: read_beads(p) for p in sorted(DATA.glob("*.gold"))}
    scores = score({k: [tuple(map(tuple, b)) for b in v] for k, v in runs[0]["beads"].items()}, gold)
    print(f"scorers: {','.join(runs[0]['scorers'])}")
    print(scores.format())
    walls = [r["wall"] for r in runs]
    print(f"whole run (process incl. imports and model load), median of {len(walls)}: "
          f"{statistics.median(walls):.2f} s  (all: {', '.join(f'{w:.2f}' for w in walls)})")
    if not args.no_scaling:
        for times in (1, 4, 16):
            res = _run(_SCALE_CHILD, str(DATA), emb, str(times))
            print(f"scaling {times:>2}x: {res['zh']} zh × {res['en']} en sentences aligned in {res['seconds']:.2f} s")


if __name__ == "__main__":
    main()
