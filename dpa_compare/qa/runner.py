"""Run the registered checks over aligned pairs and collect `Finding`s; a crashing check never
aborts the run."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypedDict

from dpa_compare.model import Document
from dpa_compare.qa.registry import CHECKS, SEVERITIES, Check, Context, Finding, Issue, Pair

if TYPE_CHECKING:
    from dpa_compare.glossary.terms import Glossary
    from dpa_compare.qa.refs import Ref


MAX_CHECKED_CHARS = 50_000
"""Longest clause (either side, in characters) the per-clause checks read;
`DPA_COMPARE_MAX_CHECK_CHARS`
changes it. A longer one (a whole document pasted into one paragraph) is reported once instead:
the pattern checks are not linear in the clause length, and one 200 KB clause took minutes."""


def max_checked_chars() -> int:
    """Return the clause length limit of the per-clause checks, from its environment variable if
    set."""
    raw = os.environ.get("DPA_COMPARE_MAX_CHECK_CHARS", "").strip()
    return int(raw) if raw.isdigit() else MAX_CHECKED_CHARS


def available_checks() -> dict[str, Check]:
    """Return every registered check by name (importing the built-in checks first)."""
    import dpa_compare.qa.checks  # noqa: F401  -- registers the built-in checks --

    return dict(CHECKS)


def run_checks(
    pairs: Sequence[Pair],
    en_doc: Document | None,
    zh_doc: Document | None,
    glossary: Glossary | None = None,
    label_map: Mapping[str, str] | None = None,
    checks: Iterable[str] | None = None,
    on_check: Callable[[str], None] | None = None,
) -> list[Finding]:
    """Return the findings of the checks named in `checks` (None: all) over `pairs`.

    `pairs` is the whole document's alignment in document order. `label_map`
    maps English clause labels to the labels of their aligned Chinese clauses
    for the cross-reference check after renumbering (see `label_map_from_pairs`).
    Findings come in pair order, then by severity. A check that raises is
    reported as a `major` finding naming the check, the pair and the exception.
    `on_check`, when given, is called with each check's name after it ran
    (for a progress display).
    """
    registry = available_checks()
    selected = (
        list(registry.values()) if checks is None else [_lookup(registry, name) for name in checks]
    )
    ctx = Context(tuple(pairs), en_doc, zh_doc, glossary, label_map)
    findings: list[tuple[int, Finding]] = []
    order = {id(pair): i for i, pair in enumerate(ctx.pairs)}
    limit = max_checked_chars()
    too_long = {i for i, p in enumerate(ctx.pairs) if max(len(p.en_text), len(p.zh_text)) > limit}
    findings.extend((i, _too_long(ctx.pairs[i], limit)) for i in sorted(too_long))
    for chk in selected:
        if chk.scope == "document":
            findings.extend(
                (_position(order, issue.pair), f) for issue, f in _run_document(chk, ctx)
            )
        else:
            for index, pair in enumerate(ctx.pairs):
                if index not in too_long:
                    findings.extend((index, f) for f in _run_pair(chk, pair, ctx))
        if on_check is not None:
            on_check(chk.name)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda item: (item[0], rank[item[1].severity]))
    return [f for _, f in findings]


def _lookup(registry: dict[str, Check], name: str) -> Check:
    from dpa_compare.errors import UsageError

    if name not in registry:
        raise UsageError(f"unknown check {name!r}; known checks: {', '.join(registry)}")
    return registry[name]


def _position(order: dict[int, int], pair: Pair | None) -> int:
    return order.get(id(pair), -1) if pair is not None else -1


def _run_pair(chk: Check, pair: Pair, ctx: Context) -> list[Finding]:
    try:
        return [_finding(chk, issue, issue.pair or pair) for issue in chk.func(pair, ctx)]
    except Exception as exc:  # noqa: BLE001 -- a broken check must not stop the others --
        return [_crash(chk, pair, exc)]


def _run_document(chk: Check, ctx: Context) -> list[tuple[Issue, Finding]]:
    try:
        return [(issue, _finding(chk, issue, issue.pair)) for issue in chk.func(ctx)]
    except Exception as exc:  # noqa: BLE001 -- a broken check must not stop the others --
        return [(Issue(""), _crash(chk, None, exc))]


def _finding(chk: Check, issue: Issue, pair: Pair | None) -> Finding:
    return Finding(
        check=chk.name,
        severity=issue.severity or chk.severity,
        en_id=pair.en.id if pair is not None and pair.en is not None else None,
        zh_id=pair.zh.id if pair is not None and pair.zh is not None else None,
        en_label=pair.en_label if pair is not None else "",
        zh_label=pair.zh_label if pair is not None else "",
        message=issue.message,
        evidence=issue.evidence,
        **_pair_fields(pair),
    )


class _PairFields(TypedDict, total=False):
    """The `Finding` fields that name an n:m pair's clauses and its text hash."""

    en_ids: tuple[str, ...]
    zh_ids: tuple[str, ...]
    text_hash: str


