"""Benchmark version comparison on a generated 1,000-clause document.

The revised version inserts a section at the top (so every later clause is
renumbered and every cross-reference follows), moves a few clauses to other
sections, edits about 5% of clauses, deletes and adds a few. It times
`dpa_compare.diff.diff` (median of --runs) and, in the same run, diff-match-
patch on the two documents as single strings (`Diff_Timeout = 0`, its default
line-mode speed-up on), for scale. Goal: diff ≤ 2 s median.

    python bench/bench_diff.py --clauses 1000 --runs 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dpa_compare.diff import diff  # noqa: E402
from dpa_compare.model import Clause, Document  # noqa: E402

WORDS = (
    "the processor shall controller personal data processing sub-processor notify without undue "
    "delay written instructions security measures appropriate technical organisational "
    "confidentiality audit records request assistance transfer restricted country supervisory "
    "authority breach within days reasonable commercially agreement services customer affiliates "
    "obligations applicable law limited purposes retention deletion return termination liability "
    "subject to provided that including"
).split()
TITLES = (
    "Scope",
    "Definitions",
    "Processing",
    "Security",
    "Sub-processing",
    "Transfers",
    "Audits",
    "Breach",
    "Assistance",
    "Deletion",
    "Liability",
    "Term",
    "Records",
    "Notices",
    "Confidentiality",
)


def sentence(rng: random.Random, sections: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
    if rng.random() < 0.15:
        words.insert(
            rng.randint(0, len(words)),
            f"as set out in Section {rng.randint(1, sections)}.{rng.randint(1, 3)}",
        )
    return " ".join(words).capitalize() + "."


def outline(total: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """Return (citation, heading, text) rows: sections of one heading and ~19 clauses/items."""
    per_section = 20
    sections = max(1, total // per_section)
    rows = []
    for s in range(1, sections + 1):
        rows.append((f"{s}", f"{rng.choice(TITLES)} of the {rng.choice(WORDS)}", ""))
        clause = 0
        while len(rows) < s * per_section:
            clause += 1
            rows.append((f"{s}.{clause}", "", sentence(rng, sections)))
            for item in "abc"[: rng.randint(0, 2)]:
                if len(rows) < s * per_section:
                    rows.append((f"{s}.{clause}({item})", "", sentence(rng, sections)))
    return rows[:total]


def revise(rows: list[tuple[str, str, str]], rng: random.Random) -> list[tuple[str, str, str]]:
    """Return a revised outline: a new first section, renumbering, xrefs following, moves, edits."""
    body = [list(r) for r in rows]
    for row in body:
        if row[2] and rng.random() < 0.05:
            words = row[2].split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            row[2] = " ".join(words)
    for _ in range(5):  # -- deletions --
        body.pop(rng.randrange(1, len(body)))
    moved = [body.pop(rng.randrange(1, len(body))) for _ in range(5)]
    for k, row in enumerate(moved):
        row[0] = f"{rng.randint(1, 40)}.{20 + k}"
        body.insert(rng.randrange(1, len(body)), row)
    out = [
        ("1", "Scope of this version", ""),
        ("1.1", "", "This clause is new in the revised version."),
    ]
    for citation, heading, text in body:
        top, _, rest = citation.partition(".")
        new_citation = str(int(top) + 1) + ("." + rest if rest else "")
        text = _shift_references(text)
        out.append((new_citation, heading, text))
    return out


def _shift_references(text: str) -> str:
    import re

    return re.sub(r"Section (\d+)\.", lambda m: f"Section {int(m.group(1)) + 1}.", text)


def document(rows: list[tuple[str, str, str]], name: str) -> Document:
    clauses, ids = [], {}
    for n, (citation, heading, text) in enumerate(rows):
        parent_ref = (
            citation.rsplit("(", 1)[0] if citation.endswith(")") else citation.rpartition(".")[0]
        )
        clause_id = f"{name}{n}"
        ids.setdefault(citation, clause_id)
        clauses.append(
            Clause(
                id=clause_id,
                label=citation,
                path=tuple(citation.replace("(", ".").rstrip(")").split(".")),
                level=citation.count(".") + citation.count("("),
                parent=ids.get(parent_ref) if parent_ref else None,
                kind="heading" if heading else "clause",
                text=text,
                heading=heading,
                ref=citation,
            )
        )
    return Document(source=f"{name}.md", lang="en", sha256="", clauses=tuple(clauses))


def as_text(doc: Document) -> str:
    return "\n".join(f"{c.ref} {c.full_text}" for c in doc.clauses)


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = outline(args.clauses, rng)
    old, new = document(rows, "old"), document(revise(rows, rng), "new")
    old_text, new_text = as_text(old), as_text(new)

    def whole_text_dmp() -> list:
        from diff_match_patch import diff_match_patch

        dmp = diff_match_patch()
        dmp.Diff_Timeout = 0
        return dmp.diff_main(old_text, new_text)

    diff(old, new)  # -- warm-up: imports, caches --
    clause_time, result = timed(lambda: diff(old, new), args.runs)
    dmp_time, dmp_result = timed(whole_text_dmp, args.runs)
    counts = {k: v for k, v in result.counts().items() if v}  # type: ignore[union-attr]
    print(
        f"command: python bench/bench_diff.py --clauses {args.clauses} --runs {args.runs} --seed "
        f"{args.seed}"
    )
    print(
        f"documents: {len(old.clauses)} → {len(new.clauses)} clauses, {len(old_text):,} → "
        f"{len(new_text):,} chars"
    )
    print(f"{'what':<46} {'median s':>9}  runs")
    print(
        f"{'dpa_compare.diff.diff (clause matching + redlines)':<46} {clause_time:>9.3f}  "
        f"{args.runs}"
    )
    print(f"{'diff-match-patch, whole texts, Diff_Timeout=0':<46} {dmp_time:>9.3f}  {args.runs}")
    print(f"changes: {counts}")
    print(f"dmp edits: {len(dmp_result)}; signature: {result.signature}")  # type: ignore[arg-type, union-attr]
    print(f"goal ≤ 2 s median: {'met' if clause_time <= 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
