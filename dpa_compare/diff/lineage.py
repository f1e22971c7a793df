"""One clause followed through a series of versions: when it appeared, changed, was renumbered,
moved or deleted.

    >>> history = clause_history([v1, v2, v3], "7.2")          # doctest: +SKIP
    >>> [(e.version, e.kind, e.label) for e in history.events]  # doctest: +SKIP
    [('1.0', 'added', '6.2'), ('2.0', 'renumbered', '7.2'), ('3.0', 'modified', '7.2')]

The clause is found by its citation in the latest version that has it (or
in the version the caller names), then followed backwards and forwards
through the clause matching of consecutive versions (`dpa_compare.diff`),
so a renumbering or a move never loses it. A split is followed into its
first piece, a merge into the clause it joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dpa_compare.diff.changes import ClauseChange, VersionDiff
from dpa_compare.diff.match import diff
from dpa_compare.diff.redline import Edit
from dpa_compare.errors import UsageError
from dpa_compare.model import Clause, Document

__all__ = ["ClauseEvent", "ClauseHistory", "clause_history", "find_clause"]


@dataclass(frozen=True)
class ClauseEvent:
    """What happened to the clause in one version.

    `kind` is `added` where it first appears, then the change kind from the
    previous version (`unchanged`, `modified`, `renumbered`, `moved`,
    `moved_modified`, `split`, `merged`, `deleted`). `label` is its citation
    in this version ("" once deleted), `previous_label` in the one before.
    `redline` turns the previous text into this one; `xref_only` and
    `cosmetic` as on `ClauseChange`.
    """

    version: str
    kind: str
    label: str
    previous_label: str
    clause_id: str | None
    redline: tuple[Edit, ...] = ()
    xref_only: bool = False
    cosmetic: bool = False

    def to_dict(self) -> dict[str, object]:
        """Return the event as JSON-ready data; `redline` as `[[op, text], …]`."""
        data = dict(self.__dict__)
        data["redline"] = [[op, text] for op, text in self.redline]
        return data


@dataclass(frozen=True)
class ClauseHistory:
    """The events of one clause, one per version, from its first appearance to its end."""

    label: str
    found_in: str
    events: tuple[ClauseEvent, ...]
    resolved_id: str = ""
    resolved_label: str = ""

    def to_dict(self) -> dict[str, object]:
        """Return the history as JSON-ready data; `resolved_*` name the clause found."""
        return {
            "label": self.label,
            "found_in": self.found_in,
            "resolved_id": self.resolved_id,
            "resolved_label": self.resolved_label,
            "events": [e.to_dict() for e in self.events],
        }


def find_clause(document: Document, label: str) -> str | None:
    """Return the id of the clause cited `label` in `document`, else None.

    Tried in turn: the citation or printed label exactly; the same ignoring
    spaces, case and a final dot (`第13條`, `a.1`); then the number the
    citation prints, read as a label (`13`, `Article 13`, `第十三條`, `B.3(a)(i)`,
    `B.3.a`), against the numbers the clauses' labels print — the top-most
    such clause first.
    """
    wanted = " ".join(label.split())
    for clause in document.clauses:
        if clause.citation == wanted:
            return clause.id
    for clause in document.clauses:
        if clause.label.rstrip(".") == wanted.rstrip(".") and clause.parent is None:
            return clause.id
    if re.fullmatch(r"\d+(?:-\d+)*\.?", wanted):
        # -- a bare number cites the article, section or clause so numbered, not a deep item `1.` --
        by_number = _by_number(document, wanted)
        if by_number is not None:
            return by_number
    compact = _compact(wanted)
    found = [
        c for c in document.clauses if compact and compact in (_compact(c.ref), _compact(c.label))
    ]
    if found:
        return _top_most(found).id
    return _by_number(document, wanted)


def _top_most(clauses: list[Clause]) -> Clause:
    """Return the provision nearest the top (`13`: Article 13, not Chapter 13 or an item 13).

    A list item ranks below any numbered clause whatever its depth: an article under a
    section sits as deep as the items of an article outside any section.
    """
    return min(clauses, key=lambda c: (c.kind == "heading", c.kind == "list_item", c.level))


def _compact(citation: str) -> str:
    return "".join(citation.split()).rstrip(".．").casefold()


def _by_number(document: Document, citation: str) -> str | None:
    """Return the top-most clause whose label prints the number `citation` prints, else None."""
    from dpa_compare.lang import en, zh

    lang = zh if document.lang == "zh" else en
    wanted = _numbers(lang, citation)
    if wanted is None:
        return None
    for same in (
        lambda c: _numbers(lang, c.label) == wanted,  # -- `13` → the clause printed `第 13 條` --
        lambda c: _path_numbers(c.path) == wanted,  # -- `A.1` → `1.` under `A.` --
    ):
        found = [c for c in document.clauses if c.label and same(c)]
        if found:
            return _top_most(found).id
    return None


def _path_numbers(path: tuple[str, ...]) -> tuple[int, ...]:
    """Return the numbers of a clause path, containers and paragraph counts left out."""
    out: list[int] = []
    for part in path:
        pieces = part.split("-")
        if all(p.isdigit() for p in pieces):
            out += [int(p) for p in pieces]
    return tuple(out)


def _numbers(lang, citation: str) -> tuple[int, ...] | None:  # noqa: ANN001 -- a lang module
    """Return the numbers a citation prints: `第 13 條` → (13,); `B.3(a)(i)` → (2, 3, 1, 1)."""
    text = citation.strip().rstrip(".．")
    if re.fullmatch(r"\d+(?:-\d+)*", text):
        return tuple(int(n) for n in text.split("-"))
    matches = lang.match_label(text + " x", True) or lang.match_label(text, True)
    if not matches:
        return None
    return matches[0].numbers


def clause_history(
    versions: Sequence[Document], label: str, at: str | None = None
) -> ClauseHistory:
    """Return the history of the clause cited `label` across `versions` (oldest first).

    `at` names the version whose citation `label` is (default: the latest
    version that has a clause so cited). Raises `UsageError` when no version
    has it. Each document's `version` names it in the events.
    """
    names = [d.version or f"#{k}" for k, d in enumerate(versions, 1)]
    start = _start(versions, names, label, at)
    diffs = [diff(versions[k], versions[k + 1]) for k in range(len(versions) - 1)]
    clause_id = find_clause(versions[start], label)
    assert clause_id is not None
    first, first_id = _trace_back(diffs, start, clause_id)
    first_clause = versions[first].clause(first_id)
    events = [ClauseEvent(names[first], "added", _cite(first_clause), "", first_id)]
    current: str = first_id
    for k in range(first, len(diffs)):
        change = _change_from(diffs[k], current)
        next_id = change.new_id if change.kind != "deleted" else None
        events.append(
            ClauseEvent(
                names[k + 1],
                change.kind,
                change.new_label,
                _cite(versions[k].clause(current)),
                next_id,
                change.redline,
                change.xref_only,
                getattr(change, "cosmetic", False),
            )
        )
        if next_id is None:
            break
        current = next_id
    resolved = versions[start].clause(clause_id)
    return ClauseHistory(label, names[start], tuple(events), clause_id, _cite(resolved))


def _start(versions: Sequence[Document], names: list[str], label: str, at: str | None) -> int:
    if at is not None:
        if at not in names:
            raise UsageError(f"no version {at!r} (versions: {', '.join(names)})")
        index = names.index(at)
        if find_clause(versions[index], label) is None:
            raise UsageError(f"version {at!r} has no clause {label!r}")
        return index
    for index in range(len(versions) - 1, -1, -1):
        if find_clause(versions[index], label) is not None:
            return index
    raise UsageError(f"no version has a clause {label!r} (versions: {', '.join(names)})")


def _trace_back(diffs: list[VersionDiff], index: int, clause_id: str) -> tuple[int, str]:
    """Return (version index, clause id) where the clause first appears."""
    while index > 0:
        change = next(c for c in diffs[index - 1].changes if clause_id in _new_side(c))
        if change.kind == "added" or change.old_id is None:
            break
        clause_id = change.old_id
        index -= 1
    return index, clause_id


def _change_from(result: VersionDiff, old_id: str) -> ClauseChange:
    return next(c for c in result.changes if old_id in _old_side(c))


def _old_side(change: ClauseChange) -> tuple[str, ...]:
    return change.old_ids or ((change.old_id,) if change.old_id else ())


def _new_side(change: ClauseChange) -> tuple[str, ...]:
    return change.new_ids or ((change.new_id,) if change.new_id else ())


def _cite(clause) -> str:  # noqa: ANN001 -- a Clause
    return clause.citation
