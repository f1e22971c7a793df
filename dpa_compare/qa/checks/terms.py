"""Terminology checks: glossary renderings, consistent defined terms, English left untranslated."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from dpa_compare.glossary.terms import GlossaryEntry
from dpa_compare.lang.terms import glosses, zh_renders_otherwise
from dpa_compare.qa.registry import Context, Issue, Pair, check
from dpa_compare.qa.text import find_emails, find_urls

ALLOWED_LATIN = frozenset(
    {
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "llp",
        "lp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "s.a.",
        "bv",
        "b.v.",
        "co",
        "co.",
        "corp",
        "corp.",
        "limited",
        "pte",
        "pty",
        "sarl",
        "s.a.r.l.",
        "srl",
        "kk",
        "e.g.",
        "i.e.",
        "etc",
        "etc.",
        "vs",
        "vs.",
        "no",
        "no.",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "type",
        "ii",
        "iii",
        "iv",
    }
)
"""Latin tokens that may stand in Chinese text: company forms, abbreviations, roman numerals."""
MIN_UNTRANSLATED_WORDS = 3
"""A run of this many ordinary English words inside Chinese text is reported as untranslated."""

_QUOTED_EN = re.compile(r"[\"“‘']([^\"”’']{1,80})[\"”’']")
_QUOTED_ZH = re.compile(r"[“「『\"]([^”」』\"]{1,40})[”」』\"]")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.&/\-]*(?:[ \t]+[A-Za-z0-9][A-Za-z0-9'’.&/\-]*)*")
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "&", "in", "on", "du", "la", "von"})


# -- fixed English expressions whose head word is not the glossary term: a "third party" is not a
# party --
_NOT_THE_TERM = re.compile(r"\bthird[\s-]+part(?:y|ies)\b", re.IGNORECASE)
_CONTEXT_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "each",
        "either",
        "both",
        "any",
        "every",
        "no",
        "other",
        "one",
        "this",
        "that",
        "these",
        "those",
        "all",
        "such",
    }
)


def _kept_latin(zh: str) -> list[str]:
    """Return the multi-word Latin runs of the Chinese text (names and codes kept as written)."""
    return [m.group().strip(" .,;") for m in _LATIN_RUN.finditer(zh) if len(m.group().split()) >= 2]


def _source_text(pair: Pair) -> str:
    """Return the English text as glossary matching should read it.

    Blanked out: names the translation keeps in Latin script (`Nimbara Cloud
    Services, Inc.` is a name, not the defined Services) and fixed
    expressions whose head word is another concept (`third party`).
    """
    text = _NOT_THE_TERM.sub(lambda m: " " * len(m.group()), pair.en_text)
    for run in _kept_latin(pair.zh_text):
        text = text.replace(run, " " * len(run))
    return text


def _document_renderings(ctx: Context) -> dict[str, tuple[str, ...]]:
    from dpa_compare.qa.definitions import term_renderings

    return ctx.memo("document_renderings", lambda: term_renderings(ctx.pairs))


@check("major")
def glossary(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Glossary term not rendered as the glossary says, or a forbidden rendering used.

    A form the document defines itself is accepted in its own rendering
    (`(this "DPA")` ⇄ `（“本附录”）`: `this DPA` → 本附录). A forbidden rendering
    that is the accepted rendering of another term used in the English
    (安全事件 for Security Incident, 个人信息 for personal information) is not
    flagged.
    """
    if ctx.glossary is None or not pair.zh_text.strip():
        return
    zh = pair.zh_text
    source = _source_text(pair)
    present = [e for e in ctx.glossary.in_english(source)] if source.strip() else []
    own = _document_renderings(ctx)
    for entry in present:
        if not entry.zh or entry.rendering_in(zh) is not None:
            continue
        if any(r in zh for form in entry.find(source) for r in own.get(form.casefold(), ())):
            continue
        yield Issue(
            f"'{entry.en}' should be rendered as {' / '.join(entry.zh)}; none found in the Chinese",
            {"term": entry.en, "expected": list(entry.zh), "note": entry.note},
        )
    masked = zh
    for rendering in sorted({r for e in present for r in e.zh if r}, key=len, reverse=True):
        masked = masked.replace(rendering, "\0" * len(rendering))
    for entry in ctx.glossary:
        for bad in entry.forbidden_in(masked):
            yield Issue(
                f"forbidden rendering '{bad}' for '{entry.en}'; use "
                f"{' / '.join(entry.zh) or 'another rendering'}",
                {
                    "term": entry.en,
                    "forbidden": bad,
                    "expected": list(entry.zh),
                    "note": entry.note,
                },
            )


