"""Score segment / diff / stale / history on the real documents in `../shared/data/real/`.

For each tw-laws amendment event (`old.zh.md`, `new.zh.md`, `old.en.md`,
`new.en.md`, `key.json`):

- segment: the article numbers the segmenter finds (clauses labelled
  `第 N 條` / `Article N`) against the `### 第 N 條` / `### Article N`
  headings of the Markdown, in both languages, both versions;
- diff (Chinese, article level): an article counts as changed when a change
  touching it or one of its clauses changes text (renumbered-only, moved-only
  and typographic-only count as unchanged); scored against
  `amended ∪ added ∪ deleted` of the key;
- stale (4 inputs: old/new Chinese original, old/new English translation):
  articles flagged as changed in the original (`en_changed`, the compared
  side) against the key; English-only polish (rows changed on the
  translation's side only) against articles whose English text changed
  outside the key (`polish`), and against those whose English wording changed
  (`polish_wording`: a change of spacing at punctuation, quote marks, full/half
  width or capitals only — `1.The` → `1. The`, "…" → “…”, `(deleted)` → `(Deleted)` — is
  not a revision a translator re-reads);
- history: `history add` of both versions into a fresh store, then
  `clause_history` of every keyed article by the citation as printed
  (`第 N 條`) and by its bare number, which must resolve to that article.

False moves / renumbers: Taiwan amendments insert articles as `N-1` and
leave gaps where they delete, so a `moved` / `renumbered` clause is false
when its article number changed or its article is outside the key.
The other real documents (mistral-dpa, jasper-dpa: consecutive versions) have
no key: their change counts and timings are listed for reading.

The first comment line of each file (provenance) is not law text: the
Markdown reader drops HTML comments, so it takes no part.

    python bench/real_eval.py                 # everything, text table
    python bench/real_eval.py --json          # the same as JSON
    python bench/real_eval.py --stages diff --limit 10
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dpa_compare.api import load  # noqa: E402
from dpa_compare.diff import diff  # noqa: E402
from dpa_compare.diff.lineage import clause_history  # noqa: E402
from dpa_compare.model import Clause, Document  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "real"
STAGES = ("segment", "diff", "stale", "history")
_ARTICLE_LABEL = re.compile(
    r"^(?:第\s*([0-9０-９]+(?:\s*-\s*[0-9]+)?)\s*條|Article\s+([0-9]+(?:-[0-9]+)?))$"
)
_ARTICLE_HEADING = re.compile(r"^###\s+(?:第\s*(\S+?)\s*條|Article\s+(\S+))\s*$", re.MULTILINE)
_TEXT_CHANGE = frozenset({"modified", "moved_modified", "split", "merged", "added", "deleted"})


def article_number(label: str) -> str | None:
    """Return the article number a label prints (`第 9-1 條` → `9-1`), else None."""
    found = _ARTICLE_LABEL.match(" ".join(label.split()))
    if not found:
        return None
    return (found.group(1) or found.group(2)).replace(" ", "")


def article_of(document: Document) -> dict[str, str]:
    """Return {clause id: number of its article} for every clause inside an article."""
    by_id = {c.id: c for c in document.clauses}
    out: dict[str, str] = {}
    for clause in document.clauses:
        node: Clause | None = clause
        while node is not None:
            number = article_number(node.label)
            if number:
                out[clause.id] = number
                break
            node = by_id.get(node.parent) if node.parent else None
    return out


def heading_articles(path: Path) -> list[str]:
    """Return the article numbers of the Markdown's article headings, in order."""
    text = path.read_text(encoding="utf-8")
    return [(a or b).replace(" ", "") for a, b in _ARTICLE_HEADING.findall(text)]


def article_texts(path: Path) -> dict[str, str]:
    """Return {article number: its text with white space squeezed} from the Markdown."""
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    parts = _ARTICLE_HEADING.split(text)
    out = {}
    for k in range(1, len(parts) - 2, 3):
        number = (parts[k] or parts[k + 1]).replace(" ", "")
        body = re.split(r"^#{1,3} ", parts[k + 2], flags=re.MULTILINE)[0]
        out[number] = " ".join(body.split())
    return out


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def wording(text: str) -> str:
    """Return `text` without what a typographic edit changes: spacing at punctuation, width,
    quote marks, case (words run together, `usedin`, still differ)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(re.sub(r"\s*([^\w\s])\s*", r"\1", text).split())


class Score:
    """Counts of true / false positives and false negatives, summed over events."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, predicted: set[str], truth: set[str]) -> tuple[set[str], set[str]]:
        self.tp += len(predicted & truth)
        self.fp += len(predicted - truth)
        self.fn += len(truth - predicted)
        return predicted - truth, truth - predicted

    def as_dict(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(precision, 4), "recall": round(recall, 4)}  # fmt: skip


