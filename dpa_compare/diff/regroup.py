"""Splits and merges: one clause whose text now spans several consecutive clauses.

After one-to-one matching, an unmatched old clause may have been cut into two
or more new clauses that follow one another (a split), or several
consecutive old clauses may have been joined into one new clause (a merge).
Both are found the same way, with the roles of the versions swapped: the
whole is compared with every window of 2..`max_pieces` consecutive unmatched
clauses on the other side, and the best window is kept when the joined
pieces are alike enough to the whole and every piece is mostly made of the
whole's words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dpa_compare.diff.similarity import TokenCoder

__all__ = ["Regroup", "consecutive_runs", "extend_match", "find_regroups"]


@dataclass(frozen=True)
class Regroup:
    """One whole clause (`whole`, an index) and the consecutive `pieces` it became or came from."""

    whole: int
    pieces: tuple[int, ...]
    similarity: float


def consecutive_runs(free: Sequence[int]) -> list[list[int]]:
    """Return the sorted indices in `free` cut into runs of consecutive integers."""
    runs: list[list[int]] = []
    for index in sorted(free):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def find_regroups(
    wholes: Sequence[int],
    whole_texts: Sequence[str],
    piece_runs: Sequence[Sequence[int]],
    piece_texts: Sequence[str],
    coder: TokenCoder,
    minimum: float = 0.8,
    piece_minimum: float = 0.6,
    max_pieces: int = 6,
    min_tokens: int = 4,
    accept: Callable[[Regroup], bool] | None = None,
) -> list[Regroup]:
    """Return non-overlapping regroupings, best first.

    `wholes` are candidate whole clauses (indices into `whole_texts`);
    `piece_runs` are runs of consecutive candidate pieces (indices into
    `piece_texts`). A window of pieces qualifies when its joined tokens score
    at least `minimum` against the whole and each piece has at least
    `piece_minimum` of its tokens among the whole's.
    """
    from rapidfuzz import fuzz

    candidates: list[Regroup] = []
    for whole in wholes:
        coded = coder.code(whole_texts[whole])
        if len(coded) < min_tokens:
            continue
        vocabulary = set(coded)
        # -- Indel similarity ≥ m bounds the other length to [m/(2-m), 2/m - 1] times this one --
        shortest, longest = len(coded) * minimum / (2 - minimum), len(coded) * (2 / minimum - 1)
        best: Regroup | None = None
        for run in piece_runs:
            for start in range(len(run) - 1):
                joined = ""
                for end in range(start, min(start + max_pieces, len(run))):
                    piece = coder.code(piece_texts[run[end]])
                    if not piece or _coverage(piece, vocabulary) < piece_minimum:
                        break
                    joined += piece
                    if len(joined) > longest:
                        break
                    if end == start or len(joined) < shortest:
                        continue
                    score = fuzz.ratio(coded, joined) / 100.0
                    if score >= minimum and (best is None or score > best.similarity):
                        best = Regroup(whole, tuple(run[start : end + 1]), score)
        if best is not None and (accept is None or accept(best)):
            candidates.append(best)
    return _disjoint(candidates)


def _coverage(piece: str, vocabulary: set[str]) -> float:
    return sum(ch in vocabulary for ch in piece) / len(piece)


def _disjoint(candidates: list[Regroup]) -> list[Regroup]:
    taken: set[int] = set()
    chosen = []
    for candidate in sorted(candidates, key=lambda c: (-c.similarity, c.whole)):
        if taken.isdisjoint(candidate.pieces):
            taken.update(candidate.pieces)
            chosen.append(candidate)
    return chosen


def extend_match(
    whole: int,
    partner: int,
    whole_text: str,
    piece_texts: Sequence[str],
    free: Callable[[int], bool],
    coder: TokenCoder,
    minimum: float = 0.8,
    piece_minimum: float = 0.6,
    gain: float = 0.05,
    max_pieces: int = 6,
) -> Regroup | None:
    """Return the split (or merge) a one-to-one match really is, None when it is one-to-one.

    `whole` was matched with `partner` (an index into `piece_texts`). When
    `partner` joined with free neighbours on its side (`free(index)`)
    explains the whole at least `minimum` and `gain` better than `partner`
    alone, and every added neighbour is mostly made of the whole's words, the
    match becomes a regrouping: "11.4 + 11.5 → 12.4" rather than "11.4 →
    12.4 modified, 11.5 deleted".
    """
    from rapidfuzz import fuzz

    coded = coder.code(whole_text)
    vocabulary = set(coded)
    alone = fuzz.ratio(coded, coder.code(piece_texts[partner])) / 100.0
    best: Regroup | None = None
    before = _free_neighbours(partner, -1, len(piece_texts), free, max_pieces - 1)
    after = _free_neighbours(partner, 1, len(piece_texts), free, max_pieces - 1)
    for start in range(len(before) + 1):
        for end in range(len(after) + 1):
            pieces = (*reversed(before[:start]), partner, *after[:end])
            if len(pieces) < 2 or len(pieces) > max_pieces:
                continue
            added = [p for p in pieces if p != partner]
            if any(
                not coder.code(piece_texts[p])
                or _coverage(coder.code(piece_texts[p]), vocabulary) < piece_minimum
                for p in added
            ):
                continue
            joined = "".join(coder.code(piece_texts[p]) for p in pieces)
            score = fuzz.ratio(coded, joined) / 100.0
            better = score >= minimum and score >= alone + gain
            if not better and _bag_similarity(coded, joined) >= minimum:
                added_code = "".join(coder.code(piece_texts[p]) for p in added)
                better = _explains_the_rest(coded, coder.code(piece_texts[partner]), added_code)
                score = max(score, _bag_similarity(coded, joined))
            if better and (best is None or score > best.similarity):
                best = Regroup(whole, tuple(pieces), score)
    return best


def _bag_similarity(a: str, b: str) -> float:
    """Return the share of tokens two coded texts have in common, order ignored (multiset Dice)."""
    if not a and not b:
        return 1.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def _explains_the_rest(whole: str, partner: str, added: str) -> bool:
    """Return True when `added` carries most of what `whole` says and `partner` does not.

    A clause cut in two with the cut reworded ("… on thirty days' notice." →
    "… once a year." + "The Customer shall give thirty days' notice.") keeps
    the second half's words in the new clause, and repeats the subject: the
    words of the whole missing from the partner (at least a seventh of the
    whole, and `_MIN_REST` tokens) must be `_REST_SHARE` found in the added
    pieces. Order is ignored, since rewording at a cut moves words about.
    """
    rest = Counter(whole) - Counter(partner)
    size = sum(rest.values())
    if size < max(_MIN_REST, len(whole) / 7):
        return False
    return sum((rest & Counter(added)).values()) >= _REST_SHARE * size


_MIN_REST = 3
_REST_SHARE = 0.75


def _free_neighbours(
    index: int, step: int, size: int, free: Callable[[int], bool], limit: int
) -> list[int]:
    found: list[int] = []
    index += step
    while 0 <= index < size and free(index) and len(found) < limit:
        found.append(index)
        index += step
    return found
