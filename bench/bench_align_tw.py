"""Benchmark clause alignment on real official translations: the tw-laws pairs (Chinese original,
official English).

    python bench/bench_align_tw.py [--laws A0030056,B0000006] [--embeddings auto|on|off] [--json]
                                   [--set pairs|amendments|earliest]
    [--worst 10]
                                   [--keys bench/keys/tw-paragraphs]

For every pair in `../shared/data/real/tw-laws/pairs/index.json` (or the
`--laws` subset) both documents are loaded and aligned once. The article key
is the article number: `Article N` ⇄ `第 N 條` (read from each clause's own
label or that of its nearest article ancestor). Scores per law:

- article-level precision / recall / F1: the predicted article pairs are the
  (English article, Chinese article) of every clause pair inside a link; the
  gold pairs are N ⇄ N for every number present on both sides. A link that
  joins Article 5 to 第 6 條 costs precision; an article pair with nothing
  linked costs recall. Clauses outside any article (titles, chapter and
  section headings) are left out of this score.
- unaligned: clauses of both sides in a 1-0 / 0-1 link, as a share of all
  clauses of both sides;
- seconds per 100 articles: `align_documents` wall time (loading excluded;
  the first law also pays the lazy loading of dictionary and encoder, so a
  warm-up alignment runs first), and its CPU time (process time): on a
  shared, loaded machine the wall time mostly measures the wait for a core.

`--keys DIR` also scores hand-checked paragraph keys (`PCODE.json`: the
links as lists of clause ids, see the README there) by exact link match
(precision over the system's links, recall over the key's, both counting
1-0 / 0-1 links). Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "real" / "tw-laws"
KEYS = ROOT / "bench" / "keys" / "tw-paragraphs"
TARGETS = {"article_f1": 1.0, "unaligned": 0.02, "seconds_per_100": 5.0, "key_f1": 0.98}

_EN_ARTICLE = re.compile(r"^Article\s+(\d+(?:-\d+)*)\s*$")
_ZH_ARTICLE = re.compile(r"^第\s*(\d+(?:-\d+)*)\s*條\s*$")


def article_of(document: object) -> dict[str, str | None]:
    """Return each clause id's article number (its own label or its nearest article ancestor's), or
    None."""
    pattern = _EN_ARTICLE if document.lang == "en" else _ZH_ARTICLE  # type: ignore[attr-defined]
    by_id = {c.id: c for c in document.clauses}  # type: ignore[attr-defined]
    out: dict[str, str | None] = {}
    for clause in document.clauses:  # type: ignore[attr-defined]
        number, node = None, clause
        while node is not None:
            match = pattern.match(node.label.strip())
            if match:
                number = match.group(1)
                break
            node = by_id.get(node.parent) if node.parent else None
        out[clause.id] = number
    return out


def score_articles(alignment: object) -> dict[str, float | int]:
    """Return article-level precision, recall, F1 and the unaligned-clause counts of one
    alignment."""
    en_art, zh_art = article_of(alignment.en), article_of(alignment.zh)  # type: ignore[attr-defined]
    gold = {(n, n) for n in set(en_art.values()) & set(zh_art.values()) if n is not None}
    predicted: set[tuple[str, str]] = set()
    unaligned = 0
    for link in alignment.links:  # type: ignore[attr-defined]
        if not link.en_ids or not link.zh_ids:
            unaligned += len(link.en_ids) + len(link.zh_ids)
            continue
        for e in link.en_ids:
            for z in link.zh_ids:
                if en_art[e] is not None and zh_art[z] is not None:
                    predicted.add((en_art[e], zh_art[z]))  # type: ignore[arg-type]
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = len(en_art) + len(zh_art)
    wrong = sorted(predicted - gold)[:5]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "clauses": total,
        "unaligned": unaligned,
        "unaligned_share": unaligned / total if total else 0.0,
        "wrong_pairs": [f"{e}⇄{z}" for e, z in wrong],
    }


def score_key(alignment: object, key: dict) -> dict[str, float | int]:
    """Return exact-link precision / recall / F1 of `alignment` against a paragraph key."""

    def norm(en_ids: list[str], zh_ids: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(sorted(en_ids)), tuple(sorted(zh_ids))

    en_ids = sorted(i for link in key["links"] for i in link[0])
    zh_ids = sorted(i for link in key["links"] for i in link[1])
    if en_ids != sorted(c.id for c in alignment.en.clauses) or zh_ids != sorted(  # type: ignore[attr-defined]
        c.id
        for c in alignment.zh.clauses  # type: ignore[attr-defined]
    ):
        raise SystemExit(f"{key['law']}: the key does not cover the segmented clauses exactly once")
    gold = {norm(link[0], link[1]) for link in key["links"]}
    got = {norm(list(k.en_ids), list(k.zh_ids)) for k in alignment.links}  # type: ignore[attr-defined]
    hits = len(gold & got)
    precision, recall = hits / len(got), hits / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return {"links": len(gold), "precision": precision, "recall": recall, "f1": f1}


def amendment_laws(paired: set[str], earliest: bool = False) -> list[dict]:
    """Return the laws of the amendment records that are not in `pairs/`, each its latest text.

    Laws of the same kind the aligner was never developed on — a stand-in for a held-out set.
    With `earliest`, each law's oldest text instead (`old.*.md` of its first amendment event:
    an older official translation, a second stand-in). Each entry: `pcode`, `articles` (the
    Chinese article headings), `en` and `zh` paths.
    """
    chosen: dict[str, Path] = {}
    version = "old" if earliest else "new"
    for event in sorted((DATA / "amendments").glob("*-*-*")):
        code = event.name.split("-")[0]
        if code in paired or (earliest and code in chosen):
            continue
        if (event / f"{version}.zh.md").exists() and (event / f"{version}.en.md").exists():
            chosen[code] = event  # -- sorted by date: the last one is the latest --
    laws = []
    for code, event in sorted(chosen.items()):
        zh_text = (event / f"{version}.zh.md").read_text(encoding="utf-8")
        articles = sum(1 for line in zh_text.splitlines() if _ZH_ARTICLE.match(line.lstrip("# ")))
        laws.append(
            {
                "pcode": code,
                "articles": articles,
                "en": event / f"{version}.en.md",
                "zh": event / f"{version}.zh.md",
            }
        )
    return laws


def main(argv: list[str] | None = None) -> int:
    """Align every selected tw-laws pair, print one row per law and the totals; 1 when a target is
    missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", default="", help="comma-separated PCODEs (default: all)")
    parser.add_argument("--embeddings", choices=["auto", "on", "off"], default="auto")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the per-law table as Markdown (BENCHMARKS.md)",
    )
    parser.add_argument("--worst", type=int, default=10, help="worst laws named in the summary")
    parser.add_argument("--keys", default=str(KEYS), help="folder of hand-checked paragraph keys")
    parser.add_argument(
        "--set",
        choices=("pairs", "amendments", "earliest"),
        default="pairs",
        help="pairs: tw-laws/pairs (80 laws); amendments: the latest text of each law of the "
        "amendment records not among the pairs (69 laws, a held-out stand-in); earliest: the "
        "oldest text of each of those laws (an older official translation)",
    )
    args = parser.parse_args(argv)
    if not (DATA / "index.json").exists():
        print(f"{DATA}: not found (the shared real data is absent)", file=sys.stderr)
        return 2
    from dpa_compare.align.clause import ClauseAlignOptions, align_documents
    from dpa_compare.api import load

    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))["pairs"]
    if args.set in ("amendments", "earliest"):
        index = amendment_laws({p["pcode"] for p in index}, earliest=args.set == "earliest")
    else:
        for law in index:
            law["en"] = DATA / "pairs" / f"{law['pcode']}.en.md"
            law["zh"] = DATA / "pairs" / f"{law['pcode']}.zh.md"
    wanted = {p.strip() for p in args.laws.split(",") if p.strip()}
    laws = [p for p in index if not wanted or p["pcode"] in wanted]
    options = ClauseAlignOptions(embeddings=args.embeddings)
    keys_dir = Path(args.keys)
    rows, key_rows = [], []
    warmed = False
    for law in laws:
        pcode = law["pcode"]
        en = load(law["en"], lang="en")
        zh = load(law["zh"], lang="zh")
        if not warmed:
            align_documents(en, zh, options)  # -- warm-up: dictionary, encoder, jieba --
            warmed = True
        start, cpu = time.perf_counter(), time.process_time()
        alignment = align_documents(en, zh, options)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        row = {"law": pcode, "articles": law["articles"], "seconds": seconds, "cpu_seconds": cpu}
        row["seconds_per_100"] = seconds / max(law["articles"], 1) * 100
        row["cpu_seconds_per_100"] = cpu / max(law["articles"], 1) * 100
        row.update(score_articles(alignment))
        rows.append(row)
        key_path = keys_dir / f"{pcode}.json"
        if key_path.exists():
            key = json.loads(key_path.read_text(encoding="utf-8"))
            key_rows.append({"law": pcode, **score_key(alignment, key)})
    total_clauses = sum(r["clauses"] for r in rows)
    total_unaligned = sum(r["unaligned"] for r in rows)
    summary = {
        "laws": len(rows),
        "articles": sum(r["articles"] for r in rows),
        "article_f1_min": min(r["f1"] for r in rows),
        "article_f1_mean": statistics.mean(r["f1"] for r in rows),
        "laws_below_f1_1": sum(1 for r in rows if r["f1"] < 1.0),
        "unaligned_share": total_unaligned / total_clauses if total_clauses else 0.0,
        "unaligned_share_worst": max(r["unaligned_share"] for r in rows),
        "seconds_per_100_median": statistics.median(r["seconds_per_100"] for r in rows),
        "seconds_per_100_worst": max(r["seconds_per_100"] for r in rows),
        "cpu_seconds_per_100_median": statistics.median(r["cpu_seconds_per_100"] for r in rows),
        "cpu_seconds_per_100_worst": max(r["cpu_seconds_per_100"] for r in rows),
        "key_f1_min": min((k["f1"] for k in key_rows), default=None),
    }
    verdict = int(
        summary["article_f1_min"] < TARGETS["article_f1"]
        or summary["unaligned_share"] > TARGETS["unaligned"]
        or summary["seconds_per_100_worst"] > TARGETS["seconds_per_100"]
        or (bool(key_rows) and summary["key_f1_min"] < TARGETS["key_f1"])
    )
    if args.json:
        print(json.dumps({"summary": summary, "laws": rows, "keys": key_rows}, indent=1))
        return verdict
    if args.markdown:
        _markdown(rows, key_rows)
    else:
        _print(args, rows, key_rows, summary)
    return verdict


