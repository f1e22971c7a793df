"""Checks on what must survive translation unchanged: numbers, dates, cross-references, URLs and
e-mails."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from dpa_compare.lang.citations import Place, names_other_law, place_of, resolve, within_range
from dpa_compare.model import Clause
from dpa_compare.qa.refs import Ref, find_refs, refs_agree, translate_ref
from dpa_compare.qa.registry import Context, Issue, Pair, Severity, check
from dpa_compare.qa.text import find_emails, find_urls, normalise, url_key
from dpa_compare.qa.values import (
    QUANTITY_KINDS,
    Value,
    cited_numbers,
    extract_values,
    malformed,
    only_attributive,
    unit_refinements,
    unmatched_values,
)


def _both(pair: Pair) -> bool:
    return bool(pair.en_text.strip()) and bool(pair.zh_text.strip())


def _values(pair: Pair, ctx: Context) -> tuple[list[Value], list[Value]]:
    return ctx.memo(
        f"values:{id(pair)}",
        lambda: (extract_values(pair.en_text, "en"), extract_values(pair.zh_text, "zh")),
    )


def _describe(values: list[Value]) -> str:
    return ", ".join(
        f"{v.label} ({v.text.strip()!r})" if v.label != v.text.strip() else v.label for v in values
    )


def _value_evidence(
    pair: Pair, en: list[Value], zh: list[Value], listed: bool = True
) -> dict[str, list[str] | str]:
    """Return the evidence of a numbers finding: the values each side alone states (labels, left
    empty unless `listed`, and as written) and the two clause texts."""
    return {
        "en_only": [v.label for v in en] if listed else [],
        "zh_only": [v.label for v in zh] if listed else [],
        "en_text": [v.text for v in en],
        "zh_text": [v.text for v in zh],
        "en_clause": pair.en_text,
        "zh_clause": pair.zh_text,
    }


def _value_issue(
    what: str,
    pair: Pair,
    en_only: list[Value],
    zh_only: list[Value],
    severity: Severity | None = None,
    typos: list[Value] | None = None,
) -> Iterator[Issue]:
    if not en_only and not zh_only:
        return
    parts = []
    if en_only:
        parts.append(f"English only: {_describe(en_only)}")
    if zh_only:
        parts.append(f"Chinese only: {_describe(zh_only)}")
    if typos:
        parts.append(f"malformed: {_describe_typos(typos)}")
    yield Issue(
        f"{what} differ — " + "; ".join(parts),
        _value_evidence(pair, en_only, zh_only),
        severity=severity,
    )


def _describe_typos(typos: list[Value]) -> str:
    return ", ".join(f"{v.text.strip()!r} ({v.typo}; read as {v.label})" for v in typos)


def _typo_issue(pair: Pair, en_typos: list[Value], zh_typos: list[Value]) -> Issue:
    """Return the minor finding for figures that agree once a typo of form is repaired.

    The reviewer still sees the malformed form (`NT$240, 000`, `HT$ 20,000`);
    it is no changed figure, so it is not critical.
    """
    typos = [*en_typos, *zh_typos]
    evidence = _value_evidence(pair, en_typos, zh_typos, listed=False)
    evidence["malformed"] = [v.typo for v in typos]
    return Issue(
        f"numbers agree once a malformed figure is read as meant — {_describe_typos(typos)}",
        evidence,
        severity="minor",
    )


@check("critical")
def numbers(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Numbers, amounts, percentages and durations differ between English and Chinese.

    Values are compared normalised (`thirty (30) days` = `三十日`,
    `USD 1 million` = `100万美元`); clause numbers and cross-references
    are left to `cross_references`.
    """
    if not _both(pair):
        yield from _split_values("numbers", pair, ctx, QUANTITY_KINDS)
        return
    en, zh = _values(pair, ctx)
    en_only, zh_only = _unmatched_quantities(pair, ctx)
    en_only, zh_only = _not_moved(pair, ctx, en_only, zh_only)
    en_only, zh_only, refined = unit_refinements(en_only, zh_only)
    en_typos, zh_typos = malformed(en), malformed(zh)
    if not en_only and not zh_only and not refined:
        strict_en, strict_zh = _not_moved(pair, ctx, *_unmatched_quantities(pair, ctx, False))
        if strict_en or strict_zh:
            # -- `Subsection1 1` ⇄ 第一款, `Act 23` ⇄ 第二十三條: a number the other side holds
            #    only inside a citation — a citation written in a form not recognised --
            yield _cited_issue(pair, strict_en, strict_zh)
            return
    if refined and not en_only and not zh_only:
        # -- `12 days` ⇄ 十二個營業日: the same figure, its unit told more exactly on one side --
        yield _refined_issue(pair, refined)
        return
    if en_only or zh_only:
        # -- `a two-year programme` ⇄ 專修科 names the programme rather than changing a figure --
        severity: Severity | None = "minor" if only_attributive(en_only, zh_only) else None
        yield from _value_issue("numbers", pair, en_only, zh_only, severity, [*en_typos, *zh_typos])
    elif en_typos or zh_typos:  # -- `NT$240, 000` ⇄ 二十四萬元: the same figure, with a typo --
        yield _typo_issue(pair, en_typos, zh_typos)


