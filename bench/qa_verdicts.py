"""Give every remaining critical/major finding on the tw-laws pairs its recorded verdict.

    python bench/bench_qa_real.py --skip-inject --skip-corpus --json > /tmp/qa.json
    python bench/qa_verdicts.py /tmp/qa.json                 # Markdown table + counts
    python bench/qa_verdicts.py /tmp/qa.json --unjudged      # only findings with no verdict yet
    python bench/bench_qa_real.py --set amendments --skip-inject --skip-corpus --json > /tmp/am.json
    python bench/qa_verdicts.py /tmp/am.json                 # held-out stand-in: amendments.json

Verdicts live in `bench/keys/qa-verdicts/tw-laws.json`, one per finding, keyed by law,
the two clause labels and the check (ids and labels only, no document text): `true` when the
official English differs from the Chinese as the finding says, `false alarm` when the texts
agree and the check misread one of them. They were written by reading both texts of each
finding. A finding the file has no verdict for is listed as "not judged", so a new finding
after a change is seen at once. Counts per 100 articles are split by verdict: the issue's
rate counts every finding, the false-alarm rate only those the check got wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

VERDICT_FILES = Path(__file__).resolve().parent / "keys" / "qa-verdicts"
VERDICTS = VERDICT_FILES / "tw-laws.json"
"""Verdicts on the 80 pairs (`--set pairs`); `amendments.json` and `earliest.json` hold those of
`--set amendments` and `--set earliest`."""


_QUOTED_CLAUSE = re.compile(r"^((?:.* (?:has|may have) no \w+ source)|(?:no \w+ for \w+ .+?)): .*$")
"""An omission / addition message quotes the clause it concerns: the table keeps the labels only,
so no document text is copied into BENCHMARKS.md."""


def load_verdicts(path: Path) -> list[dict[str, str]]:
    """Return the recorded verdicts (law, en, zh, check, verdict)."""
    return json.loads(path.read_text(encoding="utf-8"))["verdicts"]


def verdict_for(finding: dict, verdicts: list[dict[str, str]]) -> str | None:
    """Return the verdict recorded for `finding`: same law, check and both labels; else one label.

    Labels of n:m links change when the aligner joins or splits a paragraph, so a verdict given
    for `Article 29 ¶1 ⇄ 第 29 條 ¶1` still applies to `Article 29 ¶1 ⇄ 第 29 條 ¶1 + 第 29 條 ¶2`.
    """
    same = [v for v in verdicts if v["law"] == finding["law"] and v["check"] == finding["check"]]
    for v in same:
        if v["en"] == finding["en"] and v["zh"] == finding["zh"]:
            return v["verdict"]
    for v in same:
        en_first, zh_first = finding["en"].split(" + ")[0], finding["zh"].split(" + ")[0]
        if (v["en"] and v["en"].split(" + ")[0] == en_first) or (
            v["zh"] and v["zh"].split(" + ")[0] == zh_first
        ):
            return v["verdict"]
    return None


def kind_of(verdict: str | None) -> str:
    """Return `true`, `false alarm` or `not judged` for a verdict text."""
    if verdict is None or verdict.startswith("not judged"):
        return "not judged"
    return "false alarm" if verdict.startswith("false") else "true"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("findings", help="JSON written by bench_qa_real.py --json")
    parser.add_argument(
        "--verdicts", help="verdict file (default: the one for the set the findings were run on)"
    )
    parser.add_argument("--unjudged", action="store_true", help="list only unjudged findings")
    args = parser.parse_args(argv)
    out = json.loads(Path(args.findings).read_text(encoding="utf-8"))
    laws = out.get("tw_laws")
    if not laws:
        print(f"{args.findings}: no tw_laws results in it", file=sys.stderr)
        return 2
    default = VERDICT_FILES / {"pairs": "tw-laws.json"}.get(
        out.get("set", "pairs"), f"{out.get('set')}.json"
    )
    verdicts = load_verdicts(Path(args.verdicts) if args.verdicts else default)
    counts: Counter[str] = Counter()
    rows = []
    for finding in laws["serious"]:
        verdict = verdict_for(finding, verdicts)
        counts[kind_of(verdict)] += 1
        if args.unjudged and verdict is not None:
            continue
        message = _QUOTED_CLAUSE.sub(r"\1", finding["message"]).replace("|", "/")
        message = message if len(message) <= 110 else message[:109] + "…"
        rows.append(
            f"| {finding['law']} | {finding['en'] or '–'} ⇄ {finding['zh'] or '–'} | "
            f"{finding['check']}/{finding['severity']} | {message} | {verdict or 'not judged'} |"
        )
    per_100 = {k: round(100 * n / laws["articles"], 2) for k, n in counts.items()}
    print(
        f"{len(laws['serious'])} critical/major findings over {laws['articles']} articles "
        f"({laws['serious_per_100_articles']} per 100): "
        + ", ".join(f"{k} {counts[k]} ({per_100[k]} per 100)" for k in sorted(counts))
    )
    print()
    print("| law | English ⇄ Chinese | check | finding | verdict |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
