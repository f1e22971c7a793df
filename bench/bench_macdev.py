"""Benchmark the sentence aligner on MAC-Dev: strict/lax P/R/F1, whole-run time, length scaling.

    python bench/bench_macdev.py [--repeat N] [--no-scaling] [--scaling-embeddings] [--calibrate]

Both configurations (embeddings auto, embeddings off) are timed side by side,
alternating, in fresh Python processes (imports, dictionary and model load
included), so that load from other users of the machine hits both alike; the
medians and their ratio are printed. Scaling aligns MAC-Dev's six documents
concatenated (001..006) and that whole sequence repeated 1×, 4× and 16× — a
periodic text, but every block differs from its neighbours (the same chapter
repeated back to back would make every block look alike). `--calibrate` fits
the bead-confidence model (engine.CONFIDENCE_MODELS) on MAC-Dev dev and prints
the precision of beads above and below 0.5. Skips with a message when
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
CONFIGS = ("auto", "off")

_CHILD = r"""
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from dpa_compare.align import AlignOptions, align
data, emb = Path(sys.argv[1]), sys.argv[2]
options = AlignOptions(embeddings=emb)
out, scorers = {}, []
for zh_path in sorted(data.glob("*.zh")):
    zh = zh_path.read_text(encoding="utf-8").splitlines()
    en = zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
    result = align(zh, en, "zh", "en", options)
    out[zh_path.stem] = [[list(b.src), list(b.tgt), b.confidence] for b in result.beads]
    scorers = list(result.scorers)
print(json.dumps({"beads": out, "scorers": scorers, "seconds": time.perf_counter() - start}))
"""

_SCALE_CHILD = r"""
import json, sys, time
from pathlib import Path
from dpa_compare.align import AlignOptions, align
from dpa_compare.align.sentence.evaluate import read_beads, score
data, emb, times = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
zh, en, gold = [], [], []
for zh_path in sorted(data.glob("*.zh")):
    for bead in read_beads(zh_path.with_suffix(".gold")):
        gold.append(([len(zh) + k for k in bead.src], [len(en) + k for k in bead.tgt]))
    zh += zh_path.read_text(encoding="utf-8").splitlines()
    en += zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
# -- load models outside the timing --
align(zh[:20], en[:20], "zh", "en", AlignOptions(embeddings=emb))
start = time.perf_counter()
result = align(zh * times, en * times, "zh", "en", AlignOptions(embeddings=emb))
seconds = time.perf_counter() - start
gold_all = [([s + r * len(zh) for s in a], [t + r * len(en) for t in b])
            for r in range(times) for a, b in gold]
print(json.dumps({"seconds": seconds, "zh": len(zh) * times, "en": len(en) * times,
                  "scores": score(list(result.beads), gold_all).format()}))
