"""Benchmark `dpa-compare align` from the command line on a ~20-article statute: wall and CPU time.

    python bench/bench_align_startup.py [--repeat 5] [--law PCODE] [--code CHECKOUT]

Runs the whole command in fresh processes (Python start-up, imports, the
dictionary and encoder loads, segmentation, alignment, output) on the tw-laws
pair whose article count is closest to 20 (or `--law`), in three
configurations, alternating so that load from other users hits all alike:

- `default`: as installed, with the per-user cache of parsed resources warm;
- `cold cache`: `DPA_COMPARE_CACHE=off` — the dictionary and the encoder's
  tokenizer are parsed from their text files, as on a first run;
- `no embeddings`: `--embeddings off`.

Medians of wall time and of CPU time (user + system of the child) are
printed; on a loaded machine the CPU time is the steadier figure. The target
is 1.5 s wall for the default configuration. `--code /work/main` runs the
`dpa_compare` of another checkout (for a before/after comparison).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = [ROOT]
"""The checkout whose `dpa_compare` the commands run (`--code`)."""
DATA = ROOT.parent / "shared" / "data" / "real" / "tw-laws"
TARGET_SECONDS = 1.5
CONFIGS = {
    "default": ({}, []),
    "cold cache": ({"DPA_COMPARE_CACHE": "off"}, []),
    "no embeddings": ({}, ["--embeddings", "off"]),
}


def _law(pcode: str | None) -> dict:
    pairs = json.loads((DATA / "index.json").read_text(encoding="utf-8"))["pairs"]
    if pcode:
        return next(p for p in pairs if p["pcode"] == pcode)
    return min(pairs, key=lambda p: (abs(p["articles"] - 20), p["pcode"]))


def _run(law: dict, env_extra: dict[str, str], args: list[str]) -> tuple[float, float]:
    """Return (wall, CPU) seconds of one `dpa-compare align EN ZH` process."""
    env = dict(os.environ, **env_extra)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CODE[0]), env.get("PYTHONPATH", "")) if p)
    pair = DATA / "pairs" / law["pcode"]
    command = [sys.executable, "-m", "dpa_compare", "align", f"{pair}.en.md", f"{pair}.zh.md"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # -- `-m` puts the working folder first on sys.path: run elsewhere so `CODE` is what runs --
    subprocess.run(
        [*command, *args], check=True, capture_output=True, env=env, cwd=tempfile.gettempdir()
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    """Time the three configurations; return 1 when the default median misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--law", default=None, help="tw-laws PCODE (default: closest to 20 articles)"
    )
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to run (default: here)")
    args = parser.parse_args()
    CODE[0] = args.code.resolve()
    if not (DATA / "index.json").exists():
        print(f"bench: skipped, tw-laws not found at {DATA}")
        return 0
    law = _law(args.law)
    _run(law, {}, [])  # -- warm the per-user cache and the file system --
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in CONFIGS}
    for _ in range(args.repeat):
        for name, (env, extra) in CONFIGS.items():
            times[name].append(_run(law, env, extra))
    print(
        f"command: python bench/bench_align_startup.py --repeat {args.repeat} --law {law['pcode']}"
    )
    print(f"code: {CODE[0]}")
    print(f"pair: {law['pcode']} ({law['articles']} articles)")
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name:<14} wall median {wall:.2f} s, CPU median {cpu:.2f} s")
    default_wall = statistics.median(w for w, _ in times["default"])
    print(f"target: default ≤ {TARGET_SECONDS} s wall")
    return int(default_wall > TARGET_SECONDS)


if __name__ == "__main__":
    sys.exit(main())
