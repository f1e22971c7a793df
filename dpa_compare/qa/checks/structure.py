"""Checks on the shape of the translation: missing or extra clauses, odd lengths, the language
clause."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from dpa_compare.lang.citations import element_keys, find_citations, place_of, same_last_number
from dpa_compare.lang.dates import find_dates
from dpa_compare.lang.labels import article_caption, is_numbering_line
from dpa_compare.lang.notices import is_editorial_note, is_reference_notice
from dpa_compare.lang.sentences import (
    EN_SENTENCE_ENDERS,
    ZH_CLAUSE_ENDERS,
    ZH_SENTENCE_ENDERS,
    goes_on_from,
    sentence_count,
    split_chinese,
    stops_mid_sentence,
)
from dpa_compare.model import Clause
from dpa_compare.qa.registry import Context, Issue, Pair, check
from dpa_compare.qa.text import normalise

MIN_EN_CHARS = 60
"""English texts shorter than this (non-space characters) are never length outliers: too noisy."""
MIN_SAMPLES = 8
"""Pairs needed to learn the document's ratio; with fewer, `PRIOR_RATIO` and `PRIOR_SPREAD` stand
in."""
PRIOR_RATIO = 0.30
"""Typical Chinese characters per English character in legal text (non-space characters)."""
PRIOR_SPREAD = 0.25
"""Typical robust spread (σ) of the log ratio when the document is too short to learn it."""
MIN_SPREAD = 0.12
"""Floor on the learned spread, so a very regular document does not flag small wobbles."""
OUTLIER_Z = 3.5
"""Robust z-score (Iglewicz–Hoaglin) above which a pair is an outlier."""
MIN_FACTOR = 1.6
"""An outlier must also be at least this many times longer or shorter than the median ratio."""
REFERENCE_CHARS = 200
"""English texts shorter than this (non-space characters) need a proportionally larger deviation:
both thresholds grow with sqrt(REFERENCE_CHARS / length)."""


@check("critical")
def omission(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """English clause (or one of its sentences) has no Chinese translation.

    A whole clause without Chinese is critical; a pair whose Chinese has
    fewer sentences than its English and is short for it (see
    `SENTENCE_LENGTH_FACTOR`) is a major finding: a sentence may be missing.
    """
    if pair.en_text.strip() and not pair.zh_text.strip():
        if pair.en is not None and _covered_by_article(pair.en, "en", ctx):
            return
        if (note := _not_document_text(pair.en_text, "en", pair.en_label)) is not None:
            yield from note
            return
        shown = pair.en_text.strip()
        yield Issue(
            f"no Chinese for English {pair.en_label or 'clause'}: "
            f"{shown[:80]}{'…' if len(shown) > 80 else ''}",
            (shown,),
        )
    elif pair.zh_text.strip():
        gap = list(_sentence_gap(pair, ctx, missing_in="zh"))
        yield from gap or _member_gap(pair, ctx, "en")


@check("major")
def addition(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Chinese clause (or a sentence of it) has no English source."""
    if pair.zh_text.strip() and not pair.en_text.strip():
        if pair.zh is not None and _covered_by_article(pair.zh, "zh", ctx):
            return
        if (note := _not_document_text(pair.zh_text, "zh", pair.zh_label)) is not None:
            yield from note
            return
        shown = pair.zh_text.strip()
        yield Issue(
            f"Chinese {pair.zh_label or 'clause'} has no English source: "
            f"{shown[:60]}{'…' if len(shown) > 60 else ''}",
            (shown,),
        )
    elif pair.en_text.strip():
        gap = list(_sentence_gap(pair, ctx, missing_in="en"))
        yield from gap or _member_gap(pair, ctx, "zh")


def _not_document_text(text: str, lang: str, label: str) -> list[Issue] | None:
    """Return what to report for a one-sided paragraph that is a note about the text, else None.

    A translator's notice ("the English translation is for reference only …")
    is reported by `governing_language`, so nothing here; a bracketed
    editorial remark ("(Remark: … please refer to pages …)") is minor: it
    points to where something is printed and is no text of the document.
    """
    if _translator_notice(text, lang) or is_numbering_line(text):
        return []
    if is_editorial_note(text.strip(), lang):
        side = "English" if lang == "en" else "Chinese"
        shown = text.strip()
        return [
            Issue(
                f"{side} {label or 'clause'} is an editorial note with no counterpart (not text "
                f"of the document): {shown[:80]}{'…' if len(shown) > 80 else ''}",
                (shown,),
                severity="minor",
            )
        ]
    return None


