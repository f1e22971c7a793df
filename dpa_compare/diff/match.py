"""Match the clauses of two versions of a document, then say what happened to each.

Matching runs in passes, surest first, each pass only on clauses still
unmatched:

1. identical text, label ignored — unique texts pair at once; repeated texts
   (table rows, "Not applicable.") pair by context (matched neighbours),
   then, for what is left, by order;
2. same citation with similar text, unless another candidate is clearly better;
3. fuzzy token similarity with a margin: best ≥ `fuzzy_min`, and better than
   the runner-up by `fuzzy_margin` in both directions; short clauses never;
3b. the document's own cross-references: when matched clauses now cite
   "Section 12.2" where they cited "Section 11.3", unmatched clauses 11.3 and
   12.2 pair (if at least `xref_min` alike) — a rewritten clause that its
   citers still point at;
4. position: runs of unmatched clauses between two matched neighbours pair
   in order when they are alike enough;
5. splits and merges (`dpa_compare.diff.regroup`), tried right after pass 1
   too, where they must beat every one-to-one alternative;
6. a one-to-one match whose partner, joined with unmatched neighbours under
   the same parent, explains it clearly better becomes a split or merge.

A clause whose children mostly went to one unmatched new clause pairs with
it (retitled headings) — tried before pass 2, so that children outvote a
mere coincidence of numbers, and again after pass 4.

Then moves are found (`dpa_compare.diff.moves`), cross-references checked
against the renumbering (`dpa_compare.diff.xref`), and every clause of both
versions gets exactly one `ClauseChange`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dpa_compare.diff import regroup, xref
from dpa_compare.diff.build import build_changes, citation, signature
from dpa_compare.diff.changes import VersionDiff
from dpa_compare.diff.similarity import TokenCoder
from dpa_compare.diff.state import MatchState
from dpa_compare.model import Clause, Document

__all__ = ["MatchOptions", "diff"]


@dataclass(frozen=True)
class MatchOptions:
    """The matcher's thresholds; similarities are token similarities, 0..1."""

    fuzzy_min: float = 0.7  # -- pass 3: the best candidate must score at least this --
    fuzzy_same_kind: float = 0.8  # -- … and below this, be of the same kind (heading, item …) --
    fuzzy_margin: float = 0.1  # -- … and beat the runner-up (either side) by this much --
    min_tokens: int = 4  # -- word tokens a clause needs to take part in passes 3 and 5 --
    same_label_min: float = 0.5  # -- pass 2: same citation, at least this similar --
    gap_min: float = 0.5  # -- pass 4: clauses between matched neighbours, at least this similar --
    split_min: float = 0.8  # -- pass 5: joined pieces against the whole --
    piece_min: float = 0.6  # -- pass 5: share of each piece's tokens found in the whole --
    max_pieces: int = 6  # -- pass 5: the most clauses one split or merge spans --
    regroup_gain: float = (
        0.05  # -- pass 6: a match grows into a split/merge when that is this much more alike --
    )
    xref_min: float = (
        0.2  # -- pass 3b: clauses a renumbered cross-reference pairs, at least this similar --
    )

    def signature(self) -> str:
        """Return the short form of the thresholds for the reproducibility signature."""
        return (
            f"match:fz{self.fuzzy_min:g}/{self.fuzzy_margin:g},n{self.min_tokens},split{self.split_min:g}"
            f"+{self.regroup_gain:g},xref{self.xref_min:g}"
        )


