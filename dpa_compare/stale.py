"""Which translated clauses went stale when the original changed, and where two languages drifted
apart.

    >>> report = stale_report(old_en, new_en, zh)                 # doctest: +SKIP
    >>> report.counts()["stale"]                                  # doctest: +SKIP
    31

The original's two versions are compared (`dpa_compare.diff`), and each
translated clause follows its original through the alignment
`old_en ⇄ zh`. Every translated clause gets one row and one status (a
translated clause standing for two original clauses shares one row with
them; two translated clauses of one original get a row each):

- `current` — its original did not change (or changed only typographically);
- `cosmetic` — its original changed only in case, punctuation or whitespace;
- `stale` — its original's wording changed: the row carries the original's redline
  (`xref_only` when only cross-references followed a renumbering — the
  translation's references must follow too);
- `renumbered` / `moved` — the translation is still valid, but its number
  must follow: `en_label` is the original's new citation;
- `orphaned` — its original was deleted (or it never had one);
- `missing` — an original clause with no translation (new, or never translated).

With the translation's next version (`new_zh`) the report also shows drift:
`en_changed` / `zh_changed` say which side's text changed; a row changed on
both sides is `amended`, on the original's side only `stale`, on the
translation's side only `drift`.

Nothing here assumes English is the original: "en" names the side whose
versions are compared and "zh" the other; a Chinese original with an English
translation is passed the same way (the alignment may be given either way round).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from dpa_compare.diff.changes import ClauseChange, VersionDiff
from dpa_compare.diff.match import diff
from dpa_compare.diff.redline import Edit
from dpa_compare.model import Alignment, Clause, Document, Link
from dpa_compare.status import TRANSLATION_STATUSES, count_statuses, is_cosmetic_edit

__all__ = ["STATUSES", "StaleReport", "StaleRow", "stale_report"]

STATUSES = TRANSLATION_STATUSES
"""Every status a row can have, in summary order (the shared `dpa_compare.status` model)."""

_TEXT_CHANGES = frozenset({"modified", "moved_modified", "split", "merged", "deleted", "added"})


@dataclass(frozen=True)
class StaleRow:
    """One aligned clause pair (or one untranslated / unmatched clause) and its status.

    Ids are clause ids as `dpa-compare segment` prints them; tuples are empty
    where a side has no clause. `en_label` is the original's citation in its
    new version (old version when deleted); `zh_label` the translation's
    citation (new version when `new_zh` was given and it exists there).
    `zh_changed` is None without a second translation version.
    """

    status: str
    en_changed: bool
    zh_changed: bool | None
    old_en_ids: tuple[str, ...]
    new_en_ids: tuple[str, ...]
    zh_ids: tuple[str, ...]
    new_zh_ids: tuple[str, ...] = ()
    en_label: str = ""
    zh_label: str = ""
    en_redline: tuple[Edit, ...] = ()
    zh_redline: tuple[Edit, ...] = ()
    xref_only: bool = False
    order: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    def to_dict(self) -> dict[str, object]:
        """Return the row's JSON contract: first ids as scalars (null if absent), lists
        alongside."""
        first = lambda ids: ids[0] if ids else None  # noqa: E731
        return {
            "status": self.status,
            "en_changed": self.en_changed,
            "zh_changed": self.zh_changed,
            "old_en_id": first(self.old_en_ids),
            "new_en_id": first(self.new_en_ids),
            "zh_id": first(self.zh_ids),
            "new_zh_id": first(self.new_zh_ids),
            "en_label": self.en_label,
            "zh_label": self.zh_label,
            "en_redline": [[op, text] for op, text in self.en_redline],
            "zh_redline": [[op, text] for op, text in self.zh_redline],
            "xref_only": self.xref_only,
            "old_en_ids": list(self.old_en_ids),
            "new_en_ids": list(self.new_en_ids),
            "zh_ids": list(self.zh_ids),
            "new_zh_ids": list(self.new_zh_ids),
        }


@dataclass(frozen=True)
class StaleReport:
    """The status of every translated clause, in reading order of the original's new version."""

    rows: tuple[StaleRow, ...]
    en_diff: VersionDiff
    zh_diff: VersionDiff | None = None

    def counts(self) -> dict[str, int]:
        """Return {status: rows}, every status included, in `STATUSES` order."""
        return count_statuses(row.status for row in self.rows)

    def summary(self) -> dict[str, object]:
        """Return the counts per status and, with two translation versions, per side changed."""
        data: dict[str, object] = {"rows": len(self.rows), "status": self.counts()}
        if self.zh_diff is not None:
            data["changed"] = {
                "both": sum(r.en_changed and bool(r.zh_changed) for r in self.rows),
                "en_only": sum(r.en_changed and not r.zh_changed for r in self.rows),
                "zh_only": sum(not r.en_changed and bool(r.zh_changed) for r in self.rows),
                "neither": sum(not r.en_changed and not r.zh_changed for r in self.rows),
            }
        return data

    def to_dict(self) -> dict[str, object]:
        """Return the report's JSON contract: {"rows": […], "summary": {…}}."""
        return {"rows": [r.to_dict() for r in self.rows], "summary": self.summary()}


