"""Measure `check` on real official translations: false alarms per 100 articles, and recall on
injected defects.

    python bench/bench_qa_real.py [--laws 24] [--seed 13] [--json] [--skip-inject] [--skip-corpus]
    python bench/bench_qa_real.py --set amendments --skip-inject --skip-corpus   # held-out stand-in
    python bench/bench_qa_real.py --skip-inject --skip-corpus --json --minor-sample 25   # minor

Reads `../shared/data/real/tw-laws/pairs/` (Chinese original + official English
translation of Taiwan laws; skipped with a message when absent) and the
bundled corpus. Three parts:

1. **False alarms.** `check` over every tw-laws pair (and tw-pdpa): findings per
   100 articles by check and severity, and every critical/major finding with
   law, article, check, message and evidence, so each can be given a verdict
   (official translations: nearly every one is a false alarm).
2. **Injected defects.** For `--laws` laws chosen with `--seed`, one copy of the
   Chinese per defect kind with exactly one defect injected (a changed number
   or amount, a changed cross-reference, an English sentence left in, a
   deleted article or paragraph, a changed date, a defined term rendered two
   ways). A defect counts as found when a finding of the check meant for it
   names a clause of the article it was injected into. Recall per kind.
3. **Corpus.** The seeded v2.0 draft (defects found out of the key's ten) and
   the careful v1.0 translation (findings, should be 0).

The injected copies live in a temporary directory only; nothing from the
shared documents is written anywhere else.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # -- measure this checkout, not whichever install is on the path --
SHARED = (REPO / "../shared/data/real").resolve()
PAIRS = SHARED / "tw-laws" / "pairs"
AMENDMENTS = SHARED / "tw-laws" / "amendments"
PDPA = SHARED / "tw-pdpa"
CORPUS = REPO / "corpus"
SERIOUS = ("critical", "major")

_ARTICLE_ID = re.compile(r"^art([^.]+)")
_ZH_ARTICLE_HEADING = re.compile(r"^#{2,6}\s*第\s*(\S+?)\s*條\s*$")
_EN_ARTICLE_HEADING = re.compile(r"^#{2,6}\s*Article\s+(\S+)\s*$")
_CN = "零一二三四五六七八九十百千"


# ----------------------------------------------------------------- documents --


@dataclass
class LawText:
    """A law's Markdown as lines, with the line span of each article (heading line, end)."""

    lines: list[str]
    articles: dict[str, tuple[int, int]]

    @classmethod
    def read(cls, path: Path, heading: re.Pattern[str]) -> LawText:
        """Return the law at `path`, its articles found by `heading`."""
        lines = path.read_text(encoding="utf-8").split("\n")
        starts = [(i, m.group(1)) for i, line in enumerate(lines) if (m := heading.match(line))]
        articles = {}
        for k, (start, number) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
            while end > start and (lines[end - 1].startswith("#") or not lines[end - 1].strip()):
                end -= 1
            articles[number] = (start, end)
        return cls(lines, articles)

    def paragraphs(self, number: str) -> list[int]:
        """Return the line indices of the body paragraphs of article `number`."""
        start, end = self.articles[number]
        return [
            i
            for i in range(start + 1, end)
            if self.lines[i].strip() and not self.lines[i].startswith(("#", "<!--"))
        ]

    def text(self) -> str:
        return "\n".join(self.lines)


def _load(path: Path, lang: str) -> Any:
    from dpa_compare.api import load

    return load(path, lang=lang)


def _check(en_path: Path, zh_path: Path) -> Any:
    from dpa_compare.qa import check_documents

    return check_documents(_load(en_path, "en"), _load(zh_path, "zh"))


def _articles(result: Any) -> int:
    return sum(
        1
        for c in result.alignment.en.clauses
        if _ARTICLE_ID.match(c.id) and "." not in c.id and c.label
    )


def _article_of(clause_id: str | None) -> str | None:
    m = _ARTICLE_ID.match(clause_id or "")
    return m.group(1) if m else None


def _finding_articles(finding: Any) -> set[str]:
    ids = [finding.en_id, finding.zh_id, *finding.en_ids, *finding.zh_ids]
    return {a for a in map(_article_of, ids) if a}


# -------------------------------------------------------------- false alarms --


def _finding_key(finding: Any) -> tuple[str, str, str]:
    return (finding.check, finding.en_label, finding.message)