def diff(
    old_doc: Document,
    new_doc: Document,
    glossary_terms: Iterable[str] = (),
    options: MatchOptions | None = None,
) -> VersionDiff:
    """Return the clause-by-clause comparison of `old_doc` (earlier) with `new_doc` (later).

    `glossary_terms` keep defined terms whole when Chinese text is tokenised.
    Every clause of both documents appears in exactly one change.
    """
    options = options or MatchOptions()
    terms = tuple(glossary_terms)
    state = MatchState(old_doc, new_doc, TokenCoder(old_doc.lang, terms))
    _match_identical(state)
    _match_heading_only(state, by_number=False)
    scores, columns = _score_free(state, options)
    _find_regroups(state, options, scores, columns)
    _match_by_children(state)  # -- before citations: children outvote a same-number coincidence --
    _match_same_citation(state, options, scores, columns)
    _match_fuzzy(state, options, scores, columns)
    _match_by_references(state, options)
    _match_heading_only(state, by_number=True)  # -- before position: number and children decide --
    _match_by_position(state, options)
    _match_by_children(state)
    _match_by_references(state, options)  # -- again: the last passes matched more citers --
    _find_regroups(state, options, scores, columns)
    _extend_to_regroups(state, options)
    changes = build_changes(state, terms)
    return VersionDiff(old_doc, new_doc, changes, signature(old_doc.lang, options))


def _same_row(state: MatchState, old: int, new: int) -> bool:
    """Return False when two table rows have different identities (key cells); True otherwise."""
    old_key, new_key = state.old_key[old], state.new_key[new]
    return old_key is None or new_key is None or old_key == new_key


# -- pass 1: identical text ------------------------------------------------------------


def _match_identical(state: MatchState) -> None:
    by_old: dict[str, list[int]] = defaultdict(list)
    by_new: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(state.old_text):
        by_old[text].append(i)
    for j, text in enumerate(state.new_text):
        by_new[text].append(j)
    repeated = []
    for text, olds in by_old.items():
        news = by_new.get(text)
        if not news or not text:  # -- no words of its own: `_match_heading_only` pairs those --
            continue
        if len(olds) == 1 and len(news) == 1:
            state.pair(olds[0], news[0])
        else:
            repeated.append((olds, news))
    _match_repeated_by_citation(state, repeated)
    _match_repeated_by_context(state, repeated)
    _match_repeated_in_order(state, repeated)


def _match_repeated_by_citation(
    state: MatchState, groups: list[tuple[list[int], list[int]]]
) -> None:
    """Pair repeated texts that also share a citation found once on each side of their group.

    Same words under the same number is the surest pairing of a text that
    recurs ("（刪除）" under every repealed article).
    """
    for olds, news in groups:
        old_by_cite = _unique_by_citation(state.old, olds)
        new_by_cite = _unique_by_citation(state.new, news)
        for cite, i in old_by_cite.items():
            j = new_by_cite.get(cite)
            if j is not None and i not in state.o2n and j not in state.n2o:
                state.pair(i, j)


def _unique_by_citation(clauses: tuple[Clause, ...], indices: list[int]) -> dict[str, int]:
    found: dict[str, list[int]] = defaultdict(list)
    for k in indices:
        if citation(clauses[k]):
            found[citation(clauses[k])].append(k)
    return {cite: ks[0] for cite, ks in found.items() if len(ks) == 1}


def _match_repeated_by_context(
    state: MatchState, groups: list[tuple[list[int], list[int]]]
) -> None:
    """Pair repeated texts whose matched neighbours agree, until no more can be paired.

    A candidate new clause for old clause i sits right after the counterpart
    of i's predecessor or right before the counterpart of its successor; a
    pair is taken when each is the other's single best candidate.
    """
    group_of_old = {i: g for g, (olds, _) in enumerate(groups) for i in olds}
    group_of_new = {j: g for g, (_, news) in enumerate(groups) for j in news}
    progress = True
    while progress:
        progress = False
        for i in sorted(group_of_old):
            if i in state.o2n:
                continue
            j = _best_context_candidate(state, i, group_of_old, group_of_new, old_side=True)
            if (
                j is not None
                and _best_context_candidate(state, j, group_of_new, group_of_old, old_side=False)
                == i
            ):
                state.pair(i, j)
                progress = True


