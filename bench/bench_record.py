"""Benchmark the comparison record: stage calls and time of a report's analysis, before and after.

    python bench/bench_record.py [--repeat 3]

On the bundled corpus (the 2020 → 2023 English and Chinese versions, with the
glossary), the analysis a report needs — alignment of the translation with
its original and of the current versions, translation status, QA with the
previous-version checks — is made twice, alternately:

- *stages apart*: each stage called on its own, as `report.build.analyse`
  did before the record (the status and the QA each diff the versions);
- *record*: `compare(...)` read by `report.build.analyse` (each pair aligned
  once, each version diffed once, shared by status and QA).

It prints the clause-aligner and version-diff calls of each, the median
seconds of `--repeat` runs, their ratio, and whether both give the same
statuses and findings; then the calls `check` makes without previous versions.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dpa_compare.align.clauses as clause_aligner

import dpa_compare
import dpa_compare.diff as diff_package
import dpa_compare.diff.match as diff_match
import dpa_compare.stale as stale_module

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CALLS: Counter[str] = Counter()


def _counting() -> None:
    """Count every clause-aligner and version-diff call, wherever it is made from."""
    real_align, real_diff = clause_aligner.align_documents, diff_package.diff

    def align(*args: Any, **kwargs: Any) -> Any:
        CALLS["align"] += 1
        return real_align(*args, **kwargs)

    def diff(*args: Any, **kwargs: Any) -> Any:
        CALLS["diff"] += 1
        return real_diff(*args, **kwargs)

    clause_aligner.align_documents = align  # type: ignore[assignment]
    diff_package.diff = diff  # type: ignore[assignment]
    diff_match.diff = diff  # type: ignore[assignment]
    stale_module.diff = diff  # type: ignore[assignment]


def _stages_apart(docs: dict[str, Any], glossary: Any) -> tuple[Any, Any]:
    """Return (statuses, findings) computed stage by stage, as the report did before the record."""
    from dpa_compare.qa.review import check_documents
    from dpa_compare.stale import stale_report

    align = clause_aligner.align_documents
    alignment = align(docs["old_en"], docs["old_zh"], glossary=glossary)
    current = align(docs["new_en"], docs["new_zh"], glossary=glossary)
    terms = tuple(sorted({z for entry in glossary for z in entry.zh}))
    stale = stale_report(docs["old_en"], docs["new_en"], docs["old_zh"], new_zh=docs["new_zh"],
                         alignment=alignment, new_alignment=current,
                         glossary_terms=terms)  # fmt: skip
    qa = check_documents(docs["new_en"], docs["new_zh"], glossary, None,
                         previous=(docs["old_en"], docs["old_zh"]), alignment=current)  # fmt: skip
    return stale.to_dict(), qa.findings


def _record(docs: dict[str, Any], glossary: Any) -> tuple[Any, Any]:
    """Return (statuses, findings) read from one comparison record, as the report does now."""
    from dpa_compare.report.build import analyse

    record = dpa_compare.compare(docs["new_en"], docs["new_zh"], docs["old_en"], docs["old_zh"],
                                 glossary=glossary)  # fmt: skip
    analysis = analyse(record)
    return analysis.stale.to_dict(), analysis.findings


def _timed(run: Callable[[], Any]) -> tuple[float, Any, Counter[str]]:
    CALLS.clear()
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result, Counter(CALLS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each (median reported).")
    args = parser.parse_args()
    _counting()
    docs = {
        "old_en": dpa_compare.load(CORPUS / "en/dpa-2020-05.md"),
        "new_en": dpa_compare.load(CORPUS / "en/dpa-2023-03.md"),
        "old_zh": dpa_compare.load(CORPUS / "zh/dpa-2020-05.zh.md"),
        "new_zh": dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md"),
    }
    glossary = dpa_compare.load_glossary(CORPUS / "glossary.yaml")
    times: dict[str, list[float]] = {"stages apart": [], "record": []}
    calls: dict[str, Counter[str]] = {}
    results: dict[str, Any] = {}
    for _ in range(args.repeat):
        for name, run in (("stages apart", _stages_apart), ("record", _record)):
            seconds, results[name], calls[name] = _timed(lambda run=run: run(docs, glossary))
            times[name].append(seconds)
    print("| report analysis, corpus 2020 → 2023 | aligner calls | diff calls | median s |")
    print("|---|---|---|---|")
    for name in times:
        median = statistics.median(times[name])
        print(f"| {name} | {calls[name]['align']} | {calls[name]['diff']} | {median:.2f} |")
    ratio = statistics.median(times["record"]) / statistics.median(times["stages apart"])
    print(f"\nrecord / stages apart: {ratio:.2f}")
    print(f"same statuses: {results['record'][0] == results['stages apart'][0]}, "
          f"same findings: {results['record'][1] == results['stages apart'][1]}")  # fmt: skip
    _, _, check_calls = _timed(lambda: dpa_compare.compare(docs["new_en"], docs["new_zh"]).qa)
    print(f"check without previous versions: {check_calls['align']} aligner call(s), "
          f"{check_calls['diff']} diff call(s)")  # fmt: skip


if __name__ == "__main__":
    main()