def changed_articles(result, old_map: dict[str, str], new_map: dict[str, str]) -> set[str]:  # noqa: ANN001
    """Return the article numbers touched by a text change of `result` (a VersionDiff)."""
    out: set[str] = set()
    for change in result.changes:
        if change.kind not in _TEXT_CHANGE or change.cosmetic:
            continue
        old_ids = change.old_ids or ((change.old_id,) if change.old_id else ())
        new_ids = change.new_ids or ((change.new_id,) if change.new_id else ())
        out.update(old_map[i] for i in old_ids if i in old_map)
        out.update(new_map[i] for i in new_ids if i in new_map)
    return out


def false_moves(result, old_map: dict, new_map: dict, truth: set[str]) -> Counter:  # noqa: ANN001
    """Return {kind: n} of false moves / renumbers in `result`.

    Taiwan amendments insert articles as `N-1` and leave gaps where they
    delete, so no article is ever renumbered: a moved or renumbered clause is
    false when its article number changed or its article is outside the key.
    """
    counts: Counter = Counter()
    for change in result.changes:
        if change.kind not in ("moved", "renumbered", "moved_modified"):
            continue
        before, after = old_map.get(change.old_id or ""), new_map.get(change.new_id or "")
        is_article = article_number(change.old_label) is not None
        if (is_article and before != after) or before not in truth or after not in truth:
            counts[change.kind] += 1
    return counts