def _best_context_candidate(
    state: MatchState,
    index: int,
    own_groups: dict[int, int],
    other_groups: dict[int, int],
    old_side: bool,
) -> int | None:
    there, back = (state.o2n, state.n2o) if old_side else (state.n2o, state.o2n)
    candidates = set()
    if index - 1 in there:
        candidates.add(there[index - 1] + 1)
    if index + 1 in there:
        candidates.add(there[index + 1] - 1)
    group = own_groups[index]
    scored = []
    for other in candidates:
        if other in back or other_groups.get(other) != group:
            continue
        old, new = (index, other) if old_side else (other, index)
        scored.append((_context_score(state, old, new), other))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def _context_score(state: MatchState, old: int, new: int) -> int:
    score = 2 * (state.o2n.get(old - 1, -9) == new - 1) + 2 * (
        state.o2n.get(old + 1, -9) == new + 1
    )
    old_parent, new_parent = state.old_parent[old], state.new_parent[new]
    if (
        old_parent is None
        and new_parent is None
        or old_parent is not None
        and state.o2n.get(old_parent) == new_parent
    ):
        score += 1
    return score + (citation(state.old[old]) == citation(state.new[new]) != "")


def _match_repeated_in_order(state: MatchState, groups: list[tuple[list[int], list[int]]]) -> None:
    """Pair what repeated texts are left in document order (a longest common subsequence)."""
    from diff_match_patch import diff_match_patch

    olds = sorted(i for olds, _ in groups for i in olds if i not in state.o2n)
    news = sorted(j for _, news in groups for j in news if j not in state.n2o)
    if not olds or not news:
        return
    codes: dict[str, str] = {}
    old_coded = "".join(codes.setdefault(state.old_text[i], chr(0xE000 + len(codes))) for i in olds)
    new_coded = "".join(codes.setdefault(state.new_text[j], chr(0xE000 + len(codes))) for j in news)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    a = b = 0
    for op, text in dmp.diff_main(old_coded, new_coded, False):
        if op == 0:
            for k in range(len(text)):
                state.pair(olds[a + k], news[b + k])
        a += len(text) if op != 1 else 0
        b += len(text) if op != -1 else 0


# -- passes 2 and 3: same citation, then fuzzy --------------------------------------


Scores = dict[int, dict[int, float]]
"""Sparse similarities: {old index: {new index: score}} (or transposed), only above a cut-off."""


def _score_free(state: MatchState, options: MatchOptions) -> tuple[Scores, Scores]:
    """Return the similarities of every free old clause to every free new one, both ways round."""
    olds, news = state.free_old(), state.free_new()
    scores: Scores = {i: {} for i in olds}
    columns: Scores = defaultdict(dict)
    if not olds or not news:
        return scores, columns
    cutoff = min(options.same_label_min, options.gap_min, options.fuzzy_min)
    rows = state.coder.scores(
        [state.old_text[i] for i in olds], [state.new_text[j] for j in news], cutoff
    )
    for i, row in zip(olds, rows, strict=True):
        for k, score in row.items():
            scores[i][news[k]] = score
            columns[news[k]][i] = score
    return scores, columns


def _best_other(candidates: dict[int, float], exclude: int, taken: dict[int, int]) -> float:
    return max((s for k, s in candidates.items() if k != exclude and k not in taken), default=0.0)


def _match_same_citation(
    state: MatchState, options: MatchOptions, scores: Scores, columns: Scores
) -> None:
    by_citation: dict[str, list[int]] = defaultdict(list)
    for j in state.free_new():
        if citation(state.new[j]):
            by_citation[citation(state.new[j])].append(j)
    for i in state.free_old():
        news = by_citation.get(citation(state.old[i]), [])
        if len(news) != 1 or news[0] in state.n2o:
            continue
        j = news[0]
        score = scores.get(i, {}).get(j, 0.0)
        if score < options.same_label_min or not _same_row(state, i, j):
            continue
        if _best_other(scores.get(i, {}), j, state.n2o) >= score + options.fuzzy_margin:
            continue
        if _best_other(columns.get(j, {}), i, state.o2n) >= score + options.fuzzy_margin:
            continue
        state.pair(i, j)


