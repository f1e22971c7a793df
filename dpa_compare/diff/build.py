"""Turn a finished matching into `ClauseChange`s: kinds, labels, redlines, reading order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dpa_compare.diff import xref
from dpa_compare.diff.changes import ChangeKind, ClauseChange
from dpa_compare.diff.moves import moved_pairs
from dpa_compare.diff.redline import DELETE, INSERT, SIGNATURE, Edit, redline
from dpa_compare.diff.state import normalise
from dpa_compare.diff.typography import typographic_classes
from dpa_compare.diff.typography import typographic_key as _typographic_key
from dpa_compare.model import Clause
from dpa_compare.tokenize import signature as tokenizer_signature

if TYPE_CHECKING:
    from dpa_compare.diff.match import MatchOptions
    from dpa_compare.diff.state import MatchState

__all__ = ["build_changes", "citation", "normalise", "same_number", "signature", "typographic_key"]

_ORDINARY_SPACE = re.compile(r"[ \t\r\n]+")

PIECE_SEPARATOR = "\n"
"""Joins the texts of a split's (or merge's) pieces in its redline."""


def _visible(text: str) -> str:
    """Return `text` with runs of ordinary spaces and line breaks as one space: NBSP and the like
    stay."""
    return _ORDINARY_SPACE.sub(" ", text).strip()


def citation(clause: Clause) -> str:
    """Return the clause's full citation (`ref`), falling back to its label."""
    return normalise(clause.citation)


def signature(lang: str, options: MatchOptions) -> str:
    """Return the reproducibility signature of a version comparison in `lang`."""
    return f"{tokenizer_signature(lang)}|{SIGNATURE}|{options.signature()}"


def build_changes(state: MatchState, terms: tuple[str, ...]) -> tuple[ClauseChange, ...]:
    """Return one change per clause of both versions, in reading order of the new version."""
    grouped = {s.whole: frozenset(s.pieces) for s in state.splits}
    for merge in state.merges:
        for piece in merge.pieces:
            grouped[piece] = frozenset({merge.whole})
    same_own_label = {
        i
        for i, j in state.o2n.items()
        if state.old[i].label and state.old[i].label == state.new[j].label
    }
    renested: set[int] = set()
    moved = moved_pairs(
        state.o2n, state.old_parent, state.new_parent, grouped, same_own_label, renested
    )
    same_place = _numbers_kept(state, same_own_label, renested)
    label_map = xref.build_label_map(
        (citation(state.old[i]), citation(state.new[j])) for i, j in state.o2n.items()
    )
    lang = state.old_doc.lang
    keyed: list[tuple[tuple[int, int, int], ClauseChange]] = []
    for i, j in state.o2n.items():
        keyed.append(
            (
                (j, 0, 0),
                _pair_change(state, i, j, i in moved, i in same_place, label_map, lang, terms),
            )
        )
    for split in state.splits:
        keyed.append(((split.pieces[0], 0, 0), _regroup_change(state, split, "split", lang, terms)))
    for merge in state.merges:
        keyed.append(((merge.whole, 0, 0), _regroup_change(state, merge, "merged", lang, terms)))
    for j in state.free_new():
        clause = state.new[j]
        keyed.append(
            (
                (j, 0, 0),
                _one_sided("added", None, clause.id, "", _cite(clause), INSERT, clause.full_text),
            )
        )
    anchors = _anchors(state)
    for i in state.free_old():
        clause = state.old[i]
        change = _one_sided("deleted", clause.id, None, _cite(clause), "", DELETE, clause.full_text)
        keyed.append(((anchors[i], 1, i), change))
    keyed.sort(key=lambda item: item[0])
    return tuple(change for _, change in keyed)


def _pair_change(
    state: MatchState,
    i: int,
    j: int,
    moved: bool,
    same_place: bool,
    label_map: dict,
    lang: str,
    terms: tuple[str, ...],
) -> ClauseChange:
    old, new = state.old[i], state.new[j]
    same_text = state.old_text[i] == state.new_text[j] and _visible(old.full_text) == _visible(
        new.full_text
    )
    old_label, new_label = _cite(old), _cite(new)
    xref_only = not same_text and xref.is_xref_only(state.old_text[i], state.new_text[j], label_map)
    classes = None if same_text or xref_only else typographic_classes(old.full_text, new.full_text)
    cosmetic = classes is not None
    similarity = 1.0 if same_text else state.coder.similarity(state.old_text[i], state.new_text[j])
    edits = redline(old.full_text, new.full_text, lang, terms)
    # -- the printed citation is what a reader compares: `1 ¶1` under a title that one version
    # prints as a heading and the other as a bold paragraph is still `1 ¶1`, neither moved
    # nor renumbered --
    same_citation = old_label != "" and old_label == new_label
    kind = _pair_kind(
        same_text,
        xref_only or cosmetic,
        same_place or same_citation or same_number(old, new),
        moved and not same_citation,
    )
    return ClauseChange(
        kind,
        old.id,
        new.id,
        old_label,
        new_label,
        similarity,
        edits,
        xref_only=xref_only,
        cosmetic=cosmetic,
        typography=classes or (),
    )