class Evaluation:
    """Runs the chosen stages over the events and keeps the scores, timings and worst cases."""

    def __init__(self, stages: Iterable[str]) -> None:
        self.stages = tuple(stages)
        self.scores = {
            name: Score()
            for name in ("segment", "diff", "stale", "polish", "polish_wording", "history")
        }
        self.seconds: Counter = Counter()
        self.articles = 0
        self.moves: Counter = Counter()
        self.worst: dict[str, list[tuple[int, str, str]]] = {name: [] for name in self.scores}
        self.stale_status: Counter = Counter()

    def event(self, folder: Path) -> None:
        key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
        truth = set(key["amended"]) | set(key["added"]) | set(key["deleted"])
        paths = {name: folder / f"{name}.md" for name in ("old.zh", "new.zh", "old.en", "new.en")}
        start = time.perf_counter()
        docs = {name: load(path) for name, path in paths.items()}
        self.seconds["segment"] += time.perf_counter() - start
        maps = {name: article_of(doc) for name, doc in docs.items()}
        self.articles += len(heading_articles(paths["new.zh"]))
        name = folder.name
        if "segment" in self.stages:
            for part, doc in docs.items():
                found = {maps[part][c.id] for c in doc.clauses if article_number(c.label)}
                expected = set(heading_articles(paths[part]))
                self._note("segment", f"{name}/{part}", found, expected)
        if "diff" in self.stages:
            start = time.perf_counter()
            result = diff(docs["old.zh"], docs["new.zh"])
            self.seconds["diff"] += time.perf_counter() - start
            found = changed_articles(result, maps["old.zh"], maps["new.zh"])
            self._note("diff", name, found, truth)
            self.moves.update(false_moves(result, maps["old.zh"], maps["new.zh"], truth))
        if "stale" in self.stages:
            self._stale(name, docs, maps, truth, paths)
        if "history" in self.stages:
            self._history(name, docs, key)

    def _stale(self, name, docs, maps, truth, paths) -> None:  # noqa: ANN001
        from dpa_compare.stale import stale_report

        start = time.perf_counter()
        report = stale_report(docs["old.zh"], docs["new.zh"], docs["old.en"], docs["new.en"])
        self.seconds["stale"] += time.perf_counter() - start
        found: set[str] = set()
        polish: set[str] = set()
        for row in report.rows:
            self.stale_status[row.status] += 1
            if row.en_changed:
                found.update(maps["old.zh"][i] for i in row.old_en_ids if i in maps["old.zh"])
                found.update(maps["new.zh"][i] for i in row.new_en_ids if i in maps["new.zh"])
            elif row.zh_changed:
                polish.update(maps["old.en"][i] for i in row.zh_ids if i in maps["old.en"])
                polish.update(maps["new.en"][i] for i in row.new_zh_ids if i in maps["new.en"])
        self._note("stale", name, found, truth)
        old_en, new_en = article_texts(paths["old.en"]), article_texts(paths["new.en"])
        polished = {n for n in old_en if n in new_en and old_en[n] != new_en[n]} - truth
        self._note("polish", name, polish - truth, polished)
        reworded = {n for n in polished if wording(old_en[n]) != wording(new_en[n])}
        self._note("polish_wording", name, polish - truth, reworded)

    def _history(self, name: str, docs: dict[str, Document], key: dict) -> None:
        from dpa_compare.store import HistoryStore

        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            with HistoryStore.open(Path(tmp) / "h.db") as store:
                store.add(name, docs["old.zh"], "old")
                store.add(name, docs["new.zh"], "new")
                versions = [d for _, d in store.documents(name)]
            self.seconds["history add"] += time.perf_counter() - start
        wanted = set(key["amended"]) | set(key["added"])
        resolved: set[str] = set()
        start = time.perf_counter()
        for number in sorted(wanted):
            for citation in (f"第 {number} 條", number):
                try:
                    history = clause_history(versions, citation)
                except Exception:  # noqa: BLE001 -- a miss is scored, not raised
                    break
                ids = [e.clause_id for e in history.events if e.clause_id]
                if not ids or article_of(versions[-1]).get(ids[-1]) != number:
                    break
            else:
                resolved.add(number)
        self.seconds["history clause"] += time.perf_counter() - start
        self._note("history", name, resolved, wanted)

    def _note(self, stage: str, name: str, found: set[str], truth: set[str]) -> None:
        false_pos, false_neg = self.scores[stage].add(found, truth)
        errors = len(false_pos) + len(false_neg)
        if errors:
            detail = f"+{sorted(false_pos)} -{sorted(false_neg)}"
            self.worst[stage].append((errors, name, detail))

    def other_documents(self) -> list[dict[str, object]]:
        """Return change counts and seconds for consecutive versions of the unkeyed DPAs."""
        out = []
        for folder in ("mistral-dpa", "jasper-dpa"):
            files = sorted((REAL / folder).glob("*.md"), key=lambda p: p.name.replace("rec-", ""))
            docs = [load(p) for p in files]
            for old, new in zip(docs, docs[1:], strict=False):
                start = time.perf_counter()
                counts = diff(old, new).counts()
                seconds = time.perf_counter() - start
                pair = f"{folder}: {Path(old.source).name} → {Path(new.source).name}"
                out.append({"pair": pair, "clauses": [len(old.clauses), len(new.clauses)],
                            "counts": {k: v for k, v in counts.items() if v},
                            "seconds": round(seconds, 3)})  # fmt: skip
        return out

    def result(self, others: list[dict[str, object]]) -> dict[str, object]:
        per100 = {
            stage: round(100 * seconds / max(self.articles, 1), 3)
            for stage, seconds in sorted(self.seconds.items())
        }
        return {
            "articles": self.articles,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "false_moves_renumbers": dict(self.moves),
            "stale_status": dict(self.stale_status),
            "seconds_per_100_articles": per100,
            "worst": {
                k: [f"{n}: {d}" for _, n, d in sorted(v, reverse=True)[:5]]
                for k, v in self.worst.items()
                if v
            },  # fmt: skip
            "other_documents": others,
        }


_HEADING_NUMBER = re.compile(r"^(###\s+(?:第\s*|Article\s+))(\d+(?:-\d+)?)", re.MULTILINE)


def scaled_copy(path: Path, factor: int, folder: Path) -> Path:
    """Write `path` repeated `factor` times; copy k ≥ 1 numbers article N as `N-(100+k)`."""
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    title, _, body = text.partition("\n")
    copies = [
        _HEADING_NUMBER.sub(lambda m, k=k: f"{m.group(1)}{m.group(2)}-{100 + k}", body)
        if k
        else body
        for k in range(factor)
    ]
    out = folder / f"x{factor}.{path.name}"
    out.write_text(title + "\n" + "\n".join(copies), encoding="utf-8")
    return out