def _match_fuzzy(state: MatchState, options: MatchOptions, scores: Scores, columns: Scores) -> None:
    length_ok = lambda text: state.coder.length(text) >= options.min_tokens  # noqa: E731
    progress = True
    while progress:
        progress = False
        for i in state.free_old():
            if not length_ok(state.old_text[i]):
                continue
            free = [
                (s, j)
                for j, s in scores.get(i, {}).items()
                if j not in state.n2o and _same_row(state, i, j)
            ]
            if not free:
                continue
            best = max(free)[0]
            j = _copy_in_place(state, i, [k for s, k in free if s == best])
            if best < options.fuzzy_min or not length_ok(state.new_text[j]):
                continue
            # -- a loose likeness pairs a heading with a heading, an item with an item --
            if best < options.fuzzy_same_kind and state.old[i].kind != state.new[j].kind:
                continue
            rivals = {
                k: s for k, s in scores.get(i, {}).items() if state.new_text[k] != state.new_text[j]
            }
            if _best_other(rivals, j, state.n2o) > best - options.fuzzy_margin:
                continue
            rivals = {
                k: s
                for k, s in columns.get(j, {}).items()
                if state.old_text[k] != state.old_text[i]
            }
            if _best_other(rivals, i, state.o2n) > best - options.fuzzy_margin:
                continue
            state.pair(i, j)
            progress = True


def _copy_in_place(state: MatchState, old: int, tied: list[int]) -> int:
    """Return the one of the equally alike new clauses `tied` that best keeps `old`'s context.

    Copies of one text (an exhibit repeated per product) do not make a match
    ambiguous — whichever copy is taken, the words are the same — so copies
    never count as each other's rivals; the copy whose neighbours and parent
    agree with `old`'s is taken, else the first. Different texts that tie
    are returned as they are, and the margin test turns them down.
    """
    copies = [k for k in tied if state.new_text[k] == state.new_text[tied[0]]]
    if len(copies) < len(tied):
        return tied[0]
    return max(copies, key=lambda k: (_context_score(state, old, k), -k))


# -- pass 4: position --------------------------------------------------------------


def _match_by_position(state: MatchState, options: MatchOptions) -> None:
    """Pair equal-length runs of unmatched clauses that sit between the same matched neighbours."""
    free_new = set(state.free_new())
    for run in regroup.consecutive_runs(state.free_old()):
        before = state.o2n.get(run[0] - 1, -1) if run[0] > 0 else -1
        after = (
            state.o2n.get(run[-1] + 1, len(state.new))
            if run[-1] + 1 < len(state.old)
            else len(state.new)
        )
        if (
            run[0] > 0
            and run[0] - 1 not in state.o2n
            or run[-1] + 1 < len(state.old)
            and run[-1] + 1 not in state.o2n
        ):
            continue
        gap = list(range(before + 1, after))
        if not gap or len(gap) != len(run) or not all(j in free_new for j in gap):
            continue
        pairs = list(zip(run, gap, strict=True))
        if all(_alike_in_place(state, i, j, options) for i, j in pairs):
            for i, j in pairs:
                state.pair(i, j)


def _alike_in_place(state: MatchState, old: int, new: int, options: MatchOptions) -> bool:
    if state.old[old].kind != state.new[new].kind or not _same_row(state, old, new):
        return False
    if citation(state.old[old]) and citation(state.old[old]) == citation(state.new[new]):
        return True
    return state.coder.similarity(state.old_text[old], state.new_text[new]) >= options.gap_min


def _match_by_children(state: MatchState) -> None:
    """Pair an unmatched clause with the unmatched new clause most of its children went to.

    A child's vote goes to its new parent and that parent's ancestors, since a
    revision often adds a level (old 6 ¶1 under new 7.1 under new 7). Ties go
    to the candidate at the old clause's level, then to the closest wording
    by characters (so "Sub-processing" finds "Subprocessing").
    """
    from rapidfuzz import fuzz

    old_children: dict[int, list[int]] = defaultdict(list)
    for i, parent in enumerate(state.old_parent):
        if parent is not None:
            old_children[parent].append(i)
    for i in reversed(state.free_old()):
        votes: dict[int, int] = defaultdict(int)
        for child in old_children.get(i, []):
            ancestor = state.new_parent[state.o2n[child]] if child in state.o2n else None
            while ancestor is not None:
                votes[ancestor] += 1
                ancestor = state.new_parent[ancestor]
        candidates = [
            (
                count,
                state.new[j].level == state.old[i].level,
                fuzz.ratio(state.old_text[i].lower(), state.new_text[j].lower()),
                -j,
            )
            for j, count in votes.items()
            if count >= 2
            and 2 * count >= len(old_children[i])
            and j not in state.n2o
            and state.new[j].kind == state.old[i].kind
        ]
        if candidates:
            state.pair(i, -max(candidates)[3])