def _clause_texts(result: Any, finding: Any) -> dict[str, str]:
    """Return the text of the finding's English and Chinese clauses (for reading a sample)."""
    texts = {}
    for side, doc, ids in (
        ("en_text", result.alignment.en, [finding.en_id, *finding.en_ids]),
        ("zh_text", result.alignment.zh, [finding.zh_id, *finding.zh_ids]),
    ):
        by_id = {c.id: c.text for c in doc.clauses}
        wanted = list(dict.fromkeys(i for i in ids if i))
        texts[side] = "\n".join(by_id.get(i, "") for i in wanted)
    return texts


def false_alarms(
    pairs: list[tuple[str, Path, Path]],
    clean: dict[str, set[tuple[str, str, str]]] | None = None,
    minor_sample: int = 0,
    minor_seed: int = 1,
    minor_texts: bool = False,
) -> dict[str, Any]:
    """Run check over `pairs`; return totals per 100 articles and every serious finding.

    `clean`, when given, receives each law's findings (keys), so an injected
    copy's findings can be told from those the clean text already had. With
    `minor_sample` N, also a seeded random sample (`minor_seed`) of N minor
    findings per check, each with an id (`law#index` among the law's findings);
    `minor_texts` adds the texts of the finding's clauses, to judge it by.
    """
    by_check: Counter[tuple[str, str]] = Counter()
    serious: list[dict[str, Any]] = []
    minors: dict[str, list[dict[str, Any]]] = {}
    articles = 0
    slowest = (0.0, "")
    for name, en_path, zh_path in pairs:
        started = time.perf_counter()
        result = _check(en_path, zh_path)
        took = time.perf_counter() - started
        slowest = max(slowest, (took, name))
        articles += _articles(result)
        if clean is not None:
            clean[name] = {_finding_key(f) for f in result.findings}
        for index, f in enumerate(result.findings):
            by_check[(f.check, f.severity)] += 1
            if minor_sample and f.severity == "minor":
                item = {
                    "id": f"{name}#{index}",
                    "law": name,
                    "en": f.en_label,
                    "zh": f.zh_label,
                    "check": f.check,
                    "message": f.message,
                    "evidence": _jsonable(f.evidence),
                }
                if minor_texts:
                    item.update(_clause_texts(result, f))
                minors.setdefault(f.check, []).append(item)
            if f.severity in SERIOUS:
                serious.append(
                    {
                        "law": name,
                        "en": f.en_label,
                        "zh": f.zh_label,
                        "check": f.check,
                        "severity": f.severity,
                        "message": f.message,
                        "evidence": _jsonable(f.evidence),
                    }
                )
    per100 = (lambda n: round(100 * n / articles, 2)) if articles else (lambda n: 0.0)
    out = {
        "laws": len(pairs),
        "articles": articles,
        "by_check": {f"{c}/{s}": per100(n) for (c, s), n in sorted(by_check.items())},
        "serious_per_100_articles": per100(len(serious)),
        "serious": serious,
        "slowest": {"law": slowest[1], "seconds": round(slowest[0], 2)},
    }
    if minor_sample:
        rng = random.Random(minor_seed)
        out["minor_sample"] = {
            "seed": minor_seed,
            "per_check": minor_sample,
            "population": {check: len(items) for check, items in sorted(minors.items())},
            "findings": {
                check: rng.sample(items, min(minor_sample, len(items)))
                for check, items in sorted(minors.items())
            },
        }
    return out


def _jsonable(evidence: Any) -> Any:
    from dpa_compare.model import to_jsonable

    return to_jsonable(evidence)


# ---------------------------------------------------------------- injection --


@dataclass
class Injected:
    """One injected defect: the changed Chinese, the article it sits in and what changed."""

    zh: str
    article: str
    what: str


Injector = Callable[[LawText, LawText, random.Random], Injected | None]


def _body_lines(zh: LawText) -> list[tuple[str, int]]:
    return [(number, i) for number in zh.articles for i in zh.paragraphs(number)]


def _pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))] if items else None


def _replace_span(line: str, start: int, end: int, new: str) -> str:
    return line[:start] + new + line[end:]


_ZH_QUANTITY = re.compile(
    rf"(?<![第民國\d{_CN}])([{_CN}]+|\d+)(?=(?:個月|日內|日起|日前|日以上|小時|年以下|年以上|萬元|元|人以上|人|倍|分之))"
)


