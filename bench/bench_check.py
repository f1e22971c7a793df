"""Benchmark `dpa-compare check` on a generated 1,000-clause English / Chinese pair.

    python bench/bench_check.py [--clauses 1000] [--repeat 5] [--aligner project|number]
    python bench/bench_check.py --big-clause 200      # one 200 KB clause: time and peak memory
    python bench/bench_check.py --file EN.md ZH.md     # a real pair (e.g. the largest tw-laws law)

The pair is generated (sections of numbered sub-clauses carrying numbers,
dates, cross-references, defined terms and e-mail addresses, each with a
faithful Chinese rendering, and a few seeded defects). Each run times the
whole command in-process: loading both files, aligning, every check, and the
text report; the median of `--repeat` runs is compared with the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 2.0
"""The target for a 1,000-clause pair (median of the runs)."""

_CN_DIGITS = "零一二三四五六七八九"
_EN_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]

_TEMPLATES = [
    (
        "The Provider shall notify the Customer within {w} ({n}) days of a request made under "
        "Section {ref}.",
        "提供方应在收到根据第{ref}条提出的请求后{c}（{n}）日内通知客户。",
    ),
    (
        "The Customer may object to a new Sub-processor by writing to privacy@example.com within "
        "{w} ({n}) days.",
        "客户可在{c}（{n}）日内致函privacy@example.com，反对新的分处理者。",
    ),
    (
        "The Provider shall keep records of Processing for {w} ({n}) years after the Agreement "
        "ends on 1 March 2025.",
        "提供方应在协议于2025年3月1日终止后将处理记录保存{c}（{n}）年。",
    ),
    (
        "Each party shall pay {n}% of the fees set out in Annex 2 within {w} ({n}) Business Days.",
        "各方应在{c}（{n}）个工作日内支付附件二所列费用的{n}%。",
    ),
    (
        "The Provider shall ensure that its personnel who Process Personal Data are bound by "
        "confidentiality.",
        "提供方应确保其处理个人数据的人员受保密义务约束。",
    ),
]


def _cn(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else _CN_DIGITS[n]
    return f"十{_CN_DIGITS[n - 10]}" if n < 20 else "二十"


def generate(clauses: int) -> tuple[str, str]:
    """Return (English, Chinese) Markdown with about `clauses` clauses: 25 sub-clauses per
    section."""
    en = [
        "# Data Processing Addendum",
        'This Data Processing Addendum (this "DPA") is made by the Provider.',
    ]
    zh = ["# 数据处理附录", "本数据处理附录（“本附录”）由提供方订立。"]
    per_section = 25
    sections = max(1, -(-(clauses - 2) // (per_section + 1)))
    for s in range(1, sections + 1):
        en.append(f"## {s}. Obligations {s}")
        zh.append(f"## {s}. 义务{_cn(s % 20 or 20)}")
        for k in range(1, per_section + 1):
            n = (s * 7 + k) % 20 + 1
            en_t, zh_t = _TEMPLATES[(s + k) % len(_TEMPLATES)]
            ref = f"{s}.{k % per_section + 1}"
            zh_text = zh_t.format(c=_cn(n), n=n, ref=ref)
            if (s * per_section + k) % 97 == 0:  # -- a seeded defect now and then --
                zh_text = zh_text.replace(f"（{n}）", f"（{n + 1}）").replace("，", ",")
            en.append(f"{s}.{k} " + en_t.format(w=_EN_WORDS[n], n=n, ref=ref))
            zh.append(f"{s}.{k} " + zh_text)
    return "\n\n".join(en) + "\n", "\n\n".join(zh) + "\n"


def run_once(
    en_path: Path, zh_path: Path, glossary: Path | None, aligner: str
) -> tuple[float, float, int, int, str]:
    """Return (seconds, of which aligning, clauses, findings, aligner) for one in-process `check` of
    the pair."""
    from dpa_compare.api import load
    from dpa_compare.qa import align, align_by_number, check_documents, load_glossary
    from dpa_compare.qa.render import check_text

    start = time.perf_counter()
    en, zh = load(en_path, lang="en"), load(zh_path, lang="zh")
    terms = load_glossary(glossary) if glossary else None
    aligned = time.perf_counter()
    alignment = align_by_number(en, zh) if aligner == "number" else align(en, zh, terms)
    aligning = time.perf_counter() - aligned
    result = check_documents(en, zh, glossary=terms, alignment=alignment)
    check_text(result)
    return (
        time.perf_counter() - start,
        aligning,
        len(en.clauses),
        len(result.findings),
        ",".join(alignment.scorers),
    )


BIG_TARGET_SECONDS = 10.0
BIG_TARGET_MB = 1024


def big_clause(kilobytes: int) -> tuple[str, str]:
    """Return (English, Chinese) Markdown whose one clause is about `kilobytes` KB on each side.

    The clause repeats sentences carrying numbers, dates, citations (worded
    and numbered) and defined terms, so every check has work to do.
    """
    en_unit = (
        "The Provider shall notify the Customer within thirty (30) days under Paragraph 2, "
        "Article 7 and the preceding paragraph, and shall pay USD 1,000 by 1 March 2025. "
    )
    zh_unit = (
        "提供方应依第七条第二款及前款于三十（30）日内通知客户，并于2025年3月1日前支付1,000美元。"
    )
    en_n = kilobytes * 1024 // len(en_unit.encode())
    zh_n = kilobytes * 1024 // len(zh_unit.encode())
    return (
        "# Big\n\n1. Obligations\n\n1.1 " + en_unit * en_n + "\n",
        "# 大\n\n1. 义务\n\n1.1 " + zh_unit * zh_n + "\n",
    )


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_file(en_path: Path, zh_path: Path, aligner: str, label: str) -> int:
    """Time one `check` of a given pair; print seconds (of which aligning) and peak memory."""
    seconds, aligning, clauses, findings, used = run_once(en_path, zh_path, None, aligner)
    peak = _peak_mb()
    ok = seconds <= BIG_TARGET_SECONDS and peak <= BIG_TARGET_MB
    print(
        f"{label}: {clauses} clauses, {findings} findings, {seconds:.2f} s (aligning "
        f"{aligning:.2f} s, "
        f"{used}), peak {peak:.0f} MB; target ≤ {BIG_TARGET_SECONDS:.0f} s and ≤ {BIG_TARGET_MB} "
        "MB: "
        f"{'yes' if ok else 'no'}"
    )
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table and the command; return 0 (1 when the median misses the
    target)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--aligner",
        choices=["project", "number"],
        default="project",
        help="project: dpa_compare.align.clause.aligner when installed (else the number fallback)",
    )
    parser.add_argument(
        "--big-clause",
        type=int,
        default=0,
        metavar="KB",
        help="check one pair whose single clause is KB kilobytes (time and peak memory)",
    )
    parser.add_argument("--file", nargs=2, metavar=("EN", "ZH"), help="check this pair once")
    args = parser.parse_args(argv)
    if args.file:
        return run_file(
            Path(args.file[0]), Path(args.file[1]), args.aligner, Path(args.file[1]).name
        )
    if args.big_clause:
        with tempfile.TemporaryDirectory() as tmp:
            en_text, zh_text = big_clause(args.big_clause)
            en_path, zh_path = Path(tmp) / "big.en.md", Path(tmp) / "big.zh.md"
            en_path.write_text(en_text, encoding="utf-8")
            zh_path.write_text(zh_text, encoding="utf-8")
            return run_file(en_path, zh_path, args.aligner, f"one {args.big_clause} KB clause")
    root = Path(__file__).resolve().parents[1]
    glossary = root / "corpus" / "glossary.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        en_text, zh_text = generate(args.clauses)
        en_path, zh_path = Path(tmp) / "bench.en.md", Path(tmp) / "bench.zh.md"
        en_path.write_text(en_text, encoding="utf-8")
        zh_path.write_text(zh_text, encoding="utf-8")
        run_once(
            en_path, zh_path, glossary if glossary.exists() else None, args.aligner
        )  # -- warm-up: imports, jieba --
        runs = [
            run_once(en_path, zh_path, glossary if glossary.exists() else None, args.aligner)
            for _ in range(args.repeat)
        ]
    times = [run[0] for run in runs]
    median = statistics.median(times)
    align_median = statistics.median(run[1] for run in runs)
    print(
        f"command: python bench/bench_check.py --clauses {args.clauses} --repeat {args.repeat} "
        f"--aligner {args.aligner}"
    )
    print(f"aligner: {runs[0][4]}")
    print(
        f"{'clauses':>8} {'findings':>9} {'runs':>5} {'median s':>9} {'align s':>8} {'rest s':>7} "
        f"{'min s':>7} "
        f"{'max s':>7} {'target s':>9} {'ok':>3}"
    )
    print(
        f"{runs[0][2]:>8} {runs[0][3]:>9} {len(times):>5} {median:>9.3f} {align_median:>8.3f} "
        f"{median - align_median:>7.3f} "
        f"{min(times):>7.3f} {max(times):>7.3f} {TARGET_SECONDS:>9.1f} "
        f"{'yes' if median <= TARGET_SECONDS else 'no':>3}"
    )
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