def stale_report(
    old_en: Document,
    new_en: Document,
    zh: Document,
    new_zh: Document | None = None,
    alignment: Alignment | None = None,
    new_alignment: Alignment | None = None,
    glossary_terms: Sequence[str] = (),
    en_diff: VersionDiff | None = None,
    zh_diff: VersionDiff | None = None,
    aligner: Callable[[Document, Document], Alignment] | None = None,
) -> StaleReport:
    """Return the status of every clause of the translation `zh` after `old_en` became `new_en`.

    `alignment` links `old_en` with `zh` (either way round; default: made by
    `dpa_compare.align.clause.align_documents`). With `new_zh`, the
    translation's next version, rows also say whether each side changed;
    `new_alignment` (`new_en` ⇄ `new_zh`, default: aligned likewise) places
    clauses added on both sides side by side. `en_diff` (`old_en` → `new_en`)
    and `zh_diff` (`zh` → `new_zh`) are the version diffs when already made;
    `aligner` aligns a pair when an alignment is needed (the comparison
    record passes its cached one).
    """
    align = aligner or _align
    links = (_links(alignment, old_en, zh) if alignment else _numbered_links(old_en, zh)) or _links(
        align(old_en, zh), old_en, zh
    )
    en_diff = en_diff or diff(old_en, new_en, glossary_terms)
    if new_zh is not None and zh_diff is None:
        zh_diff = diff(zh, new_zh, glossary_terms)
    en_changes = _by_old_id(en_diff)
    zh_changes = _by_old_id(zh_diff) if zh_diff else {}
    position = {id(c): k for k, c in enumerate(en_diff.changes)}
    rows: list[StaleRow] = []
    last = (-1, 0)
    for link in _per_translated_clause(links):
        row = _linked_row(link, zh, en_changes, zh_changes, en_diff, zh_diff, position)
        if row.order == (-1, 0):
            row = replace(row, order=(last[0], last[1] + 1))
        last = row.order
        rows.append(row)
    rows += _added_rows(en_diff, zh_diff, new_zh, new_alignment, new_en, position, align)
    rows.sort(key=lambda r: r.order)
    return StaleReport(tuple(rows), en_diff, zh_diff)


def _align(en: Document, zh: Document) -> Alignment:
    from dpa_compare.align.clause import align_documents

    # -- the aligner expects an English and a Chinese document: give them in that order --
    return (
        align_documents(en, zh) if en.lang == "en" or zh.lang != "en" else align_documents(zh, en)
    )


_ARTICLE_ID = re.compile(r"art(\d+(?:-\d+)*)(?:_\d+)?")
_NUMBERED_SHARE = 0.9
"""Share of each side's articles that need a same-numbered counterpart (`_numbered_links`)."""