def _defined_term(text: str, term: str | None, pattern: re.Pattern[str]) -> str | None:
    if term:
        return term.strip()
    match = pattern.search(text)
    return match.group(1).strip() if match else None


def _definitions(ctx: Context) -> list[tuple[str, str, Pair]]:
    """Return (English term, Chinese term, pair) for every definition pair of the document."""
    found = []
    for pair in ctx.pairs:
        if pair.en is None or pair.zh is None:
            continue
        if pair.en.kind != "definition" and not pair.en.term:
            continue
        en = _defined_term(pair.en_text, pair.en.term, _QUOTED_EN)
        zh = _defined_term(pair.zh_text, pair.zh.term, _QUOTED_ZH)
        if en and zh:
            found.append((en, zh, pair))
    return found


def _term_pattern(term: str) -> re.Pattern[str]:
    words = r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", term))
    return re.compile(rf"(?<![\w-]){words}(?:e?s|['’]s|s['’])?(?![\w-])")


@check("minor", scope="document")
def term_consistency(ctx: Context) -> Iterator[Issue]:
    """The same English term is rendered in more than one way across the document."""
    definitions = _definitions(ctx)
    by_term: dict[str, list[tuple[str, Pair]]] = defaultdict(list)
    for en, zh, pair in definitions:
        by_term[en.casefold()].append((zh, pair))
    for en_key, uses in by_term.items():
        renderings = list(dict.fromkeys(zh for zh, _ in uses))
        if len(renderings) > 1:
            yield Issue(
                f"defined term '{en_key}' is defined in Chinese as {' and '.join(renderings)}",
                {
                    "term": en_key,
                    "renderings": renderings,
                    "clauses": [p.zh_label for _, p in uses],
                },
                pair=uses[-1][1],
            )
    yield from _defined_term_usage(ctx, definitions)
    yield from _short_form_usage(ctx)
    yield from _glossary_variants(ctx)


def _short_form_usage(ctx: Context) -> Iterator[Issue]:
    """Yield an issue for each later pair whose English uses a short form the Chinese renders
    otherwise.

    `(hereinafter “protection orders”)` ⇄ `（以下簡稱保護令）` fixes the
    rendering; a later clause saying "protection orders" whose Chinese lacks
    保護令 has rendered the term another way. The English is matched as a
    statute repeats a short form (`lang.terms.find_en_short_form`: "The
    Agency" and "this Agency" for "the Agency", "the designated institution"
    for "Designated Institution", "a protection order" for "protection
    orders").
    """
    from dpa_compare.lang.terms import find_en_short_form
    from dpa_compare.qa.definitions import short_forms

    order = {id(pair): i for i, pair in enumerate(ctx.pairs)}
    for term in short_forms(ctx.pairs):
        if ctx.glossary is not None and ctx.glossary.lookup(term.en) is not None:
            continue  # -- the glossary check already covers it --
        home = order.get(id(term.pair), -1)
        # -- a short form the English already used before defining it ("central competent
        # authority" before `"central competent authorities"`) is a phrase of its own in the
        # other number: only the number defined is the short form --
        earlier = "\n".join(pair.en_text for pair in ctx.pairs[: max(home, 0)])
        inflect = find_en_short_form(term.en, earlier) is None
        for pair in ctx.pairs[home + 1 :]:
            if (
                not pair.zh_text
                or not zh_renders_otherwise(term.zh, pair.zh_text, _zh_terms(ctx))
                or not find_en_short_form(term.en, pair.en_text, inflect)
            ):
                continue
            yield Issue(
                f"'{term.en}' is {term.zh} since {term.pair.zh_label or 'its definition'}, but not "
                "here",
                {
                    "term": term.en,
                    "expected": term.zh,
                    "defined_in": term.pair.zh_label,
                    "en_clause": pair.en_text,
                    "zh_clause": pair.zh_text,
                },
                pair=pair,
            )