COVERAGE_GAIN = 0.15
"""How much closer to the document's usual length ratio (in log units) a neighbouring pair must come
when an unaligned paragraph is added to it, for the paragraph to count as translated there."""


def _covered_by_article(clause: Clause, lang: str, ctx: Context) -> bool:
    """Return True when an unaligned paragraph's content is translated elsewhere in its article.

    The two languages split an article's paragraphs differently (a list run
    together in one, one paragraph per item in the other), and the aligner
    may leave a paragraph of such an n:m split unaligned. Its text is then in
    the other language of a neighbouring pair of the same article, which is
    long for its own side by about the paragraph's length; or in unaligned
    paragraphs of the same article on the other side. The paragraph counts as
    translated when adding it to such a holder brings the length ratio
    clearly closer to the document's usual one (`split_holder`); its numbers
    and dates are then compared with the holder by the `numbers` and `dates`
    checks. A deleted paragraph leaves its neighbours in proportion (adding
    it moves them away), so it is reported.

    Also translated elsewhere: a paragraph the database broke off the
    sentence before it (that one ends on `；` or a comma, or it is a `但…`
    proviso) when its holder stays in proportion with it; a paragraph whose
    amounts, percentages or periods are all in a holder's other language and
    none in its own; a numbered item's title standing alone when its text is
    linked with the other side's item of the same number (`title_run_in`).
    Not a holder: the next item of the same list linked with its own number
    (`(4)` ⇄ `四、` beside an unaligned `(5)`).
    """
    layout: _Layout = ctx.memo("article_layout", lambda: _layout(ctx))
    if not clause.text.strip() and clause.label:
        return layout.heading_unaligned_opposite(lang, clause)
    return layout.title_run_in(lang, clause) or split_holder(clause, lang, ctx) is not None


def split_holder(clause: Clause, lang: str, ctx: Context) -> str | None:
    """Return the other language's text that holds an unaligned paragraph's translation, else
    None."""
    layout: _Layout = ctx.memo("article_layout", lambda: _layout(ctx))
    article = layout.article_of.get((lang, clause.id))
    if article is None:
        return None
    model: _RatioModel = ctx.memo("length_ratio", lambda: _ratio_model(ctx))
    part = _chars(clause.full_text)
    continued = layout.continues_previous(lang, clause.id, article)
    for holder_own, holder_other in layout.holders(lang, clause.id, article):
        own_chars, other_chars = _chars(holder_own), _chars(holder_other)
        if other_chars <= 0:
            continue
        if _numbers_held(clause.full_text, lang, holder_own, holder_other):
            return holder_other
        before = abs(_log_ratio(lang, own_chars, other_chars) - model.centre) if own_chars else 9.0
        after = abs(_log_ratio(lang, own_chars + part, other_chars) - model.centre)
        if continued and after <= 2 * model.spread:
            return holder_other  # -- one sentence the database broke: in proportion with it --
        if after <= before - COVERAGE_GAIN and after <= 3 * model.spread:
            return holder_other
    return None


def _numbers_held(text: str, lang: str, holder_own: str, holder_other: str) -> bool:
    """Return True when every value of `text` (amounts, percentages, durations; not citations) is
    in the other language's text of a holder and none in its own (`百分之三十` of a proviso the
    database set apart, `30%` in the English beside)."""
    from dpa_compare.qa.values import extract_values

    other = "zh" if lang == "en" else "en"

    def keys(value_text: str, value_lang: str) -> set[tuple[str, str]]:
        return {
            (v.kind, k)
            for v in extract_values(value_text, value_lang)
            if not v.weak
            for k in v.keys
        }

    mine = {(v.kind, v.key) for v in extract_values(text, lang) if not v.weak}
    return bool(mine) and mine <= keys(holder_other, other) and not mine & keys(holder_own, lang)


def _log_ratio(lang: str, own_chars: int, other_chars: int) -> float:
    """Return log(Chinese chars / English chars) for a side's and the other side's counts."""
    en, zh = (own_chars, other_chars) if lang == "en" else (other_chars, own_chars)
    return math.log(max(zh, 1) / max(en, 1))