def _numbered_links(original: Document, translation: Document) -> tuple[Link, ...]:
    """Return links made by article number when both documents number their articles alike, else ().

    A statute and its official translation carry the same article numbers
    (第 13 條 ⇄ Article 13): each article links to its namesake, its clauses
    one to one where their places in the article agree, the rest of the
    article as one n:m link. That is exact where numbers agree and costs no
    sentence alignment (which a 170-article statute pays for by the minute).
    Clauses outside articles link by identical path. Where numbering does
    not agree closely enough, () — the caller aligns by content.
    """
    old_articles, new_articles = _articles(original), _articles(translation)
    shared = set(old_articles) & set(new_articles)
    if len(shared) < 3 or any(
        len(shared) < _NUMBERED_SHARE * len(side) for side in (old_articles, new_articles)
    ):
        return ()
    links: list[Link] = []
    taken: set[str] = set()
    for number in sorted(shared, key=lambda n: _position(original, old_articles[n])):
        left = _members(original, old_articles[number])
        right = _members(translation, new_articles[number])
        links += _article_links(left, right)
        taken.update(c.id for c in left + right)
    rest_left = [c for c in original.clauses if c.id not in taken]
    rest_right = [c for c in translation.clauses if c.id not in taken]
    right_by_path = {c.path: c for c in rest_right}
    for clause in rest_left:
        other = right_by_path.pop(clause.path, None)
        links.append(
            Link((clause.id,), (other.id,) if other else (), 1.0 if other else 0.0, ("number",))
        )
    links += [Link((), (c.id,), 0.0, ("number",)) for c in right_by_path.values()]
    return tuple(links)


def _articles(document: Document) -> dict[str, Clause]:
    """Return {article number: article clause}, numbers found once only."""
    found: dict[str, list[Clause]] = {}
    for clause in document.clauses:
        match = _ARTICLE_ID.fullmatch(clause.id.split(".")[-1])
        if match:
            found.setdefault(match.group(1), []).append(clause)
    return {number: clauses[0] for number, clauses in found.items() if len(clauses) == 1}


def _position(document: Document, clause: Clause) -> int:
    return _clause_index(document)[clause.id][0]


def _members(document: Document, article: Clause) -> list[Clause]:
    """Return the article and every clause below it, in order."""
    start = _position(document, article)
    out = [article]
    inside = {article.id}
    for clause in document.clauses[start + 1 :]:
        if clause.parent not in inside:
            break
        inside.add(clause.id)
        out.append(clause)
    return out


def _article_links(left: list[Clause], right: list[Clause]) -> list[Link]:
    """Link two articles: the headings 1-1, children 1-1 when their shapes agree, else one n:m
    link."""
    links = [Link((left[0].id,), (right[0].id,), 1.0, ("number",))]
    left_children, right_children = left[1:], right[1:]
    left_shape = [c.path[len(left[0].path) :] for c in left_children]
    if left_shape == [c.path[len(right[0].path) :] for c in right_children]:
        links += [
            Link((a.id,), (b.id,), 1.0, ("number",))
            for a, b in zip(left_children, right_children, strict=True)
        ]
    elif left_children or right_children:
        ids = lambda clauses: tuple(c.id for c in clauses)  # noqa: E731
        links.append(Link(ids(left_children), ids(right_children), 0.8, ("number",)))
    return links


_INDEXES: dict[int, tuple[Document, dict[str, tuple[int, Clause]]]] = {}


def _clause_index(document: Document) -> dict[str, tuple[int, Clause]]:
    """Return {clause id: (position, clause)} of `document`, built once per document object.

    `Document.clause` scans the clauses: called once per row it made a
    15,000-clause report quadratic.
    """
    cached = _INDEXES.get(id(document))
    if cached is None or cached[0] is not document:
        if len(_INDEXES) > 16:
            _INDEXES.clear()
        cached = (document, {c.id: (k, c) for k, c in enumerate(document.clauses)})
        _INDEXES[id(document)] = cached
    return cached[1]


