"""Translator notes and suppressed findings: one file per translation, read from YAML (or CSV),
written as YAML.

    source: zh/dpa-2020-05.zh.md
    notes:
      - clause: "7.1"             # English clause label (full ref), or clause_id: "7.1"
        zh_clause: "7.1"
        author: "Li Na"
        date: "2020-04-25"
        text: "数字格式：……"
        status: resolved          # open | resolved
        text_hash: "…"            # sha256 of the English clause text the note was written against
        flags: ["clause changed since note"]   # set by carry-forward
        orphaned: false           # true once the clause was deleted
    suppressions:
      - check: numbers
        clause: "Annex 2 8"
        zh_clause: "附件二 8"
        hash: "…"                 # Finding.text_hash: sha256 of the pair's normalised EN+ZH text
        reason: "ISO/IEC 27001 is a standard number, not a quantity"
        author: "Chen Yu"
        date: "2024-05-02"

A suppression hides findings of its `check` on the pair whose text hashes to
`hash` (and, when `message` is given, only the finding with that message);
once either text changes the finding comes back. CSV notes files have one row
per note with the note fields as columns; a `kind` column set to
`suppression` turns a row into a suppression (columns `check`, `hash`, …).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dpa_compare.errors import LoadError
from dpa_compare.files import load_yaml, read_input
from dpa_compare.qa.registry import Finding

STATUSES = ("open", "resolved")
CHANGED_FLAG = "clause changed since note"
"""The flag carry-forward sets on a note whose clause's text changed (the note is re-opened)."""


@dataclass(frozen=True)
class Note:
    """One translator note on a clause: who wrote what, when, and whether it is still open.

    `clause` is the English clause label (its full ref, `7.2(a)`); `clause_id`
    the clause id when known. `text_hash` pins the English clause text the
    note was written against (`qa.text.text_hash`); `flags` are set by
    carry-forward; `orphaned` is True once the clause no longer exists.
    `extra` keeps any other fields of the file, in order.
    """

    clause: str
    text: str
    author: str = ""
    date: str = ""
    status: str = "open"
    zh_clause: str = ""
    clause_id: str = ""
    text_hash: str = ""
    flags: tuple[str, ...] = ()
    orphaned: bool = False
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Suppression:
    """A finding marked as a false positive: its check, the pair's text hash, where, why and by
    whom."""

    check: str
    hash: str
    clause: str = ""
    zh_clause: str = ""
    message: str = ""
    reason: str = ""
    author: str = ""
    date: str = ""

    def matches(self, finding: Finding) -> bool:
        """Return True when this suppression hides `finding` (same check, same pair text, same
        message if given)."""
        return (
            finding.check == self.check
            and finding.text_hash == self.hash
            and (not self.message or finding.message == self.message)
        )

    def same_place(self, finding: Finding) -> bool:
        """Return True when `finding` is of this check on the clause this suppression names."""
        return (
            finding.check == self.check
            and bool(self.clause or self.zh_clause)
            and (
                (not self.clause or finding.en_label == self.clause)
                and (not self.zh_clause or finding.zh_label == self.zh_clause)
            )
        )


@dataclass(frozen=True)
class NotesFile:
    """A notes file: its notes, its suppressions, and the other top-level fields (`source`, …)."""

    notes: tuple[Note, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    header: tuple[tuple[str, Any], ...] = ()
    path: str = ""


_NOTE_FIELDS = tuple(f.name for f in fields(Note) if f.name != "extra")
_SUPPRESSION_FIELDS = tuple(f.name for f in fields(Suppression))


def load_notes(path: str | Path) -> NotesFile:
    """Return the notes file at `path` (`.yaml` / `.yml` / `.csv`); LoadError naming the file when
    unreadable."""
    file = Path(path)
    try:
        data = read_input(file, "notes").decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(file, f"notes file is not UTF-8 text (byte {exc.start})") from None
    if file.suffix.lower() == ".csv":
        return _from_csv(data, file)
    if file.suffix.lower() not in (".yaml", ".yml"):
        raise LoadError(
            file, f"unsupported notes format {file.suffix or '(no suffix)'!r}; use .yaml or .csv"
        )
    return _from_yaml(data, file)


def _from_yaml(text: str, file: Path) -> NotesFile:
    import yaml

    try:
        doc = load_yaml(text, file)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise LoadError(
            file, f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}"
        ) from None
    if doc is None:
        doc = {}
    if isinstance(doc, list):
        doc = {"notes": doc}
    if not isinstance(doc, dict):
        raise LoadError(
            file, "notes file must be a mapping with 'notes' (and 'suppressions') lists"
        )
    raw_notes, raw_supp = doc.get("notes") or [], doc.get("suppressions") or []
    if not isinstance(raw_notes, list) or not isinstance(raw_supp, list):
        raise LoadError(file, "'notes' and 'suppressions' must be lists")
    notes = tuple(_note(raw, file, f"note {i}") for i, raw in enumerate(raw_notes, 1))
    supp = tuple(_suppression(raw, file, f"suppression {i}") for i, raw in enumerate(raw_supp, 1))
    header = tuple((k, v) for k, v in doc.items() if k not in ("notes", "suppressions"))
    return NotesFile(notes, supp, header, str(file))