"""


def _run(code: str, *args: str) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"bench: child failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def _confidence_split(beads: dict, gold: dict) -> str:
    """Return the precision of beads with confidence ≥ 0.5 and < 0.5."""
    right = {True: [0, 0], False: [0, 0]}
    for name, items in beads.items():
        keys = {(tuple(b.src), tuple(b.tgt)) for b in gold[name]}
        for src, tgt, conf in items:
            tally = right[conf >= 0.5]
            tally[0] += (tuple(src), tuple(tgt)) in keys
            tally[1] += 1
    parts = [
        f"{label} {hits / total if total else 0:.3f} ({hits}/{total})"
        for label, (hits, total) in (("conf≥0.5", right[True]), ("conf<0.5", right[False]))
    ]
    return "strict precision: " + ", ".join(parts)


def _calibrate() -> None:
    import numpy as np

    from dpa_compare.align import AlignOptions
    from dpa_compare.align.sentence.engine import bead_features, best_path, sides
    from dpa_compare.align.sentence.evaluate import read_beads

    for emb in CONFIGS:
        options, rows, labels = AlignOptions(embeddings=emb), [], []
        for zh_path in sorted(DATA.glob("*.zh")):
            zh = zh_path.read_text(encoding="utf-8").splitlines()
            en = zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
            src, tgt, _ = sides(zh, en, "zh", "en", options)
            steps, scorer = best_path(src, tgt, options)
            features = bead_features(steps, scorer)
            names = list(features)
            rows.append(np.stack([features[k] for k in names], axis=1))
            gold = {(tuple(b.src), tuple(b.tgt)) for b in read_beads(zh_path.with_suffix(".gold"))}
            labels += [
                (tuple(range(s.i - s.kind[0], s.i)), tuple(range(s.j - s.kind[1], s.j))) in gold
                for s in steps
            ]
        x, y = (
            np.hstack([np.ones((sum(map(len, rows)), 1)), np.concatenate(rows)]),
            np.array(labels, float),
        )
        w = np.zeros(x.shape[1])
        for _ in range(50):  # -- Newton steps of an L2-regularised logistic regression --
            p = 1 / (1 + np.exp(-x @ w))
            hessian = (x * (p * (1 - p))[:, None]).T @ x + 1e-2 * np.eye(len(w))
            w -= np.linalg.solve(hessian, x.T @ (p - y) + 1e-2 * w)
        print(
            f"calibration ({emb}): "
            + ", ".join(f"{k} {v:.3f}" for k, v in zip(["bias", *names], w, strict=True))
        )


def _cli_folders(gold: dict) -> None:
    """Time `dpa-compare align --lines DIR DIR -o OUT` (one process for all six pairs) and score its
    files."""
    import resource
    import tempfile

    from dpa_compare.align.sentence.evaluate import read_beads, score

    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "dpa_compare", "align", "--lines", str(DATA), str(DATA)]
        command += ["--src-lang", "zh", "--tgt-lang", "en", "-o", out]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=_env())
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        beads = {p.stem: read_beads(p) for p in sorted(Path(out).glob("*.align"))}
    print(
        f"cli folders (dpa-compare align --lines DIR DIR -o OUT, one process): {wall:.2f} s wall, "
        f"{cpu:.2f} s CPU; {score(beads, gold).format()}"
    )


def _env() -> dict[str, str]:
    """Return the environment with this checkout first on PYTHONPATH."""
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def main() -> None:
    """Run the benchmark and print scores and timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed whole runs per configuration (median)"
    )
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip the 1x/4x/16x scaling timing"
    )
    parser.add_argument(
        "--scaling-embeddings",
        action="store_true",
        help="time scaling with embeddings too (16x embeds 55,000 sentences: minutes)",
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="fit the bead-confidence model and stop"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"bench: skipped, MAC-Dev not found at {DATA.resolve()}")
        return
    sys.path.insert(0, str(ROOT))
    if args.calibrate:
        _calibrate()
        return
    from dpa_compare.align.sentence.evaluate import read_beads, score

    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    gold = {p.stem: read_beads(p) for p in sorted(DATA.glob("*.gold"))}
    runs: dict[str, list[dict]] = {emb: [] for emb in CONFIGS}
    for _ in range(max(1, args.repeat)):
        for emb in CONFIGS:
            runs[emb].append(_run(_CHILD, str(DATA), emb))
    medians = {}
    for emb in CONFIGS:
        first = runs[emb][0]
        beads = {k: [(tuple(b[0]), tuple(b[1])) for b in v] for k, v in first["beads"].items()}
        walls = [r["wall"] for r in runs[emb]]
        medians[emb] = statistics.median(walls)
        print(f"[embeddings={emb}] scorers: {','.join(first['scorers'])}")
        print(f"  {score(beads, gold).format()}")
        print(f"  {_confidence_split(first['beads'], gold)}")
        print(
            f"  whole run (process incl. imports and model load), median of {len(walls)}: "
            f"{medians[emb]:.2f} s  (all: {', '.join(f'{w:.2f}' for w in walls)})"
        )
    print(f"ratio auto/off: {medians['auto'] / medians['off']:.2f}")
    _cli_folders(gold)
    if not args.no_scaling:
        for emb in CONFIGS if args.scaling_embeddings else ("off",):
            for times in (1, 4, 16):
                res = _run(_SCALE_CHILD, str(DATA), emb, str(times))
                print(
                    f"scaling [embeddings={emb}] {times:>2}x (001..006 concatenated, repeated): "
                    f"{res['zh']} zh × {res['en']} en aligned in {res['seconds']:.2f} s; "
                    f"{res['scores']}"
                )


if __name__ == "__main__":
    main()