def _defined_term_usage(ctx: Context, definitions: list[tuple[str, str, Pair]]) -> Iterator[Issue]:
    """Yield an issue for each pair using a defined English term whose Chinese definition is
    absent."""
    first: dict[str, tuple[str, str, Pair]] = {}
    for en, zh, pair in definitions:
        first.setdefault(en, (en, zh, pair))
    for en, zh, home in first.values():
        if ctx.glossary is not None and ctx.glossary.lookup(en) is not None:
            continue  # -- the glossary check already covers it --
        if not en[:1].isupper():
            # -- a statute's lower-case defined terms are ordinary words, which Chinese often leaves
            # implied --
            continue
        pattern = _term_pattern(en)
        for pair in ctx.pairs:
            if (
                pair is home
                or not pair.zh_text
                or not pattern.search(pair.en_text)
                or not zh_renders_otherwise(zh, pair.zh_text, _zh_terms(ctx))
            ):
                continue
            yield Issue(
                f"defined term '{en}' (defined as {zh} in {home.zh_label or 'its definition'}) is "
                "not used in the Chinese",
                {"term": en, "expected": zh, "defined_in": home.zh_label},
                pair=pair,
            )


def _zh_terms(ctx: Context) -> tuple[str, ...]:
    """Return every Chinese term the document defines or introduces as a short form, longest
    first (as `zh_renders_otherwise` masks them), once per document."""
    from dpa_compare.qa.definitions import short_forms

    def compute() -> tuple[str, ...]:
        found = {zh for _, zh, _ in _definitions(ctx)}
        found.update(term.zh for term in short_forms(ctx.pairs))
        return tuple(sorted(found, key=len, reverse=True))

    terms: tuple[str, ...] = ctx.memo("zh_terms", compute)
    return terms


def _contexts(entry: GlossaryEntry, text: str) -> set[str]:
    """Return each use of `entry` in `text` with the determiner before it (`each party`,
    `the parties`)."""
    found = set()
    for match in entry.pattern.finditer(text):
        before = text[: match.start()].split()
        word = before[-1].lower() if before and before[-1].lower() in _CONTEXT_WORDS else ""
        found.add(f"{word} {match.group().lower()}".strip())
    return found


def _glossary_variants(ctx: Context) -> Iterator[Issue]:
    """Yield an issue for each English expression rendered with different accepted renderings.

    Uses are grouped by expression (`each party` → 各方, `the parties` → 双方
    are different expressions, each consistent), so a glossary listing
    renderings for different contexts is not reported as inconsistent.
    """
    if ctx.glossary is None:
        return
    for entry in ctx.glossary:
        if len(entry.zh) < 2:
            continue
        used: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for pair in ctx.pairs:
            if not pair.zh_text or not entry.in_english(pair.en_text):
                continue
            rendering = entry.rendering_in(pair.zh_text)
            contexts = _contexts(entry, pair.en_text)
            if rendering and len(contexts) == 1:
                used[contexts.pop()][rendering].append(pair.zh_label)
        for expression, renderings in used.items():
            if len(renderings) > 1:
                counts = ", ".join(f"{r} ({len(c)}×)" for r, c in renderings.items())
                yield Issue(
                    f"'{entry.en}' is rendered in more than one way as '{expression}': {counts}",
                    {"term": entry.en, "expression": expression, "renderings": dict(renderings)},
                )