def _csv_delimiter(text: str) -> str:
    """Return the delimiter of CSV `text`: `,`, `;` (a spreadsheet in a comma-decimal locale) or a
    tab.

    Read from the header row, whose column names contain none of them.
    """
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _from_csv(text: str, file: Path) -> NotesFile:
    rows = csv.DictReader(io.StringIO(text), delimiter=_csv_delimiter(text))
    if not rows.fieldnames or not {"clause", "clause_id", "check"} & {
        f.strip().lower() for f in rows.fieldnames
    }:
        raise LoadError(
            file,
            "CSV notes file needs a header row with 'clause' (or 'clause_id'), 'author', 'date', "
            "'text', 'status'",
        )
    rows.fieldnames = [f.strip().lower() for f in rows.fieldnames]
    notes, supp = [], []
    try:
        for row in rows:
            cells = {k: v for k, v in row.items() if k and v not in (None, "")}
            if not cells:
                continue
            where = f"line {rows.line_num}"
            if cells.pop("kind", "note").strip().lower() == "suppression":
                supp.append(_suppression(cells, file, where))
            else:
                if "flags" in cells:
                    cells["flags"] = [f for f in cells["flags"].split(";") if f.strip()]
                notes.append(_note(cells, file, where))
    except csv.Error as exc:
        raise LoadError(file, f"invalid CSV at line {rows.line_num}: {exc}") from None
    return NotesFile(tuple(notes), tuple(supp), (), str(file))


def _note(raw: Any, file: Path, where: str) -> Note:
    if not isinstance(raw, dict):
        raise LoadError(file, f"{where}: expected a mapping, got {type(raw).__name__}")
    clause = str(raw.get("clause") or raw.get("clause_id") or "").strip()
    if not clause:
        raise LoadError(file, f"{where}: note has no 'clause' (or 'clause_id')")
    status = str(raw.get("status") or "open").strip().lower()
    if status not in STATUSES:
        raise LoadError(file, f"{where}: status must be open or resolved, got {status!r}")
    flags = raw.get("flags") or ()
    if isinstance(flags, str):
        flags = (flags,)
    orphaned = raw.get("orphaned", False)
    return Note(
        clause=clause,
        text=str(raw.get("text") or ""),
        author=str(raw.get("author") or ""),
        date=str(raw.get("date") or ""),
        status=status,
        zh_clause=str(raw.get("zh_clause") or ""),
        clause_id=str(raw.get("clause_id") or ""),
        text_hash=str(raw.get("text_hash") or ""),
        flags=tuple(str(f).strip() for f in flags),
        orphaned=orphaned is True or str(orphaned).lower() == "true",
        extra=tuple((k, v) for k, v in raw.items() if k not in _NOTE_FIELDS),
    )


def _suppression(raw: Any, file: Path, where: str) -> Suppression:
    if not isinstance(raw, dict):
        raise LoadError(file, f"{where}: expected a mapping, got {type(raw).__name__}")
    missing = [k for k in ("check", "hash") if not str(raw.get(k) or "").strip()]
    if missing:
        raise LoadError(file, f"{where}: suppression needs {' and '.join(missing)}")
    unknown = set(raw) - set(_SUPPRESSION_FIELDS)
    if unknown:
        raise LoadError(
            file, f"{where}: unknown suppression field(s) {', '.join(sorted(map(str, unknown)))}"
        )
    return Suppression(**{k: str(raw.get(k) or "").strip() for k in _SUPPRESSION_FIELDS})