def _unmatched_quantities(
    pair: Pair, ctx: Context, citations: bool = True
) -> tuple[list[Value], list[Value]]:
    """Return the quantities of `pair` found on one side only, once per run.

    With `citations`, a plain number the other side holds in a citation is
    not left over (see `cited_numbers`).
    """

    def compute() -> tuple[list[Value], list[Value]]:
        en, zh = _values(pair, ctx)
        if not citations:
            return unmatched_values(en, zh, QUANTITY_KINDS)
        return unmatched_values(
            en,
            zh,
            QUANTITY_KINDS,
            cited_numbers(pair.en_text, "en"),
            cited_numbers(pair.zh_text, "zh"),
        )

    return ctx.memo(f"unmatched:{citations}:{id(pair)}", compute)


def _not_moved(
    pair: Pair, ctx: Context, en_only: list[Value], zh_only: list[Value]
) -> tuple[list[Value], list[Value]]:
    """Drop what was moved across a paragraph boundary: a figure one side states here and the
    other in the neighbouring pair of the same article, left over there too.

    Two languages may end a paragraph at different sentences; the aligner
    pairs the paragraphs, and a sentence with its figure sits one pair over.
    """
    if not en_only and not zh_only:
        return en_only, zh_only
    index: dict[int, int] = ctx.memo(
        "pair_index", lambda: {id(p): i for i, p in enumerate(ctx.pairs)}
    )
    at = index.get(id(pair))
    if at is None:
        return en_only, zh_only
    article = _article(pair)
    for step in (-1, 1):
        if not 0 <= at + step < len(ctx.pairs):
            continue
        neighbour = ctx.pairs[at + step]
        if article is None or _article(neighbour) != article or not _both(neighbour):
            continue
        their_en, their_zh = _unmatched_quantities(neighbour, ctx)
        en_only = [v for v in en_only if not any(_same_value(v, w) for w in their_zh)]
        zh_only = [v for v in zh_only if not any(_same_value(v, w) for w in their_en)]
    return en_only, zh_only


def _article(pair: Pair) -> str | None:
    clause = pair.en if pair.en is not None else pair.zh
    return place_of(clause.path).article if clause is not None else None


def _same_value(a: Value, b: Value) -> bool:
    return a.kind == b.kind and a.unit == b.unit and bool(set(a.keys) & set(b.keys))


def _cited_issue(pair: Pair, en_only: list[Value], zh_only: list[Value]) -> Issue:
    """Return the minor finding for numbers the other side states only inside a citation."""
    parts = [f"English {_describe(en_only)}"] if en_only else []
    parts += [f"Chinese {_describe(zh_only)}"] if zh_only else []
    return Issue(
        "numbers agree only as parts of citations — "
        + "; ".join(parts)
        + " stated across the way inside a citation (check how the citation is written)",
        _value_evidence(pair, en_only, zh_only),
        severity="minor",
    )


def _refined_issue(pair: Pair, refined: list[tuple[Value, Value]]) -> Issue:
    shown = ", ".join(f"{en.text.strip()!r} ⇄ {zh.text.strip()!r}" for en, zh in refined)
    return Issue(
        f"numbers agree, one side names the unit more exactly — {shown}",
        _value_evidence(pair, [en for en, _ in refined], [zh for _, zh in refined]),
        severity="minor",
    )