def _markdown(rows: list[dict], key_rows: list[dict]) -> None:
    print(
        "| law | articles | clauses | article P / R / F1 | unaligned | s / 100 articles (wall, "
        "CPU) |"
    )
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['law']} | {r['articles']} | {r['clauses']} | {r['precision']:.3f} / "
            f"{r['recall']:.3f} / {r['f1']:.3f} | {r['unaligned']} "
            f"({100 * r['unaligned_share']:.1f} %) | {r['seconds_per_100']:.2f}, "
            f"{r['cpu_seconds_per_100']:.2f} |"
        )
    if key_rows:
        print()
        print("| paragraph key | links | P | R | F1 |")
        print("|---|---|---|---|---|")
        for k in key_rows:
            print(
                f"| {k['law']} | {k['links']} | {k['precision']:.3f} | {k['recall']:.3f} | "
                f"{k['f1']:.3f} |"
            )


def _print(args: argparse.Namespace, rows: list[dict], key_rows: list[dict], summary: dict) -> None:
    command = "python bench/bench_align_tw.py" + (f" --laws {args.laws}" if args.laws else "")
    print(f"command: {command} --embeddings {args.embeddings}")
    print(
        f"{'law':<10} {'arts':>5} {'clauses':>8} {'P':>6} {'R':>6} {'F1':>6} {'unal':>5} "
        f"{'unal%':>6} {'s':>6} {'s/100':>6} {'cpu/100':>7}  wrong pairs"
    )
    for r in rows:
        print(
            f"{r['law']:<10} {r['articles']:>5} {r['clauses']:>8} {r['precision']:>6.3f} "
            f"{r['recall']:>6.3f} {r['f1']:>6.3f} {r['unaligned']:>5} "
            f"{100 * r['unaligned_share']:>5.1f}% {r['seconds']:>6.2f} "
            f"{r['seconds_per_100']:>6.2f} {r['cpu_seconds_per_100']:>7.2f}  "
            f"{' '.join(r['wrong_pairs'])}"
        )
    for k in key_rows:
        print(
            f"key {k['law']}: {k['links']} links, P {k['precision']:.3f} R {k['recall']:.3f} F1 "
            f"{k['f1']:.3f}"
        )
    print(
        f"total: {summary['laws']} laws, {summary['articles']} articles; article F1 min "
        f"{summary['article_f1_min']:.3f} "
        f"mean {summary['article_f1_mean']:.3f} ({summary['laws_below_f1_1']} laws below 1.000); "
        f"unaligned {100 * summary['unaligned_share']:.2f}% of clauses (worst law "
        f"{100 * summary['unaligned_share_worst']:.1f}%); s/100 articles median "
        f"{summary['seconds_per_100_median']:.2f}, worst {summary['seconds_per_100_worst']:.2f} "
        f"(CPU time: median {summary['cpu_seconds_per_100_median']:.2f}, "
        f"worst {summary['cpu_seconds_per_100_worst']:.2f})"
    )
    for name, field in (
        ("F1", "f1"),
        ("unaligned", "unaligned_share"),
        ("s/100", "seconds_per_100"),
    ):
        reverse = field != "f1"
        worst = sorted(rows, key=lambda r: r[field], reverse=reverse)[: args.worst]
        print(f"worst by {name}: " + ", ".join(f"{r['law']} {r[field]:.3f}" for r in worst))
    print(
        f"targets: article F1 {TARGETS['article_f1']:.3f}, unaligned ≤ "
        f"{100 * TARGETS['unaligned']:.0f}%, "
        f"worst ≤ {TARGETS['seconds_per_100']:.0f} s/100 articles, paragraph keys F1 ≥ "
        f"{TARGETS['key_f1']}"
    )


if __name__ == "__main__":
    sys.exit(main())