def _latin_pattern(ctx: Context) -> re.Pattern[str] | None:
    """Return one pattern for every Latin-script glossary term, longest first (None without any)."""
    terms = sorted(ctx.glossary.latin_terms() if ctx.glossary else (), key=len, reverse=True)
    if not terms:
        return None
    return re.compile(
        rf"(?<![A-Za-z])(?:{'|'.join(re.escape(t) for t in terms)})(?![A-Za-z])", re.IGNORECASE
    )


def _masked(text: str, ctx: Context | None) -> str:
    """Return `text` with URLs, e-mail addresses, bracketed English glosses of Chinese terms
    (`背對背（back to back）`) and (with `ctx`) the glossary's Latin terms blanked out."""
    spans = [(s, e) for _, s, e in (*find_urls(text), *find_emails(text))]
    spans.extend(glosses(text))
    pattern = ctx.memo("latin_terms", lambda: _latin_pattern(ctx)) if ctx is not None else None
    if pattern is not None and re.search("[A-Za-z]", text):
        spans.extend(match.span() for match in pattern.finditer(text))
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _ordinary(word: str) -> bool:
    """Return True for a word that reads as plain English: not an acronym, number, allowed form or
    unit."""
    bare = word.strip(".,'’-&/")
    if not bare or not re.search(r"[a-z]", bare) or any(ch.isdigit() for ch in bare):
        return False
    return word.lower() not in ALLOWED_LATIN and bare.lower() not in ALLOWED_LATIN


def _looks_like_name(words: list[str]) -> bool:
    """Return True for a Title Case run (`Acme Cloud Services`, `Bank of China`): a name, kept on
    purpose."""
    return (
        words[0][0].isupper()
        and words[-1][0].isupper()
        and all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)
    )


@check("major")
def untranslated(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """English words left untranslated in the Chinese text.

    English the glossary keeps in Latin script (a name, a licence notice that
    must stay in English) is not a defect: it is reported as a minor finding
    marked `suppressed_by: glossary`, which `check_documents` lists among the
    suppressed findings rather than dropping it silently.
    """
    if not pair.zh_text.strip():
        return
    runs = _english_runs(pair.zh_text, _masked(pair.zh_text, ctx))
    if runs:
        yield Issue(
            f"English left in the Chinese: {'; '.join(repr(r) for r, _ in runs)}",
            tuple(r for r, _ in runs),
        )
    if ctx.glossary is None:
        return
    active = [span for _, span in runs]
    kept = [
        run
        for run, (start, end) in _english_runs(pair.zh_text, _masked(pair.zh_text, None))
        if not any(start < e and s < end for s, e in active)
    ]
    if kept:
        yield Issue(
            "English kept in the Chinese as the glossary allows: "
            f"{'; '.join(repr(r) for r in kept)}",
            {
                "kept": kept,
                "suppressed_by": "glossary",
                "glossary": ctx.glossary.source,
                "en_clause": pair.en_text,
                "zh_clause": pair.zh_text,
            },
            severity="minor",
        )


def _english_runs(text: str, masked: str) -> list[tuple[str, tuple[int, int]]]:
    """Return the runs of ordinary English words in `masked` (a blanked copy of `text`), quoted from
    `text`."""
    runs = []
    for match in _LATIN_RUN.finditer(masked):
        words = [w for w in match.group().split() if _ordinary(w)]
        if len(words) >= MIN_UNTRANSLATED_WORDS and not _looks_like_name(match.group().split()):
            # -- quote the text as written: the masked copy blanks out the allowed terms inside the
            # run --
            runs.append((" ".join(text[match.start() : match.end()].split()), match.span()))
    return runs


__all__ = ["ALLOWED_LATIN", "glossary", "term_consistency", "untranslated"]