@dataclass
class _Layout:
    """Clauses by article on each side, and the pair each clause belongs to."""

    article_of: dict[tuple[str, str], str]
    order: dict[tuple[str, str], list[str]]  # -- (lang, article) → clause ids in document order --
    pair_of: dict[tuple[str, str], Pair]
    text_of: dict[tuple[str, str], str]
    clause_of: dict[tuple[str, str], Clause]

    def holders(self, lang: str, clause_id: str, article: str) -> list[tuple[str, str]]:
        """Return (own text, other text) of the places an unaligned clause's content may sit."""
        other = "zh" if lang == "en" else "en"
        ids = self.order.get((lang, article), [])
        index = ids.index(clause_id) if clause_id in ids else -1
        found = []
        for step in (-1, 1):
            k = index + step
            while 0 <= k < len(ids):
                pair = self.pair_of.get((lang, ids[k]))
                if pair is not None and self._numbered_sibling(lang, clause_id, pair):
                    break  # -- the next item of the list, translated as itself: no holder --
                if pair is not None and self._other_article(lang, pair, article):
                    break  # -- its other side is another article's text: not this one's holder --
                if pair is not None and pair.en_text.strip() and pair.zh_text.strip():
                    own, theirs = (
                        (pair.en_text, pair.zh_text)
                        if lang == "en"
                        else (pair.zh_text, pair.en_text)
                    )
                    found.append((own, theirs))
                    break
                if self.text_of.get((lang, ids[k]), "").strip():
                    break  # -- an unaligned neighbour with text: look no further this way --
                k += step
        # -- both sides unaligned in this article: their unaligned paragraphs, all together --
        loose = " ".join(self._unaligned(other, article))
        if loose.strip():
            rest = " ".join(t for cid, t in self._unaligned_ids(lang, article) if cid != clause_id)
            found.append((rest, loose))
        return found

    def _other_article(self, lang: str, pair: Pair, article: str) -> bool:
        """Return True when the other side of `pair` lies wholly in articles not numbered
        `article`: an unaligned paragraph of Article 3 is not held by a link whose Chinese is an
        item of 第 2 條 (a deleted 第 3 條 whose English heading was joined to the item before)."""
        other = "zh" if lang == "en" else "en"
        ids = pair.all_zh_ids if other == "zh" else pair.all_en_ids
        articles = {self.article_of.get((other, cid)) for cid in ids} - {None}
        return bool(articles) and article not in articles

    def title_run_in(self, lang: str, clause: Clause) -> bool:
        """Return True when numbered item `clause` is unaligned but its first paragraph is linked
        with the other side's item of the same number.

        `二、Capital:` / `(text)`, the other language
        `2. Capital: The paid-in capital …` in one paragraph: the item
        number and its title stand alone on one side, and the other side's item
        translates both.
        """
        if not clause.label or not clause.path:
            return False
        article = self.article_of.get((lang, clause.id))
        ids = self.order.get((lang, article or ""), [])
        if clause.id not in ids or ids.index(clause.id) + 1 >= len(ids):
            return False
        child = self.clause_of.get((lang, ids[ids.index(clause.id) + 1]))
        pair = self.pair_of.get((lang, child.id)) if child is not None else None
        if child is None or child.parent != clause.id or child.label or pair is None:
            return False
        theirs = pair.zh if lang == "en" else pair.en
        if pair.en_ids or pair.zh_ids or theirs is None or not theirs.label or not theirs.path:
            return False
        return same_last_number(theirs.path, clause.path)

    def continues_previous(self, lang: str, clause_id: str, article: str) -> bool:
        """Return True when unlabelled paragraph `clause_id` goes on with the sentence of the
        paragraph before it, or (Chinese) stops in mid-sentence with a paragraph after it: a
        break the database put in the middle of a sentence."""
        ids = self.order.get((lang, article), [])
        clause = self.clause_of.get((lang, clause_id))
        if clause is None or clause.label or clause_id not in ids:
            return False
        k = ids.index(clause_id)
        if k + 1 < len(ids) and lang == "zh" and stops_mid_sentence(clause.full_text, lang):
            return True  # -- it stops mid-sentence: the next paragraph finishes it --
        previous = self.text_of.get((lang, ids[k - 1]), "") if k else ""
        return bool(previous.strip()) and goes_on_from(previous, clause.full_text, lang)

    def _numbered_sibling(self, lang: str, clause_id: str, pair: Pair) -> bool:
        """Return True when `pair` links one numbered item with one item of the same number, and
        the unaligned clause `clause_id` is a numbered item of the same list.

        `(4)` ⇄ `四、` and `(6)` ⇄ `六、` around an unaligned `(5)`: each neighbour
        holds its own item, so `(5)` was left out, not run into them.
        """
        mine = self.clause_of.get((lang, clause_id))
        if pair.en_ids or pair.zh_ids or pair.en is None or pair.zh is None or mine is None:
            return False
        own = pair.en if lang == "en" else pair.zh
        if not (mine.label and own.label and pair.zh.label and pair.en.label):
            return False
        if (own.parent, own.level) != (mine.parent, mine.level):
            return False
        return same_last_number(pair.en.path, pair.zh.path)

    def heading_unaligned_opposite(self, lang: str, clause: Clause) -> bool:
        """Return True when the other side has an unaligned heading numbered like `clause`
        (`Section 1` ⇄ `第 一 節`)."""
        from dpa_compare.qa.refs import parse_label, paths_agree

        mine = parse_label(clause.label)
        if mine is None:
            return False
        other = "zh" if lang == "en" else "en"
        for (side, _), pair in self.pair_of.items():
            theirs_clause = pair.zh if other == "zh" else pair.en
            if (
                side != other
                or theirs_clause is None
                or (pair.en_text.strip() and pair.zh_text.strip())
            ):
                continue
            if theirs_clause.text.strip() or not theirs_clause.label:
                continue
            theirs = parse_label(theirs_clause.label)
            if theirs is not None and paths_agree(mine.path, theirs.path):
                return True
        return False

    def _unaligned_ids(self, lang: str, article: str) -> list[tuple[str, str]]:
        return [
            (cid, self.text_of[(lang, cid)])
            for cid in self.order.get((lang, article), [])
            if (pair := self.pair_of.get((lang, cid))) is not None
            and not (pair.en_text.strip() and pair.zh_text.strip())
            and self.text_of[(lang, cid)].strip()
        ]

    def _unaligned(self, lang: str, article: str) -> list[str]:
        return [text for _, text in self._unaligned_ids(lang, article)]