def inject_number(zh: LawText, en: LawText, rng: random.Random) -> Injected | None:
    """Change one quantity (`三十日內`, `新臺幣五萬元`, `二分之一`) to another value."""
    from dpa_compare.lang.numerals import chinese_to_int, int_to_chinese

    spots = [(n, i, m) for n, i in _body_lines(zh) for m in _ZH_QUANTITY.finditer(zh.lines[i])]
    choice = _pick(rng, spots)
    if choice is None:
        return None
    number, i, m = choice
    token = m.group(1)
    value = int(token) if token.isdigit() else chinese_to_int(token)
    new_value = value + (1 if value < 9 else 10 if value < 100 else value // 2)
    new = str(new_value) if token.isdigit() else int_to_chinese(new_value)
    zh.lines[i] = _replace_span(zh.lines[i], m.start(1), m.end(1), new)
    return Injected(zh.text(), number, f"{token} → {new}")


_ZH_CITATION = re.compile(rf"第([{_CN}]+)條(?!之)")


def inject_reference(zh: LawText, en: LawText, rng: random.Random) -> Injected | None:
    """Change one cross-reference to an article (`第十二條` → `第十三條`) in the text."""
    from dpa_compare.lang.numerals import chinese_to_int, int_to_chinese

    spots = [(n, i, m) for n, i in _body_lines(zh) for m in _ZH_CITATION.finditer(zh.lines[i])]
    choice = _pick(rng, spots)
    if choice is None:
        return None
    number, i, m = choice
    new = int_to_chinese(chinese_to_int(m.group(1)) + 1)
    zh.lines[i] = _replace_span(zh.lines[i], m.start(1), m.end(1), new)
    return Injected(zh.text(), number, f"第{m.group(1)}條 → 第{new}條")


_ORDINARY_WORD = re.compile(r"[A-Za-z][a-z]+")
MIN_LEFT_WORDS = 4
"""Ordinary words (letters only, not all capitals) a sentence left in needs: `(Repealed)` or
`Paragraph 3.1` is a caption or label, no translator's leftover English."""


def _english_sentence(en: LawText, number: str) -> str | None:
    """Return the first sentence of article `number` in English with `MIN_LEFT_WORDS` ordinary words
    or more, else None."""
    for line in en.paragraphs(number):
        for sentence in re.split(r"(?<=[.;:])\s+", en.lines[line].strip()):
            if len(_ORDINARY_WORD.findall(sentence)) >= MIN_LEFT_WORDS:
                return sentence
    return None


def inject_english(zh: LawText, en: LawText, rng: random.Random) -> Injected | None:
    """Leave one English sentence (of the same article; `MIN_LEFT_WORDS` ordinary words at least)
    in a Chinese paragraph."""
    shared = [
        n
        for n in zh.articles
        if n in en.articles and zh.paragraphs(n) and _english_sentence(en, n) is not None
    ]
    number = _pick(rng, shared)
    if number is None:
        return None
    sentence = _english_sentence(en, number)
    assert sentence is not None
    i = _pick(rng, zh.paragraphs(number))
    zh.lines[i] = zh.lines[i].rstrip() + sentence
    return Injected(zh.text(), number, f"appended {sentence[:40]!r}")


def inject_deletion(zh: LawText, en: LawText, rng: random.Random) -> Injected | None:
    """Delete one paragraph of an article with several, or (every other law) a whole article."""
    several = [n for n in zh.articles if len(zh.paragraphs(n)) >= 2 and n in en.articles]
    if several and rng.random() < 0.5:
        number = _pick(rng, several)
        i = _pick(rng, zh.paragraphs(number)[1:])
        what = f"deleted paragraph {zh.lines[i][:20]!r}"
        del zh.lines[i]
        return Injected(zh.text(), number, what)
    numbers = [n for n in list(zh.articles)[1:] if n in en.articles and zh.paragraphs(n)]
    number = _pick(rng, numbers)
    if number is None:
        return None
    start, end = zh.articles[number]
    del zh.lines[start:end]
    return Injected(zh.text(), number, f"deleted article {number}")


_ZH_DATE = re.compile(rf"([{_CN}\d]+)年([{_CN}\d]+)月([{_CN}\d]+)日")


def inject_date(zh: LawText, en: LawText, rng: random.Random) -> Injected | None:
    """Change the day of one date (`一百年一月一日` → `一百年一月二日`)."""
    from dpa_compare.lang.numerals import chinese_to_int, int_to_chinese

    spots = [(n, i, m) for n, i in _body_lines(zh) for m in _ZH_DATE.finditer(zh.lines[i])]
    choice = _pick(rng, spots)
    if choice is None:
        return None
    number, i, m = choice
    day = m.group(3)
    value = int(day) if day.isdigit() else chinese_to_int(day)
    new_value = value + 1 if value < 28 else value - 1
    new = str(new_value) if day.isdigit() else int_to_chinese(new_value)
    zh.lines[i] = _replace_span(zh.lines[i], m.start(3), m.end(3), new)
    return Injected(zh.text(), number, f"day {day} → {new}")


_ZH_DEFINED = re.compile(r"[（(]以下(?:簡|简)?稱「?([^」）)]{2,12})」?[）)]")
_EN_DEFINED = re.compile(r"hereinafter[^“\"]{0,20}[“\"]([^”\"]{2,40})[”\"]", re.IGNORECASE)


def inject_term(zh: LawText, en: LawText, rng: random.Random) -> Injected | None:
    """Render a short form the law introduces (`（以下簡稱X）`) another way in one later use.

    The injected change must be a defined term translated two ways, so:

    - the Chinese short form must have an English short form of its own: the
      article introducing it introduces as many short forms in each language,
      paired in order (`（以下稱本保險）…（以下稱停約）` beside one `hereinafter
      "Insurance"` pairs nothing — the English never defines 停約);
    - the English of the changed paragraph must use that English short form:
      the whole phrase, in any case (`"the Act"` is in "this Act" and "the act",
      not in "the acts of violation"), in the English paragraph at the same
      place of the article (the same index when both have as many paragraphs,
      else that position or a neighbour) — an English paragraph that says
      "the Regulations" where the Chinese says 本法 gives the term nothing to
      be compared with.
    """
    uses = []
    for def_article, def_line, term, english in _short_form_pairs(zh, en):
        phrase = re.compile(rf"(?<!\w){re.escape(english)}(?!\w)", re.IGNORECASE)
        for n, i in _body_lines(zh):
            if i <= def_line or n == def_article or term not in zh.lines[i] or n not in en.articles:
                continue
            if any(phrase.search(en.lines[j]) for j in _english_beside(zh, en, n, i)):
                uses.append((n, i, term))
    choice = _pick(rng, uses)
    if choice is None:
        return None
    number, i, term = choice
    variant = _variant(term)
    zh.lines[i] = zh.lines[i].replace(term, variant)
    return Injected(zh.text(), number, f"{term} → {variant}")


def _english_beside(zh: LawText, en: LawText, number: str, line: int) -> list[int]:
    """Return the English paragraph lines at the place of Chinese paragraph `line` in article
    `number`: the same index when both have as many paragraphs, else the proportional position and
    its neighbours."""
    chinese, english = zh.paragraphs(number), en.paragraphs(number)
    if not english:
        return []
    k = chinese.index(line)
    if len(chinese) == len(english):
        return [english[k]]
    j = round(k * (len(english) - 1) / max(len(chinese) - 1, 1))
    return english[max(j - 1, 0) : j + 2]


def _short_form_pairs(zh: LawText, en: LawText) -> list[tuple[str, int, str, str]]:
    """Return (article, Chinese line, Chinese short form, English short form) for every short form
    both languages introduce: per article, the two lists paired in order when they are as long."""
    found = []
    for number in zh.articles:
        if number not in en.articles:
            continue
        chinese = [
            (i, m.group(1))
            for i in zh.paragraphs(number)
            for m in _ZH_DEFINED.finditer(zh.lines[i])
        ]
        s, e = en.articles[number]
        english = [m.group(1) for m in _EN_DEFINED.finditer("\n".join(en.lines[s:e]))]
        if chinese and len(chinese) == len(english):
            found.extend(
                (number, i, term, eng) for (i, term), eng in zip(chinese, english, strict=True)
            )
    return found


def _variant(term: str) -> str:
    """Return another rendering of `term` that does not contain it: 本法 → 該法, 主管機關 →
    該機關."""
    return "該" + (term[-2:] if len(term) >= 3 else term[-1])


INJECTORS: dict[str, tuple[Injector, set[str]]] = {
    "number": (inject_number, {"numbers"}),
    "cross_reference": (inject_reference, {"cross_references"}),
    "english_left_in": (inject_english, {"untranslated"}),
    "deletion": (inject_deletion, {"omission"}),
    "date": (inject_date, {"dates"}),
    "term_two_ways": (inject_term, {"term_consistency", "glossary"}),
}


def injected_recall(
    pairs: list[tuple[str, Path, Path]],
    laws: int,
    seed: int,
    work: Path,
    clean: dict[str, set[tuple[str, str, str]]],
    kinds: set[str] | None = None,
) -> dict[str, Any]:
    """Inject each defect kind into up to `laws` laws (chosen with `seed`); return recall per kind.

    A defect is found by a finding of its check, on its article, that the
    clean text did not already have (a false alarm there does not count).
    """
    results: dict[str, Any] = {}
    for kind, (injector, wanted) in INJECTORS.items():
        if kinds and kind not in kinds:
            continue
        rng = random.Random(f"{seed}-{kind}")
        order = pairs[:]
        rng.shuffle(order)
        found, tried, missed = 0, 0, []
        for name, en_path, zh_path in order:
            if tried >= laws:
                break
            zh = LawText.read(zh_path, _ZH_ARTICLE_HEADING)
            en = LawText.read(en_path, _EN_ARTICLE_HEADING)
            injected = injector(zh, en, rng)
            if injected is None:
                continue
            tried += 1
            if (
                name not in clean
            ):  # -- the false-alarm pass was skipped: check the clean text now --
                clean[name] = {_finding_key(f) for f in _check(en_path, zh_path).findings}
            copy = work / f"{name}-{kind}.zh.md"
            copy.write_text(injected.zh, encoding="utf-8")
            result = _check(en_path, copy)
            hit = any(
                f.check in wanted
                and injected.article in _finding_articles(f)
                and _finding_key(f) not in clean.get(name, set())
                for f in result.findings
            )
            found += hit
            if not hit:
                missed.append({"law": name, "article": injected.article, "what": injected.what})
        results[kind] = {
            "laws": tried,
            "found": found,
            "recall": round(found / tried, 3) if tried else None,
            "missed": missed,
        }
    return results


# ------------------------------------------------------------------- corpus --


def corpus() -> dict[str, Any]:
    """Return the seeded draft's defects found (of the key) and the careful translation's
    findings."""
    import yaml

    from dpa_compare.qa import check_documents, load_glossary

    glossary = load_glossary(CORPUS / "glossary.yaml")
    old_en, old_zh = (
        _load(CORPUS / "en/dpa-2020-05.md", "en"),
        _load(CORPUS / "zh/dpa-2020-05.zh.md", "zh"),
    )
    careful = check_documents(old_en, old_zh, glossary=glossary)
    draft = check_documents(
        _load(CORPUS / "en/dpa-2023-03.md", "en"),
        _load(CORPUS / "zh/dpa-2023-03.zh.md", "zh"),
        glossary=glossary,
        previous=(old_en, old_zh),
    )
    key = yaml.safe_load((CORPUS / "keys/defects-2023-03.yaml").read_text(encoding="utf-8"))
    labels = [
        {p.strip() for lab in (f.en_label, f.zh_label) for p in lab.split(" + ")}
        for f in draft.findings
    ]
    found = sum(any({d["en"], d["zh"]} & found_at for found_at in labels) for d in key["defects"])
    return {
        "draft_defects_found": found,
        "draft_defects": len(key["defects"]),
        "draft_findings": len(draft.findings),
        "careful_findings": len(careful.findings),
        "careful": [(f.check, f.en_label, f.message) for f in careful.findings],
    }


# --------------------------------------------------------------------- main --


def law_pairs() -> list[tuple[str, Path, Path]]:
    """Return (code, English path, Chinese path) for every tw-laws pair, sorted by code."""
    return [
        (zh.name.removesuffix(".zh.md"), zh.with_name(zh.name.replace(".zh.md", ".en.md")), zh)
        for zh in sorted(PAIRS.glob("*.zh.md"))
        if zh.with_name(zh.name.replace(".zh.md", ".en.md")).exists()
    ]


def amendment_pairs(earliest: bool = False) -> list[tuple[str, Path, Path]]:
    """Return (code@date, English, Chinese) for laws of the amendment records not in `pairs/`.

    Each such law's latest amended text (`new.en.md` / `new.zh.md`) with its official English:
    laws of the same kind the checks were never developed on, a stand-in for a held-out set.
    With `earliest`, each law's oldest text (`old.*.md` of its first event, dated by it): an
    older official translation of the same laws.
    """
    seen = {code for code, _, _ in law_pairs()}
    chosen: dict[str, Path] = {}
    version = "old" if earliest else "new"
    for event in sorted(AMENDMENTS.glob("*-*-*")):
        code = event.name.split("-")[0]
        if code in seen or (earliest and code in chosen):
            continue
        if (event / f"{version}.zh.md").exists() and (event / f"{version}.en.md").exists():
            chosen[code] = event  # -- sorted by date: the last one is the latest --
    date = 1 if earliest else -1
    return [
        (
            f"{code}@{event.name.split('-')[date]}",
            event / f"{version}.en.md",
            event / f"{version}.zh.md",
        )
        for code, event in sorted(chosen.items())
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--laws", type=int, default=24, help="laws per injected defect kind")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--limit", type=int, default=0, help="only the first N tw-laws pairs (0: all)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--skip-inject", action="store_true")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument(
        "--skip-false-alarms", action="store_true", help="only injected recall and corpus"
    )
    parser.add_argument(
        "--kinds", default="", help="comma-separated injected defect kinds (default: all)"
    )
    parser.add_argument(
        "--set",
        choices=("pairs", "amendments", "earliest"),
        default="pairs",
        help="pairs: tw-laws/pairs (80 laws); amendments: the latest text of each law of the "
        "amendment records not among the pairs (69 laws, a held-out stand-in); earliest: the "
        "oldest text of each of those laws (an older official translation)",
    )
    parser.add_argument(
        "--minor-sample",
        type=int,
        default=0,
        help="add to the JSON a seeded random sample of N minor findings per check",
    )
    parser.add_argument("--minor-seed", type=int, default=1, help="seed of --minor-sample")
    parser.add_argument(
        "--minor-texts",
        action="store_true",
        help="with --minor-sample, add the texts of each sampled finding's clauses",
    )
    args = parser.parse_args(argv)
    if not PAIRS.is_dir():
        print(f"tw-laws pairs not found at {PAIRS}: nothing to measure", file=sys.stderr)
        return 0
    if args.set == "pairs":
        pairs = law_pairs()
    else:
        pairs = amendment_pairs(earliest=args.set == "earliest")
    pairs = pairs[: args.limit or None]
    clean: dict[str, set[tuple[str, str, str]]] = {}
    out: dict[str, Any] = {"set": args.set}
    if not args.skip_false_alarms:
        out["tw_laws"] = false_alarms(
            pairs, clean, args.minor_sample, args.minor_seed, args.minor_texts
        )
    pdpa = (PDPA / "tw-pdpa.en.md", PDPA / "tw-pdpa.zh.md")
    if all(p.exists() for p in pdpa) and not args.skip_false_alarms:
        out["tw_pdpa"] = {k: v for k, v in false_alarms([("tw-pdpa", *pdpa)]).items()}
    if not args.skip_inject:
        with tempfile.TemporaryDirectory() as work:
            kinds = {k for k in args.kinds.split(",") if k} or None
            out["injected"] = injected_recall(pairs, args.laws, args.seed, Path(work), clean, kinds)
    if not args.skip_corpus:
        out["corpus"] = corpus()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        _print(out)
    return 0


def _print(out: dict[str, Any]) -> None:
    if "tw_laws" in out:
        _print_false_alarms(out)
    for kind, r in out.get("injected", {}).items():
        print(f"injected {kind:18} found {r['found']}/{r['laws']} recall {r['recall']}")
        for m in r["missed"]:
            print(f"    missed {m['law']} art {m['article']}: {m['what']}")
    if "corpus" in out:
        c = out["corpus"]
        print(
            f"corpus draft: {c['draft_defects_found']}/{c['draft_defects']} defects found "
            f"({c['draft_findings']} findings); careful translation: {c['careful_findings']} "
            "findings"
        )
        for item in c["careful"]:
            print(f"    careful: {item}")


def _print_false_alarms(out: dict[str, Any]) -> None:
    laws = out["tw_laws"]
    print(f"tw-laws: {laws['laws']} laws, {laws['articles']} articles; slowest {laws['slowest']}")
    print(f"critical+major per 100 articles: {laws['serious_per_100_articles']}")
    for key, per100 in laws["by_check"].items():
        print(f"  {key:32} {per100:7.2f} per 100 articles")
    for f in laws["serious"]:
        print(
            f"- {f['law']} {f['en'] or '-'} ⇄ {f['zh'] or '-'} [{f['check']}/{f['severity']}] "
            f"{f['message']}"
        )
        print(f"    evidence: {json.dumps(f['evidence'], ensure_ascii=False)[:300]}")
    if "tw_pdpa" in out:
        p = out["tw_pdpa"]
        print(f"tw-pdpa: {len(p['serious'])} critical/major; by check {p['by_check']}")


if __name__ == "__main__":
    sys.exit(main())