def scaling(event: Path, factors: tuple[int, ...] = (1, 4, 16)) -> list[dict[str, object]]:
    """Return seconds of diff, 4-input stale and history add on `event` repeated 1×, 4×, 16×."""
    from dpa_compare.stale import stale_report
    from dpa_compare.store import HistoryStore

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for factor in factors:
            names = ("old.zh", "new.zh", "old.en", "new.en")
            paths = {n: scaled_copy(event / f"{n}.md", factor, folder) for n in names}
            timings: dict[str, float] = {}
            start = time.perf_counter()
            docs = {n: load(p) for n, p in paths.items()}
            timings["load ×4"] = time.perf_counter() - start
            start = time.perf_counter()
            diff(docs["old.zh"], docs["new.zh"])
            timings["diff"] = time.perf_counter() - start
            start = time.perf_counter()
            stale_report(docs["old.zh"], docs["new.zh"], docs["old.en"], docs["new.en"])
            timings["stale (4 inputs)"] = time.perf_counter() - start
            start = time.perf_counter()
            with HistoryStore.open(folder / f"h{factor}.db") as store:
                store.add("law", docs["old.zh"], "old")
                store.add("law", docs["new.zh"], "new")
            timings["history add ×2"] = time.perf_counter() - start
            articles = len(heading_articles(paths["new.zh"]))
            rows.append({"factor": factor, "articles": articles,
                         "clauses": len(docs["new.zh"].clauses),
                         "seconds": {k: round(v, 3) for k, v in timings.items()}})  # fmt: skip
    return rows


def text_report(data: dict) -> str:
    lines = [
        f"tw-laws amendment events: {data['events']}"
        f" ({data['articles']} articles in the new Chinese)"
    ]
    for stage, score in data["scores"].items():
        if score["tp"] + score["fp"] + score["fn"]:
            lines.append(
                f"  {stage:8} P {score['precision']:.4f}  R {score['recall']:.4f}"
                f"  (tp {score['tp']}, fp {score['fp']}, fn {score['fn']})"
            )
    lines.append(f"  false moves / renumbers: {data['false_moves_renumbers'] or 'none'}")
    if data["stale_status"]:
        lines.append(f"  stale rows by status: {data['stale_status']}")
    lines.append(
        "  seconds per 100 articles: "
        + ", ".join(f"{k} {v}" for k, v in data["seconds_per_100_articles"].items())
    )
    for stage, cases in data["worst"].items():
        lines.append(f"  worst {stage}:")
        lines += [f"    {case}" for case in cases]
    for row in data.get("scaling", []):
        lines.append(
            f"scaling {row['factor']}×: {row['articles']} articles, {row['clauses']} clauses:"
            f" {row['seconds']}"
        )
    for other in data["other_documents"]:
        lines.append(
            f"{other['pair']}: {other['clauses']} clauses, {other['counts']}, {other['seconds']} s"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--stages", default=",".join(STAGES), help="comma-separated subset of " + ",".join(STAGES)
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N events (0: all)")
    parser.add_argument("--match", default="", help="only events whose folder name contains this")
    parser.add_argument("--data", type=Path, default=REAL, help="the real/ data folder")
    parser.add_argument(
        "--scaling", default="", help="an event folder name: time it 1×/4×/16× (only that)"
    )
    args = parser.parse_args(argv)
    root = args.data
    if not (root / "tw-laws" / "amendments").is_dir():
        print(f"{root}: no tw-laws/amendments folder (shared data absent)", file=sys.stderr)
        return 2
    if args.scaling:
        rows = scaling(root / "tw-laws" / "amendments" / args.scaling)
        data = {"events": 0, "articles": 0, "scores": {}, "false_moves_renumbers": {},
                "stale_status": {}, "seconds_per_100_articles": {}, "worst": {},
                "other_documents": [], "scaling": rows}  # fmt: skip
        print(json.dumps(rows, indent=1) if args.json else text_report(data), end="")
        return 0
    evaluation = Evaluation(s.strip() for s in args.stages.split(",") if s.strip())
    events = sorted(p for p in (root / "tw-laws" / "amendments").iterdir() if args.match in p.name)
    if args.limit:
        events = events[: args.limit]
    for folder in events:
        evaluation.event(folder)
    others = evaluation.other_documents() if not args.match and not args.limit else []
    data = {"events": len(events), **evaluation.result(others)}
    print(
        json.dumps(data, ensure_ascii=False, indent=1) if args.json else text_report(data),
        end="" if not args.json else "\n",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