def _layout(ctx: Context) -> _Layout:
    article_of: dict[tuple[str, str], str] = {}
    order: dict[tuple[str, str], list[str]] = {}
    text_of: dict[tuple[str, str], str] = {}
    clause_of: dict[tuple[str, str], Clause] = {}
    for lang, doc in (("en", ctx.en_doc), ("zh", ctx.zh_doc)):
        for clause in doc.clauses if doc is not None else ():
            article = place_of(clause.path).article
            text_of[(lang, clause.id)] = clause.full_text
            clause_of[(lang, clause.id)] = clause
            if article is not None:
                article_of[(lang, clause.id)] = article
                order.setdefault((lang, article), []).append(clause.id)
    pair_of: dict[tuple[str, str], Pair] = {}
    for pair in ctx.pairs:
        for cid in pair.all_en_ids:
            pair_of[("en", cid)] = pair
        for cid in pair.all_zh_ids:
            pair_of[("zh", cid)] = pair
    return _Layout(article_of, order, pair_of, text_of, clause_of)


SENTENCE_LENGTH_FACTOR = 1.5
"""A sentence-count mismatch is reported only when the Chinese is also this many times longer
(addition) or shorter (omission) than the document's median length ratio: translators split and
join sentences, but then the length stays in proportion."""


SENTENCE_LENGTH_FACTOR_MAJOR = 2.0
"""From this factor on the mismatch is major (a sentence's worth of text is gone or extra);
between SENTENCE_LENGTH_FACTOR and this, official translations that split sentences land too
often (a 2:1 split with a terse Chinese runs 0.55–0.7×): minor, shown but not alarming."""


def _sentence_gap(pair: Pair, ctx: Context, missing_in: str) -> Iterator[Issue]:
    en_chars, zh_chars = _pair_chars(pair)
    if en_chars < MIN_EN_CHARS // 2 or zh_chars <= 0:
        return
    en_n, zh_n = sentence_count(pair.en_text, "en"), sentence_count(pair.zh_text, "zh")
    model: _RatioModel = ctx.memo("length_ratio", lambda: _ratio_model(ctx))
    factor = math.exp(math.log(zh_chars / en_chars) - model.centre)
    if missing_in == "en" and zh_n > en_n and factor >= SENTENCE_LENGTH_FACTOR:
        what = (
            f"the Chinese has {zh_n} sentences for {en_n} in English and is {factor:.1f}× "
            "the usual length — a sentence may have been added"
        )
    elif missing_in == "zh" and en_n > zh_n and factor <= 1 / SENTENCE_LENGTH_FACTOR:
        what = (
            f"the English has {en_n} sentences for {zh_n} in Chinese and the Chinese is "
            f"{factor:.1f}× the usual length — a sentence may be missing"
        )
    else:
        return
    strong = max(factor, 1 / factor) >= SENTENCE_LENGTH_FACTOR_MAJOR
    if not strong and missing_in == "zh" and en_n <= len(split_chinese(pair.zh_text)):
        # -- the Chinese joins with `；` (or a proviso) what the English writes as sentences:
        #    as many clauses as English sentences, and only somewhat terse --
        return
    neighbour = _reflowed(pair, ctx, math.log(factor))
    if neighbour:
        strong = False
        what += (
            f" (but {neighbour} beside it is long for its own text by about as much: the two "
            "languages may only break these paragraphs in different places)"
        )
    yield Issue(
        what,
        {"en_sentences": en_n, "zh_sentences": zh_n, "length_factor": round(factor, 2)},
        severity="major" if strong else "minor",
    )