def _links(alignment: Alignment, original: Document, translation: Document) -> tuple[Link, ...]:
    """Return the alignment's links with `en_ids` on the original's side, whichever way it was
    built."""
    original_ids = {c.id for c in original.clauses}
    translation_ids = {c.id for c in translation.clauses}

    def sided(originals: tuple[str, ...], translations: tuple[str, ...]) -> bool:
        return all(i in original_ids for i in originals) and all(
            i in translation_ids for i in translations
        )

    forward = sum(sided(link.en_ids, link.zh_ids) for link in alignment.links)
    backward = sum(sided(link.zh_ids, link.en_ids) for link in alignment.links)
    if backward > forward or (
        backward == forward and alignment.en.source == translation.source != original.source
    ):
        return tuple(
            Link(link.zh_ids, link.en_ids, link.confidence, link.evidence, link.flagged)
            for link in alignment.links
        )
    return alignment.links


def _per_translated_clause(links: tuple[Link, ...]) -> list[Link]:
    """Return the links with one translated clause each: every translated clause gets its own
    row."""
    out = []
    for link in links:
        if len(link.zh_ids) > 1:
            out += [replace(link, zh_ids=(one,)) for one in link.zh_ids]
        else:
            out.append(link)
    return out


def _by_old_id(result: VersionDiff) -> dict[str, ClauseChange]:
    return {i: c for c in result.changes for i in (c.old_ids or ((c.old_id,) if c.old_id else ()))}


def _new_ids(change: ClauseChange) -> tuple[str, ...]:
    return change.new_ids or ((change.new_id,) if change.new_id else ())


def _text_changed(change: ClauseChange) -> bool:
    return change.kind in _TEXT_CHANGES and not change.cosmetic or change.xref_only


def _linked_row(
    link: Link,
    zh: Document,
    en_changes: dict[str, ClauseChange],
    zh_changes: dict[str, ClauseChange],
    en_diff: VersionDiff,
    zh_diff: VersionDiff | None,
    position: dict[int, int],
) -> StaleRow:
    changes = _unique(en_changes[i] for i in link.en_ids)
    new_en = tuple(dict.fromkeys(j for c in changes for j in _new_ids(c)))
    en_changed = any(_text_changed(c) for c in changes)
    status = _status(changes) if link.zh_ids else "missing"
    zh_side = _unique(zh_changes[i] for i in link.zh_ids if i in zh_changes)
    zh_changed = any(_text_changed(c) for c in zh_side) if zh_diff is not None else None
    new_zh = tuple(dict.fromkeys(j for c in zh_side for j in _new_ids(c)))
    if zh_diff is not None and link.zh_ids and link.en_ids:
        status = _drift_status(status, en_changed, bool(zh_changed))
    en_doc = en_diff.new if new_en else en_diff.old
    en_label = " + ".join(_cite(en_doc, i) for i in (new_en or link.en_ids))
    zh_doc, zh_ids = (zh_diff.new, new_zh) if zh_diff is not None and new_zh else (zh, link.zh_ids)
    zh_label = " + ".join(_cite(zh_doc, i) for i in zh_ids)
    xref_only = en_changed and all(c.xref_only for c in changes if _text_changed(c))
    return StaleRow(
        status,
        en_changed,
        zh_changed,
        link.en_ids,
        new_en,
        link.zh_ids,
        new_zh,
        en_label,
        zh_label,
        _redline(changes) if en_changed else (),
        _redline(zh_side) if zh_changed else (),
        xref_only,
        order=(min((position[id(c)] for c in changes), default=-1), 0),
    )


def _status(changes: list[ClauseChange]) -> str:
    """Return the status of a translation whose original clauses had `changes`."""
    if not changes:
        return "orphaned"
    kinds = {c.kind for c in changes}
    if kinds == {"deleted"}:
        return "orphaned"
    if any(_text_changed(c) for c in changes):
        return "stale" if any(_substantive(c) for c in changes if _text_changed(c)) else "cosmetic"
    if "moved" in kinds or "moved_modified" in kinds:
        return "moved"
    if "renumbered" in kinds or any(c.old_label != c.new_label for c in changes):
        if any(c.kind != "unchanged" for c in changes):
            return "renumbered"
    return "cosmetic" if any(c.cosmetic for c in changes) else "current"


