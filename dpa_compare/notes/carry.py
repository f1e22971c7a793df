"""Carry translator notes forward to a new English version: follow renumbering and moves, re-open,
orphan.

    carried = carry_notes(load_notes("notes-2020-05.yaml"), old_en, new_en)
    carried.counts()   # {"kept": …, "renumbered": …, "reopened": …, "orphaned": …}

Each note's clause is found in the old English (by `clause_id`, else by its
label), then followed through `dpa_compare.diff.diff(old_en, new_en)`:

- same text, same or new label (`unchanged`, `renumbered`, `moved`): kept,
  under the new label;
- text changed (`modified`, `moved_modified`, `split`, `merged`, or a
  cross-reference that followed a renumbering): re-opened, flagged
  "clause changed since note", its `text_hash` left at the old text's;
- clause deleted, or not found in the old version: orphaned (kept in the
  file, flagged, never re-attached to another clause).

A re-opened note keeps its flag and old hash in later versions until a
translator resolves it (set `status: resolved`, delete the flag); it is
re-opened again only when its clause changes again.

No note is ever dropped: `len(carried.notes.notes) == len(notes.notes)`.
Suppressions follow their clause's label too; their hash is left alone, so
one whose pair text changed stops matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from dpa_compare.model import Clause, Document
from dpa_compare.notes.file import CHANGED_FLAG, Note, NotesFile, Suppression, with_flag
from dpa_compare.qa.text import text_hash

if TYPE_CHECKING:
    from dpa_compare.diff import ClauseChange

Outcome = Literal["kept", "renumbered", "reopened", "orphaned"]
OUTCOMES: tuple[str, ...] = ("kept", "renumbered", "reopened", "orphaned")


@dataclass(frozen=True)
class CarriedNote:
    """What happened to one note: `outcome`, its label before and after, and why."""

    note: Note
    outcome: Outcome
    old_clause: str
    new_clause: str
    reason: str


@dataclass(frozen=True)
class CarriedNotes:
    """The carried-forward notes file, and one `CarriedNote` per note in file order."""

    notes: NotesFile
    outcomes: tuple[CarriedNote, ...]

    def counts(self) -> dict[str, int]:
        """Return {outcome: number of notes} for every outcome, zeros included."""
        counts = dict.fromkeys(OUTCOMES, 0)
        for carried in self.outcomes:
            counts[carried.outcome] += 1
        return counts

    def of(self, outcome: str) -> list[CarriedNote]:
        """Return the notes with `outcome`."""
        return [c for c in self.outcomes if c.outcome == outcome]


def find_clause(document: Document, label: str, clause_id: str = "") -> Clause | None:
    """Return the clause of `document` with id `clause_id`, else full ref `label`, else label; None
    when absent."""
    by_id = {c.id: c for c in document.clauses}
    if clause_id and clause_id in by_id:
        return by_id[clause_id]
    for key in ("ref", "label", "id"):
        for clause in document.clauses:
            if getattr(clause, key) and getattr(clause, key) == label:
                return clause
    return None


def carry_notes(
    notes: NotesFile | Sequence[Note], old_en: Document, new_en: Document
) -> CarriedNotes:
    """Return `notes` (on `old_en`) carried forward to `new_en`; every note comes out, none is
    dropped."""
    from dpa_compare.diff import diff

    notes_file = notes if isinstance(notes, NotesFile) else NotesFile(tuple(notes))
    changes = _by_old_id(diff(old_en, new_en).changes)
    new_by_id = {c.id: c for c in new_en.clauses}
    version = new_en.version or new_en.source
    outcomes = [_carry(note, old_en, changes, new_by_id, version) for note in notes_file.notes]
    suppressions = tuple(
        _carry_suppression(s, old_en, changes, new_by_id) for s in notes_file.suppressions
    )
    carried = replace(notes_file, notes=tuple(o.note for o in outcomes), suppressions=suppressions)
    if len(carried.notes) != len(
        notes_file.notes
    ):  # -- the promise: notes never silently disappear --
        raise AssertionError(
            f"carry-forward lost notes: {len(notes_file.notes)} in, {len(carried.notes)} out"
        )
    return CarriedNotes(carried, tuple(outcomes))


def _by_old_id(changes: Sequence[ClauseChange]) -> dict[str, ClauseChange]:
    found: dict[str, ClauseChange] = {}
    for change in changes:
        for old_id in change.old_ids or ((change.old_id,) if change.old_id else ()):
            found[old_id] = change
    return found


def _carry(
    note: Note,
    old_en: Document,
    changes: dict[str, ClauseChange],
    new_by_id: dict[str, Clause],
    version: str,
) -> CarriedNote:
    if note.orphaned:
        return CarriedNote(
            note, "orphaned", note.clause, note.clause, "orphaned in an earlier version"
        )
    old = find_clause(old_en, note.clause, note.clause_id)
    if old is None:
        flag = f"clause not found in {old_en.version or old_en.source}"
        return CarriedNote(
            replace(with_flag(note, flag), orphaned=True),
            "orphaned",
            note.clause,
            note.clause,
            flag,
        )
    pinned = note.text_hash or text_hash(old.full_text)
    change = changes.get(old.id)
    if change is None or change.kind == "deleted" or change.new_id not in new_by_id:
        flag = f"clause deleted in {version}"
        moved = replace(
            with_flag(note, flag),
            orphaned=True,
            text_hash=pinned,
            clause_id=old.id,
            clause=old.ref or note.clause,
        )
        return CarriedNote(moved, "orphaned", note.clause, "", flag)
    new = new_by_id[change.new_id]
    label = new.citation or new.id
    text_changed = (
        change.kind in ("modified", "moved_modified", "split", "merged") or change.xref_only
    )
    if text_changed:
        why = _why(change, new_by_id)
        reopened = with_flag(
            replace(note, status="open", clause=label, clause_id=new.id, text_hash=pinned),
            CHANGED_FLAG,
        )
        return CarriedNote(reopened, "reopened", note.clause, label, why)
    # -- a note still flagged from an earlier change keeps the hash of the text it was written
    # against --
    kept_hash = pinned if CHANGED_FLAG in note.flags else text_hash(new.full_text)
    kept = replace(note, clause=label, clause_id=new.id, text_hash=kept_hash)
    outcome: Outcome = "kept" if label == (old.citation or old.id) else "renumbered"
    return CarriedNote(kept, outcome, note.clause, label, change.kind)


def _why(change: ClauseChange, new_by_id: dict[str, Clause]) -> str:
    if change.kind == "split":
        parts = [new_by_id[i].ref for i in change.new_ids if i in new_by_id]
        return f"split into {', '.join(parts)}"
    if change.kind == "merged":
        return f"merged into {change.new_label} with {', '.join(change.old_ids)}"
    if change.xref_only and change.kind not in ("modified", "moved_modified"):
        return "cross-references followed a renumbering"
    return change.kind


def _carry_suppression(
    supp: Suppression,
    old_en: Document,
    changes: dict[str, ClauseChange],
    new_by_id: dict[str, Clause],
) -> Suppression:
    old = find_clause(old_en, supp.clause) if supp.clause else None
    change = changes.get(old.id) if old is not None else None
    if change is None or change.new_id not in new_by_id:
        return supp
    new = new_by_id[change.new_id]
    return replace(supp, clause=new.citation or supp.clause)


__all__ = ["OUTCOMES", "CarriedNote", "CarriedNotes", "carry_notes", "find_clause"]