MEMBER_GAIN = 0.4
"""How much closer to the document's usual length ratio (log units) an n:1 link must come when one
of its n clauses is left out, for that clause to be reported as untranslated."""
MEMBER_FIT = 2.0
"""...and within this many spreads of the usual ratio once it is left out."""
MIN_MEMBER_CHARS = 20
"""Members shorter than this (non-space characters) are never reported: a caption or a line break
moves the ratio too little to tell."""


def _member_gap(pair: Pair, ctx: Context, side: str) -> list[Issue]:
    """Return a major finding when one clause of a link joining several on `side` to fewer on the
    other side looks untranslated.

    The aligner joins what it cannot tell apart: a paragraph deleted from one
    language leaves its neighbour to be linked with two paragraphs of the
    other (2-1), and no clause is unaligned. The other side is then short for
    the joined text by about the missing paragraph, and leaving that paragraph
    out brings the link back to the document's usual length ratio
    (`MEMBER_GAIN`, `MEMBER_FIT`). Where the clauses are numbered, one whose
    number the other side lacks is the one reported (`(2)` + `(3)` ⇄ `三、`).
    Only links whose joined clauses are alike (all plain paragraphs, or
    items of one list) are weighed: a caption in brackets or a heading run in
    is the aligner's way with layout, not a gap.
    """
    own_ids = pair.all_en_ids if side == "en" else pair.all_zh_ids
    other_ids = pair.all_zh_ids if side == "en" else pair.all_en_ids
    if len(own_ids) < 2 or len(own_ids) <= len(other_ids) or not other_ids:
        return []
    layout: _Layout = ctx.memo("article_layout", lambda: _layout(ctx))
    members = [layout.clause_of.get((side, cid)) for cid in own_ids]
    if any(m is None for m in members):
        return []
    clauses = [m for m in members if m is not None]
    if not _alike(clauses):
        return []
    model: _RatioModel = ctx.memo("length_ratio", lambda: _ratio_model(ctx))
    other_chars = _chars(pair.zh_text if side == "en" else pair.en_text)
    sizes = [_chars(c.full_text) for c in clauses]
    total = sum(sizes)

    def deviation(own: int) -> float:
        return _log_ratio(side, own, other_chars) - model.centre

    before = deviation(total)
    short = before < 0 if side == "en" else before > 0  # -- the other side is short --
    if not short or other_chars <= 0:
        return []
    gains = [
        (abs(before) - abs(deviation(total - size)), k)
        for k, size in enumerate(sizes)
        if size >= MIN_MEMBER_CHARS and total - size > 0
    ]
    fitting = [
        (gain, k)
        for gain, k in gains
        if gain >= MEMBER_GAIN and abs(deviation(total - sizes[k])) <= MEMBER_FIT * model.spread
    ]
    if not fitting:
        return []
    unmatched = _unmatched_numbers(clauses, pair, side)
    gain, k = max(fitting, key=lambda item: (item[1] in unmatched, item[0]))
    if k in unmatched and _number_elsewhere(clauses[k], pair, side, layout):
        return []  # -- `(c)` ⇄ `（三）` + `（四）`, `(d)` ⇄ `（五）`: one item split in two --
    clause = clauses[k]
    shown = clause.full_text.strip()
    name = clause.citation or clause.id
    if side == "en":
        what = (
            f"English {name} may have no Chinese: the Chinese linked with "
            f"{pair.en_label} is the usual length for the rest without it — {shown[:60]}"
        )
    else:
        what = (
            f"Chinese {name} may have no English source: the English linked with "
            f"{pair.zh_label} is the usual length for the rest without it — {shown[:40]}"
        )
    return [
        Issue(
            what + ("…" if len(shown) > (60 if side == "en" else 40) else ""),
            {"clause": clause.id, "text": shown, "length_gain": round(gain, 2)},
            severity="major",
        )
    ]


def _alike(clauses: list[Clause]) -> bool:
    """Return whether `clauses` are all plain unnumbered paragraphs, or all items of one list, none
    a caption in brackets."""
    if any(article_caption(c.full_text) is not None or not c.full_text.strip() for c in clauses):
        return False
    if all(not c.label for c in clauses):
        return True
    return all(c.label for c in clauses) and len({(c.parent, c.level) for c in clauses}) == 1


