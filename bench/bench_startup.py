"""Benchmark every `dpa-compare` command on a small document, each in fresh processes.

    python bench/bench_startup.py                  # print the table
    python bench/bench_startup.py --repeat 5 --write   # and put it in BENCHMARKS.md
    python bench/bench_startup.py --code /work/main    # the same commands on another checkout

Issues 14 and 15 ask that a 27-clause document take at most 1.5 s wall for
any command, start-up included. This script cuts a 27-clause EN/ZH pair (two
versions each) out of the bundled corpus, writing the cuts to a temporary
folder, runs `segment`, `align`, `diff` (EN and ZH), `stale`, `check`,
`history add`, `history clause`, `glossary extract` and `report` as separate
`python -m dpa_compare` processes, alternating the commands so that load
from other users hits all alike, and prints per command the median wall time
and the median CPU time (user + system of the child, from
`resource.getrusage(RUSAGE_CHILDREN)`); on a loaded machine the CPU time is
the steadier figure. When `../shared/data/real/tw-laws/` is present the
smallest amendment event is timed with `diff` and `stale` too (skipped when
absent).

It then runs `python -X importtime -m dpa_compare diff OLD NEW` on the
Chinese pair and prints the imports with the largest cumulative time.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
AMENDMENTS = ROOT.parent / "shared" / "data" / "real" / "tw-laws" / "amendments"
TARGET_SECONDS = 1.5
TARGET_CLAUSES = 27
SECTION_HEADING = re.compile(r"^## ", re.MULTILINE)
BENCH_HEADING = "## Start-up: every command on a 27-clause document (issues 14, 15)"

# -- the corpus files the small pair is cut from: EN and ZH, an old and a new version --
_RUNS = itertools.count(1)
SOURCES = {
    "old.en.md": CORPUS / "en" / "dpa-2020-05.md",
    "new.en.md": CORPUS / "en" / "dpa-2023-03.md",
    "old.zh.md": CORPUS / "zh" / "dpa-2020-05.zh.md",
    "new.zh.md": CORPUS / "zh" / "dpa-2023-03.zh.md",
}


CODE = [ROOT]
"""The checkout whose `dpa_compare` the commands run (`--code`, for a before/after comparison)."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CODE[0]), env.get("PYTHONPATH", "")) if p)
    return env


def _first_sections(text: str, count: int) -> str:
    """Return the title block and the first `count` `## ` sections of a Markdown text."""
    starts = [m.start() for m in SECTION_HEADING.finditer(text)]
    end = starts[count] if count < len(starts) else len(text)
    return text[:end]