def notes_to_data(notes: NotesFile) -> dict[str, Any]:
    """Return `notes` as the YAML mapping `load_notes` reads (empty fields left out)."""
    data: dict[str, Any] = dict(notes.header)
    data["notes"] = [_note_data(n) for n in notes.notes]
    if notes.suppressions:
        data["suppressions"] = [
            {k: getattr(s, k) for k in _SUPPRESSION_FIELDS if getattr(s, k)}
            for s in notes.suppressions
        ]
    return data


def _note_data(note: Note) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in _NOTE_FIELDS:
        value = getattr(note, name)
        if name in ("clause", "text", "status") or value:
            data[name] = list(value) if isinstance(value, tuple) else value
    data.update(dict(note.extra))
    return data


def dump_notes(notes: NotesFile, fmt: str = "yaml") -> str:
    """Return `notes` serialised as YAML (`fmt="yaml"`) or CSV (`fmt="csv"`), readable by
    `load_notes`."""
    if fmt == "csv":
        return _to_csv(notes)
    import yaml

    return yaml.safe_dump(notes_to_data(notes), allow_unicode=True, sort_keys=False, width=120)


def _to_csv(notes: NotesFile) -> str:
    columns = ["kind", *_NOTE_FIELDS, *(k for k in _SUPPRESSION_FIELDS if k not in _NOTE_FIELDS)]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for note in notes.notes:
        row = {k: getattr(note, k) for k in _NOTE_FIELDS}
        row["flags"] = ";".join(note.flags)
        row["orphaned"] = "true" if note.orphaned else ""
        writer.writerow({"kind": "note", **row})
    for supp in notes.suppressions:
        writer.writerow(
            {"kind": "suppression", **{k: getattr(supp, k) for k in _SUPPRESSION_FIELDS}}
        )
    return out.getvalue()


@dataclass(frozen=True)
class SuppressionResult:
    """Findings split by the suppressions: still `active`, `suppressed` (with the suppression), and
    `expired`.

    `expired` are suppressions naming a clause that still has a finding of
    their check, but whose text hash no longer matches: the text changed,
    so the finding is back.
    """

    active: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, Suppression], ...] = ()
    expired: tuple[Suppression, ...] = field(default=())


def apply_suppressions(
    findings: Iterable[Finding], suppressions: Sequence[Suppression]
) -> SuppressionResult:
    """Return `findings` split into active and suppressed ones under `suppressions`."""
    active, suppressed = [], []
    for finding in findings:
        match = next((s for s in suppressions if s.matches(finding)), None)
        if match is None:
            active.append(finding)
        else:
            suppressed.append((finding, match))
    used = {id(s) for _, s in suppressed}
    expired = tuple(
        s for s in suppressions if id(s) not in used and any(s.same_place(f) for f in active)
    )
    return SuppressionResult(tuple(active), tuple(suppressed), expired)


def suppress(
    finding: Finding, reason: str = "", author: str = "", date: str = "", whole_check: bool = True
) -> Suppression:
    """Return the suppression that hides `finding` (and, unless `whole_check` is False, its check on
    that pair)."""
    return Suppression(
        check=finding.check,
        hash=finding.text_hash,
        clause=finding.en_label,
        zh_clause=finding.zh_label,
        message="" if whole_check else finding.message,
        reason=reason,
        author=author,
        date=date,
    )


def with_flag(note: Note, flag: str) -> Note:
    """Return `note` with `flag` added once."""
    return note if flag in note.flags else replace(note, flags=(*note.flags, flag))


def notes_by_clause(notes: Iterable[Note]) -> Mapping[str, list[Note]]:
    """Return English clause label → its notes (orphaned notes left out)."""
    found: dict[str, list[Note]] = {}
    for note in notes:
        if not note.orphaned:
            found.setdefault(note.clause, []).append(note)
    return found


__all__ = [
    "CHANGED_FLAG",
    "STATUSES",
    "Note",
    "NotesFile",
    "Suppression",
    "SuppressionResult",
    "apply_suppressions",
    "dump_notes",
    "load_notes",
    "notes_by_clause",
    "notes_to_data",
    "suppress",
    "with_flag",
]