def _pair_fields(pair: Pair | None) -> _PairFields:
    if pair is None:
        return {}
    fields = _PairFields(text_hash=pair.text_hash)
    if len(pair.all_en_ids) > 1:
        fields["en_ids"] = pair.all_en_ids
    if len(pair.all_zh_ids) > 1:
        fields["zh_ids"] = pair.all_zh_ids
    return fields


def _too_long(pair: Pair, limit: int) -> Finding:
    """Return the finding that says the per-clause checks skipped `pair` because it is too long."""
    size = max(len(pair.en_text), len(pair.zh_text))
    return Finding(
        check="clause-length",
        severity="minor",
        en_id=pair.en.id if pair.en is not None else None,
        zh_id=pair.zh.id if pair.zh is not None else None,
        en_label=pair.en_label,
        zh_label=pair.zh_label,
        message=f"this clause is {size:,} characters long; the per-clause checks read at most "
        f"{limit:,} and skipped it (set DPA_COMPARE_MAX_CHECK_CHARS to raise the limit)",
        evidence={"characters": size, "limit": limit},
        en_ids=pair.all_en_ids if len(pair.all_en_ids) > 1 else (),
        zh_ids=pair.all_zh_ids if len(pair.all_zh_ids) > 1 else (),
        text_hash=pair.text_hash,
    )


def _crash(chk: Check, pair: Pair | None, exc: Exception) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    evidence = {
        "exception": f"{type(exc).__name__}: {exc}",
        "at": f"{where.filename}:{where.lineno}" if where else "",
        "en_text": pair.en_text if pair is not None else "",
        "zh_text": pair.zh_text if pair is not None else "",
    }
    return Finding(
        check=chk.name,
        severity="major",
        en_id=pair.en.id if pair is not None and pair.en is not None else None,
        zh_id=pair.zh.id if pair is not None and pair.zh is not None else None,
        en_label=pair.en_label if pair is not None else "",
        zh_label=pair.zh_label if pair is not None else "",
        message=f"check {chk.name!r} failed on this pair and was skipped "
        f"({type(exc).__name__}: {exc})",
        evidence=evidence,
        **_pair_fields(pair),
    )


def label_map_from_pairs(pairs: Iterable[Pair]) -> dict[str, str]:
    """Return English label → Chinese label for every pair whose two clauses are numbered
    differently.

    Pairs whose numbers agree (`7.2` ⇄ `第七条第二款`) are left out: the
    cross-reference check already accepts those. So is an English label that more
    than one clause carries, linked to different Chinese labels (a list whose
    number ran into the line before, so that its items repeat the earlier list's
    labels): what a citation of it means is not known.
    """
    from dpa_compare.qa.refs import parse_label, paths_agree

    mapping: dict[str, str] = {}
    targets: dict[str, set[str]] = {}
    for pair in pairs:
        if pair.en is None or pair.zh is None or not pair.en.label or not pair.zh.label:
            continue
        targets.setdefault(pair.en.citation, set()).add(pair.zh.citation)
        # -- same normalised number (`11.3` ⇄ `第十一条 11.3`): nothing to translate --
        if pair.en.path == pair.zh.path:
            continue
        en_ref, zh_ref = (
            parse_label(pair.en.citation),
            parse_label(pair.zh.citation),
        )
        if en_ref is None or zh_ref is None:
            continue
        if not (_whole(en_ref, pair.en.citation) and _whole(zh_ref, pair.zh.citation)):
            # -- read in part (`Article 31 ¶4 1`, an item under a paragraph, read as `Article 31
            #    ¶4`): what it maps is not the clause the pair links --
            continue
        if en_ref.kind != zh_ref.kind or not paths_agree(en_ref.path, zh_ref.path):
            mapping[pair.en.citation] = pair.zh.citation
    return {en: zh for en, zh in mapping.items() if len(targets[en]) == 1}


def _whole(ref: Ref, citation: str) -> bool:
    """Return whether `ref` reads all of `citation` (a trailing dot or 、 aside)."""
    return not citation.strip()[ref.end :].strip(" .、．")


__all__ = ["available_checks", "label_map_from_pairs", "run_checks"]