@check("critical")
def dates(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Dates differ between English and Chinese (`1 January 2025` ⇄ `2025年1月1日`)."""
    if not _both(pair):
        yield from _split_values("dates", pair, ctx, ("date",))
        return
    en, zh = _values(pair, ctx)
    yield from _value_issue("dates", pair, *unmatched_values(en, zh, ("date",)))


def _split_values(what: str, pair: Pair, ctx: Context, kinds: tuple[str, ...]) -> Iterator[Issue]:
    """Compare an unaligned paragraph's values with the text that holds its translation.

    When the two languages split an article differently and the aligner left
    this paragraph alone, `omission` / `addition` find its translation in a
    neighbouring paragraph (`split_holder`); its numbers must be there too.
    """
    from dpa_compare.qa.checks.structure import split_holder

    clause, lang = (pair.en, "en") if pair.en is not None else (pair.zh, "zh")
    if clause is None or not clause.text.strip():
        return
    holder = split_holder(clause, lang, ctx)
    if holder is None:
        return
    mine = extract_values(clause.full_text, lang)
    theirs = extract_values(holder, "zh" if lang == "en" else "en")
    en_only, zh_only = unmatched_values(
        *((mine, theirs) if lang == "en" else (theirs, mine)), kinds
    )
    missing = en_only if lang == "en" else zh_only
    if missing:
        yield from _value_issue(what, pair, *((missing, []) if lang == "en" else ([], missing)))


def _distinct(refs: list[tuple[Ref, Ref]]) -> list[tuple[Ref, Ref]]:
    kept: list[tuple[Ref, Ref]] = []
    for ref in refs:
        if not any(_agree(r, ref) for r in kept):
            kept.append(ref)
    return kept


def _agree(left: tuple[Ref, Ref], right: tuple[Ref, Ref]) -> bool:
    """Return True when two (as written, resolved) citations agree in either form."""
    return refs_agree(left[0], right[0]) or refs_agree(left[1], right[1])


def clause_citations(
    clause: Clause | None, text: str, lang: str, ctx: Context | None = None
) -> list[tuple[Ref, Ref]]:
    """Return (citation as written, citation resolved against its clause) for what `text` cites.

    A heading's own label (`Part One`, `第一部分`, `Article 8` at the start
    of a heading) names the clause rather than referring to one, and is left out.
    With `ctx`, the paragraphs of the article that carry a numbered list are known
    (see `Place.listed`).
    """
    place = place_of(clause.path) if clause is not None else Place()
    if ctx is not None and place.article is not None:
        listed = ctx.memo(f"listed_paragraphs:{lang}", lambda: _listed_paragraphs(ctx, lang))
        place = replace(place, listed=frozenset(listed.get(place.article, ())))
    heading = clause.heading if clause is not None else ""
    found = []
    for ref in find_refs(normalise(text), lang):
        if heading and ref.start < len(heading) and not text[: ref.start].strip(" #*\t"):
            continue
        if _own_number(ref, place) and not text[: ref.start].strip(" #*\t"):
            continue
        found.append((ref, resolve(ref, place)))
    return found


def _own_number(ref: Ref, place: Place) -> bool:
    """Return True for a paragraph's own printed number at its start (`Paragraph 4.2 After …` in
    Article 4): some official translations number paragraphs as article.paragraph in the text."""
    return (
        ref.kind == "relative"
        and len(ref.path) == 2
        and place.article is not None
        and ref.path[0] == place.article
    )


_PARAGRAPH_STEP = re.compile(r"p(\d+)")


def _listed_paragraphs(ctx: Context, lang: str) -> dict[str, set[int]]:
    """Return, by article, the paragraphs followed by numbered items (in or after them)."""
    doc = ctx.en_doc if lang == "en" else ctx.zh_doc
    listed: dict[str, set[int]] = {}
    current: dict[str, int] = {}
    for clause in doc.clauses if doc is not None else ():
        article = place_of(clause.path).article
        if article is None or article not in clause.path:
            continue
        below = clause.path[clause.path.index(article) + 1 :]
        if not below:
            continue
        if m := _PARAGRAPH_STEP.fullmatch(below[0]):
            if len(below) == 1:
                current[article] = int(m.group(1))
                continue
            listed.setdefault(article, set()).add(int(m.group(1)))
        else:  # -- an item written after a paragraph, beside it in the tree --
            listed.setdefault(article, set()).add(current.get(article, 1))
    return listed


@check("major")
def cross_references(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Cross-references cite different clauses or annexes (`Section 5.2` ⇄ `第5.2条`, `Annex 2` ⇄
    `附件二`).

    Citations are read with the one grammar of `lang.citations` (worded and
    reordered forms, ranges, relative references resolved against the clause
    they sit in). Major when the two sides cite different things; minor when
    a citation stands on one side only (made explicit or left implicit). With a label map from the
    alignment, an English reference
    is expected in Chinese as the label of the clause aligned with its target.
    """
    if not _both(pair):
        return
    en_refs = [
        (translate_ref(raw, ctx.label_map), translate_ref(res, ctx.label_map))
        for raw, res in _distinct(clause_citations(pair.en, pair.en_text, "en", ctx))
    ]
    zh_refs = _distinct(clause_citations(pair.zh, pair.zh_text, "zh", ctx))
    missing, extra = list(en_refs), list(zh_refs)
    for ref in en_refs:
        match = next((z for z in extra if _agree(ref, z)), None)
        if match is not None:
            missing.remove(ref)
            extra.remove(match)
    # -- one citation may cover two on the other side: a range's two ends (`Articles 9-12` ⇄
    #    第九條至第十二條) or a whole article and its parts --
    extra = [z for z in extra if not any(_agree(ref, z) for ref in en_refs)]
    missing = [ref for ref in missing if not any(_agree(ref, z) for z in zh_refs)]
    # -- a member inside a range the other side cites by its ends ("Paragraphs 2 to 5" ⇄
    #    第二項、第三項、第四項、第五項) --
    en_all, zh_all = [raw for raw, _ in en_refs], [raw for raw, _ in zh_refs]
    en_norm, zh_norm = normalise(pair.en_text), normalise(pair.zh_text)
    extra = [z for z in extra if not within_range(z[0], en_all, en_norm)]
    missing = [r for r in missing if not within_range(r[0], zh_all, zh_norm)]
    if not missing or not extra:
        # -- 前項 / 前條 / "the preceding paragraph" on one side only: the other language points
        #    back with "the aforesaid …", 該 …, or lets the sentence imply it; no finding --
        missing = [ref for ref in missing if not _points_back(ref[0])]
        extra = [ref for ref in extra if not _points_back(ref[0])]
    if not missing and not extra:
        return
    parts = []
    if missing:
        parts.append("English cites " + ", ".join(f"{r.text} (→ {r.display})" for r, _ in missing))
    if extra:
        parts.append("Chinese cites " + ", ".join(f"{r.text} (→ {r.display})" for r, _ in extra))
    # -- a citation on one side only is mostly made explicit or left implicit by the translator
    #    ("a union as stated in Article 2" ⇄ 關係, 前項 ⇄ "as mentioned above"); two that
    #    disagree — or a relative one that cannot be placed — cite something else: major --
    conflicting = _conflicting(missing, extra, en_norm, zh_norm)
    yield Issue(
        "cross-references differ — " + "; ".join(parts),
        {
            "en_only": [r.text for r, _ in missing],
            "zh_only": [r.text for r, _ in extra],
            "expected_zh": [r.display for _, r in missing],
            "en_clause": pair.en_text,
            "zh_clause": pair.zh_text,
        },
        severity=None if conflicting else "minor",
    )