def _match_heading_only(state: MatchState, by_number: bool) -> None:
    """Pair clauses with no text of their own (`第 10 條` whose words are its paragraphs).

    Such a clause is the clause its children went to: the free new clause
    without text that most of its matched children now sit under (a strict
    majority) takes it. With `by_number`, a clause none of whose children
    is matched elsewhere pairs with the one free new clause without text
    that has its citation. Position never decides: an article inserted
    between two such clauses stays one added article.
    """
    old_children: dict[int, list[int]] = defaultdict(list)
    for i, parent in enumerate(state.old_parent):
        if parent is not None:
            old_children[parent].append(i)
    free_new = [j for j in state.free_new() if not state.new_text[j]]
    free_set = set(free_new)
    by_citation: dict[str, list[int]] = defaultdict(list)
    for j in free_new:
        by_citation[citation(state.new[j])].append(j)
    for i in state.free_old():
        if state.old_text[i]:
            continue
        votes: dict[int | None, int] = defaultdict(int)
        for child in old_children.get(i, []):
            if child in state.o2n:
                votes[state.new_parent[state.o2n[child]]] += 1
        target = _children_choice(votes, free_set, state.n2o)
        if target is None and by_number and not votes:
            same = [j for j in by_citation.get(citation(state.old[i]), []) if j not in state.n2o]
            target = same[0] if len(same) == 1 and citation(state.old[i]) else None
        if target is not None and state.new[target].kind == state.old[i].kind:
            state.pair(i, target)


def _children_choice(
    votes: dict[int | None, int], candidates: set[int], taken: dict[int, int]
) -> int | None:
    """Return the free candidate that a strict majority of the children's votes went to, else
    None."""
    total = sum(votes.values())
    for parent, count in votes.items():
        if parent in candidates and parent not in taken and 2 * count > total:
            return parent
    return None


# -- pass 3b: cross-references -----------------------------------------------------


def _match_by_references(state: MatchState, options: MatchOptions) -> None:
    """Pair free clauses that matched clauses' renumbered cross-references point from and to."""
    moves = xref.reference_moves(
        (state.old_text[i], state.new_text[j]) for i, j in state.o2n.items()
    )
    if not moves:
        return
    free_new = {}
    for free in state.free_new():
        key = xref.canonical_ref(citation(state.new[free]))
        if key is not None:
            free_new[key] = free
    for i in state.free_old():
        key = xref.canonical_ref(citation(state.old[i]))
        moved = moves.get(key) if key is not None else None
        j = free_new.get(moved) if moved is not None else None
        if (
            j is None
            or j in state.n2o
            or state.old[i].kind != state.new[j].kind
            or not _same_row(state, i, j)
        ):
            continue
        if state.coder.similarity(state.old_text[i], state.new_text[j]) >= options.xref_min:
            state.pair(i, j)


# -- pass 6: one-to-one matches that are really splits or merges -----------------------


def _extend_to_regroups(state: MatchState, options: MatchOptions) -> None:
    """Regroup matches whose partner plus free sibling neighbours explain the whole better."""
    free_old, free_new = set(state.free_old()), set(state.free_new())
    for i, j in sorted(state.o2n.items()):
        if state.old_text[i] == state.new_text[j] or state.o2n.get(i) != j:
            continue
        old_rivals = [k for k in free_old if state.old_parent[k] == state.old_parent[i]]
        new_rivals = [k for k in free_new if state.new_parent[k] == state.new_parent[j]]
        old_piece = _free_piece(
            state,
            options,
            free_old,
            state.old_parent,
            i,
            state.old_text,
            new_rivals,
            state.new_text,
        )
        new_piece = _free_piece(
            state,
            options,
            free_new,
            state.new_parent,
            j,
            state.new_text,
            old_rivals,
            state.old_text,
        )
        merge = _extend_match(state, options, j, i, state.new_text[j], state.old_text, old_piece)
        split = _extend_match(state, options, i, j, state.old_text[i], state.new_text, new_piece)
        best = max((g for g in (merge, split) if g), key=lambda g: g.similarity, default=None)
        if best is None:
            continue
        del state.o2n[i], state.n2o[j]
        (state.merges if best is merge else state.splits).append(best)
        free_old, free_new = set(state.free_old()), set(state.free_new())