def _unmatched_numbers(clauses: list[Clause], pair: Pair, side: str) -> set[int]:
    """Return the indices of numbered `clauses` whose number the other side's clause does not
    bear (`(2)` beside `三、`; numbers compared as `lang.citations.element_keys` reads them)."""
    other = pair.zh if side == "en" else pair.en
    if other is None or not other.label or not other.path:
        return set()
    theirs = element_keys(other.path[-1])
    return {
        k
        for k, clause in enumerate(clauses)
        if clause.label and clause.path and not element_keys(clause.path[-1]) & theirs
    }


REFLOW_FACTOR = 1.3
"""A neighbouring pair whose length ratio is off by this factor the other way may hold the text a
sentence-count mismatch misses: the languages break the paragraphs in different places."""


def _reflowed(pair: Pair, ctx: Context, deviation: float) -> str | None:
    """Return the citation of the pair next to `pair` (same article) whose text makes up for its
    deviation from the usual length ratio, else None.

    `¶1 ⇄ ¶1` with the Chinese twice as long and `¶2 ⇄ ¶2` with it half as long:
    the Chinese ran the first sentence of the English ¶2 into its ¶1. The pair's
    neighbour must deviate the other way (`REFLOW_FACTOR`), and the two
    together must be of the usual length (within `SENTENCE_LENGTH_FACTOR`).
    """
    model: _RatioModel = ctx.memo("length_ratio", lambda: _ratio_model(ctx))
    index: dict[int, int] = ctx.memo(
        "pair_index", lambda: {id(p): k for k, p in enumerate(ctx.pairs)}
    )
    k = index.get(id(pair))
    if k is None or pair.en is None:
        return None
    article = place_of(pair.en.path).article
    en_chars, zh_chars = _pair_chars(pair)
    for step in (-1, 1):
        j = k + step
        if not 0 <= j < len(ctx.pairs):
            continue
        other = ctx.pairs[j]
        if other.en is None or other.zh is None or place_of(other.en.path).article != article:
            continue
        other_en, other_zh = _pair_chars(other)
        if other_en <= 0 or other_zh <= 0:
            continue
        their = math.log(other_zh / other_en) - model.centre
        if their * deviation >= 0 or abs(their) < math.log(REFLOW_FACTOR):
            continue
        merged = math.log((zh_chars + other_zh) / (en_chars + other_en)) - model.centre
        if abs(merged) < math.log(SENTENCE_LENGTH_FACTOR):
            return other.en_label or other.zh_label or "the pair"
    return None


def _number_elsewhere(clause: Clause, pair: Pair, side: str, layout: _Layout) -> bool:
    """Return True when the other side's list (the siblings of the clause linked with `clause`)
    has an item bearing `clause`'s number: the numbering goes on shifted, nothing is missing."""
    other = pair.zh if side == "en" else pair.en
    other_lang = "zh" if side == "en" else "en"
    if other is None or not clause.path:
        return False
    mine = element_keys(clause.path[-1])
    return any(
        lang == other_lang
        and sibling.parent == other.parent
        and sibling.label
        and sibling.path
        and element_keys(sibling.path[-1]) & mine
        for (lang, _), sibling in layout.clause_of.items()
    )


def _chars(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/&]*")


def _prose(text: str, lang: str) -> str:
    """Return `text` without its citations and dates, which are not prose.

    `第三百七十三條` and `中華民國八十六年六月二十五日` are about as long as
    `Article 373` and `June 25, 1997`, while Chinese prose runs at a quarter of
    its English: a clause made mostly of citations or dates would look long in
    Chinese and mostly of prose around them short.
    """
    plain = normalise(text)
    spans = [(c.start, c.end) for c in find_citations(plain, lang)]
    spans += [(d.start, d.end) for d in find_dates(plain, lang)]
    if not spans:
        return text
    keep = [True] * len(text)
    for start, end in spans:
        keep[start:end] = [False] * (end - start)
    return "".join(ch for ch, kept in zip(text, keep, strict=True) if kept)


def _pair_chars(pair: Pair, prose: bool = False) -> tuple[int, int]:
    """Return the non-space characters of the English and Chinese texts, less what both share
    verbatim; with `prose`, less their citations and dates too (see `_prose`).

    Names, codes and numbers kept in Latin script (`Nimbara Cloud Services,
    Inc.`, `TLS 1.2`, `AES-256`) are not translated, so they would make a
    short Chinese text look long against its English.
    """
    en_text, zh_text = pair.en_text, pair.zh_text
    if prose:
        en_text, zh_text = _prose(en_text, "en"), _prose(zh_text, "zh")
    shared = set(_LATIN_TOKEN.findall(zh_text)) & set(_LATIN_TOKEN.findall(en_text))
    if not shared:
        return _chars(en_text), _chars(zh_text)
    kept = sum(len(t) for t in _LATIN_TOKEN.findall(zh_text) if t in shared)
    dropped = sum(len(t) for t in _LATIN_TOKEN.findall(en_text) if t in shared)
    return _chars(en_text) - dropped, _chars(zh_text) - kept