def _points_back(ref: Ref) -> bool:
    """Return True for a citation of the unit(s) just before (前項, 前二條, "the preceding
    paragraph")."""
    return ref.kind == "relative" and ref.path[0].startswith("prev")


def _conflicting(
    missing: list[tuple[Ref, Ref]], extra: list[tuple[Ref, Ref]], en_text: str, zh_text: str
) -> bool:
    """Return True when an English and a Chinese citation left unmatched may cite one thing
    differently.

    Both must be placed (not relative once resolved) and of one kind: an annex on one side and
    an article on the other are two one-sided citations, not one changed. A citation naming
    another law ("Article 5 of the Civil Code") is no changed form of 前條 or "the preceding
    article", which always cite the text's own.
    """
    for en_raw, en_res in missing:
        for zh_raw, zh_res in extra:
            if "relative" in (en_res.kind, zh_res.kind) or en_res.kind != zh_res.kind:
                continue
            if (zh_raw.kind == "relative" and names_other_law(en_raw, en_text, "en")) or (
                en_raw.kind == "relative" and names_other_law(zh_raw, zh_text, "zh")
            ):
                continue
            return True
    return False


@check("major")
def urls(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """URLs or e-mail addresses differ between English and Chinese."""
    if not _both(pair):
        return
    en = _addresses(pair.en_text)
    zh = _addresses(pair.zh_text)
    en_only = [shown for key, shown in en.items() if key not in zh]
    zh_only = [shown for key, shown in zh.items() if key not in en]
    if en_only or zh_only:
        parts = [f"English only: {', '.join(en_only)}"] if en_only else []
        parts += [f"Chinese only: {', '.join(zh_only)}"] if zh_only else []
        yield Issue(
            "URLs / e-mail addresses differ — " + "; ".join(parts),
            {"en_only": en_only, "zh_only": zh_only},
        )


def _addresses(text: str) -> dict[str, str]:
    found = {url_key(url): url for url, _, _ in find_urls(text)}
    found.update({address.lower(): address for address, _, _ in find_emails(text)})
    return found


__all__ = ["cross_references", "dates", "numbers", "urls"]