def _clause_count(path: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from dpa_compare.api import load  # noqa: PLC0415 -- only the bench process needs it

    return len(load(path).clauses)


def write_small_pair(folder: Path) -> dict[str, Path]:
    """Write the old/new EN/ZH cuts with about 27 clauses into `folder`; return their paths.

    Every file keeps the same number of leading sections, chosen so that the
    new English version has the clause count closest to 27.
    """
    texts = {name: path.read_text(encoding="utf-8") for name, path in SOURCES.items()}
    probe = folder / "probe.en.md"

    def distance(sections: int) -> int:
        probe.write_text(_first_sections(texts["new.en.md"], sections), encoding="utf-8")
        return abs(_clause_count(probe) - TARGET_CLAUSES)

    best = min(range(1, 20), key=distance)
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(_first_sections(text, best), encoding="utf-8")
    return paths


def commands(p: dict[str, Path], work: Path) -> dict[str, list[str]]:
    """Return the command lines to time, by name, for the small pair `p`."""
    db = str(work / "history.sqlite3")
    glossary = str(CORPUS / "glossary.yaml")
    return {
        "segment": ["segment", str(p["new.en.md"])],
        "align": ["align", str(p["new.en.md"]), str(p["new.zh.md"])],
        "diff en": ["diff", str(p["old.en.md"]), str(p["new.en.md"])],
        "diff zh": ["diff", str(p["old.zh.md"]), str(p["new.zh.md"])],
        "stale": [
            "stale",
            "--old-en",
            str(p["old.en.md"]),
            "--new-en",
            str(p["new.en.md"]),
            "--zh",
            str(p["old.zh.md"]),
        ],  # fmt: skip
        "check": ["check", str(p["new.en.md"]), str(p["new.zh.md"]), "--glossary", glossary],
        # -- {run} becomes a fresh number: each run adds to a new store --
        "history add": [
            "history",
            "add",
            "bench",
            str(p["new.en.md"]),
            "--version",
            "2",
            "--db",
            str(work / "add-{run}.sqlite3"),
        ],  # fmt: skip
        "history clause": ["history", "clause", "bench", "1.2", "--db", db],
        "glossary extract": ["glossary", "extract", str(p["new.en.md"]), str(p["new.zh.md"])],
        "report": [
            "report",
            "--en",
            str(p["new.en.md"]),
            "--zh",
            str(p["new.zh.md"]),
            "--previous-en",
            str(p["old.en.md"]),
            "--glossary",
            glossary,
            "-o",
            str(work / "review.docx"),
        ],  # fmt: skip
    }


def tw_laws_commands() -> dict[str, list[str]]:
    """Return `diff zh`/`stale` on the smallest tw-laws amendment event, or nothing when absent."""
    if not AMENDMENTS.is_dir():
        return {}
    events = [e for e in AMENDMENTS.iterdir() if (e / "new.zh.md").is_file()]
    if not events:
        return {}
    event = min(events, key=lambda e: ((e / "new.zh.md").stat().st_size, e.name))
    return {
        f"diff zh {event.name[:8]}": ["diff", str(event / "old.zh.md"), str(event / "new.zh.md")],
        f"stale {event.name[:8]}": [
            "stale",
            "--old-en",
            str(event / "old.en.md"),
            "--new-en",
            str(event / "new.en.md"),
            "--zh",
            str(event / "old.zh.md"),
            "--new-zh",
            str(event / "new.zh.md"),
        ],  # fmt: skip
    }


def run_once(args: list[str]) -> tuple[float, float, int]:
    """Return (wall, CPU, exit code) of one fresh `python -m dpa_compare ARGS` process."""
    args = [arg.replace("{run}", str(next(_RUNS))) for arg in args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dpa_compare", *args],
        capture_output=True,
        env=_env(),
        cwd=tempfile.gettempdir(),  # -- `-m` puts the working folder first on sys.path --
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    stderr = done.stderr.decode(errors="replace")
    if done.returncode not in (0, 1) or "Traceback" in stderr:
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {stderr}")
    return wall, cpu, done.returncode


def time_all(cmds: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Return per command the median (wall, CPU) over `repeat` rounds, one warm-up round first."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for round_index in range(repeat + 1):
        for name, args in cmds.items():
            wall, cpu, _ = run_once(args)
            if round_index:  # -- round 0 warms the per-user caches and the disk --
                samples[name].append((wall, cpu))
    return {
        name: (statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
        for name, s in samples.items()
    }


def import_offenders(args: list[str], top: int) -> list[tuple[float, str]]:
    """Return the `top` imports by cumulative time (seconds, module) for one run of `args`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dpa_compare", *args],
        capture_output=True,
        env=_env(),
        cwd=tempfile.gettempdir(),  # -- `-m` puts the working folder first on sys.path --
        check=False,
    )
    rows = []
    for line in done.stderr.decode(errors="replace").splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]) / 1e6, parts[2].rstrip()))
    rows.sort(reverse=True)
    return rows[:top]


def render(results: dict[str, tuple[float, float]], clauses: int, offenders, command: str) -> str:
    """Return the plain-text table of the results."""
    lines = [f"command: {command}", f"code: {CODE[0]}"]
    lines.append(f"small pair: {clauses} clauses (new EN), load average {_load()}")
    lines.append(f"{'command':<22}{'wall s':>8}{'CPU s':>8}  ≤ {TARGET_SECONDS} s wall")
    for name, (wall, cpu) in results.items():
        verdict = "yes" if wall <= TARGET_SECONDS else "no"
        lines.append(f"{name:<22}{wall:>8.2f}{cpu:>8.2f}  {verdict}")
    lines.append("import time, cumulative (python -X importtime, diff zh):")
    lines += [f"  {seconds:6.3f} s  {module.strip()}" for seconds, module in offenders]
    return "\n".join(lines)


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


BEGIN, END = "<!-- bench_startup latest: begin -->", "<!-- bench_startup latest: end -->"


def write_benchmarks(table: str) -> None:
    """Put `table` as the latest run in this script's section of BENCHMARKS.md (made if absent).

    Only the text between the BEGIN and END markers is replaced, so the
    before/after figures and notes written by hand around it stay.
    """
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    block = f"{BEGIN}\nLatest run:\n\n```\n{table}\n```\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        intro = (
            "`python bench/bench_startup.py --write`: each command in fresh processes, median "
            "of the rounds; CPU = user + system of the child."
        )
        text = text.rstrip("\n") + f"\n\n{BENCH_HEADING}\n\n{intro}\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    """Time every command on the small pair and print (or `--write`) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds per command")
    parser.add_argument("--only", action="append", help="time only this command (repeatable)")
    parser.add_argument("--top", type=int, default=12, help="import offenders to list")
    parser.add_argument("--write", action="store_true", help="put the table in BENCHMARKS.md")
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="run the dpa_compare of this checkout (default: here)",
    )
    options = parser.parse_args()
    CODE[0] = options.code.resolve()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(tmp)
        pair = write_small_pair(work)
        cmds = {**commands(pair, work), **tw_laws_commands()}
        if options.only:
            cmds = {name: args for name, args in cmds.items() if name in options.only}
        # -- history clause follows a clause over the two versions stored here first --
        for version in ("old", "new"):
            run_once(["history", "add", "bench", str(pair[f"{version}.en.md"]), "--version",
                      version, "--db", str(work / "history.sqlite3")])  # fmt: skip
        results = time_all(cmds, options.repeat)
        offenders = import_offenders(commands(pair, work)["diff zh"], options.top)
        clauses = _clause_count(pair["new.en.md"])
        shown = " ".join(["python bench/bench_startup.py", *sys.argv[1:]])
        table = render(results, clauses, offenders, shown)
    print(table)
    if options.write:
        write_benchmarks(table)


if __name__ == "__main__":
    main()