@dataclass(frozen=True)
class _RatioModel:
    centre: float  # -- median log ratio --
    spread: float  # -- robust σ of the log ratio --
    learned: bool


def _prose_chars(pair: Pair, ctx: Context) -> tuple[int, int]:
    """Return `_pair_chars(pair, prose=True)`, worked out once per document for every pair
    (citations and dates are parsed for the ratio model and again for each pair's check)."""
    counts: dict[int, tuple[int, int]] = ctx.memo(
        "prose_chars", lambda: {id(p): _pair_chars(p, prose=True) for p in ctx.pairs}
    )
    return counts[id(pair)] if id(pair) in counts else _pair_chars(pair, prose=True)


def _ratio_model(ctx: Context, prose: bool = False) -> _RatioModel:
    both = [p for p in ctx.pairs if p.en is not None and p.zh is not None]
    counts = [_prose_chars(p, ctx) if prose else _pair_chars(p) for p in both]
    logs = [math.log(zh / en) for en, zh in counts if en >= MIN_EN_CHARS and zh > 0]
    if len(logs) < MIN_SAMPLES:
        return _RatioModel(math.log(PRIOR_RATIO), PRIOR_SPREAD, False)
    centre = statistics.median(logs)
    mad = statistics.median(abs(x - centre) for x in logs)
    return _RatioModel(centre, max(1.4826 * mad, MIN_SPREAD), True)