def _substantive(change: ClauseChange) -> bool:
    """Return True unless the change's redline only alters case, punctuation or whitespace."""
    old = "".join(e.text for e in change.redline if e.op <= 0)
    new = "".join(e.text for e in change.redline if e.op >= 0)
    return change.xref_only or not change.redline or not is_cosmetic_edit(old, new)


def _drift_status(status: str, en_changed: bool, zh_changed: bool) -> str:
    if en_changed and zh_changed:
        return "amended"
    if zh_changed:
        return "drift"
    return status


def _added_rows(
    en_diff: VersionDiff,
    zh_diff: VersionDiff | None,
    new_zh: Document | None,
    new_alignment: Alignment | None,
    new_en: Document,
    position: dict[int, int],
    align: Callable[[Document, Document], Alignment],
) -> list[StaleRow]:
    """Return a row per clause added to the original: `missing`, or `amended` when the new
    translation added it too."""
    added = [c for c in en_diff.changes if c.kind == "added"]
    zh_added: dict[str, ClauseChange] = {}
    new_links: dict[str, Link] = {}
    if zh_diff is not None and new_zh is not None and added:
        zh_added = {c.new_id: c for c in zh_diff.changes if c.kind == "added" and c.new_id}
        found = (
            _links(new_alignment, new_en, new_zh)
            if new_alignment
            else _numbered_links(new_en, new_zh)
        ) or _links(align(new_en, new_zh), new_en, new_zh)
        new_links = {i: link for link in found for i in link.en_ids}
    groups: list[tuple[Link | None, list[ClauseChange]]] = []
    for change in added:
        # -- original clauses added together and translated as one clause share one row --
        link = new_links.get(change.new_id or "")
        if link is not None and groups and groups[-1][0] is link:
            groups[-1][1].append(change)
        else:
            groups.append((link, [change]))
    rows = []
    explained: set[str] = set()
    for link, changes in groups:
        zh_new = tuple(i for i in link.zh_ids if i in zh_added) if link else ()
        explained.update(zh_new)
        rows.append(
            StaleRow(
                "amended" if zh_new else "missing",
                True,
                bool(zh_new) if zh_diff is not None else None,
                (),
                tuple(c.new_id for c in changes if c.new_id),
                (),
                zh_new,
                " + ".join(c.new_label for c in changes),
                " + ".join(_cite(new_zh, i) for i in zh_new) if new_zh else "",
                _redline(changes),
                tuple(e for i in zh_new for e in zh_added[i].redline),
                order=(position[id(changes[0])], 0),
            )
        )
    return rows + _translation_only_additions(zh_diff, explained)


def _translation_only_additions(zh_diff: VersionDiff | None, explained: set[str]) -> list[StaleRow]:
    """Return `drift` rows for clauses added to the translation with no new original clause beside
    them."""
    if zh_diff is None:
        return []
    out: list[StaleRow] = []
    for change in zh_diff.changes:
        if change.kind == "added" and change.new_id and change.new_id not in explained:
            out.append(
                StaleRow(
                    "drift",
                    False,
                    True,
                    (),
                    (),
                    (),
                    (change.new_id,),
                    "",
                    change.new_label,
                    (),
                    change.redline,
                    order=(10**9, len(out)),
                )
            )
    return out


def _unique(changes) -> list[ClauseChange]:  # noqa: ANN001 -- an iterable of changes
    seen, out = set(), []
    for change in changes:
        if id(change) not in seen:
            seen.add(id(change))
            out.append(change)
    return out


def _redline(changes: list[ClauseChange]) -> tuple[Edit, ...]:
    edits: list[Edit] = []
    for change in changes:
        if edits:
            edits.append(Edit(0, "\n"))
        edits.extend(change.redline)
    return tuple(edits)


def _cite(document: Document | None, clause_id: str) -> str:
    if document is None:
        return ""
    clause = _clause_index(document)[clause_id][1]
    return clause.citation
