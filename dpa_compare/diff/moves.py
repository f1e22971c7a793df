"""Which matched clauses moved: a new parent, or out of order among their siblings.

A matched pair has *moved* when the new clause's parent is not the
counterpart of the old clause's parent, or when, among the pairs that share
a parent, it breaks the order the others keep. The order test keeps the
heaviest increasing subsequence of old positions, each pair weighted by the
size of its old subtree, so that moving one small section past a large one
reports the small one as moved, and a section moved with its children
reports only the section: the children keep their order under it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

__all__ = ["moved_pairs", "subtree_sizes"]

_UNKNOWN = -2
"""Counterpart of a parent that has none (deleted): the parent test cannot tell."""


def subtree_sizes(parents: Sequence[int | None]) -> list[int]:
    """Return for each clause the number of clauses in its subtree (itself included).

    `parents[i]` is the index of clause i's parent, None at top level;
    parents come before their children.
    """
    sizes = [1] * len(parents)
    for index in range(len(parents) - 1, -1, -1):
        parent = parents[index]
        if parent is not None:
            sizes[parent] += sizes[index]
    return sizes


def moved_pairs(
    o2n: Mapping[int, int],
    old_parents: Sequence[int | None],
    new_parents: Sequence[int | None],
    grouped: Mapping[int, frozenset[int]] | None = None,
    same_own_label: Collection[int] = (),
    renested: set[int] | None = None,
) -> set[int]:
    """Return the old indices of matched pairs that moved.

    `o2n` maps matched old clause indices to new ones. `grouped` maps an old
    clause that was split (or merged) to the set of new indices it became,
    so that children of a split parent that stay under one of its pieces do
    not count as moved. `same_own_label` holds the old indices of pairs whose
    own number (the last part of the citation: `2` of `1(q) 2`) is the same
    in both versions: such a clause under another parent, in its old place
    in the reading order, and either carrying its own children or with its
    new parent the counterpart of one of its old ancestors (or the other way
    round), was re-nested (a version line or list above it read as its
    parent in one version only, a part heading inserted above a run of
    sections), not moved; such pairs are added to `renested` when given.
    A lone clause that keeps its number by chance
    under a new section heading beside its old one still moved.
    """
    grouped = grouped or {}
    moved: set[int] = set()
    weights = subtree_sizes(old_parents)
    n2o = {new: old for old, new in o2n.items()}
    in_reading_order = _heaviest_increasing(
        [old for _, old in sorted((n, o) for o, n in o2n.items())], weights
    )
    siblings: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
    for old, new in o2n.items():
        expected = _counterpart(old_parents[old], o2n, grouped)
        actual = new_parents[new]
        if isinstance(expected, frozenset):
            consistent = actual in expected
        else:
            consistent = expected == _UNKNOWN or expected == actual
        if consistent:
            siblings[actual].append((new, old))
        elif (
            old not in in_reading_order
            or old not in same_own_label
            or weights[old] == 1
            and not _on_one_line(old, new, o2n, n2o, old_parents, new_parents)
        ):
            moved.add(old)
        elif renested is not None:
            renested.add(old)
    for pairs in siblings.values():
        pairs.sort()
        kept = _heaviest_increasing([old for _, old in pairs], weights)
        moved.update(old for _, old in pairs if old not in kept)
    return moved


def _on_one_line(
    old: int,
    new: int,
    o2n: Mapping[int, int],
    n2o: Mapping[int, int],
    old_parents: Sequence[int | None],
    new_parents: Sequence[int | None],
) -> bool:
    """Return True when the new parent stands for an old ancestor, or the old parent for a new one.

    The clause went up or down the outline on its own line of ancestors
    (levels gained or lost), rather than sideways under another section.
    """
    new_parent, old_parent = new_parents[new], old_parents[old]
    if new_parent is None or old_parent is None:
        return True
    return n2o.get(new_parent) in _ancestors(old, old_parents) or o2n.get(old_parent) in _ancestors(
        new, new_parents
    )


def _ancestors(index: int, parents: Sequence[int | None]) -> set[int]:
    found = set()
    parent = parents[index]
    while parent is not None:
        found.add(parent)
        parent = parents[parent]
    return found


def _counterpart(
    parent: int | None, o2n: Mapping[int, int], grouped: Mapping[int, frozenset[int]]
) -> int | None | frozenset[int]:
    if parent is None:
        return None
    if parent in o2n:
        return o2n[parent]
    return grouped.get(parent, _UNKNOWN)


def _heaviest_increasing(values: list[int], weights: Sequence[int]) -> set[int]:
    """Return the values of the heaviest strictly increasing subsequence of `values`.

    `weights[v]` weighs value v. A Fenwick tree over the values' ranks keeps
    the best chain ending below each rank: O(n log n).
    """
    if len(values) <= 1:
        return set(values)
    ranks = {value: rank + 1 for rank, value in enumerate(sorted(set(values)))}
    size = len(ranks)
    tree: list[tuple[int, int]] = [(0, -1)] * (
        size + 1
    )  # -- (chain weight, index of its last item) --
    best_weight = [0] * len(values)
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        rank = ranks[value]
        weight, before = 0, -1
        position = rank - 1
        while position > 0:
            if tree[position][0] > weight:
                weight, before = tree[position]
            position -= position & -position
        best_weight[index] = weight + weights[value]
        previous[index] = before
        position = rank
        while position <= size:
            if best_weight[index] > tree[position][0]:
                tree[position] = (best_weight[index], index)
            position += position & -position
    end = max(range(len(values)), key=lambda i: (best_weight[i], -i))
    kept = set()
    while end != -1:
        kept.add(values[end])
        end = previous[end]
    return kept