@check("minor")
def length_ratio(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Chinese is unusually long or short for its English, compared with the rest of the
    document.

    Citations and dates are left out of both counts (`_prose`): they are no longer in Chinese
    than in English, as prose is.
    """
    en_chars, zh_chars = _prose_chars(pair, ctx)
    if en_chars < MIN_EN_CHARS or zh_chars <= 0:
        return
    model: _RatioModel = ctx.memo("length_ratio:prose", lambda: _ratio_model(ctx, prose=True))
    deviation = math.log(zh_chars / en_chars) - model.centre
    # -- a short text's ratio varies more (Gale & Church: variance grows as length shrinks) --
    scale = math.sqrt(max(1.0, REFERENCE_CHARS / en_chars))
    if (
        abs(deviation) / (model.spread * scale) <= OUTLIER_Z
        or abs(deviation) < math.log(MIN_FACTOR) * scale
    ):
        return
    ratio, typical = zh_chars / en_chars, math.exp(model.centre)
    hint = "possible omission" if deviation < 0 else "possible addition or untranslated text"
    basis = "document median" if model.learned else "typical ratio"
    yield Issue(
        f"Chinese is {'short' if deviation < 0 else 'long'} for its English: {zh_chars} vs "
        f"{en_chars} characters "
        f"(ratio {ratio:.2f}, {basis} {typical:.2f}) — {hint}",
        {
            "en_chars": en_chars,
            "zh_chars": zh_chars,
            "ratio": round(ratio, 3),
            "typical": round(typical, 3),
            "z": round(abs(deviation) / model.spread, 1),
        },
    )


# -- a verb, not a title's "Regulations Governing …" or "Internal Control": "shall govern",
# -- "prevails", "is to control" --
_EN_PREVAIL = (
    r"(?:\bprevail\w*|\b(?:shall|will|should|must|to)\s+(?:govern|control)\b"
    r"|\b(?:governs|controls)\b)"
)
_EN_LANGUAGE = re.compile(
    r"governing language"
    rf"|{_EN_PREVAIL}[^.;]{{0,80}}\b(?:english|chinese|translation|language)\b"
    rf"|\b(?:english|chinese|translation|language)\b[^.;]{{0,80}}{_EN_PREVAIL}",
    re.IGNORECASE,
)
_ZH_LANGUAGE = re.compile(  # -- both scripts: 以中文本為準 as well as 以中文版本为准 --
    r"以[^。；]{0,20}(?:英文|中文|英语|汉语|英語|漢語|语言|語言|语文|語文|文本|版本)[^。；]{0,10}(?:为准|為準)"
    r"|(?:英文|中文|英语|汉语|英語|漢語)(?:版本|文本|版|本)[^。；]{0,30}"
    r"(?:优先|優先|为准|為準|效力|冲突|衝突|不一致|歧異|歧异)"
    r"|(?:优先|優先|为准|為準)[^。；]{0,30}(?:英文|中文)(?:版本|文本|版)"
)
_TRIGGER = {
    "en": re.compile(r"prevail|govern|control", re.IGNORECASE),
    "zh": re.compile(r"为准|為準|优先|優先"),
}
_LANGUAGE_WORD = {
    "en": re.compile(r"\b(english|chinese)\b", re.IGNORECASE),
    "zh": re.compile(r"(英文|中文|英语|汉语|英語|漢語)"),
}
_SENTENCE_END = re.compile(
    f"[{re.escape(EN_SENTENCE_ENDERS + ZH_SENTENCE_ENDERS + ZH_CLAUSE_ENDERS)}]"
)


def _winner(text: str, lang: str) -> str | None:
    """Return the language named closest before `prevail` / `为准` in its sentence (`en` /
    `zh`), else None."""
    for trigger in _TRIGGER[lang].finditer(text):
        head = _SENTENCE_END.split(text[: trigger.start()])[-1]
        words = _LANGUAGE_WORD[lang].findall(head)
        if words:
            return "en" if words[-1].lower() in ("english", "英文", "英语", "英語") else "zh"
    return None


def _translator_notice(text: str, lang: str) -> bool:
    """Return True when a language clause is a translation's notice about itself.

    A text that yields to the other language ("in case of discrepancy the
    Chinese text shall govern", written in English) or calls itself a
    translation for reference only speaks as the translation: it states the
    translation's standing, not a term of the document, and has no
    counterpart in the original.
    """
    other = "zh" if lang == "en" else "en"
    return _winner(text, lang) == other or is_reference_notice(text, lang)


def _language_clauses(ctx: Context, lang: str) -> tuple[Pair | None, Pair | None]:
    """Return the first pair whose `lang` side is a governing-language clause, and the first
    whose `lang` side is a translator's notice (either may be None)."""
    pattern = _EN_LANGUAGE if lang == "en" else _ZH_LANGUAGE
    clause, notice = None, None
    for pair in ctx.pairs:
        text = pair.en_text if lang == "en" else pair.zh_text
        if not text or not (pattern.search(text) or is_reference_notice(text, lang)):
            continue
        if _translator_notice(text, lang):
            notice = notice or pair
        else:
            clause = clause or pair
    return clause, notice


@check("major", scope="document")
def governing_language(ctx: Context) -> Iterator[Issue]:
    """Governing-language (prevailing version) clause is missing on one side, or names a different
    language.

    A translator's notice on one side only ("the English translation is for
    reference only; the Chinese text prevails", see `_translator_notice`) is
    reported as minor: it is the translation's note about itself, not a clause
    the other text lacks.
    """
    en_pair, en_notice = _language_clauses(ctx, "en")
    zh_pair, zh_notice = _language_clauses(ctx, "zh")
    names = {"en": "English", "zh": "Chinese"}
    for lang, notice, other_side in (("en", en_notice, zh_pair), ("zh", zh_notice, en_pair)):
        if notice is None or other_side is not None:
            continue
        label = (notice.en_label if lang == "en" else notice.zh_label) or "text"
        yield Issue(
            f"{names[lang]} {label} is a translator's notice (the {names[lang]} text is a "
            "translation for reference; the other language prevails), not a governing-language "
            f"clause — no {names['zh' if lang == 'en' else 'en']} counterpart expected",
            (notice.en_text if lang == "en" else notice.zh_text,),
            pair=notice,
            severity="minor",
        )
    en_pair = en_pair or (en_notice if zh_pair is not None else None)
    zh_pair = zh_pair or (zh_notice if en_pair is not None else None)
    if en_pair is not None and zh_pair is None:
        yield Issue(
            f"English {en_pair.en_label or 'text'} says which language prevails; no Chinese clause "
            "does",
            (en_pair.en_text,),
            pair=en_pair,
        )
    elif zh_pair is not None and en_pair is None:
        yield Issue(
            f"Chinese {zh_pair.zh_label or 'text'} says which language prevails; no English clause "
            "does",
            (zh_pair.zh_text,),
            pair=zh_pair,
        )
    elif en_pair is not None and zh_pair is not None:
        en_wins, zh_wins = _winner(en_pair.en_text, "en"), _winner(zh_pair.zh_text, "zh")
        if en_wins and zh_wins and en_wins != zh_wins:
            yield Issue(
                f"prevailing language differs: English text says {names[en_wins]} prevails, "
                f"Chinese says {names[zh_wins]}",
                {"en_text": en_pair.en_text, "zh_text": zh_pair.zh_text},
                pair=zh_pair,
                severity="critical",
            )


__all__ = ["addition", "governing_language", "length_ratio", "omission", "sentence_count"]