def _numbers_kept(state: MatchState, same_own_label: set[int], renested: set[int]) -> set[int]:
    """Return the old indices of re-nested pairs, and their descendants, whose printed numbers stay.

    A section that one version reads under a stray parent (`1.0 ¶8(q) 2` for
    the `2.` that follows a version line and a definitions list) keeps its
    printed number `2`: its citation differs only by ancestors the other
    version does not have. Its children keep theirs when their own numbers
    are the same and they sit under its counterpart; a level that only one
    version has (a part heading added or dropped) is passed over.
    """
    kept: set[int] = set()
    for i, j in sorted(state.o2n.items()):  # -- parents come before their children --
        if i not in same_own_label:
            continue
        parent = _matched_ancestor(state.old_parent, i, state.o2n)
        new_parent = _matched_ancestor(state.new_parent, j, state.n2o)
        if (
            i in renested
            or (parent is None and new_parent is None)
            or (parent in kept and state.o2n.get(parent) == new_parent)
        ):
            kept.add(i)
    return kept


def _matched_ancestor(parents: list[int | None], index: int, matched: dict[int, int]) -> int | None:
    """Return the nearest ancestor of `index` with a counterpart (past a level one side lacks)."""
    parent = parents[index]
    while parent is not None and parent not in matched:
        parent = parents[parent]
    return parent


def _pair_kind(same_text: bool, follows: bool, same_place: bool, moved: bool) -> ChangeKind:
    """Return the kind of a matched pair.

    `follows`: the text changed only in cross-references following the
    renumbering, or only typographically — not in substance. Such a clause
    is `renumbered` (or `moved`) when its number changed; under the same
    number it is still a text change, `modified` (flagged on the change).
    """
    if same_text and same_place:
        return "unchanged"  # -- same number, same words: nothing a reader needs to see --
    if moved:
        return "moved" if same_text or follows else "moved_modified"
    if same_text:
        return "renumbered"
    return "renumbered" if follows and not same_place else "modified"


def same_number(old: Clause, new: Clause) -> bool:
    """Return True when two clauses carry the same number, however it is printed.

    The normalised `path` decides (`第七条` and `7`, `（a）` and `（一）` are the
    same number); clauses without a path fall back to their citations, and
    two clauses citable by nothing have no number to change.
    """
    if not _cite(old) and not _cite(new):
        return True
    if old.path and new.path:
        return old.path == new.path
    return _cite(old) == _cite(new) != ""


def typographic_key(text: str) -> str:
    """Return `text` with every typographic class normalised (`dpa_compare.diff.typography`)."""
    return _typographic_key(text)


def _regroup_change(
    state: MatchState, group, kind: ChangeKind, lang: str, terms: tuple[str, ...]
) -> ClauseChange:
    if kind == "split":
        whole, pieces = state.old[group.whole], [state.new[p] for p in group.pieces]
        old_text, new_text = whole.full_text, PIECE_SEPARATOR.join(p.full_text for p in pieces)
        classes = _rewrapped(old_text, new_text)
        return ClauseChange(
            kind,
            whole.id,
            pieces[0].id,
            _cite(whole),
            _cite(pieces[0]),
            group.similarity,
            redline(old_text, new_text, lang, terms),
            new_ids=tuple(p.id for p in pieces),
            cosmetic=classes is not None,
            typography=classes or (),
        )
    whole, pieces = state.new[group.whole], [state.old[p] for p in group.pieces]
    old_text, new_text = PIECE_SEPARATOR.join(p.full_text for p in pieces), whole.full_text
    classes = _rewrapped(old_text, new_text)
    return ClauseChange(
        kind,
        pieces[0].id,
        whole.id,
        _cite(pieces[0]),
        _cite(whole),
        group.similarity,
        redline(old_text, new_text, lang, terms),
        old_ids=tuple(p.id for p in pieces),
        cosmetic=classes is not None,
        typography=classes or (),
    )


def _rewrapped(old_text: str, new_text: str) -> tuple[str, ...] | None:
    """Return the typographic classes of a split or merge that only moved paragraph breaks.

    A paragraph broken in the middle of a sentence (`…Development,` / `operation or…`) and
    joined again in the next version reads the same: the split or merge is cosmetic, classed
    `whitespace` (the breaks) plus whatever else `typographic_classes` finds. None when the
    joined texts differ in anything else.
    """
    classes = typographic_classes(old_text, new_text)
    if classes is None:
        return None
    return tuple(dict.fromkeys(("whitespace", *classes)))


def _one_sided(
    kind: ChangeKind,
    old_id: str | None,
    new_id: str | None,
    old_label: str,
    new_label: str,
    op: int,
    text: str,
) -> ClauseChange:
    edits = (Edit(op, text),) if text else ()
    return ClauseChange(kind, old_id, new_id, old_label, new_label, 0.0, edits)


def _cite(clause: Clause) -> str:
    return citation(clause)


def _anchors(state: MatchState) -> dict[int, int]:
    """Return, for each old clause, the new position after which it reads (-1: at the top)."""
    counterpart: dict[int, int] = dict(state.o2n)
    for split in state.splits:
        counterpart[split.whole] = max(split.pieces)
    for merge in state.merges:
        for piece in merge.pieces:
            counterpart[piece] = merge.whole
    anchors, last = {}, -1
    for i in range(len(state.old)):
        if i in counterpart:
            last = counterpart[i]
        anchors[i] = last
    return anchors