def _extend_match(
    state: MatchState,
    options: MatchOptions,
    whole: int,
    partner: int,
    whole_text: str,
    piece_texts: list[str],
    free: Callable[[int], bool],
) -> regroup.Regroup | None:
    """Return `regroup.extend_match` with the regrouping thresholds of `options`."""
    return regroup.extend_match(
        whole,
        partner,
        whole_text,
        piece_texts,
        free,
        state.coder,
        minimum=options.split_min,
        piece_minimum=options.piece_min,
        gain=options.regroup_gain,
        max_pieces=options.max_pieces,
    )


def _free_piece(
    state: MatchState,
    options: MatchOptions,
    free: set[int],
    parents: list[int | None],
    anchor: int,
    texts: list[str],
    rivals: list[int],
    rival_texts: list[str],
) -> Callable[[int], bool]:
    """Return the test for a clause that may join `anchor`'s match as a piece: free, a sibling
    of `anchor`, and without a counterpart of its own among the free `rivals` opposite."""

    def usable(k: int) -> bool:
        return (
            k in free
            and parents[k] == parents[anchor]
            and not _has_own_counterpart(state, texts[k], rivals, rival_texts, options)
        )

    return usable


def _has_own_counterpart(
    state: MatchState, text: str, rivals: list[int], rival_texts: list[str], options: MatchOptions
) -> bool:
    """Return True when a free sibling on the other side is alike enough to be `text`'s own match.

    A short clause the matcher left free ("Processor Mistral AI", too short
    to pair by likeness with "Data Processor Mistral AI") is that clause's
    revision, not the second half of its neighbour.
    """
    return any(state.coder.similarity(text, rival_texts[k]) >= options.piece_min for k in rivals)


# -- pass 5: splits and merges -------------------------------------------------------


def _find_regroups(
    state: MatchState, options: MatchOptions, scores: Scores, columns: Scores
) -> None:
    """Add the splits and merges among free clauses that beat every one-to-one alternative."""
    settings = dict(
        minimum=options.split_min,
        piece_minimum=options.piece_min,
        max_pieces=options.max_pieces,
        min_tokens=options.min_tokens,
    )

    def beats_one_to_one(
        group: regroup.Regroup, wholes: Scores, pieces: Scores, split: bool
    ) -> bool:
        # -- a regrouping must explain the whole clearly better than its best single
        #    counterpart, and no piece may have a good counterpart of its own elsewhere --
        whole_taken, piece_taken = (state.n2o, state.o2n) if split else (state.o2n, state.n2o)
        best_single = _best_other(wholes.get(group.whole, {}), -1, whole_taken)
        if group.similarity < best_single + options.fuzzy_margin:
            return False
        return all(
            _best_other(pieces.get(p, {}), group.whole, piece_taken)
            < min(options.fuzzy_min, group.similarity)
            for p in group.pieces
        )

    state.splits += regroup.find_regroups(
        state.free_old(),
        state.old_text,
        regroup.consecutive_runs(state.free_new()),
        state.new_text,
        state.coder,
        accept=lambda g: beats_one_to_one(g, scores, columns, True),
        **settings,  # type: ignore[arg-type]
    )
    state.merges += regroup.find_regroups(
        state.free_new(),
        state.new_text,
        regroup.consecutive_runs(state.free_old()),
        state.old_text,
        state.coder,
        accept=lambda g: beats_one_to_one(g, columns, scores, False),
        **settings,  # type: ignore[arg-type]
    )
